"""The files of the articles folder that are not articles: a picture or other media reaches
the site only when an article the site shows uses it (its lead image, or a link or image in
its text from the site's root); an editor's leftovers and files of other types never do, even
when an article links to them; anything else is reported."""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ..problems import Problem
from ..reading.files import (
    SCRIPTED_PICTURE,
    is_leftover,
    is_media,
    is_publishable,
    is_scripted_picture,
    may_be_held,
)
from ..reading.links import attribute_urls, local_path, own_path, page_link_path
from .named_media import named_by_name, story_text

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable, Mapping, Sequence

    from ..model import Article, Author

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
        for url in attribute_urls(name, html.unescape(value)):
            if (path := page_link_path(url, article.url)) is not None:
                yield path


def files_named(
    article: Article, waiting: Collection[str], site_url: str = ""
) -> tuple[object, ...]:
    """What of an article's body decides which of the site's files are published: its links
    (`used_by`), and which of the files `waiting` (`named_by_unshown`) it uses. A copy edit
    that changes neither publishes the same files (build/copy_edits.py)."""
    named = named_by_shown([article], waiting, site_url)
    return sorted(_LINKS.findall(article.body_html)), sorted(named)


def held_back_only(
    files: frozenset[str],
    shown: Sequence[Article],
    articles: Iterable[tuple[str, bytes]],
    site_url: str = "",
) -> frozenset[str]:
    """The files of the content folder (`files`) that a story may show or link (pictures,
    documents, data: `may_be_held`) which the article files (`articles`: path, contents) the
    site does not show name (drafts, scheduled and expired stories, and those skipped for a
    mistake, since they may be any of these), and no article the site shows does
    (catalogue/named_media.py): not published until one is shown, so that a draft's
    photograph is not at a guessable URL."""
    held = named_by_unshown(files, shown, articles)
    return held - named_by_shown(shown, held, site_url)


def uncredited_photos(
    authors: Mapping[str, Author], shown: Sequence[Article], files: Collection[str]
) -> frozenset[str]:
    """The photos (`avatar`: files of the content folder) of the authors no story the site
    shows credits, which no credited author has too: not published until a story credits
    them, as they have no page until then (a scheduled story's new correspondent)."""
    credited = _credited(shown)
    photos: dict[bool, set[str]] = {True: set(), False: set()}
    for key, author in authors.items():
        path = local_path(author.avatar) if author.avatar else None
        if path is not None and path in files:
            photos[key in credited].add(path)
    return frozenset(photos[False] - photos[True])


def credited_texts(authors: Mapping[str, Author], shown: Sequence[Article]) -> list[str]:
    """What the authors file says of the authors the site's stories credit (their photos and
    bios): the files it names are published, those of the others wait with them."""
    credited = _credited(shown)
    return [f"{author.avatar}\n{author.bio}" for key, author in authors.items() if key in credited]


def _credited(shown: Sequence[Article]) -> set[str]:
    """The ids of the authors the stories `shown` credit: those with a page (the indexes'
    listings, built later from the same stories)."""
    return {author.id for article in shown for author in article.authors}


def named_by_unshown(
    files: frozenset[str], shown: Sequence[Article], articles: Iterable[tuple[str, bytes]]
) -> frozenset[str]:
    """Those of `files` that a story may show or link and the article files the site does
    not show name: withheld unless a shown article uses them (`held_back_only`)."""
    sources = {article.source for article in shown}
    read = list(articles)
    unshown = [story_text(path, data) for path, data in read if path not in sources]
    if not unshown:
        return frozenset()
    stories = {path for path, _data in read}
    return named_by_name(
        unshown, [path for path in files if may_be_held(path) and path not in stories]
    )


def named_by_shown(
    shown: Sequence[Article], paths: Collection[str], site_url: str = ""
) -> frozenset[str]:
    """Those of `paths` that the articles the site shows use: by their links and lead
    images, read from each page's address, or by the site's own address `site_url`. Nothing
    is read when no path is asked about (every build asks, most about none)."""
    if not paths:
        return frozenset()
    used = used_by(shown).keys() | _by_site_url(shown, site_url)
    return frozenset(used & set(paths))


def _by_site_url(articles: Iterable[Article], site_url: str) -> set[str]:
    """The site's files the articles' links and lead images name by the site's address
    (only the texts that hold its host are read for links)."""
    host = urlsplit(site_url).hostname
    if not host:
        return set()
    holds_host = re.compile(re.escape(host.rstrip(".")), re.IGNORECASE).search
    found: set[str] = set()
    for article in articles:
        urls = [article.image.src] if article.image is not None else []
        for name, value in (
            _LINKS.findall(article.body_html) if holds_host(article.body_html) else ()
        ):
            urls += attribute_urls(name, html.unescape(value))
        found.update(path for url in urls if (path := own_path(url, site_url)))
    return found


def publish_attachments(
    attachments: Sequence[str],
    shown: Sequence[Article],
    read: Sequence[Article],
    site_url: str = "",
) -> tuple[frozenset[str], list[Problem]]:
    """The attachments to publish: media of an allowed type that an article the site shows
    uses. A file only a held-back article uses waits for it, silently; leftovers and files of
    other types are never published (a warning when an article links to one)."""
    if not attachments:
        return frozenset(), []
    published = used_by(shown)
    for path in _by_site_url(shown, site_url).intersection(attachments):
        published.setdefault(path, "a story the site shows")
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
