"""Sitemaps Google can trust (issue #21, point 4): every listing's `lastmod` comes from what
it shows, never from the site's newest story; empty section fronts are `noindex` and out of
the sitemap; robots.txt is not written where crawlers never read it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from mkdocs_newsroom.model import last_change

from .checkers import (
    SITEMAP_NS,
    rss_problems,
    structured_data,
    validate_atom,
    validate_sitemap,
)
from .sites import Site, article, build_site, story

ROOT = "https://news.example.org/"


def _story(title: str, date: str, **fields: object) -> str:
    return article(title, date, section="world", authors=["jdoe"], **fields)


FILES: dict[str, str | bytes] = {
    "articles/old.md": _story("An old story", "2019-02-13T16:30:00+04:30", tags=["Peace"]),
    "articles/older.md": _story(
        "An older one", "2019-01-02T10:00:00+04:30", updated="2019-03-01T10:00:00+04:30"
    ),
    **{
        f"articles/n{day}.md": _story(f"News of day {day}", f"2024-05-{day:02d}T10:00:00+00:00")
        for day in range(1, 6)
    },
}
NEWCOMER = {"articles/new.md": _story("A new story", "2026-11-25T21:10:00+04:30", tags=["Roads"])}


def _lastmods(site: Site) -> dict[str, str]:
    sitemap = site.site_dir / "sitemap.xml"
    assert validate_sitemap(sitemap) == []
    return {
        (url.findtext(f"{{{SITEMAP_NS}}}loc") or "").removeprefix(ROOT): url.findtext(
            f"{{{SITEMAP_NS}}}lastmod"
        )
        or ""
        for url in etree.parse(sitemap).iter(f"{{{SITEMAP_NS}}}url")
    }


def test_a_listing_is_dated_by_what_it_shows(tmp_path: Path) -> None:
    # two stories per page: the world section has pages 1 to 4
    plugin = {"page_size": 2, "headline_page_size": 2}
    before = _lastmods(build_site(tmp_path / "a", FILES, plugin=plugin))
    assert before["archive/2019/"] == "2019-03-01T10:00:00+04:30"  # the updated older story
    assert before["archive/2019/02/"] == "2019-02-13T16:30:00+04:30"
    assert before["archive/2024/"] == "2024-05-05T10:00:00+00:00"
    assert before["archive/"] == "2024-05-05T10:00:00+00:00"
    assert before["tags/"] == before["tags/peace/"] == "2019-02-13T16:30:00+04:30"
    assert before["authors/"] == before["authors/jdoe/"] == "2024-05-05T10:00:00+00:00"
    assert before[""] == "2024-05-05T10:00:00+00:00"
    # a later page shows older stories, but changes whenever a new one pushes them along
    assert before["section/world/page/4/"] == "2024-05-05T10:00:00+00:00"
    after = _lastmods(build_site(tmp_path / "b", {**FILES, **NEWCOMER}, plugin=plugin))
    new = "2026-11-25T21:10:00+04:30"
    for unchanged in ("archive/2019/", "archive/2019/02/", "archive/2024/", "tags/peace/"):
        assert after[unchanged] == before[unchanged], unchanged
    for moved in ("", "archive/", "tags/", "authors/", "section/world/", "section/world/page/4/"):
        assert after[moved] == new, moved
    assert after["archive/2026/"] == after["archive/2026/11/"] == new


_ZONES = st.integers(-14 * 60, 14 * 60).map(lambda minutes: timezone(timedelta(minutes=minutes)))
_EPOCH = datetime(1990, 1, 1, tzinfo=UTC)
_MOMENTS = st.builds(
    lambda microseconds, zone: (_EPOCH + timedelta(microseconds=microseconds)).astimezone(zone),
    st.integers(0, 4 * 10**15),  # to 2116
    _ZONES,
)


@given(
    st.lists(st.tuples(_MOMENTS, st.none() | _MOMENTS), max_size=12), st.lists(_ZONES, max_size=3)
)
def test_a_listing_is_dated_by_its_latest_change_as_max_finds_it(
    dates: list[tuple[datetime, datetime | None]], zones: list[timezone]
) -> None:
    """The date of a listing (a tag's, an author's, a year's): the same moment `max` gives
    of its stories' last changes, the first of equal ones, also when one instant is written
    in several zones."""
    if dates:
        dates += [(dates[0][0].astimezone(zone), None) for zone in zones]  # one instant again
    stories = [
        story(f"s{n}", date=date, updated=updated) for n, (date, updated) in enumerate(dates)
    ]
    found = last_change(stories)
    assert found is max((one.modified for one in stories), default=None)


def test_an_empty_section_front_is_built_but_not_indexed(tmp_path: Path) -> None:
    editions = {"en": {"title": "English"}, "ps": {"title": "پښتو"}}
    files = {
        "articles/a.md": _story("World news", "2024-05-01T10:00:00+00:00"),
        "articles/b.md": article("سیاسي خبر", section="politics", authors=["jdoe"], lang="ps"),
    }
    site = build_site(tmp_path, files, plugin={"editions": editions}, strict=True)
    assert site.warnings == []
    lastmods = _lastmods(site)
    for url, empty in (
        ("section/world/", False),
        ("section/politics/", True),
        ("section/business/", True),
        ("ps/section/politics/", False),
        ("ps/section/world/", True),
    ):
        robots = site.dom(url).css_first('meta[name="robots"]').attributes["content"]
        assert (robots == "noindex") is empty, url
        assert (url not in lastmods) is empty, url


def test_robots_txt_only_where_crawlers_read_it(tmp_path: Path) -> None:
    files = {"articles/a.md": _story("World news", "2024-05-01T10:00:00+00:00")}
    project = {"site_url": "https://user.github.io/paper/"}
    quiet = build_site(tmp_path / "a", files, config=project, strict=True)
    assert not (quiet.site_dir / "robots.txt").exists()
    assert quiet.warnings == []
    assert (
        "newsroom: mkdocs.yml: robots.txt was not written: site_url has a path (/paper/), and "
        "crawlers read robots.txt only at the root of a host; give search engines sitemap.xml "
        "in their webmaster tools"
    ) in quiet.infos
    asked = build_site(tmp_path / "b", files, config=project, plugin={"robots_txt": True})
    assert (asked.site_dir / "robots.txt").is_file()
    assert asked.warnings == [
        "newsroom: mkdocs.yml: robots_txt is on, but site_url has a path (/paper/): crawlers "
        "read robots.txt only at the root of a host, so they will never read this one; set "
        "robots_txt: false, and give search engines sitemap.xml in their webmaster tools"
    ]
    root = build_site(tmp_path / "c", files)
    text = (root.site_dir / "robots.txt").read_text(encoding="utf-8")
    assert "Sitemap: https://news.example.org/sitemap.xml" in text
    off = build_site(tmp_path / "d", files, plugin={"robots_txt": False})
    assert not (off.site_dir / "robots.txt").exists()


def test_an_edition_without_stories_is_built_but_not_indexed(tmp_path: Path) -> None:
    editions = {"en": {"title": "English"}, "ps": {"title": "پښتو"}}
    files = {"articles/a.md": _story("World news", "2024-05-01T10:00:00+00:00")}
    site = build_site(tmp_path, files, plugin={"editions": editions}, strict=True)
    lastmods = _lastmods(site)
    for url in ("ps/", "ps/archive/"):
        robots = site.dom(url).css_first('meta[name="robots"]').attributes["content"]
        assert robots == "noindex", url
        assert url not in lastmods, url
    assert "" in lastmods
    sitemap = (site.site_dir / "sitemap.xml").read_text(encoding="utf-8")
    assert 'hreflang="ps"' not in sitemap and "news.example.org/ps/" not in sitemap


def test_a_date_of_local_mean_time_is_published_in_whole_minutes(tmp_path: Path) -> None:
    """Amsterdam's clocks were 19 minutes 32 seconds ahead of UTC until 1937: a date the
    site's zone dates then has an offset with seconds, which no sitemap or Atom accepts. It
    keeps its wall time, with the offset rounded to the minute."""
    files: dict[str, str | bytes] = {
        "articles/archive.md": _story("From the archive", "1930-01-01T12:00:00"),
        **{key: value for key, value in FILES.items() if key.startswith("articles/n")},
    }
    site = build_site(tmp_path, files, plugin={"timezone": "Europe/Amsterdam"})
    assert site.warnings == []
    lastmods = _lastmods(site)  # valid against the sitemap schema
    assert lastmods["1930/01/01/from-the-archive/"] == "1930-01-01T12:00:00+00:20"
    for feed in ("atom.xml", "section/world/atom.xml"):
        assert validate_atom(site.site_dir / feed) == [], feed
        assert "<published>1930-01-01T12:00:00+00:20</published>" in site.html(feed)
    assert rss_problems(site.site_dir / "feed.xml") == []
    assert "Wed, 01 Jan 1930 12:00:00 +0020" in site.html("feed.xml")
    data = structured_data(site.html("1930/01/01/from-the-archive/"))
    assert data["json-ld"][0]["datePublished"] == "1930-01-01T12:00:00+00:20"


def test_a_feed_without_stories_is_dated_by_the_site_s_newest_not_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An empty section's feeds give the site's newest story (updated or published) as their
    last change: two builds a day apart write them byte for byte the same."""
    files = {
        "articles/a.md": _story("World news", "2024-05-01T10:00:00+00:00"),
        "articles/b.md": _story(
            "Older", "2024-04-01T10:00:00+00:00", updated="2024-05-03T08:00:00+00:00"
        ),
    }
    feeds = ("section/business/feed.xml", "section/business/atom.xml")
    built = []
    for epoch in ("1714900000", "1714990000"):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
        site = build_site(tmp_path / epoch, files)
        built.append([site.file(feed).read_bytes() for feed in feeds])
    assert built[0] == built[1]
    rss, atom = built[0]
    assert b"<lastBuildDate>Fri, 03 May 2024 08:00:00 +0000</lastBuildDate>" in rss
    assert b"<updated>2024-05-03T08:00:00+00:00</updated>" in atom
    assert b"<item>" not in rss and b"<entry>" not in atom
