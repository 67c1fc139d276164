"""Writing into the site folder and removing from it (outputs/files.py): every write and
removal of a build goes through these, so each rule is checked here on real folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_newsroom.outputs.files import remove_files, write_outputs
from mkdocs_newsroom.preview.rendered_pages import RenderedPages


def _refuse_removing(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """From now on, a file of this name refuses its removal, as one made immutable (`chattr
    +i`, which needs root to set) does: the refusal is simulated, as for the builds in
    test_dirty_refusals.py."""
    unlink = Path.unlink

    def refusing(path: Path, missing_ok: bool = False) -> None:
        if path.name == name:
            raise PermissionError(1, "Operation not permitted", str(path))
        unlink(path, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", refusing)


def _files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if not p.is_dir())


def test_removing_empties_folders_up_to_the_site_folder_and_no_further(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "2024/05/01/story").mkdir(parents=True)
    (site / "2024/05/01/story/index.html").write_text("held", encoding="utf-8")
    (site / "about.html").write_text("about", encoding="utf-8")
    removed, problems = remove_files(site, ["2024/05/01/story/index.html", "about.html"])
    assert removed == ["2024/05/01/story/index.html", "about.html"]
    assert problems == []
    assert site.is_dir() and list(site.iterdir()) == []  # the site folder itself stays


def test_nothing_is_removed_through_a_link_out_of_the_site_folder(tmp_path: Path) -> None:
    """`site/images` a link to the reporter's own folder: its files stay, one line for all."""
    own = tmp_path / "content/images"
    own.mkdir(parents=True)
    for name in ("a.jpg", "b.jpg"):
        (own / name).write_bytes(b"photo")
    site = tmp_path / "site"
    site.mkdir()
    (site / "images").symlink_to(own)
    (site / "gone.html").write_text("old", encoding="utf-8")
    removed, problems = remove_files(site, ["images/a.jpg", "images/b.jpg", "gone.html"])
    assert removed == ["gone.html"]
    assert _files(own) == ["a.jpg", "b.jpg"]
    assert len(problems) == 1
    assert problems[0].path == str(site / "images/a.jpg")
    assert "a link in the site folder leads this out of it" in problems[0].message
    assert "(and 1 more files)" in problems[0].message


def test_a_link_itself_is_neither_removed_nor_written_through(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.xml"
    elsewhere.write_text("precious", encoding="utf-8")
    site = tmp_path / "site"
    (site / "tags").mkdir(parents=True)
    (site / "tags/feed.xml").symlink_to(elsewhere)
    assert remove_files(site, ["tags/feed.xml"])[0] == []
    problems = write_outputs(str(site), {"tags/feed.xml": "<rss/>", "feed.xml": "<rss/>"})
    assert [p.path for p in problems] == [str(site / "tags/feed.xml")]
    assert elsewhere.read_text(encoding="utf-8") == "precious"
    assert (site / "tags/feed.xml").is_symlink()
    assert (site / "feed.xml").read_text(encoding="utf-8") == "<rss/>"


def test_what_the_file_system_keeps_is_a_line_and_the_rest_goes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    (site / "kept").mkdir(parents=True)
    (site / "kept/index.html").write_text("held", encoding="utf-8")
    (site / "gone.html").write_text("old", encoding="utf-8")
    _refuse_removing(monkeypatch, "index.html")
    removed, problems = remove_files(site, ["kept/index.html", "gone.html"])
    assert removed == ["gone.html"]
    assert [p.path for p in problems] == [str(site / "kept/index.html")]
    assert "could not be removed (Operation not permitted)" in problems[0].message
    assert (site / "kept/index.html").is_file()


def test_a_path_that_climbs_out_of_the_site_folder_is_neither_written_nor_removed(
    tmp_path: Path,
) -> None:
    """No path the build makes climbs out (`../`): were one ever to, the file beside the site
    folder stays as it is."""
    site = tmp_path / "site"
    site.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    for path in ("../victim.txt", f"{site.name}/../../victim.txt", str(victim)):
        assert remove_files(site, [path])[0] == []
        problems = write_outputs(str(site), {path: "overwritten"})
        assert len(problems) == 1 and "neither wrote nor removed" in problems[0].message
    assert victim.read_text(encoding="utf-8") == "precious"


def test_a_preview_s_page_the_file_system_refuses_is_a_line_never_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`mkdocs serve`'s pages come from its store (preview/rendered_pages.py): a page that
    cannot be put in the site folder (a full disk; here a file where its folder should be),
    and a page gone from the site that cannot be removed, are each a line of the rebuild,
    and the preview goes on."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "blocked").write_text("a file, not a folder", encoding="utf-8")
    store = RenderedPages()
    try:
        store.write("kept", b"<p>kept</p>")
        store.write("gone", b"<p>gone</p>")
        store.written(["kept", "gone"])
        store.publish("kept", str(site / "kept.html"))
        store.publish("gone", str(site / "gone.html"))
        assert store.forget_unused() == []
        with pytest.raises(OSError):
            store.publish("kept", str(site / "blocked/index.html"))
        _refuse_removing(monkeypatch, "gone.html")
        store.publish("kept", str(site / "kept.html"))
        problems = store.forget_unused()
        assert [p.path for p in problems] == [str(site / "gone.html")]
        assert "could not be removed (Operation not permitted)" in problems[0].message
        assert (site / "kept.html").read_bytes() == b"<p>kept</p>"
    finally:
        store.close()
