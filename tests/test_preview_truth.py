"""A preview that stays true all day: what `mkdocs serve` shows after hours of saves, moves and
kills is what a fresh build of the same content shows."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
import yaml
from mkdocs.commands import build as mkdocs_build

from mkdocs_newsroom.search.shards import INDEX_DIR

from .checkers import search_differences
from .commands import BIN, ENV, _free_port
from .sites import AUTHORS, SECTIONS, article, write_tree
from .test_incremental import Server, _build_clean, _rendered, _tree


def _site(root: Path, count: int = 6) -> None:
    files: dict[str, str | bytes] = {
        "authors.yml": AUTHORS,
        "about.md": "---\ntitle: About us\n---\n# About the Gazette\n\nWho we are.\n",
    }
    for number in range(count):
        files[f"articles/{number}.md"] = article(
            f"Story {number}",
            f"2024-0{1 + number % 3}-{10 + number}T10:00:00Z",
            section=["world", "politics", "business"][number % 3],
            tags=[f"Tag {number % 2}"],
            authors=["jdoe"],
            body=f"Body of story {number}.",
        )
    write_tree(root / "content", files)
    settings = {
        "site_name": "Truth Gazette",
        "site_url": "https://news.example.org/",
        "docs_dir": "content",
        "theme": {"name": "material", "font": False},
        "nav": ["about.md"],
        "plugins": ["search", {"newsroom": {"sections": SECTIONS}}],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1717200000")
    _site(tmp_path)
    return tmp_path


def test_dirty_previews_keep_the_titles_of_mkdocs_pages(root: Path) -> None:
    server = Server(root, "live", dirty=True)
    server.start()
    try:
        server.rebuild()
        story = root / "content" / "articles" / "1.md"
        story.write_text(story.read_text("utf-8").replace("Body of", "Edited body of"), "utf-8")
        rendered, total = _rendered(server.rebuild())
    finally:
        server.stop()
    page = (root / "live" / "2024" / "02" / "11" / "story-1" / "index.html").read_text("utf-8")
    assert "Edited body of story 1" in page
    assert "About us" in page and ">None<" not in page
    assert 0 < rendered < total / 2  # the navigation's titles did not change every page


def test_two_saves_within_a_second_are_both_read(root: Path) -> None:
    """A save that keeps size and modification time (two autosaves in one second, or a
    filesystem that keeps whole seconds) is read again: a file read within two seconds of
    its last change is not taken as unchanged."""
    story = root / "content" / "articles" / "2.md"
    saved = time.time_ns()
    os.utime(story, ns=(saved, saved))  # saved just now: its time cannot be trusted yet
    server = Server(root, "live", dirty=True)
    server.start()
    try:
        server.rebuild()
        size = story.stat().st_size
        story.write_text(story.read_text("utf-8").replace("story 2.", "story X."), "utf-8")
        os.utime(story, ns=(saved, saved))
        assert story.stat().st_size == size
        server.rebuild()
    finally:
        server.stop()
    page = (root / "live" / "2024" / "03" / "12" / "story-2" / "index.html").read_text("utf-8")
    assert "Body of story X." in page
    _build_clean(root)
    assert _only_search_differs(root)


def test_a_file_gone_between_the_scan_and_the_read_is_simply_gone(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A branch switch removes a story after MkDocs listed the folder and before Newsroom reads
    it: the rebuild goes on without it, with no warning, as a clean build would."""
    server = Server(root, "live", dirty=True)
    server.start()
    story = root / "content" / "articles" / "4.md"
    listed = mkdocs_build.get_files

    def list_then_switch_branch(config):  # type: ignore[no-untyped-def]
        files = listed(config)
        story.unlink(missing_ok=True)
        return files

    try:
        server.rebuild()
        story.write_text(story.read_text("utf-8").replace("story 4.", "story four."), "utf-8")
        monkeypatch.setattr(mkdocs_build, "get_files", list_then_switch_branch)
        lines = server.rebuild()
    finally:
        server.stop()
    assert not story.exists()
    assert [line for line in lines if "4.md" in line] == []
    assert not (root / "live" / "2024" / "02" / "14" / "story-4").exists()
    _build_clean(root)
    assert _only_search_differs(root)


def _only_search_differs(root: Path) -> bool:
    """Whether the preview is the clean build but for its search index's layout, which
    holds the same documents and nothing else."""
    live, clean = _tree(root / "live"), _tree(root / "clean")
    searched = f"{INDEX_DIR}/"
    return (
        sorted(path for path in live if not path.startswith(searched))
        == sorted(path for path in clean if not path.startswith(searched))
        and all(live[path] == clean[path] for path in clean if not path.startswith(searched))
        and search_differences(root / "live", root / "clean") == []
    )


# --- Temporary folders of a session that was killed ------------------------------------------


def _serve(root: Path, temporary: Path) -> subprocess.Popen[str]:
    """`mkdocs serve` of the site at `root`, its temporary files in `temporary`; returns once
    it has built the site."""
    env = {**ENV, "TMPDIR": str(temporary), "SOURCE_DATE_EPOCH": "1717200000"}
    process = subprocess.Popen(
        [str(BIN / "mkdocs"), "serve", "--dev-addr", f"127.0.0.1:{_free_port()}"],
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_default_stop_signals,
    )
    assert process.stderr is not None
    deadline = time.monotonic() + 120
    for line in process.stderr:
        if "Serving on" in line or time.monotonic() > deadline:
            break
    return process


def _default_stop_signals() -> None:
    """The preview as a terminal starts it: a suite run under `nohup` or in the background
    passes on SIGHUP or SIGINT ignored, and a preview rightly keeps them so."""
    for stop in (signal.SIGHUP, signal.SIGINT):
        signal.signal(stop, signal.SIG_DFL)


def _stores(temporary: Path) -> list[Path]:
    return sorted(temporary.glob("newsroom-pages-*"))


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_stopped_preview_leaves_no_temporary_folder(root: Path, stop: signal.Signals) -> None:
    temporary = root / "tmp"
    temporary.mkdir()
    process = _serve(root, temporary)
    try:
        assert len(_stores(temporary)) == 1
        process.send_signal(stop)
        process.wait(timeout=60)
    finally:
        process.kill()
    assert _stores(temporary) == []


def test_the_next_preview_removes_what_a_killed_one_left(root: Path) -> None:
    temporary = root / "tmp"
    temporary.mkdir()
    killed = _serve(root, temporary)
    killed.kill()
    killed.wait(timeout=60)
    (left,) = _stores(temporary)
    assert left.name.startswith(f"newsroom-pages-{killed.pid}-")
    other = temporary / "newsroom-pages-notapid-x"  # not a folder of this kind: kept
    other.mkdir()
    process = _serve(root, temporary)
    try:
        stores = _stores(temporary)
        assert left not in stores and other in stores
        assert [s.name.split("-")[2] for s in stores if s != other] == [str(process.pid)]
    finally:
        process.terminate()
        process.wait(timeout=60)
    shutil.rmtree(other)
