"""What a hostile review of issue 16 found still open: each class of hole as a real build
beside a good article (the build goes on, one line names the file, `--strict` fails, `newsroom
check` reports the same), and nothing held back or left over reaches the site."""

from __future__ import annotations

from pathlib import Path

from .commands import newsroom
from .test_hostile import _located, built, fails_strict, front, output_text

# --- 1. Only allow-listed media leave the articles folder, even when a story links them ----------

LINKED_LEFTOVERS: dict[str, str | bytes] = {
    "articles/story.md~": "SECRET BACKUP",
    "articles/story.md.bak": "SECRET BAK",
    "articles/story.md.orig": "SECRET ORIG",
    "articles/.#story.md": "SECRET LOCK",
    "articles/.story.md.swp": "SECRET SWAP",
    "articles/.hidden.png": b"\x89PNG SECRET HIDDEN",
    "articles/notes.docx": b"SECRET DOCX",
    "articles/page.html": "<p>SECRET HTML</p>",
}


def _linking_story() -> str:
    links = "\n".join(
        f"[{index}](/{path.replace('#', '%23')})" for index, path in enumerate(LINKED_LEFTOVERS)
    )
    return front("Links") + "\n" + links + "\n\n![ok](/articles/ok.png)\n"


def test_leftovers_and_other_types_a_shown_story_links_are_not_published(
    tmp_path: Path,
) -> None:
    files = {
        "articles/links.md": _linking_story(),
        "articles/ok.png": b"\x89PNG fine",
        **LINKED_LEFTOVERS,
    }
    site = built(tmp_path, files)
    expected = []
    for path in sorted(LINKED_LEFTOVERS):
        if "/." in path:
            continue  # hidden: MkDocs excludes it before Newsroom sees it
        leftover = path.endswith(("~", ".bak", ".orig"))
        kind = "an editor's leftover or a hidden file" if leftover else "not media"
        expected.append(
            f"newsroom: {path}: articles/links.md links to it, but it is {kind} (only pictures, "
            "sound, video, PDF and subtitles of the articles folder are published), so it was "
            "not published; link a published file instead"
        )
    assert sorted(site.warnings) == expected
    published = sorted(p.name for p in (site.site_dir / "articles").rglob("*") if p.is_file())
    assert published == ["ok.png"]
    assert "SECRET" not in output_text(site)
    fails_strict(tmp_path, files)
    checked = newsroom(tmp_path / "site", "check")
    assert sorted(checked.stdout.splitlines()) == sorted(_located(w) for w in site.warnings)


# --- 7. Each real folder is read once ------------------------------------------------------------


def _looping_folders(docs: Path) -> None:
    articles = docs / "articles"
    (articles / "2024").mkdir(parents=True, exist_ok=True)
    (articles / "2024" / "looped.md").write_text(front("Looped"), encoding="utf-8")
    (articles / "loop").symlink_to(articles)
    (articles / "latest").symlink_to(articles / "2024")


LOOP_WARNINGS = [
    "newsroom: articles/latest: it is a link to a folder the site already holds "
    "(articles/2024), so what is seen through it was left out (each folder is read once); "
    "remove the link",
    "newsroom: articles/loop: it is a link to a folder the site already holds (articles), so "
    "what is seen through it was left out (each folder is read once); remove the link",
]


def test_a_folder_reached_twice_through_links_is_read_once(tmp_path: Path) -> None:
    _looping_folders(tmp_path / "site" / "content")
    _looping_folders(tmp_path / "strict" / "content")
    site = built(tmp_path, {})
    assert site.warnings == LOOP_WARNINGS
    assert site.summary == "newsroom: published 2 articles, skipped 0"
    assert site.file("2024/05/01/looped/").is_file()
    assert not (site.site_dir / "articles").exists()
    fails_strict(tmp_path, {})
    checked = newsroom(tmp_path / "site", "check")
    assert checked.stdout.splitlines() == [_located(w) for w in LOOP_WARNINGS]
