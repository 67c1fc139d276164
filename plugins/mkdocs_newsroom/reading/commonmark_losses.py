"""What CommonMark (GitHub's rules, `markdown_engine: commonmark`) leaves out of a story
without a word, where Python-Markdown shows it, found so that the reporter hears of it: a
footnote nothing in the text refers to, and the cells of a table's row past its header's (a
`|` splits a cell even inside code, as on GitHub). Found in the text by the same rules, and
told only when the page does not show it."""

from __future__ import annotations

import re

FOOTNOTE = "footnote"
CELLS = "cells"

_DEFINITION = re.compile(r"^ {0,3}\[\^([\w-]+)\]:", re.MULTILINE | re.ASCII)
_DELIMITER_ROW = re.compile(r" {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*")
_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
_FENCE = re.compile(r" {0,3}(?:`{3,}|~{3,})")


def left_out(text: str, fragment: str) -> tuple[int, str]:
    """The line of `text` where the first thing CommonMark left out of `fragment` (its HTML)
    is, and what it is (FOOTNOTE, CELLS); (0, '') if nothing was."""
    found = [_unreferenced_footnote(text, fragment)] if "[^" in text else []
    found += [_row_past_its_header(text)] if "|" in text else []
    return min((item for item in found if item[0]), default=(0, ""))


def _unreferenced_footnote(text: str, fragment: str) -> tuple[int, str]:
    for definition in _DEFINITION.finditer(text):
        label = definition[1]  # ASCII letters, digits, '_' and '-': nothing to escape
        shown = (f'id="fn-{label}"', f"[^{label}]")
        if not any(mark in fragment for mark in shown):
            return text.count("\n", 0, definition.start()) + 1, FOOTNOTE
    return 0, ""


def _row_past_its_header(text: str) -> tuple[int, str]:
    lines = text.split("\n")
    fenced = False
    columns = 0  # of the table the line is in (0: none)
    for number, line in enumerate(lines, 1):
        if _FENCE.match(line):
            fenced, columns = not fenced, 0
        elif fenced or not line.strip():
            columns = 0
        elif columns and _cells(line) > columns:
            return number, CELLS
        elif not columns and number > 1 and _is_delimiter_row(line, lines[number - 2]):
            columns = _cells(line)
    return 0, ""


def _is_delimiter_row(line: str, header: str) -> bool:
    return (
        "|" in line + header
        and _DELIMITER_ROW.fullmatch(line) is not None
        and _cells(header) == _cells(line)
    )


def _cells(line: str) -> int:
    inner = line.strip()
    inner = inner.removeprefix("|")
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return len(_UNESCAPED_PIPE.split(inner))
