"""The paths the file watcher of `mkdocs serve` reported (preview/watching.py), apart from the
watcher itself: every build keeps a `ReportedPaths`, and only `mkdocs serve` loads watchdog."""

from __future__ import annotations

import os
import threading


class ReportedPaths:
    """The paths the watcher reported since the last build took them: the build reads those
    files again whatever their size and time say (`cp -p`, `rsync -t` and `tar` keep both, and
    two saves within a second may too). Filled by the watcher's thread, taken by the build."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._paths: set[str] = set()
        self._unseen: set[str] = set()  # reported since the last look

    def add(self, *paths: str) -> None:
        with self._lock:
            for path in paths:
                if path:
                    both = (path, os.path.realpath(path))
                    self._paths.update(both)
                    self._unseen.update(both)

    def take(self) -> frozenset[str]:
        with self._lock:
            taken, self._paths, self._unseen = frozenset(self._paths), set(), set()
        return taken

    def look(self) -> frozenset[str]:
        """The paths reported since the last look or take, which the next build takes all
        the same: a rebuild from copy edits alone (build/copy_edits.py) looks, and leaves
        the files to be read again by the next whole build."""
        with self._lock:
            seen, self._unseen = frozenset(self._unseen), set()
        return seen
