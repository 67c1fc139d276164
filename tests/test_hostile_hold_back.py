"""A field that could hold a story back (draft, expires, a date to come) is never guessed at.

A YAML merge key ('<<'), a misspelt or case-variant hold-back field (`Draft`, `expire`,
Jekyll's `published`), or a hold-back field given twice with different values: the article
is held back, with one line naming the file, the line and what to fix. Nothing of it reaches
any output file; `--strict` fails; `newsroom check` says the same line (#16).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs_newsroom.reading.fields import FIELDS

from .commands import newsroom
from .test_hostile import GOOD_URL, SKIPPED, _located, built, fails_strict, output_text

if TYPE_CHECKING:
    from pathlib import Path

MERGE = (
    "a YAML merge key ('<<') is not read in front matter; write each field it brings in on a "
    "line of its own"
)


def held(key: str, *lines: str) -> str:
    """An article whose headline and text carry `key` (upper case), its front matter's lines
    from line 5 on as given."""
    marker = key.upper().replace("-", "")
    return (
        f"---\ntitle: Story {marker}TITLE\ndate: 2024-05-01T10:00:00+00:00\nslug: {key}\n"
        + "".join(f"{line}\n" for line in lines)
        + f"---\n{marker}BODY text.\n"
    )


def looks_like(name: str, known: str) -> str:
    return (
        f"unknown field '{name}' looks like '{known}', which can hold the article back; write "
        f"it '{known}', or remove the line{SKIPPED}"
    )


def twice(name: str, first: int) -> str:
    return (
        f"field '{name}' is given twice with different values (first on line {first}), and it "
        f"can hold the article back; keep one of the lines{SKIPPED}"
    )


# file: (its front matter from line 5, the one line said of it)
HELD = {
    "merge": (("<<: {draft: true}",), f"5: {MERGE}{SKIPPED}"),
    "merge-list": (("<<: [{draft: true}]",), f"5: {MERGE}{SKIPPED}"),
    "merge-alias": (("base: &b {draft: true}", "<<: *b"), f"6: {MERGE}{SKIPPED}"),
    "merge-tagged": (("!!merge <<: {draft: true}",), f"5: {MERGE}{SKIPPED}"),
    "merge-quoted": (("'<<': {draft: true}",), f"5: {MERGE}{SKIPPED}"),
    "capital": (("Draft: true",), f"5: {looks_like('Draft', 'draft')}"),
    "shouted": (("DRAFT: yes",), f"5: {looks_like('DRAFT', 'draft')}"),
    "false-capital": (("draft: false", "Draft: true"), f"6: {looks_like('Draft', 'draft')}"),
    "expire": (("expire: 2024-06-01",), f"5: {looks_like('expire', 'expires')}"),
    "jekyll": (("published: false",), f"5: {looks_like('published', 'draft')}"),
    "hugo": (("publishDate: 2099-01-01",), f"5: {looks_like('publishDate', 'date')}"),
    "wordpress": (("status: draft",), f"5: {looks_like('status', 'draft')}"),
    "embargo": (("embargo: 2099-01-01T09:00:00+00:00",), f"5: {looks_like('embargo', 'date')}"),
    "fullwidth": (("\uff24raft: true",), "5: " + looks_like("\uff24raft", "draft")),
    "invisible": (('"draft\\u200b": true',), "5: " + looks_like("draft\u200b", "draft")),
    "draft-twice": (("draft: true", "draft: false"), f"6: {twice('draft', 5)}"),
    "thrice": (("draft: false", "draft: false", "draft: true"), f"7: {twice('draft', 5)}"),
    "expires-twice": (
        ("expires: 2024-06-01", "expires: 2099-01-01"),
        f"6: {twice('expires', 5)}",
    ),
    "date-twice": (("date: 2099-01-01",), f"5: {twice('date', 3)}"),
}


def test_a_hold_back_field_in_doubt_holds_the_article_back(tmp_path: Path) -> None:
    files = {f"articles/{key}.md": held(key, *lines) for key, (lines, _) in HELD.items()}
    site = built(tmp_path, files)
    said = sorted(f"articles/{key}.md:{line}" for key, (_, line) in HELD.items())
    assert sorted(_located(warning) for warning in site.warnings) == said
    assert site.summary == (
        f"newsroom: published 1 article, skipped {len(HELD)}: {len(HELD)} with errors (see the "
        "warnings above)"
    )
    written = output_text(site)
    for key in HELD:
        marker = key.upper().replace("-", "")
        assert f"{marker}TITLE" not in written, key
        assert f"{marker}BODY" not in written, key
    assert [url for url in site.pages() if url.startswith("2024/")] == [GOOD_URL]
    fails_strict(tmp_path, files)
    checked = newsroom(tmp_path / "site", "check")
    assert checked.returncode == 1
    assert sorted(checked.stdout.splitlines()) == said


def test_a_hold_back_field_given_twice_alike_or_another_field_twice_is_published(
    tmp_path: Path,
) -> None:
    files = {
        "articles/same.md": held("same", "draft: false", "draft: false"),
        "articles/titles.md": held("titles", "title: Story TITLESTITLE again"),
        "articles/other.md": held("other", "colour: red"),
    }
    site = built(tmp_path, files)
    assert sorted(site.warnings) == [
        "newsroom: articles/other.md:5: unknown field 'colour' was ignored; known fields are: "
        + ", ".join(FIELDS),
        "newsroom: articles/same.md:6: field 'draft' is given twice (first on line 5); the last "
        "one is used",
        "newsroom: articles/titles.md:5: field 'title' is given twice (first on line 2); the "
        "last one is used",
    ]
    assert "SAMEBODY" in site.html("2024/05/01/same/")
    assert "TITLESTITLE again" in site.html("2024/05/01/titles/")
    assert "OTHERBODY" in site.html("2024/05/01/other/")


def test_a_merge_key_inside_a_field_is_read_as_yaml_reads_it(tmp_path: Path) -> None:
    files = {
        "articles/inner.md": held(
            "inner", "image:", "  <<: {src: articles/a.png}", "  alt: A merged picture"
        ),
        "articles/a.png": b"\x89PNG\r\n\x1a\n",
    }
    site = built(tmp_path, files)
    assert "INNERBODY" in site.html("2024/05/01/inner/")
