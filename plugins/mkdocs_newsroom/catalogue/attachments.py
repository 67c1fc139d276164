"""The files of the articles folder that are not articles: a picture or other media reaches
the site only when an article the site shows uses it (its lead image, or a link or image in
its text from the site's root); an editor's leftovers never do; anything else is reported."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from ..problems import Problem
from ..reading.fields import local_path
from ..reading.files import is_leftover, is_media

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from ..model import Article

# Where a body links a file: src, href and poster values, and the URLs of a srcset
_LINKS = re.compile(r"""\b(?:src|href|poster|srcset)="([^"]*)\"""")


def used_by(articles: Iterable[Article]) -> set[str]:
    """The site's files (paths from the content folder) the articles show or link to."""
    used = set()
    for article in articles:
        if article.image is not None and (path := local_path(article.image.src)):
            used.add(path)
        for value in _LINKS.findall(article.body_html):
            for candidate in value.split(","):
                url = candidate.strip().split(" ")[0]
                if url.startswith("/") and not url.startswith("//"):
                    used.add(unquote(urlsplit(url).path).lstrip("/"))
    return used


def publish_attachments(
    attachments: Sequence[str], shown: Sequence[Article], read: Sequence[Article]
) -> tuple[frozenset[str], list[Problem]]:
    """The attachments to publish: those an article the site shows uses. A file only a
    held-back article uses waits for it, silently; leftovers are never published."""
    if not attachments:
        return frozenset(), []
    published = used_by(shown)
    used = published | used_by(read)
    problems = []
    for path in attachments:
        if path in used or is_leftover(path):
            continue
        if is_media(path):
            problems.append(
                Problem(
                    path,
                    "no article uses it, so it was not published; give its path in an "
                    "article's 'image' or link it from the story",
                    level="info",
                )
            )
        else:
            problems.append(
                Problem(
                    path,
                    "it is neither an article (.md or .txt) nor a picture or other media an "
                    "article uses, so it was not published; move it out of the articles folder",
                )
            )
    return frozenset(path for path in attachments if path in published), problems
