"""How `mkdocs serve` notices a save: told by the operating system, not by looking every 0.5 s.

MkDocs' dev server watches with watchdog's polling observer, which lists every file of the docs
folder twice a second (40 ms of Python at 10,000 articles, taken from the rebuilds it competes
with) and notices a save 0.25 s later on average. MkDocs chose polling because the events of
the operating system do not arrive through some network and container mounts. Newsroom, whose
editors save one article into a folder of thousands, swaps in the platform's own observer
(inotify, FSEvents, ReadDirectoryChangesW) before the server starts, unless the site turns
`native_file_watcher` off. Opening or reading a file is not a change: only the events below
start a rebuild, or every build would set off the next one by reading its sources. Nor is an
editor's swap, backup or lock file (vim writes `.story.md.swp` every few seconds of typing):
with MkDocs' polling, each was a rebuild and a reload of the page the editor reads.
"""

from __future__ import annotations

import os
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirModifiedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

from ..reading.files import is_editor_leftover
from .reported import ReportedPaths

if TYPE_CHECKING:
    from collections.abc import Iterable

    from mkdocs.livereload import LiveReloadServer
    from watchdog.events import FileSystemEvent
    from watchdog.observers.api import ObservedWatch

CHANGES: list[type[FileSystemEvent]] = [
    FileCreatedEvent,
    FileModifiedEvent,
    FileClosedEvent,  # closed after writing
    FileMovedEvent,
    FileDeletedEvent,
    DirCreatedEvent,
    DirMovedEvent,
    DirDeletedEvent,
]


class _Forwarding(FileSystemEventHandler):
    """Hands the dev server's handler what a native observer sees, in the form it listens
    to. MkDocs' handler ignores events of folders, and a folder moved away or deleted is
    one such event for all the files in it: it is passed on as a change of a file."""

    def __init__(self, handler: FileSystemEventHandler, observer: ChangeObserver) -> None:
        self._handler = handler
        self._observer = observer

    def dispatch(self, event: FileSystemEvent) -> None:
        source, destination = str(event.src_path), str(getattr(event, "dest_path", "") or "")
        if all(is_editor_leftover(path) for path in (source, destination) if path):
            return  # no file of the site: `story.md~` moved to `story.md` is one
        self._observer.reported.add(*self._observer.aliases(source, destination))
        if isinstance(event, DirCreatedEvent | FileCreatedEvent):
            self._observer.follow_link(self, source)
        if event.is_directory:
            event = FileModifiedEvent(source)
        self._handler.dispatch(event)


class _Returning(FileSystemEventHandler):
    """Watches the folder holding a watched root for the root's return: a folder deleted and
    made again (`rm -rf content && tar xf`, a branch switch) is a new folder, which the
    watch of the old one never hears of."""

    def __init__(self, observer: ChangeObserver) -> None:
        self._observer = observer

    def dispatch(self, event: FileSystemEvent) -> None:
        paths = (str(event.src_path), str(getattr(event, "dest_path", "") or ""))
        self._observer.rearm(path for path in paths if path)


@dataclass
class _Root:
    """A path a watch was scheduled for, what it was scheduled with, and which folder it was
    then (device and inode: a folder made again under the same name is another)."""

    handler: _Forwarding
    recursive: bool
    event_filter: list[type[FileSystemEvent]]
    options: dict[str, Any]
    identity: tuple[int, int] | None


# watchdog chooses `Observer` for the platform at import time; mypy cannot take a class chosen
# at run time as a base.
class ChangeObserver(Observer):  # type: ignore[misc,valid-type]
    """The platform's observer, told only of changes to files, and following symbolic links
    into the folders they point at, as MkDocs' polling observer and its file scan do (those
    linked in while it runs too). What it sees is also reported to the build (`reported`)."""

    def __init__(self, reported: ReportedPaths | None = None, **options: Any) -> None:
        super().__init__(**options)
        self.reported = reported if reported is not None else ReportedPaths()
        self._links: dict[str, ObservedWatch] = {}
        self._roots: dict[str, _Root] = {}
        self._told: dict[str, _Forwarding] = {}  # each path watched, and whom it tells
        self._around: set[str] = set()  # folders watched for a root's return
        self._targets: dict[str, set[str]] = {}  # a linked file's target -> its links
        self._since: float | None = None  # catching up, until the observer starts

    def schedule(
        self,
        event_handler: FileSystemEventHandler,
        path: Any,
        *,
        recursive: bool = False,
        event_filter: list[type[FileSystemEvent]] | None = None,
        **options: Any,
    ) -> ObservedWatch:
        options.setdefault("follow_symlink", True)
        if not isinstance(event_handler, _Forwarding):
            event_handler = _Forwarding(event_handler, self)
        watch: ObservedWatch = super().schedule(
            event_handler,
            path,
            recursive=recursive,
            event_filter=event_filter or CHANGES,
            **options,
        )
        self._told[_absolute(path)] = event_handler
        if self._since is not None:  # watched after `catch_up`: `watch:` in mkdocs.yml
            self._catch_up_with(_absolute(path), event_handler, self._since)
        if not watch.is_file:
            root = _absolute(path)
            self._roots[root] = _Root(
                event_handler, recursive, event_filter or CHANGES, options, _identity(root)
            )
            self._watch_around(root)
            if recursive:
                self._follow_links_under(event_handler, root)
        return watch

    def catch_up(self, since: float) -> None:
        """Tell the dev server of a change to a watched file (mkdocs.yml) or under a watched
        folder made since `since`: a save while the first build ran, before any watch was
        set, which it would never hear of. So too for what is watched from here until the
        observer starts (the dev server watches `watch:` entries after the plugins' on_serve)."""
        self._since = since
        for path, handler in list(self._told.items()):
            self._catch_up_with(path, handler, since)

    def _catch_up_with(self, path: str, handler: _Forwarding, since: float) -> None:
        changed = _changed_since(path, since)
        if changed:
            # the root itself: what else changed meanwhile is the whole build's to find
            self.reported.add(path)
            handler.dispatch(FileModifiedEvent(changed))

    def start(self) -> None:
        self._since = None
        super().start()

    def unschedule(self, watch: ObservedWatch) -> None:
        self._roots.pop(_absolute(watch.raw_path), None)
        self._told.pop(_absolute(watch.raw_path), None)
        super().unschedule(watch)

    def follow_link(self, handler: _Forwarding, path: str) -> None:
        """A symbolic link made while the server runs is watched too: a folder's own watches
        do not go through links added to it later, nor to a linked file's target, which
        lives in another folder."""
        if path in self._links or not Path(path).is_symlink() or not Path(path).exists():
            return
        target = f"{os.path.realpath(path).rstrip(os.sep)}{os.sep}"
        if any(f"{os.path.realpath(root)}{os.sep}".startswith(target) for root in self._roots):
            return  # a loop (a link to `/`, to the site's folder), or a second way in
        try:
            self._links[path] = self.schedule(handler, path, recursive=Path(path).is_dir())
        except OSError:  # too many watches: the next build still reads the folder
            return
        if Path(path).is_file():
            self._targets.setdefault(os.path.realpath(path), set()).add(path)

    def aliases(self, *paths: str) -> list[str]:
        """`paths`, and the links in the site to the files among them."""
        return [*paths, *(link for path in paths for link in self._targets.get(path, ()))]

    def rearm(self, paths: Iterable[str]) -> None:
        """Watch again each root among `paths` that is now another folder than the one
        watched (deleted and made again, or moved away and another moved in), and tell the
        dev server that it changed."""
        for path in map(_absolute, paths):
            for named, root in list(self._roots.items()):
                if path not in (named, os.path.realpath(named)):
                    continue
                now = _identity(named)
                if now is None:
                    # Gone: what comes back under the name is new even if the file system
                    # gives it the inode number the deleted folder had (ext4 and tmpfs do).
                    root.identity = None
                elif now != root.identity:
                    self._watch_again(named, root)

    def _watch_again(self, path: str, root: _Root) -> None:
        old = next((w for w in self._watches if _absolute(w.raw_path) == path), None)
        if old is not None:
            super().unschedule(old)
        try:
            self.schedule(
                root.handler,
                path,
                recursive=root.recursive,
                event_filter=root.event_filter,
                **root.options,
            )
        except OSError:  # too many watches: the next build still reads the folder
            return
        root.handler.dispatch(DirModifiedEvent(path))

    def _watch_around(self, root: str) -> None:
        """Watch the folders holding `root` and, if it is a link, its target, for its return."""
        for path in {root, os.path.realpath(root)}:
            parent = str(Path(path).parent)
            if parent in self._around or not Path(parent).is_dir() or parent == path:
                continue
            try:
                super().schedule(_Returning(self), parent, recursive=False, event_filter=CHANGES)
            except OSError:
                continue
            self._around.add(parent)

    def _follow_links_under(self, handler: _Forwarding, root: str) -> None:
        """Links to files under `root` (a folder's own watch sees a linked file's link, not
        its target) and to folders (so that a target made again is watched again)."""
        for folder, folders, files in os.walk(root):
            for name in (*folders, *files):
                if (path := Path(folder, name)).is_symlink():
                    self.follow_link(handler, str(path))


def _changed_since(path: str, since: float) -> str:
    """`path`, if a file changed since `since`; else the first file or folder under it
    (hidden ones aside, as MkDocs leaves them out) changed since: one saved, made, or a
    folder that lost a file; '' if none."""
    try:
        if not os.path.isdir(path):  # noqa: PTH112 - as the scan below, without Path objects
            return path if os.stat(path).st_mtime >= since else ""  # noqa: PTH116
        entries = list(os.scandir(path))
    except OSError:
        return ""
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            if entry.stat().st_mtime >= since:
                return entry.path
            inside = entry.is_dir(follow_symlinks=False) and _changed_since(entry.path, since)
        except OSError:  # gone since the folder was listed: a change the watch sees
            continue
        if inside:
            return inside
    return ""


def _absolute(path: object) -> str:
    return os.path.normpath(Path(str(path)).absolute())


def _identity(path: str) -> tuple[int, int] | None:
    try:
        status = Path(path).stat()
    except OSError:
        return None
    return status.st_dev, status.st_ino


# Where the dev server keeps its watches (path -> count), a private attribute: its name in
# MkDocs 1.6 and in ProperDocs 1.6 (the same server, under `mkdocs.livereload` or
# `properdocs.livereload`); a later version that keeps them elsewhere keeps its own watcher.
WATCHED_PATHS = ("_watched_paths",)


def watch_natively(
    server: LiveReloadServer, reported: ReportedPaths | None = None, since: float | None = None
) -> str:
    """Give the server the platform's observer, watching what it watched, and told of what
    changed `since` (the first build's start). Returns why not, or '' when done."""
    watched = next(
        (found for name in WATCHED_PATHS if isinstance(found := getattr(server, name, None), dict)),
        None,
    )
    if watched is None or not isinstance(getattr(server, "observer", None), PollingObserver):
        engine = type(server).__module__.split(".")[0]
        return f"the dev server of this {engine} keeps its watches where Newsroom does not know"
    if issubclass(ChangeObserver, PollingObserver):
        return "this system has no file-change events that watchdog can use"
    counts = dict(watched)
    failure = _try_watching(list(counts))
    if failure:
        return failure
    for path, count in counts.items():
        for _ in range(count):
            server.unwatch(path)
    server.observer = observer = ChangeObserver(reported)
    for path, count in counts.items():
        for _ in range(count):
            server.watch(path)
    quiet_watchdog_races()
    if since is not None:
        observer.catch_up(since)
    return ""


# What watchdog's inotify warns of when a folder is made with its subfolders at once
# (`mkdir -p overrides/news/partials`): it watches a subfolder twice (when it walks the new
# folder, then for the subfolder's own event), or forgets one twice. Harmless, and printed
# with a traceback of twenty lines.
RACES = r"Callback with id '.*' (already exists|does not exist) for watch"


def quiet_watchdog_races() -> None:
    warnings.filterwarnings("ignore", message=RACES, category=RuntimeWarning)


def _try_watching(paths: list[str]) -> str:
    """Start and stop a native observer on `paths`: it fails when the system allows too few
    watches (inotify's max_user_watches), which the server would learn only when it starts."""
    probe = ChangeObserver()
    try:
        for path in paths:
            probe.schedule(FileSystemEventHandler(), path, recursive=True)
        probe.start()
    except OSError as error:
        return f"the system's file-change events cannot be used ({error})"
    finally:
        probe.stop()
        if probe.is_alive():
            probe.join()
    return ""
