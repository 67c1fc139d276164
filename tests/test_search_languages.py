"""Languages as search engines and social sites name them (issue #21, point 3), read back from
the demo portal (English, Pashto, Dari with `seo_language: fa-AF`) and from a site whose tag
mixes two editions' languages."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote, urljoin

import feedparser
import pytest
from lxml import etree
from selectolax.lexbor import LexborHTMLParser

from .checkers import NEWS_NS, SITEMAP_NS, structured_data, validate_atom, validate_sitemap
from .sites import PASHTO_STORY, Site, article, build_repo_site, build_site

ROOT = "https://newsroom.example.org/"
XHTML = "{http://www.w3.org/1999/xhtml}link"
ENGLISH_STORY = "2026/11/24/city-council-approves-a-year-long-night-bus-trial/"
DARI_STORY = "prs/2026/11/24/شورای-شهر-کابل-آزمایش-یکساله-بسهای-شبانه-را-تصویب-کرد/"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return build_repo_site(tmp_path_factory.mktemp("demo") / "site")


def _alternates(site: Site, url: str) -> dict[str, str]:
    sitemap = etree.parse(site.site_dir / "sitemap.xml")
    for entry in sitemap.iter(f"{{{SITEMAP_NS}}}url"):
        if entry.findtext(f"{{{SITEMAP_NS}}}loc") == ROOT + _quoted(url):
            return {link.get("hreflang"): link.get("href") for link in entry.iter(XHTML)}
    raise AssertionError(f"{url} is not in the sitemap")


def _quoted(url: str) -> str:
    return quote(url, safe="/%")


def test_each_edition_is_named_as_search_engines_know_it(demo: Site) -> None:
    assert demo.warnings == []
    expected = {
        ENGLISH_STORY: ("en", "en", "en_US"),
        PASHTO_STORY: ("ps", "ps", "ps_AF"),
        DARI_STORY: ("prs", "fa-AF", "fa_AF"),  # <html lang> stays the BCP 47 tag
    }
    for url, (html_lang, in_language, locale) in expected.items():
        page = demo.html(url)
        assert demo.dom(url).css_first("html").attributes["lang"] == html_lang
        data = structured_data(page)
        (ld,) = data["json-ld"]
        assert ld["inLanguage"] == in_language
        (og,) = data["opengraph"]
        assert og["og:locale"] == locale
        others = {lang for lang in ("en_US", "ps_AF", "fa_AF") if lang != locale}
        alternates = [v for k, v in _og_pairs(page) if k == "og:locale:alternate"]
        assert set(alternates) == others
    # the sitemap's hreflang: search languages, and the English story as x-default
    versions = {"en": ENGLISH_STORY, "ps": PASHTO_STORY, "fa-AF": DARI_STORY}
    wanted = {lang: ROOT + _quoted(url) for lang, url in versions.items()}
    wanted["x-default"] = ROOT + ENGLISH_STORY
    for url in versions.values():
        assert _alternates(demo, url) == wanted
    fronts = {"en": ROOT, "ps": ROOT + "ps/", "fa-AF": ROOT + "prs/", "x-default": ROOT}
    for url in ("", "ps/", "prs/"):
        assert _alternates(demo, url) == fronts
    assert validate_sitemap(demo.site_dir / "sitemap.xml") == []


def _og_pairs(html: str) -> list[tuple[str, str]]:
    return [
        (meta.attributes.get("property") or "", meta.attributes.get("content") or "")
        for meta in LexborHTMLParser(html).css("meta[property]")
    ]


def test_the_news_sitemap_names_dari_as_google_does(demo: Site) -> None:
    news = etree.parse(demo.site_dir / "news-sitemap.xml")
    path = f"{{{NEWS_NS}}}news/{{{NEWS_NS}}}publication/{{{NEWS_NS}}}language"
    languages = [url.findtext(path) for url in news.iter(f"{{{SITEMAP_NS}}}url")]
    assert languages == ["en", "fa", "ps", "en"]


def _feed_links(site: Site, url: str) -> set[str]:
    """The feeds a page's head names, as absolute URLs."""
    base = ROOT + _quoted(url)
    links = site.dom(url).css('link[rel="alternate feed"]')
    return {urljoin(base, link.attributes["href"] or "") for link in links}


def test_each_edition_links_its_own_feeds_in_its_language(demo: Site) -> None:
    for edition, language in (("", "en"), ("ps/", "ps"), ("prs/", "fa-AF")):
        own = {ROOT + edition + name for name in ("feed.xml", "atom.xml", "feed.json")}
        others = {
            ROOT + path + name
            for path in {"", "ps/", "prs/"} - {edition}
            for name in ("feed.xml", "atom.xml", "feed.json")
        }
        for url in (edition, f"{edition}archive/", f"{edition}section/politics/"):
            links = _feed_links(demo, url)
            assert own <= links, url
            assert not links & others, url
        rss = feedparser.parse(str(demo.site_dir / edition / "feed.xml"))
        assert rss.feed.language == language
        atom = etree.parse(demo.site_dir / edition / "atom.xml").getroot()
        assert atom.get("{http://www.w3.org/XML/1998/namespace}lang") == language
        document = json.loads((demo.site_dir / edition / "feed.json").read_text("utf-8"))
        assert document["language"] == language
    # an article names its edition's RSS (and its section's), not the first edition's
    assert ROOT + "ps/feed.xml" in _feed_links(demo, PASHTO_STORY)
    assert ROOT + "feed.xml" not in _feed_links(demo, PASHTO_STORY)


def test_a_tag_feed_of_several_languages_declares_none_and_each_entry_its_own(
    tmp_path: Path,
) -> None:
    editions = {"en": {"title": "English"}, "prs": {"title": "دری", "lang": "prs"}}
    files = {
        "articles/a.md": article("Kabul buses", tags=["Kabul"], section="world"),
        "articles/b.md": article(
            "بس‌های کابل", "2024-05-02T10:00:00+00:00", tags=["Kabul"], section="world", lang="prs"
        ),
        "articles/c.md": article("Only English", tags=["Roads"], section="world"),
    }
    site = build_site(tmp_path, files, plugin={"editions": editions})
    tag = site.site_dir / "tags" / "kabul"
    rss = etree.parse(tag / "feed.xml")
    assert rss.find("channel/language") is None
    atom = etree.parse(tag / "atom.xml").getroot()
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert atom.get(xml_lang) is None
    ns = "{http://www.w3.org/2005/Atom}"
    assert [entry.get(xml_lang) for entry in atom.iter(f"{ns}entry")] == ["fa-AF", "en"]
    assert validate_atom(tag / "atom.xml") == []
    # feedparser reads each entry's language from its xml:lang
    entries = feedparser.parse(str(tag / "atom.xml")).entries
    assert [entry.title_detail.language for entry in entries] == ["fa-AF", "en"]
    # a tag in one language says it
    roads = etree.parse(site.site_dir / "tags" / "roads" / "feed.xml")
    assert roads.findtext("channel/language") == "en"


def test_an_entry_names_its_language_only_where_its_feed_does_not(tmp_path: Path) -> None:
    files = {
        "articles/a.md": article("Kabul buses", tags=["Kabul"], section="world"),
        "articles/b.md": article(
            "Les bus de Kaboul", "2024-05-02T10:00:00+00:00", tags=["Kabul"], lang="fr"
        ),
        "articles/c.md": article("Only English", "2024-04-30T10:00:00+00:00", tags=["Kabul"]),
    }
    site = build_site(tmp_path, files)
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    ns = "{http://www.w3.org/2005/Atom}"
    # the site's feed is English: only the French story says its language
    front = etree.parse(site.site_dir / "atom.xml").getroot()
    assert front.get(xml_lang) == "en"
    assert [entry.get(xml_lang) for entry in front.iter(f"{ns}entry")] == ["fr", None, None]
    # the tag's mixes two: each entry says its own (the same story's entry, written once
    # for the site's feed without it, is not copied here)
    tag = etree.parse(site.site_dir / "tags" / "kabul" / "atom.xml").getroot()
    assert tag.get(xml_lang) is None
    assert [entry.get(xml_lang) for entry in tag.iter(f"{ns}entry")] == ["fr", "en", "en"]
    for feed in (site.site_dir / "atom.xml", site.site_dir / "tags" / "kabul" / "atom.xml"):
        assert validate_atom(feed) == []
        entries = feedparser.parse(str(feed)).entries  # an entry inherits its feed's
        assert [entry.title_detail.language for entry in entries] == ["fr", "en", "en"]


def test_a_language_written_in_any_case_is_named_one_way(tmp_path: Path) -> None:
    """`lang: FA-af` and `lang: fa-AF` are one language: the tag's feed of both names it
    (as two, it named none), and every page says it as BCP 47 writes it."""
    files = {
        "articles/a.md": article("Kabul buses", tags=["Kabul"], section="world", lang="FA-af"),
        "articles/b.md": article(
            "Kabul roads", "2024-05-02T10:00:00+00:00", tags=["Kabul"], lang="fa-AF"
        ),
        "articles/c.md": article("Chinese", "2024-04-30T10:00:00+00:00", lang="ZH-hant-tw"),
        "articles/d.md": article("Calendar", "2024-04-29T10:00:00+00:00", lang="EN-u-CA-gregory"),
    }
    site = build_site(tmp_path, files)
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    tag = etree.parse(site.site_dir / "tags" / "kabul" / "atom.xml").getroot()
    assert tag.get(xml_lang) == "fa-AF"
    assert [entry.get(xml_lang) for entry in tag.iter("{http://www.w3.org/2005/Atom}entry")] == [
        None,
        None,
    ]
    assert (
        etree.parse(site.site_dir / "tags" / "kabul" / "feed.xml").findtext("channel/language")
        == "fa-AF"
    )
    pages = {
        "2024/05/01/kabul-buses/": "fa-AF",
        "2024/04/30/chinese/": "zh-Hant-TW",
        "2024/04/29/calendar/": "en-u-ca-gregory",  # after `-u-`, no region: lower case
    }
    for url, lang in pages.items():
        assert site.dom(url).css_first("html").attributes["lang"] == lang, url
