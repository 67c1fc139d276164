"""The titles of the site's own pages (MkDocs'), kept through a `mkdocs serve --dirty`
session: MkDocs reads a page again only when its file changed, and until then its title is
None, which Newsroom's pages would print in their navigation."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.utils import get_markdown_title
from mkdocs.utils.meta import get_data

from ..rendering.pages import NewsPage

if TYPE_CHECKING:
    from collections.abc import Iterable

    from mkdocs.structure.pages import Page


class PageTitles:
    """Each page's title as the last build that read the page knew it."""

    def __init__(self) -> None:
        self._known: dict[str, str] = {}

    def fill(self, pages: Iterable[Page]) -> None:
        """Give every page MkDocs did not read this time the title it had."""
        for page in pages:
            if isinstance(page, NewsPage):
                continue
            title = page.title
            source = page.file.src_uri
            if title is None:
                page.title = self._known.get(source) or _title_of(page)
            else:
                self._known[source] = title


def _title_of(page: Page) -> str:
    """The title MkDocs gives a page, from its source: `title:` in its front matter, its
    first heading, else its file name."""
    path = page.file.abs_src_path
    text = Path(path).read_text(encoding="utf-8-sig", errors="replace") if path else ""
    markdown, meta = get_data(text)
    title = meta.get("title") or get_markdown_title(markdown)
    if title:
        return str(title)
    if page.is_homepage:
        return "Home"
    name = page.file.name.replace("-", " ").replace("_", " ")
    return name.capitalize() if name.lower() == name else name
