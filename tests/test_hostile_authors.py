"""authors.yml entries that are no author: an id YAML reads as null, a boolean or a date,
an empty id, a bare string, a list or a number where the details belong. Each is left out
with one line naming authors.yml and its line; `--strict` fails on it, and `newsroom check`
prints the same."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from .commands import newsroom
from .sites import article, build_site

AUTHORS = """\
jdoe: {name: Jane Doe}
null: {name: Nobody}
true: {name: Truth}
"": {name: Empty}
strname: "Just a string"
listed: [1, 2]
numbered: 12
"""


def test_an_entry_that_is_no_author_is_left_out_with_its_line(tmp_path: Path) -> None:
    files = {"articles/a.md": article(authors=["jdoe"])}
    site = build_site(tmp_path, files, authors=AUTHORS)
    assert site.warnings == [
        "newsroom: authors.yml:2:1: the author id 'null' is read by YAML as NoneType, not a word: "
        'quote it ("null":) or give another id; it was left out',
        "newsroom: authors.yml:3:1: the author id 'true' is read by YAML as bool, not a word: "
        'quote it ("true":) or give another id; it was left out',
        "newsroom: authors.yml:4:1: an author has an empty id: give it one, such as 'jdoe:'; it "
        "was left out",
        "newsroom: authors.yml:5:1: author 'strname' is given as a bare string; write its "
        "details under it, such as 'strname: {name: Just a string}'; it was left out",
        "newsroom: authors.yml:6:1: author 'listed' is given as a list; write its details under "
        "it, such as 'listed: {name: Jane Doe}'; it was left out",
        "newsroom: authors.yml:7:1: author 'numbered' is given as a single value; write its "
        "details under it, such as 'numbered: {name: Jane Doe}'; it was left out",
    ]
    authors = site.site_dir / "authors"
    assert sorted(p.name for p in authors.iterdir() if p.is_dir()) == ["jdoe"]
    with pytest.raises(Abort):
        build_site(tmp_path / "strict", files, authors=AUTHORS, strict=True)
    checked = newsroom(tmp_path, "check")
    assert checked.returncode == 1
    assert [f"newsroom: {line}" for line in checked.stdout.splitlines()] == site.warnings


def test_a_quoted_null_is_an_author_like_any_other(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        {"articles/a.md": article(authors=["null"])},
        authors='"null": {name: Nobody}\n',
        strict=True,
    )
    assert site.warnings == []


def test_a_detail_that_is_not_text_is_said(tmp_path: Path) -> None:
    authors = "jdoe: {name: Jane Doe, bio: {secret: INTERNALNOTE}}\n"
    site = build_site(tmp_path, {"articles/a.md": article(authors=["jdoe"])}, authors=authors)
    assert site.warnings == [
        "newsroom: authors.yml:1:24: author 'jdoe': 'bio' must be a single line of text, not a "
        "list or mapping; it was ignored"
    ]
    published = "".join(p.read_text("utf-8") for p in site.site_dir.rglob("*.*ml"))
    assert "INTERNALNOTE" not in published


def test_one_author_named_in_several_spellings_is_credited_once(tmp_path: Path) -> None:
    """`[ana, ANA, Ana]` names one author (one page): the byline, the feeds, the structured
    data and their page list the story once."""
    files = {"articles/a.md": article(authors=["ana", "ANA", "Ana", "jdoe", "ana"])}
    site = build_site(tmp_path, files, authors="ana: {name: Ana Pérez}\njdoe: {name: Jane Doe}\n")
    assert site.warnings == []
    page = site.dom("2024/05/01/a-headline/")
    assert [a.text() for a in page.css(".nr-byline a")] == ["Ana Pérez", "Jane Doe"]
    feed = (site.site_dir / "feed.xml").read_text("utf-8")
    assert feed.count("Ana Pérez") == 1
    assert len(site.dom("authors/ana/").css(".nr-card")) == 1


def test_a_name_a_reader_cannot_see_is_said_and_the_id_shown(tmp_path: Path) -> None:
    files = {"articles/a.md": article(authors=["zw"])}
    site = build_site(tmp_path, files, authors='zw: {name: "\\u200b\\u2066"}\n')
    assert site.warnings == [
        "newsroom: authors.yml:1:6: author 'zw': 'name' is made only of U+200B, U+2066, which a "
        "reader cannot read: write it in letters (the id is shown until then)"
    ]
    page = site.dom("2024/05/01/a-headline/")
    assert [a.text() for a in page.css(".nr-byline a")] == ["zw"]


@pytest.mark.parametrize("marks", ["\\ufe0f", "\\u034f\\u034f", "\\u0301"])
def test_a_name_of_marks_alone_is_one_a_reader_cannot_see(tmp_path: Path, marks: str) -> None:
    """A variation selector, the grapheme joiner or an accent shows only on a letter before
    it: a name made of them alone passed as a name, an empty link in every byline."""
    files = {"articles/a.md": article(authors=["vs"])}
    site = build_site(tmp_path, files, authors=f'vs: {{name: "{marks}"}}\n')
    assert len(site.warnings) == 1
    assert "'name' is made only of U+" in site.warnings[0]
    page = site.dom("2024/05/01/a-headline/")
    assert [a.text() for a in page.css(".nr-byline a")] == ["vs"]
