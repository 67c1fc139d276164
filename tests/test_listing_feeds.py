"""`listing_feeds`: which listings (sections, tags, authors) have RSS and Atom feeds of their
own. A listing without feeds has no feed files, and no page points to one; each edition keeps
its own feeds; a `--dirty` build or a preview takes away the feeds an earlier build wrote."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from .checkers import rss_problems, validate_atom
from .commands import run
from .sites import SITE_URL, Site, article, build_site, write_site
from .test_incremental import Server

STORIES = {
    "articles/a.md": article(
        "Bus fares rise",
        "2024-05-01T10:00:00Z",
        section="world",
        tags=["Kabul", "Transport"],
        authors=["jdoe"],
    ),
    "articles/b.txt": article(
        "Markets open", "2024-05-02T10:00:00Z", section="business", tags=["Kabul"]
    ),
    "about.md": "---\ntitle: About us\n---\nWho we are.\n",
}
FEEDS = ("feed.xml", "atom.xml")
SECTION_FEEDS = {"section/world/", "section/politics/", "section/business/"}  # even empty
TAG_AND_AUTHOR_FEEDS = {"tags/kabul/", "tags/transport/", "authors/jdoe/"}


def feed_folders(site_dir: Path) -> set[str]:
    """The folders holding an RSS or Atom feed, relative to the site ('' for its root)."""
    found = {path.parent for name in FEEDS for path in site_dir.rglob(name)}
    return {f"{p.relative_to(site_dir).as_posix()}/".removeprefix("./") for p in found}


def linked_feeds(site: Site) -> dict[str, set[str]]:
    """Every page's feed links (`<link rel="alternate feed">`), as site-relative paths."""
    root = urlsplit(SITE_URL).path
    links: dict[str, set[str]] = {}
    for url in site.pages():
        for link in site.dom(url).css('head link[rel~="feed"]'):
            href = urlsplit(link.attributes["href"] or "").path
            assert href.startswith(root), (url, href)
            links.setdefault(url, set()).add(href.removeprefix(root))
    return links


def changed(config: Path, change: Callable[[dict[str, Any]], object]) -> None:
    """mkdocs.yml at `config`, changed by `change`."""
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    change(settings)
    config.write_text(yaml.safe_dump(settings), encoding="utf-8")


def feeds_of(*listings: str) -> Callable[[dict[str, Any]], object]:
    """A change of mkdocs.yml for `changed`: `listing_feeds` set to `listings`."""
    return lambda settings: settings["plugins"][1]["newsroom"].update(listing_feeds=[*listings])


def draft_the_story(site: Site) -> None:
    """Story a ("Bus fares rise") becomes a draft."""
    drafted = article("Bus fares rise", "2024-05-01T10:00:00Z", section="world", draft=True)
    (site.docs_dir / "articles/a.md").write_text(drafted, encoding="utf-8")


@pytest.mark.parametrize(
    ("listings", "folders"),
    [
        (["sections", "tags", "authors"], {"", *SECTION_FEEDS, *TAG_AND_AUTHOR_FEEDS}),
        (["sections"], {"", *SECTION_FEEDS}),
        (["tags", "authors"], {"", *TAG_AND_AUTHOR_FEEDS}),
        ([], {""}),
    ],
    ids=["all", "sections", "tags and authors", "none"],
)
def test_only_the_listings_named_have_feeds_and_pages_point_only_to_feeds_there_are(
    tmp_path: Path, listings: list[str], folders: set[str]
) -> None:
    site = build_site(tmp_path, STORIES, plugin={"listing_feeds": listings}, strict=True)
    assert feed_folders(site.site_dir) == folders
    for folder in folders:
        assert rss_problems(site.site_dir / folder / "feed.xml") == []
        assert validate_atom(site.site_dir / folder / "atom.xml") == []
    links = linked_feeds(site)
    assert {path for found in links.values() for path in found} <= {
        *(f"{folder}{name}" for folder in folders for name in FEEDS),
        "feed.json",
    }
    story = next(url for url in links if url.endswith("/bus-fares-rise/"))
    section_feed = {"section/world/feed.xml"} if "sections" in listings else set()
    assert links[story] == {"feed.xml", *section_feed}
    assert links["tags/kabul/"] >= ({"tags/kabul/atom.xml"} if "tags" in listings else set())


def test_a_listing_the_option_does_not_know_is_one_line_naming_it(tmp_path: Path) -> None:
    write_site(tmp_path, STORIES, plugin={"listing_feeds": ["sections", "tag"]})
    done = run(tmp_path, "mkdocs", "build")
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    (line,) = [line for line in done.stderr.splitlines() if "listing_feeds" in line]
    assert "'tag'" in line and "authors" in line


def test_a_dirty_build_takes_away_the_feeds_an_earlier_build_wrote(tmp_path: Path) -> None:
    """Tag and author feeds turned off, and a story drafted: under `mkdocs build --dirty` the
    tag pages stay (written again), their feeds, which held the story, go, and it says so."""
    config = write_site(tmp_path, STORIES)
    assert run(tmp_path, "mkdocs", "build").returncode == 0
    site = Site(tmp_path)
    assert "Bus fares rise" in (site.site_dir / "tags/kabul/feed.xml").read_text("utf-8")
    changed(config, feeds_of("sections"))
    draft_the_story(site)
    dirty = run(tmp_path, "mkdocs", "build", "--dirty")
    assert dirty.returncode == 0, dirty.stderr
    assert (site.site_dir / "tags/kabul/index.html").is_file()
    assert feed_folders(site.site_dir) == {"", *SECTION_FEEDS}
    assert "--dirty: removed" in dirty.stderr
    written = [p for p in site.site_dir.rglob("*") if p.is_file() and p.suffix != ".gz"]
    assert not [p for p in written if b"Bus fares rise" in p.read_bytes()]


@pytest.mark.parametrize("dirty", [False, True], ids=["serve", "serve --dirty"])
def test_a_preview_whose_site_drops_tag_and_author_feeds_serves_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dirty: bool
) -> None:
    """`listing_feeds` changed while `mkdocs serve` runs: the next rebuild serves no feed of a
    tag or an author (they hold stories that may have been held back since), and no page
    points to one."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1717200000")
    config = write_site(tmp_path, STORIES)
    server = Server(tmp_path, "live", dirty)
    server.start()
    try:
        server.rebuild()
        assert "Bus fares rise" in (server.site / "tags/kabul/atom.xml").read_text("utf-8")
        changed(config, feeds_of("sections"))
        server.rebuild()
    finally:
        server.stop()
    assert feed_folders(server.site) == {"", *SECTION_FEEDS}
    pages = list(server.site.rglob("index.html"))
    assert len(pages) > 10
    assert not [p for p in pages if "tags/kabul/feed.xml" in p.read_text(encoding="utf-8")]


LONG = "Long words of a description. " * 3000  # 90 KB: a page's head past 64 KB


def test_a_dirty_build_finds_newsroom_s_pages_and_feeds_whatever_their_head_holds(
    tmp_path: Path,
) -> None:
    """A section's description and an author's bio of 90 KB put the pages' generator mark far
    into the file, and a story's summary its own: `mkdocs build --dirty` after the story was
    drafted and the listings' feeds turned off still removes its page and every feed that
    held it."""
    stories = {
        **STORIES,
        "articles/a.md": article(
            "Bus fares rise",
            "2024-05-01T10:00:00Z",
            section="world",
            tags=["Kabul"],
            authors=["jdoe"],
            summary=LONG,
            body="Zanzibarword fares.",
        ),
    }
    sections = {"world": {"title": "World", "description": LONG}, "business": {"title": "B"}}
    authors = f"jdoe: {{name: Jane Doe, bio: {LONG.strip()}}}\nasmith: {{name: Ali Smith}}\n"
    config = write_site(tmp_path, stories, plugin={"sections": sections}, authors=authors)
    assert run(tmp_path, "mkdocs", "build").returncode == 0
    site = Site(tmp_path)
    assert "Bus fares rise" in (site.site_dir / "section/world/feed.xml").read_text("utf-8")
    changed(config, feeds_of())
    draft_the_story(site)
    dirty = run(tmp_path, "mkdocs", "build", "--dirty")
    assert dirty.returncode == 0, dirty.stderr
    assert feed_folders(site.site_dir) == {""}
    written = [p for p in site.site_dir.rglob("*") if p.is_file() and p.suffix != ".gz"]
    assert not [p for p in written if b"Zanzibarword" in p.read_bytes()]
    assert not [p for p in written if b"Bus fares rise" in p.read_bytes()]


def test_a_dirty_build_removes_the_feeds_beside_the_site_s_own_front_page(tmp_path: Path) -> None:
    """The site's own index.md is its front page; `site_url` taken away, and a story drafted:
    the site's feeds, which held it, go although no page of Newsroom's stands beside them."""
    files = {**STORIES, "index.md": "# Our own front page\n"}
    config = write_site(tmp_path, files)
    assert run(tmp_path, "mkdocs", "build").returncode == 0
    site = Site(tmp_path)
    assert "Bus fares rise" in (site.site_dir / "feed.json").read_text(encoding="utf-8")
    changed(config, lambda settings: settings.pop("site_url"))
    draft_the_story(site)
    dirty = run(tmp_path, "mkdocs", "build", "--dirty")
    assert dirty.returncode == 0, dirty.stderr
    assert feed_folders(site.site_dir) == set()
    assert not (site.site_dir / "feed.json").exists()
    assert "Our own front page" in (site.site_dir / "index.html").read_text(encoding="utf-8")


def test_the_site_s_own_feed_files_stay_where_newsroom_writes_none(tmp_path: Path) -> None:
    """Without tag feeds, the site's own `tags/kabul/feed.xml` is published as it is (no
    warning), as is an `authors/jdoe/feed.json`, which Newsroom never writes; a feed put into
    the site folder by hand beside Newsroom's pages outlives `mkdocs build --dirty`."""
    mine = "<rss><channel><title>Ours</title></channel></rss>"
    files = {**STORIES, "tags/kabul/feed.xml": mine, "authors/jdoe/feed.json": "{}"}
    site = build_site(tmp_path, files, plugin={"listing_feeds": ["sections"]}, strict=True)
    assert site.warnings == []
    assert (site.site_dir / "tags/kabul/feed.xml").read_text(encoding="utf-8") == mine
    assert (site.site_dir / "authors/jdoe/feed.json").read_text(encoding="utf-8") == "{}"
    by_hand = [site.site_dir / "archive/feed.xml", site.site_dir / "tags/atom.xml"]
    for path in by_hand:
        path.write_text(mine, encoding="utf-8")
    dirty = run(tmp_path, "mkdocs", "build", "--dirty")
    assert dirty.returncode == 0, dirty.stderr
    assert all(path.read_text(encoding="utf-8") == mine for path in by_hand)
    assert "--dirty: removed" not in dirty.stderr
