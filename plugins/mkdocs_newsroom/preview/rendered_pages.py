"""Every page a `mkdocs serve` session rendered, on disk by signature, copied into each new
site folder."""

from __future__ import annotations

import atexit
import os
import shutil
import signal
import tempfile
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from ..outputs.files import remove_with_empty_folders
from ..problems import Problem, unremovable

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from types import FrameType


PREFIX = "newsroom-pages-"


class RenderedPages:
    """Rendered pages on disk, by signature, copied into each new site folder. The folder is
    named after the process, removed when the session ends (at exit, on SIGTERM or SIGHUP
    too: see `stop_on_signals`), and a folder that a killed session left is removed by the
    next one."""

    def __init__(self) -> None:
        remove_stale_stores()
        self._folder = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-"))
        atexit.register(self.close)
        self._stored: set[str] = set()
        self._used: set[str] = set()
        # destination -> signature of what the last build put there and is still there (with
        # `--dirty` or in a kept folder), and the file's size and time as written: a page
        # whose signature did not change, and which nothing changed since, is in place
        self._published: dict[str, tuple[str, tuple[int, int]]] = {}
        # each destination's path, made once a session: making 11,000 paths took longer than
        # looking at the files (a rebuild at 10,000 articles)
        self._paths: dict[str, Path] = {}
        self._destinations: set[str] = set()  # this build

    def keep_in_place(self, in_place: Callable[[str], bool]) -> None:
        """Forget the pages of the last build that MkDocs removed: those at destinations
        for which `in_place` is false."""
        self._published = {d: key for d, key in self._published.items() if in_place(d)}

    def check_store(self) -> None:
        """The store, made again (empty: every page is rendered anew) if a cleaner of
        temporary files removed it under a long session (systemd-tmpfiles, macOS)."""
        if not self._folder.is_dir():
            self._folder.mkdir(parents=True)
            self._stored.clear()

    def has(self, key: str) -> bool:
        return key in self._stored

    def write(self, key: str, data: bytes) -> None:
        """Write a page into the store (a worker process may: `written` records it here)."""
        (self._folder / key).write_bytes(data)

    def written(self, keys: Iterable[str]) -> None:
        self._stored.update(keys)

    def publish(self, key: str, destination: str) -> None:
        """Put the page with this signature at `destination`: a copy of its own, never a
        link into the store, since another plugin's `on_post_build` may change the site's
        pages in place (and would change the stored page with them). A page left in place
        is written again when something changed it since (its size or time differ). Raises
        the file system's refusal (a full disk), for the page's line."""
        self._used.add(key)
        self._destinations.add(destination)
        target = self._paths.get(destination)
        if target is None:
            target = self._paths[destination] = Path(destination)
        if self._published.get(destination) == (key, _stamp(target)):
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)
        shutil.copyfile(self._folder / key, target)
        self._published[destination] = (key, _stamp(target))

    def forget_unused(self) -> list[Problem]:
        """Drop the pages the last build did not publish; in a site folder that is not
        emptied between builds, also remove the pages that are gone (a deleted article),
        unless something else wrote there since: a page of MkDocs' own at the address a
        story left (it is written before the news pages). What could not be removed, a
        line each: never a traceback that ends the preview."""
        problems = []
        for key in self._stored - self._used:
            (self._folder / key).unlink(missing_ok=True)
        self._stored &= self._used
        for destination in set(self._published) - self._destinations:
            path = self._paths.get(destination) or Path(destination)
            if _stamp(path) == self._published.pop(destination)[1]:
                try:
                    remove_with_empty_folders(path)
                except OSError as error:
                    problems.append(unremovable(path, error))
        for destination in set(self._paths) - self._destinations:
            del self._paths[destination]
        self._used = set()
        self._destinations = set()
        return problems

    def published_some(self) -> None:
        """Some pages only were published (a rebuild from copy edits): what the next whole
        build does not publish is gone, whether published since or not."""
        self._used = set()
        self._destinations = set()

    def close(self) -> None:
        shutil.rmtree(self._folder, ignore_errors=True)
        atexit.unregister(self.close)


def _stamp(path: Path) -> tuple[int, int]:
    """A file's size and modification time; (-1, -1) when it is gone."""
    try:
        status = path.stat()
    except OSError:
        return -1, -1
    return status.st_size, status.st_mtime_ns


def remove_stale_stores() -> None:
    """Remove the page stores of sessions whose process is gone (`kill -9`, a crash)."""
    for folder in Path(tempfile.gettempdir()).glob(f"{PREFIX}*"):
        pid = folder.name.removeprefix(PREFIX).split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)) and folder.is_dir():
            shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def stop_on_signals() -> Callable[[], None]:
    """SIGTERM and SIGHUP (a closed terminal, a service manager) end a preview as Ctrl-C
    does, so that MkDocs shuts the session down and its stores are removed; a signal some
    other code already handles is left to it. Only the main thread may set handlers. Returns
    what puts the handlers back."""
    taken: dict[int, object] = {}
    if threading.current_thread() is threading.main_thread():
        for number in (signal.SIGTERM, signal.SIGHUP):
            if signal.getsignal(number) == signal.SIG_DFL:
                taken[number] = signal.signal(number, _interrupt)

    def put_back() -> None:
        for number, handler in taken.items():
            if signal.getsignal(number) == _interrupt:
                signal.signal(number, handler)  # type: ignore[arg-type]

    return put_back


def _interrupt(number: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt
