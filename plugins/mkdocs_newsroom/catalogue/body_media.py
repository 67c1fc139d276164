"""The pictures, sound and video an article's text shows from this site must be files of the
site: one that is not is a hole in the published page, said with the article and the file,
as a missing lead image is. A path in the text is read as the browser reads it, from the
page's address (a story at 2024/05/01/x/ showing `photo.jpg` asks for
2024/05/01/x/photo.jpg); write it from the site's root (`/articles/photo.jpg`)."""

from __future__ import annotations

import posixpath
import re
from dataclasses import replace
from html.parser import HTMLParser
from typing import TYPE_CHECKING
from urllib.parse import unquote

from ..problems import Problem, first_and_more
from ..reading.links import attribute_urls, link_path, local_path, normal_path, page_link_path
from ..reading.texts import MAX_LINES_EACH

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable, Iterator

    from ..model import Article, Author

# The start tags of what loads a file into the page (a cheap search first: most stories have
# none, and only these are parsed)
_MEDIA_TAG = re.compile(r"<(?:img|source|video|audio|track)\b[^>]*>", re.IGNORECASE)
_MEDIA_URLS = frozenset({"src", "srcset", "poster"})


def missing_media(
    articles: Iterable[Article],
    files: Collection[str],
    site_path: str = "/",
    texts: Iterable[tuple[str, bytes]] = (),
) -> list[Problem]:
    """A line for each published article's media that is not among `files` (the site's
    files, as paths from the content folder), at its line in the article's text (`texts`,
    by source) where it is written there as it is; past `MAX_LINES_EACH` for one article,
    one line counts them. On a project site (`site_path`: '/repo/'), a path written under
    the site's path (`/repo/images/x.jpg`) is read from the site's root, as its page leaves
    it."""
    problems: list[Problem] = []
    if not files:  # the files were not listed: nothing to tell
        return problems
    by_source: dict[str, bytes] | None = None  # made at the first file missing
    for article in articles:
        if article.held_back or "<" not in article.body_html:
            continue
        missing = {
            written: path
            for written in media_urls(article.body_html)
            if (path := page_link_path(_from_root(written, site_path), article.url)) is not None
            and path not in files
        }
        if missing:
            by_source = dict(texts) if by_source is None else by_source
            text = by_source.get(article.source, b"")
            problems += [
                replace(problem, line=_line_of(text, written))
                for problem, written in _said(article, missing, files)
            ]
    return problems


def _line_of(text: bytes, written: str) -> int | None:
    """The line of `text` where `written` first is as an address of its own (not the end of
    a longer one), as it is or percent-decoded; None if it is not there so (an address the
    Markdown spelled otherwise)."""
    for form in dict.fromkeys((written, unquote(written))):
        address = rb"(?<![\w./%-])" + re.escape(form.encode("utf-8")) + rb"(?![\w/%-])"
        found = re.search(address, text)
        if found is not None:
            return text.count(b"\n", 0, found.start()) + 1
    return None


def _from_root(written: str, site_path: str) -> str:
    if site_path != "/" and written.startswith(site_path):
        return written[len(site_path) - 1 :]
    return written


def _said(
    article: Article, missing: dict[str, str], files: Collection[str]
) -> list[tuple[Problem, str]]:
    """The lines for an article's `missing` files, each with the address it is at first."""
    if len(missing) > MAX_LINES_EACH:
        named = first_and_more([f"'{written}'" for written in missing])
        said = (
            f"its text shows {len(missing):,} files that are not files of the site ({named}), "
            "so they are missing from its page; give each path from the site's root, such as "
            "/articles/photo.jpg"
        )
        return [(Problem(article.source, said), next(iter(missing)))]
    return [
        (_one_missing(article, written, path, files), written) for written, path in missing.items()
    ]


_FROM_THE_ROOT = "give its path from the site's root, such as /articles/photo.jpg"


def _one_missing(article: Article, written: str, path: str, files: Collection[str]) -> Problem:
    if written.startswith("/"):
        return Problem(
            article.source,
            f"its text shows '{written}', which is not a file of the site, so it is missing "
            f"from its page; {_FROM_THE_ROOT}",
        )
    beside = normal_path(posixpath.join(posixpath.dirname(article.source), link_path(written)))
    from_content = normal_path(link_path(written))  # as a lead image's `src` is written
    found = next((path for path in (beside, from_content) if path in files), None)
    advice = f"write /{found}" if found is not None else _FROM_THE_ROOT
    return Problem(
        article.source,
        f"its text shows '{written}', which its page at {article.url} reads as /{path}, not a "
        f"file of the site, so it is missing from the page; {advice}",
    )


def media_urls(body: str) -> Iterator[str]:
    """Every URL of a picture, sound or video in `body` (src, poster, each of a srcset), as
    the browser reads it."""
    for tag in _MEDIA_TAG.findall(body):
        parser = _Attributes()
        parser.feed(tag)
        parser.close()
        for name, value in parser.attributes:
            yield from attribute_urls(name, value)


class _Attributes(HTMLParser):
    """The media URL attributes of one start tag, character references decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.attributes: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attributes += [(n, v) for n, v in attrs if n in _MEDIA_URLS and v is not None]

    handle_startendtag = handle_starttag


def missing_avatars(
    authors: Iterable[Author], files: Collection[str], authors_file: str
) -> list[Problem]:
    """A line for each author whose `avatar` is a path that is not a file of the site (a
    broken picture on their page and the authors index)."""
    if not files:  # the files were not listed: nothing to tell
        return []
    return [
        Problem(
            authors_file,
            f"author '{author.id}': 'avatar' is '{author.avatar}', which is not a file of the "
            "site, so their page and the authors index show a broken picture; give its path "
            "from the content folder, such as images/jane.jpg",
        )
        for author in authors
        if author.avatar and (path := local_path(author.avatar)) is not None and path not in files
    ]
