"""The look, in a real browser: a news site on a desktop (1280 px) and a phone (390 px).

The screenshots this test takes are the ones in the README (docs/screenshots/).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .browser import chromium, open_page, serve_dir
from .sites import REPO, Site, build_repo_site

SCREENSHOTS = REPO / "docs" / "screenshots"
# 2026-11-25T23:20:00+04:30: two hours after the demo's breaking story
BREAKING_NIGHT = "1795632600"
PAGES = {
    "front": "",
    "article": "2026/11/24/city-council-approves-a-year-long-night-bus-trial/",
    "section": "section/world/",
    "tag": "tags/kabul/",
}
WIDTHS = {"desktop": 1280, "phone": 390}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Site:
    monkey = pytest.MonkeyPatch()
    monkey.setenv("SOURCE_DATE_EPOCH", BREAKING_NIGHT)
    try:
        return build_repo_site(tmp_path_factory.mktemp("look") / "site")
    finally:
        monkey.undo()


def test_pages_read_as_a_news_site_on_desktop_and_phone(demo: Site) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with serve_dir(demo.site_dir) as base, chromium() as browser:
        for device, width in WIDTHS.items():
            for name, url in PAGES.items():
                page = open_page(browser, base, {"width": width, "height": 1000}, url)
                overflow = page.evaluate("document.documentElement.scrollWidth")
                assert overflow <= width, f"{name} scrolls sideways on a {device}"
                banner = page.locator(".md-banner .nr-breaking")
                assert banner.is_visible(), f"no breaking banner on the {name} page"
                assert "Power is back" in banner.inner_text()
                page.screenshot(path=str(SCREENSHOTS / f"{name}-{device}.png"))
                page.close()


def test_front_page_is_laid_out_like_a_newspaper(demo: Site) -> None:
    with serve_dir(demo.site_dir) as base, chromium() as browser:
        desktop = open_page(browser, base, 1280, "")
        lead = desktop.locator(".nr-front__lead").bounding_box()
        secondary = desktop.locator(".nr-front__secondary").bounding_box()
        assert lead and secondary
        assert secondary["x"] > lead["x"] + lead["width"] * 0.9  # top stories beside the lead
        assert lead["width"] > secondary["width"]
        headline = desktop.locator(".nr-front__lead .nr-card__title")
        font = headline.evaluate("e => getComputedStyle(e).fontFamily")
        assert "Georgia" in font or "serif" in font
        tabs = desktop.locator(".md-tabs__link").all_inner_texts()
        assert [t.strip() for t in tabs][:3] == ["Home", "World", "Politics"]
        phone = open_page(browser, base, 390, "")
        lead = phone.locator(".nr-front__lead").bounding_box()
        secondary = phone.locator(".nr-front__secondary").bounding_box()
        assert lead and secondary
        assert secondary["y"] > lead["y"]  # stacked on a phone
        # On a phone the sections stay in reach: the tabs strip, not a menu behind a button.
        assert phone.locator(".md-tabs").is_visible()
        assert not phone.locator(".md-header label[for=__drawer]").is_visible()
        world = phone.locator(".md-tabs__link", has_text="World")
        world.scroll_into_view_if_needed()
        assert world.is_visible()


def test_readme_shows_the_screenshots() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name in PAGES:
        for device in WIDTHS:
            assert f"docs/screenshots/{name}-{device}.png" in readme
            assert Path(SCREENSHOTS / f"{name}-{device}.png").exists()
