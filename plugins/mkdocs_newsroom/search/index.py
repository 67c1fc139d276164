"""The search index of a set of articles, made into the files the browser loads, and kept up
to date as articles change: an update re-encodes only the files its documents touch, and gives
the files a fresh build would (docs/search-format.md, "Incremental updates")."""

from __future__ import annotations

import hashlib
import json
from array import array
from bisect import bisect_left
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .codec import dump, encode_codes, encode_numbers
from .documents import SearchDocument, analyse, digest
from .index_files import write_index_files
from .manifest import encode_manifest
from .query import IndexFiles, SearchResults
from .shards import (
    CHUNK_SIZE,
    MANIFEST,
    IndexChanges,
    ShardScheme,
    chunk_path,
    postings_path,
    prefix_path,
)
from .text import PREFIX_LENGTH, snippet, term_hash

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ..problems import Problem

MAX_DOCUMENTS = 1 << 24  # document ids and impacts share one 32-bit integer in memory
# The postings of a term in this many documents or more are encoded in runs of 2**RUN_BITS
# document ids, kept apart, so that updating one document re-encodes one run of them.
LONG_POSTINGS = 1024
RUN_BITS = 8


@dataclass(slots=True)
class _Entry:
    """What the index keeps of a document: enough to remove it again and to write its chunk."""

    url: str
    digest: bytes
    terms: tuple[str, ...] | None  # its distinct terms, kept by an index that will be updated
    record: str  # its metadata chunk entry, as JSON


class SearchIndex:
    """The search index of a set of articles, as the files the browser loads.

    `SearchIndex(documents)` builds it; `update()` applies changes and reports which files
    changed; `files()` gives every file's bytes, `write()` writes them; `search()` answers a
    query from them the way search-worker.js does (`IndexFiles`, for tests and measurements).
    """

    def __init__(
        self,
        documents: Iterable[SearchDocument] = (),
        scheme: ShardScheme | None = None,
        *,
        updated: bool = False,
    ) -> None:
        """Index `documents` (URLs must be unique; ids follow URL order). `scheme` defaults
        to `ShardScheme.for_documents(len(documents))`. An index that will be `updated`
        keeps its encoded postings, so that an update re-encodes only what it touched."""
        ordered = sorted(documents, key=lambda document: document.url)
        for before, after in pairwise(ordered):
            if before.url == after.url:
                raise ValueError(f"two search documents have the URL {before.url!r}")
        self._scheme = scheme or ShardScheme.for_documents(len(ordered))
        self._entries: list[_Entry | None] = []  # by document id
        self._ids: dict[str, int] = {}  # URL -> document id
        # Each term's postings: `document id << 8 | impact`, ascending (ids below 2**24).
        self._postings: dict[str, array[int]] = {}
        # Each term's hash, and its prefix's hash (None: too short for the prefix shards).
        self._hashes: dict[str, tuple[int, int | None]] = {}
        self._postings_members: list[set[str]] = []  # the terms of each postings shard
        self._prefix_members: list[set[str]] = []  # the terms of each prefix shard
        # Each term's entry in its postings file, kept so that an update re-encodes only the
        # terms it touched, not every term of the shards it touched; and of each long term,
        # each run's postings after its first (see LONG_POSTINGS).
        self._keep_encodings = updated
        self._encoded_terms: dict[str, str] = {}
        self._encoded_runs: dict[tuple[str, int], str] = {}
        self._files: dict[str, bytes] = {}
        self._reader: IndexFiles | None = None  # answers queries from the files, once asked
        self._digests: dict[str, bytes] = {}  # of each file but the manifest, for `version`
        self._assign_shards()
        for document in ordered:
            searched = document.searched
            self._add(len(self._entries), document, digest(document, searched), searched)
        self._encode_all()

    # ---- reading ---------------------------------------------------------------------------

    @property
    def scheme(self) -> ShardScheme:
        return self._scheme

    @property
    def version(self) -> str:
        """A hash of every file but the manifest: changes whenever a file does."""
        return str(self.manifest()["version"])

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, url: object) -> bool:
        return url in self._ids

    def urls(self) -> list[str]:
        """The URLs of the documents in the index, in id order."""
        return [entry.url for entry in self._entries if entry is not None]

    def search(self, query: str, limit: int | None = None) -> SearchResults:
        """Answer `query` from the index's files, as search-worker.js does."""
        if self._reader is None:
            self._reader = IndexFiles(self._files)
        return self._reader.search(query, limit)

    def manifest(self) -> dict[str, Any]:
        manifest: dict[str, Any] = json.loads(self._files[MANIFEST])
        return manifest

    def files(self) -> dict[str, bytes]:
        """Every file of the index: path relative to the index folder -> bytes."""
        return dict(self._files)

    def write(self, directory: str | Path, changes: IndexChanges | None = None) -> list[Problem]:
        """Write the index into `directory` (the site's `INDEX_DIR`): what the file system
        refused. With `changes` (from `update()`, over a folder holding
        the previous files), write only those files and delete the ones that went."""
        return write_index_files(self._files, Path(directory), changes)

    # ---- changing --------------------------------------------------------------------------

    def update(
        self, changed: Iterable[SearchDocument] = (), removed: Iterable[str] = ()
    ) -> IndexChanges:
        """Add or replace `changed` documents (by URL) and remove the documents at `removed`
        URLs (unknown URLs are ignored). Returns the files whose bytes changed, and the files
        that no longer exist (only after a change of shard scheme)."""
        changed = sorted(changed, key=lambda document: document.url)
        removed = sorted(set(removed))
        urls = [document.url for document in changed]
        if len(set(urls)) != len(urls):
            raise ValueError("a URL appears twice among the changed search documents")
        if both := set(urls) & set(removed):
            raise ValueError(f"URLs both changed and removed: {sorted(both)}")

        touched_terms: set[str] = set()  # terms whose postings changed
        counted_terms: set[str] = set()  # terms whose document frequency changed
        touched_chunks: set[int] = set()
        for url in removed:
            if url in self._ids:
                doc_id = self._ids.pop(url)
                gone = self._remove(doc_id)
                touched_terms.update(gone)
                counted_terms.update(gone)
                touched_chunks.add(doc_id // CHUNK_SIZE)
        for document in changed:
            searched = document.searched
            document_digest = digest(document, searched)
            doc_id = self._ids.get(document.url, len(self._entries))
            entry = self._entries[doc_id] if doc_id < len(self._entries) else None
            if entry is not None and entry.digest == document_digest:
                continue
            old = self._remove(doc_id) if entry is not None else {}
            new = self._add(doc_id, document, document_digest, searched)
            touched_terms.update(t for t in old.keys() | new.keys() if old.get(t) != new.get(t))
            counted_terms.update(old.keys() ^ new.keys())
            touched_chunks.add(doc_id // CHUNK_SIZE)

        if not self._scheme.suits(len(self._ids)):
            before = self._files
            self._scheme = ShardScheme.for_documents(len(self._ids))
            self._assign_shards()
            self._encode_all()
            written = tuple(sorted(p for p, data in self._files.items() if before.get(p) != data))
            deleted = tuple(sorted(set(before) - set(self._files)))
        else:
            encoded: dict[str, bytes] = {}
            postings_mask = self._scheme.postings - 1
            prefix_mask = self._scheme.prefixes - 1
            postings_shards = {term_hash(term) & postings_mask for term in touched_terms}
            prefix_shards = {
                term_hash(term[:PREFIX_LENGTH]) & prefix_mask
                for term in counted_terms
                if len(term) >= PREFIX_LENGTH
            }  # (removed terms are no longer in self._hashes: hash them again)
            for shard in postings_shards:
                encoded[postings_path(shard)] = self._encode_postings(shard)
            for shard in prefix_shards:
                encoded[prefix_path(shard)] = self._encode_prefixes(shard)
            for chunk in touched_chunks:
                encoded[chunk_path(chunk)] = self._encode_chunk(chunk)
            changed_files = {p: d for p, d in encoded.items() if self._files.get(p) != d}
            self._store(changed_files)
            manifest = self._encode_manifest()
            if changed_files or manifest != self._files[MANIFEST]:
                self._files[MANIFEST] = manifest
                changed_files[MANIFEST] = manifest
            written, deleted = tuple(sorted(changed_files)), ()
        self._reader = None
        return IndexChanges(written, deleted)

    def _assign_shards(self) -> None:
        """Sort every term into the postings and prefix shards of the current scheme."""
        scheme = self._scheme
        self._postings_members = [set() for _ in range(scheme.postings)]
        self._prefix_members = [set() for _ in range(scheme.prefixes)]
        for term, (whole, prefix) in self._hashes.items():
            self._postings_members[whole & (scheme.postings - 1)].add(term)
            if prefix is not None:
                self._prefix_members[prefix & (scheme.prefixes - 1)].add(term)

    def _add(
        self, doc_id: int, document: SearchDocument, digest: bytes, searched: str
    ) -> dict[str, int]:
        """Index a document under `doc_id` (`searched`: its text); return its terms and their
        impacts."""
        if doc_id >= MAX_DOCUMENTS:
            raise ValueError(f"a search index holds at most {MAX_DOCUMENTS} documents")
        impacts = analyse(document, searched)
        base = doc_id << 8
        known = self._postings
        new_term = self._new_term
        self._forget_encodings(impacts, doc_id)
        if doc_id == len(self._entries):  # a new highest id: append to every list
            for term, impact in impacts.items():
                codes = known.get(term)
                if codes is None:
                    codes = new_term(term)
                codes.append(base | impact)
        else:
            for term, impact in impacts.items():
                codes = known.get(term)
                if codes is None:
                    codes = new_term(term)
                codes.insert(bisect_left(codes, base), base | impact)
        record = dump(
            [
                document.url,
                document.title,
                list(document.tags),
                snippet(searched),
                document.lang,
            ]
        )
        entry = _Entry(
            document.url, digest, tuple(impacts) if self._keep_encodings else None, record
        )
        if doc_id == len(self._entries):
            self._entries.append(entry)
        else:
            self._entries[doc_id] = entry
        self._ids[document.url] = doc_id
        return impacts

    def _new_term(self, term: str) -> array[int]:
        whole = term_hash(term)
        prefix = term_hash(term[:PREFIX_LENGTH]) if len(term) >= PREFIX_LENGTH else None
        self._hashes[term] = (whole, prefix)
        self._postings_members[whole & (self._scheme.postings - 1)].add(term)
        if prefix is not None:
            self._prefix_members[prefix & (self._scheme.prefixes - 1)].add(term)
        codes = self._postings[term] = array("I")
        return codes

    def _remove(self, doc_id: int) -> dict[str, int]:
        """Take a document out of the postings; return its terms and their impacts."""
        entry = self._entries[doc_id]
        if entry is None:  # pragma: no cover - the URL map and the entries agree
            return {}
        terms = entry.terms if entry.terms is not None else self._terms_of(doc_id)
        self._forget_encodings(terms, doc_id)
        impacts = {}
        for term in terms:
            codes = self._postings[term]
            position = bisect_left(codes, doc_id << 8)
            impacts[term] = codes[position] & 0xFF
            del codes[position]
            if not codes:
                del self._postings[term]
                whole, prefix = self._hashes.pop(term)
                self._postings_members[whole & (self._scheme.postings - 1)].remove(term)
                if prefix is not None:
                    self._prefix_members[prefix & (self._scheme.prefixes - 1)].remove(term)
        self._entries[doc_id] = None
        return impacts

    def _terms_of(self, doc_id: int) -> tuple[str, ...]:
        """A document's terms, found in the postings (an index made once does not keep each
        document's: 120 MB at 50,000 articles)."""
        low, high = doc_id << 8, (doc_id + 1) << 8
        return tuple(
            term
            for term, codes in self._postings.items()
            if (position := bisect_left(codes, low)) < len(codes) and codes[position] < high
        )

    # ---- encoding --------------------------------------------------------------------------

    def _encode_all(self) -> None:
        files: dict[str, bytes] = {}
        for shard in range(self._scheme.postings):
            files[postings_path(shard)] = self._encode_postings(shard)
        for shard in range(self._scheme.prefixes):
            files[prefix_path(shard)] = self._encode_prefixes(shard)
        for chunk in range(-(-len(self._entries) // CHUNK_SIZE)):
            files[chunk_path(chunk)] = self._encode_chunk(chunk)
        self._files = {}
        self._digests = {}
        self._store(files)
        self._files[MANIFEST] = self._encode_manifest()
        self._reader = None

    def _store(self, files: dict[str, bytes]) -> None:
        for path, data in files.items():
            self._files[path] = data
            self._digests[path] = hashlib.blake2b(data, digest_size=16).digest()

    def _encode_postings(self, shard: int) -> bytes:
        encode = self._kept_encoding if self._keep_encodings else self._encode_term
        parts = [encode(term) for term in sorted(self._postings_members[shard])]
        return ("{" + ",".join(parts) + "}").encode()

    def _kept_encoding(self, term: str) -> str:
        part = self._encoded_terms.get(term)
        if part is None:
            part = self._encoded_terms[term] = self._encode_term(term)
        return part

    def _encode_term(self, term: str) -> str:
        codes = self._postings[term]
        long = self._keep_encodings and len(codes) >= LONG_POSTINGS
        numbers = self._encode_runs(term) if long else encode_codes(codes)
        return f'{json.dumps(term, ensure_ascii=False)}:"{numbers}"'

    def _encode_runs(self, term: str) -> str:
        """A long term's postings, run by run: the first posting of a run is encoded from the
        run before it, the rest of the run is kept encoded."""
        codes = self._postings[term]
        parts = []
        previous = start = 0
        for run in range(codes[0] >> (8 + RUN_BITS), (codes[-1] >> (8 + RUN_BITS)) + 1):
            end = bisect_left(codes, (run + 1) << (8 + RUN_BITS), start)
            if end == start:
                continue
            first = codes[start] >> 8
            parts.append(encode_numbers((first - previous, codes[start] & 0xFF)))
            rest = self._encoded_runs.get((term, run))
            if rest is None:
                rest = self._encoded_runs[(term, run)] = encode_codes(codes[start + 1 : end], first)
            parts.append(rest)
            previous, start = codes[end - 1] >> 8, end
        return "".join(parts)

    def _forget_encodings(self, terms: Iterable[str], doc_id: int) -> None:
        """The postings of `terms` change at `doc_id`: their kept encodings are stale."""
        if not self._keep_encodings:
            return
        for term in self._encoded_terms.keys() & terms:
            del self._encoded_terms[term]
        if self._encoded_runs:
            run = doc_id >> RUN_BITS
            for term in terms:
                self._encoded_runs.pop((term, run), None)

    def _encode_prefixes(self, shard: int) -> bytes:
        members = self._prefix_members[shard]
        buckets = {term: len(self._postings[term]).bit_length() for term in members}
        return dump(buckets).encode()

    def _encode_chunk(self, chunk: int) -> bytes:
        entries = self._entries[chunk * CHUNK_SIZE : (chunk + 1) * CHUNK_SIZE]
        chunk_text = "[" + ",".join(e.record if e else "null" for e in entries) + "]"
        return chunk_text.encode("utf-8", "replace")  # (a lone surrogate becomes "?")

    def _encode_manifest(self) -> bytes:
        return encode_manifest(self._digests, len(self._ids), len(self._entries), self._scheme)
