"""Bidi controls a value leaves open. An embedding, override or isolate (U+202A-U+202E,
U+2066-U+2069) not closed within a title, a name or a tag goes on reordering what a page, a
feed or a browser tab puts after it: `Price \\u202e0.01$` turns " - The Portal" around too.
Those left open (and closers that close nothing) are removed, not closed at the value's end:
closing them would keep the value itself reversed ("0.01$" shown as "$10.0"), which is the
spoofing; removed, the value reads in the order it was typed. Balanced ones (a right-to-left
name isolated in a Latin line) are kept.

And the characters no web page, feed or YAML file may hold, wherever a text comes from."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import fields, is_dataclass, replace
from typing import Any

_EMBEDDINGS = frozenset("\u202a\u202b\u202d\u202e")  # LRE, RLE, LRO, RLO: closed by PDF
_ISOLATES = frozenset("\u2066\u2067\u2068")  # LRI, RLI, FSI: closed by PDI
_PDF, _PDI = "\u202c", "\u2069"
_ANY_CONTROL = re.compile("[\u202a-\u202e\u2066-\u2069]")
# Letters that show as blank space (Hangul fillers, the braille blank, Mongolian separator)
BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u180e")


# Characters no web page, feed or YAML file may hold: C0 controls but tab and line ends, DEL,
# C1 controls, lone surrogates and the Unicode non-characters.
_NON_CHARACTERS = "".join(
    f"\\U{plane << 16 | 0xFFFE:08x}\\U{plane << 16 | 0xFFFF:08x}" for plane in range(17)
)
INVALID_CHARACTERS = re.compile(
    rf"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef{_NON_CHARACTERS}]"
)
# The same, for a text without characters past U+FFFF: a class re checks against one table,
# where the 32 non-characters past U+FFFF are each compared with every character (ten times
# as long over a whole file)
_INVALID_BELOW_PLANE_1 = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]"
)
_PAST_PLANE_0 = re.compile(r"[\U00010000-\U0010ffff]")


def first_invalid(text: str) -> re.Match[str] | None:
    """`INVALID_CHARACTERS.search(text)`, in a tenth of the time unless `text` holds
    characters past U+FFFF (emoji)."""
    if text.isascii() or not _PAST_PLANE_0.search(text):
        return _INVALID_BELOW_PLANE_1.search(text)
    return INVALID_CHARACTERS.search(text)


def invalid_removed(text: str) -> tuple[str, str]:
    """`text` without the characters no page, feed or YAML file may hold, and the first of
    them as U+XXXX ('' when there was none)."""
    found = first_invalid(text)
    if found is None:
        return text, ""
    return INVALID_CHARACTERS.sub("", text), f"U+{ord(found.group()):04X}"


def character_codes(text: str) -> str:
    """The characters of `text` by their code points, each once, as a line names them:
    'U+200B, U+2066'."""
    return ", ".join(dict.fromkeys(f"U+{ord(character):04X}" for character in text))


def visible(character: str) -> bool:
    """Whether a reader sees `character` on its own: not a control, a space, a blank letter
    or a mark (an accent, a variation selector U+FE0F, the joiner U+034F), which shows only
    on a letter before it."""
    category = unicodedata.category(character)
    return category[0] not in "CZM" and character not in BLANK_LETTERS


def text_direction(text: str) -> str:
    """'rtl' where the first letter of `text` that has a direction, outside the isolates it
    holds, is written right to left (Arabic, Hebrew), else 'ltr': the direction a browser
    gives it (`dir="auto"`, Unicode's rule P2)."""
    isolated = 0
    for character in text:
        if character in _ISOLATES:
            isolated += 1
        elif character == "\u2069":  # PDI
            isolated = max(0, isolated - 1)
        elif not isolated:
            kind = unicodedata.bidirectional(character)
            if kind in ("R", "AL"):
                return "rtl"
            if kind == "L":
                return "ltr"
    return "ltr"


def unbalanced_controls(text: str) -> str:
    """`text` without the bidi controls it leaves open or that close nothing; '' if it has
    none (the usual case, seen in one pass over a short value)."""
    if _ANY_CONTROL.search(text) is None:
        return ""
    unmatched = _unmatched(text)
    if not unmatched:
        return ""
    return "".join(c for index, c in enumerate(text) if index not in unmatched)


def _unmatched(text: str) -> set[int]:
    """Where in `text` the bidi controls it leaves open, or that close nothing, stand."""
    opened: list[tuple[int, bool]] = []  # (where, is an isolate)
    unmatched: set[int] = set()
    for index, character in enumerate(text):
        if character in _EMBEDDINGS or character in _ISOLATES:
            opened.append((index, character in _ISOLATES))
        elif character == _PDF and opened and not opened[-1][1]:
            opened.pop()  # a PDF never closes past an isolate (UAX #9, X7)
        elif character == _PDI and any(isolate for _, isolate in opened):
            while not opened.pop()[1]:  # a PDI closes its isolate and what opened inside
                pass
        elif character in (_PDF, _PDI):
            unmatched.add(index)
    unmatched.update(index for index, _ in opened)
    return unmatched


_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def has_controls(text: str) -> bool:
    """Whether `text` holds a bidi control at all (most texts: no). `in` rather than a
    pattern: an ASCII text is answered at once, any other in half a pattern's time."""
    return any(control in text for control in _CONTROLS)


# Blocks of a text: what a blank line separates (a paragraph, a list, a heading and its text)
_BLANK_LINE = re.compile(r"(\n[ \t]*\n)")


def balanced_blocks(text: str) -> tuple[str, int, str]:
    """`text` with the bidi controls each of its blocks leaves open removed (each paragraph
    is a bidi paragraph of its own on a page, but not in a summary or a feed), the line
    (from 1) of the first removed and it as U+XXXX; (text, 0, '') if none was."""
    if not has_controls(text):
        return text, 0, ""
    parts = _BLANK_LINE.split(text)
    first_line, first_code, line = 0, "", 1
    for number, part in enumerate(parts):
        unmatched = _unmatched(part) if number % 2 == 0 and has_controls(part) else set()
        if unmatched:
            if not first_code:
                at = min(unmatched)
                first_line, first_code = line + part.count("\n", 0, at), f"U+{ord(part[at]):04X}"
            parts[number] = "".join(c for i, c in enumerate(part) if i not in unmatched)
        line += part.count("\n")
    return "".join(parts), first_line, first_code


def balanced(text: str) -> tuple[str, str]:
    """`text` with its open bidi controls removed, and the first removed as U+XXXX ('' if
    none, or if the value shows nothing anyway: the field's own line says that)."""
    cleaned = unbalanced_controls(text)
    if not cleaned or not any(visible(character) for character in cleaned):
        return text, ""
    first = next(c for a, c in zip(cleaned + "\0", text, strict=False) if a != c)
    return cleaned, f"U+{ord(first):04X}"


def left_open(field: str, code: str) -> str:
    """The line for a value of `field` that left the bidi control `code` open."""
    return (
        f"{field} held the direction control {code} without its closing one, which would "
        "reorder the text after it in pages, feeds and browser tabs; it was removed (and any "
        "others left open): close it with U+202C (U+2069 for an isolate), or remove it"
    )


def held_character(field: str, code: str) -> str:
    """The line for a value of `field` that held the character `code`, which was removed."""
    return (
        f"{field} held the character {code}, which cannot appear in web pages or feeds (a YAML "
        'escape such as "\\x01" makes it); it was removed (and any others like it)'
    )


def balanced_value(value: Any) -> tuple[Any, str]:
    """`value` (a text, a dataclass such as a tag or a caption's image, or a tuple of them)
    with each text in it `balanced`, and the first control removed ('' if none was)."""
    if isinstance(value, str):
        return balanced(value)
    if isinstance(value, tuple):
        parts = [balanced_value(part) for part in value]
        return tuple(part for part, _ in parts), next((code for _, code in parts if code), "")
    if is_dataclass(value) and not isinstance(value, type):
        changed: dict[str, str] = {}
        first = ""
        for field in fields(value):
            text = getattr(value, field.name)
            if isinstance(text, str):
                cleaned, code = balanced(text)
                if code:
                    changed[field.name], first = cleaned, first or code
        return (replace(value, **changed) if changed else value), first
    return value, ""
