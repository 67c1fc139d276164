"""One bad setting or file never stops the presses and never leaks copy (issue #16): an
articles folder written in another way (`./articles`, `Articles`), front matter closed
early, an option past any sane value, a page where Newsroom writes an edition's front page.

Each is a real build: a leak is looked for in every file the build wrote, by a word only the
held-back article holds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from mkdocs.exceptions import Abort

from mkdocs_newsroom.settings.schema import NewsroomConfig

from .commands import newsroom
from .sites import article, build_site
from .test_hostile import GOOD_URL, _located, built, fails_strict, output_text

if TYPE_CHECKING:
    from pathlib import Path

SECRET = "ZQXEC4"  # the held-back article's word: in no file of the site
DRAFT = article("Held back story", body=f"The {SECRET} draft.", draft=True)


def _config_errors(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]


def _refused(tmp_path: Path, caplog: pytest.LogCaptureFixture, plugin: dict[str, Any]) -> list[str]:
    """The build's error lines: it must stop before writing a page, without a traceback."""
    with pytest.raises(Abort):
        build_site(tmp_path, {"articles/draft.md": DRAFT}, plugin=plugin)
    assert "Traceback" not in caplog.text
    assert not (tmp_path / "site").exists() or SECRET not in output_text_of(tmp_path)
    return _config_errors(caplog)


def output_text_of(root: Path) -> str:
    return "\n".join(
        path.read_bytes().decode("utf-8", "replace")
        for path in (root / "site").rglob("*")
        if path.is_file()
    )


# --- F1: the articles folder, however it is written ------------------------------------------


@pytest.mark.parametrize("written", ["./articles", "articles/", "articles/t/..", ".\\articles"])
def test_an_articles_folder_written_another_way_is_the_same_folder(
    tmp_path: Path, written: str
) -> None:
    site = built(tmp_path, {"articles/draft.md": DRAFT}, plugin={"articles_dir": written})
    assert site.warnings == []
    assert SECRET not in output_text(site)
    assert not site.file("articles/draft/").exists()


@pytest.mark.parametrize("written", ["", ".", "..", "../articles", "/srv/articles", "C:/x"])
def test_an_articles_folder_that_is_not_inside_the_content_is_refused(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, written: str
) -> None:
    errors = _refused(tmp_path, caplog, {"articles_dir": written})
    assert errors[0] == (
        f"newsroom: articles_dir '{written}' is not a path inside the content "
        "folder (docs_dir); write one relative to it, such as 'articles'"
    )


def test_an_articles_folder_named_in_another_case_holds_articles_all_the_same(
    tmp_path: Path,
) -> None:
    files = {"articles/draft.md": DRAFT, "about.md": "# About\n"}
    plugin = {"articles_dir": "Articles"}
    site = built(tmp_path, files, plugin=plugin)
    assert site.warnings == [
        "newsroom: articles: the articles folder is 'Articles' in mkdocs.yml, a name that "
        "differs from this folder's in case or Unicode form alone; its files were read as "
        "articles all the same (none is published as an ordinary page); write articles_dir: "
        "articles in mkdocs.yml"
    ]
    assert SECRET not in output_text(site)
    assert site.file("about/").is_file()
    fails_strict(tmp_path, files, plugin=plugin)
    checked = newsroom(tmp_path / "site", "check")
    assert checked.stdout.splitlines() == [_located(w) for w in site.warnings]


@pytest.mark.parametrize("written", ["Authors.yml", "./authors.yml"])
def test_the_authors_file_named_another_way_is_read_and_never_published(
    tmp_path: Path, written: str
) -> None:
    files = {"articles/signed.md": article("Signed", authors=["jdoe"])}
    plugin = {"authors_file": written}
    site = built(tmp_path, files, plugin=plugin)
    assert site.warnings == [
        "newsroom: authors.yml: the authors file is 'Authors.yml' in mkdocs.yml, a name that "
        "differs from this file's in case or Unicode form alone; it was read as the authors "
        "file all the same (it is never published); write authors_file: authors.yml in "
        "mkdocs.yml"
    ] * (written == "Authors.yml")
    assert "jdoe: {name" not in output_text(site)  # the file as written, anywhere
    assert "Jane Doe" in site.html("2024/05/01/signed/")
    assert not site.file("authors.yml").exists()


# --- F7: every number has a range -------------------------------------------------------------

NUMBERS = {
    "words_per_minute": "1 to 10,000",
    "summary_length": "20 to 100,000",
    "max_article_size": "1,000 to 1,000,000,000",
    "max_tags_per_article": "1 to 10,000",
    "max_tags": "1 to 1,000,000",
    "processes": "0 to 256",
    "page_size": "1 to 1,000",
    "headline_page_size": "0 to 10,000",
    "index_page_size": "1 to 10,000",
    "feed_length": "1 to 10,000",
    "front_page_size": "1 to 1,000",
    "top_stories": "0 to 1,000",
    "section_stories": "0 to 1,000",
}
HUGE = 1_000_000_000_000


@pytest.mark.parametrize("option", sorted(NUMBERS))
def test_a_number_past_its_range_is_one_configuration_error(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, option: str
) -> None:
    errors = _refused(tmp_path, caplog, {option: HUGE})
    assert errors[0] == (
        f"Config value 'plugins': Plugin 'newsroom' option '{option}': {HUGE} is more than it "
        f"can be; write a whole number from {NUMBERS[option]}"
    )


@pytest.mark.parametrize("hours", [HUGE, 99_999_999, -1, ".inf", ".nan", "true", "'6'"])
def test_breaking_hours_past_a_year_is_one_configuration_error(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, hours: object
) -> None:
    import yaml

    value = yaml.safe_load(str(hours))
    errors = _refused(tmp_path, caplog, {"breaking_hours": value})
    assert errors[0] == (
        f"Config value 'plugins': Plugin 'newsroom' option 'breaking_hours': {value!r} is "
        "not a number of hours from 0 to 8,784; write one such as 6"
    )


def test_a_year_of_breaking_news_is_built(tmp_path: Path) -> None:
    files = {"articles/b.md": article("Breaking", breaking=True)}
    site = built(tmp_path, files, plugin={"breaking_hours": 24 * 366})
    assert site.warnings == []


def test_picture_max_pixels_past_a_gigapixel_is_refused(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    errors = _refused(tmp_path, caplog, {"picture_max_pixels": HUGE})
    assert errors[0] == (
        "newsroom: picture_max_pixels must be a number of pixels from 1 to 1,000,000,000, not "
        f"{HUGE}"
    )


def test_numbers_at_the_top_of_their_range_are_built(tmp_path: Path) -> None:
    site = built(tmp_path, {}, plugin=dict.fromkeys(("page_size", "front_page_size"), 1_000))
    assert site.warnings == []


# --- F5: front matter closed early ------------------------------------------------------------

HEAD = "---\ntitle: Doc end\ndate: 2024-05-01T10:00:00Z\nslug: de\nsection: world\n"


def _below(closing: str, line: int, names: str, held: str = "") -> str:
    said = (
        f"newsroom: articles/de.md:{line}: the front matter closes on line 6 ('{closing}'), and "
        f"the lines below it look like more front matter ({names}), which would be published "
        "as text; move them above line 6, and delete any second closing line"
    )
    return said + (f"; '{held}' can hold the article back, so the article was skipped" * bool(held))


@pytest.mark.parametrize(
    ("closing", "below", "held"),
    [
        ("...", "draft: true\n---\n", "draft"),
        ("--- ", "draft: true\n---\n", "draft"),
        ("...\t", "draft: true\n...\n", "draft"),
        ("---", "tags: [a]\nstatus: draft\n---\n", "status"),
        ("---", "\nexpires: 2024-05-02\n---\n", "expires"),
        ("...", "draft: true\n", "draft"),  # under '...', no second closing line is needed
        ("...", "Embargo: 2030-01-01\n\n", "Embargo"),
    ],
)
def test_fields_below_an_early_closing_line_that_hold_back_hold_the_article_back(
    tmp_path: Path, closing: str, below: str, held: str
) -> None:
    files = {"articles/de.md": f"{HEAD}{closing}\n{below}The {SECRET} story.\n"}
    site = built(tmp_path, files)
    names = ", ".join(
        repr(line.split(":")[0]) for line in below.splitlines() if ":" in line and line[0] != "-"
    )
    line = 7 + below.startswith("\n")
    assert site.warnings == [_below(closing.rstrip(), line, names, held)]
    assert SECRET not in output_text(site)
    fails_strict(tmp_path, files)
    checked = newsroom(tmp_path / "site", "check")
    assert checked.stdout.splitlines() == [_located(w) for w in site.warnings]


def test_other_fields_below_an_early_closing_line_are_said_and_published(tmp_path: Path) -> None:
    files = {"articles/de.md": f"{HEAD}---\ntags: [a]\nsummary: S\n---\nThe story.\n"}
    site = built(tmp_path, files)
    assert site.warnings == [_below("---", 7, "'tags', 'summary'")]
    assert "The story." in site.html("2024/05/01/de/")


@pytest.mark.parametrize(
    "body",
    [
        "Update: the minister resigned\n---\nThe story.\n",  # a heading of the story's own
        "The story.\n\ndraft: true\n---\n",  # not at the top: the story's text
        "---\nThe story.\n",  # a rule
        "draft: true\n",  # under '---' without a second closing line: a paragraph
    ],
)
def test_a_body_that_only_resembles_front_matter_is_the_storys(tmp_path: Path, body: str) -> None:
    site = built(tmp_path, {"articles/de.md": f"{HEAD}---\n{body}"})
    assert site.warnings == []
    assert site.file("2024/05/01/de/").is_file()


@pytest.mark.parametrize("closing", ["---", "...", "--- ", "...\t", "---  \t"])
def test_a_closing_line_is_what_mkdocs_reader_takes(tmp_path: Path, closing: str) -> None:
    from mkdocs.utils.meta import get_data

    from mkdocs_newsroom.reading.frontmatter import split_front_matter

    text = f"{HEAD}{closing}\nThe story.\n"
    body, meta = get_data(text)
    assert meta["slug"] == "de"
    assert split_front_matter("de.md", text)[1] == body
    site = built(tmp_path, {"articles/de.md": text})
    assert site.warnings == []
    assert "The story." in site.html("2024/05/01/de/")


# --- F6: a page where Newsroom makes an edition's front page ----------------------------------

EDITIONS = {"editions": {"en": {"title": "English"}, "ps": {"title": "پښتو"}}}
PAGE = "# PS page\n\nThe PS page's QWZK7 text.\n"


def _front_claimed(path: str, edition: str) -> str:
    return (
        f"newsroom: {path}: it would be where the build writes its own front page "
        f"({edition or '/'}), so it was left out of the site; rename or move it (to make it the "
        f"front page, name it {edition}index.md)"
    )


@pytest.mark.parametrize(
    ("path", "edition"),
    [("ps.md", "ps/"), ("ps/README.md", "ps/"), ("ps/index.html", "ps/"), ("README.md", "")],
)
def test_a_page_where_an_editions_front_page_is_made_is_left_out_with_a_line(
    tmp_path: Path, path: str, edition: str
) -> None:
    files = {path: PAGE, "about.md": "# About\n"}
    site = built(tmp_path, files, plugin=EDITIONS)
    assert site.warnings == [_front_claimed(path, edition)]
    assert "QWZK7" not in output_text(site)
    assert "PS page" not in site.html(edition)
    assert site.dom(edition).css_first("main") is not None
    fails_strict(tmp_path, files, plugin=EDITIONS)
    checked = newsroom(tmp_path / "site", "check")
    assert checked.stdout.splitlines() == [_located(w) for w in site.warnings]


def test_without_newsrooms_front_pages_such_a_page_is_the_sites(tmp_path: Path) -> None:
    site = built(tmp_path, {"ps.md": PAGE}, plugin={**EDITIONS, "front_page": False})
    assert site.warnings == []
    assert "QWZK7" in site.html("ps/")


def test_an_articles_folder_named_in_another_unicode_form_holds_articles(tmp_path: Path) -> None:
    composed, decomposed = "artículos", "arti\u0301culos"  # é as one character, then two
    files = {f"{decomposed}/draft.md": DRAFT, f"{decomposed}/good.md": article("Good story")}
    site = build_site(tmp_path, files, plugin={"articles_dir": composed})
    assert len(site.warnings) == 1
    assert site.warnings[0].startswith(f"newsroom: {decomposed}: the articles folder is")
    assert SECRET not in output_text(site)
    assert site.file(GOOD_URL).is_file()


def test_every_option_left_empty_takes_its_default(tmp_path: Path) -> None:
    """`boilerplate:` with every line under it commented out is null in YAML: each option
    left so builds the site its default builds (MkDocs' own lists said "Required
    configuration not provided" of a key that is there)."""
    files = {"articles/b.md": article("Breaking", breaking=True, tags=["Buses"])}
    given = {"sections", "publisher_logo"}  # the test site's own
    empty = {name: None for name, _option in NewsroomConfig._schema if name not in given}
    assert {"boilerplate", "listing_feeds", "editions", "breaking_hours"} <= empty.keys()
    plain = built(tmp_path / "plain", files)
    left_empty = built(tmp_path / "empty", files, plugin=empty)
    assert left_empty.warnings == plain.warnings == []
    assert sorted(left_empty.pages()) == sorted(plain.pages())
    assert left_empty.file("tags/buses/feed.xml").is_file()  # listing_feeds' default
