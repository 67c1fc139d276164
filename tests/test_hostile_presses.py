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
        "differs from this folder's in case alone; its files were read as articles all the "
        "same (none is published as an ordinary page); write articles_dir: articles in "
        "mkdocs.yml"
    ]
    assert SECRET not in output_text(site)
    assert site.file("about/").is_file()
    fails_strict(tmp_path, files, plugin=plugin)
    checked = newsroom(tmp_path / "site", "check")
    assert checked.stdout.splitlines() == [_located(w) for w in site.warnings]


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


def test_the_good_article_beside_is_unharmed(tmp_path: Path) -> None:
    site = built(tmp_path, {}, plugin=dict.fromkeys(("page_size", "feed_length"), 1_000))
    assert site.file(GOOD_URL).is_file()
