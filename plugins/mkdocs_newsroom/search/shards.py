"""Where an index keeps what: its folder in the site, its files, and how terms are spread
over the postings and prefix shards (docs/search-format.md, "Files")."""

from __future__ import annotations

import math
from dataclasses import dataclass

from .text import PREFIX_LENGTH, term_hash

# Where the plugin puts things, relative to the site folder.
INDEX_DIR = "search/newsroom"
SEARCH_PLUGIN = "material/search"  # the plugin whose search box reads the index (its key)
MATERIAL_INDEX = "search/search_index.json"  # that plugin's own index: the site's other pages
WORKER_PATH = "assets/newsroom/search-worker.js"

FORMAT = 2
MANIFEST = "manifest.json"
CHUNK_SIZE = 8  # documents per metadata chunk
DOCUMENTS_PER_POSTINGS_SHARD = 4
POSTINGS_PER_PREFIX_SHARD = 8


@dataclass(frozen=True)
class ShardScheme:
    """How many postings and prefix shards the index has (both powers of two)."""

    postings: int
    prefixes: int

    @classmethod
    def for_documents(cls, count: int) -> ShardScheme:
        """The scheme a fresh build of `count` documents uses: about
        `DOCUMENTS_PER_POSTINGS_SHARD` documents' worth of postings per shard."""
        postings = _power_of_two(count / DOCUMENTS_PER_POSTINGS_SHARD)
        return cls(postings, max(1, postings // POSTINGS_PER_PREFIX_SHARD))

    def suits(self, count: int) -> bool:
        """Whether an update may keep this scheme for `count` documents: until the ideal
        scheme is four times larger or smaller (then every shard is rewritten once)."""
        ideal = ShardScheme.for_documents(count).postings
        return ideal < self.postings * 4 and self.postings < ideal * 4

    def postings_shard(self, term: str) -> int:
        return term_hash(term) & (self.postings - 1)

    def prefix_shard(self, term: str) -> int:
        return term_hash(term[:PREFIX_LENGTH]) & (self.prefixes - 1)


def _power_of_two(value: float) -> int:
    """The power of two nearest to `value` (on a log scale), at least 1."""
    if value <= 1:
        return 1
    return 1 << round(math.log2(value))


def postings_path(shard: int) -> str:
    return f"p/{shard}.json"


def prefix_path(shard: int) -> str:
    return f"d/{shard}.json"


def chunk_path(chunk: int) -> str:
    return f"m/{chunk}.json"


@dataclass(frozen=True)
class IndexChanges:
    """What an update did to the files: paths (relative to the index folder) written with
    new bytes, and paths that no longer exist."""

    written: tuple[str, ...]
    deleted: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.written or self.deleted)
