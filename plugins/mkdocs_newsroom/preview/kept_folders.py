"""The site's folders that only Newsroom writes, kept through the rebuilds of plain
`mkdocs serve` (which empties the site folder every time)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

ASIDE = ".newsroom-aside"  # hidden: MkDocs' clean_directory leaves hidden entries alone


class KeptFolders:
    """The site's folders that hold only the plugin's output (the years of article URLs,
    section/, tags/, authors/, archive/, an edition's folder, search/), kept through plain
    `mkdocs serve` rebuilds. Without `--dirty`, MkDocs empties the site folder before every
    build, and all of the plugin's pages had to be put back (3-6 s at 10,000 articles). Before
    MkDocs empties it they are moved into a hidden folder, which it leaves alone, and moved
    back after: one rename per folder, whatever it holds."""

    def __init__(self) -> None:
        self._folders: set[str] = set()  # top-level folders, relative to the site folder
        self.kept: frozenset[str] = frozenset()  # what this build found back in place

    def remember(self, own: Iterable[str], others: Iterable[str]) -> None:
        """Keep the top folders of the plugin's files (paths relative to the site folder)
        that hold none of MkDocs' files (`others`)."""
        theirs = {path.split("/", 1)[0] for path in others if "/" in path}
        self._folders = {path.split("/", 1)[0] for path in own if "/" in path} - theirs

    def set_aside(self, site_dir: str) -> None:
        aside = Path(site_dir, ASIDE)
        shutil.rmtree(aside, ignore_errors=True)  # what a failed build left
        self.kept = frozenset()
        for folder in self._folders:
            if Path(site_dir, folder).is_dir():
                aside.mkdir(exist_ok=True)
                Path(site_dir, folder).rename(aside / folder)

    def put_back(self, site_dir: str) -> None:
        """Move back what was set aside; `kept` says which folders are in place."""
        aside = Path(site_dir, ASIDE)
        if not aside.is_dir():
            return
        kept = set()
        for folder in sorted(path.name for path in aside.iterdir()):
            if not Path(site_dir, folder).exists():
                (aside / folder).rename(Path(site_dir, folder))
                kept.add(folder)
        shutil.rmtree(aside, ignore_errors=True)
        self.kept = frozenset(kept)

    def holds(self, path: str) -> bool:
        """Whether `path` (relative to the site folder) is in a folder kept in place."""
        return path.split("/", 1)[0] in self.kept
