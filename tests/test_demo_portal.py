"""The demo portal in this repository builds strictly and publishes the sample wire story."""

from __future__ import annotations

from pathlib import Path

from .sites import SEED, build_repo_site

SEED_URL = "2019/02/13/nato-chief-afghan-talks-are-about-a-peace-deal-not-a-leave-deal/"


def test_demo_portal_builds_strictly_with_the_wire_story(tmp_path: Path) -> None:
    site = build_repo_site(tmp_path / "site")
    assert site.warnings == []
    assert site.summary == "newsroom: published 9 articles, skipped 1: 1 draft"
    page = site.dom(SEED_URL)
    paragraphs = [p.text() for p in page.css(".nr-body > p:not(.nr-dateline)")]
    seed = [p.strip() for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    assert paragraphs == seed[:-1]  # the agency footer is configured as boilerplate
    assert "Khaama Press News Agency is the leading" not in site.html(SEED_URL)
    front_titles = [a.text() for a in site.dom("").css(".nr-headline-list a")]
    assert len(front_titles) == 7
    assert front_titles[0] == "Power is back in most of western Kabul after a substation fire"
    lead = site.dom("").css_first(".nr-front__lead .nr-card__title").text()
    assert lead == "City council approves a year-long night bus trial"  # featured
    assert "Provincial budget talks" not in site.html("")
    assert [p.name for p in (tmp_path / "site").rglob("*.txt")] == ["robots.txt"]
