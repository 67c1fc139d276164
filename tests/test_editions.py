"""Editions in Pashto and Dari: right-to-left pages, their own fronts and feeds, local dates.

The 18 VOA Pashto articles of ../shared/corpus/voa-pashto-ps are converted at test time (never
copied into the repository) into the Pashto edition of a three-edition site.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote

import pytest
from babel.dates import get_month_names
from lxml import etree

from mkdocs_newsroom.reading.bodies import render_plaintext
from mkdocs_newsroom.search.query import IndexFiles
from mkdocs_newsroom.search.shards import INDEX_DIR

from .browser import chromium, open_page, page_log, search, serve_dir
from .checkers import rss_problems, validate_atom, validate_sitemap
from .sites import SECTIONS, Site, article, build_site, corpus_folder, reached

PASHTO_MONTHS = set(get_month_names("wide", locale="ps").values())
DARI_MONTHS = set(get_month_names("wide", locale="fa_AF").values())
EDITIONS = {
    "en": {"title": "English"},
    "ps": {"title": "پښتو"},
    "prs": {"title": "دری", "languages": ["fa-AF"]},
}
SECTION_TITLES = {"world": {"title": "World", "order": 1, "titles": {"ps": "نړۍ", "prs": "جهان"}}}


def voa_folder() -> Path:
    """The VOA Pashto texts, ../shared/corpus/voa-pashto-ps."""
    return corpus_folder() / "voa-pashto-ps"


def voa_articles() -> dict[str, str | bytes]:
    """Each VOA file is `title + "\\n\\n" + body`; its date is when it was collected."""
    voa = voa_folder()
    collected = {}
    for line in (voa / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        collected[record["file"]] = record["collected_at"][:16]
    files: dict[str, str | bytes] = {}
    for path in sorted(voa.glob("*.txt")):
        title, _blank, body = path.read_text(encoding="utf-8").partition("\n\n")
        files[f"articles/ps/{path.name}"] = article(
            title.strip(),
            f"{collected[path.name]}:00+04:30",
            body=body,
            section="world",
            authors=["jdoe"],
            lang="ps",
            tags=["VOA"],
        )
    return files


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    files = voa_articles()
    files["articles/en/story.md"] = article(
        "An English story", "2025-07-01T10:00:00Z", section="world", translation="bus"
    )
    files["articles/prs/story.md"] = article(
        "داستان دری", "2025-07-01T11:00:00+04:30", section="world", lang="prs", translation="bus"
    )
    files["articles/prs/fa-af.txt"] = article(
        "خبر دیگر", "2025-07-02T11:00:00+04:30", lang="fa-AF", body="کتاب‌خانه‌ها باز شدند."
    )
    return build_site(
        tmp_path_factory.mktemp("editions"),
        files,
        plugin={"editions": EDITIONS, "sections": {**SECTIONS, **SECTION_TITLES}},
    )


def _articles_under(site: Site, folder: str) -> list[str]:
    return [u for u in site.pages() if re.fullmatch(rf"{folder}\d{{4}}/\d\d/\d\d/[^/]+/", u)]


def test_every_pashto_article_is_published_in_the_pashto_edition(site: Site) -> None:
    pashto = _articles_under(site, "ps/")
    assert len(pashto) == 18
    assert site.warnings == []
    for url in pashto:
        html = site.html(url)
        assert re.search(r'<html lang="ps" dir="rtl"', html), url
        assert re.search(r'<body dir="rtl"', html), url
        dom = site.dom(url)
        container = dom.css_first(".nr-article")
        assert container.attributes["lang"] == "ps"
        assert container.attributes["dir"] == "rtl"
        published = dom.css_first("time.nr-published").text()
        assert set(published.split()) & PASHTO_MONTHS, published
        assert dom.css_first(".nr-byline").text().strip().startswith("لیکوال:")
        minutes = dom.css_first(".nr-reading-time").text()
        assert "دقیقه لوستل" in minutes or "دقیقې لوستل" in minutes, minutes
        assert dom.css_first(".nr-kicker a").text() == "نړۍ"
        kicker = dom.css_first(".nr-kicker a").attributes["href"] or ""
        assert reached(url, kicker) == "ps/section/world/"


def test_none_of_them_is_on_the_english_front_page(site: Site) -> None:
    english = site.html("")
    assert "ps/20" not in english
    headlines = [a.text() for a in site.dom("").css(".nr-headline-list a")]
    assert headlines == ["An English story"]
    pashto_front = site.dom("ps/")
    assert len(pashto_front.css(".nr-headline-list a")) == 10
    assert re.search(r'<html lang="ps" dir="rtl"', site.html("ps/"))
    section = site.dom("ps/section/world/")
    assert section.css_first("h1").text() == "نړۍ"
    assert len(section.css(".nr-card")) == 18  # one page of 20
    assert site.dom("section/world/").css_first("h1").text() == "World"
    assert len(site.dom("section/world/").css(".nr-card")) == 1


def test_the_pashto_feed_declares_pashto(site: Site) -> None:
    assert rss_problems(site.site_dir / "ps" / "feed.xml") == []
    assert validate_atom(site.site_dir / "ps" / "atom.xml") == []
    rss = etree.parse(str(site.site_dir / "ps" / "feed.xml"))
    assert rss.findtext("channel/language") == "ps"
    assert len(rss.findall("channel/item")) == 18
    atom = etree.parse(str(site.site_dir / "ps" / "atom.xml")).getroot()
    assert atom.get("{http://www.w3.org/XML/1998/namespace}lang") == "ps"
    feed = json.loads((site.site_dir / "ps" / "feed.json").read_text(encoding="utf-8"))
    assert feed["language"] == "ps"
    english = etree.parse(str(site.site_dir / "feed.xml"))
    assert english.findtext("channel/language") == "en"
    assert [i.findtext("title") for i in english.findall("channel/item")] == ["An English story"]
    assert rss_problems(site.site_dir / "ps" / "section" / "world" / "feed.xml") == []


def test_dari_edition_takes_prs_and_fa_af_with_dari_dates_and_words(site: Site) -> None:
    dari = _articles_under(site, "prs/")
    assert len(dari) == 2
    for url in dari:
        dom = site.dom(url)
        assert set(dom.css_first("time.nr-published").text().split()) & DARI_MONTHS
        assert re.search(r'<html lang="(prs|fa-AF)" dir="rtl"', site.html(url))
    front = site.dom("prs/")
    assert front.css_first(".nr-block-title").text() in {"جهان", "تازه‌ترین‌ها"}


def test_translations_link_each_other_with_hreflang(site: Site) -> None:
    english = "2025/07/01/an-english-story/"
    dari = next(u for u in _articles_under(site, "prs/") if "داستان" in u)
    visible = site.dom(english).css(".nr-translations a")
    assert [(a.attributes["hreflang"], a.text()) for a in visible] == [("prs", "دری")]
    back = site.dom(dari).css(".nr-translations a")
    assert [(a.attributes["hreflang"], a.attributes["lang"]) for a in back] == [("en", "en")]
    # In the sitemap, as Google reads hreflang there; not as <link rel="alternate"> in the
    # head, which Material takes for another language of the whole site and probes.
    assert site.dom(english).css('head link[rel="alternate"][hreflang]') == []
    assert validate_sitemap(site.site_dir / "sitemap.xml") == []
    tree = etree.parse(str(site.site_dir / "sitemap.xml"))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    versions = {
        url.findtext("s:loc", namespaces=ns): [
            (link.get("hreflang"), link.get("href")) for link in url.findall("x:link", ns)
        ]
        for url in tree.findall("s:url", ns)
    }
    # Dari as Google names it (seo_language: fa-AF), the first edition's as x-default
    expected = [
        ("en", f"https://news.example.org/{english}"),
        ("fa-AF", f"https://news.example.org/{quote(dari)}"),
        ("x-default", f"https://news.example.org/{english}"),
    ]
    assert versions[f"https://news.example.org/{english}"] == expected
    assert versions[f"https://news.example.org/{quote(dari)}"] == expected
    assert versions["https://news.example.org/section/world/"] == []


def test_reading_time_counts_persian_compound_words_once() -> None:
    # ZWNJ (U+200C) joins the parts of one word: "کتاب‌خانه‌ها" is one word, not three.
    text = "کتاب‌خانه‌ها و می‌خواهم " * 100
    assert render_plaintext(text).word_count == 300


def test_latin_names_and_numbers_inside_pashto_text_are_isolated(tmp_path: Path) -> None:
    body = "د Route 4 بس به د 2026 کال له جنورۍ (www.example.org) وروسته چلېږي."
    built = build_site(tmp_path, {"articles/a.txt": article("سرلیک", body=body, lang="ps")})
    paragraph = built.dom("2024/05/01/سرلیک/").css_first(".nr-body p")
    assert [b.text() for b in paragraph.css("bdi")] == ["Route 4", "2026"]
    assert paragraph.css_first("a").attributes == {"href": "https://www.example.org", "dir": "ltr"}


def test_search_finds_a_pashto_word_from_the_corpus_in_the_browser(site: Site) -> None:
    text = (voa_folder() / "001.txt").read_text(encoding="utf-8")
    first_title = text.split("\n")[0]
    word = "تاسیساتو"  # "installations", in the headline and body of 001
    assert word in text
    index = IndexFiles.read(site.site_dir / INDEX_DIR)
    assert any(hit.title == first_title.strip() for hit in index.search(word).hits)
    with serve_dir(site.site_dir) as base, chromium() as browser:
        page = open_page(browser, base, 1280, "ps/")
        hits = search(page, word)
        assert any(hit.title == first_title.strip() for hit in hits), hits
        assert all("/ps/" in hit.href for hit in hits if hit.title == first_title.strip())
        assert page_log(page).dialogs == []


def test_a_tag_or_author_page_speaks_the_language_most_of_its_stories_are_in(site: Site) -> None:
    """Tag and author pages are shared by the editions: the VOA tag's and the Pashto desk
    author's stories are all Pashto, so their pages are the Pashto edition's (its words, its
    tabs, right to left); the indexes of tags and authors stay the first edition's."""
    for url in ("tags/voa/", "authors/jdoe/"):
        page = site.dom(url)
        root = page.css_first("html").attributes
        assert (root.get("lang"), root.get("dir")) == ("ps", "rtl"), url
        assert "لیکنې" in page.css_first(".nr-listing__count").text(), url  # "articles"
        tabs = [tab.text(strip=True) for tab in page.css(".md-tabs__link")]
        assert tabs[:2] == ["کور", "نړۍ"], url  # the Pashto edition's Home and World
    for url in ("tags/", "authors/"):
        assert site.dom(url).css_first("html").attributes.get("lang") == "en", url


@pytest.mark.parametrize("command", ["build", "serve"])
def test_stories_held_back_do_not_choose_a_tag_pages_language(tmp_path: Path, command: str) -> None:
    """A preview lists a tag's drafts beside its published stories: the page still speaks
    the language of the published ones, as the site will."""
    files: dict[str, str | bytes] = {
        "articles/en.md": article("English story", tags=["Kabul"]),
        **{
            f"articles/ps-{n}.md": article(
                f"Pashto draft {n}", lang="ps", tags=["Kabul"], draft=True
            )
            for n in (1, 2)
        },
    }
    site = build_site(tmp_path, files, plugin={"editions": EDITIONS}, command=command)
    page = site.dom("tags/kabul/")
    assert page.css_first("html").attributes.get("lang") == "en"
    assert len(page.css(".nr-card")) == (3 if command == "serve" else 1)  # the preview's drafts


def test_a_preview_tag_page_of_drafts_alone_links_no_feeds(tmp_path: Path) -> None:
    """Its feeds are not written (the build has no such page): no link to them either."""
    files: dict[str, str | bytes] = {
        "articles/a.md": article("Published", tags=["Open"]),
        "articles/b.md": article("Draft", tags=["Open", "Secret"], draft=True),
    }
    site = build_site(tmp_path, files, command="serve")
    links = {
        u: [a.attributes["href"] for a in site.dom(u).css('link[rel="alternate feed"]')]
        for u in ("tags/secret/", "tags/open/")
    }
    assert "/tags/secret/feed.xml" not in links["tags/secret/"]
    assert "/tags/open/feed.xml" in links["tags/open/"]
    assert (site.site_dir / "tags/open/feed.xml").is_file()
    assert not (site.site_dir / "tags/secret/feed.xml").exists()
