"""`.md` bodies through CommonMark (cmark-gfm, in C), where a site chooses it
(`markdown_engine: commonmark`): thirty times as fast as Python-Markdown on news copy
(bench/RESULTS.md), the Markdown GitHub and Hugo read, without the site's
`markdown_extensions` (admonitions, attribute lists, pymdownx), which are Python-Markdown's.

GitHub's extensions are on but its `tagfilter` and task lists (a form's checkboxes, which the
sanitizer takes out): tables, strikethrough, bare web addresses as links, and footnotes. Raw
HTML is kept for the sanitizer to clean, as Python-Markdown keeps it: the tag filter would
write a kept frame (a YouTube player) as text.
Headings get the ids Python-Markdown's `toc` gives them (MkDocs always loads it), by its own
functions and the site's `slugify` and `separator`; its permalinks are not added.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING, Any

import cmarkgfm
from cmarkgfm.cmark import Options
from markdown.extensions.toc import slugify, strip_tags, unique

if TYPE_CHECKING:
    from collections.abc import Callable

COMMONMARK = "commonmark"
_OPTIONS = Options.CMARK_OPT_UNSAFE | Options.CMARK_OPT_FOOTNOTES
_EXTENSIONS = ["table", "strikethrough", "autolink"]
_HEADING = re.compile(r"<h([1-6])>(.*?)</h\1>", re.DOTALL)  # as cmark writes one
# cmark's footnotes mark their links and list with data attributes for GitHub's scripts,
# which the sanitizer would take out with a warning the reporter could do nothing about
_FOOTNOTE_TAG = re.compile(r"<(?:a|section|sup)\s[^<>]*\sdata-footnote[^<>]*>")
_FOOTNOTE_DATA = re.compile(r'\sdata-footnote[\w-]*(?:="[^"]*")?')


class CommonMark:
    """CommonMark to HTML, headings named as the site's `toc` settings (`toc`: its
    configuration; None: MkDocs' own pages would have no ids either)."""

    def __init__(self, toc: dict[str, Any] | None) -> None:
        self._toc = toc
        self._slugify: Callable[[str, str], str] = (toc or {}).get("slugify") or slugify
        self._separator = str((toc or {}).get("separator") or "-")

    def convert(self, text: str) -> str:
        fragment: str = cmarkgfm.markdown_to_html_with_extensions(
            text, options=_OPTIONS, extensions=_EXTENSIONS
        )
        if "data-footnote" in fragment:
            fragment = _FOOTNOTE_TAG.sub(lambda tag: _FOOTNOTE_DATA.sub("", tag.group()), fragment)
        if self._toc is None or "<h" not in fragment:
            return fragment
        ids: set[str] = set()

        def named(found: re.Match[str]) -> str:
            level, inner = found.groups()
            title = html.unescape(strip_tags(inner))
            name = html.escape(unique(self._slugify(title, self._separator), ids))
            return f'<h{level} id="{name}">{inner}</h{level}>'

        return _HEADING.sub(named, fragment)
