"""Text to terms: the rules the browser must apply identically (docs/search-format.md,
"Text to terms"). search-worker.js implements the same steps and reads every table
(`TEXT_RULES`) from the manifest, so this module is the one place the rules live."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Any

from ..directions import unbalanced_controls
from ..folding import DIACRITICS, LETTER_VARIANTS

MAX_TERM_LENGTH = 40
PREFIX_LENGTH = 3  # completion starts at three characters; shorter words match exactly

# The code points deleted from text (step 3): diacritics, and what separates nothing in a word
# (apostrophes, the soft hyphen, joiners, direction marks, the byte-order mark)
DELETED: tuple[tuple[int, int], ...] = tuple(
    sorted(
        (
            *DIACRITICS,
            (0x0027, 0x0027),  # apostrophe
            (0x00AD, 0x00AD),  # soft hyphen
            (0x02BC, 0x02BC),  # modifier letter apostrophe
            (0x061C, 0x061C),  # Arabic letter mark
            (0x200C, 0x200F),  # ZWNJ, ZWJ, left-to-right and right-to-left marks
            (0x2018, 0x2019),  # single quotation marks (the right one: the typographic apostrophe)
            (0x202A, 0x202E),  # bidirectional embeddings and overrides
            (0x2060, 0x2060),  # word joiner
            (0x2066, 0x2069),  # bidirectional isolates
            (0xFEFF, 0xFEFF),  # byte-order mark
        )
    )
)

MAPPED = LETTER_VARIANTS  # step 4

# (suffix, replacement, minimum word length, letters that may not precede the suffix)
PLURAL_RULES: tuple[tuple[str, str, int, str], ...] = (
    ("ies", "y", 5, "ae"),
    ("sses", "ss", 5, ""),
    ("ches", "ch", 6, ""),
    ("shes", "sh", 6, ""),
    ("xes", "x", 5, ""),
    ("s", "", 4, "siu"),
)

SNIPPET_LENGTH = 160  # characters of text stored for the result's teaser

TEXT_RULES: dict[str, Any] = {
    "deleted": [list(pair) for pair in DELETED],
    "mapped": [list(pair) for pair in MAPPED],
    "max_term_length": MAX_TERM_LENGTH,
    "plural_rules": [list(rule) for rule in PLURAL_RULES],
}


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
    start = text[:cut].rstrip(" ,;:.-\u2013\u2014")
    # a direction control the cut leaves open would reverse the teaser's end
    return (unbalanced_controls(start) or start) + "\u2026"
