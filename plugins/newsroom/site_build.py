"""One build of a news site, step by step: what the plugin's hooks hand over, in order.

The steps know MkDocs' objects (files, navigation, the Jinja environment) but not its event
machinery: `plugin.py` calls `before_cleaning` from `on_pre_build`, `read` from `on_files`,
`add_navigation` from `on_nav`, `prepare` from `on_env`, `sitemap` from `on_post_template` and
`write` from `on_post_build`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.structure.files import Files

from . import __version__, dates, seo
from .catalogue import Catalogue
from .clock import now
from .feeds import FeedOptions
from .freshness import files_key, remove_with_empty_folders, signature
from .i18n import count_articles, translate
from .layout import Layout, lay_out
from .outputs import feed_files, feed_specs, write_outputs
from .pages import (
    NewsPage,
    add_to_navigation,
    article_files,
    edition_files,
    front_page_file,
    news_page,
    shared_files,
    sitemap_entries,
)
from .parallel import fork_map, processes_for, run_aside
from .progress import Progress
from .reading import Markdown, read_site, site_sources
from .render import Cards, PageRenderer, ShellCache, encode_page, write_page
from .report import summary_line
from .search import INDEX_DIR
from .site_search import use_newsroom_worker
from .sitemaps import NEWS_SITEMAP, SITEMAP, news_sitemap, robots_txt, sitemap_files
from .urls import absolute_url

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

    from .errors import Problem
    from .freshness import BuildCache
    from .settings import Settings
    from .site_search import SiteSearch

TEMPLATES = Path(__file__).parent / "templates"
STYLESHEET = "assets/newsroom/newsroom.css"


class SiteBuild:
    """The state of one build. `cache` and `search` outlive it (under `mkdocs serve`)."""

    def __init__(
        self,
        settings: Settings,
        cache: BuildCache,
        search: SiteSearch,
        *,
        command: str,
        dirty: bool,
        processes: int,
        say: Callable[[str], None],
        warn: Callable[[str], None],
    ) -> None:
        self._settings = settings
        self._cache = cache
        self._search = search
        self._serving = command == "serve"
        self._dirty = dirty
        self._processes = processes_for(command, processes)
        self._say = say
        self._warn_line = warn
        self._now = now()
        self._config_key = ""  # of the configuration (configure): what page objects depend on
        self._clock = Progress(say, 0, "build")
        self._catalogue = Catalogue()
        self._layout = Layout()
        self._tabs: list[Page] = []
        self._failed = 0
        self._files = Files([])
        self._news_files: list[File] = []
        self._homepage: NewsPage | None = None
        self._nav: Navigation | None = None
        self._env: Environment | None = None
        self._extra_outputs: dict[str, str] = {}

    def configure(self, config: MkDocsConfig) -> None:
        """The theme finds the plugin's templates and stylesheet; the tabs are on."""
        if self._serving:
            self._cache.heap.build_starts()
        self._config_key = _config_key(config)
        if not config.site_url:
            self._warn_line(
                "site_url is not set in mkdocs.yml; feeds, sitemaps and structured "
                "data need absolute URLs, so they are not written"
            )
        config.theme.dirs.append(str(TEMPLATES))
        if self._settings.navigation:
            _enable_tabs(config)
        if STYLESHEET not in config.extra_css:
            config.extra_css.insert(0, STYLESHEET)

    def before_cleaning(self, config: MkDocsConfig) -> None:
        """Under plain `mkdocs serve`, MkDocs is about to empty the site folder: the folders
        that hold only the plugin's pages are set aside (freshness.KeptFolders)."""
        if self._serving and not self._dirty:
            self._cache.folders.set_aside(config.site_dir)

    def read(self, files: Files, config: MkDocsConfig) -> Files:
        """Read the authors and articles, publish them, and lay out the site's pages. Returns
        the files MkDocs keeps (not the article sources: the plugin writes their pages)."""
        self._put_back_kept_folders(config.site_dir)
        settings = self._settings
        read_before = self._cache.sources if self._serving else None
        sources, keep = site_sources(files, settings, read_before)
        reading = read_site(
            sources,
            settings,
            Markdown(config.markdown_extensions, config.mdx_configs),
            now=self._now,
            preview=self._serving,
            processes=self._processes,
            cache=self._cache,
            say=self._say,
        )
        self._warn(reading.problems)
        self._failed = reading.failed
        self._catalogue = reading.catalogue
        self._layout = lay_out(
            self._catalogue,
            settings.editions,
            reading.authors,
            self._now,
            settings.front_page_rules,
            self._cache.neighbours,
        )
        self._news_files = self._generate_pages(config, keep)
        return Files(keep)

    def _put_back_kept_folders(self, site_dir: str) -> None:
        if not self._serving or self._dirty:
            return
        folders = self._cache.folders
        folders.put_back(site_dir)
        prefix = str(Path(site_dir)) + os.sep
        if self._cache.pages is not None:
            self._cache.pages.keep_in_place(lambda path: folders.holds(path[len(prefix) :]))

    def _in_place(self, path: str) -> bool:
        """Whether the last build's file at `path` (relative to the site folder) is still
        there: everything with `--dirty`, what is in a kept folder under plain serve."""
        return self._dirty or (self._serving and self._cache.folders.holds(path))

    def _generate_pages(self, config: MkDocsConfig, keep: list[File]) -> list[File]:
        """The plugin's own pages. They stay out of MkDocs' files: the plugin renders them
        itself (render.py)."""
        layout, settings = self._layout, self._settings
        made = self._cache.page_files
        made.start(self._config_key)
        editions = {edition.id: edition for edition in settings.editions}
        generated = list(article_files(made, config, self._catalogue, editions, layout.neighbours))
        newest = max((a.modified for a in self._catalogue.articles), default=None)
        default = settings.editions[0]
        sizes = settings.page_sizes
        shared = shared_files(made, config, default, layout.shared, sizes, newest)
        tabs: list[Page] = []
        fronts: list[Page] = []
        for view in layout.editions:
            pages = edition_files(made, config, view.edition, view.indexes, sizes, newest)
            generated.extend(pages.files)
            home = f"{view.edition.path}index.md"
            if not settings.front_page or any(f.src_uri == home for f in keep):
                continue
            first = view.edition is default
            title = config.site_name if first else f"{config.site_name}: {view.edition.title}"
            front = front_page_file(
                config, view.front, title, view.edition, "Home" if first else view.edition.title
            )
            generated.append(front)
            fronts.append(news_page(front))
            if first:
                self._homepage = news_page(front)
                tabs = [*pages.tabs[:-1], *shared.tabs, pages.tabs[-1]]
        generated.extend(shared.files)
        made.finish()
        self._tabs = [*tabs, *fronts[1:]] if settings.navigation else []
        return generated

    def add_navigation(self, nav: Navigation) -> None:
        add_to_navigation(nav, self._tabs, self._homepage)
        self._nav = nav

    def prepare(self, env: Environment, files: Files, config: MkDocsConfig) -> None:
        """What the templates use: filters, and the `newsroom` global."""
        settings = self._settings
        # Templates under news/ escape every value by default: front matter is untrusted input.
        env.autoescape = _autoescape_newsroom_templates
        if self._serving:
            env.bytecode_cache = self._cache.templates
        env.filters["newsroom_date"] = dates.display_date
        env.filters["newsroom_datetime"] = dates.display_datetime
        # JSON in pages (structured data, Material's configuration) is written without spaces
        env.policies["json.dumps_kwargs"] = {"sort_keys": True, "separators": (",", ":")}
        editions = {edition.id: edition for edition in settings.editions}
        cards = Cards(env, editions)
        publisher = seo.Publisher(
            settings.publisher_name or config.site_name,
            absolute_url(config.site_url or "/", settings.publisher_logo or _favicon(config)),
            config.site_url or "/",
        )
        env.globals["newsroom"] = {
            "catalogue": self._catalogue,
            "fronts": self._layout.fronts(),
            "editions": editions,
            "t": translate,
            "count": count_articles,
            "absolute": lambda path: absolute_url(config.site_url or "/", path),
            "structured_data": lambda article: seo.news_article(article, publisher),
            "open_graph": lambda article: seo.open_graph(article, publisher),
            "twitter_card": lambda article: seo.twitter_card(article, publisher),
            "feeds": bool(config.site_url),
            "card": cards.card,
            "headline": cards.headline,
            "shell": ShellCache(
                [page.url for page in self._navigation_pages()],
                palette_toggle=bool(config.theme.get("palette")),
            ),
        }
        self._files = files
        self._env = env

    def sitemap(self, config: MkDocsConfig) -> str:
        """sitemap.xml with each page's real last change (MkDocs writes the build date)."""
        every_page = [*self._files, *self._news_files]
        files = sitemap_files(sitemap_entries(every_page), config.site_url or "/")
        sitemap = files.pop(SITEMAP)
        self._extra_outputs.update(files)
        return sitemap

    def write(self, config: MkDocsConfig) -> None:
        """The plugin's pages, the search index, feeds and sitemaps; the closing line."""
        settings = self._settings
        articles = self._catalogue.articles

        def index_for_search() -> None:
            in_place = self._in_place(f"{INDEX_DIR}/")
            self._search.write(articles, settings.locale, config.site_dir, in_place)

        # A clean build needs only the index's files: it is made beside the pages. The dev
        # server keeps the index in this process, to update it on the next save.
        search = run_aside(index_for_search, 1 if self._serving else self._processes)
        self._write_pages(config)
        search.wait()
        if config.site_url:
            self._write_outputs(config)
        seconds = self._clock.elapsed()
        self._say(f"{summary_line(self._catalogue, self._failed)}; took {seconds:.1f} s")
        if self._serving:
            self._cache.heap.build_ends()
            self._cache.folders.remember(
                [*(file.dest_uri for file in self._news_files), *self._cache.outputs, INDEX_DIR],
                (file.dest_uri for file in self._files),
            )

    def _navigation_pages(self) -> list[Page]:
        if self._nav is None:
            return []
        home = [self._homepage] if self._homepage is not None else []
        return [*self._nav.pages, *home, *self._tabs]

    def _write_pages(self, config: MkDocsConfig) -> None:
        assert self._nav is not None and self._env is not None
        renderer = PageRenderer(self._env, config, self._nav, self._files)

        def render(page: NewsPage) -> bytes:
            return encode_page(use_newsroom_worker(renderer.render(page)))

        def write(page: NewsPage) -> None:
            write_page(page, render(page))

        pages = [news_page(file) for file in self._news_files]
        cached = self._cache.pages
        if cached is None:
            progress = Progress(self._say, len(pages), "pages written")
            fork_map(write, pages, self._processes, progress.update)
            return
        site_key = self._site_key(config)
        keys = [page.signature(site_key) for page in pages]
        new = {key: page for key, page in zip(keys, pages, strict=True) if not cached.has(key)}

        def store(key: str) -> str:
            cached.write(key, render(new[key]))
            return key

        # shared among processes when the first build of a preview renders every page
        progress = Progress(self._say, len(new), "pages rendered")
        cached.written(fork_map(store, list(new), self._processes, progress.update))
        for key, page in zip(keys, pages, strict=True):
            cached.publish(key, page.file.abs_dest_path)
        cached.forget_unused()
        unchanged = "; the others had not changed" if len(new) < len(pages) else ""
        self._say(f"rendered {len(new)} of {len(pages)} pages{unchanged}")

    def _site_key(self, config: MkDocsConfig) -> str:
        """What every news page shows besides its own content: the configuration, the
        templates, the navigation, the breaking-news banner."""
        folders = [str(TEMPLATES)]
        if config.theme.custom_dir:
            folders.append(str(config.theme.custom_dir))
        return signature(
            self._config_key,
            files_key(folders),
            [(str(page.title), page.url) for page in self._navigation_pages()],
            [front.breaking for front in self._layout.fronts().values()],
        )

    def _write_outputs(self, config: MkDocsConfig) -> None:
        settings = self._settings
        site_url = config.site_url or "/"
        moment = self._now
        outputs = dict(self._extra_outputs)
        specs = feed_specs(self._layout, config.site_name, config.site_description or "", moment)
        options = FeedOptions(
            site_url, config.site_name, settings.feed_length, settings.feed_full_content
        )
        outputs.update(feed_files(specs, options, self._cache.feeds))
        sitemaps = [SITEMAP]
        if settings.news_sitemap:
            outputs[NEWS_SITEMAP] = news_sitemap(
                self._catalogue.articles,
                site_url,
                settings.publisher_name or config.site_name,
                settings.locale,
                moment,
            )
            sitemaps.append(NEWS_SITEMAP)
        if settings.robots_txt and self._files.get_file_from_path("robots.txt") is None:
            outputs["robots.txt"] = robots_txt(site_url, sitemaps)
        # what the site folder kept of the last build's files: not written again if unchanged,
        # removed if gone
        kept = {path: text for path, text in self._cache.outputs.items() if self._in_place(path)}
        write_outputs(config.site_dir, outputs, kept)
        for path in kept.keys() - outputs.keys():
            remove_with_empty_folders(Path(config.site_dir, path))
        self._cache.outputs = outputs

    def _warn(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            self._warn_line(str(problem))


def _config_key(config: MkDocsConfig) -> str:
    """The configuration a build was made with: its file, and where the site goes."""
    config_file = Path(config.config_file_path) if config.config_file_path else None
    return signature(
        __version__,
        config_file.read_bytes().hex() if config_file and config_file.is_file() else "",
        config.site_url,
        config.site_dir,
        config.use_directory_urls,
    )


def _favicon(config: MkDocsConfig) -> str:
    return str(config.theme.get("favicon") or "assets/images/favicon.png")


def _enable_tabs(config: MkDocsConfig) -> None:
    """Sections and indexes are reached from Material's tabs: switch them on."""
    features = config.theme.get("features") or []
    if "navigation.tabs" not in features:
        config.theme["features"] = [*features, "navigation.tabs"]


def _autoescape_newsroom_templates(name: str | None) -> bool:
    return bool(name and name.startswith("news/"))
