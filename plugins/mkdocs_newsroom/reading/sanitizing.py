"""Raw HTML in Markdown bodies made safe to publish with nh3 (the Rust `ammonia` sanitizer):
no script, event handler, `javascript:` link, iframe, form or embedded object reaches a page,
and the reporter hears what was removed. Media (pictures, sound, video and their sources) follow
the rule of the front matter's `image`: a path inside the site or an http(s) URL, read as a
browser reads it (`//host`, `/\\host` or `http:host` would load another site's file as if it
were the site's own). That rule holds with sanitizing off too (`apply_media_rule`): raw HTML
is then published as written, except for such addresses."""

from __future__ import annotations

import functools
import html
import re
from collections import Counter
from html.parser import HTMLParser
from typing import TYPE_CHECKING

import nh3

from .links import attribute_urls, loads_from_site_or_web

if TYPE_CHECKING:
    from collections.abc import Collection

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


# Frames a story may show (a video player): those of the sites `embed_hosts` names, given by
# https. Each keeps its size (within reason) and title; what it may do is the site's to say: it
# waits until the reader scrolls near it, tells its site no more than this site's origin, may
# go full screen, and may use no camera, microphone, place or sensor, nor play with sound by
# itself. (No `sandbox`: a player needs its scripts and its own origin, and both together are
# what the HTML standard, and the Nu validator, tell a page not to give; the frame of another
# site cannot reach this page's.)
_FRAME_ATTRIBUTES = frozenset({"src", "width", "height", "title"})
_FRAME_SET = {
    "loading": "lazy",
    "referrerpolicy": "strict-origin-when-cross-origin",
    "allow": "fullscreen; picture-in-picture; encrypted-media",
    "allowfullscreen": "",
}
# A frame's address as the site takes one: https, a host name and nothing else before the
# path (no user, no port), printable ASCII without a backslash or a space (a browser reads
# `\` as `/`, drops a space only where Python's parser drops others, reads a no-break space
# as a path): what a browser and this check read alike
_FRAME_ADDRESS = re.compile(r"https://([A-Za-z0-9.-]+)(?:[/?#][\x21-\x5b\x5d-\x7e]*)?")
_FRAME_SIZE = re.compile(r"[1-9][0-9]{0,3}")  # pixels, as the attribute wants them
_FRAME_LARGEST = 2000
# the attributes a player's embed code carries that the site's own take the place of (or that
# only draw a border): not worth a line to the reporter
_FRAME_REPLACED = frozenset(
    {"frameborder", "scrolling", "marginwidth", "marginheight", "sandbox", *_FRAME_SET}
)
FRAME_OF = "a frame of "  # what the sanitizer says of a frame it removed, before its address
# as the sanitizer writes a frame: values in double quotes, which may hold a '>'
_FRAME = re.compile(r'(<iframe\b(?:"[^"]*"|[^">])*>).*?</iframe>', re.DOTALL)
_WRITTEN_ATTRIBUTE = re.compile(r'\s([^\s="]+)="([^"]*)"')


def _media_filter(frames: frozenset[str], tag: str, name: str, value: str) -> str | None:
    """The attribute's value, or None to remove it: a media URL the site must not load, a
    frame's address of a site `frames` does not name, and of a frame anything but its
    address, size and title (no class, id or style: a frame laid over the page)."""
    if tag == "iframe":
        return value if _frame_attribute(frames, name, value) else None
    if tag in _MEDIA_TAGS and name in _MEDIA_URLS and not allowed_media(name, value):
        return None
    return value


def _frame_attribute(frames: frozenset[str], name: str, value: str) -> bool:
    if name == "src":
        return is_framed(value, frames)
    if name in ("width", "height"):
        return _FRAME_SIZE.fullmatch(value) is not None and int(value) <= _FRAME_LARGEST
    return name in _FRAME_ATTRIBUTES or name in _FRAME_SET


def is_framed(src: str, frames: Collection[str]) -> bool:
    """Whether a frame of `src` may be shown: an https address of a host `frames` names,
    written as _FRAME_ADDRESS says."""
    address = _FRAME_ADDRESS.fullmatch(src)
    return address is not None and address.group(1).lower() in frames


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


@functools.cache
def _cleaner(frames: frozenset[str]) -> nh3.Cleaner:
    """The sanitizer of a site whose stories may show frames of `frames` (hosts)."""
    return nh3.Cleaner(
        tags=_TAGS | {"iframe"} if frames else _TAGS,
        attributes={**_ATTRIBUTES, "iframe": set(_FRAME_ATTRIBUTES)} if frames else _ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        clean_content_tags={"script", "style"},
        filter_style_properties=_STYLE_PROPERTIES,
        link_rel=None,
        attribute_filter=functools.partial(_media_filter, frames),
        set_tag_attribute_values={"iframe": _FRAME_SET} if frames else None,
    )


_START_TAG = re.compile(r"""<([A-Za-z][\w-]*)((?:"[^"]*"|'[^']*'|[^<>"'])*)>""")
# an attribute of a start tag: its name, and its value as written ("" for none)
_ATTRIBUTE = re.compile(r"""([^\s"'=<>/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")


def sanitize(html: str, frames: frozenset[str] = frozenset()) -> tuple[str, tuple[str, ...]]:
    """The HTML with only what is safe to publish (frames only of the hosts `frames` names),
    and what was taken out ("<script>", "'onclick' on <a>", "a frame of https://…") or shown
    as text ("<template> shown as text"), in order of first appearance."""
    html, shown = _swallowers_shown(html)
    sanitized = _cleaner(frames).clean(html)
    cleaned = sanitized
    if "<iframe" in cleaned:  # a frame without its address goes; nothing shows inside one
        cleaned = _FRAME.sub(lambda found: _framed(found.group(1)), cleaned)
    # nothing taken out: the same HTML, but for a quote cmark writes in text as `&quot;`
    # (which the sanitizer writes as `"`; one in an attribute it writes as `&quot;` too)
    if cleaned == html or ("&quot;" in html and cleaned == html.replace("&quot;", '"')):
        return cleaned, shown
    # what the sanitizer took out (a frame refused is said with its address, not its size)
    refused, written = _refused_frames(html, frames)
    given, kept = _markup(written), _markup(sanitized)
    gone = [item for item, count in given.items() if kept[item] < count]
    # the attributes of a tag that went altogether go without saying
    whole = {item for item in gone if item.startswith("<") and not kept[item]}
    said = tuple(
        item
        for item in gone
        if (" on " not in item or item.rpartition(" on ")[2] not in whole)
        and not _said_of_frames(item)
    )
    return cleaned, shown + refused + said


def _framed(start_tag: str) -> str:
    """A frame the sanitizer wrote (`name="value"` attributes), empty, its attributes in
    the order of their names: the sanitizer sets those of the site in an order of its own,
    which differs from one process to the next. Nothing for a frame without its address."""
    attributes = sorted(_WRITTEN_ATTRIBUTE.findall(start_tag))
    if not any(name == "src" for name, _value in attributes):
        return ""
    return "<iframe" + "".join(f' {name}="{value}"' for name, value in attributes) + "></iframe>"


def _said_of_frames(item: str) -> bool:
    """Whether an item goes without saying here: a frame refused is said with its address,
    and the attributes the site's own replace are not worth a line."""
    if item == "<iframe>":
        return True
    name, _on, tag = item.partition(" on ")
    return tag == "<iframe>" and name.strip("'") in {"src", *_FRAME_REPLACED}


def _refused_frames(html: str, frames: frozenset[str]) -> tuple[tuple[str, ...], str]:
    """ "a frame of <its address>" for each frame of `html` whose address is not one of
    `frames`'s ("a frame of nothing" for one without), and `html` without their start tags
    (what else they carried goes with them, unsaid)."""
    refused, pieces, done = [], [], 0
    for found in _START_TAG.finditer(html):
        if found.group(1).lower() != "iframe":
            continue
        src = next(
            (
                unescape_attribute(value)
                for name, value in _ATTRIBUTE.findall(found.group(2))
                if name.lower() == "src"
            ),
            "",
        )
        if not is_framed(src, frames):
            refused.append(f"{FRAME_OF}{src or 'nothing'}")
            pieces.append(html[done : found.start()])
            done = found.end()
    pieces.append(html[done:])
    return tuple(dict.fromkeys(refused)), "".join(pieces)


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
        for name, _value in _ATTRIBUTE.findall(attributes):
            found[f"'{name.lower()}' on <{tag}>"] += 1
    return found


def unescape_attribute(value: str) -> str:
    """An attribute's value as written (quoted or not), as a browser reads it."""
    return html.unescape(value[1:-1] if value[:1] in "\"'" and len(value) > 1 else value)
