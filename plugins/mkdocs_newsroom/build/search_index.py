"""When a build writes the search index: only for a site with Material's search plugin, whose
box and worker read it (without one no page searches, and the index was a quarter of a
10,000-story build's work for nothing). A clean build on several cores writes it in a process
of its own as soon as the articles are published: beside the laying out of the pages, when
this process alone works, rather than beside the pages' processes (#18). Otherwise it is
written beside the feeds, after the pages; `mkdocs serve` keeps it in this process, to
update it on the next save."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..outputs.files import remove_files
from ..search.shards import INDEX_DIR, MATERIAL_INDEX, SEARCH_PLUGIN
from .heap import release_free_memory
from .parallel import Aside, run_aside

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

    from ..model import Article
    from ..problems import Problem
    from ..search.site import SiteSearch
    from ..settings.checked import Settings


def has_search_box(plugins: Mapping[str, object]) -> bool:
    """Whether the site's pages have Material's search box (its header's own test): its
    search plugin, enabled (`enabled: false` keeps the plugin and takes the box away)."""
    plugin = plugins.get(SEARCH_PLUGIN)
    return plugin is not None and bool(getattr(getattr(plugin, "config", None), "enabled", True))


class IndexWriting:
    def __init__(
        self,
        search: SiteSearch,
        settings: Settings,
        processes: int,
        say: Callable[[str], None] | None = None,
    ) -> None:
        """`processes`: the build's; with one, the index is not written aside early. `say`:
        where a build tells what it removed of an earlier build's search (none under serve,
        which writes every page anew)."""
        self._say = say
        self._search = search
        self._settings = settings
        self._processes = processes
        self._aside: Aside[list[Problem]] | None = None
        self._problems: list[Problem] = []  # what an earlier build's search left behind
        self.wanted = True  # the site searches (SiteBuild.configure)

    def start(self, articles: Sequence[Article], site_dir: str, in_place: bool) -> None:
        """Start writing the index aside, if this build may. A site without search has none:
        what an earlier build wrote for its search (`--dirty`, a folder `mkdocs serve` kept)
        goes, as it may hold stories and pages held back since; Material's index too, which
        its plugin, gone, no longer writes."""
        if not self.wanted:
            self._problems = self._remove_left(site_dir)
        elif self._processes > 1:
            release_free_memory()  # what the reading freed: not the new process's to hold
            write = self._write
            self._aside = run_aside(lambda: write(articles, site_dir, in_place), self._processes)

    def write(self, articles: Sequence[Article], site_dir: str, in_place: bool) -> list[Problem]:
        """Write the index here and now, unless it was started aside; what the file system
        refused."""
        if self.wanted and self._aside is None:
            return self._write(articles, site_dir, in_place)
        return []

    def wait(self) -> list[Problem]:
        """The index written aside; what the file system refused of it, or of the removal of
        an earlier build's search."""
        problems, self._problems = self._problems, []
        return [*problems, *(self._aside.wait() if self._aside is not None else ())]

    def _remove_left(self, site_dir: str) -> list[Problem]:
        problems: list[Problem] = []
        removed = []
        for path in (INDEX_DIR, MATERIAL_INDEX):
            gone, refused = remove_files(site_dir, _files_at(site_dir, path))
            problems += refused
            removed += [path] if gone else []
        if removed and self._say is not None:
            self._say(
                f"--dirty: the site has no search now; removed what an earlier build wrote for "
                f"it ({', '.join(removed)}). Pages MkDocs did not write again may still show a "
                "search box: build without --dirty to write them anew"
            )
        return problems

    def _write(self, articles: Sequence[Article], site_dir: str, in_place: bool) -> list[Problem]:
        settings = self._settings
        return self._search.write(articles, settings.locale, site_dir, in_place, repr(settings))


def _files_at(site_dir: str, path: str) -> list[str]:
    """The file at `path` in the site folder, or the files under the folder there (relative
    to the site folder, with `/`)."""
    place = Path(site_dir, path)
    if not place.is_dir():
        return [path] if place.exists() or place.is_symlink() else []
    files = (file for file in place.rglob("*") if file.is_symlink() or not file.is_dir())
    return [f"{path}/{file.relative_to(place).as_posix()}" for file in files]
