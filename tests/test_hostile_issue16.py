"""Bad input a hostile review found said wrongly or not at all (issue #16): a boilerplate
pattern that takes every line, drafts sharing a translation key, a JSON surrogate pair, bidi
controls left open in a field, and smaller ones. Each is one line naming the file (and where),
the good article beside it still published, --strict fails, `newsroom check` says the same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from mkdocs.exceptions import Abort

from .commands import newsroom
from .sites import article, build_site
from .test_hostile import _located, built, fails_strict

if TYPE_CHECKING:
    from pathlib import Path

    from .sites import Site


def _checked_alike(
    tmp_path: Path, site: Site, files: dict[str, str | bytes], **options: object
) -> None:
    fails_strict(tmp_path, files, **options)
    checked = newsroom(tmp_path / "site", "check")
    assert checked.returncode == 1
    assert sorted(checked.stdout.splitlines()) == sorted(_located(w) for w in site.warnings)


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
    _checked_alike(tmp_path, site, files, plugin=footer)


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
    _checked_alike(tmp_path, site, files)


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
    _checked_alike(tmp_path, site, files)
