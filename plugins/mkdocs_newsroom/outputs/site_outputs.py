"""The files a build writes beside the pages: sitemap.xml, the feeds, the news sitemap and
robots.txt."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ..memo import MadeBefore
from ..problems import Problem
from ..rendering.pages import ArticlePage, ListingPage, NewsPage
from ..urls import ATOM_FILE, NEWS_SITEMAP, ROBOTS_TXT, RSS_FILE, SITEMAP
from .feed_files import Unwritable, feed_files, feed_specs
from .feeds import FeedOptions
from .files import remove_files, write_outputs
from .sitemaps import X_DEFAULT, Entry, news_sitemap, robots_txt, sitemap_files
from .wellformed import item_at, xml_error

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
    from datetime import datetime

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File

    from ..catalogue.editions import SiteIndexes
    from ..catalogue.publishing import Catalogue
    from ..model import Article, Edition
    from ..reading.images import ImageFacts
    from ..settings.checked import Settings
    from .feeds import FeedSpec


@dataclass
class OutputMemory:
    """What a build of `mkdocs serve` hands on to the next: its feeds, and every file it
    wrote here, by path."""

    feeds: MadeBefore[str | Unwritable] = field(default_factory=MadeBefore)
    written: dict[str, str] = field(default_factory=dict)
    redirects: dict[str, str] = field(default_factory=dict)  # the aliases' redirect pages


@dataclass(frozen=True)
class SiteInfo:
    name: str
    url: str
    description: str
    config_name: str = "mkdocs.yml"  # the configuration file, as problems name it

    @classmethod
    def of(cls, config: MkDocsConfig) -> SiteInfo:
        """The site as its configuration describes it."""
        name = Path(config.config_file_path or "mkdocs.yml").name
        return cls(config.site_name, config.site_url or "", config.site_description or "", name)


NO_SITE_URL = (
    "site_url is not set in mkdocs.yml; feeds, sitemaps and structured data need absolute "
    "URLs, so they are not written"
)


class SiteOutputs:
    """The outputs of one build, for a site with a `site_url` (they need absolute URLs)."""

    def __init__(
        self, settings: Settings, site: SiteInfo, now: datetime, memory: OutputMemory
    ) -> None:
        self._settings = settings
        self._site = site
        self._now = now
        self._memory = memory
        self._more_sitemaps: dict[str, str] = {}
        self._problems: list[Problem] = []

    def sitemap(self, pages: Iterable[File]) -> str | None:
        """sitemap.xml with each page's real last change (MkDocs writes the build date);
        past 50,000 pages, the index of the sitemaps `write` writes. None if it would not be
        well-formed (MkDocs' own is kept)."""
        files = sitemap_files(sitemap_entries(pages, self._settings.editions), self._site.url)
        files = _well_formed(files, {}, self._problems, {})
        self._more_sitemaps = files
        return files.pop(SITEMAP, None)

    def write(
        self,
        site_dir: str,
        catalogue: Catalogue,
        indexes: SiteIndexes,
        *,
        robots_txt_given: bool,
        in_place: Callable[[str], bool],
        images: Mapping[str, ImageFacts],
    ) -> list[Problem]:
        """Write the feeds, the news sitemap and robots.txt (unless the site has its own);
        `in_place` tells which files of the last build are still in the site folder: they
        are not written again if unchanged, and removed if gone. Returns what could not be
        written."""
        settings, site, memory = self._settings, self._site, self._memory
        outputs = dict(self._more_sitemaps)
        length, listings = settings.feed_length, settings.listing_feeds
        specs = list(feed_specs(indexes, site.name, site.description, self._now, length, listings))
        options = FeedOptions(
            site.url,
            site.name,
            length,
            settings.feed_full_content,
            {edition.id: edition for edition in settings.editions},
            images,
        )
        problems = self._problems
        for path, feed in feed_files(iter(specs), options, memory.feeds):
            if isinstance(feed, Unwritable):
                problems.extend(_unwritable(path, feed))
            else:
                outputs[path] = feed
        sitemaps = [SITEMAP]
        news = settings.news_sitemap and news_sitemap(
            [article for article in catalogue.articles if not article.held_back],
            site.url,
            settings.publisher_name or site.name,
            options.language,
            self._now,
        )
        if news:  # none without a story of the last two days: an empty one is not valid
            outputs[NEWS_SITEMAP] = news
            sitemaps.append(NEWS_SITEMAP)
        if self._robots_txt() and not robots_txt_given:
            outputs[ROBOTS_TXT] = robots_txt(site.url, sitemaps)
        feeds = {spec.path(name): spec for spec in specs for name in (RSS_FILE, ATOM_FILE)}
        # what the last build wrote was found well-formed: the same text is not parsed again
        # (a preview's rebuild at 10,000 articles parsed its 700 unchanged feeds)
        outputs = _well_formed(outputs, feeds, problems, memory.written)
        kept = {path: text for path, text in memory.written.items() if in_place(path)}
        problems += write_outputs(site_dir, outputs, kept)
        problems += remove_files(site_dir, sorted(kept.keys() - outputs.keys()))[1]
        memory.written = outputs
        self._problems = []  # said once: a preview may write again (build/copy_edits.py)
        return problems

    def _robots_txt(self) -> bool:
        """Whether to write robots.txt: crawlers read it only at the root of a host, so a site
        with a path in its `site_url` (a project site) has none unless asked, and is told."""
        wanted = self._settings.robots_txt
        folder = urlsplit(self._site.url).path.strip("/")
        if not folder or wanted is False:
            return wanted is not False
        if wanted:
            self._problems.append(
                Problem(
                    self._site.config_name,
                    f"robots_txt is on, but site_url has a path (/{folder}/): crawlers read "
                    "robots.txt only at the root of a host, so they will never read this one; "
                    "set robots_txt: false, and give search engines sitemap.xml in their "
                    "webmaster tools",
                )
            )
            return True
        self._problems.append(
            Problem(
                self._site.config_name,
                f"robots.txt was not written: site_url has a path (/{folder}/), and crawlers "
                "read robots.txt only at the root of a host; give search engines sitemap.xml "
                "in their webmaster tools",
                level="info",
            )
        )
        return False


def _unwritable(path: str, feed: Unwritable) -> list[Problem]:
    names = [article.source for article in feed.culprits] or [path]
    return [
        Problem(
            name,
            f"{path} could not be written ({feed.error}); this is a fault in Newsroom: please "
            "report it with the file",
        )
        for name in names
    ]


def _well_formed(
    outputs: dict[str, str],
    feeds: Mapping[str, FeedSpec],
    problems: list[Problem],
    known: Mapping[str, str],
) -> dict[str, str]:
    """The outputs whose XML is well-formed; each other one is a problem, named after the
    article whose feed item broke it when that can be told. `known`: texts found well-formed
    before, by path, which are not parsed again."""
    kept = {}
    for path, text in outputs.items():
        unchecked = path.endswith(".xml") and known.get(path) != text
        found = xml_error(text) if unchecked else None
        if found is None:
            kept[path] = text
            continue
        error, offset = found
        spec, item = feeds.get(path), item_at(text, offset)
        if spec is not None and item is not None and item < len(spec.articles):
            where = spec.articles[item].source
        else:
            where = path
        problems.append(
            Problem(
                where,
                f"{path} would not be well-formed XML ({error}), so it was not written; "
                "this is a fault in Newsroom: please report it with the file",
            )
        )
    return kept


def sitemap_entries(files: Iterable[File], editions: Sequence[Edition] = ()) -> Iterator[Entry]:
    """Every page `mkdocs build` writes, with its last change where Newsroom knows it, and the
    same page in the other editions' languages (an article's translations, the editions'
    front pages) as search engines name them, the first edition's as `x-default`. A page
    that shows nothing (noindex) is left out."""
    by_id = {edition.id: edition for edition in editions}
    files = list(files)
    empty = {
        file.page.edition.id
        for file in files
        if isinstance(file.page, ListingPage)
        and file.page.pagination.listing.kind == "front"
        and file.page.noindex
    }
    fronts = _front_alternates([edition for edition in editions if edition.id not in empty])
    for file in files:
        page = file.page
        if page is None or not file.is_documentation_page() or file.inclusion.is_excluded():
            continue
        if isinstance(page, NewsPage) and page.noindex:
            continue
        url = "" if file.url in ("", "./") else file.url
        if isinstance(page, ArticlePage) and page.translations:
            versions = [page.article, *(other for _lang, other in page.translations)]
            yield Entry(url, page.lastmod, _alternates(versions, by_id, editions))
        elif isinstance(page, ListingPage) and page.pagination.listing.kind == "front" and fronts:
            yield Entry(url, page.lastmod, fronts)
        else:
            yield Entry(url, page.lastmod if isinstance(page, NewsPage) else None)


def _alternates(
    versions: Sequence[Article], by_id: Mapping[str, Edition], editions: Sequence[Edition]
) -> tuple[tuple[str, str], ...]:
    languages: dict[str, tuple[str, str]] = {}  # one version of each language, its own first
    for article in versions:
        edition = by_id.get(article.edition)
        language = edition.search_language_of(article) if edition else article.lang
        languages.setdefault(language.lower(), (language, article.url))
    pairs = list(languages.values())
    first = editions[0].id if editions else ""
    default = next((a for a in versions if a.edition == first), None)
    if default is not None:
        pairs.append((X_DEFAULT, default.url))
    return tuple(sorted(pairs))


def _front_alternates(editions: Sequence[Edition]) -> tuple[tuple[str, str], ...]:
    if len(editions) < 2:
        return ()
    pairs = [(edition.search_language, edition.path) for edition in editions]
    return tuple(sorted([*pairs, (X_DEFAULT, editions[0].path)]))
