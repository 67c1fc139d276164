"""The step of a build that writes Newsroom's own pages: every one in a clean build; under
`mkdocs serve`, those whose signature changed (page_writing.py), and after copy edits the few
that show the edited articles (copy_edits.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..outputs.files import paths_linked_out
from ..preview.signatures import files_key, signature
from ..rendering.context import forget_cards, shell_assets
from ..rendering.page_files import navigation_key
from ..rendering.renderer import PageRenderer, encode_page
from ..rendering.theme import template_folders
from ..search.site import use_newsroom_worker
from .page_events import PostPageHooks, other_post_page_hooks, ran_line, skipped_lines
from .page_writing import write_changed_pages, write_every_page

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation

    from ..catalogue.front_page import FrontPage
    from ..model import Article
    from ..preview.cache import BuildCache
    from ..problems import Problem
    from ..rendering.pages import NewsPage
    from .page_writing import Render


class NewsPageWriting:
    """Writes the news pages of one build; `cache` outlives it under `mkdocs serve`."""

    def __init__(
        self,
        cache: BuildCache,
        processes: int,
        say: Callable[[str], None],
        warn: Callable[[Iterable[Problem]], None],
        *,
        plugin_page_events: bool,
    ) -> None:
        self._cache = cache
        self._processes = processes
        self._say = say
        self._warn = warn
        self._plugin_page_events = plugin_page_events  # other plugins' on_post_page
        # what the pages were last written with, for a rebuild from copy edits: the render
        # (none with other plugins' hooks), the site key, the theme's environment
        self._again: tuple[Render, str, Environment, str] | None = None

    def write(
        self,
        pages: list[NewsPage],
        config: MkDocsConfig,
        site: tuple[Environment, Navigation, Files, dict[str, str]],
        config_key: str,
        fronts: Iterable[FrontPage],
    ) -> None:
        """`site`: the theme's environment, MkDocs' navigation and files, and Material's
        language on each edition's pages; `config_key` and `fronts` what every page shows."""
        env, nav, files, languages = site
        if self._cache.pages is None:  # a build: a preview writes into a folder of MkDocs'
            pages = self._not_linked_out(pages, config.site_dir)
        renderer = PageRenderer(env, config, nav, files, languages)
        hooks = other_post_page_hooks(config) if self._plugin_page_events else PostPageHooks()
        shell = shell_assets(env)

        def render(page: NewsPage) -> tuple[bytes, float, dict[str, str]]:
            html = use_newsroom_worker(renderer.render(page))
            html, seconds = hooks.run(html, page, config) if hooks else (html, 0.0)
            made = {path: use_newsroom_worker(text) for path, text in shell.take_new().items()}
            return encode_page(html), seconds, made

        processes = 1 if hooks.main_process else self._processes
        rendered = self._cache.pages
        site_key = "" if rendered is None else shown_by_every_page(config, config_key, nav, fronts)
        if rendered is None:
            written = write_every_page(pages, render, processes, self._say)
        else:
            written = write_changed_pages(pages, render, rendered, site_key, processes, self._say)
            self._again = None if hooks else (render, site_key, env, config.site_dir)
        self._warn(written.problems)
        self._warn(self._cache.shell_files.write(config.site_dir, site_key, written.shell_files))
        for line in skipped_lines(hooks):
            self._say(line)
        if hooks and written.rendered:
            self._say(ran_line(hooks, written.rendered, written.hook_seconds))

    def _not_linked_out(self, pages: Sequence[NewsPage], site_dir: str) -> list[NewsPage]:
        """`pages`, but those a link in the site folder leads out of it (`site/tags` a link to
        another folder), or that are links: never written, said in one line."""
        out, said = paths_linked_out(site_dir, [page.file.dest_uri for page in pages])
        self._warn(said)
        return [page for page in pages if page.file.dest_uri not in out]

    def rewrite(self, pages: list[NewsPage], articles: list[Article]) -> int:
        """Render again those of `pages` whose signature changed, `articles` having changed
        in place since `write` (copy_edits.py); returns how many were."""
        assert self._again is not None and self._cache.pages is not None
        render, site_key, env, site_dir = self._again
        forget_cards(env, articles)
        written = write_changed_pages(
            pages, render, self._cache.pages, site_key, 1, self._say, every_page=False
        )
        self._warn(written.problems)
        self._warn(self._cache.shell_files.write(site_dir, site_key, written.shell_files))
        return written.rendered


def shown_by_every_page(
    config: MkDocsConfig, config_key: str, nav: Navigation, fronts: Iterable[FrontPage]
) -> str:
    """What every news page shows besides its own content: the configuration, the templates,
    the navigation, the breaking-news banner."""
    return signature(
        config_key,
        files_key(template_folders(config)),
        navigation_key(nav),
        [front.breaking for front in fronts],
    )
