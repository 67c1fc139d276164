"""Raw HTML in Markdown bodies made safe to publish with nh3 (the Rust `ammonia` sanitizer):
no script, event handler, `javascript:` link, iframe, form or embedded object reaches a page,
and the reporter hears what was removed."""

from __future__ import annotations

import re
from collections import Counter

import nh3

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
_SCHEMES = {"http", "https", "mailto", "tel"}
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_SPACE_OR_CONTROL = re.compile(r"[\x00-\x20\x7f]+")


def _srcset_checked(tag: str, attribute: str, value: str) -> str | None:
    """A `srcset`, which ammonia does not read as URLs, kept only if every image in it has
    an address `src` could have (no `javascript:` or `data:`); any other attribute as it
    is."""
    if attribute != "srcset":
        return value
    for candidate in value.split(","):
        url = candidate.strip().split(" ", 1)[0]
        scheme = _SCHEME.match(_SPACE_OR_CONTROL.sub("", url))
        if scheme and scheme.group(1).lower() not in _SCHEMES:
            return None
    return value


_CLEANER = nh3.Cleaner(
    tags=_TAGS,
    attributes=_ATTRIBUTES,
    attribute_filter=_srcset_checked,
    url_schemes=_SCHEMES,
    clean_content_tags={"script", "style"},
    filter_style_properties=_STYLE_PROPERTIES,
    link_rel=None,
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
