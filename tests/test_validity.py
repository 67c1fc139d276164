"""The demo portal's HTML is valid and its links lead somewhere; every checker can fail.

The first tests build the demo portal once and run the checkers of `checkers.py` over all of
it. The rest feed each checker small hand-written good and bad inputs, so a passing run of the
portal tests means something.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from mkdocs.config import load_config

from .checkers import (
    broken_links,
    rss_problems,
    structured_data,
    validate_atom,
    validate_news_sitemap,
    validate_sitemap,
    vnu_errors,
)
from .sites import REPO, Site, build_repo_site, write_tree

# --------------------------------------------------------------------------------------------
# The demo portal
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return build_repo_site(tmp_path_factory.mktemp("portal") / "site")


@pytest.fixture(scope="module")
def site_url() -> str:
    url: str = load_config(config_file=str(REPO / "mkdocs.yml"))["site_url"]
    return url


def test_every_page_of_the_demo_portal_is_valid_html(portal: Site) -> None:
    pages = list(portal.site_dir.rglob("*.html"))
    assert len(pages) > 20  # front, articles, sections, tags, authors, archive, 404
    errors = vnu_errors(portal.site_dir)
    assert errors == [], "the Nu validator found errors:\n" + "\n".join(errors)


def test_the_demo_portal_has_no_broken_internal_link_or_anchor(portal: Site, site_url: str) -> None:
    problems = broken_links(portal.site_dir, site_url)
    assert problems == [], "broken links:\n" + "\n".join(problems)


def test_the_demo_portals_sitemaps_are_valid(portal: Site) -> None:
    assert validate_sitemap(portal.site_dir / "sitemap.xml") == []
    assert validate_sitemap(portal.site_dir / "sitemap.xml.gz") == []


# --------------------------------------------------------------------------------------------
# vnu_errors
# --------------------------------------------------------------------------------------------

PAGE = """\
<!doctype html>
<html lang="en">
<head><title>T</title></head>
<body>
{}
</body>
</html>
"""
MATERIAL_BASELINE = """\
<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">
<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">
<label class="md-nav__link" for="__toc">Contents</label>
<p>Fine.</p>"""


@pytest.fixture(scope="module")
def vnu_results(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """One JVM for every vnu case: good, Material's baseline, and real errors."""
    root = tmp_path_factory.mktemp("vnu")
    write_tree(
        root,
        {
            "valid.html": PAGE.format("<p>Fine.</p>"),
            "material.html": PAGE.format(MATERIAL_BASELINE),
            "nested/invalid.html": PAGE.format('<p><div>x</div></p><i id="a"></i><b id="a"></b>'),
            "own-checkbox.html": PAGE.format(
                '<input type="checkbox" id="subscribe" autocomplete="off">'
                '<label for="nope">x</label>'
            ),
            "خبر فوری.html": PAGE.format("<ul><p>not a list item</p></ul>"),
            "notes.txt": "<p><div>not HTML, skipped</div></p>",
        },
    )
    files = [root / "valid.html", root / "material.html", root / "own-checkbox.html"]
    return vnu_errors([*files, root / "nested", root / "خبر فوری.html", root / "notes.txt"])


def errors_of(results: list[str], name: str) -> list[str]:
    return [line.split(".html:", 1)[1] for line in results if f"/{name}.html:" in line]


def test_vnu_passes_valid_pages_and_drops_only_materials_baseline(vnu_results: list[str]) -> None:
    assert errors_of(vnu_results, "valid") == []
    assert errors_of(vnu_results, "material") == []


def test_vnu_reports_real_errors(vnu_results: list[str]) -> None:
    invalid = errors_of(vnu_results, "invalid")
    assert any("No “p” element in scope but a “p” end tag seen" in e for e in invalid)
    assert any("Duplicate ID “a”" in e for e in invalid)
    assert invalid[0].startswith("5.")  # line.column of the error in the file
    assert errors_of(vnu_results, "خبر فوری")  # a non-ASCII file name, decoded
    assert not any("notes.txt" in line for line in vnu_results)


def test_vnu_keeps_the_baseline_messages_when_newsrooms_own_markup_causes_them(
    vnu_results: list[str],
) -> None:
    own = errors_of(vnu_results, "own-checkbox")
    assert len(own) == 2
    assert "Attribute “autocomplete” is only allowed" in own[0]
    assert "“for” attribute of the “label” element" in own[1]


# --------------------------------------------------------------------------------------------
# broken_links
# --------------------------------------------------------------------------------------------


def html(body: str, head: str = "") -> str:
    return (
        f'<!doctype html><html lang="en"><head><title>T</title>{head}</head>'
        f"<body>{body}</body></html>"
    )


MINI_SITE = {
    "index.html": html(
        """
        <a href="a/">dir</a> <a href="a">dir without slash</a> <a href="a/index.html">file</a>
        <a href="a/#intro">id</a> <a href="a/#old">a name</a> <a href="#here" id="here">self</a>
        <a href="#top">top</a> <a href="">itself</a> <a href="a/?q=1#intro">query</a>
        <a href="%D8%AE%D8%A8%D8%B1/#%D8%A8%D8%AE%D8%B4">encoded</a> <a href="خبر/#بخش">raw</a>
        <a href="/repo/a/">root-absolute</a> <a href="https://example.org/repo/a/">absolute</a>
        <a href="https://other.example/x">external</a> <a href="//cdn.example/x.js">cdn</a>
        <a href="mailto:desk@example.org">mail</a> <a href="javascript:void(0)">js</a>
        <a href="tel:+93700000000">phone</a> <img src="data:image/png;base64,AAAA" alt="">
        <img src="img/x.svg" srcset="img/x.svg 1x, img/x@2x.svg 2x" alt="">
        <a href="missing/">missing page</a> <a href="a/#nope">missing anchor</a>
        <a href="#nowhere">missing own anchor</a> <a href="/elsewhere/">outside</a>
        <a href="../up/">above the site</a> <a href="https://example.org/repo/gone/">gone</a>
        <svg><use xlink:href="img/x.svg"/></svg> <svg><use xlink:href="img/gone.svg#i1"/></svg>
        """,
        head='<link rel="stylesheet" href="assets/site.css">'
        '<meta property="og:image" content="https://example.org/repo/img/og.png">',
    ),
    "a/index.html": html('<h2 id="intro">Intro</h2><a name="old"></a><a href="../">up</a>'),
    "خبر/index.html": html('<h2 id="بخش">بخش</h2><a href="../a/#intro">back</a>'),
    "404.html": html(
        '<a href="/repo/a/">ok</a> <a href="/repo/assets/site.css">ok</a> <a href="#x" id="x">'
        '</a> <a href="/repo/assets/gone.css">missing</a> <a href="a/">relative</a>'
    ),
    "assets/site.css": "body {}",
    "img/x.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
}


def test_broken_links_finds_exactly_the_broken_ones(tmp_path: Path) -> None:
    write_tree(tmp_path, MINI_SITE)
    assert broken_links(tmp_path, "https://example.org/repo/") == [
        "404.html: href='/repo/assets/gone.css': no such file assets/gone.css",
        "404.html: href='a/': relative link in 404.html, which is served at any URL; "
        "make it root-absolute",
        "index.html: srcset='img/x@2x.svg': no such file img/x@2x.svg",
        "index.html: href='missing/': no such file missing/index.html",
        "index.html: href='a/#nope': no id 'nope' in a/index.html",
        "index.html: href='#nowhere': no id 'nowhere' in index.html",
        "index.html: href='/elsewhere/': points outside the site, whose path is /repo/",
        "index.html: href='../up/': points outside the site, whose path is /repo/",
        "index.html: href='https://example.org/repo/gone/': no such file gone/index.html",
        "index.html: xlink:href='img/gone.svg#i1': no such file img/gone.svg",
        "index.html: og:image='https://example.org/repo/img/og.png': no such file img/og.png",
    ]


def test_broken_links_passes_a_sound_site_at_the_domain_root(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "index.html": html('<a href="/a/#intro">a</a> <a href="a">a</a>'),
            "a/index.html": html('<h2 id="intro">Intro</h2><a href="/">home</a>'),
            "404.html": html('<a href="/a/">a</a>'),
        },
    )
    assert broken_links(tmp_path, "https://example.org/") == []


# --------------------------------------------------------------------------------------------
# Atom
# --------------------------------------------------------------------------------------------

ATOM = """\
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fa">
  <id>https://news.example.org/</id>
  <title>روزنامه</title>
  <updated>2026-11-24T18:05:00+04:30</updated>
  <link rel="self" href="https://news.example.org/feed.atom"/>
  {feed_author}
  <entry>
    <id>https://news.example.org/2026/11/24/khabar/</id>
    <title>خبر فوری</title>
    <updated>2026-11-24T18:05:00+04:30</updated>
    {entry_link}
    <summary>خلاصه</summary>
  </entry>
</feed>
"""
ATOM_AUTHOR = "<author><name>Mariam Rahimi</name></author>"
ATOM_LINK = '<link href="https://news.example.org/2026/11/24/khabar/"/>'


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_validate_atom_accepts_a_valid_feed(tmp_path: Path) -> None:
    feed = ATOM.format(feed_author=ATOM_AUTHOR, entry_link=ATOM_LINK)
    assert validate_atom(write(tmp_path, "feed.atom", feed)) == []


def test_validate_atom_rejects_what_rfc_4287_forbids(tmp_path: Path) -> None:
    no_updated = ATOM.format(feed_author=ATOM_AUTHOR, entry_link=ATOM_LINK).replace(
        "  <updated>2026-11-24T18:05:00+04:30</updated>\n  <link", "  <link"
    )
    assert validate_atom(write(tmp_path, "a.atom", no_updated))  # the grammar (RELAX NG)
    no_author = ATOM.format(feed_author="", entry_link=ATOM_LINK)
    assert validate_atom(write(tmp_path, "b.atom", no_author)) == [
        "entry 1: no atom:author, and the feed has none"
    ]
    no_link = ATOM.format(feed_author=ATOM_AUTHOR, entry_link="")
    assert validate_atom(write(tmp_path, "c.atom", no_link)) == [
        'entry 1: neither a link rel="alternate" nor a content'
    ]
    assert validate_atom(write(tmp_path, "d.atom", "<feed><title>x</feed>"))[0].startswith(
        "not well-formed XML"
    )


# --------------------------------------------------------------------------------------------
# Sitemaps
# --------------------------------------------------------------------------------------------

SITEMAP = """\
<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url>
    <loc>https://news.example.org/2026/11/24/%D8%AE%D8%A8%D8%B1/</loc>
    <lastmod>{lastmod}</lastmod>
    {news}
  </url>
</urlset>
"""
NEWS = """<news:news>
      <news:publication><news:name>روزنامه</news:name><news:language>{lang}</news:language>
      </news:publication>
      <news:publication_date>2026-11-24T18:05:00+04:30</news:publication_date>
      {title}
    </news:news>"""
NEWS_TITLE = "<news:title>خبر فوری</news:title>"


def test_validate_sitemap(tmp_path: Path) -> None:
    good = SITEMAP.format(lastmod="2026-11-24", news="")
    assert validate_sitemap(write(tmp_path, "sitemap.xml", good)) == []
    (tmp_path / "sitemap.xml.gz").write_bytes(gzip.compress(good.encode()))
    assert validate_sitemap(tmp_path / "sitemap.xml.gz") == []
    bad = SITEMAP.format(lastmod="yesterday", news="")
    assert validate_sitemap(write(tmp_path, "bad.xml", bad))
    # news: tags are extension elements: the plain sitemap schema cannot vouch for them
    news = SITEMAP.format(lastmod="2026-11-24", news=NEWS.format(lang="fa", title=NEWS_TITLE))
    assert validate_sitemap(write(tmp_path, "news.xml", news))


def test_validate_news_sitemap(tmp_path: Path) -> None:
    def check(news: str) -> list[str]:
        text = SITEMAP.format(lastmod="2026-11-24T18:05:00+04:30", news=news)
        return validate_news_sitemap(write(tmp_path, "news.xml", text))

    assert check(NEWS.format(lang="fa", title=NEWS_TITLE)) == []
    assert check(NEWS.format(lang="zh-cn", title=NEWS_TITLE)) == []
    assert check("") == []  # a URL whose news:news was removed once it was two days old
    assert check(NEWS.format(lang="Persian", title=NEWS_TITLE))
    assert check(NEWS.format(lang="fa", title=""))
    empty = '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>'
    assert validate_news_sitemap(write(tmp_path, "empty.xml", empty)) == []


# --------------------------------------------------------------------------------------------
# RSS 2.0
# --------------------------------------------------------------------------------------------

RSS = """\
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>The Newsroom Gazette</title>
    <link>https://news.example.org/</link>
    <description>Independent news</description>
    <atom:link href="https://news.example.org/feed.xml" rel="self" type="application/rss+xml"/>
    <lastBuildDate>Tue, 24 Nov 2026 13:35:00 GMT</lastBuildDate>
    <item>
      <title>City council approves a night bus trial</title>
      <link>https://news.example.org/2026/11/24/night-buses/</link>
      <description>Councillors voted 31 to 9.</description>
      <pubDate>Tue, 24 Nov 2026 18:05:00 +0430</pubDate>
      <guid>https://news.example.org/2026/11/24/night-buses/</guid>
    </item>
    <item>
      <description>خبر فوری</description>
      <pubDate>Mon, 23 Nov 2026 09:00:00 +0000</pubDate>
      <guid isPermaLink="false">newsroom-2</guid>
    </item>
  </channel>
</rss>
"""


def test_rss_problems_passes_a_valid_feed(tmp_path: Path) -> None:
    assert rss_problems(write(tmp_path, "feed.xml", RSS)) == []


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ('version="2.0"', 'version="0.91"', 'the root is <rss version="0.91">, not RSS 2.0'),
        ("<title>The Newsroom Gazette</title>", "", "channel: no title"),
        ("<link>https://news.example.org/</link>", "<link> </link>", "channel: no link"),
        ("<description>Independent news</description>", "", "channel: no description"),
        ('rel="self"', 'rel="alternate"', 'channel: no atom:link rel="self"'),
        (
            "Tue, 24 Nov 2026 18:05:00 +0430",
            "2026-11-24T18:05:00+04:30",
            "item 1 pubDate: '2026-11-24T18:05:00+04:30' is not an RFC 822 date",
        ),
        (
            "13:35:00 GMT",
            "13:35:00",
            "channel lastBuildDate: 'Tue, 24 Nov 2026 13:35:00' has no RFC 822 time zone",
        ),
        ("<description>خبر فوری</description>", "", "item 2: neither a title nor a description"),
        ('<guid isPermaLink="false">newsroom-2</guid>', "", "item 2: no guid"),
        (
            'isPermaLink="false">newsroom-2',
            ">https://news.example.org/2026/11/24/night-buses/",
            "item 2: guid 'https://news.example.org/2026/11/24/night-buses/' repeats item 1",
        ),
        (' isPermaLink="false"', "", "item 2: guid 'newsroom-2' is a permalink but not a URL"),
        ("</rss>", "<channel/></rss>", "2 channel elements; RSS 2.0 needs one"),
        ("</channel>", "", "not well-formed XML: "),
    ],
)
def test_rss_problems_reports_each_broken_rule(
    tmp_path: Path, old: str, new: str, problem: str
) -> None:
    assert old in RSS
    problems = rss_problems(write(tmp_path, "feed.xml", RSS.replace(old, new, 1)))
    assert any(p.startswith(problem) for p in problems), problems


def test_rss_problems_reports_what_feedparser_cannot_read(tmp_path: Path) -> None:
    problems = rss_problems(write(tmp_path, "feed.xml", RSS.replace("<title>", "<dc:title>", 1)))
    assert any(p.startswith("feedparser: ") for p in problems), problems


# --------------------------------------------------------------------------------------------
# structured_data
# --------------------------------------------------------------------------------------------

JSON_LD = """<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "خبر فوری",
 "datePublished": "2026-11-24T18:05:00+04:30", "author": [{"@type": "Person", "name": "M. R."}]}
</script>"""
OG = '<meta property="og:title" content="Night buses"><meta property="og:type" content="article">'


def test_structured_data_reads_json_ld_and_opengraph() -> None:
    data = structured_data(html("<p>x</p>", head=JSON_LD + OG))
    (article,) = data["json-ld"]
    assert article["@type"] == "NewsArticle"
    assert article["headline"] == "خبر فوری"
    (graph,) = data["opengraph"]
    assert graph["og:title"] == "Night buses"


def test_structured_data_finds_nothing_when_the_head_is_broken() -> None:
    broken = '<meta name="description" content="Desc "><script>alert(2)</script><b x="">'
    assert structured_data(html("<p>x</p>", head=broken + OG)) == {"json-ld": [], "opengraph": []}
