"""MkDocs hooks, and nothing else: each hook hands its event to one step of a `SiteBuild`.

Data flows one way: files -> articles (articles.py) -> catalogue (catalogue.py) -> indexes
(indexes.py, layout.py) -> pages (pages.py) -> outputs (render.py, feeds, sitemaps, search).
Per-build state lives in the `SiteBuild` made in `on_config`; what `mkdocs serve` keeps from
one build to the next (freshness.py, the search index) lives on the plugin, which MkDocs keeps
through the rebuilds because it defines `on_startup`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mkdocs.plugins import BasePlugin, get_plugin_logger

from .config import NewsroomConfig
from .freshness import BuildCache, RenderedPages
from .settings import load_settings
from .site_build import SiteBuild
from .site_search import SiteSearch, use_newsroom_worker
from .sitemaps import SITEMAP
from .watching import watch_natively

if TYPE_CHECKING:
    from collections.abc import Callable

    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)


class NewsroomPlugin(BasePlugin[NewsroomConfig]):
    def __init__(self) -> None:
        self._command = "build"
        self._dirty = False
        self._cache = BuildCache()
        self._search = SiteSearch()
        self._build: SiteBuild | None = None

    @property
    def _serving(self) -> bool:
        """Under `mkdocs serve` the sitemap is MkDocs' own: nobody crawls a preview."""
        return self._command == "serve"

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._command = command
        self._dirty = dirty
        self._cache.close()
        serving = command == "serve"
        self._cache = BuildCache(pages=RenderedPages() if serving else None)
        self._search = SiteSearch(updated=serving)

    def on_shutdown(self) -> None:
        self._cache.close()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self._build = SiteBuild(
            load_settings(self.config),
            self._cache,
            self._search,
            command=self._command,
            dirty=self._dirty,
            processes=self.config.processes,
            say=log.info,
            warn=log.warning,
        )
        self._build.configure(config)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self._site().before_cleaning(config)

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        return self._site().read(files, config)

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> None:
        self._site().add_navigation(nav)

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> None:
        self._site().prepare(env, files, config)

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        """Replace MkDocs' sitemap; point 404.html at Newsroom's search."""
        if template_name == SITEMAP:
            return self._site().sitemap(config) if config.site_url and not self._serving else None
        return use_newsroom_worker(output_content) if template_name.endswith(".html") else None

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        return use_newsroom_worker(output)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._site().write(config)

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer:
        if self.config.native_file_watcher:
            why_not = watch_natively(server)
            if why_not:
                log.info(f"watching files the way MkDocs does: {why_not}")
        return server

    def _site(self) -> SiteBuild:
        assert self._build is not None, "on_config has not run"
        return self._build
