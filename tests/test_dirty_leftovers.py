"""`mkdocs build --dirty` leaves what it does not write again in the site folder; Newsroom
removes what an earlier build of its own wrote that this one does not publish, however that
file came to look (minified, a redirect at an `.htm` alias, a sitemap), puts the site's own
file back where Newsroom's stood until an option changed, and never hangs on, nor deletes,
what is not a file Newsroom writes (the second hostile review of `listing_feeds`)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from .commands import ENV, run
from .refusing import refuse
from .sites import Site, article, write_site


def _story(*aliases: str) -> str:
    return article(
        "Bus fares rise",
        "2024-05-01T10:00:00Z",
        section="world",
        tags=["Kabul"],
        authors=["jdoe"],
        aliases=list(aliases),
        body="Zanzibarword fares.",
    )


STORY = _story()
OTHER = article("Markets open", "2024-05-02T10:00:00Z", section="business", tags=["Kabul"])
USERS_FEED = '<rss version="2.0"><channel><title>Our own Kabul feed</title></channel></rss>'


def _change(config: Path, change: Callable[[dict[str, Any]], object]) -> None:
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    change(settings)
    config.write_text(yaml.safe_dump(settings), encoding="utf-8")


def _newsroom(settings: dict[str, Any]) -> dict[str, Any]:
    options: dict[str, Any] = settings["plugins"][-1]["newsroom"]
    return options


def _build_then_draft_dirty(
    root: Path,
    change: Callable[[dict[str, Any]], object] = lambda _settings: None,
    first: str = "2024/05/01/bus-fares-rise/index.html",
) -> tuple[Site, str]:
    """Build (whose file `first` holds the story), change mkdocs.yml, draft the story, build
    --dirty: the site, and what it said."""
    config = root / "mkdocs.yml"
    done = run(root, "mkdocs", "build")
    assert done.returncode == 0, done.stderr
    site = Site(root)
    assert "Bus fares rise" in (site.site_dir / first).read_text(encoding="utf-8")
    _change(config, change)
    drafted = article("Bus fares rise", "2024-05-01T10:00:00Z", section="world", draft=True)
    (site.docs_dir / "articles/a.md").write_text(drafted, encoding="utf-8")
    dirty = run(root, "mkdocs", "build", "--dirty")
    assert dirty.returncode == 0, dirty.stderr
    return site, dirty.stderr


def _holding(site: Site, *words: bytes) -> list[str]:
    """The files of the site that hold any of `words`."""
    files = [p for p in site.site_dir.rglob("*") if p.is_file() and not p.is_symlink()]
    return [
        str(p.relative_to(site.site_dir)) for p in files if any(w in p.read_bytes() for w in words)
    ]


@pytest.mark.parametrize("minified", [False, True], ids=["plain", "minified"])
def test_the_story_s_page_and_its_redirects_go_minified_or_at_an_htm_alias(
    tmp_path: Path, minified: bool
) -> None:
    aliased = _story("/old/bus.htm", "/old/BUS.HTML")
    config = write_site(tmp_path, {"articles/a.md": aliased, "articles/b.md": OTHER})
    if minified:  # mkdocs-minify-plugin takes the quotes off the generator mark
        _change(config, lambda s: s["plugins"].insert(1, {"minify": {"minify_html": True}}))
    site, said = _build_then_draft_dirty(tmp_path)
    assert _holding(site, b"Zanzibarword", b"Bus fares rise", b"bus-fares-rise") == []
    assert not (site.site_dir / "old/bus.htm").exists()
    assert "--dirty: removed" in said


def test_the_site_s_own_feed_is_back_where_newsroom_s_stood_until_an_option_changed(
    tmp_path: Path,
) -> None:
    """The site's own `tags/kabul/feed.xml`, left out while tags had feeds (Newsroom's took its
    place), is published again once `listing_feeds` leaves tags out, under `--dirty` too."""
    files = {"articles/a.md": STORY, "articles/b.md": OTHER, "tags/kabul/feed.xml": USERS_FEED}
    write_site(tmp_path, files)
    site, _said = _build_then_draft_dirty(
        tmp_path, lambda s: _newsroom(s).update(listing_feeds=["sections"])
    )
    assert (site.site_dir / "tags/kabul/feed.xml").read_text(encoding="utf-8") == USERS_FEED
    assert _holding(site, b"Zanzibarword", b"Bus fares rise") == []


@pytest.mark.parametrize(
    "change",
    [lambda s: _newsroom(s).update(news_sitemap=False), lambda s: s.pop("site_url")],
    ids=["news_sitemap off", "no site_url"],
)
def test_a_news_sitemap_no_build_writes_any_more_goes_and_robots_txt_forgets_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: Callable[[dict[str, Any]], object]
) -> None:
    """The news sitemap goes, and so does its line in robots.txt: written anew without it,
    or, with no site_url (no robots.txt is written), removed as Newsroom's."""
    monkeypatch.setitem(ENV, "SOURCE_DATE_EPOCH", "1714600800")  # 2024-05-01T22:00Z: its window
    write_site(tmp_path, {"articles/a.md": STORY, "articles/b.md": OTHER})
    site, _said = _build_then_draft_dirty(tmp_path, change, first="news-sitemap.xml")
    assert not (site.site_dir / "news-sitemap.xml").exists()
    assert _holding(site, b"Zanzibarword", b"Bus fares rise", b"news-sitemap") == []


def test_a_robots_txt_of_the_site_s_own_takes_the_place_of_newsroom_s_under_dirty(
    tmp_path: Path,
) -> None:
    """MkDocs copies a file of the content folder only when it is newer than the one in the
    site folder: the robots.txt Newsroom wrote (marked) goes first; one put in the site
    folder by hand, unmarked, stays."""
    write_site(tmp_path, {"articles/a.md": STORY, "articles/b.md": OTHER})
    assert run(tmp_path, "mkdocs", "build").returncode == 0
    site = Site(tmp_path)
    own = "User-agent: *\nDisallow: /private/\n"
    (site.docs_dir / "robots.txt").write_text(own, encoding="utf-8")
    os.utime(site.docs_dir / "robots.txt", (1, 1))  # older than the site's copy
    assert run(tmp_path, "mkdocs", "build", "--dirty").returncode == 0
    assert (site.site_dir / "robots.txt").read_text(encoding="utf-8") == own
    (site.docs_dir / "robots.txt").unlink()
    _change(tmp_path / "mkdocs.yml", lambda s: _newsroom(s).update(robots_txt=False))
    assert run(tmp_path, "mkdocs", "build", "--dirty").returncode == 0
    assert (site.site_dir / "robots.txt").read_text(encoding="utf-8") == own


def test_what_is_not_a_file_newsroom_writes_is_neither_read_whole_nor_removed(
    tmp_path: Path,
) -> None:
    """A pipe and a link to an endless device named as Newsroom's files do not hang the
    build; a link to one of Newsroom's pages is not Newsroom's, and stays."""
    write_site(tmp_path, {"articles/a.md": STORY, "articles/b.md": OTHER})
    assert run(tmp_path, "mkdocs", "build").returncode == 0
    site = Site(tmp_path)
    os.mkfifo(site.site_dir / "pipe.html")
    (site.site_dir / "tags/feed.xml").symlink_to("/dev/zero")
    page = site.site_dir / "2024/05/02/markets-open/index.html"
    (site.site_dir / "copy.html").symlink_to(page)
    dirty = run(tmp_path, "mkdocs", "build", "--dirty")
    assert dirty.returncode == 0, dirty.stderr
    assert (site.site_dir / "copy.html").is_symlink()
    assert (site.site_dir / "pipe.html").exists()


def test_a_second_newsroom_built_into_the_site_folder_is_left_alone(tmp_path: Path) -> None:
    """A weekly edition built as a site of its own into `site/weekly/` (its own build record
    there): the main site's `mkdocs build --dirty` removes none of its pages or feeds."""
    main, weekly = tmp_path / "main", tmp_path / "weekly"
    write_site(main, {"articles/a.md": STORY, "articles/b.md": OTHER})
    write_site(
        weekly,
        {"articles/w.md": article("Weekly round-up", "2024-05-03T10:00:00Z", section="world")},
        config={"site_url": "https://news.example.org/weekly/", "site_dir": "../main/site/weekly"},
    )
    assert run(main, "mkdocs", "build").returncode == 0
    assert run(weekly, "mkdocs", "build").returncode == 0
    inside = main / "site/weekly"
    before = sorted(p.relative_to(inside) for p in inside.rglob("*") if p.is_file())
    assert len(before) > 20 and Path("feed.xml") in before
    dirty = run(main, "mkdocs", "build", "--dirty")
    assert dirty.returncode == 0, dirty.stderr
    assert sorted(p.relative_to(inside) for p in inside.rglob("*") if p.is_file()) == before
    assert "--dirty: removed" not in dirty.stderr


@pytest.mark.parametrize("strict", [False, True], ids=["build", "strict"])
def test_a_stale_page_that_cannot_be_removed_is_named_and_the_build_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, strict: bool
) -> None:
    """The drafted story's page is still in the site folder, and the file system refuses to
    delete it: one line names it and says what to do, never a traceback; the other stale
    files go, and `--strict` fails."""
    root = tmp_path / "site-root"
    write_site(root, {"articles/a.md": STORY, "articles/b.md": OTHER})
    assert run(root, "mkdocs", "build").returncode == 0
    drafted = article("Bus fares rise", "2024-05-01T10:00:00Z", section="world", draft=True)
    (root / "content/articles/a.md").write_text(drafted, encoding="utf-8")
    refuse(tmp_path, monkeypatch, ENV, "bus-fares-rise")  # as `chattr +i` would
    dirty = run(root, "mkdocs", "build", "--dirty", *(["--strict"] if strict else []))
    page = root / "site/2024/05/01/bus-fares-rise/index.html"
    assert page.is_file()
    assert "Traceback" not in dirty.stderr
    lines = [line for line in dirty.stderr.splitlines() if "could not be removed" in line]
    assert len(lines) == 1 and str(page) in lines[0] and "Operation not permitted" in lines[0]
    assert "it may show a story held back since: delete it by hand" in lines[0]
    assert (dirty.returncode != 0) == strict, dirty.stderr
    if not strict:  # the tag's feed held the story too: written again without it
        assert "Bus fares rise" not in (root / "site/tags/kabul/feed.xml").read_text("utf-8")


def test_a_story_moved_under_dirty_leaves_its_alias_redirect_at_its_old_address(
    tmp_path: Path,
) -> None:
    """A story given a new slug, its old address among its aliases, built with `--dirty`: its
    old page, still in the site folder, gives its place to the redirect in that same build
    (no 404 until the next one, no warning about the alias)."""
    write_site(tmp_path, {"articles/a.md": STORY, "articles/b.md": OTHER})
    assert run(tmp_path, "mkdocs", "build").returncode == 0
    old = tmp_path / "site/2024/05/01/bus-fares-rise/index.html"
    assert "Zanzibarword" in old.read_text(encoding="utf-8")
    moved = article(
        "Bus fares rise",
        "2024-05-01T10:00:00Z",
        section="world",
        slug="fares-up",
        tags=["Kabul"],
        authors=["jdoe"],
        aliases=["/2024/05/01/bus-fares-rise/"],
        body="Zanzibarword fares.",
    )
    (tmp_path / "content/articles/a.md").write_text(moved, encoding="utf-8")
    dirty = run(tmp_path, "mkdocs", "build", "--dirty")
    assert dirty.returncode == 0, dirty.stderr
    redirect = old.read_text(encoding="utf-8")
    assert "Zanzibarword" not in redirect
    assert "/2024/05/01/fares-up/" in redirect and 'http-equiv="refresh"' in redirect
    assert "Zanzibarword" in (old.parent.parent / "fares-up/index.html").read_text("utf-8")
    said = [line for line in dirty.stderr.splitlines() if "newsroom:" in line]
    assert said[0].endswith(": 2024/05/01/bus-fares-rise/index.html")
    assert [line for line in said if not line.startswith("INFO")] == []


def test_the_site_s_own_page_keeps_its_title_in_the_tabs_of_a_dirty_build(
    tmp_path: Path,
) -> None:
    """`mkdocs build --dirty` does not read a page of the site's own that did not change, and
    MkDocs leaves its title empty: the tabs of every page written again (the news pages are,
    at every build) still name it, as a clean build does, never "None"."""
    about = "---\ntitle: About the Gazette\n---\n\nWho we are.\n"
    write_site(tmp_path, {"articles/a.md": STORY, "about.md": about})
    assert run(tmp_path, "mkdocs", "build").returncode == 0
    clean = (tmp_path / "site/2024/05/01/bus-fares-rise/index.html").read_text("utf-8")
    assert ">About the Gazette<" in clean
    (tmp_path / "content/articles/a.md").write_text(_story("/old/"), encoding="utf-8")
    dirty = run(tmp_path, "mkdocs", "build", "--dirty")
    assert dirty.returncode == 0, dirty.stderr
    for page in ("2024/05/01/bus-fares-rise/index.html", "index.html", "tags/kabul/index.html"):
        text = (tmp_path / "site" / page).read_text("utf-8")
        assert ">About the Gazette<" in text and ">None<" not in text, page
