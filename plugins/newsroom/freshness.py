"""What outlives one build under `mkdocs serve`, and how to tell what a save changed.

MkDocs reruns the whole build on every save. A plugin instance that defines `on_startup`
lives through those rebuilds, so it keeps here: the articles it read (by file content), their
rendered bodies, and every page it rendered, filed under a signature of everything the page
shows. A rebuild re-reads only changed files and re-renders only pages whose signature
changed; every other page is linked back into the fresh site folder from the cache.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .bodies import fingerprint
from .indexes import Listing, NeighbourPlan
from .model import Article

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .articles import ReadResult
    from .bodies import Body


def key_of(value: Any) -> str:
    """A compact, stable description of what a template is given, for signatures: articles
    by their card key, listings by what names them (their items are signed separately)."""
    if isinstance(value, Article):
        return value.card_key
    if isinstance(value, Listing):
        return f"listing({value.kind},{value.key},{value.title},{value.url},{value.description})"
    if isinstance(value, tuple | list):
        return "[" + ",".join(key_of(item) for item in value) + "]"
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = (key_of(getattr(value, f.name)) for f in dataclasses.fields(value))
        return f"{type(value).__name__}(" + ",".join(fields) + ")"
    return repr(value)


def signature(*parts: Any) -> str:
    return fingerprint(*(key_of(part) for part in parts))


def files_key(folders: Iterable[str]) -> str:
    """Names, sizes and modification times of the files under `folders` (templates)."""
    entries = []
    for folder in folders:
        for root, _dirs, names in os.walk(folder):
            for name in sorted(names):
                stat = Path(root, name).stat()
                entries.append(f"{root}/{name}:{stat.st_size}:{stat.st_mtime_ns}")
    return fingerprint(*sorted(entries))


def remove_with_empty_folders(path: Path, levels: int = 4) -> None:
    """Delete a file that is gone from the site, and the folders it leaves empty."""
    path.unlink(missing_ok=True)
    folder = path.parent
    for _ in range(levels):
        try:
            folder.rmdir()  # only succeeds when empty
        except OSError:
            return
        folder = folder.parent


class RenderedPages:
    """Rendered pages on disk, by signature, linked into each new site folder."""

    def __init__(self, dirty: bool = False) -> None:
        self._folder = Path(tempfile.mkdtemp(prefix="newsroom-pages-"))
        self._used: set[str] = set()
        # With `mkdocs serve --dirty` the site folder is not emptied between builds: a page
        # whose signature did not change is already in place.
        self._dirty = dirty
        self._published: dict[str, str] = {}  # destination -> signature, last build
        self._destinations: set[str] = set()  # this build

    def has(self, key: str) -> bool:
        return (self._folder / key).exists()

    def store(self, key: str, data: bytes) -> None:
        (self._folder / key).write_bytes(data)

    def publish(self, key: str, destination: str) -> None:
        """Put the page with this signature at `destination` (a hard link when possible)."""
        self._used.add(key)
        self._destinations.add(destination)
        if self._dirty and self._published.get(destination) == key:
            return
        self._published[destination] = key
        target = Path(destination)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)
        try:
            os.link(self._folder / key, target)
        except OSError:
            shutil.copyfile(self._folder / key, target)

    def forget_unused(self) -> None:
        """Drop the pages the last build did not publish; in a site folder that is not
        emptied between builds, also remove the pages that are gone (a deleted article)."""
        for path in self._folder.iterdir():
            if path.name not in self._used:
                path.unlink(missing_ok=True)
        for destination in set(self._published) - self._destinations:
            remove_with_empty_folders(Path(destination))
            del self._published[destination]
        self._used = set()
        self._destinations = set()

    def close(self) -> None:
        shutil.rmtree(self._folder, ignore_errors=True)


@dataclasses.dataclass
class BuildCache:
    """Everything the plugin keeps from one build to the next of `mkdocs serve`."""

    bodies: dict[str, Body] = dataclasses.field(default_factory=dict)
    results: dict[str, ReadResult] = dataclasses.field(default_factory=dict)
    feeds: dict[str, str] = dataclasses.field(default_factory=dict)
    # who is related to whom, per edition
    neighbours: dict[str, dict[str, NeighbourPlan]] = dataclasses.field(default_factory=dict)
    outputs: set[str] = dataclasses.field(default_factory=set)  # feeds, sitemaps: last build
    pages: RenderedPages | None = None

    def keep_only(self, results: Iterable[str], bodies: Iterable[str]) -> None:
        """Forget what the last build did not use, so that a long session does not grow."""
        self.results = {key: self.results[key] for key in results if key in self.results}
        self.bodies = {key: self.bodies[key] for key in bodies if key in self.bodies}

    def close(self) -> None:
        if self.pages is not None:
            self.pages.close()
            self.pages = None
