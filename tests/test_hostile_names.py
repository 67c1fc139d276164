"""Hostile names (#16): author ids that fold together or are given twice in authors.yml, and
file names that are not UTF-8. An article is never credited to another person than the one
it names, and one badly named file never takes anything else out of the site."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from .commands import copy_demo, newsroom
from .sites import Site, article, build_site, photo, seed_story

GOOD = {"articles/good.md": article("Good story", body="The good story's text.")}
GOOD_URL = "2024/05/01/good-story/"
LENAS = "Lena: {name: Lena Berg, role: Sports}\nlena: {name: Lena Olsen, role: Politics}\n"


def built(tmp_path: Path, files: dict[str, str | bytes], **options: object) -> Site:
    """The site built without --strict: it must finish, and publish the good article."""
    site = build_site(tmp_path / "site", {**GOOD, **files}, **options)  # type: ignore[arg-type]
    assert "The good story's text." in site.html(GOOD_URL)
    return site


def checked_lines(tmp_path: Path) -> list[str]:
    return newsroom(tmp_path / "site", "check").stdout.splitlines()


def test_an_article_naming_a_refused_author_id_is_never_credited_to_the_one_kept(
    tmp_path: Path,
) -> None:
    files = {
        "articles/by-lena.md": article("Small", authors=["lena", "jdoe"]),
        "articles/by-big-lena.md": article("Big", authors=["Lena"]),
        "articles/by-any-lena.md": article("Any", authors=["LENA"]),
    }
    site = built(tmp_path, files, authors=f"jdoe: {{name: Jane Doe}}\n{LENAS}")
    assert site.warnings == [
        "newsroom: authors.yml:3:1: author 'lena' would share the page authors/lena/ with author "
        "'Lena' (ids that differ only in case or punctuation); 'lena' was ignored, and left off "
        "the articles that name it: give one of them another id",
        "newsroom: articles/by-any-lena.md:4: author 'LENA' could be 'Lena' or 'lena' of "
        "authors.yml, so it was left off this article: write the id exactly as that file does",
        "newsroom: articles/by-lena.md:4: author 'lena' was ignored in authors.yml (its page "
        "would be that of author 'Lena'), so it was left off this article: give one of them "
        "another id there",
    ]
    small = site.html("2024/05/01/small/")
    assert "Lena Berg" not in small and "Jane Doe" in small
    assert "Lena Berg" not in site.html("2024/05/01/any/")  # by no one: it could be either
    assert "Lena Berg" in site.html("2024/05/01/big/")
    feeds = "".join(
        (site.site_dir / name).read_text(encoding="utf-8")
        for name in ("feed.xml", "atom.xml", "feed.json")
    )
    assert feeds.count("Lena Berg") == 3  # in each feed, for the one article naming Lena
    pages = [path.read_text(encoding="utf-8") for path in site.site_dir.rglob("*.html")]
    assert "Lena Olsen" not in "".join(pages) + feeds
    assert checked_lines(tmp_path) == [line.removeprefix("newsroom: ") for line in site.warnings]


def test_an_author_id_in_two_unicode_forms_is_one_id_refused_never_the_other_s(
    tmp_path: Path,
) -> None:
    composed, decomposed = (unicodedata.normalize(form, "café") for form in ("NFC", "NFD"))
    authors = f"{composed}: {{name: Café One}}\n{decomposed}: {{name: Café Two}}\n"
    files = {
        "articles/composed.md": article("Composed", authors=[composed]),
        "articles/decomposed.md": article("Decomposed", authors=[decomposed]),
    }
    site = built(tmp_path, files, authors=authors)
    assert site.warnings[1:] == [
        f"newsroom: articles/decomposed.md:4: author '{decomposed}' was ignored in authors.yml "
        f"(its page would be that of author '{composed}'), so it was left off this article: "
        "give one of them another id there",
    ]
    assert "Café One" in site.html("2024/05/01/composed/")
    assert "Café One" not in site.html("2024/05/01/decomposed/")
    assert checked_lines(tmp_path) == [line.removeprefix("newsroom: ") for line in site.warnings]


def test_an_author_given_twice_in_authors_yml_is_a_warning_at_its_line(tmp_path: Path) -> None:
    authors = "dup: {name: First}\njdoe: {name: Jane Doe}\ndup: {name: Second}\n"
    files = {"articles/dup.md": article("Dup", authors=["dup"])}
    site = built(tmp_path, files, authors=authors)
    assert site.warnings == [
        "newsroom: authors.yml:3: author 'dup' is given twice (first on line 1); the last one "
        "is used"
    ]
    assert "Second" in site.html("2024/05/01/dup/")
    assert checked_lines(tmp_path) == [line.removeprefix("newsroom: ") for line in site.warnings]
    with pytest.raises(Abort):
        build_site(tmp_path / "strict", files, authors=authors, strict=True)


NOT_UTF8 = (
    "its name is not UTF-8 (each byte that is not is shown as \\xNN), so it was left out of "
    "the site; rename it with a name in UTF-8"
)


def test_a_file_whose_name_is_not_utf8_is_left_out_and_nothing_else_is(tmp_path: Path) -> None:
    for root in (tmp_path / "site", tmp_path / "strict"):
        docs = os.fsencode(root / "content")
        (root / "content" / "articles").mkdir(parents=True)
        for name, data in (
            (b"articles/bad\xff\xfe.md", article("Bad name", body="BAD NAME TEXT").encode()),
            (b"articles/pic\xff.png", photo(40, 30, "PNG")),
            (b"articles/folder\xe9/inside.md", article("Inside", body="INSIDE TEXT").encode()),
            (b"about\xff.md", b"# About\n\nABOUT TEXT\n"),
        ):
            path = Path(os.fsdecode(docs + b"/" + name))  # the name's bytes, as the disk has them
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    site = built(tmp_path, {})
    assert site.warnings == [
        f"newsroom: {name}: {NOT_UTF8}"
        for name in (
            "about\\xff.md",
            "articles/bad\\xff\\xfe.md",
            "articles/pic\\xff.png",
            "articles/folder\\xe9/inside.md",
        )
    ]
    assert site.summary == "newsroom: published 1 article, skipped 0"
    for name in ("feed.xml", "atom.xml", "feed.json"):
        text = (site.site_dir / name).read_text(encoding="utf-8")
        assert "Good story" in text and "Bad name" not in text and "Inside" not in text
    outputs = [os.fsencode(path) for path in site.site_dir.rglob("*")]
    assert not [path for path in outputs if b"\xff" in path or b"\xe9" in path]
    assert "BAD NAME TEXT" not in "".join(
        path.read_text(encoding="utf-8", errors="replace")
        for path in site.site_dir.rglob("*")
        if path.is_file() and path.suffix in {".html", ".xml", ".json"}
    )
    with pytest.raises(Abort):
        build_site(tmp_path / "strict", GOOD, strict=True)
    assert checked_lines(tmp_path) == [line.removeprefix("newsroom: ") for line in site.warnings]


def test_a_story_in_a_file_not_named_in_utf8_is_not_taken_for_one_the_site_has(
    tmp_path: Path,
) -> None:
    """The build leaves such a file out: an import that took its text for one already
    published would lose the story without a word."""
    root = copy_demo(tmp_path / "portal")
    wire = tmp_path / "wire"
    wire.mkdir()
    (wire / "nato.txt").write_bytes(seed_story().read_bytes())
    published = root / "content/articles/2019/02/nato-peace-deal.txt"  # the same story
    published.rename(Path(os.fsdecode(os.fsencode(published.parent) + b"/nato\xff.txt")))
    options = ["--section", "world", "--author", "khaama-desk", "--no-title-line"]
    imported = newsroom(root, "import", str(wire), *options, "--date", "2026-11-25T12:00")
    assert imported.returncode == 0, imported.stderr
    assert "already imported" not in imported.stdout
    assert "imported 1 as drafts" in imported.stderr
