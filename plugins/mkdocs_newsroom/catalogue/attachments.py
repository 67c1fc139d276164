"""The files of the articles folder that are not articles: a picture or other media reaches
the site only when an article the site shows uses it (its lead image, or a link or image in
its text from the site's root); an editor's leftovers and files of other types never do, even
when an article links to them; anything else is reported."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import unquote

from ..problems import Problem
from ..reading.files import (
    SCRIPTED_PICTURE,
    is_leftover,
    is_media,
    is_publishable,
    is_scripted_picture,
)
from ..reading.links import attribute_urls, local_path, page_link_path

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable, Sequence

    from ..model import Article

# Where a body links a file: src, href and poster values, and the URLs of a srcset
_LINKS = re.compile(r"""\b(src|href|poster|srcset)="([^"]*)\"""")

NOT_MEDIA = (
    "it is neither an article (.md or .txt) nor a picture or other media an article uses, so "
    "it was not published; move it out of the articles folder"
)


def used_by(articles: Iterable[Article]) -> dict[str, str]:
    """The site's files (paths from the content folder) the articles show or link to, each
    with the first article that does."""
    used: dict[str, str] = {}
    for article in articles:
        for path in _paths(article):
            used.setdefault(path, article.source)
    return used


def _paths(article: Article) -> Iterable[str]:
    if article.image is not None and (path := local_path(article.image.src)):
        yield path
    for name, value in _LINKS.findall(article.body_html):
        for url in attribute_urls(name, value):
            if (path := page_link_path(url, article.url)) is not None:
                yield path


def files_named(article: Article, waiting: Collection[str]) -> tuple[object, ...]:
    """What of an article's body decides which of the site's files are published: its links
    (`used_by`), and which of the media `waiting` (`waiting_media`) it names. A copy edit
    that changes neither publishes the same files (build/copy_edits.py)."""
    names = _names_in([article], {_file_name(path) for path in waiting})
    return sorted(_LINKS.findall(article.body_html)), sorted(names)


def held_back_only(
    files: frozenset[str], shown: Sequence[Article], read: Sequence[Article]
) -> frozenset[str]:
    """The site's pictures and other media (paths from the content folder) that held-back
    articles (drafts, scheduled, expired) use and no article the site shows does: not
    published until one is shown, so that a draft's photograph is not at a guessable URL."""
    waiting = waiting_media(files, shown, read)
    named = _names_in(shown, {_file_name(path) for path in waiting})
    return frozenset(path for path in waiting if _file_name(path) not in named)


def waiting_media(
    files: frozenset[str], shown: Sequence[Article], read: Sequence[Article]
) -> list[str]:
    """The site's media that held-back articles use and no shown article links to: withheld
    unless a shown article names them (`held_back_only`)."""
    shown_sources = {article.source for article in shown}
    held_back = [article for article in read if article.source not in shown_sources]
    if not held_back:
        return []
    media = [path for path in files if is_media(path)]
    # by any address, the site's own URL too: a name is enough to hold a file back
    named = _names_in(held_back, {_file_name(path) for path in media})
    used = used_by(held_back).keys() | {path for path in media if _file_name(path) in named}
    return [path for path in used - used_by(shown).keys() if path in files and is_media(path)]


def named_by(articles: Sequence[Article], paths: Iterable[str]) -> frozenset[str]:
    """Those of `paths` that the articles use or name, by any address."""
    names = {path: _file_name(path) for path in paths}
    named = _names_in(articles, set(names.values()))
    return frozenset(path for path, name in names.items() if name in named)


def _file_name(path: str) -> str:
    return path.rsplit("/", 1)[-1]


def _names_in(articles: Sequence[Article], names: set[str]) -> set[str]:
    """Which of `names` some article's text or lead image names, by any address (a relative
    link, the site's own URL): one pass over each text, however many names wait."""
    if not names:
        return set()
    pattern = names_pattern(names)
    found: set[str] = set()
    for article in articles:
        found.update(pattern.findall(unquote(article.body_html)))
        if article.image is not None:
            found.update(pattern.findall(unquote(article.image.src)))
    return found


def names_pattern(names: Iterable[str]) -> re.Pattern[str]:
    """A search for any of the file `names` named whole, not inside a longer name
    (`favicon.png` does not name `icon.png`, nor `emb.png.bak` `emb.png`), in a decoded text
    (`my%20pic.png` names `my pic.png` once decoded)."""
    alternatives = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
    return re.compile(rf"(?<![\w.-])(?:{alternatives})(?![\w.-]*\w)")


def publish_attachments(
    attachments: Sequence[str], shown: Sequence[Article], read: Sequence[Article]
) -> tuple[frozenset[str], list[Problem]]:
    """The attachments to publish: media of an allowed type that an article the site shows
    uses. A file only a held-back article uses waits for it, silently; leftovers and files of
    other types are never published (a warning when an article links to one)."""
    if not attachments:
        return frozenset(), []
    published = used_by(shown)
    used = used_by(read) | published
    problems = [
        problem for path in attachments if (problem := _problem(path, used.get(path))) is not None
    ]
    return frozenset(p for p in attachments if p in published and is_publishable(p)), problems


def _problem(path: str, user: str | None) -> Problem | None:
    """What to say about one attachment, which `user` (an article) uses, or none does."""
    if is_scripted_picture(path) and not is_leftover(path):
        used = f"{user} uses it, but " if user is not None else ""
        return Problem(path, f"{used}{SCRIPTED_PICTURE}")
    if user is not None and not is_publishable(path):
        kind = "an editor's leftover or a hidden file" if is_leftover(path) else "not media"
        return Problem(
            path,
            f"{user} links to it, but it is {kind} (only pictures, sound, video, PDF and "
            "subtitles of the articles folder are published), so it was not published; link "
            "a published file instead",
        )
    if user is not None or is_leftover(path):
        return None
    if is_media(path):
        return Problem(
            path,
            "no article uses it, so it was not published; give its path in an article's "
            "'image' or link it from the story",
            level="info",
        )
    return Problem(path, NOT_MEDIA)
