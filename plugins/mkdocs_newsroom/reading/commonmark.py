"""`.md` bodies through CommonMark (cmark-gfm, in C), where a site chooses it
(`markdown_engine: commonmark`): a story's whole rendering, the sanitizer's included, in half
the time Python-Markdown's takes (a 10,000-story build a fifth faster: bench/RESULTS.md); the
Markdown GitHub and Hugo read, without the site's `markdown_extensions` (admonitions,
attribute lists, pymdownx), which are Python-Markdown's.

GitHub's extensions are on but its `tagfilter` and task lists (a form's checkboxes, which the
sanitizer takes out): tables, strikethrough, bare web addresses as links, and footnotes. Raw
HTML is kept for the sanitizer to clean, as Python-Markdown keeps it: the tag filter would
write a kept frame (a YouTube player) as text. Headings get the ids Python-Markdown's `toc`
gives them (MkDocs always loads it), by its own functions and the site's `slugify`,
`separator` and `baselevel`, and its permalinks and anchor links as it writes them.

cmark marks what it writes with where it was in the text (`data-sourcepos`), so that its own
headings are told from an author's raw HTML; those marks and the data attributes of its
footnotes, which the sanitizer would take out with a warning the reporter could do nothing
about, are taken off again.
"""

from __future__ import annotations

import ctypes
import html
import re
from functools import cache
from typing import TYPE_CHECKING, Any

from cmarkgfm import _cmark
from cmarkgfm.cmark import Options
from markdown.extensions.toc import slugify, strip_tags, unique
from markdown.util import parseBoolValue

if TYPE_CHECKING:
    from collections.abc import Callable

_OPTIONS = Options.CMARK_OPT_UNSAFE | Options.CMARK_OPT_FOOTNOTES | Options.CMARK_OPT_SOURCEPOS
_EXTENSIONS = (b"table", b"strikethrough", b"autolink")
_SOURCE_POSITION = re.compile(r' data-sourcepos="[0-9:-]*"')
_OWN_HEADING = re.compile(r'<h([1-6]) data-sourcepos="[0-9:-]*">(.*?)</h\1>', re.DOTALL)
_FOOTNOTES = ('<section class="footnotes" data-footnotes>', '<section class="footnotes">')
_FOOTNOTE_REFERENCE = re.compile(r'(id="fnref-[^"<>]*") data-footnote-ref>')
_FOOTNOTE_BACK = re.compile(
    r'(class="footnote-backref") data-footnote-backref data-footnote-backref-idx="\d+(?:-\d+)?"'
)
_ID = re.compile(r'\sid="([^"]*)"')
_BARE_AMPERSAND = re.compile(r"&(?!(?:#[0-9]+|#x[0-9a-f]+|[0-9a-z]+);)", re.IGNORECASE)


class CommonMark:
    """CommonMark to HTML, headings named as the site's `toc` settings (`toc`: its
    configuration; None: MkDocs' own pages would have no ids either)."""

    def __init__(self, toc: dict[str, Any] | None) -> None:
        self._toc = toc
        self._slugify: Callable[[str, str], str] = (toc or {}).get("slugify") or slugify
        self._separator = str((toc or {}).get("separator") or "-")
        base = (toc or {}).get("baselevel")
        self._shift = int(1 if base is None else base) - 1
        self._links = _HeadingLinks(toc or {})

    def convert(self, text: str) -> str:
        fragment = _html(text)
        if "data-footnote" in fragment:
            fragment = _without_footnote_marks(fragment)
        if self._toc is not None and "<h" in fragment:
            fragment = self._headings_named(fragment)
        # the characters no page may hold that cmark decodes from references are taken out
        # after (bodies.without_decoded_unpublishable)
        return _SOURCE_POSITION.sub("", fragment)

    def _headings_named(self, fragment: str) -> str:
        ids = set(_ID.findall(fragment))  # a footnote's, an author's: as toc leaves them

        def named(found: re.Match[str]) -> str:
            level, inner = max(1, min(6, int(found[1]) + self._shift)), found[2]
            title = html.unescape(strip_tags(inner))
            name = html.escape(unique(self._slugify(title, self._separator), ids))
            return f'<h{level} id="{name}">{self._links.around(inner, name)}</h{level}>'

        return _OWN_HEADING.sub(named, fragment)


class _HeadingLinks:
    """The links `toc` adds to a heading: an anchor link around its text (`anchorlink`), a
    permalink after it or before it (`permalink`, `permalink_leading`), read as `toc` reads
    its settings."""

    def __init__(self, toc: dict[str, Any]) -> None:
        self._anchor = bool(parseBoolValue(toc.get("anchorlink", False), False))
        self._anchor_class = _escaped(str(toc.get("anchorlink_class", "toclink")), '"')
        permalink = parseBoolValue(toc.get("permalink", False), False)
        if permalink is None:  # the link's own text
            permalink = toc["permalink"]
        self._permalink = "" if permalink in (False, None) else str(permalink)
        self._text = "&para;" if permalink is True else _escaped(self._permalink)
        title = _escaped(str(toc.get("permalink_title", "Permanent link") or ""), '"')
        self._title = f' title="{title}"' if title else ""
        self._class = _escaped(str(toc.get("permalink_class", "headerlink")), '"')
        self._leading = parseBoolValue(toc.get("permalink_leading", False), False)

    def around(self, inner: str, name: str) -> str:
        if self._anchor:
            inner = f'<a class="{self._anchor_class}" href="#{name}">{inner}</a>'
        if not self._permalink:
            return inner
        link = f'<a class="{self._class}" href="#{name}"{self._title}>{self._text}</a>'
        return link + inner if self._leading else inner + link


def _escaped(text: str, quote: str = "") -> str:
    """`text` escaped as Python-Markdown writes a value of toc's: an entity (`&para;`) kept."""
    text = _BARE_AMPERSAND.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;")
    return text.replace(quote, "&quot;") if quote else text


def _without_footnote_marks(fragment: str) -> str:
    fragment = fragment.replace(*_FOOTNOTES)
    fragment = _FOOTNOTE_REFERENCE.sub(r"\1>", fragment)
    return _FOOTNOTE_BACK.sub(r"\1", fragment)


def _html(text: str) -> str:
    """cmark-gfm's HTML of `text`, as cmarkgfm's `markdown_to_html_with_extensions` makes
    it, but with the document and the HTML freed once read: cmarkgfm frees neither (21 KB a
    story, 100 MB of a 10,000-story build's memory: docs/development.md)."""
    lib, ffi, free = _cmark.lib, _cmark.ffi, _freeing()
    data = text.encode("utf-8")
    parser = lib.cmark_parser_new(_OPTIONS)
    try:
        for extension in _extensions():
            lib.cmark_parser_attach_syntax_extension(parser, extension)
        lib.cmark_parser_feed(parser, data, len(data))
        root = lib.cmark_parser_finish(parser)
        try:
            extensions = lib.cmark_parser_get_syntax_extensions(parser)
            raw = lib.cmark_render_html(root, _OPTIONS, extensions)
            try:
                # cmark writes `&#xFFFE;` as one byte, not UTF-8: kept to be taken out
                return str(ffi.string(raw).decode("utf-8", errors="surrogateescape"))
            finally:
                free.memory(int(ffi.cast("uintptr_t", raw)))
        finally:
            free.node(int(ffi.cast("uintptr_t", root)))
    finally:
        lib.cmark_parser_free(parser)


@cache
def _extensions() -> tuple[Any, ...]:
    _cmark.lib.cmark_gfm_core_extensions_ensure_registered()
    return tuple(_cmark.lib.cmark_find_syntax_extension(name) for name in _EXTENSIONS)


class _Allocator(ctypes.Structure):
    """cmark's `cmark_mem`: what it allocates with, and frees with."""

    _fields_ = (
        ("calloc", ctypes.c_void_p),
        ("realloc", ctypes.c_void_p),
        ("free", ctypes.CFUNCTYPE(None, ctypes.c_void_p)),
    )


class _Freeing:
    """The two functions of cmark's library that cmarkgfm does not give Python: a document
    freed with its nodes, and memory freed as cmark allocated it."""

    def __init__(self) -> None:
        library = ctypes.CDLL(_cmark.__file__)
        allocator = library.cmark_get_default_mem_allocator
        allocator.restype = ctypes.POINTER(_Allocator)
        self.memory = allocator().contents.free
        self.node = library.cmark_node_free
        self.node.argtypes, self.node.restype = (ctypes.c_void_p,), None


@cache
def _freeing() -> _Freeing:
    return _Freeing()
