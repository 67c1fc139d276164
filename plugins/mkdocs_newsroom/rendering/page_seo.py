"""What the templates print into a page's head for search engines and social sites, by page:
the robots rules, and the structured data and Open Graph of an article, a front page, an
author's page or another listing (seo.py makes each of them)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..model import Author
from . import seo

if TYPE_CHECKING:
    from collections.abc import Mapping

    from ..model import Edition
    from ..settings.checked import Settings
    from .pages import ArticlePage, ListingPage

# A listing that is an empty page today (an edition's section with no story in its language)
# is kept out of search results, until it has something to show
NOINDEX = "noindex"


@dataclass(frozen=True)
class SeoData:
    publisher: seo.Publisher
    editions: Mapping[str, Edition]
    settings: Settings
    site_name: str

    def robots(self, page: object) -> str:
        """The robots meta tag of every page: the site's rule, or `noindex` for a page that
        shows nothing."""
        return NOINDEX if getattr(page, "noindex", False) else self.settings.robots_meta

    def news_robots(self, page: object) -> str:
        """The googlebot-news rule: agency copy, republished, is left to the agency when the
        desk says so (`syndicated_noindex`)."""
        article = getattr(page, "article", None)
        if article is not None and article.syndicated and self.settings.syndicated_noindex:
            return NOINDEX
        return ""

    def article(self, page: ArticlePage) -> dict[str, Any]:
        return seo.news_article(page.article, self.publisher, page.edition)

    def article_graph(self, page: ArticlePage) -> list[tuple[str, str]]:
        others = [(other, self.editions[other.edition]) for _lang, other in page.translations]
        return seo.open_graph(page.article, self.publisher, page.edition, others)

    def article_card(self, page: ArticlePage) -> list[tuple[str, str]]:
        return seo.article_card(page.article, self.publisher)

    def listing_data(self, page: ListingPage) -> list[dict[str, Any]]:
        """The JSON-LD of a front page (the site and its publisher) or an author's page
        (a profile); none for other listings."""
        listing = page.pagination.listing
        if listing.kind == "front" and page.pagination.number == 1:
            name = self.site_name
            if page.edition.path:
                name = f"{name}: {page.edition.title}"
            return seo.website(self.publisher, page.edition, name, page.description)
        if listing.kind == "author" and isinstance(listing.subject, Author):
            return [seo.profile_page(listing.subject, self.publisher, page.description)]
        return []

    def listing_graph(self, page: ListingPage) -> list[tuple[str, str]]:
        listing = page.pagination.listing
        return seo.listing_graph(
            self.publisher,
            page.edition,
            kind="profile" if listing.kind == "author" else "website",
            title=page.headline,
            url=page.url,
            description=page.description,
        )

    def listing_card(self, page: ListingPage) -> list[tuple[str, str]]:
        return seo.twitter_card(self.publisher.default_image)
