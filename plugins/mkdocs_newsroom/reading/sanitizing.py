"""Raw HTML in Markdown bodies made safe to publish with nh3 (the Rust `ammonia` sanitizer):
no script, event handler, `javascript:` link, iframe, form or embedded object reaches a page,
and the reporter hears what was removed. Media (pictures, sound, video and their sources) follow
the rule of the front matter's `image`: a path inside the site or an http(s) URL, read as a
browser reads it (`//host`, `/\\host` or `http:host` would load another site's file as if it
were the site's own)."""

from __future__ import annotations

import re
from collections import Counter

import nh3

from .links import loads_from_site_or_web

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
_MEDIA_TAGS = frozenset({"img", "source", "video", "audio", "track"})
_MEDIA_URLS = frozenset({"src", "srcset", "poster"})


def _media_filter(tag: str, name: str, value: str) -> str | None:
    """The attribute's value, or None to remove it: a media URL the site must not load."""
    if tag in _MEDIA_TAGS and name in _MEDIA_URLS and not allowed_media(name, value):
        return None
    return value


def allowed_media(name: str, value: str) -> bool:
    """Whether a media URL attribute (`src`, `srcset`, `poster`) may be published."""
    candidates = value.split(",") if name == "srcset" else [value]
    urls = [candidate.split()[0] for candidate in candidates if candidate.strip()]
    return all(loads_from_site_or_web(url) for url in urls or [value])


def is_media_item(item: str) -> bool:
    """Whether a removed item ("'src' on <img>") is a media URL."""
    name, _on, tag = item.partition(" on ")
    return name.strip("'") in _MEDIA_URLS and tag.strip("<>") in _MEDIA_TAGS


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
    "'onclick' on <a>"), in order of first appearance."""
    cleaned = _CLEANER.clean(html)
    if cleaned == html:
        return html, ()
    given, kept = _markup(html), _markup(cleaned)
    gone = [item for item, count in given.items() if kept[item] < count]
    # the attributes of a tag that went altogether go without saying
    whole = {item for item in gone if item.startswith("<") and not kept[item]}
    return cleaned, tuple(
        item for item in gone if " on " not in item or item.rpartition(" on ")[2] not in whole
    )


def _markup(html: str) -> Counter[str]:
    """The start tags of `html` and their attributes, counted, in order of appearance."""
    found: Counter[str] = Counter()
    for tag, attributes in _START_TAG.findall(html):
        tag = tag.lower()
        found[f"<{tag}>"] += 1
        for name in _ATTRIBUTE.findall(attributes):
            found[f"'{name.lower()}' on <{tag}>"] += 1
    return found
