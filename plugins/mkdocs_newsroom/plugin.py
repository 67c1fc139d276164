"""MkDocs hooks, and nothing else: each hook hands its event to one step of a `SiteBuild`.

Data flows one way: files -> articles (reading/) -> catalogue (catalogue/) -> pages
(rendering/) -> outputs (outputs/, search/); build/ runs the steps, preview/ keeps what
`mkdocs serve` reuses. Per-build state lives in the `SiteBuild` made in `on_config`; what
`mkdocs serve` keeps from one build to the next (the build cache, the search index) lives on
the plugin, which MkDocs keeps through the rebuilds because it defines `on_startup`.
"""

from __future__ import annotations

import functools
import time
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar, cast

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger

from .build.heap import collect_as_before
from .build.kept_templates import site_templates, tune_theme
from .build.site_build import SiteBuild
from .preview.cache import BuildCache
from .preview.rendered_pages import RenderedPages, stop_on_signals
from .preview.said import SaidInPreview, config_errors_said, said_again
from .problems import NewsroomError
from .rendering.editions import PageConfig
from .rendering.links import rooted_context, site_root
from .search.site import SiteSearch, use_newsroom_worker
from .settings.loading import load_settings, site_texts
from .settings.schema import NewsroomConfig
from .urls import SITEMAP

if TYPE_CHECKING:
    from collections.abc import Callable

    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

# Lines start "newsroom:", the plugin's name in mkdocs.yml (not the package's).
log = get_plugin_logger("newsroom")

P = ParamSpec("P")
R = TypeVar("R")


def _reported(hook: Callable[P, R]) -> Callable[P, R]:
    """Newsroom's own errors reach MkDocs as PluginErrors: one line, no traceback."""

    @functools.wraps(hook)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return hook(*args, **kwargs)
        except NewsroomError as error:
            raise PluginError(str(error)) from None

    return run


def _nothing() -> None:
    pass


class NewsroomPlugin(BasePlugin[NewsroomConfig]):
    def __init__(self) -> None:
        self._command = "build"
        self._dirty = False
        self._cache = BuildCache()
        self._search = SiteSearch()
        self._build: SiteBuild | None = None
        self._signals_back: Callable[[], None] = _nothing
        self._started = time.time()

    @property
    def _serving(self) -> bool:
        """Under `mkdocs serve` the sitemap is MkDocs' own: nobody crawls a preview."""
        return self._command == "serve"

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # a save from here on, while the first build runs, is caught up with in on_serve;
        # seconds earlier, for file systems that keep whole or even seconds
        self._started = time.time() - 2
        self._command = command
        self._dirty = dirty
        self._cache.close()
        serving = command == "serve"
        self._signals_back()
        self._signals_back = stop_on_signals() if serving else _nothing
        self._cache = BuildCache(
            pages=RenderedPages() if serving else None,
            said=SaidInPreview.listening() if serving else None,
        )
        self._search = SiteSearch(updated=serving)

    def on_build_error(self, *, error: Exception) -> None:
        collect_as_before()  # the garbage collector as the build found it
        said_again(error)

    def on_shutdown(self) -> None:
        self._cache.close()
        self._signals_back()

    @event_priority(100)
    def _tune_theme(self, config: MkDocsConfig) -> None:
        """Before the other plugins' on_config: the theme's Jinja environments keep their
        compiled templates, as the build's own does, and list its files without walking its
        hidden folders (build/kept_templates.py)."""
        serving, setting = self._serving, self.config.picture_cache_dir
        if self._cache.said is not None:  # mkdocs.yml's own warnings are said before this
            self._cache.said.build_starts()
        cache = self._cache.templates if serving else site_templates(config, setting)
        tune_theme(config.theme, cache)

    @_reported
    def _on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self._build = SiteBuild(
            load_settings(self.config, site_texts(config), config.theme.get("language")),
            self._cache,
            self._search,
            command=self._command,
            dirty=self._dirty,
            processes=self.config.processes,
            plugin_page_events=self.config.plugin_page_events,
            say=log.info,
            warn=log.warning,
        )
        self._build.configure(config)
        return config

    on_config = CombinedEvent(_tune_theme, _on_config)

    @_reported
    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self._site().before_cleaning(config)

    @_reported
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        return self._site().read(files, config)

    @_reported
    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> None:
        self._site().add_navigation(nav, files, config)

    @_reported
    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> None:
        self._site().prepare(env, files, config)

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        """Replace MkDocs' sitemap; 404.html in the first edition's language, its search
        Newsroom's."""
        if template_name == SITEMAP:
            return None if self._serving else self._site().sitemap(config)
        if not template_name.endswith(".html"):
            return None
        return use_newsroom_worker(self._site().theme_pages().finished(output_content))

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> None:
        """The site's own Markdown pages link from the site's root too (rendering/links.py),
        and print mkdocs.yml's texts escaped, as Newsroom's pages do (rendering/editions.py)."""
        values = cast("dict[str, Any]", context)
        if config.site_url:
            rooted_context(values, site_root(config.site_url))
        values["config"] = PageConfig(config)

    def on_template_context(
        self, context: TemplateContext, /, *, template_name: str, config: MkDocsConfig
    ) -> None:
        """404.html prints mkdocs.yml's texts escaped too, in the first edition's language."""
        if template_name.endswith(".html"):
            self._site().theme_pages().add_to_context(cast("dict[str, Any]", context), config)

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        return use_newsroom_worker(output)

    @event_priority(60)
    @_reported
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Early (60): the news pages are written, and other plugins' on_post_page has run
        over them, before plugins that finish what their on_post_page began (Material's
        privacy plugin, at 50)."""
        self._site().write(config)

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer:
        if self._cache.said is not None:  # the 404 page says what the last build said
            server.error_handler = self._cache.said.answering(
                server.error_handler, lambda: getattr(server, "_visible_epoch", None)
            )
        if self.config.native_file_watcher:
            from .preview.watching import watch_natively  # watchdog: serve only

            why_not = watch_natively(server, self._cache.reported, self._started)
            if why_not:
                log.info(f"watching files by polling, as the dev server does: {why_not}")
            else:  # the watcher tells which files were saved (build/copy_edits.py)
                server.builder = self._from_copy_edits(server.builder)
                self._learn_ahead()  # from the first build
        server.builder = config_errors_said(server.builder)
        why_not = self._cache.clock.listen(server)
        if why_not:
            log.info(f"a story that falls due or expires shows at the next save: {why_not}")
        return server

    def _from_copy_edits(self, whole_build: Callable[[], None]) -> Callable[[], None]:
        """The dev server's rebuild: from copy edits alone when it can, else whole."""

        def rebuild() -> None:
            edits = self._build.copy_edits if self._build is not None else None
            try:
                done = edits is not None and edits.rebuild(self._cache.reported.look())
            except Exception as error:  # a fault of Newsroom's own: the whole build is sure
                log.info(f"rebuilding the whole site: a rebuild from copy edits failed ({error})")
                done = False
            if done:
                return
            if edits is not None:
                edits.stop_learning()
            try:
                whole_build()
            except BaseException:  # the site is as a failed build left it: only a whole
                if self._build is not None:  # build goes on from there
                    self._build.copy_edits = None
                raise
            self._learn_ahead()

        return rebuild

    def _learn_ahead(self) -> None:
        if self._build is not None and self._build.copy_edits is not None:
            self._build.copy_edits.learn_ahead()

    def _site(self) -> SiteBuild:
        assert self._build is not None, "on_config has not run"
        return self._build
