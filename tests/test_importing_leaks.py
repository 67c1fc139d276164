"""`newsroom import` never leaks copy (issue #16): what the source holds back (front matter's
`draft: true`, a folder's `.meta.yml`, a misspelt `Draft`) stays off the site, and what is not
imported is said and counted. Each test runs the real command, builds the site, and looks for
the held-back copy's marker word in every file the build wrote (beside one published marker
that must be there, so that the search can fail)."""

from __future__ import annotations

from pathlib import Path

import yaml

from .commands import newsroom, run
from .sites import write_site
from .test_importing_review import item, material, post, wxr

PUBLISHED = "ZQXPUBLISHEDCOPY"


def _site(tmp_path: Path) -> Path:
    """A small news site (sections world, politics, business; authors jdoe, asmith)."""
    root = tmp_path / "news"
    write_site(root, {})
    return root


def _built_files(root: Path) -> dict[str, bytes]:
    built = run(root, "mkdocs", "build")
    assert built.returncode == 0, built.stderr
    files = {
        p.relative_to(root / "site").as_posix(): p.read_bytes()
        for p in (root / "site").rglob("*")
        if p.is_file()
    }
    assert any(PUBLISHED.encode() in data for data in files.values())  # the search can find
    return files


def _leaked(root: Path, *markers: str) -> list[str]:
    """Each file of the built site holding one of `markers`, with the marker."""
    files = _built_files(root)
    return [f"{name}: {m}" for name, data in files.items() for m in markers if m.encode() in data]


def _draft(root: Path, line: str) -> str:
    """The `draft` field of the article named on an import's output `line`."""
    path = root / line.split(" (from ")[0]
    fields = yaml.load(path.read_text("utf-8").split("---\n")[1], Loader=yaml.BaseLoader)
    return str(fields.get("draft", ""))


EMBARGOED = """---
title: Embargoed wire
date: 2026-11-20T10:00:00Z
slug: emb-wire
section: world
authors: [jdoe]
draft: true
---
ZQXEMBWIRE embargoed copy.
"""


def test_wire_text_with_front_matter_or_in_a_sub_folder_is_said_and_not_published(
    tmp_path: Path,
) -> None:
    root = _site(tmp_path)
    wire = root / "wire"
    (wire / "sub").mkdir(parents=True)
    (wire / "agency-123.txt").write_text(EMBARGOED, encoding="utf-8")
    (wire / "blank-first.txt").write_text("\n\n" + EMBARGOED.replace("EMB", "BLANK"), "utf-8")
    (wire / "sub/s.txt").write_text("Sub story\n\nZQXSUBWIRE text.\n", encoding="utf-8")
    (wire / "good.txt").write_text(f"Council meets\n\n{PUBLISHED} text.\n", encoding="utf-8")

    result = newsroom(root, "import", "wire", "--section", "world", "--author", "jdoe")

    assert result.returncode == 0, result.stderr
    has_front_matter = (
        "skipped: it already has front matter (its first line is '---'): copy it into "
        "content/articles/ as it is, or remove the front matter"
    )
    lines = result.stdout.splitlines()
    assert lines[:2] == [
        f"wire/agency-123.txt: {has_front_matter}",
        f"wire/blank-first.txt: {has_front_matter}",
    ]
    assert lines[2].endswith(" (from wire/good.txt)")
    assert lines[3:] == [
        "wire/sub: skipped: it is a folder: wire texts in sub-folders are not imported; "
        "import it on its own (newsroom import FOLDER/SUB), or move its texts up"
    ]
    assert result.stderr == (
        "newsroom: imported 1, skipped 3\n"
        "newsroom: no 'boilerplate' is set in mkdocs.yml, so an agency's footer lines stay in "
        "the stories; give the patterns of the lines to drop there (docs/editors-guide.md)\n"
    )
    assert _leaked(root, "ZQXEMBWIRE", "ZQXBLANKWIRE", "ZQXSUBWIRE", "Embargoed") == []


def test_material_drafts_by_folder_or_misspelt_field_stay_off_the_site(tmp_path: Path) -> None:
    root = _site(tmp_path)
    docs = material(
        tmp_path,
        {
            "blog/posts/drafts/.meta.yml": "draft: true\n",
            "blog/posts/drafts/held.md": post("Folder draft", body="ZQXMETADRAFT text.\n"),
            "blog/posts/drafts/deep/deeper.md": post("Deep draft", body="ZQXDEEPDRAFT.\n"),
            "blog/posts/drafts/open/.meta.yml": "draft: false\n",  # the nearer file wins
            "blog/posts/drafts/open/out.md": post("Opened", body=f"{PUBLISHED} text.\n"),
            "blog/posts/broken/.meta.yml": "draft: [true\n",
            "blog/posts/broken/b.md": post("Broken meta", body="ZQXBROKENMETA.\n"),
            "blog/posts/capital.md": post("Capital", extra="Draft: true\n", body="ZQXCAPITAL\n"),
            "blog/posts/status.md": post("Status", extra="status: draft\n", body="ZQXSTATUS\n"),
            "blog/posts/twice.md": post(extra="draft: true\ndraft: false\n", body="ZQXTWICE\n"),
            "blog/posts/by-meta/.meta.yml": "DRAFT: true\n",
            "blog/posts/by-meta/m.md": post("Meta caps", body="ZQXMETACAPS\n"),
        },
    )

    result = newsroom(root, "import", "--from", "material-blog", str(docs))

    assert result.returncode == 0, result.stderr
    assert result.stderr == "newsroom: imported 8 (7 as drafts), skipped 0\n"
    lines = result.stdout.splitlines()
    said = [line.split(f"{docs}: ", 1)[1] for line in lines if line.startswith(f"{docs}: ")]
    assert said == [
        "blog/posts/broken/b.md: blog/posts/broken/.meta.yml:2:1: it is not valid YAML (did "
        "not find expected ',' or ']'); it could set 'draft: true', so the post is held back "
        "as a draft: fix the file, then check the post",
        "blog/posts/by-meta/m.md: the 'DRAFT' of a .meta.yml above it looks like 'draft', "
        "which can hold an article back; it is held back as a draft: check it, then remove "
        "'draft: true'",
        "blog/posts/capital.md: its 'Draft' (line 6) looks like 'draft', which can hold an "
        "article back; it is held back as a draft: check it, then remove 'draft: true'",
        "blog/posts/status.md: its 'status' (line 6) looks like 'draft', which can hold an "
        "article back; it is held back as a draft: check it, then remove 'draft: true'",
        "blog/posts/twice.md: its 'draft' (line 7) is given twice with different values (first "
        "on line 6), and it can hold an article back; it is held back as a draft: keep one of "
        "the lines, then remove 'draft: true'",
    ]
    drafts = {line.split(" (from ")[1]: _draft(root, line) for line in lines if " (from " in line}
    assert drafts == {
        "blog/posts/broken/b.md)": "true",
        "blog/posts/by-meta/m.md)": "true",
        "blog/posts/capital.md)": "true",
        "blog/posts/drafts/deep/deeper.md)": "true",
        "blog/posts/drafts/held.md)": "true",
        "blog/posts/drafts/open/out.md)": "",  # published
        "blog/posts/status.md)": "true",
        "blog/posts/twice.md)": "true",
    }
    markers = ("ZQXMETADRAFT", "ZQXDEEPDRAFT", "ZQXBROKENMETA", "ZQXCAPITAL", "ZQXSTATUS")
    markers += ("ZQXMETACAPS", "ZQXTWICE")
    assert _leaked(root, *markers) == []


def test_the_meta_files_are_those_the_blog_s_meta_plugin_names(tmp_path: Path) -> None:
    root = _site(tmp_path)
    config = (
        "site_name: Old blog\nplugins:\n  - material/meta:\n      meta_file: '**/_meta.yml'\n"
        "  - blog\n"
    )
    docs = material(
        tmp_path,
        {
            "blog/posts/held/_meta.yml": "draft: true\n",
            "blog/posts/held/a.md": post("Held", body="ZQXNAMEDMETA\n"),
            "blog/posts/held/.meta.yml": "draft: false\n",  # not the blog's meta file
            "blog/posts/b.md": post("Out", body=f"{PUBLISHED}\n"),
        },
        config,
    )

    result = newsroom(root, "import", "--from", "material-blog", str(docs))

    assert result.returncode == 0, result.stderr
    assert result.stderr == "newsroom: imported 2 (1 as drafts), skipped 0\n"
    assert _leaked(root, "ZQXNAMEDMETA") == []


def _other(post_id: int, kind: str) -> str:
    return (
        f"<item><title>{kind} {post_id}</title><wp:post_id>{post_id}</wp:post_id>"
        f"<wp:status>inherit</wp:status><wp:post_type>{kind}</wp:post_type></item>"
    )


def test_a_wordpress_import_counts_what_it_did_not_import(tmp_path: Path) -> None:
    root = _site(tmp_path)
    export = wxr(
        tmp_path,
        item(1, body=f"{PUBLISHED} text."),
        item(2, status="trash", body="ZQXTRASHED"),
        item(3, status="auto-draft", body="ZQXAUTODRAFT"),
        _other(4, "attachment"),
        _other(5, "attachment"),
        _other(6, "page"),
        _other(7, "nav_menu_item"),
    )

    result = newsroom(root, "import", "--from", "wordpress", str(export))

    assert result.returncode == 0, result.stderr
    assert result.stderr == (
        "newsroom: imported 1, skipped 0, not imported 6 (attachment: 2, nav_menu_item: 1, "
        "page: 1, post: 2)\n"
    )
    lines = result.stdout.splitlines()
    assert f"{export}: post 2 'A story': not imported: it is in the trash" in lines
    assert f"{export}: post 3 'A story': not imported: it is an empty automatic draft" in lines
    assert _leaked(root, "ZQXTRASHED", "ZQXAUTODRAFT") == []


def test_a_material_import_counts_the_posts_it_could_not_read(tmp_path: Path) -> None:
    root = _site(tmp_path)
    docs = material(
        tmp_path,
        {
            "blog/posts/ok.md": post(body=f"{PUBLISHED}\n"),
            "blog/posts/undated.md": "---\ntitle: No date\n---\n\nZQXUNDATED\n",
            "blog/posts/.hidden.md": post("Hidden", body="ZQXHIDDEN\n"),
        },
    )

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "linked.md").write_text(post("Linked", body="ZQXLINKED\n"), encoding="utf-8")
    (docs / "blog/posts/linked").symlink_to(elsewhere, target_is_directory=True)
    (docs / "blog/posts/dangling.md").symlink_to(tmp_path / "gone.md")

    result = newsroom(root, "import", "--from", "material-blog", str(docs))

    assert result.returncode == 0, result.stderr
    assert result.stderr == (
        "newsroom: imported 1, skipped 0, not imported 4 (file MkDocs leaves out: 1, link to a "
        "folder or to nothing: 2, post: 1)\n"
    )
    link = "not imported: it is a symbolic link to a folder, or to nothing; copy the posts it "
    assert f"{docs}: blog/posts/linked: {link}should hold into the blog" in result.stdout
    assert f"{docs}: blog/posts/dangling.md: {link}should hold into the blog" in result.stdout
    assert _leaked(root, "ZQXUNDATED", "ZQXHIDDEN") == []
