"""The pages of articles and listings: MkDocs pages whose HTML or data Newsroom already holds.

MkDocs would re-read and re-render Markdown for every page with a new Markdown instance; these
pages skip both. Material prints `page.title` raw in the header, the nav and the search index,
so the title it gets is HTML-escaped; our own templates print the raw model values through
Jinja's autoescape.
"""

from __future__ import annotations

import html
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from ..model import Article, is_rtl, last_change
from ..urls import rebased_links
from .links import site_root
from .strings import footnote_labels, gettext

if TYPE_CHECKING:
    from datetime import datetime

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files

    from ..catalogue.neighbours import Neighbours
    from ..catalogue.pagination import Pagination
    from ..model import Edition

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
        self.headline_lang = ""  # of the headline, when it is not in the page's language
        # (site key, signature) that the preview gave the page, which a next build may reuse
        self.signed = ("", "")

    def _set_canonical_url(self, base: str | None) -> None:
        """MkDocs' own, without parsing the same site URL again for each of thousands of
        pages (a plugin page's URL is always a plain relative path)."""
        if not base:
            self.canonical_url = self.abs_url = None
            return
        base = base if base.endswith("/") else f"{base}/"
        self.canonical_url = base + self.url
        self.abs_url = _path_of(base) + self.url

    @property
    def origin(self) -> str:
        """What the page is made from, as messages name it."""
        return self.url or "/"

    @property
    def noindex(self) -> bool:
        """Kept out of search results and the sitemap."""
        return False

    def shown(self) -> tuple[object, ...]:
        """Everything the page shows of its own (besides what every page shows): what the
        preview signs to tell whether it changed."""
        return (self.file.url, self._template, self.headline, self.lang)

    @property
    def template_name(self) -> str:
        return self._template

    def read_source(self, config: MkDocsConfig) -> None:
        self.markdown = ""
        self.meta = {"template": self._template, "hide": ["navigation", "toc"]}

    def render(self, config: MkDocsConfig, files: Files) -> None:
        root = site_root(config.site_url or "")  # links from the site's root, under its path
        self.content = rebased_links(self._ready_content, root) if root else self._ready_content
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
            content=footnote_labels(article.body_html, edition.locale),
            lastmod=article.modified,
        )
        self.article = article
        self.neighbours = neighbours
        self.translations = translations  # (language, article) of each translation

    @property
    def origin(self) -> str:
        return self.article.source

    def take_copy(self) -> None:
        """Show the article's headline, summary and body as they are now (an edit of its
        copy alone: build/copy_edits.py)."""
        article = self.article
        self.title, self.headline = html.escape(article.title), article.title
        self._ready_content = footnote_labels(article.body_html, self.edition.locale)
        self.description = article.excerpt

    def shown(self) -> tuple[object, ...]:
        return (*super().shown(), self.article, self.neighbours, self.translations)


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
        description: str = "",
    ) -> None:
        listing = pagination.listing
        headline = listing.title
        if pagination.number > 1:
            headline = gettext(
                "%(title)s (page %(number)s of %(count)s)",
                edition.locale,
                title=headline,
                number=pagination.number,
                count=pagination.count,
            )
        super().__init__(
            file,
            config,
            headline=headline,
            template=template,
            edition=edition,
            description=listing.description or description,
            nav_title=nav_title,
            lastmod=lastmod or _shown_since(pagination),
        )
        self.pagination = pagination
        self.data = data
        # a section without a title in the edition is headed in the first edition's language
        subject = listing.subject
        fallback = getattr(subject, "lang", "") if listing.kind == "section" else ""
        self.headline_lang = fallback if pagination.number == 1 else ""

    @property
    def noindex(self) -> bool:
        """A section front with nothing in it (an edition without stories of that section
        yet), and any empty listing of an edition besides the first (one without stories
        yet: its front page, its archive), are kept out of search results and the sitemap."""
        listing = self.pagination.listing
        return not listing.items and (listing.kind == "section" or bool(self.edition.path))

    def shown(self) -> tuple[object, ...]:
        pagination = self.pagination
        return (
            *super().shown(),
            pagination,
            pagination.count,
            len(pagination.listing.items),
            list(pagination.items),
            self.data,
        )


def _shown_since(pagination: Pagination[Any]) -> datetime | None:
    """When what a page of articles shows last changed: a story on it was updated, or a new
    story came in at the top of the listing and moved every later page along. None for a
    listing of something else than articles."""
    items = pagination.listing.items
    shown = last_change(item for item in pagination.items if isinstance(item, Article))
    dates = [] if shown is None else [shown]
    if items and isinstance(items[0], Article):
        dates.append(items[0].date)
    return max(dates) if dates else None


def news_page(file: File) -> NewsPage:
    assert isinstance(file.page, NewsPage)
    return file.page
