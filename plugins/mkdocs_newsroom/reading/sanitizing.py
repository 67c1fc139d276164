"""Raw HTML in Markdown bodies made safe to publish with nh3 (the Rust `ammonia` sanitizer):
no script, event handler, `javascript:` link, iframe, form or embedded object reaches a page,
and the reporter hears what was removed. Media (pictures, sound, video and their sources) follow
the rule of the front matter's `image`: a path inside the site or an http(s) URL, read as a
browser reads it (`//host`, `/\\host` or `http:host` would load another site's file as if it
were the site's own). That rule holds with sanitizing off too (`apply_media_rule`): raw HTML
is then published as written, except for such addresses."""

from __future__ import annotations

import html
import re
from collections import Counter
from html.parser import HTMLParser

import nh3

from .links import attribute_urls, loads_from_site_or_web

_TAGS = nh3.ALLOWED_TAGS | {"tfoot", "picture", "source", "audio", "video", "section"}
_ATTRIBUTES = {tag: set(names) for tag, names in nh3.ALLOWED_ATTRIBUTES.items()}
_ATTRIBUTES["*"] = {"class", "id", "lang", "dir", "title", "style", "aria-hidden", "aria-label"}
_ATTRIBUTES["img"] |= {"loading", "srcset", "sizes"}
_ATTRIBUTES["source"] = {"src", "srcset", "sizes", "type", "media"}
_ATTRIBUTES["audio"] = {"src", "controls", "preload"}
_ATTRIBUTES["video"] = {"src", "controls", "preload", "poster", "width", "height"}
# Python-Markdown's tables align cells with `style`; nothing else of CSS is needed in a story,
# and positioning could lay a fake page over the real one.
_STYLE_PROPERTIES = {"text-align", "color", "background-color", "font-weight", "font-style"}
# What loads a file into the page: pictures, sound, video, their sources and subtitles, and
# (kept only with sanitizing off) frames and embedded media
_MEDIA_TAGS = frozenset({"img", "source", "video", "audio", "track", "iframe", "embed"})
_MEDIA_URLS = frozenset({"src", "srcset", "poster"})


def _media_filter(tag: str, name: str, value: str) -> str | None:
    """The attribute's value, or None to remove it: a media URL the site must not load."""
    if tag in _MEDIA_TAGS and name in _MEDIA_URLS and not allowed_media(name, value):
        return None
    return value


def allowed_media(name: str, value: str) -> bool:
    """Whether a media URL attribute (`src`, `srcset`, `poster`) may be published."""
    return all(loads_from_site_or_web(url) for url in attribute_urls(name, value) or [value])


def is_media_item(item: str) -> bool:
    """Whether a removed item ("'src' on <img>") is a media URL."""
    name, _on, tag = item.partition(" on ")
    return name.strip("'") in _MEDIA_URLS and tag.strip("<>") in _MEDIA_TAGS


def apply_media_rule(fragment: str) -> tuple[str, tuple[str, ...]]:
    """`fragment` (HTML left as written: sanitizing is off) with the media addresses the site
    must not load taken out of their tags, and what was taken ("'src' on <img>"); every other
    byte as it was."""
    finder = _MediaAddresses()
    finder.feed(fragment)
    finder.close()
    if not finder.changes:
        return fragment, ()
    starts = _line_starts(fragment)
    pieces, done = [], 0
    for (line, column), length, tag in finder.changes:
        start = starts[line - 1] + column
        pieces += [fragment[done:start], tag]
        done = start + length
    pieces.append(fragment[done:])
    return "".join(pieces), tuple(dict.fromkeys(finder.removed))


class _MediaAddresses(HTMLParser):
    """Finds the start tags of media whose addresses break the rule, as a browser parses
    them (character references decoded), and writes each again without those."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.changes: list[tuple[tuple[int, int], int, str]] = []  # where, length, new tag
        self.removed: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check(tag, attrs, ">")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check(tag, attrs, " />")

    def _check(self, tag: str, attrs: list[tuple[str, str | None]], end: str) -> None:
        if tag not in _MEDIA_TAGS:
            return
        refused = {
            name
            for name, value in attrs
            if name in _MEDIA_URLS and value is not None and not allowed_media(name, value)
        }
        if not refused:
            return
        self.removed += [f"'{name}' on <{tag}>" for name, _value in attrs if name in refused]
        kept = "".join(
            f" {name}" if value is None else f' {name}="{html.escape(value)}"'
            for name, value in attrs
            if name not in refused
        )
        written = self.get_starttag_text() or ""
        self.changes.append((self.getpos(), len(written), f"<{tag}{kept}{end}"))


def _line_starts(text: str) -> list[int]:
    """The offset in `text` of the start of each line (as HTMLParser counts lines)."""
    return [0, *(found.end() for found in re.finditer(r"\n", text))]


_CLEANER = nh3.Cleaner(
    tags=_TAGS,
    attributes=_ATTRIBUTES,
    url_schemes={"http", "https", "mailto", "tel"},
    clean_content_tags={"script", "style"},
    filter_style_properties=_STYLE_PROPERTIES,
    link_rel=None,
    attribute_filter=_media_filter,
)
_START_TAG = re.compile(r"""<([A-Za-z][\w-]*)((?:"[^"]*"|'[^']*'|[^<>"'])*)>""")
_ATTRIBUTE = re.compile(r"""([^\s"'=<>/]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")


def sanitize(html: str) -> tuple[str, tuple[str, ...]]:
    """The HTML with only what is safe to publish, and what was taken out ("<script>",
    "'onclick' on <a>") or shown as text ("<template> shown as text"), in order of first
    appearance."""
    html, shown = _swallowers_shown(html)
    cleaned = _CLEANER.clean(html)
    if cleaned == html:
        return html, shown
    given, kept = _markup(html), _markup(cleaned)
    gone = [item for item, count in given.items() if kept[item] < count]
    # the attributes of a tag that went altogether go without saying
    whole = {item for item in gone if item.startswith("<") and not kept[item]}
    return cleaned, shown + tuple(
        item for item in gone if " on " not in item or item.rpartition(" on ")[2] not in whole
    )


SHOWN_AS_TEXT = " shown as text"
# Elements whose content a browser (and the sanitizer, which parses as one) reads as theirs up
# to their end tag, as text or as a fragment the sanitizer removes: one left open in a
# paragraph ("the <template> tag") took every paragraph after it, or showed them as markup.
_SWALLOWERS = "template|title|textarea|xmp|plaintext|noscript|iframe|noembed|noframes|style|script"
_SWALLOWER_OPENED = re.compile(rf"<({_SWALLOWERS})(?=[\s/>])[^>]*>", re.IGNORECASE)
# Where a block of the story ends or begins: an element left open across it took the blocks after
_BLOCK_EDGE = re.compile(
    r"</?(?:p|h[1-6]|li|[uod]l|d[td]|t[rdh]|thead|tbody|tfoot|table|blockquote|div|pre|"
    r"section|figure|figcaption|hr)(?=[\s/>])",
    re.IGNORECASE,
)
# A comment as a browser (and the sanitizer) ends it: `<!-->` and `<!--->` at once, else at
# `-->` or `--!>`; and `<!...>`, `<?...>` (a CDATA section outside SVG too) at the first `>`
_COMMENT = re.compile(r"<!--(?:-?>|.*?(?:--!?>|\Z))|<[!?](?!--)[^>]*(?:>|\Z)", re.DOTALL)


def _swallowers_shown(html: str) -> tuple[str, tuple[str, ...]]:
    """`html` with each such element that is never closed, or closed only after the block
    it opens in (a paragraph, a heading, a list item, a table cell...; `<plaintext>` never
    is), written as text (its start tag's `<` as `&lt;`), and which ones were. Comments are
    passed over (the sanitizer removes them, tags and all); a `<template>`'s content is
    markup, and looked into."""
    escaped: list[int] = []  # where a '<' becomes '&lt;', in order
    shown: list[str] = []
    comments = [(found.start(), found.end()) for found in _COMMENT.finditer(html)]
    at = 0
    while opened := _SWALLOWER_OPENED.search(html, at):
        inside = next((end for start, end in comments if start <= opened.start() < end), None)
        if inside is not None:
            at = inside
            continue
        tag = opened.group(1).lower()
        closed = re.compile(rf"</{tag}\s*>", re.IGNORECASE).search(html, opened.end())
        if (
            closed
            and tag != "plaintext"
            and not _BLOCK_EDGE.search(html, opened.end(), closed.start())
        ):
            at = opened.end() if tag == "template" else closed.end()  # the sanitizer's
            continue
        escaped.append(opened.start())  # an end tag left alone is nothing, or another's
        shown.append(f"<{tag}>{SHOWN_AS_TEXT}")
        at = opened.end()
    if not escaped:
        return html, ()
    pieces, done = [], 0
    for start in escaped:
        pieces += [html[done:start], "&lt;"]
        done = start + 1
    pieces.append(html[done:])
    return "".join(pieces), tuple(dict.fromkeys(shown))


def _markup(html: str) -> Counter[str]:
    """The start tags of `html` and their attributes, counted, in order of appearance."""
    found: Counter[str] = Counter()
    for tag, attributes in _START_TAG.findall(html):
        tag = tag.lower()
        found[f"<{tag}>"] += 1
        for name in _ATTRIBUTE.findall(attributes):
            found[f"'{name.lower()}' on <{tag}>"] += 1
    return found
