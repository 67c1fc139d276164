"""A site's own file where Newsroom writes (its feeds, sitemaps, build record, search index
folder, listing pages, style sheet and search worker) is never silently replaced: Newsroom's
file wins, and the site's is left out with one warning naming it; --strict fails and
`newsroom check` says the same lines.
robots.txt and an edition's front page (index.md) stay the site's own, as ever.

Each is a real build beside a good article.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .test_hostile import GOOD_URL, built, checked_alike

if TYPE_CHECKING:
    from pathlib import Path

MINE = "THE SITE'S OWN FILE"


def _warning(path: str, what: str) -> str:
    return (
        f"newsroom: {path}: it would be where the build writes its own {what}, so it was left "
        "out of the site; rename or move it"
    )


CLAIMED = {
    "feed.xml": "feed.xml",
    "atom.xml": "atom.xml",
    "feed.json": "feed.json",
    "sitemap.xml": "sitemap.xml",
    "newsroom-build.json": "newsroom-build.json",
    "search/newsroom/manifest.json": "search index (search/)",
    "tags/index.md": "listing page (tags/)",
    "section/world/feed.xml": "listing feed (section/world/feed.xml)",
    "assets/newsroom/newsroom.css": "style sheet, scripts and icons (assets/newsroom/)",
    "assets/newsroom/search-worker.js": "style sheet, scripts and icons (assets/newsroom/)",
}


def test_the_sites_files_where_newsroom_writes_are_left_out_with_a_line_each(
    tmp_path: Path,
) -> None:
    files: dict[str, str | bytes] = {
        path: (f"# {MINE}\n" if path.endswith(".md") else MINE) for path in CLAIMED
    }
    files["articles/world.md"] = (
        "---\ntitle: World story\ndate: 2024-05-01T11:00:00+00:00\n"
        "section: world\nslug: world-story\n---\nText.\n"
    )
    files["robots.txt"] = f"# {MINE}\n"  # the site's own, as ever
    files["about.md"] = "# About\n"
    site = built(tmp_path, files)
    assert sorted(site.warnings) == sorted(_warning(path, what) for path, what in CLAIMED.items())
    for path in ("feed.xml", "atom.xml", "feed.json", "sitemap.xml", "newsroom-build.json"):
        assert MINE not in site.file(path).read_text(encoding="utf-8")
    assert MINE not in site.html("tags/")
    assert not site.file("search/newsroom/manifest.json").is_file() or MINE not in site.file(
        "search/newsroom/manifest.json"
    ).read_text(encoding="utf-8")
    for path in ("assets/newsroom/newsroom.css", "assets/newsroom/search-worker.js"):
        assert MINE not in site.file(path).read_text(encoding="utf-8")  # every page's style
    assert MINE in site.file("robots.txt").read_text(encoding="utf-8")
    assert site.file("about/index.html").is_file()
    assert site.file(GOOD_URL).is_file()
    checked_alike(tmp_path, site, files)


def test_an_editions_feeds_and_listings_are_claimed_its_front_page_is_the_sites(
    tmp_path: Path,
) -> None:
    plugin = {"editions": {"en": {"title": "English"}, "ps": {"title": "Pashto"}}}
    files: dict[str, str | bytes] = {
        "ps/feed.xml": MINE,
        "ps/tags/index.md": f"# {MINE}\n",
        "ps/index.md": f"# {MINE}\n",  # the edition's own front page, as ever
    }
    site = built(tmp_path, files, plugin=plugin)
    assert sorted(site.warnings) == [
        _warning("ps/feed.xml", "ps/feed.xml"),
        _warning("ps/tags/index.md", "listing page (ps/tags/)"),
    ]
    assert MINE in site.html("ps/")
    checked_alike(tmp_path, site, files, plugin=plugin)
