"""Old addresses kept alive: each `aliases` entry of a shown article becomes a redirect to it,
unless the address belongs to something else. A page, a listing or another article's
redirect keeps its address, and the alias is reported, never written over it."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..problems import Problem
from ..settings.article_url import RESERVED_PREFIXES
from ..urls import built_file, shown

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from ..model import Article, Edition


# What each of the newsroom's reserved folders holds (RESERVED_PREFIXES), for messages
_RESERVED_FOR = {
    "section/": "the section listings",
    "tags/": "the tag listings",
    "authors/": "the author pages",
    "archive/": "the archive",
    "search/": "the search index",
    "assets/": "the stylesheets, scripts and icons of the theme and the newsroom",
}


def _last(folder: str) -> str:
    """The last folder of a path 'ps/tags/': 'tags/'."""
    return folder.rstrip("/").rsplit("/", 1)[-1] + "/"


@dataclass(frozen=True)
class Redirect:
    """A redirect page at `alias` (a site-relative folder 'a/b/' or file 'a/b.html') to
    `article`."""

    alias: str
    article: Article

    @property
    def path(self) -> str:
        """The file written, relative to the site folder."""
        return f"{self.alias}index.html" if self.alias.endswith("/") else self.alias


def place_redirects(
    articles: Iterable[Article], taken: Mapping[str, str], editions: Sequence[Edition] = ()
) -> tuple[list[Redirect], list[Problem]]:
    """The redirects of `articles`' aliases. `taken` maps the URLs of the site's pages and
    articles to their files. Articles are taken in order of their source path, so that the
    same files always give the same redirects; of two addresses that differ only in letter
    case, the later is refused too (see `case_folded`)."""
    fronts = {edition.path for edition in editions} | {""}
    listings = tuple(f"{path}{prefix}" for path in fronts for prefix in RESERVED_PREFIXES)
    redirects: dict[str, Redirect] = {}
    problems: list[Problem] = []
    folded = FoldedAddresses(taken, fronts)
    for article in sorted(articles, key=lambda a: a.source):
        for alias in article.aliases:
            holder = address_holder(alias, taken, redirects, fronts, listings, article.url)
            holder = holder or folded.holder(alias, listings)
            if holder:
                problems.append(
                    Problem(
                        article.source,
                        f"alias '{shown(alias)}' {holder}, so no redirect was written there; "
                        "remove it from 'aliases'",
                        article.aliases_line,
                    )
                )
            else:
                redirects[alias] = Redirect(alias, article)
                folded.add(alias, f"'{shown(alias)}', an alias of {article.source}")
    return list(redirects.values()), problems


def case_folded(address: str) -> str:
    """`address` as a file system that ignores letter case sees it (macOS and Windows, where
    sites are checked out and served from): two addresses folded alike are one file there,
    and the later would be written over the first."""
    return unicodedata.normalize("NFC", address).casefold()


class FoldedAddresses:
    """The addresses taken so far, in any letter case, each with what holds it."""

    def __init__(self, taken: Mapping[str, str], fronts: set[str]) -> None:
        self._said: dict[str, str] = {}
        for url, source in taken.items():
            self.add(url, f"{shown(url)}, the URL of {source}")
        for front in fronts - {""}:
            self.add(front, f"{shown(front)}, a front page")

    def add(self, address: str, said: str) -> None:
        self._said.setdefault(case_folded(address), said)

    def holder(self, alias: str, listings: tuple[str, ...]) -> str:
        """What holds `alias` in another letter case, said for a message ('' if nothing)."""
        folded = case_folded(alias)
        said = self._said.get(folded)
        if said is None:
            listing = next((p for p in listings if folded.startswith(case_folded(p))), "")
            said = f"{shown(listing)}, among the newsroom's own listings" if listing else ""
        if not said:
            return ""
        return (
            f"differs only in letter case from {said}, one file where case is ignored "
            "(macOS, Windows)"
        )


def address_holder(
    alias: str,
    taken: Mapping[str, str],
    redirects: Mapping[str, Redirect | str],
    fronts: set[str],
    listings: tuple[str, ...],
    own_url: str = "",
) -> str:
    """What already has the address `alias`, said for a message ('' if nothing): the
    article's own URL, another page or article, another alias (`redirects`: the redirect, or
    the file whose alias it is), a front page, the newsroom's listings, or a file every build
    writes (newsroom-build.json, feed.xml...)."""
    if alias == own_url:
        return "is the article's own URL"
    if alias in taken:
        return f"is the URL of {taken[alias]}"
    if alias in redirects:
        return f"is already an alias of {_alias_source(redirects[alias])}"
    if alias in fronts:
        return "is a front page"
    reserved = next((folder for folder in listings if alias.startswith(folder)), "")
    if reserved:
        held = _RESERVED_FOR[_last(reserved)]
        return f"is inside {shown(reserved)}, the folder reserved for {held}"
    built = built_file(alias, tuple(sorted(fronts)))
    if built:
        return f"is where the build writes its own {built}"
    return ""


def _alias_source(holder: Redirect | str) -> str:
    return holder if isinstance(holder, str) else holder.article.source
