"""Writing Newsroom's pages: through the theme's Jinja environment (so `overrides/` and
Material's blocks apply), but outside MkDocs' one-page-at-a-time loop, so that the work can be
cached and shared among processes (build.page_writing)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, cast

from mkdocs.commands.build import get_context

from .article_blocks import article_blocks
from .assembly import PageAssembly
from .card_strings import card_strings
from .editions import edition_config
from .finishing import PageFinish
from .links import rooted_context, site_root
from .pages import ARTICLE_TEMPLATE

if TYPE_CHECKING:
    from collections.abc import Mapping

    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation

    from .pages import NewsPage


class PageRenderer:
    """Renders a NewsPage as MkDocs would, through `get_context` and the page's template, put
    together from a skeleton of its kind and its own blocks where it can (assembly.py), and
    finished (finishing.py)."""

    assemble = True  # False: every page through the whole template (the tests compare both)
    join = True  # False: nothing joined as strings (article_blocks.py, card_strings.py)

    def __init__(
        self,
        env: Environment,
        config: MkDocsConfig,
        nav: Navigation,
        files: Files,
        languages: Mapping[str, str],
    ) -> None:
        """`languages`: the language Material speaks on each edition's pages."""
        self._env = env
        self._config = config
        self._nav = nav
        self._files = files
        # What get_context would list again for every page, walking every file of the site
        self._documentation_pages = files.documentation_pages()
        self._languages = languages
        self._assembly = PageAssembly()
        if self.join and (joiner := article_blocks(env)) is not None:
            self._assembly.joiners[ARTICLE_TEMPLATE] = joiner
        newsroom = cast("dict[str, Any]", env.globals["newsroom"])
        if self.join:
            newsroom["cards"].strings = card_strings(env)
        self._shell = newsroom["shell"]
        self._finish = PageFinish(self._shell.assets)
        self._root = site_root(config.site_url or "")

    def render(self, page: NewsPage) -> str:
        page.read_source(self._config)
        page.render(self._config, self._files)
        context: dict[str, Any] = {
            **get_context(self._nav, self._documentation_pages, self._config, page)
        }
        if self._root:
            rooted_context(context, self._root)
        context["config"] = edition_config(self._config, page.edition, self._languages)
        template = self._env.get_template(page.meta["template"])
        kind = self._shell.key("page", page, context["base_url"])
        page.active = True
        try:
            if self.assemble:
                rendered = self._assembly.render(template, context, kind)
            else:
                rendered = template.render(context)
            return self._finish.page(rendered, page.lang, page.rtl)
        finally:
            page.active = False


def encode_page(html: str) -> bytes:
    return html.encode("utf-8", errors="xmlcharrefreplace")


def write_page(page: NewsPage, data: bytes) -> None:
    # os, not pathlib: a Path costs a fifth of a page's writing (10 us a page)
    path = page.file.abs_dest_path
    os.makedirs(os.path.dirname(path), exist_ok=True)  # noqa: PTH103, PTH120
    with open(path, "wb") as file:  # noqa: PTH123
        file.write(data)
