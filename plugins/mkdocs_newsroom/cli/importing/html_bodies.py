"""A WordPress body (HTML whose paragraphs are often only blank lines, WordPress adding the
`<p>` when it shows the post) made into the text of a `.md` article that shows the same.

The HTML is sanitized first (reading/sanitizing.py: what goes is reported). Then each
block becomes raw HTML that Python-Markdown passes through untouched: a block that starts
with a block-level element stays as it is, any other is wrapped in `<p>` with its line
breaks as `<br>`, as WordPress's `wpautop` does. So no `*`, `_`, `#` or `1.` in a story is
ever read as Markdown. This is a small subset of `wpautop` (which is PHP, with no Python
port on PyPI): it does not move stray text out of block elements, which WordPress's editor
does not write.
"""

from __future__ import annotations

import re

from ...reading.sanitizing import sanitize

# Python-Markdown's own list (markdown.Markdown().block_level_elements), and comments
_BLOCK_START = re.compile(
    r"<(?:!--|/?(?:address|article|aside|blockquote|body|canvas|center|colgroup|dd|details|"
    r"div|dl|dt|fieldset|figcaption|figure|footer|form|group|h[1-6]|header|hgroup|hr|html|"
    r"iframe|legend|li|main|map|math|menu|nav|noscript|object|ol|option|output|p|pre|progress|"
    r"script|section|style|summary|table|tbody|td|textarea|tfoot|th|thead|tr|ul|video)"
    r"(?=[\s/>]))",
    re.IGNORECASE,
)
_PRE = re.compile(r"(<pre[\s>].*?</pre>)", re.IGNORECASE | re.DOTALL)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# WordPress's own shortcodes, reported even without attributes; any other name only with
# attributes or a closing tag, so that "[sic]" or "[1]" in a story is not taken for one
CORE_SHORTCODES = frozenset(
    {"caption", "wp_caption", "gallery", "playlist", "audio", "video", "embed"}
)
_SHORTCODE = re.compile(r"\[(/?)([A-Za-z][\w-]*)((?:\s[^\[\]]*)?)/?\]")


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


def markdown_text(html: str) -> tuple[str, tuple[str, ...]]:
    """The `.md` text of a WordPress body, and what the sanitizer removed from it."""
    text = html.replace("\r\n", "\n").replace("\r", "\n")
    cleaned, removed = sanitize(text)
    blocks: list[str] = []
    for part in _PRE.split(cleaned):
        if _PRE.fullmatch(part):
            blocks.append(part.strip())
            continue
        for block in _BLANK_LINE.split(part):
            block = block.strip()
            if not block:
                continue
            if _BLOCK_START.match(block):
                blocks.append(block)
            else:
                lines = [line.strip() for line in block.split("\n") if line.strip()]
                blocks.append("<p>" + "<br>\n".join(lines) + "</p>")
    return "\n\n".join(blocks) + "\n", removed
