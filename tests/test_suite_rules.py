"""The suite's own rules: it finds ../shared only when a test needs it, a build's "now" is
pinned, and no test writes into the repository."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest

from .sites import (
    DEMO_NOW,
    REPO,
    SharedFolderMissing,
    article,
    build_site,
    epoch,
    find_shared_folder,
)
from .worktree import RepositoryWrite, WriteGuard, tree_changes

# --------------------------------------------------------------------------------------------
# The shared folder
# --------------------------------------------------------------------------------------------


def test_the_shared_folder_is_where_newsroom_shared_says(tmp_path: Path) -> None:
    (tmp_path / "corpus").mkdir()
    environ = {"NEWSROOM_SHARED": str(tmp_path), "NEWSROOM_SHARED_SEARCH": "off"}
    assert find_shared_folder(environ) == tmp_path


def test_without_the_shared_folder_the_test_fails_saying_where_it_looked(tmp_path: Path) -> None:
    environ = {"NEWSROOM_SHARED": str(tmp_path), "NEWSROOM_SHARED_SEARCH": "off"}  # no corpus/
    with pytest.raises(SharedFolderMissing) as missing:
        find_shared_folder(environ)
    assert str(missing.value) == (
        "this test reads the workplace's shared/ folder (the corpus, the sample story), which "
        f"was not found: no corpus/ folder in {tmp_path} (NEWSROOM_SHARED_SEARCH=off: only "
        "NEWSROOM_SHARED is tried); set NEWSROOM_SHARED to its path"
    )
    with pytest.raises(SharedFolderMissing, match=r"no corpus/ folder in nowhere \("):
        find_shared_folder({"NEWSROOM_SHARED_SEARCH": "off"})


def test_the_shared_folder_is_looked_for_beside_the_checkout(tmp_path: Path) -> None:
    try:
        found = find_shared_folder({"NEWSROOM_SHARED": str(tmp_path)})
    except SharedFolderMissing as missing:
        assert f"no corpus/ folder in {tmp_path}, {REPO.parent / 'shared'}" in str(missing)
    else:
        assert found != tmp_path and (found / "corpus").is_dir()


# --------------------------------------------------------------------------------------------
# The clock
# --------------------------------------------------------------------------------------------


def test_a_build_s_now_is_the_pinned_moment_not_the_machine_s(tmp_path: Path) -> None:
    assert os.environ["SOURCE_DATE_EPOCH"] == epoch(DEMO_NOW)
    minute = timedelta(minutes=1)
    files = {
        "articles/before.md": article("Just before", (DEMO_NOW - minute).isoformat()),
        "articles/after.md": article("Just after", (DEMO_NOW + minute).isoformat()),
    }
    site = build_site(tmp_path, files)
    assert site.summary == "newsroom: published 1 article, skipped 1: 1 scheduled for later"
    assert "2026/11/26/just-before/" in site.pages()


# --------------------------------------------------------------------------------------------
# No writes into the repository
# --------------------------------------------------------------------------------------------


def test_the_guard_refuses_writes_into_the_repository_and_nothing_else(tmp_path: Path) -> None:
    guard = WriteGuard(REPO, allowed=[REPO / "docs" / "screenshots"])
    write = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
    guard("open", (str(REPO / "README.md"), "r", os.O_RDONLY))  # reading
    guard("open", (str(tmp_path / "page.html"), "w", write))  # elsewhere
    guard("open", (str(REPO / "docs" / "screenshots" / "front-desktop.png"), "wb", write))
    guard("open", (str(REPO / "tests" / "__pycache__" / "sites.pyc"), None, write))
    guard("open", (str(REPO / ".hypothesis" / "examples" / "x"), "wb", write))
    guard("os.remove", ("entry", 5))  # a name in a folder opened by descriptor
    with pytest.raises(RepositoryWrite, match=r"a test wrote into the repository \(open con"):
        guard("open", (str(REPO / "content" / "x.md"), "w", write))
    with pytest.raises(RepositoryWrite):
        guard("open", (os.fsencode(REPO / "site" / "index.html"), None, os.O_RDWR))
    with pytest.raises(RepositoryWrite):
        guard("os.mkdir", (str(REPO / "site"), 0o777, None))
    with pytest.raises(RepositoryWrite):
        guard("os.rename", (str(tmp_path / "a"), str(REPO / "docs" / "a"), None, None))
    with pytest.raises(RepositoryWrite):
        guard("shutil.rmtree", (str(REPO / "content"), None))
    assert guard.refused == [
        "open content/x.md",
        "open site/index.html",
        "os.mkdir site",
        "os.rename docs/a",
        "shutil.rmtree content",
    ]


def test_the_guard_is_on_in_this_session(repository_untouched: WriteGuard) -> None:
    probe = REPO / "content" / "guard-probe.md"
    with pytest.raises(RepositoryWrite):
        probe.write_text("never written", encoding="utf-8")  # refused before it is opened
    assert not probe.exists()
    assert repository_untouched.refused[-1] == "open content/guard-probe.md"
    repository_untouched.refused.pop()  # this one was on purpose


def test_tree_changes_are_the_paths_whose_state_differs() -> None:
    before = {"content/a.md": (" M", 1, 10), "site": ("!!", 5, 4096)}
    after = {"content/a.md": (" M", 2, 11), "site": ("!!", 5, 4096), "content/b.md": ("??", 3, 1)}
    assert tree_changes(before, after) == ["content/a.md", "content/b.md"]
    assert tree_changes(before, before) == []
    assert tree_changes(None, after) == []  # not a git checkout: nothing to compare
