"""MkDocs pages for articles and listings, whose HTML the plugin already holds.

MkDocs would re-read and re-render Markdown for every page with a new Markdown instance; these
pages skip both. Material prints `page.title` raw in the header, the nav and the search index,
so the title it gets is HTML-escaped; our own templates print the raw model values through
Jinja's autoescape.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

    from .model import Article

ARTICLE_TEMPLATE = "news/article.html"
FRONT_TEMPLATE = "news/front.html"


@dataclass(frozen=True)
class Listing:
    """A list of articles to show on one page."""

    title: str
    articles: list[Article] = field(default_factory=list)
    description: str = ""


class NewsPage(Page):
    """A page with ready HTML: MkDocs neither reads a source nor renders Markdown for it."""

    def __init__(
        self,
        file: File,
        config: MkDocsConfig,
        *,
        headline: str,
        template: str,
        description: str = "",
        content: str = "",
        searchable: bool = True,
    ) -> None:
        super().__init__(html.escape(headline), file, config)
        self.headline = headline
        self.description = description
        self._template = template
        self._ready_content = content
        self._searchable = searchable

    def read_source(self, config: MkDocsConfig) -> None:
        self.markdown = ""
        self.meta = {"template": self._template, "hide": ["navigation", "toc"]}
        if not self._searchable:
            self.meta["search"] = {"exclude": True}

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content = self._ready_content
        self.toc = get_toc([])


class ArticlePage(NewsPage):
    def __init__(self, file: File, config: MkDocsConfig, article: Article) -> None:
        super().__init__(
            file,
            config,
            headline=article.title,
            template=ARTICLE_TEMPLATE,
            description=article.excerpt,
            content=article.body_html,
        )
        self.article = article


class ListingPage(NewsPage):
    def __init__(
        self, file: File, config: MkDocsConfig, listing: Listing, *, template: str
    ) -> None:
        super().__init__(
            file,
            config,
            headline=listing.title,
            template=template,
            description=listing.description,
            searchable=False,
        )
        self.listing = listing


def article_file(config: MkDocsConfig, article: Article, *, preview: bool = False) -> File:
    """The generated file of an article; a draft's is built only by `mkdocs serve`."""
    inclusion = InclusionLevel.DRAFT if preview else InclusionLevel.NOT_IN_NAV
    file = File.generated(config, f"{article.url}index.md", content="", inclusion=inclusion)
    ArticlePage(file, config, article)
    return file


def listing_file(config: MkDocsConfig, src_uri: str, listing: Listing, template: str) -> File:
    file = File.generated(config, src_uri, content="", inclusion=InclusionLevel.NOT_IN_NAV)
    ListingPage(file, config, listing, template=template)
    return file
