"""Bad input a hostile review found said wrongly or not at all (issue #16): a boilerplate
pattern that takes every line, drafts sharing a translation key, a JSON surrogate pair, bidi
controls left open in a field, and smaller ones. Each is one line naming the file (and where),
the good article beside it still published, --strict fails, `newsroom check` says the same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from mkdocs.exceptions import Abort

from mkdocs_newsroom.directions import balanced

from .commands import newsroom
from .sites import article, build_site
from .test_hostile import built, checked_alike, front

if TYPE_CHECKING:
    from pathlib import Path


# --- F8: boilerplate that takes every line --------------------------------------------------


def test_a_text_that_is_all_boilerplate_is_said_once(tmp_path: Path) -> None:
    footer = {"boilerplate": ["^Agency footer"]}
    files: dict[str, str | bytes] = {
        "articles/footer.txt": article("Only footer", body="Agency footer, all rights\n"),
        "articles/kept.txt": article("Kept", body="The kept text.\n\nAgency footer 2024\n"),
        "articles/draft.txt": article("Draft", body="Agency footer\n", draft=True),
    }
    site = built(tmp_path, files, plugin=footer)
    assert site.warnings == [
        "newsroom: articles/footer.txt:6: every line of its text matches a 'boilerplate' "
        "pattern of mkdocs.yml, so the article has no text left; it was published without "
        "text: narrow the pattern, or set 'draft: true' until the story is written"
    ]
    assert "The kept text." in site.html("2024/05/01/kept/")
    assert "Agency footer" not in site.html("2024/05/01/kept/")
    assert site.file("2024/05/01/only-footer/").is_file()  # as one with no text: published
    checked_alike(tmp_path, site, files, plugin=footer)


def test_a_line_boilerplate_takes_from_inside_a_paragraph_is_said(tmp_path: Path) -> None:
    """A pattern that is not anchored takes the story's own words where a wrapped line
    happens to hold it: the build says so (info: a site may mean it), where the line was."""
    patterns = {"boilerplate": ["Reuters", "^Advertisement$"]}
    body = (
        "The minister spoke on Monday.\n"
        "Officials told a Reuters reporter\n"
        "that the budget would pass.\n"
        "\n"
        "Reporting by Reuters\n"
    )
    advert = "The market opened.\nAdvertisement\nPrices rose.\n"
    files: dict[str, str | bytes] = {
        "articles/cut.txt": article("Cut story", body=body),
        "articles/advert.txt": article("Advert story", body=advert),
    }
    site = built(tmp_path, files, plugin=patterns)
    assert site.warnings == []
    said = sorted(line for line in site.infos if line.startswith("newsroom: articles/"))
    assert said == [
        "newsroom: articles/advert.txt:7: 'boilerplate' pattern '^Advertisement$' of "
        "mkdocs.yml removed a line from between two lines of the text ('Advertisement'); if "
        "that is the story's own text, narrow the pattern",
        "newsroom: articles/cut.txt:7: 'boilerplate' pattern 'Reuters' of mkdocs.yml removed a "
        "line from between two lines of the text ('Officials told a Reuters reporter'); if that "
        "is the story's own text, anchor the pattern to whole lines ('^...$') so that it "
        "matches the footer alone",
    ]
    page = site.html("2024/05/01/cut-story/")
    assert "The minister spoke on Monday. that the budget would pass." in page  # as configured
    build_site(tmp_path / "strict", files, plugin=patterns, strict=True)  # said, not a fault


@pytest.mark.parametrize("pattern", ["^[ \\t]+$", "\\s", "^\\s+$|Reuters"])
def test_a_boilerplate_pattern_that_matches_a_line_of_spaces_is_refused(
    tmp_path: Path, pattern: str, caplog: pytest.LogCaptureFixture
) -> None:
    """Such a line parts two paragraphs as an empty one does: removed, it would join them."""
    with pytest.raises(Abort):
        build_site(tmp_path, {"articles/a.txt": article()}, plugin={"boilerplate": [pattern]})
    assert (
        f"newsroom: boilerplate pattern '{pattern}' of mkdocs.yml matches a line of spaces or "
        "tabs, so it would join the paragraphs such lines part in .txt articles; make it match "
        "the footer's own words, such as '^Reporting by'"
    ) in caplog.text


@pytest.mark.parametrize("pattern", ["", ".*", "x*", "^", "^\\s*$"])
def test_a_boilerplate_pattern_that_matches_an_empty_line_is_refused(
    tmp_path: Path, pattern: str, caplog: pytest.LogCaptureFixture
) -> None:
    with pytest.raises(Abort):
        build_site(tmp_path, {"articles/a.txt": article()}, plugin={"boilerplate": [pattern]})
    said = (
        f"boilerplate pattern '{pattern}' of mkdocs.yml matches an empty line, so it would "
        "remove every line (or every blank line) of every .txt article; make it match the "
        "footer's own words, such as '^Reporting by'"
    )
    assert f"newsroom: {said}" in caplog.text
    checked = newsroom(tmp_path, "check")
    assert checked.returncode == 1
    config = (tmp_path / "mkdocs.yml").read_text("utf-8").splitlines()
    line = next(n for n, text in enumerate(config, 1) if "boilerplate:" in text)
    assert f"mkdocs.yml:{line}:5: {said}" in checked.stdout + checked.stderr


# --- F9: held-back articles sharing a translation key ---------------------------------------

CLASH = (
    "its translation key 'k' is also that of articles/{holder}.md, in the same edition, so it "
    "is not listed among that story's translations; give it a key of its own or correct its "
    "'lang'"
)


def test_drafts_sharing_a_translation_key_are_versions_not_a_clash(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "articles/x.md": article("X story", draft=True, translation="k"),
        "articles/y.md": article("Y story", draft=True, translation="k"),
    }
    site = built(tmp_path, files)
    assert site.warnings == []
    build_site(tmp_path / "strict", files, strict=True)
    checked = newsroom(tmp_path / "site", "check")
    assert (checked.returncode, checked.stdout) == (0, "")


def test_a_held_back_article_with_a_published_ones_key_is_said_by_build_and_check(
    tmp_path: Path,
) -> None:
    files: dict[str, str | bytes] = {
        "articles/x.md": article("X story", translation="k"),
        "articles/y.md": article("Y story", draft=True, translation="k"),
        "articles/z.md": article("Z story", translation="k"),
        "articles/a.md": article("A story", translation="k", date="2099-01-01T10:00:00+00:00"),
    }
    site = built(tmp_path, files)
    assert sorted(site.warnings) == [
        f"newsroom: articles/a.md: {CLASH.format(holder='x')}",
        f"newsroom: articles/y.md: {CLASH.format(holder='x')}",
        f"newsroom: articles/z.md: {CLASH.format(holder='x')}",
    ]
    checked_alike(tmp_path, site, files)


def test_a_clash_of_two_languages_in_the_one_edition_says_to_declare_an_edition(
    tmp_path: Path,
) -> None:
    """A site of one edition takes every story into it: a Pashto translation of an English
    story clashes there, and the line says how to have them listed as translations."""
    files: dict[str, str | bytes] = {
        "articles/x.md": article("X story", translation="k", lang="en"),
        "articles/y.md": article("Y story", translation="k", lang="ps"),
    }
    site = built(tmp_path, files)
    assert site.warnings == [
        "newsroom: articles/y.md: its translation key 'k' is also that of articles/x.md, in the "
        "same edition, so it is not listed among that story's translations; its language 'ps' "
        "has no edition of its own: declare one under the newsroom plugin's 'editions' in "
        "mkdocs.yml (docs/editions.md) to list the two as translations of each other, or give "
        "it a key of its own"
    ]
    checked_alike(tmp_path, site, files)


# --- F13: a surrogate pair escape, as JSON writes it ----------------------------------------

SURROGATE_PAIR = (
    "'\\ud83d\\ude00' is a surrogate pair, as JSON writes a character beyond U+FFFF, and YAML "
    "does not join surrogate pairs; write '\\U0001F600' (in double quotes) or the character "
    "itself (\U0001f600)"
)
HALF = (
    "'{escape}' is half of a surrogate pair, which YAML cannot hold; write the character "
    "itself, or its '\\U' escape of eight hex digits (such as '\\U0001F600')"
)


def test_a_surrogate_pair_escape_says_what_to_write(tmp_path: Path) -> None:
    def titled(title: str) -> str:
        return f'---\ntitle: "{title}"\ndate: 2024-05-01T10:00:00+00:00\nslug: s\n---\nText.\n'

    files: dict[str, str | bytes] = {
        "articles/pair.md": titled("Pair \\ud83d\\ude00 ok"),
        "articles/high.md": titled("High \\uD83D alone"),
        "articles/low.md": titled("Low \\ude00"),
    }
    site = built(tmp_path, files)
    invalid = "the front matter is not valid YAML: "
    high, low = "\\uD83D", "\\ude00"
    assert sorted(site.warnings) == [
        f"newsroom: articles/high.md:2:14: {invalid}{HALF.format(escape=high)}; the "
        "article was skipped",
        f"newsroom: articles/low.md:2:13: {invalid}{HALF.format(escape=low)}; the "
        "article was skipped",
        f"newsroom: articles/pair.md:2:14: {invalid}{SURROGATE_PAIR}; the article was skipped",
    ]
    checked_alike(tmp_path, site, files)


# --- F14: bidi controls left open in a value ------------------------------------------------

LEFT_OPEN = (
    "held the direction control {code} without its closing one, which would reorder the text "
    "after it in pages, feeds and browser tabs; it was removed (and any others left open): "
    "close it with U+202C (U+2069 for an isolate), or remove it"
)


def test_bidi_controls_left_open_are_removed_and_balanced_ones_kept(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "articles/price.md": front(
            '"Price \\u202e0.01$ per share"',
            slug="price",
            location='"Kabul \\u2067east"',
            tags='["Markets \\u202b", "Fine"]',
            image='{src: "https://img.example.org/a.jpg", alt: "A", caption: "Cap \\u2066x"}',
            authors="jdoe",
        ),
        "articles/kept.md": front('"Name \\u2067\u0646\u0627\u0645\\u2069 and \\u202bx\\u202c"'),
    }
    authors = 'jdoe: {name: "Jane \\u202eDoe"}\nasmith: {name: Ali Smith}\n'
    site = built(tmp_path, files, authors=authors)
    assert sorted(site.warnings) == sorted(
        [
            f"newsroom: authors.yml:1:8: author 'jdoe': 'name' {LEFT_OPEN.format(code='U+202E')}",
            f"newsroom: articles/price.md:2: field 'title' {LEFT_OPEN.format(code='U+202E')}",
            f"newsroom: articles/price.md:5: field 'location' {LEFT_OPEN.format(code='U+2067')}",
            f"newsroom: articles/price.md:6: field 'tags' {LEFT_OPEN.format(code='U+202B')}",
            f"newsroom: articles/price.md:7: field 'image' {LEFT_OPEN.format(code='U+2066')}",
        ]
    )
    published = "".join(
        (site.site_dir / name).read_text("utf-8") for name in ("atom.xml", "feed.json")
    ) + site.html("2024/05/01/price/")
    opened = ("\u202e0.01", "Kabul \u2067", "Markets \u202b", "Cap \u2066", "Jane \u202e")
    assert not any(text in published for text in opened)
    assert all(text in published for text in ("Kabul east", "Cap x", "Jane Doe"))
    assert "<title>Price 0.01$ per share" in site.html("2024/05/01/price/")
    kept = site.html("2024/05/01/name-\u0646\u0627\u0645-and-x/")
    assert "Name \u2067\u0646\u0627\u0645\u2069 and \u202bx\u202c" in kept
    checked_alike(tmp_path, site, files, authors=authors)


# --- F15: smaller ones ----------------------------------------------------------------------


def test_a_flag_that_is_a_list_or_a_mapping_says_so(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "articles/listed.md": front("Listed", draft="[true]"),
        "articles/mapped.md": front("Mapped", draft="{}"),
        "articles/featured.md": front("Featured", featured="[yes]"),
    }
    site = built(tmp_path, files)
    assert sorted(site.warnings) == [
        "newsroom: articles/featured.md:4: 'featured' must be true or false, not a list; the "
        "field was ignored",
        "newsroom: articles/listed.md:4: 'draft' must be true or false, not a list; the "
        "article was skipped",
        "newsroom: articles/mapped.md:4: 'draft' must be true or false, not a mapping; the "
        "article was skipped",
    ]
    checked_alike(tmp_path, site, files)


def test_a_local_time_the_clocks_skip_is_said_with_the_time_used(tmp_path: Path) -> None:
    london = {"timezone": "Europe/London"}
    corrections = [{"date": "2024-03-31T01:45:00", "text": "A fix."}]
    files: dict[str, str | bytes] = {
        "articles/gap.md": article("Gap", date="2024-03-31T01:30:00", corrections=corrections),
        # the hour the clocks go through twice: the first of the two, summer time, unsaid
        "articles/twice.md": article("Twice", date="2024-10-27T01:30:00"),
    }
    site = built(tmp_path, files, plugin=london)
    skipped = "is a time that does not exist in Europe/London (the clocks skip it); it was read as"
    assert sorted(site.warnings) == [
        f"newsroom: articles/gap.md:3: 'date': '2024-03-31T01:30:00' {skipped} "
        "2024-03-31T01:30:00+00:00, 02:30 there (2024-03-31T02:30:00+01:00): write the time "
        "the clocks showed, or give its offset",
        f"newsroom: articles/gap.md:5:9: 'corrections' entry 1: 'date': '2024-03-31T01:45:00' "
        f"{skipped} 2024-03-31T01:45:00+00:00, 02:45 there (2024-03-31T02:45:00+01:00): write "
        "the time the clocks showed, or give its offset",
    ]
    assert '"datePublished":"2024-03-31T01:30:00+00:00"' in site.html("2024/03/31/gap/")
    assert '"datePublished":"2024-10-27T01:30:00+01:00"' in site.html("2024/10/27/twice/")
    checked_alike(tmp_path, site, files, plugin=london)


def test_names_windows_keeps_for_devices_are_said_and_never_written(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "articles/con.md": article("Console"),
        "articles/Aux.txt": article("Auxiliary"),
        "articles/lpt1/story.md": article("Printer"),
        "notes/nul.tar.gz": b"x",
        "articles/content.md": article("Content"),  # only the name itself is kept
    }
    site = built(tmp_path, files)
    windows = (
        "is a name Windows keeps for a device (a clone of the site there fails to check it "
        "out); rename it, for example to"
    )
    moves = " (its URL follows its slug, not its file name: renaming it moves nothing)"
    assert sorted(site.warnings) == [
        f"newsroom: articles/Aux.txt: its name 'Aux.txt' {windows} 'articles/Aux-story.txt'{moves}",
        f"newsroom: articles/con.md: its name 'con.md' {windows} 'articles/con-story.md'{moves}",
        f"newsroom: articles/lpt1/story.md: its name 'lpt1' {windows} "
        f"'articles/lpt1-story/story.md'{moves}",
        f"newsroom: notes/nul.tar.gz: its name 'nul.tar.gz' {windows} 'notes/nul-story.tar.gz'",
    ]
    assert site.file("2024/05/01/console/").is_file()  # said, and published as ever
    checked_alike(tmp_path, site, files)
    for headline in ("CON", "nul", "Com1"):
        made = newsroom(
            tmp_path / "site", "new", headline, "--section", "world", "--author", "jdoe",
            "--date", "2024-05-02",
        )  # fmt: skip
        assert made.returncode == 0, made.stderr
        slug = f"{headline.lower()}-story"
        assert made.stdout.strip() == f"content/articles/2024/05/{slug}.md"
        written = (tmp_path / "site" / made.stdout.strip()).read_text("utf-8")
        assert f"\nslug: {slug}\n" in written


def test_a_bidi_control_a_plain_texts_character_reference_makes_is_removed_too(
    tmp_path: Path,
) -> None:
    files: dict[str, str | bytes] = {
        "articles/price.txt": article("Price &#x202E;0.01$ per share", slug="price"),
    }
    site = built(tmp_path, files)
    assert site.warnings == [
        f"newsroom: articles/price.txt:2: field 'title' {LEFT_OPEN.format(code='U+202E')}"
    ]
    assert "<title>Price 0.01$ per share" in site.html("2024/05/01/price/")
    checked_alike(tmp_path, site, files)


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        ("plain", "plain"),
        ("a\u202eb", "ab"),  # an override left open
        ("a\u202eb\u202c c", "a\u202eb\u202c c"),  # closed
        ("a\u2067b\u2069", "a\u2067b\u2069"),  # an isolate closed
        ("a\u2067b\u202ec\u2069d", "a\u2067b\u202ec\u2069d"),  # a PDI closes what opened inside
        ("a\u202eb\u2069c", "abc"),  # a PDI with no isolate open closes nothing
        ("a\u2066b\u202cc", "abc"),  # a PDF never closes past an isolate
        ("a\u202c", "a"),  # a closer that closes nothing
        ("\u202e", "\u202e"),  # nothing else: the field's own rule says it shows nothing
    ],
)
def test_only_the_controls_a_value_leaves_open_are_removed(written: str, kept: str) -> None:
    assert balanced(written)[0] == kept
    assert bool(balanced(written)[1]) == (written != kept)
