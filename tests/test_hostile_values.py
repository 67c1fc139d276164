"""Impossible values and vanishing files: a date no story can have, media the text shows that
the site does not have, a file whose name MkDocs takes for a hidden one, a tag that shows
nothing. Each is one line naming the file (and the value); the article is published without
the bad value (a `date` or `expires` that cannot be, which decide whether a story is shown,
skip it: when in doubt, do not publish); --strict fails; `newsroom check` says the same lines.

Each is a real build beside a good article.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .sites import GIF, article
from .test_hostile import built, checked_alike

if TYPE_CHECKING:
    from pathlib import Path


DATE = "2024-05-01T10:00:00+00:00"
RANGE = "is out of range; write a year between 1800 and 2200"
TO_COME = (
    "is after this build's moment, so it is not shown until then; correct its date if it is a slip"
)


def test_dates_no_story_can_have_are_said_and_not_shown(tmp_path: Path) -> None:
    corrections = [
        {"date": "1990-01-01", "text": "Before the story."},
        {"date": "2099-01-01", "text": "Not yet made."},
        {"date": "0002-01-01", "text": "Year two."},
        {"date": "2024-05-02", "text": "A name was misspelt."},
    ]
    files: dict[str, str | bytes] = {
        "articles/early.md": article("Early update", updated="2024-04-01T10:00:00+00:00"),
        "articles/late.md": article("Late update", updated="2099-01-01T10:00:00+00:00"),
        "articles/year-two-update.md": article("Year two update", updated="0002-05-01"),
        "articles/corrected.md": article("Corrected", corrections=corrections),
        "articles/year-two.md": article("Year two", date="0002-05-01T10:00:00+00:00"),
        "articles/expires.md": article("Expires", expires="0002-05-01"),
        "articles/far.md": article("Far", date="9999-05-01T10:00:00+00:00"),
    }
    site = built(tmp_path, files)
    assert sorted(site.warnings) == sorted(
        f"newsroom: articles/{line}"
        for line in (
            f"corrected.md:9:9: 'corrections' entry 3: 'date': '0002-01-01' {RANGE}; it was "
            "left out",
            "corrected.md:4: a correction dated 1990-01-01T00:00:00+00:00 is before 'date' "
            f"({DATE}), and a story cannot be corrected before it is published, so that "
            "correction was left out, the others are kept; correct its date",
            f"corrected.md: a correction dated 2099-01-01T00:00:00+00:00 {TO_COME}",
            f"early.md:4: 'updated' (2024-04-01T10:00:00+00:00) is before 'date' ({DATE}), and "
            "a story cannot be updated before it is published, so 'updated' was ignored; "
            "correct one of the two",
            f"late.md: 'updated' (2099-01-01T10:00:00+00:00) {TO_COME}",
            f"year-two-update.md:4: 'updated': '0002-05-01' {RANGE}; the field was ignored",
            f"year-two.md:3: 'date': '0002-05-01T10:00:00+00:00' {RANGE}; the article was skipped",
            f"expires.md:4: 'expires': '0002-05-01' {RANGE}; the article was skipped",
            f"far.md:3: 'date': '9999-05-01T10:00:00+00:00' {RANGE}; the article was skipped",
        )
    )
    page = site.html("2024/05/01/corrected/")
    assert "A name was misspelt." in page
    assert not any(text in page for text in ("Before the story", "Not yet made", "Year two."))
    for slug in ("early-update", "late-update", "year-two-update"):
        assert site.dom(f"2024/05/01/{slug}/").css_first(".nr-updated") is None
    feeds = "".join((site.site_dir / name).read_text("utf-8") for name in ("atom.xml", "feed.json"))
    sitemap = (site.site_dir / "sitemap.xml").read_text("utf-8")
    assert "2099" not in feeds + sitemap and "0002" not in feeds + sitemap
    assert not any(url.startswith(("2/", "0002/", "9999/")) for url in site.pages())
    assert (
        site.summary
        == "newsroom: published 5 articles, skipped 3: 3 with errors (see the warnings above)"
    )
    checked_alike(tmp_path, site, files)


def test_tags_that_show_nothing_are_refused(tmp_path: Path) -> None:
    md_tags = ["\u200b", " ", "\u00ad", "\u202e", "Kabul"]
    txt_tags = ["&#0;", "&#32;", "&#xFFFE;", "&#x200B;", "Herat"]
    files: dict[str, str | bytes] = {
        "articles/blank.md": article("Blank tags", tags=md_tags),
        "articles/wire.txt": article("Wire tags", tags=txt_tags),
    }
    site = built(tmp_path, files)
    kept = (
        "so it was left out, the others are kept; write the tag in letters or digits, or remove it"
    )
    unseen = "is made only of {}, which a reader cannot read"
    decoded = "tag '{}', once its character references are decoded,"
    said = [
        ("blank.md", "a tag", unseen.format("U+200B")),
        ("blank.md", "a tag", "is blank"),
        ("blank.md", "a tag", unseen.format("U+00AD")),
        ("blank.md", "a tag", unseen.format("U+202E")),
        ("wire.txt", decoded.format("&#0;"), unseen.format("U+FFFD")),
        ("wire.txt", decoded.format("&#32;"), unseen.format("U+0020")),
        ("wire.txt", decoded.format("&#xFFFE;"), "is blank"),
        ("wire.txt", decoded.format("&#x200B;"), unseen.format("U+200B")),
    ]
    assert site.warnings == [
        f"newsroom: articles/{source}:4: {tag} {why}, {kept}" for source, tag, why in said
    ]
    tag_pages = [url for url in site.pages() if url.startswith("tags/")]
    assert tag_pages == ["tags/", "tags/herat/", "tags/kabul/"]
    assert not any("tags//" in p.read_text("utf-8") for p in site.site_dir.rglob("*.html"))
    assert [a.text() for a in site.dom("2024/05/01/blank-tags/").css(".nr-tags a")] == ["Kabul"]
    checked_alike(tmp_path, site, files)


def test_a_null_in_a_list_of_tags_is_no_tag(tmp_path: Path) -> None:
    """`null` and `~` unquoted are YAML's nothing: said and left out, not a tag "null" or a
    tag "~" (whose slug would be a hash); quoted, 'null' is the word."""
    files: dict[str, str | bytes] = {
        "articles/nulls.md": "---\ntitle: Nulls\ndate: 2024-05-01\nslug: nulls\n"
        "tags: [null, ~, NULL, Kabul, 'null']\n---\nBody.\n",
    }
    site = built(tmp_path, files)
    blank = (
        "newsroom: articles/nulls.md:5: a tag is blank, so it was left out, the others are "
        "kept; write the tag in letters or digits, or remove it"
    )
    assert site.warnings == [blank] * 3
    assert [a.text() for a in site.dom("2024/05/01/nulls/").css(".nr-tags a")] == ["Kabul", "null"]
    assert sorted(url for url in site.pages() if url.startswith("tags/")) == [
        "tags/",
        "tags/kabul/",
        "tags/null/",
    ]


def test_a_blank_author_or_alias_is_said_and_left_out(tmp_path: Path) -> None:
    """As a blank tag is: `authors: [~]` was a story published without a byline, and
    `aliases: [null]` an alias gone, without a word."""
    files: dict[str, str | bytes] = {
        "articles/a.md": "---\ntitle: Blanks\ndate: 2024-05-01\nslug: blanks\n"
        "authors: [jdoe, null, '']\naliases: [~, /old/blanks/, ' ']\n---\nBody.\n",
        "articles/b.md": "---\ntitle: Nobody\ndate: 2024-05-02\nslug: nobody\n"
        "authors: [~]\n---\nBody.\n",
    }
    site = built(tmp_path, files)
    author = "an author is blank, so it was left out, the others are kept; write its id, or "
    author += "remove the empty entry"
    alias = "an alias is blank (an empty entry, or null): remove it; this alias was ignored, "
    alias += "the others are kept"
    assert site.warnings == [  # once a field
        f"newsroom: articles/a.md:5: {author}",
        f"newsroom: articles/a.md:6: {alias}",
        f"newsroom: articles/b.md:5: {author}",
    ]
    assert [a.text() for a in site.dom("2024/05/01/blanks/").css(".nr-byline a")] == ["Jane Doe"]
    assert (site.site_dir / "old/blanks/index.html").is_file()


def test_a_list_or_mapping_among_words_costs_only_itself(tmp_path: Path) -> None:
    """A stray mapping or list among a story's tags, authors or aliases (a scraper's `{}`, a
    YAML slip) is said where it stands and left out; the words beside it are kept."""
    files: dict[str, str | bytes] = {
        "articles/mixed.md": "---\ntitle: Mixed\ndate: 2024-05-01\nslug: mixed\n"
        "tags: [Kabul, {a: b}, [x, y], Herat]\nauthors: [jdoe, {id: asmith}]\n"
        "aliases: [{a: b}, /old/mixed/]\n---\nBody.\n",
    }
    site = built(tmp_path, files)
    kept = "it was left out, the others are kept: write each as a word"
    assert site.warnings == [
        f"newsroom: articles/mixed.md:5:15: 'tags' holds a mapping among its words; {kept}",
        f"newsroom: articles/mixed.md:5:23: 'tags' holds a list among its words; {kept}",
        f"newsroom: articles/mixed.md:6:17: 'authors' holds a mapping among its words; {kept}",
        f"newsroom: articles/mixed.md:7:11: 'aliases' holds a mapping among its words; {kept}",
    ]
    page = site.dom("2024/05/01/mixed/")
    assert [a.text() for a in page.css(".nr-tags a")] == ["Kabul", "Herat"]
    assert [a.text() for a in page.css(".nr-byline a")] == ["Jane Doe"]
    assert "2024/05/01/mixed/" in site.html("old/mixed/")


def test_files_named_only_dots_are_said_not_lost(tmp_path: Path) -> None:
    story = article("Dotted", body="A dotted story.")
    files: dict[str, str | bytes] = {
        "articles/..md": story,
        "articles/.md": story,
        "articles/...txt": story,
        "articles/.hidden.md": story,  # a hidden file, as editors leave: not said, not read
        "articles/.#story.md": story,
    }
    site = built(tmp_path, files)
    said = (
        "its name is only dots and an extension, so MkDocs takes it for a hidden file and it "
        "was left out of the site; rename it, for example to story.md"
    )
    assert sorted(site.warnings) == [
        f"newsroom: articles/{name}: {said}" for name in ("...txt", "..md", ".md")
    ]
    assert site.summary == "newsroom: published 1 article, skipped 0"
    assert "A dotted story." not in "".join(
        p.read_text("utf-8") for p in site.site_dir.rglob("*.html")
    )
    checked_alike(tmp_path, site, files)


def test_media_the_text_shows_that_the_site_lacks_are_said(tmp_path: Path) -> None:
    body = (
        "![beside](photo.gif)\n\n<img src=missing.png alt=raw>\n\n"
        '<img src="/articles/gone.png" alt="gone">\n\n![ok](/articles/photo.gif)\n\n'
        "![up](../../../../images/here.gif)\n\n![web](https://cdn.example.org/x.png)\n\n"
        "![as a lead image's](images/here.gif)\n\n"
        '<video src="/media/clip.mp4" poster="/images/here.gif"></video>\n'
    )
    files: dict[str, str | bytes] = {
        "articles/media.md": article("Media", body=body),
        "articles/photo.gif": GIF,
        "images/here.gif": GIF,
    }
    site = built(tmp_path, files)
    url = "2024/05/01/media/"
    root = "give its path from the site's root, such as /articles/photo.jpg"
    assert site.warnings == [
        f"newsroom: articles/media.md:6: its text shows 'photo.gif', which its page at {url} "
        f"reads as /{url}photo.gif, not a file of the site, so it is missing from the page; "
        "write /articles/photo.gif",
        f"newsroom: articles/media.md:8: its text shows 'missing.png', which its page at {url} "
        f"reads as /{url}missing.png, not a file of the site, so it is missing from the page; "
        f"{root}",
        "newsroom: articles/media.md:10: its text shows '/articles/gone.png', which is not a file "
        f"of the site, so it is missing from its page; {root}",
        f"newsroom: articles/media.md:18: its text shows 'images/here.gif', which its page at "
        f"{url} "
        f"reads as /{url}images/here.gif, not a file of the site, so it is missing from the "
        "page; write /images/here.gif",
        "newsroom: articles/media.md:20: its text shows '/media/clip.mp4', which is not a file of "
        f"the site, so it is missing from its page; {root}",
    ]
    assert site.file("articles/photo.gif").is_file()
    checked_alike(tmp_path, site, files)


def test_one_tag_in_two_unicode_forms_is_one_tag_without_a_word(tmp_path: Path) -> None:
    """'é' written as one letter or as 'e' and its accent is the same text to a reader: the
    build said "tag 'é' is the same tag as 'é'" (and failed --strict) over two spellings
    nobody can tell apart."""
    files: dict[str, str | bytes] = {
        "articles/a.md": article("One", tags=["Café", "Cafe\u0301"]),
        "articles/b.md": article("Two", "2024-05-02", tags=["Cafe\u0301"]),
    }
    site = built(tmp_path, files)
    assert site.warnings == []
    tag_pages = [url for url in site.pages() if url.startswith("tags/")]
    assert tag_pages == ["tags/", "tags/cafe/"]
    assert [a.text() for a in site.dom("tags/").css(".nr-tag-index a")] == ["Café"]


def test_a_headline_or_tag_that_starts_with_a_mark_is_kept_as_written(tmp_path: Path) -> None:
    """Scraped wire copy has headlines that start with a stray mark (VOA Pashto 016: U+0651):
    taking it off would change the copy, and a warning would fail --strict on real wire copy,
    so it is published as written, as the browser shows it."""
    files: dict[str, str | bytes] = {
        "articles/a.md": article("\u0651Vote", tags=["\u0301x"]),
    }
    site = built(tmp_path, files)
    assert site.warnings == []
    page = site.dom("2024/05/01/vote/")
    assert page.css_first("h1").text() == "\u0651Vote"
    assert [a.text() for a in page.css(".nr-tags a")] == ["\u0301x"]
