"""The demo portal in this repository builds strictly and publishes the sample wire story."""

from __future__ import annotations

import pytest
from lxml import etree

from .checkers import NEWS_NS, SITEMAP_NS, validate_news_sitemap
from .sites import DEMO_NOW, Site, build_repo_site, seed_story

SEED_URL = "2019/02/13/nato-chief-afghan-talks-are-about-a-peace-deal-not-a-leave-deal/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return build_repo_site(tmp_path_factory.mktemp("demo") / "site")


def test_demo_portal_builds_strictly_with_the_wire_story(site: Site) -> None:
    assert site.warnings == []
    assert site.summary == "newsroom: published 9 articles, skipped 1: 1 draft"
    page = site.dom(SEED_URL)
    paragraphs = [p.text() for p in page.css(".nr-body > p:not(.nr-dateline)")]
    seed = [p.strip() for p in seed_story().read_text(encoding="utf-8").split("\n\n") if p.strip()]
    assert paragraphs == seed[:-1]  # the agency footer is configured as boilerplate
    assert "Khaama Press News Agency is the leading" not in site.html(SEED_URL)
    front_titles = [a.text() for a in site.dom("").css(".nr-headline-list a")]
    assert len(front_titles) == 7
    assert front_titles[0] == "Power is back in most of western Kabul after a substation fire"
    lead = site.dom("").css_first(".nr-front__lead .nr-card__title").text()
    assert lead == "City council approves a year-long night bus trial"  # featured
    assert "Provincial budget talks" not in site.html("")
    assert [p.name for p in site.site_dir.rglob("*.txt")] == ["robots.txt"]


def test_the_news_sitemap_lists_the_stories_of_the_two_days_before_now(site: Site) -> None:
    assert DEMO_NOW.isoformat() == "2026-11-26T09:00:00+04:30"  # the build's now
    path = site.site_dir / "news-sitemap.xml"
    assert validate_news_sitemap(path) == []
    news = etree.parse(str(path)).getroot()
    listed = [
        (
            url.findtext(f"{{{NEWS_NS}}}news/{{{NEWS_NS}}}publication/{{{NEWS_NS}}}language"),
            url.findtext(f"{{{NEWS_NS}}}news/{{{NEWS_NS}}}publication_date"),
        )
        for url in news.iter(f"{{{SITEMAP_NS}}}url")
    ]
    # newest first, every edition; the 22 November story and older ones are too old
    assert listed == [
        ("en", "2026-11-25T21:10:00+04:30"),  # power restored
        ("fa", "2026-11-24T18:40:00+04:30"),  # night buses, in Dari (as Google names it)
        ("ps", "2026-11-24T18:30:00+04:30"),  # ... in Pashto
        ("en", "2026-11-24T18:05:00+04:30"),  # ... in English
    ]
    assert site.dom("").css_first(".md-banner") is None  # power-restored is no longer breaking
