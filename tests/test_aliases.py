"""`aliases:` keeps an article's old addresses alive: a redirect page at each, which sends the
reader on and tells search engines where the article lives; an address that belongs to
something else is reported in one line and never written over; one that leaves the site is
refused."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest
from mkdocs.exceptions import Abort
from selectolax.lexbor import LexborHTMLParser

from .checkers import vnu_errors
from .commands import newsroom
from .sites import article, build_site

URL = "2024/05/01/night-buses/"
SOURCE = "articles/bus.md"


def _bus(*aliases: str, **fields: object) -> str:
    return article("Night buses", slug="night-buses", aliases=list(aliases), **fields)


def _redirect(site_dir: Path, path: str) -> tuple[str, str, str, str]:
    """The refresh target, the canonical URL, the robots rule and the visible link's target of
    the redirect page at `path`, each resolved against the page's own URL."""
    page = LexborHTMLParser((site_dir / path).read_text(encoding="utf-8"))
    base = "https://news.example.org/" + path
    refresh = page.css_first('meta[http-equiv="refresh"]').attributes["content"] or ""
    delay, _, target = refresh.partition("; url=")
    assert delay == "0"
    link = page.css_first("body a")
    assert link.text() == "Night buses"
    return (
        urljoin(base, target),
        page.css_first('link[rel="canonical"]').attributes["href"] or "",
        page.css_first('meta[name="robots"]').attributes["content"] or "",
        urljoin(base, link.attributes["href"] or ""),
    )


def test_each_alias_gets_a_redirect_page_to_the_article(tmp_path: Path) -> None:
    aliases = ("/2019/05/03/old-slug/", "old/story.html", "2019/05/03/old-slug/index.html")
    site = build_site(tmp_path, {SOURCE: _bus(*aliases, lang="en")}, strict=True)
    assert site.warnings == []
    new = f"https://news.example.org/{URL}"
    for path in ("2019/05/03/old-slug/index.html", "old/story.html"):
        assert _redirect(site.site_dir, path) == (new, new, "noindex", new)
    assert site.dom(URL).css_first("h1.nr-headline").text() == "Night buses"
    # a redirect is not a page of the site: not in the sitemap, not in the search index
    sitemap = (site.site_dir / "sitemap.xml").read_text(encoding="utf-8")
    assert "old-slug" not in sitemap and "old/story" not in sitemap
    assert not any("old-slug" in p.read_text("utf-8") for p in site.site_dir.rglob("*.json"))
    assert vnu_errors([site.site_dir / "old/story.html"]) == []


def test_a_redirect_works_without_site_url_and_escapes_the_headline(tmp_path: Path) -> None:
    text = article('A <b>bold</b> "move"', slug="night-buses", aliases=["/old/"])
    site = build_site(tmp_path, {SOURCE: text}, config={"site_url": None})
    html = (site.site_dir / "old/index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="../2024/05/01/night-buses/">' in html
    assert "&lt;b&gt;bold&lt;/b&gt; &quot;move&quot;" in html and "<b>" not in html
    assert LexborHTMLParser(html).css_first("html").attributes["lang"] == "en"


@pytest.mark.parametrize(
    ("alias", "message"),
    [
        ("../../etc/", "alias '../../etc/' leaves the site: write a path inside it"),
        ("https://elsewhere.example/x/", "alias 'https://elsewhere.example/x/' must be a path"),
        ("//elsewhere.example/x/", "must be a path inside the site or an http(s) URL"),
        ("/?p=12", "alias '/?p=12' has a query or a fragment"),
        ("/", "alias '/' is the site's front page"),
        ("/index.html", "alias '/index.html' is the site's front page"),
        ("/story.php", "a redirect page can only be written at a folder"),
        ("/x%00y/", "alias '/x%00y/' holds a control character"),
        ("https://[old.example.org/x/", "must be a path inside the site or an http(s) URL"),
        (
            "/2019/" + "a" * 256 + "/",
            "has a part longer than 255 bytes, more than a file system holds in one name",
        ),
        ("/" + "é" * 128 + "/", "has a part longer than 255 bytes"),  # 256 bytes in UTF-8
        ("/" + "/".join(["abcdefgh"] * 120) + "/", "is longer than 1,024 bytes"),
    ],
)
def test_an_alias_that_cannot_be_a_page_of_the_site_is_refused(
    tmp_path: Path, alias: str, message: str
) -> None:
    site = build_site(tmp_path, {SOURCE: _bus(alias)})
    assert len(site.warnings) == 1
    assert site.warnings[0].startswith(f"newsroom: {SOURCE}:")
    assert message in site.warnings[0] and "this alias was ignored" in site.warnings[0]
    assert site.dom(URL).css_first("h1.nr-headline").text() == "Night buses"
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*"))
    assert not any("etc" in p or "elsewhere" in p or "story.php" in p for p in written)


def test_a_bad_alias_leaves_the_good_ones_and_each_bad_one_is_said(tmp_path: Path) -> None:
    bad = ["/x/%2e%2e/%2e%2e/%2e%2e/pwn1/", "/story.php"]
    good = [f"/old/{n}/" for n in range(26)]
    files = {SOURCE: _bus(bad[0], *good, bad[1])}
    site = build_site(tmp_path, files)
    assert len(site.warnings) == 2
    assert all(w.startswith(f"newsroom: {SOURCE}:5: alias") for w in site.warnings)
    assert "pwn1" in site.warnings[0] and "story.php" in site.warnings[1]
    assert all("the others are kept" in w for w in site.warnings)
    for n in range(26):
        assert (site.site_dir / f"old/{n}/index.html").is_file()
    assert not any("pwn1" in p.as_posix() for p in tmp_path.rglob("*"))
    with pytest.raises(Abort):
        build_site(tmp_path / "strict", files, strict=True)
    checked = newsroom(tmp_path, "check")
    assert checked.returncode == 1
    assert [line.split(": ", 1)[1] for line in checked.stdout.splitlines()] == [
        w.split(": ", 2)[2] for w in site.warnings
    ]


def test_many_bad_aliases_are_counted_in_one_line(tmp_path: Path) -> None:
    bad = [f"/x{n}.php" for n in range(9)]
    site = build_site(tmp_path, {SOURCE: _bus(*bad, "/old/kept/")})
    (warning,) = site.warnings
    assert warning.startswith(f"newsroom: {SOURCE}:5: 9 aliases were ignored ('/x0.php'")
    assert "and 6 more" in warning
    assert (site.site_dir / "old/kept/index.html").is_file()


def test_an_alias_never_takes_the_place_of_anything_else(tmp_path: Path) -> None:
    other = article("Old story", date="2019-05-03T10:00:00+00:00", slug="old-slug", body="Old.")
    files = {
        SOURCE: _bus(
            "/2019/05/03/old-slug/",  # another article's URL
            "/about/",  # a page of the site
            "/tags/transport/",  # the newsroom's own listings
            "/2024/05/01/night-buses/",  # its own URL
            "/images/photo.html/",  # a folder whose path is a file
            "/kept.html",  # a file of the site
            "/shared/",  # the first article's redirect, by source path
        ),
        "articles/aaa.md": article("First", slug="first", aliases=["/shared/"]),
        "articles/old.md": other,
        "about.md": "# About us\n",
        "images/photo.html": "<p>a photo page</p>",
        "kept.html": "<p>kept</p>",
    }
    site = build_site(tmp_path, files)
    said = f"newsroom: {SOURCE}:5: alias"  # the line of its aliases
    assert site.warnings == [
        f"{said} '/2019/05/03/old-slug/' is the URL of articles/old.md, so no redirect was "
        "written there; remove it from 'aliases'",
        f"{said} '/about/' is the URL of about.md, so no redirect was written there; remove it "
        "from 'aliases'",
        f"{said} '/tags/transport/' is inside /tags/, the folder reserved for the tag listings, "
        "so no redirect was written there; remove it from 'aliases'",
        f"{said} '/2024/05/01/night-buses/' is the article's own URL, so no redirect was written "
        "there; remove it from 'aliases'",
        f"{said} '/shared/' is already an alias of articles/aaa.md, so no redirect was written "
        "there; remove it from 'aliases'",
        f"newsroom: {SOURCE}:5: the redirect page of alias '/images/photo.html/' was not written "
        "(images/photo.html is a file); remove the alias, or the file that has its address",
        f"newsroom: {SOURCE}:5: the redirect page of alias '/kept.html' was not written (a file "
        "is already there); remove the alias, or the file that has its address",
    ]
    assert site.dom("2019/05/03/old-slug/").css_first("h1.nr-headline").text() == "Old story"
    assert site.dom("about/").css_first("h1").text() == "About us"
    assert (site.site_dir / "images/photo.html").read_text("utf-8") == "<p>a photo page</p>"
    assert (site.site_dir / "kept.html").read_text("utf-8") == "<p>kept</p>"
    first = "https://news.example.org/2024/05/01/first/"
    assert _redirect_target(site.site_dir / "shared/index.html") == first


def _redirect_target(path: Path) -> str:
    page = LexborHTMLParser(path.read_text(encoding="utf-8"))
    return page.css_first('link[rel="canonical"]').attributes["href"] or ""


def test_a_collision_fails_a_strict_build(tmp_path: Path) -> None:
    files = {SOURCE: _bus("/about/"), "about.md": "# About us\n"}
    with pytest.raises(Abort):
        build_site(tmp_path, files, strict=True)


BUILT = [
    ("/newsroom-build.json/", "newsroom-build.json"),
    ("/newsroom-build.json/index.html", "newsroom-build.json"),
    ("/feed.xml/", "feed.xml"),
    ("/Atom.XML/", "atom.xml"),
    ("/feed.json/", "feed.json"),
    ("/sitemap.xml/", "sitemap.xml"),
    ("/sitemap-2.xml/", "sitemap-2.xml"),
    ("/sitemap.xml.gz/", "sitemap.xml.gz"),
    ("/news-sitemap.xml/", "news-sitemap.xml"),
    ("/robots.txt/", "robots.txt"),
    ("/404.html", "404.html"),
    ("/search/", "search"),
]


def test_an_alias_never_takes_the_name_of_a_file_the_build_writes(tmp_path: Path) -> None:
    files = {SOURCE: _bus(*(alias for alias, _name in BUILT))}
    site = build_site(tmp_path, files)
    listings = {"search"}  # also one of the newsroom's reserved folders
    expected = [
        f"newsroom: {SOURCE}:5: alias '{alias.removesuffix('index.html')}' "
        + (
            "is inside /search/, the folder reserved for the search index"
            if name in listings
            else f"is where the build writes its own {name}"
        )
        + ", so no redirect was written there; remove it from 'aliases'"
        for alias, name in BUILT
        if alias != "/newsroom-build.json/index.html"  # the same alias as the one before
    ]
    assert site.warnings == expected
    assert (site.site_dir / "newsroom-build.json").is_file()  # the build went on, and wrote it
    assert (site.site_dir / "feed.xml").is_file() and (site.site_dir / "robots.txt").is_file()
    with pytest.raises(Abort):
        build_site(tmp_path / "strict", files, strict=True)
    checked = newsroom(tmp_path, "check")
    assert checked.returncode == 1
    assert checked.stdout.splitlines() == [line.removeprefix("newsroom: ") for line in expected]


def test_an_alias_too_long_for_a_file_system_is_refused_by_build_and_check_alike(
    tmp_path: Path,
) -> None:
    files = {SOURCE: _bus("/2019/" + "é" * 128 + "/")}  # a name of 256 bytes
    site = build_site(tmp_path, files)  # no OSError: one warning
    assert len(site.warnings) == 1 and "has a part longer than 255 bytes" in site.warnings[0]
    with pytest.raises(Abort):
        build_site(tmp_path / "strict", files, strict=True)
    checked = newsroom(tmp_path, "check")
    assert checked.returncode == 1
    (line,) = checked.stdout.splitlines()
    assert line.startswith(f"{SOURCE}:5:") and "longer than 255 bytes" in line
