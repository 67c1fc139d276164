"""Nothing inside a field is lost without a line: an image's part that is a list or a
mapping, an unknown key of an image or a correction, a tag that folds into another in the
same article; a correction whose text is a mapping or a list is refused, never published as
Python shows it. Each is one warning naming the file and line, `--strict` fails on it, and
`newsroom check` prints the same line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from mkdocs.exceptions import Abort

from .commands import newsroom
from .sites import article, build_site

SOURCE = "articles/story.md"
URL = "2024/05/01/a-headline/"


def _said(tmp_path: Path, files: dict[str, str]) -> list[str]:
    """The warnings of a build of `files`, after checking that --strict fails on them and
    that `newsroom check` prints the same lines."""
    site = build_site(tmp_path / "site", files)
    with pytest.raises(Abort):
        build_site(tmp_path / "strict", files, strict=True)
    checked = newsroom(tmp_path / "site", "check")
    assert checked.returncode == 1
    assert [f"newsroom: {line}" for line in checked.stdout.splitlines()] == site.warnings
    return site.warnings


@pytest.mark.parametrize(
    ("image", "said"),
    [
        (
            {"caption": ["cap1", "cap2"]},
            "'image' 'caption' must be a single line of text, not a list",
        ),
        (
            {"credit": {"name": "AP"}},
            "'image' 'credit' must be a single line of text, not a mapping",
        ),
        ({"title": "A title"}, "'image' has no 'title' (it has src, alt, caption, credit)"),
    ],
)
def test_a_part_of_an_image_that_cannot_be_used_is_said(
    tmp_path: Path, image: dict[str, Any], said: str
) -> None:
    given = {"src": "https://cdn.example.org/a.jpg", "alt": "A bus", **image}
    (warning,) = _said(tmp_path, {SOURCE: article(image=given)})
    assert warning.startswith(f"newsroom: {SOURCE}:4: {said}")
    assert "left out" in warning
    page = (tmp_path / "site/site" / URL / "index.html").read_text(encoding="utf-8")
    assert "https://cdn.example.org/a.jpg" in page and "cap1" not in page and "AP" not in page


def test_an_unknown_key_of_a_correction_is_said(tmp_path: Path) -> None:
    corrections = [{"date": "2024-05-02", "text": "A name was misspelt.", "by": "ed"}]
    (warning,) = _said(tmp_path, {SOURCE: article(corrections=corrections)})
    assert warning == (
        f"newsroom: {SOURCE}:7:3: 'corrections' entry 1 has no 'by' (it has date, text); it was "
        "left out: remove it"
    )
    page = (tmp_path / "site/site" / URL / "index.html").read_text(encoding="utf-8")
    assert "A name was misspelt." in page


@pytest.mark.parametrize(
    ("text", "kind", "place"),
    [({"secret": "INTERNALNOTE"}, "a mapping", "7:5"), (["INTERNALNOTE"], "a list", "7:3")],
)
def test_a_correction_whose_text_is_not_text_is_refused(
    tmp_path: Path, text: object, kind: str, place: str
) -> None:
    corrections = [{"date": "2024-05-02", "text": text}]
    (warning,) = _said(tmp_path, {SOURCE: article(corrections=corrections)})
    assert warning == (
        f"newsroom: {SOURCE}:{place}: 'corrections' entry 1: 'text' must be a single line of text, "
        f"not {kind}; it was left out"
    )
    published = "".join(p.read_text("utf-8") for p in (tmp_path / "site/site").rglob("*.*ml"))
    assert "INTERNALNOTE" not in published


def test_tags_that_fold_together_in_one_article_are_said(tmp_path: Path) -> None:
    warnings = _said(tmp_path, {SOURCE: article(tags=["C", "c++", "C-"])})
    assert warnings == [
        f"newsroom: {SOURCE}:4: tag '{other}' is the same tag as 'C' (both are tags/c/); it was "
        "left out. Use one spelling, or name the tags apart in letters or digits"
        for other in ("c++", "C-")
    ]
