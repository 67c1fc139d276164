"""MkDocs pages for articles and listings, whose HTML or data the plugin already holds.

MkDocs would re-read and re-render Markdown for every page with a new Markdown instance; these
pages skip both. Material prints `page.title` raw in the header, the nav and the search index,
so the title it gets is HTML-escaped; our own templates print the raw model values through
Jinja's autoescape.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from .editions import is_rtl
from .freshness import MadeBefore, signature
from .i18n import translate
from .indexes import Listing, month_links, year_links
from .model import Article
from .pagination import PageSizes, Pagination, paginate
from .sitemaps import Entry
from .urls import AUTHORS_INDEX, TAGS_INDEX, archive_url

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping
    from datetime import datetime

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation

    from .catalogue import Catalogue
    from .editions import Edition
    from .indexes import FrontPage, Indexes, Neighbours

ARTICLE_TEMPLATE = "news/article.html"


class NewsPage(Page):
    """A page with ready HTML: MkDocs neither reads a source nor renders Markdown for it."""

    def __init__(
        self,
        file: File,
        config: MkDocsConfig,
        *,
        headline: str,
        template: str,
        edition: Edition,
        lang: str = "",
        description: str = "",
        content: str = "",
        nav_title: str | None = None,
        lastmod: datetime | None = None,
    ) -> None:
        super().__init__(html.escape(nav_title or headline), file, config)
        self.headline = headline
        self.lastmod = lastmod  # when what the page shows last changed, for the sitemap
        self.description = description
        self.edition = edition
        self.lang = lang or edition.lang  # of the page (<html lang>), right to left or not
        self.rtl = is_rtl(self.lang)
        self.locale = edition.locale  # of its dates and interface strings
        self._template = template
        self._ready_content = content
        self._signed = ("", "")  # (site key, signature): a page reused by the next build

    def _set_canonical_url(self, base: str | None) -> None:
        """MkDocs' own, without parsing the same site URL again for each of thousands of
        pages (a plugin page's URL is always a plain relative path)."""
        if not base:
            self.canonical_url = self.abs_url = None
            return
        base = base if base.endswith("/") else f"{base}/"
        self.canonical_url = base + self.url
        self.abs_url = _path_of(base) + self.url

    def signature(self, site_key: str) -> str:
        """Changes whenever anything the page shows changes (`site_key`: what every page
        shows, such as the navigation and the templates)."""
        if self._signed[0] != site_key:
            self._signed = (site_key, self._sign(site_key))
        return self._signed[1]

    def _sign(self, site_key: str) -> str:
        return signature(site_key, self.file.url, self._template, self.headline, self.lang)

    def read_source(self, config: MkDocsConfig) -> None:
        self.markdown = ""
        self.meta = {"template": self._template, "hide": ["navigation", "toc"]}

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content = self._ready_content
        self.toc = get_toc([])


@lru_cache(maxsize=8)
def _path_of(url: str) -> str:
    return urlsplit(url).path


class ArticlePage(NewsPage):
    """An article, in its edition (`translations`: the same story in other editions)."""

    def __init__(
        self,
        file: File,
        config: MkDocsConfig,
        article: Article,
        edition: Edition,
        neighbours: Neighbours | None = None,
        translations: tuple[tuple[str, Article], ...] = (),
    ) -> None:
        super().__init__(
            file,
            config,
            headline=article.title,
            template=ARTICLE_TEMPLATE,
            edition=edition,
            lang=article.lang,
            description=article.excerpt,
            content=article.body_html,
            lastmod=article.modified,
        )
        self.article = article
        self.neighbours = neighbours
        self.translations = translations  # (language, article) of each translation

    def _sign(self, site_key: str) -> str:
        return signature(
            super()._sign(site_key),
            self.article,
            self.neighbours,
            self.translations,
        )


class ListingPage(NewsPage):
    """One page of a listing. `pagination` holds its items; `data` what else its template shows."""

    def __init__(
        self,
        file: File,
        config: MkDocsConfig,
        pagination: Pagination[Any],
        *,
        template: str,
        edition: Edition,
        data: object = None,
        nav_title: str | None = None,
        lastmod: datetime | None = None,
    ) -> None:
        listing = pagination.listing
        headline = listing.title
        if pagination.number > 1:
            headline = f"{headline} (page {pagination.number} of {pagination.count})"
        super().__init__(
            file,
            config,
            headline=headline,
            template=template,
            edition=edition,
            description=listing.description,
            nav_title=nav_title,
            lastmod=_newest(pagination.items) or lastmod,
        )
        self.pagination = pagination
        self.data = data

    def _sign(self, site_key: str) -> str:
        pagination = self.pagination
        return signature(
            super()._sign(site_key),
            pagination,
            pagination.count,
            len(pagination.listing.items),
            list(pagination.items),
            self.data,
        )


@dataclass
class PageSet:
    """The files the plugin adds, and the first page of each listing the top navigation shows."""

    files: list[File]
    tabs: list[Page]


def _newest(items: Iterable[object]) -> datetime | None:
    """The latest change among the articles listed, if the items are articles."""
    dates = [item.modified for item in items if isinstance(item, Article)]
    return max(dates) if dates else None


def _listing_files(
    made: MadeBefore[File],
    config: MkDocsConfig,
    paginations: Iterable[Pagination[Any]],
    template: str,
    edition: Edition,
    data: object = None,
    lastmod: datetime | None = None,
) -> Iterator[File]:
    for pagination in paginations:
        listing = pagination.listing

        def make(pagination: Pagination[Any] = pagination) -> File:
            file = File.generated(
                config,
                f"{pagination.url}index.md",
                content="",
                inclusion=InclusionLevel.NOT_IN_NAV,
            )
            ListingPage(
                file,
                config,
                pagination,
                template=template,
                edition=edition,
                data=data,
                lastmod=lastmod,
            )
            return file

        # what the page shows: the listing's name, its size, this page's items
        inputs = (
            (listing.kind, listing.key, listing.title, listing.description, listing.subject),
            (pagination.number, pagination.size, pagination.lead, len(listing.items)),
            tuple(pagination.items),
            (template, edition.id, data, lastmod),
        )
        yield made.get(pagination.url, inputs, make)


def article_files(
    made: MadeBefore[File],
    config: MkDocsConfig,
    catalogue: Catalogue,
    editions: Mapping[str, Edition],
    neighbours: dict[str, Neighbours],
) -> Iterator[File]:
    """The pages of the catalogue's articles (in a preview, held-back ones too)."""
    translations = catalogue.translations()
    for article in catalogue.articles:
        edition = editions[article.edition]
        others = tuple(
            (other.lang or editions[other.edition].lang, other)
            for other in translations.get(article.source, ())
        )
        around = neighbours.get(article.source)

        def make(
            article: Article = article,
            edition: Edition = edition,
            around: Neighbours | None = around,
            others: tuple[tuple[str, Article], ...] = others,
        ) -> File:
            file = File.generated(
                config, f"{article.url}index.md", content="", inclusion=InclusionLevel.NOT_IN_NAV
            )
            ArticlePage(file, config, article, edition, around, others)
            return file

        related = (around.related, around.older, around.newer) if around else None
        yield made.get(article.url, (article, edition.id, related, others), make)


@dataclass
class _Pages:
    """Collects the listing pages of one edition; `add` returns a listing's first page."""

    made: MadeBefore[File]
    config: MkDocsConfig
    edition: Edition
    newest: datetime | None
    files: list[File] = field(default_factory=list)

    def add(
        self, paginations: Iterable[Pagination[Any]], template: str, data: object = None
    ) -> Page:
        generated = list(
            _listing_files(
                self.made, self.config, paginations, template, self.edition, data, self.newest
            )
        )
        self.files.extend(generated)
        return _page(generated[0])


def edition_files(
    made: MadeBefore[File],
    config: MkDocsConfig,
    edition: Edition,
    indexes: Indexes,
    sizes: PageSizes,
    newest: datetime | None,
) -> PageSet:
    """An edition's section fronts and date archive. `newest` is the site's latest change:
    the date of the archive index in the sitemap. `made`: the page objects of the last build
    (`mkdocs serve`), reused where nothing they show changed."""
    pages = _Pages(made, config, edition, newest)
    tabs = [
        pages.add(sizes.article_pages(listing), "news/section.html")
        for listing in indexes.sections.values()
    ]
    months = month_links(indexes)
    for key, listing in indexes.months.items():
        pages.add(sizes.article_pages(listing), "news/month.html", months[key])
    years = year_links(indexes)
    for year, periods in indexes.years.items():
        url = edition.url(archive_url(year))
        year_listing = Listing("year", str(year), str(year), url, periods)
        pages.add(paginate(year_listing, 12), "news/year.html", years[year])
    title = translate("archive", edition.locale)
    archive = Listing("archive", "archive", title, edition.url(archive_url()), indexes.periods())
    tabs.append(pages.add(paginate(archive, sizes.index), "news/archive.html"))
    return PageSet(pages.files, tabs)


def shared_files(
    made: MadeBefore[File],
    config: MkDocsConfig,
    edition: Edition,
    indexes: Indexes,
    sizes: PageSizes,
    newest: datetime | None,
) -> PageSet:
    """Tag and author pages, shared by every edition, and their indexes."""
    pages = _Pages(made, config, edition, newest)
    for listing in indexes.tags.values():
        pages.add(sizes.article_pages(listing), "news/tag.html")
    for listing in indexes.authors.values():
        pages.add(sizes.article_pages(listing), "news/author.html")
    tags_title = translate("tags", edition.locale)
    tags = Listing("tags", "tags", tags_title, TAGS_INDEX, indexes.tag_counts())
    authors = Listing(
        "authors",
        "authors",
        translate("authors", edition.locale),
        AUTHORS_INDEX,
        [(listing.subject, len(listing.items)) for listing in indexes.authors.values()],
    )
    tabs = [
        pages.add(paginate(tags, sizes.index), "news/tags.html"),
        pages.add(paginate(authors, sizes.index), "news/authors.html"),
    ]
    return PageSet(pages.files, tabs)


def front_page_file(
    config: MkDocsConfig, front: FrontPage, title: str, edition: Edition, nav_title: str
) -> File:
    listing = Listing("front", "front", title, edition.path, front.latest, edition.description)
    file = File.generated(
        config, f"{edition.path}index.md", content="", inclusion=InclusionLevel.INCLUDED
    )
    ListingPage(
        file,
        config,
        Pagination(listing, 1, max(1, len(front.latest))),
        template="news/front.html",
        edition=edition,
        data=front,
        nav_title=nav_title,
    )
    return file


def _page(file: File) -> Page:
    assert file.page is not None
    return file.page


def add_to_navigation(nav: Navigation, tabs: list[Page], homepage: Page | None) -> None:
    """Put the front page, section fronts and indexes first in the top navigation (Material's
    tabs), before the site's own pages."""
    ours = ([homepage] if homepage is not None else []) + tabs
    for page in ours:
        page.parent = None
        page.in_navigation = True  # type: ignore[attr-defined]
    if homepage is not None:
        nav.homepage = homepage
    nav.items[:0] = ours


def sitemap_entries(files: Iterable[File]) -> Iterator[Entry]:
    """Every page `mkdocs build` writes, with its last change where the plugin knows it."""
    for file in files:
        page = file.page
        if page is None or not file.is_documentation_page() or file.inclusion.is_excluded():
            continue
        url = "" if file.url in ("", "./") else file.url
        if isinstance(page, ArticlePage) and page.translations:
            versions = [(page.lang, page.article.url)]
            versions += [(lang, other.url) for lang, other in page.translations]
            yield Entry(url, page.lastmod, tuple(sorted(versions)))
        else:
            yield Entry(url, page.lastmod if isinstance(page, NewsPage) else None)


def news_page(file: File) -> NewsPage:
    assert isinstance(file.page, NewsPage)
    return file.page
