"""`markdown_engine: commonmark`: `.md` bodies read by CommonMark (cmark-gfm) with GitHub's
extensions, a story in half the time Python-Markdown takes, and held to the same rules: raw HTML
cleaned by the same sanitizer, frames only of `embed_hosts`, media only of the site, headings
named as `toc` names them; the same pages as Python-Markdown's of plain news copy."""

from __future__ import annotations

import re
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
    "## What was agreed\n\n1. first\n2. second\n\nA line with `code` &amp; an ampersand.\n\n"
    '"We will," she said, [quoting](https://example.org/q \'the "plan"\') the plan.\n'
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
    assert '<p>"We will," she said' in commonmark and 'title="the &quot;plan&quot;"' in commonmark
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


@pytest.mark.parametrize("sanitized", [True, False], ids=["sanitized", "unsanitized"])
def test_a_note_referred_to_twice_keeps_no_github_marks(tmp_path: Path, sanitized: bool) -> None:
    """GitHub's data-footnote marks are taken out of every back link, the second reference's
    ("1-2") too, with or without the sanitizer (which takes them out anyway)."""
    body = body_of(
        tmp_path,
        "Said[^1] twice[^1].\n\n[^1]: By the clerk.\n",
        markdown_engine="commonmark",
        sanitize_markdown_html=sanitized,
    )
    assert body.count('class="footnote-backref"') == 2
    assert "data-footnote" not in body


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


@pytest.mark.parametrize(("reference", "line"), [("&#x1;", "'&#x1;'"), ("&#xFFFE;", "'&#xFFFE;'")])
def test_a_reference_to_a_character_no_page_may_hold_is_taken_out_as_ever(
    tmp_path: Path, reference: str, line: str
) -> None:
    """cmark decodes a character reference into the character: `&#x1;` put a control into the
    page and stopped every feed being written; `&#xFFFE;` made cmark fail and the story was
    skipped. Both are taken out, with the line Python-Markdown's bodies get."""
    body = f"Before.\n\nThe {reference} reference.\n"
    files: dict[str, str | bytes] = {"articles/a.md": article("A story", body=body)}
    said = {}
    for engine in ("python-markdown", "commonmark"):
        site = build_site(tmp_path / engine, files, plugin={"markdown_engine": engine})
        said[engine] = site.warnings
        page = site.file(URL).read_text("utf-8")
        assert "\x01" not in page and "\ufffe" not in page, engine
        feed = site.site_dir / "feed.xml"
        assert feed.is_file() and "The  reference." in site.html(URL), engine
    assert said["commonmark"] == said["python-markdown"]
    assert len(said["commonmark"]) == 1
    assert f":8:5: the character reference {reference} stands for" in said["commonmark"][0]


def test_a_reference_in_code_is_shown_as_written_in_either_engine(tmp_path: Path) -> None:
    """A reference in code is text to show: cmark keeps it as written, and it was once taken
    out of the story (and `&#x93;` shown as a quote) before cmark read it."""
    body = "Write `&#1;` or `&#x93;` for it.\n\n    &#xFFFE; &#0;\n\nAnd &#x93;so&#x94; on.\n"
    files: dict[str, str | bytes] = {"articles/a.md": article("A story", body=body)}
    pages = {}
    for engine in ("python-markdown", "commonmark"):
        site = build_site(tmp_path / engine, files, plugin={"markdown_engine": engine})
        assert site.warnings == [], engine
        node = site.dom(URL).css_first(".nr-body")
        assert node is not None
        pages[engine] = str(node.html)
        assert [code.text() for code in node.css("p code")] == ["&#1;", "&#x93;"], engine
        assert node.css_first("pre").text() == "&#xFFFE; &#0;\n", engine
        assert "And \u201cso\u201d on." in node.text(), engine
    assert pages["commonmark"] == pages["python-markdown"]


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ("The &#x81; reference.\n", "6:5: the character reference &#x81;"),
        ("The &#xFFFF; reference.\n", "6:5: the character reference &#xFFFF;"),
        # the one taken out is named, not one shown as written (in code, after a backslash)
        ("`&#1;` and \\&#1; then &#2; out.\n", "6:23: the character reference &#2;"),
        # in raw HTML, which cmark copies as written and a browser would decode
        ('<p title="a&#1;b">Lead &#xFFFF; x</p>\n', "6:12: the character reference &#1;"),
        ("<div>\n&#x7F; in a block\n</div>\n", "7:1: the character reference &#x7F;"),
    ],
)
def test_a_reference_to_a_character_no_page_may_hold_is_named_where_it_stands(
    tmp_path: Path, body: str, named: str
) -> None:
    """Wherever cmark leaves it (decoded in text, as written in raw HTML), a reference to a
    character no page may hold is taken out with one line naming it, and the feeds are
    written; one in code is shown as written."""
    site = build_site(
        tmp_path,
        {"articles/a.md": article("A story", body=body)},
        plugin={"markdown_engine": "commonmark"},
    )
    page = site.html(URL)
    assert not re.search("[\x01\x7f\x81\uffff]", page)
    assert (site.site_dir / "feed.xml").is_file() and (site.site_dir / "atom.xml").is_file()
    assert len(site.warnings) == 1, site.warnings
    assert f":{named} stands for" in site.warnings[0]


def test_a_reference_to_no_character_shows_what_a_browser_shows(tmp_path: Path) -> None:
    """cmark writes a reference to no character (`&#0;`, a surrogate, past U+10FFFF) as U+FFFD,
    as browsers do, and keeps `&#xFFFD;` and a typed U+FFFD: a reader sees the mark where the
    story has one."""
    body = "A &#0; B &#xD800; C &#x110000; D &#xFFFD; E \ufffd F\n"
    site = build_site(
        tmp_path,
        {"articles/a.md": article("A story", body=body)},
        plugin={"markdown_engine": "commonmark"},
    )
    assert site.warnings == []
    assert "A \ufffd B \ufffd C \ufffd D \ufffd E \ufffd F" in site.html(URL)


@pytest.mark.parametrize(
    "toc",
    [
        {"permalink": True},
        {"permalink": "#", "permalink_leading": True, "permalink_title": ""},
        {"permalink": "\u00a7", "permalink_class": "pl x", "permalink_title": 'Link "here"'},
        {"anchorlink": True, "anchorlink_class": "self"},
        {"anchorlink": True, "permalink": True, "permalink_leading": True},
        {"permalink": "&#182;", "permalink_title": "A &amp; B &copy; <i>"},
        {"permalink": "&para;", "baselevel": 0},
    ],
)
def test_headings_get_the_links_toc_gives_them(tmp_path: Path, toc: dict[str, object]) -> None:
    """`toc`'s permalinks and anchor links, as Python-Markdown writes them (Material's sites
    set `permalink: true`), around a heading's own inline markup."""
    body = "## The *first* vote\n\nText.\n\n## Then\n\nMore.\n"
    config = {"markdown_extensions": [{"toc": toc}]}
    pages = {}
    for engine in ("python-markdown", "commonmark"):
        site = build_site(
            tmp_path / engine,
            {"articles/a.md": article("A story", body=body)},
            plugin={"markdown_engine": engine},
            config=config,
        )
        node = site.dom(URL).css_first(".nr-body")
        assert node is not None
        pages[engine] = str(node.html)
        assert site.warnings == [], engine
    assert 'href="#the-first-vote"' in pages["python-markdown"]
    assert pages["commonmark"] == pages["python-markdown"]


def test_only_commonmarks_own_headings_are_named(tmp_path: Path) -> None:
    """A heading in an author's raw HTML (in an attribute, in a comment) was given an id, and
    the picture around it broken; an id a heading would take that is already on the page (a
    footnote's) is not taken twice."""
    body = (
        '<img alt="<h2>Title</h2>" src="/images/x.jpg">\n\n<!-- <h2>Old</h2> -->\n\n'
        "## Old\n\nA claim.[^1]\n\n## fn 1\n\n[^1]: A source.\n"
    )
    html = body_of(tmp_path, body, markdown_engine="commonmark")
    assert '<h2 id="old">Old</h2>' in html
    assert '<h2 id="fn-1_1">fn 1</h2>' in html and 'id="fn-1"' in html
    assert html.count("<h2 id=") == 2 and 'alt="&lt;h2&gt;Title&lt;/h2&gt;"' in html


def test_toc_settings_are_read_under_either_name(tmp_path: Path) -> None:
    """`markdown.extensions.toc` with its settings named the headings by toc's defaults, and
    `baselevel` was not read."""
    files: dict[str, str | bytes] = {"articles/a.md": article("A story", body="## Big news\n")}
    extensions = [{"markdown.extensions.toc": {"separator": "_", "baselevel": 2}}]
    config = {"markdown_extensions": extensions}
    headings = {}
    for engine in ("python-markdown", "commonmark"):
        plugin = {"markdown_engine": engine}
        site = build_site(tmp_path / engine, files, plugin=plugin, config=config)
        heading = site.dom(URL).css_first(".nr-body h3")
        assert heading is not None, engine
        headings[engine] = heading.attributes.get("id")
    assert headings == {"python-markdown": "big_news", "commonmark": "big_news"}


def test_quotes_hundreds_deep_are_refused_at_once(tmp_path: Path) -> None:
    """CommonMark nests them as written, and the sanitizer took time as the square of their
    depth (55 s for 100,000)."""
    files: dict[str, str | bytes] = {
        "articles/a.md": article("A story", body=">" * 5_000 + " deep\n"),
        "articles/b.md": article("Other", "2024-05-02", body="> quoted\n>> twice\n"),
    }
    site = build_site(tmp_path, files, plugin={"markdown_engine": "commonmark"})
    assert site.warnings == [
        "newsroom: articles/a.md: its Markdown is nested too deeply (lists or quotes hundreds "
        "of levels inside one another); flatten it; the article was skipped"
    ]
    assert site.dom("2024/05/02/other/").css(".nr-body blockquote blockquote")


LEAK_CHECK = """
import resource, sys
from mkdocs_newsroom.reading.commonmark import CommonMark
story = ("## A heading\\n\\nA paragraph with a [link](https://example.org) and *more*.\\n\\n"
         "| a | b |\\n|---|---|\\n| 1 | 2 |\\n\\nA note.[^1]\\n\\n[^1]: Its text.\\n\\n") * 20
engine = CommonMark({})
for _ in range(200):
    engine.convert(story)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
for _ in range(3000):
    engine.convert(story)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)
"""


def test_rendering_keeps_no_memory_of_the_stories_it_rendered() -> None:
    """cmarkgfm frees neither the document it parses nor the HTML it writes: a 10,000-story
    build held 100 MB more for them; 3,000 renderings of a 4 KB story, 400 MB."""
    import subprocess
    import sys

    from .commands import ENV

    done = subprocess.run(
        [sys.executable, "-c", LEAK_CHECK], capture_output=True, text=True, env=ENV, check=False
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) < 5_000  # KB


LOSSES = """The minister spoke[^said] on Monday.

[^said]: At the council.
[^orphan]: A note the text no longer refers to.

| choice | meaning |
|---|---|
| `yes\\|no` | escaped: one cell |
| `yes|no` | pick one |

```
| code | only |
|---|---|
| 1 | 2 | 3 |
```
"""


def test_what_commonmark_leaves_out_of_a_page_is_told(tmp_path: Path) -> None:
    """GitHub's rules leave out a footnote nothing refers to, and a table row's cells past
    its header's (a `|` splits a cell even in code): Python-Markdown shows both, so with
    CommonMark the reporter is told, one line each at its line; what the page shows, or
    what is only code, is not said."""
    files: dict[str, str | bytes] = {"articles/a.md": article("A story", body=LOSSES)}
    site = build_site(tmp_path / "cm", files, plugin={"markdown_engine": "commonmark"})
    assert [warning.split(": ", 2)[1] for warning in site.warnings] == [
        "articles/a.md:9",  # the footnote, the first thing left out
    ]
    assert "nothing in the text refers to this footnote" in site.warnings[0]
    page = site.dom(URL).css_first(".nr-body")
    assert "no longer refers" not in page.text() and "pick one" not in page.text()
    assert "escaped: one cell" in page.text()
    without = LOSSES.replace("[^orphan]: A note the text no longer refers to.\n", "")
    files = {"articles/a.md": article("A story", body=without)}
    site = build_site(tmp_path / "cells", files, plugin={"markdown_engine": "commonmark"})
    [told] = site.warnings
    assert told.startswith("newsroom: articles/a.md:13: this row of the table has more cells")
    plain = build_site(tmp_path / "pm", {"articles/a.md": article("A story", body=LOSSES)})
    assert plain.warnings == []  # Python-Markdown leaves nothing out
