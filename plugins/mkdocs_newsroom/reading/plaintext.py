"""Plain text, as a wire service or a scraper hands it over, made into faithful HTML paragraphs.

Rules (and nothing more, so that no `*`, `_`, `#`, `<` or backtick is ever read as markup):
- a line that matches a configured boilerplate pattern is dropped (an agency footer);
- blank lines separate paragraphs; the lines of a paragraph are joined with a space;
- lines of a paragraph that start with "- ", "• " or "* " are the items of a list; an indented
  line after an item continues it;
- HTML character references left by scrapers (`&#233;`, `&amp;`) are decoded exactly once;
- bare URLs (`https://…`, `www.…`) become links;
- everything else is text, escaped for HTML.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..directions import INVALID_CHARACTERS

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

_BULLET = re.compile(r"^\s*[-•*]\s+")
_CHARACTER_REFERENCE = re.compile(
    r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
)
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"]+", re.IGNORECASE)
_LINKABLE = re.compile(r"https?://\w|www\.\w[\w-]*\.\w", re.IGNORECASE)
_LEFT_TO_RIGHT_RUN = re.compile(
    r"[A-Za-z0-9\u00c0-\u024f](?:[A-Za-z0-9\u00c0-\u024f .,'’&%:/-]*[A-Za-z0-9\u00c0-\u024f%])?"
)
_URL_TRAILING_PUNCTUATION = ".,;:!?'\"’”)]}"


@dataclass(frozen=True)
class Block:
    """A paragraph (`items` has one entry) or a list (`is_list`)."""

    is_list: bool
    items: tuple[str, ...]


def decode_character_references(text: str) -> str:
    """Decode `&#233;`, `&eacute;`, `&amp;` once; leave a bare `&` (as in "M&S") alone. A
    reference to a character no page or feed may hold is dropped: Python reads `&#12;` as a
    form feed (HTML's white space), which no XML feed can carry."""
    if "&" not in text:
        return text
    return _CHARACTER_REFERENCE.sub(_character, text)


def _character(reference: re.Match[str]) -> str:
    character = html.unescape(reference.group())
    return "" if INVALID_CHARACTERS.search(character) else character


@dataclass(frozen=True)
class Cut:
    """A line a boilerplate pattern removed from between two lines of text that stay (the
    first of several in a row): from inside a paragraph or a list, so most likely the story's
    own words, not a footer."""

    line: int  # from 1
    pattern: str
    text: str


def text_lines(text: str) -> list[str]:
    """The lines of a plain text: a line separator (U+2028) ends a line, and a paragraph
    separator (U+2029) a paragraph, as Unicode means them (a scraper keeps them from the web
    page); read as characters, a boilerplate pattern took the whole run of lines as one."""
    if "\u2028" in text or "\u2029" in text:
        text = text.replace("\u2029", "\n\n").replace("\u2028", "\n")
    return text.split("\n")


def strip_boilerplate(lines: Sequence[str], patterns: Sequence[re.Pattern[str]]) -> list[str]:
    return without_boilerplate(lines, patterns)[0]


def without_boilerplate(
    lines: Sequence[str], patterns: Sequence[re.Pattern[str]]
) -> tuple[list[str], Cut | None]:
    """The lines no pattern matches, and the first line a pattern cut from inside a
    paragraph or a list."""
    if not patterns:
        return list(lines), None
    matched = [next((p for p in patterns if p.search(line)), None) for line in lines]
    kept = [line for line, pattern in zip(lines, matched, strict=True) if pattern is None]
    return kept, _first_cut(lines, matched)


def _first_cut(lines: Sequence[str], matched: Sequence[re.Pattern[str] | None]) -> Cut | None:
    """The first of the lines removed between two lines of text that stay, one or several
    in a row."""
    at = 0
    while at < len(lines):
        pattern = matched[at]
        if pattern is None:
            at += 1
            continue
        end = at + 1
        while end < len(lines) and matched[end] is not None:
            end += 1
        if at > 0 and end < len(lines) and lines[at - 1].strip() and lines[end].strip():
            return Cut(at + 1, pattern.pattern, " ".join(lines[at].split()))
        at = end
    return None


def split_blocks(text: str) -> list[Block]:
    """Read plain text (its boilerplate removed: `without_boilerplate`) into paragraphs and
    lists, in order."""
    blocks: list[Block] = []
    paragraph: list[str] = []
    items: list[str] = []

    def flush_paragraph() -> None:
        if paragraph:
            blocks.append(Block(False, (" ".join(paragraph),)))
            paragraph.clear()

    def flush_list() -> None:
        if items:
            blocks.append(Block(True, tuple(items)))
            items.clear()

    for raw_line in text.split("\n"):
        line = raw_line.strip()
        if not line:
            flush_paragraph()
            flush_list()
        elif _BULLET.match(raw_line):
            flush_paragraph()
            items.append(_BULLET.sub("", raw_line).strip())
        elif items and raw_line[:1].isspace():
            items[-1] = f"{items[-1]} {line}"
        else:
            flush_list()
            paragraph.append(line)
    flush_paragraph()
    flush_list()
    return [_decoded(block) for block in blocks if any(block.items)]


def _decoded(block: Block) -> Block:
    return Block(block.is_list, tuple(decode_character_references(i) for i in block.items))


def inline_html(text: str, isolate: bool = False) -> str:
    """Escape text for HTML, turning bare URLs into links. With `isolate` (text written right
    to left), runs of Latin letters and digits (names, numbers) are wrapped in <bdi>, so that
    the punctuation around them stays where the writer put it."""
    out: list[str] = []
    position = 0
    for match in _URL.finditer(text):
        url = _trim_url(match.group())
        if not _LINKABLE.match(url):
            continue
        end = match.start() + len(url)
        out.append(_text_html(text[position : match.start()], isolate))
        href = url if "://" in url else f"https://{url}"
        out.append(
            f'<a href="{html.escape(href)}" dir="ltr">{html.escape(url, quote=False)}</a>'
            if isolate
            else f'<a href="{html.escape(href)}">{html.escape(url, quote=False)}</a>'
        )
        position = end
    out.append(_text_html(text[position:], isolate))
    return "".join(out)


def _text_html(text: str, isolate: bool) -> str:
    if not isolate:
        return html.escape(text, quote=False)
    parts: list[str] = []
    position = 0
    for run in _LEFT_TO_RIGHT_RUN.finditer(text):
        parts.append(html.escape(text[position : run.start()], quote=False))
        parts.append(f"<bdi>{html.escape(run.group(), quote=False)}</bdi>")
        position = run.end()
    parts.append(html.escape(text[position:], quote=False))
    return "".join(parts)


def _trim_url(url: str) -> str:
    while url and url[-1] in _URL_TRAILING_PUNCTUATION:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


def blocks_to_html(blocks: Iterable[Block], isolate: bool = False) -> str:
    parts: list[str] = []
    for block in blocks:
        if block.is_list:
            items = "".join(f"<li>{inline_html(item, isolate)}</li>\n" for item in block.items)
            parts.append(f"<ul>\n{items}</ul>\n")
        else:
            parts.append(f"<p>{inline_html(block.items[0], isolate)}</p>\n")
    return "".join(parts)


def blocks_to_text(blocks: Iterable[Block]) -> str:
    """The readable text of the blocks, one block per line (for search, summaries, word counts)."""
    return "\n".join(" ".join(block.items) for block in blocks)
