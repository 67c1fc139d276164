"""A WordPress body (HTML whose paragraphs are often only blank lines, WordPress adding the
`<p>` when it shows the post) made into the text of a `.md` article that shows the same.

The HTML is sanitized first (reading/sanitizing.py: what goes is reported). Then it is given
its paragraphs as WordPress's `wpautop` gives them (PHP, with no Python port on PyPI; this
follows its steps): each block-level tag starts a block of its own, every other run of text
between blank lines is wrapped in `<p>`, the `<p>` WordPress would wrap around a block-level
tag is taken away, and the line breaks inside a paragraph become `<br>`. Every block that
comes out begins with an HTML tag at the start of its line, so that Python-Markdown passes it
through untouched: no `*`, `_`, `#`, `1.` or indentation in a story is ever read as Markdown,
and no list ends up inside a paragraph. `<pre>` blocks are kept as they are.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...problems import first_and_more
from ...reading.sanitizing import sanitize

if TYPE_CHECKING:
    from collections.abc import Sequence

# Python-Markdown's own list (markdown.Markdown().block_level_elements), with WordPress's
# (wpautop's $allblocks)
_BLOCKS = (
    r"(?:address|area|article|aside|blockquote|body|canvas|caption|center|col|colgroup|dd|"
    r"details|div|dl|dt|fieldset|figcaption|figure|footer|form|group|h[1-6]|header|hgroup|hr|"
    r"html|iframe|legend|li|main|map|math|menu|nav|noscript|object|ol|option|output|p|pre|"
    r"progress|script|section|style|summary|table|tbody|td|textarea|tfoot|th|thead|tr|ul|"
    r"video)"
)
_OPEN = re.compile(rf"(<{_BLOCKS}(?=[\s/>]))", re.IGNORECASE)
_CLOSE = re.compile(rf"(</{_BLOCKS}>)", re.IGNORECASE)
_COMMENT = re.compile(r"(<!--.*?-->)", re.DOTALL)
_LEADING = re.compile(rf"<({_BLOCKS})(?=[\s/>])[^>]*>", re.IGNORECASE)
_TRAILING = re.compile(rf"</({_BLOCKS})>$", re.IGNORECASE)
# The blocks whose text may be paragraphs (where wpautop wraps it in <p>); in any other
# (a heading, a paragraph, a list's <ul>), text stays as it is
_FLOW = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "center",
        "dd",
        "details",
        "div",
        "fieldset",
        "figure",
        "footer",
        "form",
        "header",
        "li",
        "main",
        "nav",
        "noscript",
        "section",
        "td",
        "th",
    ]
)
_PRE = re.compile(r"(<pre[\s>].*?</pre>)", re.IGNORECASE | re.DOTALL)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# WordPress's own shortcodes, reported even without attributes; any other name only with
# attributes or a closing tag, so that "[sic]" or "[1]" in a story is not taken for one
CORE_SHORTCODES = frozenset(
    {"caption", "wp_caption", "gallery", "playlist", "audio", "video", "embed"}
)
_SHORTCODE = re.compile(r"\[(/?)([A-Za-z][\w-]*)((?:\s[^\[\]]*)?)/?\]")
# An address alone in its paragraph, which WordPress shows as what it points to (a video's
# player, a post's card: its oEmbed), in any case as WordPress matches it (`HTTPS://`)
_LONE_ADDRESS = re.compile(r'https?://[^\s<>"]+', re.IGNORECASE)
# the block editor's embed, its address within: a class of the tag (as the sanitizer writes
# it), not a part of one
_EMBED_WRAPPER = re.compile(r'\sclass="(?:[^"]*\s)?wp-block-embed__wrapper[\s"]')
_LINK_OPENED = re.compile(r"<a[\s>]", re.IGNORECASE)
_LINK_CLOSED = re.compile(r"</a\s*>", re.IGNORECASE)
# an address the note names is shortened past this many characters (to its start and end)
_NAMED_LENGTH = 80


def shortcodes(html: str) -> list[str]:
    """The names of the WordPress shortcodes in `html`, in order of first appearance."""
    found: dict[str, None] = {}
    matches = list(_SHORTCODE.finditer(html))
    closed = {match.group(2).lower() for match in matches if match.group(1)}
    for match in matches:
        name = match.group(2).lower()
        if name in CORE_SHORTCODES or name in closed or "=" in match.group(3):
            found.setdefault(name, None)
    return list(found)


@dataclass(frozen=True)
class MarkdownBody:
    """A WordPress body as a `.md` text, and what an editor is told of it."""

    text: str
    removed: tuple[str, ...]  # what the sanitizer removed
    linked: tuple[str, ...]  # addresses alone in their paragraphs, which came in as links


def lone_addresses_said(found: Sequence[str]) -> list[str]:
    """What an editor is told of the addresses that stood alone in their paragraphs: links
    now, where WordPress showed what they point to."""
    found = list(dict.fromkeys(found))
    if not found:
        return []
    named = first_and_more([_shortened(address) for address in found])
    return [
        "WordPress showed what these addresses point to (a video's player, a post's card), "
        f"which come in as links: {named}; paste a player's embed code in place of its "
        "link"
    ]


def _shortened(address: str) -> str:
    """A long address by its start and its end (two addresses seldom differ only between)."""
    if len(address) <= _NAMED_LENGTH:
        return address
    end = _NAMED_LENGTH // 3
    return f"{address[: _NAMED_LENGTH - end - 1]}…{address[-end:]}"


def markdown_text(body_html: str, frames: frozenset[str] = frozenset()) -> MarkdownBody:
    """The `.md` text of a WordPress body (frames are kept of the hosts `frames` names, as a
    build keeps them)."""
    cleaned, removed = sanitize(body_html, frames)
    # line ends as LF, a CR the sanitizer decoded (`&#13;`, from Word) too
    cleaned = cleaned.replace("\r\n", "\n").replace("\r", "\n")
    blocks: list[str] = []
    linked: list[str] = []
    for part in _PRE.split(cleaned):
        if _PRE.fullmatch(part):
            blocks.append(part.strip())
        else:
            blocks.extend(_paragraphs(part, linked))
    return MarkdownBody("\n\n".join(blocks) + "\n", removed, tuple(linked))


def _paragraphs(text: str, linked: list[str]) -> list[str]:
    """wpautop's paragraphs of `text` (no `<pre>` in it), one string a block: each opening
    block-level tag starts one, each closing one ends one."""
    text = _OPEN.sub(r"\n\n\1", text)
    text = _CLOSE.sub(r"\1\n\n", text)
    text = _COMMENT.sub(r"\n\n\1\n\n", text)
    blocks = []
    for chunk in _BLANK_LINE.split(text):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        if lines:
            blocks.append(_paragraph("\n".join(lines), linked))
    return blocks


def _embedded(opening: re.Match[str] | None, closing: re.Match[str] | None) -> bool:
    """Whether WordPress shows an address alone between these tags as what it points to:
    alone in its paragraph (`<p>` or none), or in a block editor's embed."""
    if not opening or not closing:
        return not opening and not closing
    tag = opening.group(1).lower()
    return tag == closing.group(1).lower() and (
        tag == "p" or (tag == "div" and _EMBED_WRAPPER.search(opening.group(0)) is not None)
    )


def _lines_linked(text: str, linked: list[str], first: bool = True, last: bool = True) -> str:
    """`text` with each line that is an address alone, as WordPress embeds it (white space
    around it aside), made a link to it (clickable, where it was embedded), added to
    `linked`. Not `first` or `last`: the first or last line shares its line with a tag in the
    post, where WordPress does not see it alone. Never inside a link: the author's is kept.
    The sanitizer has escaped the text; WordPress reads it as written (`&gt;` ends no
    address)."""
    lines = text.split("\n")
    in_link = 0
    for number, line in enumerate(lines):
        address = line.strip()
        alone = (first or number > 0) and (last or number < len(lines) - 1)
        written = html.unescape(address)
        if alone and not in_link and _LONE_ADDRESS.fullmatch(written):
            linked.append(written)
            lines[number] = f'<a href="{address}">{address}</a>'
        in_link += len(_LINK_OPENED.findall(line)) - len(_LINK_CLOSED.findall(line))
    return "\n".join(lines)


def _paragraph(block: str, linked: list[str]) -> str:
    """One block: its opening tag, its text (in `<p>` where wpautop puts one, its line
    breaks as `<br>`), its closing tag; an address alone in it, added to `linked`."""
    if _COMMENT.fullmatch(block):
        return block
    opening = _LEADING.match(block)
    lead = opening.group(0) if opening else ""
    closing = _TRAILING.search(block, len(lead))
    tail = closing.group(0) if closing else ""
    middle = block[len(lead) : len(block) - len(tail)].strip("\n")
    if not middle:
        return "\n".join(part for part in (lead, tail) if part)
    if "\n" not in middle and _embedded(opening, closing):  # alone in its paragraph
        middle = _lines_linked(middle, linked)
        if middle.startswith("<a href="):
            return f"{lead}{middle}{tail}" if opening else f"<p>{middle}</p>"
    else:  # a line of its own, in any block (not one it shares with a tag)
        first = not lead or block.startswith("\n", len(lead))
        middle = _lines_linked(middle, linked, first, not tail or block.endswith("\n" + tail))
    inner = middle.replace("\n", "<br>\n")
    if opening and closing:
        wrap = False  # <li>text</li>, <h2>text</h2>, <div>text</div>: as WordPress keeps them
    elif opening or closing:
        wrap = (opening or closing).group(1).lower() in _FLOW  # type: ignore[union-attr]
    else:
        wrap = True
    if not wrap:
        return f"{lead}{inner}{tail}"
    return "\n".join(part for part in (lead, f"<p>{inner}</p>", tail) if part)
