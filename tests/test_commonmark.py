"""`markdown_engine: commonmark`: `.md` bodies read by CommonMark (cmark-gfm) with GitHub's
extensions, thirty times as fast as Python-Markdown, and held to the same rules: raw HTML
cleaned by the same sanitizer, frames only of `embed_hosts`, media only of the site, headings
named as `toc` names them; the same pages as Python-Markdown's of plain news copy."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from .checkers import vnu_errors
from .sites import article, build_site
from .test_embeds import YOUTUBE

URL = "2024/05/01/a-story/"
COPY = (
    "The council met on **Tuesday** and _voted_ for the [plan](https://example.org/plan).\n\n"
    "## What was agreed\n\n- a new bridge\n- two schools\n\n> We will build it, she said.\n\n"
    "## What was agreed\n\n1. first\n2. second\n\nA line with `code` &amp; an ampersand.\n"
)


def body_of(root: Path, body: str, **plugin: object) -> str:
    site = build_site(root, {"articles/a.md": article("A story", body=body)}, plugin=plugin)
    node = site.dom(URL).css_first(".nr-body")
    assert node is not None
    return str(node.html)


def test_plain_news_copy_makes_the_same_page_in_either_engine(tmp_path: Path) -> None:
    python_markdown = body_of(tmp_path / "pm", COPY)
    commonmark = body_of(tmp_path / "cm", COPY, markdown_engine="commonmark")
    assert commonmark == python_markdown
    assert 'id="what-was-agreed"' in commonmark and 'id="what-was-agreed_1"' in commonmark


def test_githubs_extensions_are_read(tmp_path: Path) -> None:
    body = (
        "| Party | Seats |\n|---|---:|\n| Green | 12 |\n\n"
        "It was ~~cancelled~~ held.[^1] See www.example.org for more.\n\n"
        "[^1]: By the clerk.\n"
    )
    site = build_site(
        tmp_path,
        {"articles/a.md": article("A story", body=body)},
        plugin={"markdown_engine": "commonmark"},
    )
    page = site.dom(URL)
    assert [cell.text() for cell in page.css(".nr-body td")] == ["Green", "12"]
    assert page.css_first(".nr-body del").text() == "cancelled"
    assert page.css_first('.nr-body a[href="http://www.example.org"]') is not None
    assert "By the clerk." in page.css_first(".nr-body").text()
    assert site.warnings == []
    assert vnu_errors(site.file(URL)) == []


def test_raw_html_meets_the_same_sanitizer_and_frames_the_same_hosts(tmp_path: Path) -> None:
    body = (
        f"Before.\n\n{YOUTUBE}\n\n<iframe src='https://evil.example/x'></iframe>\n\n"
        '<script>alert(1)</script>\n\n<p onclick="steal()">Held.</p>\n\n'
        "![map](https://tracker.example/pixel.gif)\n"
    )
    html = body_of(tmp_path / "cm", body, markdown_engine="commonmark")
    assert "www.youtube.com/embed/abc123" in html
    for gone in ("evil.example", "<script", "alert(1)", "onclick"):
        assert gone not in html, gone
    assert "Held." in html
    python_markdown = body_of(tmp_path / "pm", body)
    assert html.replace(' alt="map"', "") == python_markdown.replace(' alt="map"', "")


def test_python_markdowns_extensions_are_not_read(tmp_path: Path) -> None:
    """What the site's markdown_extensions add (an admonition, an attribute list, an include
    of another file) is Python-Markdown's: CommonMark shows it as text."""
    body = '!!! note "Editor"\n    Checked.\n\nA claim.{: .wide }\n\n--8<-- "mkdocs.yml"\n'
    html = body_of(tmp_path, body, markdown_engine="commonmark")
    assert "admonition" not in html and 'class="wide"' not in html
    assert "!!! note" in html and '<p>--8&lt;-- "mkdocs.yml"</p>' in html
    assert "site_name" not in html


def test_an_engine_newsroom_does_not_have_is_refused(tmp_path: Path) -> None:
    with pytest.raises(Abort):
        build_site(
            tmp_path,
            {"articles/a.md": article("A story")},
            plugin={"markdown_engine": "mistune"},
        )
