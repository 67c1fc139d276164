"""A page that says it is held back is never published: MkDocs publishes a Markdown page
outside the articles folder whatever its front matter says, so a story saved in the content
folder's root with `draft: true` would be online (build/held_pages.py). Real builds beside a
good article; --strict fails and `newsroom check` says the same lines."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pytest

from .commands import newsroom, run
from .sites import Site, article, write_site
from .test_hostile import GOOD, _located, built, fails_strict, output_text

if TYPE_CHECKING:
    from pathlib import Path

HELD = {
    "story.md": "---\ntitle: Embargoed\ndate: 2024-05-01T10:00:00Z\ndraft: true\n---\nSECRET ONE\n",
    "desk/notes.md": "---\nDraft: yes\n---\n# Notes\n\nSECRET TWO\n",
    "embargoed.md": "---\nembargo: 2030-01-01\n---\n# Embargoed\n\nSECRET THREE\n",
    "plain.md": "draft: true\n\n# MultiMarkdown's meta, as MkDocs reads it\n\nSECRET FOUR\n",
}
FIELD = {"story.md": "draft", "desk/notes.md": "Draft", "embargoed.md": "embargo"}


def _left_out(path: str, field: str, why: str = "", *, page: bool = True) -> str:
    """The line for a page (or a file MkDocs copies) left out: `why` is '' for a field as
    MkDocs reads it, 'empty', 'unreadable' or 'given N times'."""
    said = {
        "": f"its '{field}' would hold a story back",
        "empty": f"its '{field}' is empty, which would hold a story back",
        "unreadable": "its front matter cannot be read (MkDocs would publish it as text) but "
        f"names '{field}', which would hold a story back",
        "future": f"its '{field}' is still to come, which would hold a story back until then (an "
        "embargo)",
        "no date": f"its '{field}' cannot be read as a date, which would hold a story back",
    }.get(why, f"its '{field}' is {why}, not all false, which would hold a story back")
    what = "a page" if page else "a file MkDocs copies as it is (not a page)"
    fix = "fix its front matter and move" if why == "unreadable" else "move"
    return (
        f"newsroom: {path}: it is {what}, not a story (it is outside articles/), and {said}: "
        f"{'a page' if page else 'such a file'} is published as it is, so it was left out; "
        f"{fix} it into articles/ to publish it as a story, or remove '{field}'"
    )


def _all_left_out(tmp_path: Path, files: dict[str, str | bytes], said: list[str]) -> Site:
    """Built beside a good article: exactly the lines `said`, no file of the site holds a
    MARK, strict fails and `newsroom check` says the same lines."""
    site = built(tmp_path, files)
    assert sorted(site.warnings) == sorted(said)
    assert "MARK" not in output_text(site)
    fails_strict(tmp_path, files)
    checked = newsroom(tmp_path / "site", "check")
    assert sorted(line for line in checked.stdout.splitlines() if "left out" in line) == sorted(
        _located(line) for line in said
    )
    return site


def test_a_page_whose_front_matter_holds_it_back_is_left_out(tmp_path: Path) -> None:
    kept = {
        "kept.md": "---\ndraft: false\n---\n# Kept\n\nPUBLISHED ONE\n",
        "dated.md": "---\ndate: 2024-05-01\nsection: world\n---\n# Dated\n\nPUBLISHED TWO\n",
    }
    # stories saved outside articles/ and dated after the build (DEMO_NOW, 09:00 in Kabul):
    # a `date` holds no page back, so an embargo broke
    embargoed = {
        "desk/results.md": "---\ndate: 2026-11-26T05:00:00Z\nauthors: [jdoe]\n---\nSECRET FIVE\n",
        "desk/tomorrow.md": "---\ndate: 2026-11-27\nsection: world\n---\nSECRET SIX\n",
        # Material's blog form; keys in capitals
        "desk/blog.md": "---\ndate:\n  created: 2026-11-27\nauthors: [jdoe]\n---\nSECRET SEVEN\n",
        "desk/caps.md": "---\nDate: 2026-11-27\nSection: world\n---\nSECRET EIGHT\n",
    }
    # a date that is no date: when in doubt, do not publish
    undated = {"desk/undated.md": "---\ndate: soon\nsection: world\n---\nSECRET NINE\n"}
    files: dict[str, str | bytes] = {**HELD, **kept, **embargoed, **undated}
    site = built(tmp_path, files)
    assert sorted(site.warnings) == sorted(
        [
            *(_left_out(path, field) for path, field in FIELD.items()),
            _left_out("plain.md", "draft"),
            *(_left_out(path, "date", "future") for path in embargoed),
            _left_out("desk/undated.md", "date", "no date"),
        ]
    )
    text = output_text(site)
    assert "SECRET ONE" not in text and "SECRET TWO" not in text and "SECRET THREE" not in text
    for secret in ("FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE"):
        assert f"SECRET {secret}" not in text
    assert "PUBLISHED ONE" in site.html("kept/") and "PUBLISHED TWO" in site.html("dated/")
    assert (
        "newsroom: dated.md: it has a story's 'date' and section or authors, but it is outside "
        "articles/, so it is published as a plain page; move it into articles/ to publish it "
        "as a story"
    ) in site.infos
    fails_strict(tmp_path, files)
    checked = newsroom(tmp_path / "site", "check")
    assert sorted(line for line in checked.stdout.splitlines() if "left out" in line) == sorted(
        _located(warning) for warning in site.warnings
    )


def test_a_held_page_is_read_as_mkdocs_reads_it(tmp_path: Path) -> None:
    """A BOM, CRLF or CR line ends, a front matter past 64 KB: MkDocs reads the front matter
    (and publishes the page), so Newsroom reads it the same way and leaves the page out."""
    long = "---\n" + "".join(f"note{n}: {'x' * 60}\n" for n in range(1200)) + "draft: true\n---\n"
    files: dict[str, str | bytes] = {
        "bom.md": b"\xef\xbb\xbf---\ndraft: true\n---\nMARKBOM\n",
        "crlf.md": b"---\r\ndraft: true\r\n---\r\nMARKCRLF\r\n",
        "cr.md": b"---\rdraft: true\r---\rMARKCR\r",
        "long.md": long + "MARKLONG\n",
        "kept.md": b"\xef\xbb\xbf---\r\ndraft: false\r\n---\r\nPUBLISHED\r\n",
    }
    assert len(long) > 65536
    said = [_left_out(path, "draft") for path in ("bom.md", "crlf.md", "cr.md", "long.md")]
    site = _all_left_out(tmp_path, files, said)
    assert "PUBLISHED" in site.html("kept/")


def test_a_page_whose_front_matter_is_in_doubt_is_left_out(tmp_path: Path) -> None:
    """A front matter MkDocs cannot read (it would publish it as text) naming a field that
    holds a story back; a `draft` given twice, once true, or empty: left out, as an article
    would be held back. One that names none, or a `draft: false` twice, is published."""
    files: dict[str, str | bytes] = {
        "broken.md": '---\ndraft: true\ntitle: "broken\n---\nMARKBROKEN\n',
        "tagged.md": "---\ndraft: !x true\n---\nMARKTAGGED\n",
        "listed.md": "---\n- draft: true\n---\nMARKLISTED\n",
        "at-end.md": "---\ndraft: true\n---",
        "expiring.md": "---\n'expires': [2024\n---\nMARKEXPIRES\n",
        "twice.md": "---\ndraft: true\ndraft: false\n---\nMARKTWICE\n",
        "empty.md": "---\ntitle: Empty\ndraft:\n---\nMARKEMPTY\n",
        "kept-broken.md": '---\ntitle: "broken\n---\nPUBLISHED ONE\n',
        "kept-twice.md": "---\ndraft: false\ndraft: no # checked\n---\nPUBLISHED TWO\n",
        # front matters MkDocs does not read at all, whose lines it would publish
        "never-closed.md": "---\ntitle: U\ndraft: true\n\nMARKUNCLOSED body.\n",
        "never-closed.txt": "---\ntitle: U\ndraft: true\n\nMARKUNCLOSEDTXT body.\n",
        "blank-first.md": "\n---\ntitle: L\ndraft: true\n---\nMARKBLANKFIRST\n",
        "space-first.md": " ---\ntitle: S\ndraft: true\n---\nMARKSPACE\n",
        "two-boms.md": b"\xef\xbb\xbf\xef\xbb\xbf---\ndraft: true\n---\nMARKBOMS\n",
        "nbsp-after.md": "---\u00a0\ntitle: T\ndraft: true\n---\nMARKNBSP\n",
        "nul-first.md": "\x00---\ntitle: T\ndraft: true\n---\nMARKNUL\n",
        "zwsp-first.md": "\u200b---\ntitle: T\ndraft: true\n---\nMARKZWSP\n",
        "flow.md": "---\n{title: T, draft: true}\n\nMARKFLOW\n",
        "lead.rst": "\n---\ntitle: T\ndraft: true\n---\nMARKRST\n",
        "kept-rule.md": "---\n\nA page opening with a rule.\n\nStatus: draft\n\nPUBLISHED THREE\n",
        # a form feed, vertical tab (Word's line break) or file separator: a line end to an
        # editor, a character YAML refuses
        "form-feed.md": '---\ntitle: "Memo"\x0cdraft: true\n---\nMARKFF\n',
        "vertical-tab.md": "---\ntitle: Memo\x0bdraft: true\n---\nMARKVT\n",
        "separator.md": "---\ntitle: Memo\x1cdraft: true\n---\nMARKFS\n",
        "form-feed.txt": '---\ntitle: "Memo"\x0cdraft: true\n---\nMARKFFTXT\n',
        "form-feed.html": '---\ntitle: "Memo"\x0cdraft: true\n---\nMARKFFHTML\n',
        # a line separator YAML reads as a line's end: the last `draft` wins there
        "twice-separated.md": "---\ndraft: true\u2028draft: false\n---\nMARKTWICESEP\n",
    }
    unread = ["blank-first", "never-closed", "space-first", "two-boms", "nbsp-after"]
    unread += ["nul-first", "zwsp-first", "flow", "broken", "tagged", "listed", "at-end"]
    unread += ["form-feed", "vertical-tab", "separator"]
    said = [
        *(_left_out(f"{name}.md", "draft", "unreadable") for name in unread),
        _left_out("form-feed.txt", "draft", "unreadable", page=False),
        _left_out("form-feed.html", "draft", "unreadable", page=False),
        _left_out("never-closed.txt", "draft", "unreadable", page=False),
        _left_out("lead.rst", "draft", "unreadable", page=False),
        _left_out("expiring.md", "expires", "unreadable"),
        _left_out("twice.md", "draft", "given 2 times"),
        _left_out("twice-separated.md", "draft", "given 2 times"),
        _left_out("empty.md", "draft", "empty"),
    ]
    site = _all_left_out(tmp_path, files, said)
    assert "PUBLISHED ONE" in site.html("kept-broken/")
    assert "PUBLISHED TWO" in site.html("kept-twice/")
    assert "PUBLISHED THREE" in site.html("kept-rule/")  # a rule, then no front matter


def test_a_story_in_a_file_mkdocs_copies_is_left_out(tmp_path: Path) -> None:
    """`story.txt`, `upper.MD` outside the articles folder: MkDocs copies them as they are;
    with a front matter that holds a story back they are left out. A robots.txt without
    one, or a text whose front matter holds nothing back, is copied."""
    files: dict[str, str | bytes] = {
        "story.txt": "---\ndraft: true\n---\nMARKTXT\n",
        "desk/upper.MD": "---\ndraft: true\n---\nMARKUPPER\n",
        "crlf.Txt": b"\xef\xbb\xbf---\r\nembargo: 2030-01-01\r\n---\r\nMARKEMBARGO\r\n",
        "robots.txt": "User-agent: *\nDraft: true\nDisallow: /private/\n",
        "notes.txt": "---\ntitle: Notes\n---\nPUBLISHED NOTES\n",
    }
    said = [
        _left_out("story.txt", "draft", page=False),
        _left_out("desk/upper.MD", "draft", page=False),
        _left_out("crlf.Txt", "embargo", page=False),
    ]
    site = _all_left_out(tmp_path, files, said)
    assert (site.site_dir / "robots.txt").read_text("utf-8") == files["robots.txt"]
    assert "PUBLISHED NOTES" in (site.site_dir / "notes.txt").read_text("utf-8")


@pytest.mark.parametrize("path", ["story.md", "story.txt"])
def test_a_dirty_build_removes_a_page_held_back_since(tmp_path: Path, path: str) -> None:
    """`mkdocs build --dirty` after a page (or a copied text) got `draft: true`: what the
    earlier build wrote for it is removed, with one line; the other pages stay."""
    root = tmp_path / "site"
    write_site(root, {**GOOD, path: "---\ntitle: Story\n---\nMARKDIRTY\n", "about.md": "ABOUT\n"})
    assert run(root, "mkdocs", "build").returncode == 0
    assert "MARKDIRTY" in output_text(Site(root))
    (root / "content" / path).write_text("---\ndraft: true\n---\nMARKDIRTY\n", "utf-8")
    dirty = run(root, "mkdocs", "build", "--dirty")
    assert dirty.returncode == 0, dirty.stderr
    written = "story/index.html" if path == "story.md" else "story.txt"
    assert (
        "newsroom: --dirty: removed 1 file(s) an earlier build wrote for a file left out now "
        f"(its front matter holds it back, or it is a link): {written}"
    ) in dirty.stderr
    assert "MARKDIRTY" not in output_text(Site(root))
    assert "ABOUT" in (root / "site/about/index.html").read_text("utf-8")
    again = run(root, "mkdocs", "build", "--dirty")
    assert "--dirty: removed" not in again.stderr


def test_a_dirty_build_removes_pages_mkdocs_leaves_out_since_and_second_names_of_held_media(
    tmp_path: Path,
) -> None:
    """`mkdocs build --dirty` after pages came under `exclude_docs` and `draft_docs`, and
    after the story that showed a picture became a draft: what the earlier build wrote for
    the pages, the picture and its second names (a hard link, a link) is removed."""
    root = tmp_path / "site"
    story = article("Pictured", body="![x](/images/emb.png)")
    files: dict[str, str | bytes] = {
        **GOOD,
        "articles/pictured.md": story,
        "images/emb.png": b"PICTUREBYTES",
        "priv/p.md": "# P\n\nMARKPRIV\n",
        "dd/d.md": "# D\n\nMARKDD\n",
    }
    write_site(root, files)
    docs = root / "content"
    os.link(docs / "images" / "emb.png", docs / "images" / "copy.png")
    (docs / "images" / "sym.png").symlink_to(docs / "images" / "emb.png")
    assert run(root, "mkdocs", "build").returncode == 0
    written = output_text(Site(root))
    assert all(mark in written for mark in ("MARKPRIV", "MARKDD", "PICTUREBYTES"))
    (docs / "articles" / "pictured.md").write_text(
        story.replace("---\n", "---\ndraft: true\n", 1), "utf-8"
    )
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8") + "exclude_docs: 'priv/'\ndraft_docs: 'dd/'\n", "utf-8"
    )
    dirty = run(root, "mkdocs", "build", "--dirty")
    assert dirty.returncode == 0, dirty.stderr
    written = output_text(Site(root))
    for mark in ("MARKPRIV", "MARKDD", "PICTUREBYTES"):
        assert mark not in written, mark


def test_a_held_page_listed_in_the_nav_says_so(tmp_path: Path) -> None:
    """mkdocs.yml's nav lists a page left out: its line says to remove it there too."""
    files: dict[str, str | bytes] = {
        "desk/story.md": "---\ndraft: true\n---\nMARKNAV\n",
        "about.md": "# About\n",
    }
    nav = [{"About": "about.md"}, {"Desk": [{"Story": "desk/story.md"}]}]
    said = _left_out("desk/story.md", "draft") + (
        "; mkdocs.yml's nav lists it: remove it there too, or its link leads nowhere"
    )
    site = built(tmp_path, files, config={"nav": nav})
    assert said in site.warnings
    assert "MARKNAV" not in output_text(site)
    checked = newsroom(tmp_path / "site", "check")
    assert _located(said) in checked.stdout.splitlines()
