"""`mkdocs serve` learns of a save from the operating system (preview/watching.py): MkDocs' own dev
server, given its watches by MkDocs' serve command and then by the plugin's `on_serve`, run in
a thread with a builder that counts; files are written and read for real."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer
from watchdog.events import FileSystemEventHandler
from watchdog.observers.polling import PollingObserver

from mkdocs_newsroom.preview import watching
from mkdocs_newsroom.preview.watching import ChangeObserver, watch_natively

from .sites import article, build_site


class Builds:
    def __init__(self) -> None:
        self.count = 0
        self.happened = threading.Event()

    def __call__(self) -> None:
        self.count += 1
        self.happened.set()


@contextmanager
def dev_server(
    root: Path,
    native: bool,
    first_build: Callable[[], None] | None = None,
    watched_later: Path | None = None,
) -> Iterator[tuple[LiveReloadServer, Builds]]:
    """The dev server `mkdocs serve` makes for the site at `root`, watching what it watches,
    after the plugins' on_serve; serving on a free port until the block ends. With
    `first_build`, the session starts (`on_startup`) with every file dated a minute ago, and
    `first_build` runs where MkDocs' first build would, before the server watches;
    `watched_later` is watched after the plugins' on_serve, as `watch:` in mkdocs.yml is."""
    build_site(
        root,
        {"articles/a.md": article("A story", date="2024-05-01T10:00:00+00:00")},
        plugin={"native_file_watcher": native},
    )
    config = load_config(config_file=str(root / "mkdocs.yml"))
    if first_build is not None:
        _aged(root / "content")
        _aged(root / "mkdocs.yml")
        config.plugins.on_startup(command="serve", dirty=False)
        first_build()
    builds = Builds()
    server = LiveReloadServer(builder=builds, host="127.0.0.1", port=0, root=str(root / "site"))
    server.build_delay = 0.01
    server.watch(config.docs_dir)
    server.watch(str(root / "mkdocs.yml"))
    server = config.plugins.on_serve(server, config=config, builder=builds)
    if watched_later is not None:
        server.watch(str(watched_later))
    thread = threading.Thread(target=server.serve, daemon=True)
    thread.start()
    while thread.is_alive() and not server.observer.is_alive():  # watching from here on
        time.sleep(0.01)
    try:
        yield server, builds
    finally:
        server.shutdown()
        thread.join(timeout=10)
        if first_build is not None:
            config.plugins.on_shutdown()


def _saved_and_rebuilt(builds: Builds, path: Path, text: str) -> bool:
    builds.happened.clear()
    path.write_text(text, encoding="utf-8")
    return builds.happened.wait(timeout=10)


def test_the_server_hears_of_saves_from_the_system_and_not_of_reads(tmp_path: Path) -> None:
    with dev_server(tmp_path, native=True) as (server, builds):
        assert isinstance(server.observer, ChangeObserver)
        assert not isinstance(server.observer, PollingObserver)
        source = tmp_path / "content" / "articles" / "a.md"
        assert _saved_and_rebuilt(builds, source, source.read_text("utf-8") + "\nMore.\n")
        assert _saved_and_rebuilt(
            builds, tmp_path / "mkdocs.yml", (tmp_path / "mkdocs.yml").read_text("utf-8")
        )
        new = tmp_path / "content" / "articles" / "b.md"
        assert _saved_and_rebuilt(builds, new, article("B story", date="2024-05-02T10:00:00+00:00"))
        # a build reads every source: reading must not set off the next build
        settled = builds.count
        builds.happened.clear()
        for path in (tmp_path / "content").rglob("*"):
            if path.is_file():
                path.read_bytes()
        assert not builds.happened.wait(timeout=1.0)
        assert builds.count == settled


def test_an_editor_s_swap_backup_and_lock_files_set_off_no_rebuild(tmp_path: Path) -> None:
    with dev_server(tmp_path, native=True) as (_server, builds):
        articles = tmp_path / "content" / "articles"
        assert _saved_and_rebuilt(builds, articles / "a.md", article("A story, edited"))
        time.sleep(0.5)  # the save's last events
        settled = builds.count
        builds.happened.clear()
        for name in (".a.md.swp", "a.md~", ".#a.md", "#a.md#", "a.md.orig"):
            (articles / name).write_bytes(b"b0VIM 9.0")
        (articles / ".a.md.swp").unlink()
        (articles / "a.md~").rename(articles / "a.md.bak")
        assert not builds.happened.wait(timeout=1.0)
        assert builds.count == settled
        (articles / "a.md.orig").rename(articles / "b.md")  # a leftover becoming a story
        assert builds.happened.wait(timeout=10)


def test_saves_are_heard_through_a_symbolic_link_as_mkdocs_polling_hears_them(
    tmp_path: Path,
) -> None:
    """content/articles may be a link to a folder elsewhere (a wire desk's shared drive)."""
    outside = tmp_path / "desk"
    outside.mkdir()
    (outside / "a.md").write_text(article("A story", date="2024-05-01T10:00:00+00:00"), "utf-8")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "articles").symlink_to(outside, target_is_directory=True)
    with dev_server(tmp_path, native=True) as (server, builds):
        assert isinstance(server.observer, ChangeObserver)
        source = outside / "a.md"
        assert _saved_and_rebuilt(builds, source, source.read_text("utf-8") + "\nMore.\n")


def test_a_site_can_keep_mkdocs_polling_watcher(tmp_path: Path) -> None:
    with dev_server(tmp_path, native=False) as (server, builds):
        assert isinstance(server.observer, PollingObserver)
        source = tmp_path / "content" / "articles" / "a.md"
        assert _saved_and_rebuilt(builds, source, source.read_text("utf-8") + "\nMore.\n")


def test_a_dev_server_newsroom_does_not_know_keeps_its_own_watcher(tmp_path: Path) -> None:
    """If MkDocs' dev server changes how it keeps its watches, the plugin leaves it alone
    and says why (the plugin logs the reason as one info line)."""
    server = LiveReloadServer(builder=Builds(), host="127.0.0.1", port=0, root=str(tmp_path))
    server.watch(str(tmp_path))
    del server._watched_paths  # as if a later MkDocs kept them elsewhere
    observer = server.observer
    why = watch_natively(server)
    assert why == "the dev server of this mkdocs keeps its watches where Newsroom does not know"
    assert server.observer is observer


def test_properdocs_dev_server_gets_the_native_watcher_too(tmp_path: Path) -> None:
    """ProperDocs' dev server (`properdocs serve`) is MkDocs' under another name."""
    from properdocs.livereload import LiveReloadServer as ProperDocsServer

    server = ProperDocsServer(builder=Builds(), host="127.0.0.1", port=0, root=str(tmp_path))
    server.watch(str(tmp_path))
    assert isinstance(server.observer, PollingObserver)
    assert watch_natively(server) == ""
    assert isinstance(server.observer, ChangeObserver)
    del server._watched_paths
    assert "of this properdocs keeps its watches" in watch_natively(server)


class _Callback:
    def on_event(self, event: object) -> None:
        pass

    def on_watch_deleted(self, wd: object) -> None:
        pass

    def on_queue_overflow(self) -> None:
        pass


def _watched_twice(folder: Path, quiet: bool) -> list[str]:
    """The warnings of watching `folder` twice under one id, as a folder made with its
    subfolders can be."""
    import warnings

    from watchdog.observers.inotify_c import InotifyConstants, InotifyFD

    from mkdocs_newsroom.preview.watching import quiet_watchdog_races

    events = InotifyFD.get_instance()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("default")
        if quiet:
            quiet_watchdog_races()
        for _ in range(2):
            wd = events.add_callback(bytes(folder), InotifyConstants.IN_CREATE, _Callback(), "one")
        events.remove_callbacks([(wd, "one")])
        warnings.warn("another warning", RuntimeWarning, stacklevel=1)
    return [str(warning.message) for warning in caught]


def test_watchdog_s_warning_of_a_folder_watched_twice_is_not_printed(tmp_path: Path) -> None:
    """`mkdir -p a/b/c` while serving: watchdog's inotify may watch a new subfolder twice and
    warns of it with a long traceback; the native watcher silences that warning only."""
    said = _watched_twice(tmp_path, quiet=False)
    assert said[0].startswith("Callback with id 'one' already exists for watch")
    assert _watched_twice(tmp_path, quiet=True) == ["another warning"]


def test_a_folder_made_again_with_the_deleted_ones_inode_number_is_watched_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`rm -rf content && tar xf`: the file system may hand the new folder the inode number
    of the deleted one; having seen it gone, the observer watches what comes back."""
    content = tmp_path / "content"
    content.mkdir()
    observer = ChangeObserver()
    heard: list[str] = []
    handler = FileSystemEventHandler()
    handler.dispatch = lambda event: heard.append(str(event.src_path))  # type: ignore[method-assign]
    observer.schedule(handler, str(content), recursive=True)
    old_identity = watching._identity(str(content))
    content.rmdir()
    observer.rearm([str(content)])  # the parent's watch reports the deletion
    content.mkdir()
    reused = lambda path: old_identity if Path(path).exists() else None  # noqa: E731
    monkeypatch.setattr(watching, "_identity", reused)
    observer.rearm([str(content)])  # and the return
    assert heard == [str(content)]
    assert any(Path(w.path) == content for w in observer._watches)


def _aged(top: Path) -> None:
    """`top`, and every file and folder under it, dated a minute ago."""
    past = time.time() - 60
    for path in [*top.rglob("*"), top]:
        os.utime(path, (past, past))


@pytest.mark.parametrize("saved", ["content/articles/a.md", "mkdocs.yml", ""])
def test_a_save_while_the_first_build_runs_sets_off_a_rebuild(tmp_path: Path, saved: str) -> None:
    """MkDocs sets its watches after the first build: a story saved while that build ran
    (19 s at 10,000 articles) stayed as the build read it, draft or not, until another save;
    so did a change of mkdocs.yml."""

    def save() -> None:
        if saved:
            source = tmp_path / saved
            source.write_text(source.read_text("utf-8") + "\n# saved meanwhile\n", "utf-8")

    with dev_server(tmp_path, native=True, first_build=save) as (_server, builds):
        assert builds.happened.wait(timeout=10 if saved else 1) is bool(saved)
        plugin = load_config(config_file=str(tmp_path / "mkdocs.yml")).plugins["newsroom"]
        reported = plugin._cache.reported.take()  # type: ignore[attr-defined]
        # the watched folder or file itself: what else changed meanwhile, the whole build
        # finds (a copy edit alone would not: build/copy_edits.py)
        root = tmp_path / saved.split("/")[0] if saved else None
        assert (str(root) in reported) is bool(saved)


def test_a_template_saved_while_the_first_build_runs_sets_off_a_rebuild(tmp_path: Path) -> None:
    """The dev server watches the folders of `watch:` (overrides/) after the plugins'
    on_serve: a template saved while the first build ran is caught up with all the same, and
    the rebuild is a whole one."""
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    template = overrides / "main.html"
    template.write_text('{% extends "base.html" %}\n', "utf-8")
    _aged(overrides)

    def save() -> None:
        template.write_text('{% extends "base.html" %}\n{# saved meanwhile #}\n', "utf-8")

    with dev_server(tmp_path, native=True, first_build=save, watched_later=overrides) as (
        _server,
        builds,
    ):
        assert builds.happened.wait(timeout=10)
        plugin = load_config(config_file=str(tmp_path / "mkdocs.yml")).plugins["newsroom"]
        assert str(overrides) in plugin._cache.reported.take()  # type: ignore[attr-defined]
