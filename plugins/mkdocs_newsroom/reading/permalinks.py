"""The permalinks `toc` puts in the headings of `.md` articles (`permalink: true`: a ¶ link
at each heading's end), found at each build by rendering one heading with its settings, so
that search's text, the word count and full-text feeds leave them out, whatever their class,
text or title and with either engine, and leave a reporter's own links in a heading alone."""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from ..model import Permalink

if TYPE_CHECKING:
    from collections.abc import Callable

PROBE = "Newsroom probe heading"
_PROBE_ID = re.compile(r'<h2\b[^>]*\bid="([^"]*)"')
_ANCHOR = re.compile(r"<a\b[^>]*>.*?</a>", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_HEADING_END = re.compile(r"</h[1-6]>")
_HEADING_START = re.compile(r"<h[1-6][\s>]")


def probed_permalink(render: Callable[[str], str]) -> Permalink | None:
    """The permalink of the headings `render` (Markdown to the HTML a page shows) writes, if
    any: the link to the heading's own id whose text is not the heading's."""
    written = render(f"## {PROBE}\n")
    found = _PROBE_ID.search(written)
    if found is None:
        return None
    target = f'href="#{found[1]}"'
    for anchor in _ANCHOR.findall(written):
        text = html.unescape(_TAG.sub("", anchor))
        if target in anchor and text != PROBE and anchor.count(f'#{found[1]}"') == 1:
            opening, _id, closing = anchor.partition(f'#{found[1]}"')
            leading = written.index(anchor) < written.index(PROBE)
            return Permalink(f"{opening}#", f'"{closing}', leading)
    return None


def without_permalinks(fragment: str, permalink: Permalink | None) -> str:
    """`fragment` without its headings' permalinks: each link written as `permalink` says, at
    a heading's end (or, `leading`, its start). In one pass, looking only at each link and
    the tag beside it: a story's size never costs more than its length."""
    if permalink is None or permalink.opening not in fragment:
        return fragment
    kept: list[str] = []
    done = 0
    start = fragment.find(permalink.opening)
    while start != -1:
        id_start = start + len(permalink.opening)
        id_end = fragment.find('"', id_start)
        if id_end == -1:
            break
        after = start + 1
        if fragment.startswith(permalink.closing, id_end):
            stop = id_end + len(permalink.closing)
            if _in_heading(fragment, start, stop, fragment[id_start:id_end], permalink.leading):
                kept.append(fragment[done:start])
                done = after = stop
        start = fragment.find(permalink.opening, after)
    kept.append(fragment[done:])
    return "".join(kept)


def _in_heading(fragment: str, start: int, stop: int, target: str, leading: bool) -> bool:
    """Whether the link from `start` to `stop` ends a heading, or (`leading`) opens the one
    whose id is `target`."""
    if not leading:
        return _HEADING_END.match(fragment, stop) is not None
    tag_start = fragment.rfind("<", 0, start)
    tag = fragment[tag_start:start] if tag_start != -1 else ""
    return (
        _HEADING_START.match(tag) is not None
        and tag.endswith(">")
        and ">" not in tag[:-1]
        and f'id="{target}"' in tag
    )
