"""The files of the pages Newsroom adds to a site: every article, every page of every listing,
the front pages, and their place in the top navigation. A page object whose inputs did not
change since the last build of `mkdocs serve` is the one made then."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from mkdocs.structure.files import File, InclusionLevel

from ..catalogue.archive import month_links, year_links
from ..catalogue.indexes import Listing, Period
from ..catalogue.pagination import Pagination, article_pages, paginate
from ..model import last_change
from ..urls import AUTHORS_INDEX, TAGS_INDEX, archive_url
from .dates import month_phrase
from .pages import ArticlePage, ListingPage, news_page
from .strings import gettext

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping, Sequence
    from datetime import datetime

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

    from ..catalogue.editions import SiteIndexes
    from ..catalogue.front_page import FrontPage
    from ..catalogue.indexes import Indexes
    from ..catalogue.neighbours import Neighbours
    from ..catalogue.publishing import Catalogue
    from ..memo import MadeBefore
    from ..model import Article, Edition
    from ..settings.checked import PageSizes, Settings


@dataclass
class PageSet:
    """The files the plugin adds, and the first page of each listing the top navigation shows."""

    files: list[File]
    tabs: list[Page]


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
        description = listing_description(listing, edition.locale)

        def make(pagination: Pagination[Any] = pagination, description: str = description) -> File:
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
                description=description,
            )
            return file

        # what the page shows: the listing's name, its size, this page's items
        inputs = (
            (listing.kind, listing.key, listing.title, listing.description, listing.subject),
            (pagination.number, pagination.size, pagination.lead, len(listing.items)),
            tuple(pagination.items),
            (template, edition.id, data, lastmod, description),
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


def listing_description(listing: Listing[Any], locale: str) -> str:
    """What a listing's meta description says when the site gives none (a section's, an
    author's bio): what it lists, in its edition's language."""
    if listing.description:
        return listing.description
    if listing.kind == "tag":
        return gettext("Stories tagged %(tag)s.", locale, tag=listing.title)
    if listing.kind == "author":
        return gettext("Stories by %(name)s.", locale, name=listing.title)
    month = listing.subject
    if isinstance(month, Period) and month.month:  # as a sentence has it: no capital in French
        phrase = month_phrase(month.year, month.month, locale)
        return gettext("Stories of %(period)s.", locale, period=phrase)
    if listing.kind == "year":
        return gettext("Stories of %(year)s.", locale, year=listing.title)
    if listing.kind == "archive":
        return gettext("Every story, by date.", locale)
    if listing.kind == "tags":
        return gettext("Every tag, with its number of stories.", locale)
    if listing.kind == "authors":
        return gettext("Every author and agency, with their stories.", locale)
    return ""


@dataclass
class _Pages:
    """Collects the listing pages of one edition; `add` returns a listing's first page."""

    made: MadeBefore[File]
    config: MkDocsConfig
    edition: Edition
    files: list[File] = field(default_factory=list)

    def add(
        self,
        paginations: Iterable[Pagination[Any]],
        template: str,
        data: object = None,
        lastmod: datetime | None = None,
        edition: Edition | None = None,
    ) -> Page:
        """`lastmod`: when what the listing shows last changed, for one whose items are not
        articles (a year's months, the archive's years, the tags); `edition`: the one whose
        language the pages speak, when it is not the collection's."""
        generated = list(
            _listing_files(
                self.made,
                self.config,
                paginations,
                template,
                edition or self.edition,
                data,
                lastmod,
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
) -> PageSet:
    """An edition's section fronts and date archive. `made`: the page objects of the last
    build (`mkdocs serve`), reused where nothing they show changed."""
    pages = _Pages(made, config, edition)
    tabs = [
        pages.add(article_pages(listing, sizes), "news/section.html")
        for listing in indexes.sections.values()
    ]
    months = month_links(indexes)
    for key, listing in indexes.months.items():
        pages.add(article_pages(listing, sizes), "news/month.html", months[key])
    years = year_links(indexes)
    for year, periods in indexes.years.items():
        url = edition.url(archive_url(year))
        year_listing = Listing("year", str(year), str(year), url, periods)
        changed = last_change(
            a for (y, _m), month in indexes.months.items() if y == year for a in month.items
        )
        pages.add(paginate(year_listing, 12), "news/year.html", years[year], changed)
    title = gettext("Archive", edition.locale)
    archive = Listing("archive", "archive", title, edition.url(archive_url()), indexes.periods())
    changed = last_change(a for month in indexes.months.values() for a in month.items)
    tabs.append(pages.add(paginate(archive, sizes.index), "news/archive.html", None, changed))
    return PageSet(pages.files, tabs)


def shared_files(
    made: MadeBefore[File],
    config: MkDocsConfig,
    editions: Sequence[Edition],
    indexes: Indexes,
    sizes: PageSizes,
) -> PageSet:
    """Tag and author pages, shared by every edition, each in the language of the edition
    most of its stories are in; their indexes in the first edition's."""
    edition = editions[0]
    pages = _Pages(made, config, edition)
    for listing in indexes.tags.values():
        most = _most_of(listing, editions)
        pages.add(article_pages(listing, sizes), "news/tag.html", edition=most)
    for listing in indexes.authors.values():
        most = _most_of(listing, editions)
        pages.add(article_pages(listing, sizes), "news/author.html", edition=most)
    tags_title = gettext("Tags", edition.locale)
    tags = Listing("tags", "tags", tags_title, TAGS_INDEX, indexes.tag_counts())
    authors = Listing(
        "authors",
        "authors",
        gettext("Authors", edition.locale),
        AUTHORS_INDEX,
        [(listing.subject, len(listing.items)) for listing in indexes.authors.values()],
    )
    tagged = last_change(a for listing in indexes.tags.values() for a in listing.items)
    signed = last_change(a for listing in indexes.authors.values() for a in listing.items)
    tabs = [
        pages.add(paginate(tags, sizes.index), "news/tags.html", None, tagged),
        pages.add(paginate(authors, sizes.index), "news/authors.html", None, signed),
    ]
    return PageSet(pages.files, tabs)


def _most_of(listing: Listing[Article], editions: Sequence[Edition]) -> Edition:
    """The edition most of the listing's published stories are in (a preview lists those
    held back too); of editions tied, the first."""
    counts = Counter(article.edition for article in listing.items if not article.held_back)
    return max(editions, key=lambda edition: counts[edition.id])  # the first of equals


def front_page_file(
    config: MkDocsConfig,
    front: FrontPage,
    title: str,
    edition: Edition,
    nav_title: str,
    description: str = "",
) -> File:
    listing = Listing("front", "front", title, edition.path, front.latest, description)
    file = File.generated(
        config, f"{edition.path}index.md", content="", inclusion=InclusionLevel.INCLUDED
    )
    shown = [*front.latest, *front.breaking, *([front.lead] if front.lead else []), *front.top]
    shown += [article for _listing, articles in front.sections for article in articles]
    ListingPage(
        file,
        config,
        Pagination(listing, 1, max(1, len(front.latest))),
        template="news/front.html",
        edition=edition,
        data=front,
        nav_title=nav_title,
        lastmod=last_change(shown),
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


def navigation_key(nav: Navigation) -> str:
    """What the top navigation shows (titles, addresses, nesting), as one string."""
    return repr([_item_key(item) for item in nav.items])


def _item_key(item: object) -> object:
    children = getattr(item, "children", None) or ()
    return (getattr(item, "title", ""), getattr(item, "url", ""), [_item_key(c) for c in children])


@dataclass
class SitePages:
    """Every page Newsroom adds; the front page, and the pages of the top navigation."""

    files: list[File]
    homepage: Page | None
    tabs: list[Page]

    def navigation_urls(self, nav: Navigation) -> list[str]:
        """The address of each page of the site's navigation: MkDocs' and Newsroom's."""
        home = [self.homepage] if self.homepage is not None else []
        return [page.url for page in [*nav.pages, *home, *self.tabs]]


def site_page_files(
    made: MadeBefore[File],
    config: MkDocsConfig,
    catalogue: Catalogue,
    site: SiteIndexes,
    settings: Settings,
    taken: Iterable[str],
    context: str,
) -> SitePages:
    """The pages of the catalogue's articles and listings, and each edition's front page
    unless the site has one of its own among `taken` (MkDocs' sources). The page objects
    the last build made in the same `context` (configuration) are reused where their
    inputs did not change."""
    made.start(context)
    editions = {edition.id: edition for edition in settings.editions}
    generated = list(article_files(made, config, catalogue, editions, site.neighbours))
    default = settings.editions[0]
    sizes = settings.page_sizes
    shared = shared_files(made, config, settings.editions, site.shared, sizes)
    own = set(taken)
    homepage: Page | None = None
    tabs: list[Page] = []
    fronts: list[Page] = []
    for view in site.editions:
        pages = edition_files(made, config, view.edition, view.indexes, sizes)
        generated.extend(pages.files)
        if not settings.front_page or f"{view.edition.path}index.md" in own:
            continue
        first = view.edition is default
        title = config.site_name if first else f"{config.site_name}: {view.edition.title}"
        front = front_page_file(
            config,
            view.front,
            title,
            view.edition,
            gettext("Home", view.edition.locale) if first else view.edition.title,
            view.edition.description or (config.site_description or "" if first else ""),
        )
        generated.append(front)
        fronts.append(news_page(front))
        if first:
            homepage = news_page(front)
            tabs = [*pages.tabs[:-1], *shared.tabs, pages.tabs[-1]]
    generated.extend(shared.files)
    made.finish()
    return SitePages(generated, homepage, [*tabs, *fronts[1:]] if settings.navigation else [])
