"""Feeds, sitemaps, news metadata and search, checked by real validators and parsers."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

import feedparser
import pytest
from lxml import etree
from PIL import Image

from mkdocs_newsroom.search.query import IndexFiles
from mkdocs_newsroom.search.shards import INDEX_DIR

from .checkers import (
    rss_problems,
    structured_data,
    validate_atom,
    validate_news_sitemap,
    validate_sitemap,
)
from .sites import Site, article, build_site, photo

BUILD_EPOCH = "1714600800"  # 2024-05-01T22:00:00Z
HOSTILE_TITLE = 'Profits < forecast & "fears" </title><script>alert(1)</script>'
HOSTILE_TAG = "<img src=x onerror=alert(3)>"
ATOM = "{http://www.w3.org/2005/Atom}"


def _files() -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {
        "articles/hostile.md": article(
            HOSTILE_TITLE,
            "2024-05-01T09:30:00+04:30",
            updated="2024-05-01T12:00:00+04:30",
            authors=["jdoe", "asmith"],
            section="world",
            tags=[HOSTILE_TAG, "Kabul"],
            summary='A summary with <b>tags</b> & "quotes"',
            image={"src": "images/a.png", "alt": "Alt <text>"},
            body="Body with a zebra word.",
        ),
        "articles/old.txt": article("An older story", "2024-04-01T08:00:00Z", section="world"),
        "articles/no-author.md": article("No byline", "2024-04-29T23:00:00Z", section="business"),
        "images/a.png": photo(1600, 1000, "PNG"),
    }
    for day in range(1, 8):
        files[f"articles/w{day}.md"] = article(
            f"World story {day}", f"2024-03-{day:02d}T10:00:00Z", section="world", tags=["Kabul"]
        )
    return files


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    monkey = pytest.MonkeyPatch()
    monkey.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    try:
        return build_site(
            tmp_path_factory.mktemp("discover"), _files(), plugin={"feed_length": 5, "page_size": 5}
        )
    finally:
        monkey.undo()


FEED_FOLDERS = ["", "section/world/", "section/business/", "tags/kabul/", "authors/jdoe/"]


@pytest.mark.parametrize("folder", FEED_FOLDERS)
def test_rss_and_atom_feeds_are_valid(site: Site, folder: str) -> None:
    assert rss_problems(site.site_dir / folder / "feed.xml") == []
    assert validate_atom(site.site_dir / folder / "atom.xml") == []


def test_site_feed_holds_the_latest_items_with_zoned_dates(site: Site) -> None:
    rss = feedparser.parse(site.site_dir / "feed.xml")
    assert len(rss.entries) == 5  # feed_length
    titles = [entry.title for entry in rss.entries]
    assert titles == [
        HOSTILE_TITLE,
        "No byline",
        "An older story",
        "World story 7",
        "World story 6",
    ]
    raw = etree.parse(str(site.site_dir / "feed.xml"))
    dates = [parsedate_to_datetime(d.text) for d in raw.iter("pubDate")]
    assert dates == sorted(dates, reverse=True)
    assert raw.findtext("channel/item/pubDate") == "Wed, 01 May 2024 09:30:00 +0430"
    assert raw.findtext("channel/item/link") == (
        "https://news.example.org/2024/05/01/profits-forecast-fears-title-script-alert-1-script/"
    )
    atom = etree.parse(str(site.site_dir / "atom.xml"))
    entry = atom.find(f"{ATOM}entry")
    assert entry is not None
    assert entry.findtext(f"{ATOM}published") == "2024-05-01T09:30:00+04:30"
    assert entry.findtext(f"{ATOM}updated") == "2024-05-01T12:00:00+04:30"
    assert [a.findtext(f"{ATOM}name") for a in entry.findall(f"{ATOM}author")] == [
        "Jane Doe",
        "Ali Smith",
    ]
    assert [a.findtext(f"{ATOM}uri") for a in entry.findall(f"{ATOM}author")] == [
        "https://news.example.org/authors/jdoe/",
        "https://news.example.org/authors/asmith/",
    ]
    categories = [c.get("term") for c in entry.findall(f"{ATOM}category")]
    assert categories == ["World", HOSTILE_TAG, "Kabul"]


def test_feeds_hold_exactly_the_raw_values(site: Site) -> None:
    atom = etree.parse(str(site.site_dir / "atom.xml"))
    entry = atom.find(f"{ATOM}entry")
    assert entry is not None
    assert entry.findtext(f"{ATOM}title") == HOSTILE_TITLE
    summary = entry.find(f"{ATOM}summary")
    assert summary is not None and summary.get("type") is None  # Atom's default: text
    assert summary.text == 'A summary with <b>tags</b> & "quotes"'
    (parsed,) = feedparser.parse(site.site_dir / "atom.xml").entries[:1]
    assert parsed.summary_detail.type == "text/plain"  # not HTML: the <b> is shown as it is
    rss = etree.parse(str(site.site_dir / "feed.xml"))
    assert rss.findtext("channel/item/title") == HOSTILE_TITLE
    # An RSS description is HTML: the plain summary arrives escaped for HTML exactly once.
    assert rss.findtext("channel/item/description") == (
        'A summary with &lt;b&gt;tags&lt;/b&gt; &amp; "quotes"'
    )
    document = json.loads((site.site_dir / "feed.json").read_text(encoding="utf-8"))
    assert document["version"] == "https://jsonfeed.org/version/1.1"
    item = document["items"][0]
    assert item["title"] == HOSTILE_TITLE
    assert item["content_text"] == 'A summary with <b>tags</b> & "quotes"'
    assert item["tags"] == [HOSTILE_TAG, "Kabul"]
    assert item["date_published"] == "2024-05-01T09:30:00+04:30"


def test_listing_feeds_hold_their_own_articles(site: Site) -> None:
    business = feedparser.parse(site.site_dir / "section/business/feed.xml")
    assert [e.title for e in business.entries] == ["No byline"]
    kabul = feedparser.parse(site.site_dir / "tags/kabul/atom.xml")
    assert len(kabul.entries) == 5
    assert all("Kabul" in [t.term for t in e.tags] for e in kabul.entries)
    jdoe = feedparser.parse(site.site_dir / "authors/jdoe/feed.xml")
    assert [e.title for e in jdoe.entries] == [HOSTILE_TITLE]


def test_full_content_feeds_when_configured(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        {"articles/a.md": article("Full", body="Para *one*.")},
        plugin={"feed_full_content": True},
    )
    atom = etree.parse(str(site.site_dir / "atom.xml"))
    assert atom.findtext(f"{ATOM}entry/{ATOM}content") == "<p>Para <em>one</em>.</p>"
    assert validate_atom(site.site_dir / "atom.xml") == []
    assert rss_problems(site.site_dir / "feed.xml") == []


@pytest.mark.parametrize(
    ("url", "feeds"),
    [
        ("", ["/feed.xml", "/atom.xml", "/feed.json"]),
        (
            "section/world/",
            [
                "/feed.xml",
                "/atom.xml",
                "/feed.json",
                "/section/world/feed.xml",
                "/section/world/atom.xml",
            ],
        ),
        (
            "tags/kabul/page/2/",
            [
                "/feed.xml",
                "/atom.xml",
                "/feed.json",
                "/tags/kabul/feed.xml",
                "/tags/kabul/atom.xml",
            ],
        ),
        ("archive/2024/05/", ["/feed.xml", "/atom.xml", "/feed.json"]),
    ],
)
def test_every_page_points_to_its_feeds(site: Site, url: str, feeds: list[str]) -> None:
    links = site.dom(url).css('head link[rel~="alternate"]')
    assert all(link.attributes["rel"] == "alternate feed" for link in links)
    assert [link.attributes["href"] for link in links] == feeds


def test_sitemap_lists_every_page_with_real_change_dates(site: Site) -> None:
    path = site.site_dir / "sitemap.xml"
    assert validate_sitemap(path) == []
    tree = etree.parse(str(path))
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    entries = {
        url.findtext(f"{ns}loc"): url.findtext(f"{ns}lastmod") for url in tree.iter(f"{ns}url")
    }
    # every page but the empty section fronts, which are noindex
    empty = {"section/politics/"}
    for url in empty:
        assert site.dom(url).css_first('meta[name="robots"]').attributes["content"] == "noindex"
    pages = {f"https://news.example.org/{url}" for url in site.pages() if url not in empty}
    assert set(entries) == pages
    article_url = (
        "https://news.example.org/2024/05/01/profits-forecast-fears-title-script-alert-1-script/"
    )
    assert entries[article_url] == "2024-05-01T12:00:00+04:30"  # `updated`, not `date`
    assert entries["https://news.example.org/section/business/"] == "2024-04-29T23:00:00+00:00"
    # page 2 of World shows World stories 4 to 1, which moved there when the newest World
    # story came out
    assert entries["https://news.example.org/section/world/page/2/"] == "2024-05-01T09:30:00+04:30"
    # every lastmod is some article's date or update, never the build's time
    changes = {
        time.attributes["datetime"]
        for url in site.pages()
        if url.startswith("2024/")
        for time in site.dom(url).css(".nr-times time")
    }
    assert set(entries.values()) <= changes
    build_time = datetime.fromtimestamp(int(BUILD_EPOCH), tz=UTC).isoformat()
    assert build_time not in entries.values()
    assert validate_sitemap(site.site_dir / "sitemap.xml.gz") == []


def test_news_sitemap_lists_only_the_last_two_days(site: Site) -> None:
    path = site.site_dir / "news-sitemap.xml"
    assert validate_news_sitemap(path) == []
    tree = etree.parse(str(path))
    news = "{http://www.google.com/schemas/sitemap-news/0.9}"
    titles = [t.text for t in tree.iter(f"{news}title")]
    assert titles == [HOSTILE_TITLE, "No byline"]  # 2024-04-01 and March are too old
    assert [n.text for n in tree.iter(f"{news}name")] == ["Test Gazette"] * 2
    assert [n.text for n in tree.iter(f"{news}language")] == ["en"] * 2
    dates = [d.text for d in tree.iter(f"{news}publication_date")]
    assert dates == ["2024-05-01T09:30:00+04:30", "2024-04-29T23:00:00+00:00"]


def test_robots_txt_names_the_sitemaps(site: Site) -> None:
    assert (site.site_dir / "robots.txt").read_text() == (
        "# Written by Newsroom; a robots.txt in the content folder replaces it\n"
        "User-agent: *\nAllow: /\n\n"
        "Sitemap: https://news.example.org/sitemap.xml\n"
        "Sitemap: https://news.example.org/news-sitemap.xml\n"
    )


def test_article_metadata_reads_back_with_extruct(site: Site) -> None:
    url = "2024/05/01/profits-forecast-fears-title-script-alert-1-script/"
    full = f"https://news.example.org/{url}"
    data = structured_data(site.html(url), full)
    (ld,) = data["json-ld"]
    assert ld["@type"] == "NewsArticle"
    assert ld["headline"] == HOSTILE_TITLE
    assert "description" not in ld  # the meta description's and og:description's
    # the lead image, a 1600 x 1000 PNG, is shared as a JPEG 1200 pixels wide (Open Graph),
    # and its 16:9, 4:3 and 1:1 crops are given to search engines, each with its size
    sizes = [(1200, 675), (1200, 900), (1000, 1000)]
    assert [(image["width"], image["height"]) for image in ld["image"]] == sizes
    for image, (width, height) in zip(ld["image"], sizes, strict=True):
        assert image["@type"] == "ImageObject"
        assert re.fullmatch(
            rf"https://news\.example\.org/pictures/a-[0-9a-f]{{10}}-{width}x{height}\.jpg",
            image["url"],
        )
        with Image.open(
            site.site_dir / image["url"].removeprefix("https://news.example.org/")
        ) as jpeg:
            assert (jpeg.format, jpeg.size) == ("JPEG", (width, height))
    jpeg_url = ld["image"][0]["url"].replace("1200x675", "1200x750")
    assert (site.site_dir / jpeg_url.removeprefix("https://news.example.org/")).is_file()
    assert ld["datePublished"] == "2024-05-01T09:30:00+04:30"
    assert ld["dateModified"] == "2024-05-01T12:00:00+04:30"
    assert ld["author"] == [
        {"@type": "Person", "name": "Jane Doe", "url": "https://news.example.org/authors/jdoe/"},
        {"@type": "Person", "name": "Ali Smith", "url": "https://news.example.org/authors/asmith/"},
    ]
    assert ld["publisher"]["name"] == "Test Gazette"
    # the logo tests/sites.py gives every test site (test_shared_pictures.py: the favicon)
    assert ld["publisher"]["logo"]["url"] == "https://news.example.org/logo.png"
    assert ld["url"] == full and "mainEntityOfPage" not in ld
    (og,) = data["opengraph"]
    assert og["@type"] == "article"  # extruct's uniform form of og:type
    assert og["og:title"] == HOSTILE_TITLE
    assert og["og:url"] == full
    assert og["og:image"] == jpeg_url
    assert (og["og:image:width"], og["og:image:height"]) == ("1200", "750")
    assert og["og:image:type"] == "image/jpeg"
    assert og["article:published_time"] == "2024-05-01T09:30:00+04:30"
    assert og["article:modified_time"] == "2024-05-01T12:00:00+04:30"
    assert og["og:description"] == 'A summary with <b>tags</b> & "quotes"'
    # section and tags are said once, in JSON-LD
    assert (ld["articleSection"], ld["keywords"]) == ("World", [HOSTILE_TAG, "Kabul"])
    assert "article:section" not in og and "article:tag" not in og
    page = site.dom(url)
    assert [m.attributes["content"] for m in page.css('meta[property="article:author"]')] == [
        "https://news.example.org/authors/jdoe/",
        "https://news.example.org/authors/asmith/",
    ]
    twitter = {
        m.attributes["name"]: m.attributes["content"] for m in page.css('meta[name^="twitter:"]')
    }
    assert twitter == {"twitter:card": "summary_large_image", "twitter:image:alt": "Alt <text>"}
    assert page.css_first('link[rel="canonical"]').attributes["href"] == full
    assert page.css_first('meta[name="description"]').attributes["content"] == (
        'A summary with <b>tags</b> & "quotes"'
    )
    script = page.css_first('script[type="application/ld+json"]').text()
    assert "</" not in script and "<script" not in script


def test_search_index_has_articles_with_section_and_date(site: Site) -> None:
    index = IndexFiles.read(site.site_dir / INDEX_DIR)
    documents = {url: (title, tags) for url, title, tags in index.documents()}
    url = "2024/05/01/profits-forecast-fears-title-script-alert-1-script/"
    assert documents[url] == (HOSTILE_TITLE, ("World", "1 May 2024"))  # shown under the title
    assert [hit.url for hit in index.search("zebra").hits] == [url]
    assert len(documents) == 10  # every article, and no listing page
    material = json.loads((site.site_dir / "search" / "search_index.json").read_text())
    assert material["docs"] == []  # no article in Material's own index (the next test)


def test_a_story_is_found_by_its_tags_bylines_and_dateline(tmp_path: Path) -> None:
    """Words its text need not hold: a reader searches a tag, a reporter, a city. They rank
    as words of the text do (below the title's), and are not shown under the result."""
    files: dict[str, str | bytes] = {
        "articles/bus.md": article(
            "Night buses run again",
            tags=["Okapiville", "Public transport"],
            location="Quagga Bay",
            authors=["jdoe"],
            body="The council agreed on Monday.",
        ),
        "articles/tram.md": article("Okapiville trams", "2024-05-02T10:00:00+00:00"),
        "articles/held.md": article(
            "Held story", tags=["Secretword"], location="Hiddenton", draft=True
        ),
    }
    authors = "jdoe: {name: Zuleika Marchetti}\n"
    site = build_site(tmp_path, files, authors=authors)
    index = IndexFiles.read(site.site_dir / INDEX_DIR)
    bus = "2024/05/01/night-buses-run-again/"
    for query in ("okapiville", "public transport", "zuleika", "marchetti", "quagga bay"):
        hits = [hit.url for hit in index.search(query).hits]
        assert bus in hits, query
    # the title's word first, the tag's after it
    okapiville = [hit.url for hit in index.search("okapiville").hits]
    assert okapiville == ["2024/05/02/okapiville-trams/", bus]
    assert [hit.url for hit in index.search("transport").hits] == [bus]
    documents = {url: tags for url, _title, tags in index.documents()}
    assert documents[bus] == ("1 May 2024",)  # shown under the title: no keyword
    assert not index.search("secretword").hits and not index.search("hiddenton").hits


def test_the_portal_s_own_pages_point_to_the_feeds_too(tmp_path: Path) -> None:
    from .sites import build_repo_site

    site = build_repo_site(tmp_path / "site")
    for path in ("404.html", "index.html", "about/index.html"):
        html = (site.site_dir / path).read_text(encoding="utf-8")
        assert 'rel="alternate feed" type="application/rss+xml"' in html, path


def test_every_page_asks_newsroom_s_worker_for_search(tmp_path: Path) -> None:
    site = build_site(tmp_path, {"about.md": "# About\n", "articles/a.md": article()})
    # Material's own index keeps the site's other pages, and no article (Newsroom's has them)
    material = json.loads((site.site_dir / "search" / "search_index.json").read_text())
    assert [doc["location"] for doc in material["docs"]] == ["about/"]
    documents = IndexFiles.read(site.site_dir / INDEX_DIR).documents()
    assert [url for url, _title, _tags in documents] == ["2024/05/01/a-headline/"]
    pages = [*site.site_dir.rglob("*.html")]
    assert len(pages) > 10
    for path in pages:
        url = path.relative_to(site.site_dir).as_posix().removesuffix("index.html")
        config = site.material_config(url)
        assert config["search"].endswith("assets/newsroom/search-worker.js"), path
    assert (site.site_dir / "assets" / "newsroom" / "search-worker.js").is_file()
    assert (site.site_dir / INDEX_DIR / "manifest.json").is_file()


def test_feed_items_do_not_repeat_what_their_feed_says(site: Site) -> None:
    """A story's item is written in every feed that lists it: each byte saved there is
    saved some 30,000 times at 10,000 articles."""
    rss_text = (site.site_dir / "feed.xml").read_text("utf-8")
    assert rss_text.count("xmlns:dc=") == 1  # on <rss>, not on each byline
    rss = etree.parse(str(site.site_dir / "feed.xml"))
    creators = [c.text for c in rss.iter("{http://purl.org/dc/elements/1.1/}creator")]
    assert creators == ["Jane Doe and Ali Smith"]  # the story without a byline has none
    assert feedparser.parse(site.site_dir / "feed.xml").entries[0].author == creators[0]
    atom_text = (site.site_dir / "atom.xml").read_text("utf-8")
    assert 'type="text"' not in atom_text and 'rel="alternate"/><published' not in atom_text
    for entry in etree.parse(str(site.site_dir / "atom.xml")).iter(f"{ATOM}entry"):
        rels = [link.get("rel") for link in entry.findall(f"{ATOM}link")]
        assert rels in ([None], [None, "enclosure"])  # the story's page, and its picture
    for parsed in feedparser.parse(site.site_dir / "atom.xml").entries:
        assert parsed.link.startswith("https://news.example.org/2024/")  # rel's default


def test_a_tag_named_as_the_section_is_one_category_of_a_feeds_item(tmp_path: Path) -> None:
    files = {
        "articles/a.md": article(section="world", tags=["world", "Kabul", "Straße", "Strasse"])
    }
    site = build_site(tmp_path, files)
    entry = etree.parse(str(site.site_dir / "atom.xml")).find(f"{ATOM}entry")
    assert entry is not None
    terms = ["World", "Kabul", "Straße", "Strasse"]  # two tags, as their pages are
    assert [c.get("term") for c in entry.findall(f"{ATOM}category")] == terms
    item = feedparser.parse(site.site_dir / "feed.xml").entries[0]
    assert [tag.term for tag in item.tags] == terms


PERMALINK_BODY = (
    "Opening words of the zebra story.\n\n## Second part\n\nMore zebra text, "
    '<a class="headerlink" href="#x">kept words</a> today.\n\n'
    '## <a class="headerlink" href="#second-part">Own link</a> in a heading\n\nThe end.\n'
)


@pytest.mark.parametrize("engine", ["python-markdown", "commonmark"])
@pytest.mark.parametrize(
    "toc",
    [
        {"permalink": True},
        {"permalink": "#", "permalink_leading": True, "permalink_class": "anchor"},
        {"permalink": True, "anchorlink": True, "anchorlink_class": "headerlink"},
    ],
    ids=["permalink", "leading, own class", "anchorlink of the same class"],
)
def test_headings_permalinks_are_on_the_page_only(
    tmp_path: Path, engine: str, toc: dict[str, object]
) -> None:
    """`toc: {permalink: true}` (as Material's sites set it) puts a ¶ link in each heading:
    the page shows it under the pointer; the search result's snippet, the word count and a
    full-text feed are the story's words without it, whatever its class, text or place. A
    reporter's own links stay, in a paragraph or a heading, and so do anchor links' words."""
    site = build_site(
        tmp_path,
        {"articles/a.md": article("Zebra news", body=PERMALINK_BODY)},
        plugin={"markdown_engine": engine, "feed_full_content": True},
        config={"markdown_extensions": [{"toc": toc}]},
    )
    url = "2024/05/01/zebra-news/"
    mark = str(toc["permalink"]) if toc["permalink"] is not True else "¶"
    permalink = site.dom(url).css_first(
        f"h2#second-part a.{toc.get('permalink_class', 'headerlink')}"
    )
    assert permalink.text() in (mark, "Second part")  # the page keeps them
    [hit] = IndexFiles.read(site.site_dir / INDEX_DIR).search("zebra").hits
    assert hit.snippet == (
        "Opening words of the zebra story. Second part More zebra text, kept words today. Own "
        "link in a heading The end."
    )
    [news] = structured_data(site.html(url))["json-ld"]
    assert news["wordCount"] == 21
    for feed in ("feed.xml", "atom.xml"):
        [entry] = feedparser.parse(site.file(feed).read_bytes()).entries
        content = entry.content[0].value if feed == "atom.xml" else entry.description
        assert "Second part</" in content and "kept words</a> today" in content, feed
        assert "Own link</a> in a heading" in content, feed
        assert f">{mark}</a>" not in content, feed
    [item] = json.loads(site.file("feed.json").read_text("utf-8"))["items"]
    assert f">{mark}</a>" not in item["content_html"]


def test_a_story_made_to_look_like_permalinks_costs_its_length(tmp_path: Path) -> None:
    """A class of 100,000 `headerlink`s, heading tags inside attributes: found in one pass
    (a regular expression took time as the square of the story's length, and the story was
    skipped as too slow to render)."""
    classes = "headerlink " * 20_000
    body = (
        f'<p class="{classes}">x</p>\n\n## Zebra heading\n\n'
        + f'<a class="headerlink" href="#{"h" * 50_000}" title="{"<h1" * 20_000}">¶</a>\n'
    )
    site = build_site(
        tmp_path,
        {"articles/a.md": article("Zebra news", body=body)},
        config={"markdown_extensions": [{"toc": {"permalink": True}}]},
    )
    assert site.warnings == []
    [hit] = IndexFiles.read(site.site_dir / INDEX_DIR).search("zebra").hits
    assert hit.url == "2024/05/01/zebra-news/"
