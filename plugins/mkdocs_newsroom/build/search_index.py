"""When a build writes the search index: only for a site with Material's search plugin, whose
box and worker read it (without one no page searches, and the index was a quarter of a
10,000-story build's work for nothing). A clean build on several cores writes it in a process
of its own as soon as the articles are published: beside the laying out of the pages, when
this process alone works, rather than beside the pages' processes (#18). Otherwise it is
written beside the feeds, after the pages; `mkdocs serve` keeps it in this process, to
update it on the next save."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from ..search.shards import INDEX_DIR, SEARCH_PLUGIN
from .heap import release_free_memory
from .parallel import Aside, run_aside

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from ..model import Article
    from ..search.site import SiteSearch
    from ..settings.checked import Settings


def has_search_box(plugins: Mapping[str, object]) -> bool:
    """Whether the site's pages have Material's search box (its header's own test): its
    search plugin, enabled (`enabled: false` keeps the plugin and takes the box away)."""
    plugin = plugins.get(SEARCH_PLUGIN)
    return plugin is not None and bool(getattr(getattr(plugin, "config", None), "enabled", True))


class IndexWriting:
    def __init__(self, search: SiteSearch, settings: Settings, processes: int) -> None:
        """`processes`: the build's; with one, the index is not written aside early."""
        self._search = search
        self._settings = settings
        self._processes = processes
        self._aside: Aside[int] | None = None
        self.wanted = True  # the site searches (SiteBuild.configure)

    def start(self, articles: Sequence[Article], site_dir: str, in_place: bool) -> None:
        """Start writing the index aside, if this build may."""
        if self.wanted and self._processes > 1:
            release_free_memory()  # what the reading freed: not the new process's to hold
            write = self._write
            self._aside = run_aside(lambda: write(articles, site_dir, in_place), self._processes)

    def write(self, articles: Sequence[Article], site_dir: str, in_place: bool) -> None:
        """Write the index here and now, unless it was started aside. A site without search
        has none: one an earlier build left (`--dirty`) goes, as it may hold stories held
        back since."""
        if not self.wanted:
            shutil.rmtree(Path(site_dir) / INDEX_DIR, ignore_errors=True)
        elif self._aside is None:
            self._write(articles, site_dir, in_place)

    def wait(self) -> None:
        if self._aside is not None:
            self._aside.wait()

    def _write(self, articles: Sequence[Article], site_dir: str, in_place: bool) -> int:
        settings = self._settings
        return self._search.write(articles, settings.locale, site_dir, in_place, repr(settings))
