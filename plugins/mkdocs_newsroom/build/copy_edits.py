"""A preview's rebuild from copy edits alone.

When every file saved since the last build is an article whose headline, summary or body
alone changed (its front matter otherwise, its address, its links and media as they were),
the dev server does not run MkDocs' whole build again: at 10,000 articles that is MkDocs'
part (its configuration, its listing of every file, its own pages), about 0.2 s, and
Newsroom's (every source looked at, the catalogue, the indexes and page objects laid out
again, every page signed), 0.6 s more. The article, the very object every listing, page and
feed holds, takes its new copy in place; the pages that show it are rendered again, and the
feeds, the redirect pages and the search index learn it. Anything else saved, a moment since
the build at which the clock changes the site (a story falling due), `--strict` with a
warning to give, or a plugin besides Newsroom and search, and the whole build runs, as
before. The whole build that follows reads the saved files again, and finds the articles
placed as they are.
"""

from __future__ import annotations

import os
import stat
import threading
import time
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from ..catalogue.attachments import files_named, named_by_unshown
from ..catalogue.body_media import media_urls
from ..catalogue.publishing import unwritten
from ..clock import now
from ..outputs.build_record import next_change
from ..preview.signatures import articles_in
from ..problems import NewsroomError
from ..reading.articles import ReadCache
from ..reading.files import is_leftover
from ..reading.site import read_articles
from ..rendering.pages import ArticlePage

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Iterable
    from datetime import datetime

    from mkdocs.config.defaults import MkDocsConfig

    from ..catalogue.editions import SiteIndexes
    from ..catalogue.site import Reading, ReadingMemory
    from ..memo import MadeBefore
    from ..model import Article
    from ..outputs.feed_files import Unwritable
    from ..problems import Problem
    from ..reading.pictures import MakePictures
    from ..reading.site import Markdown
    from ..rendering.pages import NewsPage
    from ..search.site import SiteSearch
    from ..settings.checked import Settings
    from .sources import SortedFiles

# seconds after a whole build: the browser has loaded the page, the editor has not yet saved
LEARN_AHEAD_AFTER = 0.5
# plugins whose work no copy edit changes (search indexes MkDocs' own pages only)
PLAIN_PLUGINS = frozenset(("newsroom", "search", "material/search"))


@dataclass
class LastBuild:
    """What a rebuild from copy edits takes from the whole build before it (and keeps up
    to date): the site as read, the articles as read and as placed, the news pages."""

    config: MkDocsConfig
    settings: Settings
    markdown: Markdown
    found: SortedFiles  # the site's files, as read
    reading: Reading  # the articles as read (`as_read`), and as published
    memory: ReadingMemory  # the articles placed, the bodies rendered
    indexes: SiteIndexes
    pages: list[NewsPage]
    pictures: MakePictures | None
    search: SiteSearch  # which knows articles by identity, as the feeds do
    feeds: MadeBefore[str | Unwritable]
    built: datetime  # the moment the build published for

    @cached_property
    def next_change(self) -> datetime | None:
        """The first moment the preview would show something else by the clock alone (asked
        by the copy edits and the clock's rebuild alike: worked out once)."""
        rules = self.settings
        return next_change(
            self.reading.catalogue,
            self.built,
            breaking_hours=rules.front_page_rules.breaking_hours,
            news_sitemap=rules.news_sitemap,
            embargoes=self.found.embargoes,
            preview=True,
        )


@dataclass
class Rewrite:
    """How a rebuild writes: the pages given, then the search index, the feeds, the aliases'
    redirect pages and the theme's error pages."""

    # the pages given, which show the articles given: how many were rendered again
    pages: Callable[[list[NewsPage], list[Article]], int]
    search: Callable[[], list[Problem]]  # what the file system refused of the index
    outputs: Callable[[], list[Problem]]  # what could not be written, and notes
    redirects: Callable[[], list[Problem]]  # what is wrong with the aliases
    error_pages: Callable[[], None]  # 404.html, which lists the latest stories


class CopyEdits:
    """Rebuilds from copy edits after `last`, the whole build, writing through `rewrite`."""

    def __init__(
        self,
        last: LastBuild,
        rewrite: Rewrite,
        say: Callable[[str], None],
        warn: Callable[[Iterable[Problem]], None],
    ) -> None:
        self._last = last
        self._rewrite = rewrite
        self._say = say
        self._warn = warn
        self._data = dict(last.found.sources.articles)
        self._by_source = {article.source: article for article in last.reading.catalogue.articles}
        self._showing: dict[int, list[NewsPage]] | None = None  # article's id -> its pages
        self._learning = threading.Lock()
        self._ahead: threading.Timer | None = None
        self._folders: set[str] | None = None
        self._waiting: frozenset[str] | None = None  # files stories not shown name
        fronts = last.indexes.fronts().values()
        self._in_banners = {id(story) for front in fronts for story in front.breaking}
        self._next_change = last.next_change

    def learn_ahead(self) -> None:
        """Learn which pages show which article in a moment (LEARN_AHEAD_AFTER), while the
        editor reads, unless a copy edit needs it first: at 10,000 articles that is 0.15 s
        the first copy edit no longer waits. The moment keeps it clear of the page the
        browser loads just after the build. Not for a site that copy edits pass by; once."""
        if self._ahead is not None or not _plain(self._last.config):
            return
        self._ahead = threading.Timer(LEARN_AHEAD_AFTER, self._pages_by_article)
        self._ahead.daemon = True
        self._ahead.start()

    def stop_learning(self) -> None:
        """Before a whole build: nothing of this preview is learnt beside it (no thread runs
        while the build forks its workers)."""
        if self._ahead is not None:
            self._ahead.cancel()
            self._ahead.join()

    def rebuild(self, reported: Collection[str]) -> bool:
        """Rebuild from the files the watcher `reported`, if they are copy edits alone (True);
        False, having changed nothing, if the whole build must run."""
        started = time.perf_counter()
        sources = self._saved_articles(reported)
        if sources is None or self._clock_moved():
            return False
        edits: list[tuple[Article, Article, bytes]] = []
        problems: list[Problem] = []
        for source in sources:
            edit = self._read_again(source, problems)
            if edit is None:
                return False
            if edit[1] is not None:
                edits.append((edit[0], edit[1], edit[2]))
        if self._last.config.strict and any(p.level != "info" for p in problems):
            return False  # the whole build stops on them, as `--strict` asks
        if not all(self._last.memory.placed.places(article) for article, _read, _data in edits):
            return False  # a later step made another of it (catalogue/still_to_come.py)
        for article, read, data in edits:
            self._take_copy(article, read, data)
        self._warn(problems)
        edited = [article for article, _read, _data in edits]
        if not edited:
            self._say("rebuilt from copy edits alone: the saved files had not changed")
            return True
        rendered = self._rewrite.pages(self._pages_showing(edited), edited)
        self._warn(self._rewrite.search())
        # its notes are the site's (robots.txt), said by every whole build: not again
        self._warn(problem for problem in self._rewrite.outputs() if problem.level != "info")
        self._rewrite.redirects()  # what is wrong with them, every whole build says
        self._rewrite.error_pages()
        seconds = time.perf_counter() - started
        stories = f"{len(edited)} article{'s' if len(edited) > 1 else ''}"
        self._say(
            f"rebuilt from copy edits alone ({stories}): {rendered} pages rendered again; "
            f"took {seconds:.2f} s"
        )
        return True

    def _saved_articles(self, reported: Collection[str]) -> list[str] | None:
        """The articles among the `reported` paths, if nothing else of the site was saved,
        made or removed there (an editor's swap and temporary files aside); None otherwise."""
        config = self._last.config
        if not reported or not _plain(config):
            return None
        known = self._last.found.sources.files
        if self._folders is None:
            self._folders = _folders_of(known)
        folders = {str(Path(config.docs_dir).resolve()), str(Path(config.docs_dir).absolute())}
        saved: set[str] = set()
        for path in reported:
            relative = _inside(path, folders)
            if relative is None:
                return None  # mkdocs.yml, a template, a folder watched besides the content
            if relative in self._data:
                saved.add(relative)
            elif relative in known or relative in self._folders:
                return None  # a file of the site, or a folder of them, saved, moved, removed
            elif not is_leftover(relative) and os.path.lexists(path):
                return None  # a new file or folder (a temporary file, made and gone, is none)
        return sorted(saved)

    def _clock_moved(self) -> bool:
        """Whether the site would change by the clock alone since the build: a story or page
        fell due, a story expired, left the breaking-news banner or the news sitemap; or the
        clock went back past the build's moment."""
        try:
            moment = now()
        except NewsroomError:
            return True  # the whole build says why
        if moment < self._last.built:
            return True
        return self._next_change is not None and moment >= self._next_change

    def _read_again(
        self, source: str, problems: list[Problem]
    ) -> tuple[Article, Article | None, bytes] | None:
        """(the article as placed, as read again, the file) if only its copy changed; (it,
        None, the file) if the file did not change; None if anything else changed."""
        last = self._last
        article, before = self._by_source.get(source), last.reading.as_read.get(source)
        data = _regular_file_bytes(Path(last.config.docs_dir, source), last.settings)
        if article is None or before is None or data is None or id(article) in self._in_banners:
            return None  # a banner's story is on every page
        if data == self._data[source]:
            return article, None, data
        sources = replace(last.found.sources, articles=[(source, data)], oversized={}, problems=[])
        # bodies rendered here are the whole build's to reuse (one that ran out of time too)
        bodies = ReadCache(bodies=last.memory.read.bodies)
        read = read_articles(
            sources, last.settings, last.markdown, cache=bodies, pictures=last.pictures
        )
        if len(read.articles) != 1:
            return None
        again = read.articles[0]
        if before.differs_beyond_copy(again) or self._uses(before) != self._uses(again):
            return None
        problems.extend(problem for problem in read.problems if problem.path == source)
        problems += unwritten(again, article.held_back)  # as the whole build's catalogue says
        return article, again, data

    def _uses(self, article: Article) -> tuple[object, ...]:
        """What of the body decides which files the site publishes, and which media a page
        shows (a new link or picture may publish a file, or be missing: the whole build
        says)."""
        if self._waiting is None:
            files, shown = self._last.found.sources.own, self._last.reading.catalogue.articles
            self._waiting = named_by_unshown(files, shown, self._data.items())
        return files_named(article, self._waiting, self._last.config.site_url or ""), sorted(
            media_urls(article.body_html)
        )

    def _take_copy(self, article: Article, read: Article, data: bytes) -> None:
        self._last.memory.placed.take_copy(article, read)
        self._last.reading.as_read[read.source] = read
        self._data[read.source] = data
        self._last.search.forget(article.url)
        self._last.feeds.forget_made_of(article)
        for page in self._pages_showing([article]):
            page.signed = ("", "")
            if isinstance(page, ArticlePage) and page.article is article:
                page.take_copy()

    def _pages_showing(self, articles: list[Article]) -> list[NewsPage]:
        showing = self._pages_by_article()
        pages = {id(page): page for a in articles for page in showing.get(id(a), [])}
        return list(pages.values())

    def _pages_by_article(self) -> dict[int, list[NewsPage]]:
        with self._learning:
            if self._showing is None:
                showing: dict[int, list[NewsPage]] = {}
                for page in self._last.pages:
                    for shown in {id(item) for item in articles_in(page.shown())}:
                        showing.setdefault(shown, []).append(page)
                self._showing = showing
            return self._showing


def _plain(config: MkDocsConfig) -> bool:
    """Whether the site's plugins are Newsroom and search alone, and it has no hooks."""
    return set(config.plugins) <= PLAIN_PLUGINS and not config.hooks


def _folders_of(paths: Iterable[str]) -> set[str]:
    """Every folder that holds one of `paths`, at any depth."""
    folders: set[str] = set()
    for path in paths:
        folder = path.rpartition("/")[0]
        while folder and folder not in folders:
            folders.add(folder)
            folder = folder.rpartition("/")[0]
    return folders


def _inside(path: str, folders: Collection[str]) -> str | None:
    for folder in folders:
        if path.startswith(folder + os.sep):
            return path[len(folder) + 1 :].replace(os.sep, "/")
    return None


def _regular_file_bytes(path: Path, settings: Settings) -> bytes | None:
    """The file's bytes, if it is a regular file no larger than an article may be."""
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode) or status.st_size > settings.read_options.max_bytes:
            return None
        return path.read_bytes()
    except OSError:
        return None
