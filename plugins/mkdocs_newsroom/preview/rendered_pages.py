"""Every page a `mkdocs serve` session rendered, on disk by signature, linked into each new
site folder."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from ..outputs.files import remove_with_empty_folders

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable


class RenderedPages:
    """Rendered pages on disk, by signature, linked into each new site folder."""

    def __init__(self) -> None:
        self._folder = Path(tempfile.mkdtemp(prefix="newsroom-pages-"))
        self._stored: set[str] = set()
        self._used: set[str] = set()
        # destination -> signature of what the last build put there and is still there (with
        # `--dirty` or in a kept folder): a page whose signature did not change is in place
        self._published: dict[str, str] = {}
        self._destinations: set[str] = set()  # this build

    def keep_in_place(self, in_place: Callable[[str], bool]) -> None:
        """Forget the pages of the last build that MkDocs removed: those at destinations
        for which `in_place` is false."""
        self._published = {d: key for d, key in self._published.items() if in_place(d)}

    def has(self, key: str) -> bool:
        return key in self._stored

    def write(self, key: str, data: bytes) -> None:
        """Write a page into the store (a worker process may: `written` records it here)."""
        (self._folder / key).write_bytes(data)

    def written(self, keys: Iterable[str]) -> None:
        self._stored.update(keys)

    def publish(self, key: str, destination: str) -> None:
        """Put the page with this signature at `destination` (a hard link when possible)."""
        self._used.add(key)
        self._destinations.add(destination)
        if self._published.get(destination) == key:
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
        for key in self._stored - self._used:
            (self._folder / key).unlink(missing_ok=True)
        self._stored &= self._used
        for destination in set(self._published) - self._destinations:
            remove_with_empty_folders(Path(destination))
            del self._published[destination]
        self._used = set()
        self._destinations = set()

    def close(self) -> None:
        shutil.rmtree(self._folder, ignore_errors=True)
