"""Each bad input says what is wrong with it, where, and what to write, in one line (#16).

A date whose shape is ISO 8601's but whose month, day, hour, minute or second does not exist
is told which part, not "not ISO 8601" (hour 24 is ISO 8601's end of the day: write 00:00 of
the next day). A bad entry of 'corrections' is named by its number, at its own line and
column, and the other entries are kept. A refused slug is one line, not two. An alias in a
reserved folder names the folder. Author problems are at their line and column, in
authors.yml and in the article. A file name Windows cannot hold is said. YAML problems are
at their line and column in the file. Each is one line of a real build that goes on;
`--strict` fails on it, and `newsroom check` prints the same line. And `mkdocs build
--dirty` leaves nothing of a story taken down.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .commands import newsroom, run
from .sites import Site, article, photo, write_site
from .test_hostile import GOOD, GOOD_URL, SKIPPED, built, fails_strict, output_text

if TYPE_CHECKING:
    from pathlib import Path


def dated(key: str, *lines: str) -> str:
    """An article whose headline and body carry `key` (upper case) and whose front matter
    goes on from line 4 with `lines`."""
    marker = key.upper().replace("-", "")
    return (
        f"---\ntitle: Story {marker}TITLE\nslug: {key}\n"
        + "".join(f"{line}\n" for line in lines)
        + f"---\n{marker}BODY text.\n"
    )


def made_a_draft(story: Path) -> None:
    """`story` (written by `dated` or `article`, with a `slug:` line) made a draft."""
    story.write_text(story.read_text("utf-8").replace("slug:", "draft: true\nslug:"), "utf-8")


def said_alike(tmp_path: Path, files: dict[str, str | bytes], said: list[str]) -> str:
    """Build `files` beside a good article: the warnings are `said` (without 'newsroom: '),
    --strict fails, `newsroom check` says the same; every file the build wrote, as text."""
    site = built(tmp_path, files)
    assert sorted(site.warnings) == sorted(f"newsroom: {line}" for line in said)
    fails_strict(tmp_path, files)
    checked = newsroom(tmp_path / "site", "check")
    assert checked.returncode == 1
    assert sorted(checked.stdout.splitlines()) == sorted(said)
    return output_text(site)


# file: (its date, what is said of it after "'date': '<date>' ")
IMPOSSIBLE = {
    "hour-24": (
        "2024-03-01T24:00:00",
        "has hour 24, which is not accepted (ISO 8601's 24:00, the end of the day): write "
        "00:00 of the next day, 2024-03-02T00:00:00",
    ),
    "hour-24-zoned": (
        "2024-12-31T24:00+04:30",
        "has hour 24, which is not accepted (ISO 8601's 24:00, the end of the day): write "
        "00:00 of the next day, 2025-01-01T00:00:00+04:30",
    ),
    "hour-25": ("2024-03-01T25:00", "has no hour 25: write an hour from 00 to 23"),
    "month-13": ("2024-13-01T10:00:00", "has no month 13: write a month from 01 to 12"),
    "month-00": ("2024-00-10", "has no month 00: write a month from 01 to 12"),
    "feb-30": ("2024-02-30", "has no day 30: February 2024 has 29 days"),
    "feb-29": ("2023-02-29T10:00:00", "has no day 29: February 2023 has 28 days"),
    "minute-60": ("2024-02-01T10:60:00", "has no minute 60: write a minute from 00 to 59"),
    "second-60": (
        "2024-02-01T10:00:60",
        "has no second 60 (a leap second is not accepted): write a second from 00 to 59",
    ),
    "offset": (
        "2024-02-01T10:00+25:00",
        "has a time-zone offset no clock shows: write one from -14:00 to +14:00",
    ),
    # Python reads it; xsd:dateTime (sitemaps, Atom) takes -14:00 to +14:00
    "offset-past-14": (
        "2024-02-01T10:00+14:30",
        "has a time-zone offset no clock shows: write one from -14:00 to +14:00",
    ),
    "offset-seconds": (
        "2024-02-01T10:00:00+05:45:30",
        "has a time-zone offset with seconds, which feeds and sitemaps cannot carry: write it "
        "in hours and minutes (+05:46)",
    ),
    "words": (
        "yesterday",
        "is not an ISO 8601 date; write for example 2024-05-01 or 2024-05-01T09:30:00+04:30",
    ),
}


def test_a_date_that_does_not_exist_is_told_which_part(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        f"articles/{key}.md": dated(key, f"date: {when}") for key, (when, _) in IMPOSSIBLE.items()
    }
    said = [
        f"articles/{key}.md:4: 'date': '{when}' {what}{SKIPPED}"
        for key, (when, what) in IMPOSSIBLE.items()
    ]
    written = said_alike(tmp_path, files, said)
    for key in IMPOSSIBLE:
        assert f"{key.upper().replace('-', '')}BODY" not in written, key


def test_an_impossible_updated_or_expires_is_told_alike(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "articles/upd.md": dated("upd", "date: 2024-05-01T10:00:00", "updated: 2024-05-01T24:00"),
        "articles/exp.md": dated("exp", "date: 2024-05-01T10:00:00", "expires: 2024-04-31"),
    }
    said_alike(
        tmp_path,
        files,
        [
            "articles/upd.md:5: 'updated': '2024-05-01T24:00' has hour 24, which is not accepted "
            "(ISO 8601's 24:00, the end of the day): write 00:00 of the next day, "
            "2024-05-02T00:00:00; the field was ignored",
            f"articles/exp.md:5: 'expires': '2024-04-31' has no day 31: April 2024 has 30 days"
            f"{SKIPPED}",
        ],
    )


CORRECTIONS = (
    "date: 2024-05-01T10:00:00",
    "corrections:",
    "  - date: 2024-05-02",
    "    text: KEPTFIRST correction.",
    "  - date: 2024-13-02",
    "    text: BADDATE correction.",
    "  - text: NODATE correction.",
    "  - date: 2024-05-03",
    "    text: {secret: INTERNALNOTE}",
    "  - date: 2024-05-04",
    "    text: KEPTLAST correction.",
    "    by: ed",
)


def test_a_bad_correction_is_named_by_its_entry_and_place(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {"articles/corr.md": dated("corr", *CORRECTIONS)}
    written = said_alike(
        tmp_path,
        files,
        [
            "articles/corr.md:8:11: 'corrections' entry 2: 'date': '2024-13-02' has no month "
            "13: write a month from 01 to 12; it was left out",
            "articles/corr.md:10:5: 'corrections' entry 3 needs a 'date' and a 'text'; it was "
            "left out",
            "articles/corr.md:12:11: 'corrections' entry 4: 'text' must be a single line of "
            "text, not a mapping; it was left out",
            "articles/corr.md:15:5: 'corrections' entry 5 has no 'by' (it has date, text); it "
            "was left out: remove it",
        ],
    )
    page = (tmp_path / "site/site/2024/05/01/corr/index.html").read_text(encoding="utf-8")
    assert "KEPTFIRST" in page and "KEPTLAST" in page
    for refused in ("BADDATE", "NODATE", "INTERNALNOTE"):
        assert refused not in written


def test_a_refused_slug_is_one_line_not_two(tmp_path: Path) -> None:
    """A `slug` that is no URL segment is said once: not again as a missing slug."""
    files: dict[str, str | bytes] = {
        "articles/cafe.md": "---\ntitle: Cafe story\ndate: 2024-05-01T10:00:00\nslug: café\n"
        "---\nCAFEBODY text.\n",
    }
    said_alike(
        tmp_path,
        files,
        [
            "articles/cafe.md:4: slug 'café' is not a single lower-case URL segment, so the "
            "headline's slug is used instead; write for example 'cafe'; the field was ignored"
        ],
    )
    page = tmp_path / "site/site/2024/05/01/cafe-story/index.html"
    assert "CAFEBODY" in page.read_text(encoding="utf-8")


def test_an_alias_in_a_reserved_folder_says_which_folder(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "articles/moved.md": dated(
            "moved", "date: 2024-05-01T10:00:00", "aliases: [/assets/old/, /search/x/, tags/y/]"
        ),
    }
    said = "articles/moved.md:5: alias"
    end = ", so no redirect was written there; remove it from 'aliases'"
    said_alike(
        tmp_path,
        files,
        [
            f"{said} '/assets/old/' is inside /assets/, the folder reserved for the stylesheets, "
            f"scripts and icons of the theme and the newsroom{end}",
            f"{said} '/search/x/' is inside /search/, the folder reserved for the search "
            f"index{end}",
            f"{said} '/tags/y/' is inside /tags/, the folder reserved for the tag listings{end}",
        ],
    )
    assert not (tmp_path / "site/site/assets/old").exists()


AUTHORS = """\
jdoe: {name: Jane Doe}
bob: {name: [Bob, Robert]}
ann:
  name: Ann
  bogus: 1
  url: javascript:alert(1)
"""


def test_author_problems_name_their_line_and_column(tmp_path: Path) -> None:
    """Each problem of authors.yml at the entry or the key it is about; an unknown author of
    an article at its id, in a list written inline or a line each, or alone."""
    files: dict[str, str | bytes] = {
        "articles/inline.md": dated("inline", "date: 2024-05-01", "authors: [jdoe, nobody]"),
        "articles/block.md": dated(
            "block", "date: 2024-05-01", "authors:", "  - jdoe", "  - ghost"
        ),
        "articles/one.md": dated("one", "date: 2024-05-01", "author: nemo"),
    }
    known = "or use one of: ann, bob, jdoe; the article was skipped"
    site = built(tmp_path, files, authors=AUTHORS)
    said = [
        "authors.yml:2:7: author 'bob': 'name' must be a single line of text, not a list or "
        "mapping; it was ignored (the id is shown until then)",
        "authors.yml:5:3: author 'ann': unknown field 'bogus' was ignored",
        "authors.yml:6:3: author 'ann': 'url' must be a path inside the site or an http(s) "
        "URL, not 'javascript:alert(1)'; it was ignored",
        f"articles/inline.md:5:17: unknown author 'nobody': add 'nobody' to authors.yml, {known}",
        f"articles/block.md:7:5: unknown author 'ghost': add 'ghost' to authors.yml, {known}",
        f"articles/one.md:5:9: unknown author 'nemo': add 'nemo' to authors.yml, {known}",
    ]
    assert sorted(site.warnings) == sorted(f"newsroom: {line}" for line in said)
    fails_strict(tmp_path, files, authors=AUTHORS)
    checked = newsroom(tmp_path / "site", "check")
    assert checked.returncode == 1
    assert sorted(checked.stdout.splitlines()) == sorted(said)


def test_a_dirty_build_removes_the_pages_of_stories_taken_down(tmp_path: Path) -> None:
    """`mkdocs build --dirty` after a story became a draft and another was deleted: no file
    of the site holds their text, their tag's listing or their alias; the rest stays."""
    root = tmp_path / "site"
    files: dict[str, str | bytes] = {
        "articles/retracted.md": dated(
            "retracted", "date: 2024-05-01", "tags: [onlyretracted]", "aliases: [/old/gone/]"
        ),
        "articles/deleted.md": dated("deleted", "date: 2024-05-02"),
        "about.md": "# About us\n\nABOUTTEXT\n",
    }
    write_site(root, {**GOOD, **files})
    assert run(root, "mkdocs", "build").returncode == 0
    before = output_text(Site(root))
    assert all(marker in before for marker in ("RETRACTEDBODY", "DELETEDBODY", "onlyretracted"))
    made_a_draft(root / "content/articles/retracted.md")
    (root / "content/articles/deleted.md").unlink()
    dirty = run(root, "mkdocs", "build", "--dirty")
    assert dirty.returncode == 0, dirty.stderr
    assert (
        "newsroom: --dirty: removed 4 page(s) and 2 feed(s) or sitemap(s) an earlier build "
        "wrote that are no longer published (a story held back or deleted, a listing, alias or "
        "feed gone): 2024/05/01/retracted/index.html, 2024/05/02/deleted/index.html, "
        "old/gone/index.html and 3 more"
    ) in dirty.stderr
    after = output_text(Site(root))
    for gone in ("RETRACTEDTITLE", "RETRACTEDBODY", "DELETEDTITLE", "DELETEDBODY", "onlyretracted"):
        assert gone not in after, gone
    assert not (root / "site/tags/onlyretracted").exists()
    assert "ABOUTTEXT" in (root / "site/about/index.html").read_text("utf-8")
    assert (root / "site/404.html").is_file()
    assert "The good story's text." in (root / "site" / GOOD_URL / "index.html").read_text("utf-8")
    again = run(root, "mkdocs", "build", "--dirty")
    assert "--dirty: removed" not in again.stderr


def test_a_dirty_build_removes_the_media_only_a_story_taken_down_used(tmp_path: Path) -> None:
    """`mkdocs build --dirty` after a story with a lead photograph, a PDF and a picture beside
    it became a draft: the photograph, its copies and both files go from the site folder;
    the published story's photograph and copies, and a file of the site's own that looks like
    a copy, stay."""
    root = tmp_path / "site"
    body = "See [the report](/articles/report.pdf) and ![a chart](/articles/chart.png).\n"
    retracted = article(
        "Retracted",
        "2024-05-02T10:00:00Z",
        body,
        slug="retracted",
        image={"src": "images/held.jpg", "alt": "Held"},
    )
    files: dict[str, str | bytes] = {
        **GOOD,
        "articles/kept.md": article(
            "Kept",
            "2024-05-03T10:00:00Z",
            slug="kept",
            image={"src": "images/kept.jpg", "alt": "Kept"},
        ),
        "articles/retracted.md": retracted,
        "articles/report.pdf": b"%PDF-1.4 RETRACTEDPDF",
        "articles/chart.png": photo(40, 30, "PNG", seed=3),
        "images/held.jpg": photo(1300, 800, seed=1),
        "images/kept.jpg": photo(1300, 800, seed=2),
        "pictures/own-0123456789-10x10.jpg": photo(10, 10, seed=4),  # the site's own file
    }
    write_site(root, files)
    assert run(root, "mkdocs", "build").returncode == 0
    site = root / "site"
    copies = sorted(path.name for path in (site / "pictures").iterdir())
    held = [name for name in copies if name.startswith("held-")]
    assert held and [name for name in copies if name.startswith("kept-")]
    published = ("images/held.jpg", "articles/report.pdf", "articles/chart.png")
    assert all((site / path).is_file() for path in published)
    made_a_draft(root / "content/articles/retracted.md")
    dirty = run(root, "mkdocs", "build", "--dirty")
    assert dirty.returncode == 0, dirty.stderr
    assert (
        "newsroom: --dirty: removed 3 file(s) an earlier build wrote that this one does not "
        "publish (no story it shows uses it): articles/chart.png, articles/report.pdf, "
        "images/held.jpg"
    ) in dirty.stderr
    assert f"--dirty: removed {len(held)} copies of photographs an earlier build" in dirty.stderr
    assert not any((site / path).exists() for path in published)
    left = sorted(path.name for path in (site / "pictures").iterdir())
    assert left == [name for name in copies if name not in held]
    assert "own-0123456789-10x10.jpg" in left and (site / "images/kept.jpg").is_file()
    again = run(root, "mkdocs", "build", "--dirty")
    assert "--dirty: removed" not in again.stderr


WINDOWS = (
    "its name holds ':', which Windows cannot hold in a file name (a clone of the site there "
    "fails to check it out); rename it, for example to "
)


def test_a_file_name_windows_cannot_hold_is_said_and_published(tmp_path: Path) -> None:
    """`articles/a:b.md`: its URL follows its slug, so it is published where it would be;
    the name is said once, since a clone of the site on Windows cannot check it out."""
    files: dict[str, str | bytes] = {
        "articles/a:b.md": dated("colon", "date: 2024-05-01"),
        "about:us.md": "# About us\n\nABOUTTEXT\n",
    }
    said_alike(
        tmp_path,
        files,
        [
            f"articles/a:b.md: {WINDOWS}'articles/a-b.md' (its URL follows its slug, not its file "
            "name: renaming it moves nothing)",
            f"about:us.md: {WINDOWS}'about-us.md'",
        ],
    )
    page = tmp_path / "site/site/2024/05/01/colon/index.html"
    assert "COLONBODY" in page.read_text(encoding="utf-8")


QUOTING = (
    "fix it between the '---' lines, for example by quoting a value that contains ': ' or "
    "starts with a quote, '[', '{', '&', '*', '!', '|', '>', '%' or '@'"
)


def test_yaml_problems_are_told_at_their_line_and_column_in_the_file(tmp_path: Path) -> None:
    """Lines count from the file's first line (the '---'), not the front matter's, and at
    its line breaks only (not at U+2028, where YAML breaks lines too); nesting
    past 100 levels (Python's reading of it would give out, with no place to name) is said
    where it goes too deep."""
    deep = "[" * 150 + "1" + "]" * 150
    files: dict[str, str | bytes] = {
        "articles/indent.md": dated("indent", "date: 2024-05-01", "tags:", "  - a", " b: c"),
        "articles/flow.md": dated("flow", "date: 2024-05-01", "summary: [a, b"),
        "articles/deep.md": dated("deep", "date: 2024-05-01", f"extra: {deep}"),
        "articles/key.md": dated("key", "date: 2024-05-01", "[a, b]: c"),
        # YAML breaks lines at U+2028 too, which the file's lines (and editors) do not
        "articles/separator.md": dated(
            "separator", 'summary: "Before\u2028after"', "date: 2024-05-01", "extra: a: b"
        ),
    }
    said_alike(
        tmp_path,
        files,
        [
            "articles/indent.md:7:2: the front matter is not valid YAML (did not find expected "
            f"key); {QUOTING}{SKIPPED}",
            "articles/flow.md:5:10: the front matter is not valid YAML: the list that opens here "
            "with '[' is not closed; end it with ']', or quote the value if the '[' is part of "
            f"it{SKIPPED}",
            "articles/deep.md:5:108: field 'extra' nests lists or mappings more than 100 levels "
            f"deep; write it flatter{SKIPPED}",
            "articles/key.md:5:1: a front-matter field name must be a word, not a list or "
            f"mapping; write 'name: value'{SKIPPED}",
            "articles/separator.md:6:9: the front matter is not valid YAML (mapping values are "
            f"not allowed in this context); {QUOTING}{SKIPPED}",
        ],
    )


TAB = "the front matter has a tab where YAML wants spaces: YAML indents with spaces only; "


def test_a_tab_in_yaml_is_named_where_it_is(tmp_path: Path) -> None:
    """A tab before a key (or among the spaces of an indent) is what YAML stops at: the line
    names the tab, not quoting, in an article and in authors.yml alike."""
    files: dict[str, str | bytes] = {
        "articles/image.md": dated("image", "date: 2024-05-01", "image:", "\tsrc: a.jpg"),
        "articles/key.md": "---\n\ttitle: Keyed\n---\nKEYBODY text.\n",
        "authors.yml": "jdoe:\n\tname: Jane Doe\n",
    }
    said = [
        f"articles/image.md:6:1: {TAB}replace the tab with spaces{SKIPPED}",
        f"articles/key.md:2:1: {TAB}replace the tab with spaces{SKIPPED}",
    ]
    site = built(tmp_path, files)
    assert sorted(site.warnings)[:2] == sorted(f"newsroom: {line}" for line in said)
    authors = [warning for warning in site.warnings if warning.startswith("newsroom: authors")]
    assert len(authors) == 1 and "authors.yml:2:1: " in authors[0]
    assert "a tab where YAML wants spaces" in authors[0]
    assert "IMAGEBODY" not in output_text(site)


def test_a_list_written_with_commas_is_read_as_one_and_said(tmp_path: Path) -> None:
    """`tags: Transport, Kabul` (as `newsroom new --tags` is typed) means two tags, and
    `authors: jdoe, asmith` two authors: read so, with a line saying how to write a list."""
    files: dict[str, str | bytes] = {
        "articles/commas.md": dated(
            "commas", "date: 2024-05-01", "tags: Transport, Kabul", "authors: jdoe, asmith"
        ),
        "articles/kept.md": dated(
            "kept", "date: 2024-05-01", "tags: ['Washington, D.C.']", "authors: jdoe,"
        ),
    }
    said = [
        "articles/commas.md:5: 'tags' is one value with commas, 'Transport, Kabul', read as 2: "
        "write them as a list, [Transport, Kabul]; to keep one with a comma, write "
        "['Transport, Kabul']",
        "articles/commas.md:6: 'authors' is one value with commas, 'jdoe, asmith', read as 2: "
        "write them as a list, [jdoe, asmith]",
    ]
    said_alike(tmp_path, files, said)
    site = Site(tmp_path / "site")
    page = site.html("2024/05/01/commas/")
    assert 'href="/tags/transport/"' in page and "tags/kabul/" in page
    assert "Jane Doe" in page and "Ali Smith" in page
    assert "tags/washington-d-c/" in site.html("2024/05/01/kept/")
    assert "Jane Doe" in site.html("2024/05/01/kept/")  # 'jdoe,' is jdoe, said nothing of
