"""The preview where it has no page: under `mkdocs serve` (and `properdocs serve`), an address
the site does not have answers with the theme's 404 page, what the last build said, escaped,
and a live reload, so that a reporter whose save cannot be read sees why in the browser, and
the story again once it is fixed. Nothing of it reaches the site folder."""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from typing import TYPE_CHECKING

import pytest
import yaml
from selectolax.lexbor import LexborHTMLParser

from .browser import chromium
from .commands import serving
from .sites import AUTHORS, article, write_tree
from .test_preview_session import Session, _write_config

if TYPE_CHECKING:
    from pathlib import Path

STORY = "2024/05/01/the-bridge/"
HOSTILE = "<script>alert(1)</script>"


def _page(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def _said(html: str) -> list[str]:
    """The lines the 404 page shows, as a reader reads them; none when it shows none."""
    box = LexborHTMLParser(html).css_first("article .nr-preview-said")
    assert box is not None, html[-2000:]
    assert box.css("script") == []  # every line is text
    return [item.text() for item in box.css("li code")]


def _site(root: Path, body: str = "The bridge opened.") -> Path:
    write_tree(
        root / "content",
        {
            "authors.yml": AUTHORS,
            "articles/bridge.md": article("The bridge", body=body),
            "articles/other.md": article("Other news", "2024-04-01T10:00:00Z"),
        },
    )
    return root / "content" / "articles" / "bridge.md"


def test_a_story_whose_save_cannot_be_read_is_told_where_it_was_and_comes_back(
    tmp_path: Path,
) -> None:
    story = _site(tmp_path)
    good = story.read_text("utf-8")
    _write_config(tmp_path, native=True)
    session = Session(tmp_path, dirty=False)
    try:
        assert _page(session.url + STORY)[0] == 200
        story.write_text(good.replace("title: The bridge", 'title: "The bridge'), "utf-8")
        session.settle()
        status, html = _page(session.url + STORY)
        assert status == 404
        assert "Page not found" in html  # the site's 404 page, with the lines
        said = _said(html)
        assert [line for line in said if "articles/bridge.md:2:8:" in line] != [], said
        assert "/livereload/" in html
        assert "nr-preview-said" not in (session.site / "404.html").read_text("utf-8")
        # a copy edit's lines are added, once, and the dev server's requests are not lines
        story.write_text(good.replace("opened.", f"opened. {HOSTILE}"), "utf-8")
        session.settle()
        assert _page(session.url + STORY)[0] == 200
        story.write_text(good.replace("opened.", f"opened again. {HOSTILE}"), "utf-8")
        session.settle()
        assert "rebuilt from copy edits alone" in "".join(session.lines[-3:])
        _page(session.url + "no/such/page/")
        said = _said(_page(session.url + "no/such/page/")[1])
        assert len([line for line in said if "<script>" in line]) == 1, said
        assert [line for line in said if "GET " in line] == [], said
        # a whole build says only what is so
        story.write_text(good, "utf-8")
        (tmp_path / "content" / "about.md").write_text("# About\n", "utf-8")
        session.settle()
        said = _said(_page(session.url + "no/such/page/")[1])
        assert [line for line in said if "bridge.md" in line] == [], said
    finally:
        session.close()


def test_the_404_page_reloads_in_the_browser_when_the_story_is_fixed(tmp_path: Path) -> None:
    story = _site(tmp_path)
    good = story.read_text("utf-8")
    story.write_text(good.replace("title: The bridge", "title: [The bridge"), "utf-8")
    _write_config(tmp_path, native=True)
    session = Session(tmp_path, dirty=False)
    try:
        with chromium() as browser:
            page = browser.new_page()
            page.goto(session.url + STORY)
            page.wait_for_selector(".nr-preview-said li")
            assert "articles/bridge.md:2:8:" in page.inner_text(".nr-preview-said")
            story.write_text(good, "utf-8")
            page.wait_for_selector("h1.nr-headline", timeout=60_000)
            assert page.inner_text("h1.nr-headline") == "The bridge"
    finally:
        session.close()


def test_properdocs_serve_says_it_too(tmp_path: Path) -> None:
    _site(tmp_path, body=f"The bridge {HOSTILE} opened.")
    _write_config(tmp_path, native=True)
    with serving(tmp_path, engine="properdocs", rebuilds=True) as base:
        status, html = _page(base + "no/such/page/")
    assert status == 404
    said = _said(html)
    assert [line for line in said if "articles/bridge.md" in line and "<script>" in line] != []


def _said_times(log: Path, words: str, times: int) -> str:
    """The server's log once it holds `words` `times` times (a rebuild done)."""
    deadline = time.monotonic() + 120
    while (said := log.read_text("utf-8")).count(words) < times:
        assert time.monotonic() < deadline, said
        time.sleep(0.2)
    return said


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_a_preview_whose_rebuild_stops_says_why_each_time_in_one_line(
    tmp_path: Path, engine: str
) -> None:
    """MkDocs says an error that stops the build once in a process's life, and prints the
    traceback of a mkdocs.yml it cannot read as YAML: the same mistake made twice in a
    preview is said twice, and a broken mkdocs.yml in one line."""
    _site(tmp_path)
    config = tmp_path / "mkdocs.yml"
    _write_config(tmp_path, native=False, timezone="Mars/Kabul")
    broken = config.read_text("utf-8")
    _write_config(tmp_path, native=False)
    good = config.read_text("utf-8")
    log = tmp_path / "serve.log"
    stopped, built = "Aborted with a", "Reloading browsers"
    with serving(tmp_path, engine=engine, rebuilds=True, log=log):
        for round_ in (1, 2):
            config.write_text(broken, "utf-8")
            said = _said_times(log, stopped, round_)
            assert said.count("timezone 'Mars/Kabul' is unknown") == round_, said
            config.write_text(good, "utf-8")
            _said_times(log, built, round_)
        config.write_text(good.replace("site_name:", "site_name: [", 1), "utf-8")
        said = _said_times(log, stopped, 3)
        config.write_text(good, "utf-8")
        _said_times(log, built, 3)
    assert "Traceback" not in said
    (line,) = [line for line in said.splitlines() if "error parsing the configuration" in line]
    runner = "MkDocs" if engine == "mkdocs" else "ProperDocs"
    assert line.startswith(f"ERROR   -  newsroom: {runner} encountered an error parsing"), line


def test_a_link_to_the_disk_made_in_a_preview_stops_its_rebuild_in_one_line(
    tmp_path: Path,
) -> None:
    """MkDocs follows links as it lists the content folder: through a link to `/` it would
    read the whole disk, round and round, and the preview hung. The rebuild stops in one
    line instead, and the preview builds again once the link is gone. (MkDocs' own polling
    watcher, `native_file_watcher: false`, walks through the link itself: not Newsroom's.)"""
    _site(tmp_path)
    _write_config(tmp_path, native=True)
    log = tmp_path / "serve.log"
    link = tmp_path / "content" / "everything"
    with serving(tmp_path, rebuilds=True, log=log):
        link.symlink_to("/")
        said = _said_times(log, "Aborted with a", 1)
        link.unlink()
        (tmp_path / "content" / "articles" / "bridge.md").touch()
        said = _said_times(log, "Reloading browsers", 1)
    (line,) = [line for line in said.splitlines() if "everything" in line]
    assert line == (
        "ERROR   -  newsroom: everything: it is a link to /, a folder that holds the content "
        "folder itself, so MkDocs would read all of it through the link, round and round; "
        "remove the link, or link only what the site needs"
    )


def test_a_broken_override_of_the_box_leaves_the_404_page_and_is_said_once(
    tmp_path: Path,
) -> None:
    box = tmp_path / "overrides" / "news" / "partials" / "preview-said.html"
    box.parent.mkdir(parents=True)
    box.write_text("<div>\n{{ 1 / 0 }}</div>\n", "utf-8")
    _site(tmp_path)
    _write_config(tmp_path, native=True)
    config = tmp_path / "mkdocs.yml"
    settings = yaml.safe_load(config.read_text("utf-8"))
    settings["theme"]["custom_dir"] = "overrides"
    config.write_text(yaml.safe_dump(settings), "utf-8")
    log = tmp_path / "serve.log"
    with serving(tmp_path, rebuilds=True, log=log) as base:
        answers = [_page(base + f"no/such/page{n}/") for n in range(3)]
    said = log.read_text("utf-8")
    assert [status for status, _html in answers] == [404] * 3
    for _status, html in answers:  # the site's 404 page, without the box
        assert "<h1>Page not found" in html and "nr-preview-said" not in html
    assert "Traceback" not in said
    assert said.count("the preview's 404 box could not be shown") == 1, said
    assert (
        "WARNING -  newsroom: the preview's 404 box could not be shown (ZeroDivisionError in "
        "overrides/news/partials/preview-said.html:2: division by zero)"
    ) in said
