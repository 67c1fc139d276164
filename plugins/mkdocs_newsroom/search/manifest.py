"""manifest.json: what a reader's browser learns first of an index (docs/search-format.md)."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from .codec import NUMBER_DIGITS, dump
from .documents import IMPACT_SCALE, K1, REFERENCE_LENGTH, TITLE_WEIGHT, B
from .query import EXPANSIONS, PREFIX_WEIGHT, RESULT_LIMIT
from .shards import CHUNK_SIZE, FORMAT
from .text import PREFIX_LENGTH, SNIPPET_LENGTH, TEXT_RULES

if TYPE_CHECKING:
    from collections.abc import Mapping

    from .shards import ShardScheme


def encode_manifest(
    digests: Mapping[str, bytes], documents: int, slots: int, scheme: ShardScheme
) -> bytes:
    """The manifest of an index of `documents` articles in `slots` document ids; `digests`
    are those of every other file, whose hash is the index's `version`."""
    version = hashlib.sha256()
    for path in sorted(digests):
        version.update(f"{path}\0".encode())
        version.update(digests[path])
    manifest = {
        "format": FORMAT,
        "version": version.hexdigest()[:16],
        "documents": documents,
        "slots": slots,
        "chunk": CHUNK_SIZE,
        "postings": scheme.postings,
        "prefixes": scheme.prefixes,
        "digits": NUMBER_DIGITS,
        "query": {
            "prefix_length": PREFIX_LENGTH,
            "expansions": EXPANSIONS,
            "prefix_weight": PREFIX_WEIGHT,
            "results": RESULT_LIMIT,
            "snippet": SNIPPET_LENGTH,
        },
        "ranking": {
            "k1": K1,
            "b": B,
            "length": REFERENCE_LENGTH,
            "title": TITLE_WEIGHT,
            "scale": IMPACT_SCALE,
        },
        "text": TEXT_RULES,
    }
    return dump(manifest).encode()
