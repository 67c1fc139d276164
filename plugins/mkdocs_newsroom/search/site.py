"""The site's search: Newsroom's own small, sharded index (index.py) answers Material's
search box through search-worker.js, instead of Material's one big lunr index.

Articles go into Newsroom's index; Material's `search` plugin stays on (it draws the search
box and indexes the site's other pages), and every page is pointed at Newsroom's worker.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from ..outputs.files import leads_out
from ..problems import linked_out
from ..rendering.dates import display_date
from .documents import SearchDocument
from .index import SearchIndex
from .index_files import remove_all_but
from .shards import INDEX_DIR, WORKER_PATH

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ..model import Article
    from ..problems import Problem

_WORKER_FILE = "assets/javascripts/workers/search."
_MATERIAL_WORKER = re.compile(
    r'("search":\s*")([^"]*?)' + re.escape(_WORKER_FILE) + r'\w+\.min\.js"'
)


def use_newsroom_worker(html: str) -> str:
    """Point a page's Material configuration (`__config`) at Newsroom's search worker. (A
    news page's is in its shell's script, not in the page: one look, a third of a search.)"""
    if _WORKER_FILE not in html:
        return html
    return _MATERIAL_WORKER.sub(rf'\g<1>\g<2>{WORKER_PATH}"', html, count=1)


def search_document(article: Article, locale: str) -> SearchDocument:
    """What search knows of an article; its tags (section, date) show under each result; it
    is found by its tags, bylines and dateline too."""
    tags = [article.section.title] if article.section else []
    tags.append(display_date(article.date, article.lang or locale))
    keywords = (
        *(tag.name for tag in article.tags),
        *(author.name for author in article.authors),
        *((article.location,) if article.location else ()),
    )
    return SearchDocument(
        article.url,
        article.title,
        tuple(tags),
        article.text,
        article.lang,
        lead=article.summary,
        html=article.body_html,
        keywords=keywords,
        permalink=article.permalink,
    )


class SiteSearch:
    """The index, kept between builds of `mkdocs serve` so a rebuild re-indexes only the
    articles that changed."""

    def __init__(self, *, updated: bool = False) -> None:
        """`updated`: the index will be brought up to date again (`mkdocs serve`)."""
        self._updated = updated
        self._index: SearchIndex | None = None
        self._context = ""
        # the article each document was made from: an unchanged article is the same object
        # from one build to the next (catalogue.placement.PlacedArticles), and is not looked
        # at again
        self._indexed: dict[str, Article] = {}

    def forget(self, url: str) -> None:
        """Index the article at `url` again on the next write, even if it is the same object
        (its copy changed in place: build/copy_edits.py)."""
        self._indexed.pop(url, None)

    def write(
        self,
        articles: Iterable[Article],
        locale: str,
        site_dir: str,
        in_place: bool,
        context: str = "",
    ) -> list[Problem]:
        """Bring the index up to date with `articles` and write it; what the file system
        refused.
        `in_place`: the site folder still holds the files the last write left (`--dirty`, or
        a folder kept through plain serve), so only the changed ones are written. In another
        `context` (other settings) the index is made anew, the files a clean build makes."""
        target = Path(site_dir) / INDEX_DIR
        if leads_out(site_dir, target):  # another folder's files: none of the index's
            return [linked_out(target)]
        current = {article.url: article for article in articles}
        context = f"{locale}\n{context}"
        if self._index is None or context != self._context or not current:
            # (an index of no article is made anew: updating one would keep the ids of the
            # articles removed, as empty slots a clean build does not have)
            documents = (search_document(article, locale) for article in current.values())
            self._index = SearchIndex(documents, updated=self._updated)
            self._context, self._indexed = context, current
            left = remove_all_but(target, self._index.files()) if in_place else []
            return [*left, *self._index.write(target)]
        indexed = self._indexed
        changed = [
            search_document(article, locale)
            for url, article in current.items()
            if indexed.get(url) is not article
        ]
        removed = [url for url in indexed if url not in current]
        changes = self._index.update(changed, removed)
        self._indexed = current
        return self._index.write(target, changes if in_place else None)
