"""What outlives one build under `mkdocs serve`, and how to tell what a save changed.

MkDocs reruns the whole build on every save. A plugin instance that defines `on_startup`
lives through those rebuilds, so it keeps here: the articles it read (by file content), their
rendered bodies, and every page it rendered, filed under a signature of everything the page
shows. A rebuild re-reads only changed files and re-renders only pages whose signature
changed; every other page is copied back into the fresh site folder from the cache.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..catalogue.site import ReadingMemory
from ..memo import MadeBefore
from ..outputs.pictures.making import PictureMemory
from ..outputs.site_outputs import OutputMemory
from .clock_rebuilds import ClockRebuilds
from .heap import LongLivedObjects
from .kept_folders import KeptFolders
from .own_pages import OwnPages
from .page_titles import PageTitles
from .reported import ReportedPaths
from .shell_files import ShellFiles
from .templates import CompiledTemplates

if TYPE_CHECKING:
    from mkdocs.structure.files import File

    from ..catalogue.neighbours import NeighbourPlan
    from .rendered_pages import RenderedPages
    from .said import SaidInPreview


@dataclass
class BuildCache:
    """Everything the plugin keeps from one build to the next of `mkdocs serve`."""

    # the files' contents, by path, and the paths the file watcher reported since
    sources: MadeBefore[bytes] = field(default_factory=MadeBefore)
    reported: ReportedPaths = field(default_factory=ReportedPaths)
    # articles read, bodies rendered, articles placed
    reading: ReadingMemory = field(default_factory=ReadingMemory)
    # who is related to whom, per edition
    neighbours: dict[str, NeighbourPlan] = field(default_factory=dict)
    page_files: MadeBefore[File] = field(default_factory=MadeBefore)
    positions: MadeBefore[bool] = field(default_factory=MadeBefore)  # photos' GPS, by file
    # feeds, sitemaps: what the last build wrote beside the pages
    outputs: OutputMemory = field(default_factory=OutputMemory)
    # the titles of MkDocs' pages, which `--dirty` does not read again
    titles: PageTitles = field(default_factory=PageTitles)
    # what MkDocs' own pages showed, and which there were (`--dirty`)
    own_pages: OwnPages = field(default_factory=OwnPages)
    # the lead images' pictures, the authors' photos', and their copies in the site folder
    pictures: PictureMemory = field(default_factory=PictureMemory)
    photos: PictureMemory = field(default_factory=PictureMemory)
    heap: LongLivedObjects = field(default_factory=LongLivedObjects)
    templates: CompiledTemplates = field(default_factory=CompiledTemplates)
    pages: RenderedPages | None = None
    folders: KeptFolders = field(default_factory=KeptFolders)
    # the icon sprites and shell scripts the pages use
    shell_files: ShellFiles = field(default_factory=ShellFiles)
    # what the last build said, for the dev server's 404 page
    said: SaidInPreview | None = None
    # a rebuild when the clock alone changes the site (a story falls due or expires)
    clock: ClockRebuilds = field(default_factory=ClockRebuilds)

    def close(self) -> None:
        self.clock.close()
        self.heap.close()
        if self.said is not None:
            self.said.close()
            self.said = None
        if self.pages is not None:
            self.pages.close()
            self.pages = None
