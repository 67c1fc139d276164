"""The site's search index: small static files a reader's browser loads a few at a time.

Material's own search makes every reader download one lunr index of the whole site (13 MB
gzipped at 10,000 articles) and build it in the browser before the first answer. This module
writes the articles' index instead as many small JSON files under `INDEX_DIR`, and
`templates/assets/newsroom/search-worker.js` answers Material's search box from them: a
one-word query loads the manifest, one prefix shard, the postings shards of the word and of
a few of its completions, and the metadata chunks of the best results (well under 300 KB
gzipped at 10,000 articles; `bench/search_size.py` measures it).

Pure Python, no MkDocs: the plugin hands over `SearchDocument`s and writes the files.

Files (all UTF-8 JSON, written without spaces, keys sorted: the same documents give the same
bytes)
------------------------------------------------------------------------------------------
`manifest.json`
    `{"format": 2, "version", "documents", "slots", "chunk", "postings", "prefixes",
    "digits", "query": {...}, "ranking": {...}, "text": {...}}`: `documents` is how many
    articles the index holds, `slots` the number of document ids in use (ids of removed
    articles stay empty until the next full build), `chunk` the documents per metadata chunk,
    `postings` and `prefixes` the number of postings and prefix shards (powers of two),
    `digits` the postings' `NUMBER_DIGITS`, `query` the client's limits, `ranking` the
    scoring constants, `text` the normalisation tables (below). `version` is a hash of every
    other file: the client appends `?v=<version>` to each file it fetches, so a browser never
    mixes files of two builds from its cache.
`p/<i>.json` (postings shard i)
    `{term: numbers, ...}` for every term with `term_hash(term) % postings == i`. `numbers`
    is a string of variable-length numbers, a pair per document holding the term:
    `gap, impact, gap, impact...`. Document ids ascend; the first gap is the first id, then
    each gap is the difference to the previous id. `impact` is the term's weight in that
    document (see `ranking`), an integer from 1 to 255. A number is written five bits at a
    time, lowest first, one character of `NUMBER_DIGITS` each: the digit's value less 32
    when 32 or more (more bits follow), else the last five bits. Two to three characters a
    posting, where JSON lists of decimals took six to seven (the postings are most of the
    index's bytes).
`d/<i>.json` (prefix shard i)
    `{term: bucket, ...}` for every term of at least `PREFIX_LENGTH` characters with
    `term_hash(term[:PREFIX_LENGTH]) % prefixes == i`; `bucket` is the bit length of its
    document frequency. The client completes the word being typed from it.
`m/<i>.json` (metadata chunk i)
    A list of `chunk` entries for document ids `i * chunk ...`, each `null` (a removed
    article) or `[url, title, [tag, ...], snippet, lang]`, all raw text: the client escapes
    them before Material inserts them as HTML.

Every shard file exists, even empty (`{}`), so the client never gets a 404.

Text to terms: the rules the browser must apply identically
------------------------------------------------------------
`normalize`, `tokenize` and `stem` below implement them; search-worker.js implements the same
steps, and reads every table (`TEXT_RULES`) from the manifest, so this module is the one
place the rules live.

1. Unicode NFKD: presentation forms, ligatures and full-width letters become plain letters;
   accents, hamza and madda come apart from their letter (so step 3 drops them).
2. Lower case (Unicode default case mapping: Python `str.lower`, JavaScript `toLowerCase`).
3. Delete the code points of `DELETED`: combining accents, Arabic diacritics (harakat,
   tanwin, shadda, sukun, superscript alef, Quranic marks), tatweel, the zero-width
   non-joiner and joiner (U+200C, U+200D: a Persian or Pashto word written with a ZWNJ stays
   one word, and matches the same word typed without it), soft hyphen, direction marks, the
   byte-order mark and apostrophes (`Kabul's` is one word).
4. Replace letter variants with one spelling (`MAPPED`): Arabic yeh and alef maksura (ي ى) by
   Farsi yeh (ی), Arabic kaf (ك) by keheh (ک), teh marbuta and the other heh forms (ة ە ہ ھ)
   by heh (ه), alef wasla (ٱ) by alef (ا), Pashto gaf (ګ) by gaf (گ), Arabic-Indic and
   Persian digits by 0-9.
5. A word is a maximal run of code points of the Unicode general categories L (letters),
   M (marks) and N (numbers); anything else separates words. Words longer than
   `MAX_TERM_LENGTH` code points are dropped.
6. A word of ASCII letters only is made singular by the first rule of `PLURAL_RULES` that
   applies: `(suffix, replacement, minimum length, letters that may not precede the
   suffix)`, e.g. `cities` → `city`, `classes` → `class`, `churches` → `church`,
   `reports` → `report`, but `status`, `analysis`, `class` stay.

The result of step 6 is a term. Nothing depends on a document's language, only on the
script: a query needs no language to match an article.

Ranking
-------
`impact(term, document) = round(IMPACT_SCALE * (bm25 + title))`, with
`bm25 = tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / REFERENCE_LENGTH))` over the words of
the text and tags (`tf` the term's count, `length` the document's word count; a fixed
reference length instead of the collection's average keeps each document's impacts
independent of the others, so an update rewrites only what it touches), and
`title = TITLE_WEIGHT` when the term is in the title. A title match (25 and up) therefore
always outweighs a match in the text alone (at most 22). At query time each query word
scores `idf * impact * weight` per document (`idf = ln(1 + (N - df + 0.5) / (df + 0.5))`,
weight 1 for the word itself and `PREFIX_WEIGHT` for a completion of the word being typed,
the best of these per word), and documents are ranked by the number of query words they
match, then by the sum of their words' scores, then by the higher id (the newer article, when
URLs start with the date). The client shows the best `RESULT_LIMIT`.

Incremental updates
-------------------
`SearchIndex.update()` re-analyses only changed articles and re-encodes only the shards and
chunks their old and new terms touch; files whose bytes did not change are not reported. A
document keeps its id while its URL stays; a new one gets the next id (so ties in ranking
still favour the newest), and a removed one leaves an empty slot until the next fresh build.
Output is deterministic: `SearchIndex(docs)` gives ids in URL order, so the same documents in
any order give byte-identical files; and updating a fresh build's documents in place (same
URLs, same shard scheme) gives exactly the files a fresh build of the new documents gives.
The shard scheme follows the number of documents, and changes (rewriting every shard once)
only when an update leaves it four times too large or too small.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import unicodedata
from array import array
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import cache
from itertools import chain, pairwise
from operator import sub
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

# Where the plugin puts things, relative to the site folder.
INDEX_DIR = "search/newsroom"
WORKER_PATH = "assets/newsroom/search-worker.js"

FORMAT = 2
NUMBER_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
MANIFEST = "manifest.json"

# Text (see the module docstring, "Text to terms").
MAX_TERM_LENGTH = 40
PREFIX_LENGTH = 3  # completion starts at three characters; shorter words match exactly

DELETED: tuple[tuple[int, int], ...] = (
    (0x0027, 0x0027),  # apostrophe
    (0x00AD, 0x00AD),  # soft hyphen
    (0x02BC, 0x02BC),  # modifier letter apostrophe
    (0x0300, 0x036F),  # combining diacritical marks (accents, after NFKD)
    (0x0610, 0x061A),  # Arabic signs above and below
    (0x061C, 0x061C),  # Arabic letter mark
    (0x0640, 0x0640),  # tatweel
    (0x064B, 0x065F),  # harakat, tanwin, shadda, sukun, hamza and madda above/below
    (0x0670, 0x0670),  # superscript alef
    (0x06D6, 0x06DC),  # Quranic annotation signs
    (0x06DF, 0x06E4),
    (0x06E7, 0x06E8),
    (0x06EA, 0x06ED),
    (0x1AB0, 0x1AFF),  # combining diacritical marks extended
    (0x1DC0, 0x1DFF),  # combining diacritical marks supplement
    (0x200C, 0x200F),  # ZWNJ, ZWJ, left-to-right and right-to-left marks
    (0x2018, 0x2019),  # single quotation marks (the right one is the typographic apostrophe)
    (0x202A, 0x202E),  # bidirectional embeddings and overrides
    (0x2060, 0x2060),  # word joiner
    (0x2066, 0x2069),  # bidirectional isolates
    (0x20D0, 0x20FF),  # combining marks for symbols
    (0xFE20, 0xFE2F),  # combining half marks
    (0xFEFF, 0xFEFF),  # byte-order mark
)

MAPPED: tuple[tuple[str, str], ...] = (
    ("\u064a", "\u06cc"),  # ي Arabic yeh -> ی Farsi yeh
    ("\u0649", "\u06cc"),  # ى alef maksura -> ی
    ("\u0643", "\u06a9"),  # ك Arabic kaf -> ک keheh
    ("\u0629", "\u0647"),  # ة teh marbuta -> ه heh
    ("\u06d5", "\u0647"),  # ە ae -> ه (ۀ decomposes to it)
    ("\u06c1", "\u0647"),  # ہ heh goal -> ه
    ("\u06be", "\u0647"),  # ھ heh doachashmee -> ه
    ("\u0671", "\u0627"),  # ٱ alef wasla -> ا alef
    ("\u06ab", "\u06af"),  # ګ Pashto gaf -> گ gaf
    *((chr(0x0660 + d), str(d)) for d in range(10)),  # Arabic-Indic digits
    *((chr(0x06F0 + d), str(d)) for d in range(10)),  # Persian (extended) digits
)

# (suffix, replacement, minimum word length, letters that may not precede the suffix)
PLURAL_RULES: tuple[tuple[str, str, int, str], ...] = (
    ("ies", "y", 5, "ae"),
    ("sses", "ss", 5, ""),
    ("ches", "ch", 6, ""),
    ("shes", "sh", 6, ""),
    ("xes", "x", 5, ""),
    ("s", "", 4, "siu"),
)

# Ranking (see the module docstring, "Ranking").
K1 = 1.2
B = 0.75
REFERENCE_LENGTH = 600
TITLE_WEIGHT = 2.5
IMPACT_SCALE = 10
PREFIX_WEIGHT = 0.5  # a completion of the word being typed, against the word itself
EXPANSIONS = 8  # completions looked up for the word being typed
RESULT_LIMIT = 20  # results the client shows (Material's count then says at most this)
SNIPPET_LENGTH = 160  # characters of text stored for the result's teaser

# Shards.
MAX_DOCUMENTS = 1 << 24  # document ids and impacts share one 32-bit integer in memory
CHUNK_SIZE = 8  # documents per metadata chunk
DOCUMENTS_PER_POSTINGS_SHARD = 4
# The postings of a term in this many documents or more are encoded in runs of 2**RUN_BITS
# document ids, kept apart, so that updating one document re-encodes one run of them.
LONG_POSTINGS = 1024
RUN_BITS = 8
POSTINGS_PER_PREFIX_SHARD = 8

TEXT_RULES: dict[str, Any] = {
    "deleted": [list(pair) for pair in DELETED],
    "mapped": [list(pair) for pair in MAPPED],
    "max_term_length": MAX_TERM_LENGTH,
    "plural_rules": [list(rule) for rule in PLURAL_RULES],
}


# --------------------------------------------------------------------------------------------
# Text to terms
# --------------------------------------------------------------------------------------------

_TABLE: dict[int, str | None] = {
    **{code: None for low, high in DELETED for code in range(low, high + 1)},
    **{ord(variant): plain for variant, plain in MAPPED},
}
_ASCII_TABLE = {code: value for code, value in _TABLE.items() if code < 0x80}
assert all(ord(variant) >= 0x80 for variant, _ in MAPPED), "ASCII fast paths map nothing"
# Steps 2-5 for ASCII text at once: a byte table lower-cases letters, keeps digits and turns
# every other byte into a space (a separator), after the ASCII deletions.
_ASCII_DELETED = bytes(code for code in _ASCII_TABLE)
_ASCII_WORDS = bytes(
    ord(character) if unicodedata.category(character)[0] in "LMN" else 0x20
    for character in (chr(code).lower() for code in range(256))
)
_ASCII_LETTERS = re.compile(r"[a-z]+")


@cache
def _word_pattern() -> re.Pattern[str]:
    """Runs of Unicode letters, marks and numbers (categories L, M, N), as a character class
    built from the Unicode database once (`re` has no `\\p{...}`)."""
    ranges: list[tuple[int, int]] = []
    start = -1
    # Planes 0-3 hold every letter, mark and number; plane 14 holds variation selectors.
    for code in (*range(0x40000), *range(0xE0000, 0xE0200), 0x10FFFF):
        is_word = unicodedata.category(chr(code))[0] in "LMN"
        if is_word and start < 0:
            start = code
        elif not is_word and start >= 0:
            ranges.append((start, code - 1))
            start = -1
    members = "".join(
        re.escape(chr(low)) if low == high else f"{re.escape(chr(low))}-{re.escape(chr(high))}"
        for low, high in ranges
    )
    return re.compile(f"[{members}]+")


def normalize(text: str) -> str:
    """Steps 1-4 of the rules: NFKD, lower case, deletions, letter variants."""
    if text.isascii():  # the same result, faster: NFKD leaves ASCII alone
        return text.lower().translate(_ASCII_TABLE)
    return unicodedata.normalize("NFKD", text).lower().translate(_TABLE)


def tokenize(text: str) -> list[str]:
    """Steps 1-5: the normalised words of `text`, in order (not yet made singular)."""
    if text.isascii():
        words = text.encode().translate(_ASCII_WORDS, _ASCII_DELETED).decode().split()
    else:
        words = _word_pattern().findall(normalize(text))
    if max(map(len, words), default=0) > MAX_TERM_LENGTH:
        words = [word for word in words if len(word) <= MAX_TERM_LENGTH]
    return words


@cache
def stem(word: str) -> str:
    """Step 6: the singular of a word of ASCII letters (`cities` -> `city`); others as they are."""
    if not _ASCII_LETTERS.fullmatch(word):
        return word
    for suffix, replacement, minimum, not_after in PLURAL_RULES:
        if (
            len(word) >= minimum
            and word.endswith(suffix)
            and word[-len(suffix) - 1] not in not_after
        ):
            return word[: -len(suffix)] + replacement
    return word


def terms(text: str) -> list[str]:
    """The index terms of `text`, in order, repeated as often as they occur."""
    return [stem(word) for word in tokenize(text)]


def term_hash(text: str) -> int:
    """FNV-1a over the UTF-8 bytes, then MurmurHash3's 32-bit finaliser (mixes the low bits
    the shard number is taken from). search-worker.js computes the same number."""
    value = 0x811C9DC5
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    value ^= value >> 16
    value = (value * 0x85EBCA6B) & 0xFFFFFFFF
    value ^= value >> 13
    value = (value * 0xC2B2AE35) & 0xFFFFFFFF
    value ^= value >> 16
    return value


def snippet(text: str, length: int = SNIPPET_LENGTH) -> str:
    """The start of `text` for a result's teaser: whitespace collapsed, cut at a word, with
    an ellipsis when something was cut."""
    text = " ".join(text[: length * 4].split())  # enough text for the teaser, unless mostly spaces
    if len(text) <= length:
        return text
    cut = text.rfind(" ", 0, length + 1)
    if cut < length // 2:
        cut = length
    return text[:cut].rstrip(" ,;:.-\u2013\u2014") + "\u2026"


# --------------------------------------------------------------------------------------------
# Documents and the shard scheme
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SearchDocument:
    """One article as search sees it. Every string is raw text (never HTML).

    `url` is site-relative (`2024/05/01/slug/`); `tags` are shown under the title in the
    results (the section title and the display date); `text` is the plain text of the summary
    and the body; `lang` is the article's BCP 47 language (the results mark the title and
    teaser with it).
    """

    url: str
    title: str
    tags: tuple[str, ...]
    text: str
    lang: str


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


# --------------------------------------------------------------------------------------------
# The index
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Entry:
    """What the index keeps of a document: enough to remove it again and to write its chunk."""

    url: str
    digest: bytes
    terms: tuple[str, ...]  # its distinct terms
    record: str  # its metadata chunk entry, as JSON


def _digest(document: SearchDocument) -> bytes:
    fields = (document.url, document.title, "\x1f".join(document.tags), document.text)
    data = "\x1e".join((*fields, document.lang)).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=16).digest()


def _number_code(number: int) -> str:
    digits = []
    while number >= 32:
        digits.append(NUMBER_DIGITS[32 | number & 31])
        number >>= 5
    digits.append(NUMBER_DIGITS[number])
    return "".join(digits)


_SMALL_NUMBER_CODES = [_number_code(number) for number in range(1024)]
_DIGIT_VALUES = {digit: value for value, digit in enumerate(NUMBER_DIGITS)}


def encode_numbers(numbers: Iterable[int]) -> str:
    """Non-negative integers as the postings' variable-length digits (see `p/<i>.json`)."""
    small = _SMALL_NUMBER_CODES
    return "".join([small[n] if n < 1024 else _number_code(n) for n in numbers])


def decode_numbers(text: str) -> list[int]:
    numbers = []
    value = shift = 0
    for digit in text:
        bits = _DIGIT_VALUES[digit]
        value |= (bits & 31) << shift
        if bits & 32:
            shift += 5
        else:
            numbers.append(value)
            value = shift = 0
    return numbers


def _encode_codes(codes: Sequence[int], previous: int = 0) -> str:
    """Postings (`id << 8 | impact`, ascending) as digits: each id as its gap from the one
    before (the first from `previous`), then its impact."""
    if not codes:
        return ""
    ids = [code >> 8 for code in codes]
    gaps = [ids[0] - previous, *map(sub, ids[1:], ids)]
    impacts = [code & 0xFF for code in codes]
    return encode_numbers(chain.from_iterable(zip(gaps, impacts, strict=True)))


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _quantize(weight: float) -> int:
    return min(255, max(1, int(weight * IMPACT_SCALE + 0.5)))


def analyse(document: SearchDocument) -> dict[str, int]:
    """Each term of a document with its impact (see "Ranking" in the module docstring)."""
    words = tokenize(document.text)
    for tag in document.tags:
        words.extend(tokenize(tag))
    counts = Counter(map(stem, words))
    norm = K1 * (1 - B + B * len(words) / REFERENCE_LENGTH)
    by_count = {count: _quantize(count * (K1 + 1) / (count + norm)) for count in {*counts.values()}}
    impacts = dict(zip(counts, map(by_count.__getitem__, counts.values()), strict=True))
    for term in set(terms(document.title)):
        count = counts.get(term, 0)
        impacts[term] = _quantize(count * (K1 + 1) / (count + norm) + TITLE_WEIGHT)
    return impacts


class IndexFiles:
    """The files of an index, queried the way search-worker.js queries them (for tests and
    measurements). `IndexFiles.read(folder)` opens the index a build wrote."""

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


class SearchIndex(IndexFiles):
    """The search index of a set of articles, as the files the browser loads.

    `SearchIndex(documents)` builds it; `update()` applies changes and reports which files
    changed; `files()` gives every file's bytes, `write()` writes them; `search()` answers a
    query the way search-worker.js does (for tests and measurements).
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
        super().__init__({})
        self._digests: dict[str, bytes] = {}  # of each file but the manifest, for `version`
        self._assign_shards()
        for document in ordered:
            self._add(len(self._entries), document, _digest(document))
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

    def manifest(self) -> dict[str, Any]:
        manifest: dict[str, Any] = json.loads(self._files[MANIFEST])
        return manifest

    def files(self) -> dict[str, bytes]:
        """Every file of the index: path relative to the index folder -> bytes."""
        return dict(self._files)

    def write(self, directory: str | Path, changes: IndexChanges | None = None) -> list[Path]:
        """Write the index into `directory` (the site's `INDEX_DIR`) and return the paths
        written. With `changes` (from `update()`, over a folder holding the previous files),
        write only those files and delete the ones that went; otherwise write every file."""
        root = Path(directory)
        paths = self._files if changes is None else changes.written
        written = []
        for path in paths:
            target = root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(self._files[path])
            written.append(target)
        for path in changes.deleted if changes else ():
            (root / path).unlink(missing_ok=True)
        return written

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
            digest = _digest(document)
            doc_id = self._ids.get(document.url, len(self._entries))
            entry = self._entries[doc_id] if doc_id < len(self._entries) else None
            if entry is not None and entry.digest == digest:
                continue
            old = self._remove(doc_id) if entry is not None else {}
            new = self._add(doc_id, document, digest)
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
        for path in (*written, *deleted):
            self._decoded.pop(path, None)
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

    def _add(self, doc_id: int, document: SearchDocument, digest: bytes) -> dict[str, int]:
        """Index a document under `doc_id`; return its terms and their impacts."""
        if doc_id >= MAX_DOCUMENTS:
            raise ValueError(f"a search index holds at most {MAX_DOCUMENTS} documents")
        impacts = analyse(document)
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
        record = _dump(
            [
                document.url,
                document.title,
                list(document.tags),
                snippet(document.text),
                document.lang,
            ]
        )
        entry = _Entry(document.url, digest, tuple(impacts), record)
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
        self._forget_encodings(entry.terms, doc_id)
        impacts = {}
        for term in entry.terms:
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
        self._decoded.clear()

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
        numbers = self._encode_runs(term) if long else _encode_codes(codes)
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
                rest = self._encoded_runs[(term, run)] = _encode_codes(
                    codes[start + 1 : end], first
                )
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
        return _dump(buckets).encode()

    def _encode_chunk(self, chunk: int) -> bytes:
        entries = self._entries[chunk * CHUNK_SIZE : (chunk + 1) * CHUNK_SIZE]
        chunk_text = "[" + ",".join(e.record if e else "null" for e in entries) + "]"
        return chunk_text.encode("utf-8", "replace")  # (a lone surrogate becomes "?")

    def _encode_manifest(self) -> bytes:
        version = hashlib.sha256()
        for path in sorted(self._digests):
            version.update(f"{path}\0".encode())
            version.update(self._digests[path])
        manifest = {
            "format": FORMAT,
            "version": version.hexdigest()[:16],
            "documents": len(self._ids),
            "slots": len(self._entries),
            "chunk": CHUNK_SIZE,
            "postings": self._scheme.postings,
            "prefixes": self._scheme.prefixes,
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
        return _dump(manifest).encode()
