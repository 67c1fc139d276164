"""Queries answered from an index's files, as search-worker.js answers them."""

from __future__ import annotations

import json
import math
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .codec import decode_numbers
from .shards import MANIFEST, ShardScheme, chunk_path, postings_path, prefix_path
from .text import PREFIX_LENGTH, normalize, stem, tokenize

PREFIX_WEIGHT = 0.5  # a completion of the word being typed, against the word itself
EXPANSIONS = 8  # completions looked up for the word being typed
RESULT_LIMIT = 20  # results the client shows (Material's count then says at most this)


@dataclass(frozen=True)
class SearchHit:
    """One result of `SearchIndex.search`: what the browser shows for it."""

    url: str
    title: str
    tags: tuple[str, ...]
    snippet: str
    score: float


@dataclass(frozen=True)
class SearchResults:
    """The best hits of a query, how many documents matched, and the files (relative to the
    index folder, in the order the browser loads them) the query needed."""

    hits: tuple[SearchHit, ...]
    total: int
    files: tuple[str, ...]


@dataclass(frozen=True)
class QueryWord:
    """A word of a query: the term it must match, and the prefix its completions start with
    (only for the last word while it is being typed, when at least `PREFIX_LENGTH` long)."""

    term: str
    prefix: str | None = None


def query_words(query: str) -> list[QueryWord]:
    """The words of a query as the client reads them. The last word is being typed unless
    the query ends with something that is not part of a word (a space)."""
    words = tokenize(query)
    normal = normalize(query)
    typing = bool(normal) and _is_word_character(normal[-1])
    found: list[QueryWord] = []
    for position, word in enumerate(words):
        last = position == len(words) - 1
        prefix = word if typing and last and len(word) >= PREFIX_LENGTH else None
        candidate = QueryWord(stem(word), prefix)
        if candidate not in found:
            found.append(candidate)
    return found


def _is_word_character(character: str) -> bool:
    return unicodedata.category(character)[0] in "LMN"


class IndexFiles:
    """The files of an index, queried the way search-worker.js queries them: the worker's
    twin in Python, to test and measure the index. `IndexFiles.read(folder)` opens the index
    a build wrote."""

    def __init__(self, files: dict[str, bytes]) -> None:
        self._files = files
        self._decoded: dict[str, Any] = {}  # parsed files

    @classmethod
    def read(cls, directory: str | Path) -> IndexFiles:
        root = Path(directory)
        files = {
            path.relative_to(root).as_posix(): path.read_bytes() for path in root.rglob("*.json")
        }
        return cls(files)

    def documents(self) -> list[tuple[str, str, tuple[str, ...]]]:
        """(url, title, tags) of every document in the index, by id."""
        chunks = sorted(
            (int(Path(path).stem), path) for path in self._files if path.startswith("m/")
        )
        found = []
        for _number, path in chunks:
            for entry in json.loads(self._files[path]):
                if entry is not None:
                    found.append((entry[0], entry[1], tuple(entry[2])))
        return found

    def _load(self, path: str, loaded: list[str]) -> Any:
        if path not in loaded:
            loaded.append(path)
        if path not in self._decoded:
            self._decoded[path] = json.loads(self._files[path])
        return self._decoded[path]

    def search(self, query: str, limit: int | None = None) -> SearchResults:
        """Answer `query` from the files, as search-worker.js does for the articles: the best
        `limit` (default: the manifest's) hits, the number of matches, and the files read."""
        loaded: list[str] = []
        manifest = self._load(MANIFEST, loaded)
        settings = manifest["query"]
        limit = settings["results"] if limit is None else limit
        scheme = ShardScheme(manifest["postings"], manifest["prefixes"])
        candidates: list[dict[str, float]] = []
        for word in query_words(query):
            weights = {word.term: 1.0}
            if word.prefix is not None:
                known = self._load(prefix_path(scheme.prefix_shard(word.prefix)), loaded)
                completions = sorted(
                    (-bucket, len(term), term.encode("utf-16-be"), term)
                    for term, bucket in known.items()
                    if term.startswith(word.prefix) and term != word.term
                )
                for *_, term in completions[: settings["expansions"]]:
                    weights[term] = settings["prefix_weight"]
            candidates.append(weights)
        count = manifest["documents"]
        scores: dict[int, float] = {}
        matched: dict[int, int] = {}
        for weights in candidates:
            best: dict[int, float] = {}
            for term, weight in weights.items():
                shard = self._load(postings_path(scheme.postings_shard(term)), loaded)
                if term not in shard:
                    continue
                numbers = decode_numbers(shard[term])
                gaps, impacts = numbers[0::2], numbers[1::2]
                idf = math.log(1 + (count - len(gaps) + 0.5) / (len(gaps) + 0.5))
                doc_id = 0
                for gap, impact in zip(gaps, impacts, strict=True):
                    doc_id += gap
                    score = weight * idf * impact
                    if score > best.get(doc_id, 0.0):
                        best[doc_id] = score
            for doc_id, score in best.items():
                scores[doc_id] = scores.get(doc_id, 0.0) + score
                matched[doc_id] = matched.get(doc_id, 0) + 1
        ranked = sorted(scores, key=lambda d: (-matched[d], -scores[d], -d))[:limit]
        hits = []
        for doc_id in ranked:
            chunk = self._load(chunk_path(doc_id // manifest["chunk"]), loaded)
            url, title, tags, teaser, _lang = chunk[doc_id % manifest["chunk"]]
            hits.append(SearchHit(url, title, tuple(tags), teaser, scores[doc_id]))
        return SearchResults(tuple(hits), len(scores), tuple(loaded))
