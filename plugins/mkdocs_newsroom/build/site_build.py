"""One build of a news site, step by step: what the plugin's hooks hand over, in order.

The steps know MkDocs' objects (files, navigation, the Jinja environment) but not its event
machinery: `plugin.py` calls `configure` from `on_config`, `before_cleaning` from
`on_pre_build`, `read` from `on_files`, `add_navigation` from `on_nav`, `prepare` from
`on_env`, `sitemap` from `on_post_template` and `write` from `on_post_build`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.structure.files import Files

from ..catalogue.editions import SiteIndexes, index_site
from ..catalogue.publishing import Catalogue
from ..catalogue.site import read_site
from ..clock import now
from ..outputs.build_record import write_build_record
from ..outputs.pictures.store import cache_folder, check_cache_folder
from ..outputs.redirects import publish_redirects
from ..outputs.site_outputs import NO_SITE_URL, SiteInfo, SiteOutputs
from ..preview.own_pages import drop_reported_outputs, forget_in_search, write_again
from ..preview.signatures import config_key
from ..reading.images import SiteImages, site_images
from ..reading.site import Markdown
from ..rendering.context import Site, prepare_environment
from ..rendering.dates import month_title
from ..rendering.page_files import SitePages, add_to_navigation, site_page_files
from ..rendering.pages import news_page
from ..rendering.strings import broken_translations, missing_translations
from ..rendering.theme import ThemePages, add_to_theme, check_own_templates, write_error_pages
from ..search.shards import INDEX_DIR
from ..settings.loading import check_site_url, told_and_balanced
from .copy_edits import CopyEdits, LastBuild, Rewrite
from .heap import collect_as_before, collect_young_seldom, release_free_memory, thaw_heap
from .held_media import published_files
from .kept_templates import config_folder, site_templates
from .mkdocs_writes import before_mkdocs_reads, out_of_the_way
from .news_pages import NewsPageWriting, shown_by_every_page
from .parallel import processes_for, run_aside, shared_map
from .photo_positions import published_positions
from .pictures import BuildPictures, build_pictures
from .progress import Progress
from .report import summary_line
from .search_index import IndexWriting, has_search_box
from .sources import site_sources
from .stale import left_after_cleaning, remove_held_outputs, remove_stale

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation

    from ..preview.cache import BuildCache
    from ..problems import Problem
    from ..search.site import SiteSearch
    from ..settings.checked import Settings


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
        plugin_page_events: bool = True,
    ) -> None:
        self._settings = settings
        self._cache = cache
        self._serving = command == "serve"
        self._dirty = dirty
        self._processes = processes_for(command, processes)
        self._say = say
        self._warn_line = warn
        self._now = now()
        self._config_key = ""  # of the configuration (configure): what page objects depend on
        self._site_dir = ""
        self._clock = Progress(say, 0, "build")
        self._catalogue = Catalogue()
        self._indexes = SiteIndexes()
        self._failed = 0
        self._leftovers = False  # files of an earlier build may be in the site folder (read)
        self._left: list[str] = []  # what MkDocs' cleaning left there (serve remembers)
        self._files = Files([])
        self._pages = SitePages([], None, [])
        self._nav: Navigation | None = None
        self._env: Environment | None = None
        self._languages: dict[str, str] = {}  # Material's language on each edition's pages
        self._outputs: SiteOutputs | None = None
        self._pictures = BuildPictures(None, None)
        self._images = SiteImages("", None)
        self._search = search
        processes, said = (1, None) if self._serving else (self._processes, say)
        self._index = IndexWriting(search, settings, processes, said)
        self._last: LastBuild | None = None  # what a preview's rebuild from copy edits takes
        self._page_writing = NewsPageWriting(
            cache, self._processes, say, self._warn, plugin_page_events=plugin_page_events
        )
        self.copy_edits: CopyEdits | None = None  # once the build is whole

    def configure(self, config: MkDocsConfig) -> None:
        """The theme finds the plugin's templates and stylesheet; the tabs are on."""
        if self._serving:
            self._cache.heap.build_starts()
        else:
            thaw_heap()  # what an earlier build of this process left frozen (write)
            collect_young_seldom()  # serve has its own: preview/heap.py
        told_and_balanced(self._settings.notices, config, self._warn_line)
        self._config_key = config_key(config)
        self._index.wanted = has_search_box(config.plugins)
        self._site_dir = config.site_dir
        if config.site_url:
            check_site_url(config.site_url)
            site = SiteInfo.of(config)
            self._outputs = SiteOutputs(self._settings, site, self._now, self._cache.outputs)
        else:
            self._warn_line(NO_SITE_URL)
        if self._settings.pictures.enabled:
            folder = cache_folder(
                self._settings.pictures.cache_dir, config_folder(config), os.environ
            )
            check_cache_folder(folder, {"docs_dir": config.docs_dir, "site_dir": config.site_dir})
        add_to_theme(config, tabs=self._settings.navigation)
        languages = {edition.lang: edition.locale for edition in self._settings.editions}
        for line in missing_translations(languages):
            self._say(line)
        self._warn(broken_translations(languages.values()))

    def before_cleaning(self, config: MkDocsConfig) -> None:
        """MkDocs is about to empty the site folder and list the content folder: a preview
        sets aside the folders of the plugin's pages only (preview.kept_folders); both look
        at what MkDocs will meet (a link around the content folder: 15 ms at 10,000)."""
        if self._serving and not self._dirty:
            self._cache.folders.set_aside(config.site_dir)
        clean = not self._dirty and not self._serving  # a preview's folder is MkDocs' own
        self._warn(before_mkdocs_reads(config.site_dir, config.docs_dir, clean=clean))

    def read(self, files: Files, config: MkDocsConfig) -> Files:
        """Read the authors and articles, publish them, and lay out the site's pages. Returns
        the files MkDocs keeps (not the article sources: the plugin writes their pages)."""
        self._put_back_kept_folders(config.site_dir)
        # an earlier build's files: all under --dirty, what MkDocs failed to clean otherwise
        self._left = [] if self._dirty or self._serving else left_after_cleaning(config.site_dir)
        self._leftovers = not self._serving and (self._dirty or bool(self._left))
        settings = self._settings
        read_before = self._cache.sources if self._serving else None
        reported = self._cache.reported.take()
        where = (config.nav, self._now, config_folder(config), config.theme.custom_dir)
        found = site_sources(files, settings, config.docs_dir, read_before, reported, *where)
        held = found.held_outputs if self._dirty else ()
        self._warn(remove_held_outputs(config.site_dir, held, self._say))
        self._pictures = build_pictures(
            settings.pictures,
            config_folder(config),
            files,
            self._serving,
            shared_map(self._processes, self._say, "lead images resized", min_items=1),
            (self._cache.pictures, self._cache.photos),
            reported,
        )
        markdown = Markdown(config.markdown_extensions, config.mdx_configs)
        reading = read_site(
            found.sources,
            settings,
            markdown,
            now=self._now,
            preview=self._serving,
            map_bodies=shared_map(self._processes, self._say, "articles read"),
            memory=self._cache.reading if self._serving else None,  # for a preview's next build
            pictures=self._pictures.leads,
            site_url=config.site_url or "",
            photos=self._pictures.avatars,
        )
        self._warn(reading.problems)
        for line in self._pictures.made_lines():
            self._say(line)
        keep, said = published_files(found, reading, config, self._dirty, self._say)
        keep, more = out_of_the_way(config.site_dir, keep, config.theme.static_templates)
        self._warn([*said, *more])
        positions = (settings.pictures, self._cache.positions, config.docs_dir, self._serving)
        self._warn(published_positions(keep, *positions))
        if self._serving and self._dirty:
            self._warn(drop_reported_outputs(keep, reported, config.site_dir))
        self._failed = reading.failed
        self._catalogue = reading.catalogue
        self._index.start(reading.catalogue.articles, config.site_dir, self._in_place(INDEX_DIR))
        self._indexes = index_site(
            self._catalogue,
            settings.editions,
            reading.authors,
            self._now,
            settings.front_page_rules,
            month_title,
            self._cache.neighbours if self._serving else None,
        )
        self._pages = site_page_files(
            self._cache.page_files,
            config,
            self._catalogue,
            self._indexes,
            settings,
            (file.src_uri for file in keep),
            self._config_key,
        )
        if self._serving:
            self._last = LastBuild(
                config,
                settings,
                markdown,
                found,
                reading,
                self._cache.reading,
                self._indexes,
                [news_page(file) for file in self._pages.files],
                self._pictures.leads,
                self._search,
                self._cache.outputs.feeds,
                self._now,
            )
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
        """Whether the last build's file at `path` (from the site folder) is still there: with
        `--dirty`, or in a kept folder under plain serve, unless something removed it since."""
        kept = self._dirty or (self._serving and self._cache.folders.holds(path))
        return kept and os.path.lexists(f"{self._site_dir}/{path}")

    def add_navigation(self, nav: Navigation, files: Files, config: MkDocsConfig) -> None:
        add_to_navigation(nav, self._pages.tabs, self._pages.homepage)
        self._nav = nav
        if self._dirty and not self._serving:  # what the pages showed: known to serve only
            self._warn(write_again(files, config.site_dir))
        if self._serving and self._dirty:
            # MkDocs' own pages show the tabs, options and templates: written again when those
            # change, removed when their source is gone (preview/own_pages.py)
            fronts = self._indexes.fronts().values()
            shown = shown_by_every_page(config, self._config_key, nav, fronts)
            stale, refused = self._cache.own_pages.before_reading(files, shown, config.site_dir)
            forget_in_search(config.plugins.values(), stale)
            self._warn(refused)

    def prepare(self, env: Environment, files: Files, config: MkDocsConfig) -> None:
        """What the templates use: filters, and the `newsroom` global."""
        kept = None if self._serving else site_templates(config, self._settings.pictures.cache_dir)
        env.bytecode_cache = self._cache.templates if self._serving else kept
        if self._dirty and self._nav is not None:  # pages MkDocs did not read: no title
            self._cache.titles.fill(self._nav.pages)
        check_own_templates(env, config.theme.custom_dir)  # before MkDocs renders with them
        site = Site.of(config)
        navigation = self._pages.navigation_urls(self._nav) if self._nav else []
        self._images, problems = site_images(
            Path(config.docs_dir),
            self._settings,
            site.favicon,
            self._catalogue.articles,
            SiteInfo.of(config).config_name,
        )
        self._warn(problems if config.site_url else ())  # only a site_url tells them anything
        self._languages = prepare_environment(
            env, self._settings, site, self._catalogue, self._indexes, navigation, self._images
        )
        self._files = files
        self._env = env
        if self._cache.said is not None:
            self._cache.said.shown_by(env, self._settings.editions[0].locale)

    def theme_pages(self) -> ThemePages:
        """The theme's own pages (404.html): the first edition's."""
        return ThemePages(self._settings.editions[0], self._languages, self._index.wanted)

    def sitemap(self, config: MkDocsConfig) -> str | None:
        """sitemap.xml with each page's real last change (MkDocs writes the build date)."""
        if self._outputs is None:
            return None
        return self._outputs.sitemap([*self._files, *self._pages.files])

    def write(self, config: MkDocsConfig) -> None:
        """The plugin's pages, the search index, feeds and sitemaps; the closing line."""
        articles, in_place = self._catalogue.articles, self._in_place(INDEX_DIR)

        def index_and_outputs() -> tuple[list[Problem], list[str]]:
            problems = self._index.write(articles, config.site_dir, in_place)
            problems += [] if self._serving else self._write_outputs(config)
            return problems, list(self._cache.outputs.written)  # what a fork wrote, sent back

        release_free_memory()
        # A clean build makes the search index and the feeds beside the pages; the dev server
        # keeps what they are made of, to update them at a save, and writes feeds after pages.
        aside = run_aside(index_and_outputs, 1 if self._serving else self._processes)
        self._write_pages(config)
        self._write_pictures(config)
        problems, written = aside.wait()
        self._warn([*problems, *self._index.wait()])
        if self._serving:
            self._warn(self._write_outputs(config))
        # the record before the redirects: no alias can take the place of a file of the build
        self._warn(write_build_record(config.site_dir, self._now, config.site_url or ""))
        if self._leftovers:  # before the redirects: a story's old page gives way to its alias'
            made, wrote = (*self._pages.files, *self._files), [*written, *self._pictures.published]
            aliases = (redirect.path for redirect in self._catalogue.redirects)
            where = (config.site_dir, made, wrote, aliases, self._say, config.site_url or "")
            self._warn(remove_stale(*where, left=self._left))
        self._warn(self._write_redirects(config))
        seconds = self._clock.elapsed()
        self._say(
            f"{summary_line(self._catalogue, self._failed, self._serving)}; took {seconds:.1f} s"
        )
        if not self._serving:
            # what the forks froze stays frozen: no last collection walks it as the process
            # ends (0.3 s at 2,000 articles); a next build of the process thaws it (configure)
            collect_as_before()
            return
        self._cache.heap.build_ends()  # serve freezes what it keeps (preview/heap.py)
        self._cache.clock.arm(self._last.next_change if self._last is not None else None)
        outputs = self._cache.outputs
        self._cache.folders.remember(
            [
                *(file.dest_uri for file in self._pages.files),
                *outputs.written,
                *outputs.redirects,
                *self._pictures.published,
                INDEX_DIR,
            ],
            (file.dest_uri for file in self._files),
        )
        if self._last is not None and self._env is not None and self._nav is not None:
            env, nav, files = self._env, self._nav, self._files
            rewrite = Rewrite(
                self._page_writing.rewrite,
                lambda: self._index.write(articles, config.site_dir, in_place=True),
                lambda: self._write_outputs(config),
                lambda: self._write_redirects(config),
                lambda: write_error_pages(env, files, nav, config),
            )
            self.copy_edits = CopyEdits(self._last, rewrite, self._say, self._warn)

    def _write_outputs(self, config: MkDocsConfig) -> list[Problem]:
        """Feeds, the news sitemap, robots.txt; what could not be written."""
        if self._outputs is None:
            return []
        return self._outputs.write(
            config.site_dir,
            self._catalogue,
            self._indexes,
            robots_txt_given=self._files.get_file_from_path("robots.txt") is not None,
            in_place=self._in_place,
            images=self._images.lead or {},
        )

    def _write_pictures(self, config: MkDocsConfig) -> None:
        """The copies of the pictures the site shows, from the cache into the site folder."""
        memories = (self._cache.pictures, self._cache.photos)
        articles, authors = self._catalogue.articles, self._indexes.shared.credited()
        self._warn(self._pictures.publish(config.site_dir, articles, authors, memories))

    def _write_redirects(self, config: MkDocsConfig) -> list[Problem]:
        """The redirect pages of the articles' aliases, written last: they never take the
        place of anything else the build wrote. Returns what is wrong with the aliases."""
        langs = {edition.id: edition.lang for edition in self._settings.editions}
        memory, redirects = self._cache.outputs, self._catalogue.redirects
        where = (config.site_dir, config.site_url or "", langs, memory.redirects, self._in_place)
        memory.redirects, problems = publish_redirects(redirects, *where)
        return problems

    def _write_pages(self, config: MkDocsConfig) -> None:
        assert self._nav is not None and self._env is not None
        pages = [news_page(file) for file in self._pages.files]
        site = (self._env, self._nav, self._files, self._languages)
        fronts = self._indexes.fronts().values()
        self._page_writing.write(pages, config, site, self._config_key, fronts)

    def _warn(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            (self._say if problem.level == "info" else self._warn_line)(str(problem))
