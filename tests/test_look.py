"""The look, in a real browser: a news site on a desktop (1280 px) and a phone (390 px).

The screenshots in the README (docs/screenshots/) are the ones this test takes. A test run
takes them into a temporary folder; `make screenshots` takes them into docs/screenshots/
(NEWSROOM_SCREENSHOTS names the folder).
"""

from __future__ import annotations

import os
import struct
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from .browser import chromium, open_page, serve_dir
from .sites import PASHTO_STORY, REPO, Site, article, build_repo_site, build_site

README_SCREENSHOTS = REPO / "docs" / "screenshots"
# Two hours after the demo's breaking story (2026-11-25T21:10+04:30): its banner is up.
BREAKING_NIGHT = datetime(2026, 11, 25, 23, 20, tzinfo=ZoneInfo("Asia/Kabul"))
PAGES = {
    "front": "",
    "article": "2026/11/24/city-council-approves-a-year-long-night-bus-trial/",
    "section": "section/world/",
    "tag": "tags/kabul/",
}
# The Pashto edition, on a phone: an edition in its own language
PASHTO_PAGES = {
    "pashto-front": "ps/",
    "pashto-article": PASHTO_STORY,
}
WIDTHS = {"desktop": 1280, "phone": 390}
HEIGHT = 1000
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return build_repo_site(tmp_path_factory.mktemp("look") / "site", now=BREAKING_NIGHT)


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the screenshots go: NEWSROOM_SCREENSHOTS (make screenshots), else a temporary
    folder; never into the repository on a test run."""
    named = os.environ.get("NEWSROOM_SCREENSHOTS", "").strip()
    folder = Path(named).resolve() if named else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def png_size(path: Path) -> tuple[int, int]:
    """(width, height) of a PNG file, from its IHDR chunk."""
    data = path.read_bytes()
    assert data[:8] == PNG and data[12:16] == b"IHDR", f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_pages_read_as_a_news_site_on_desktop_and_phone(demo: Site, screenshots: Path) -> None:
    taken = {}
    with serve_dir(demo.site_dir) as base, chromium() as browser:
        for device, width in WIDTHS.items():
            for name, url in PAGES.items():
                page = open_page(browser, base, {"width": width, "height": HEIGHT}, url)
                overflow = page.evaluate("document.documentElement.scrollWidth")
                assert overflow <= width, f"{name} scrolls sideways on a {device}"
                banner = page.locator(".md-banner .nr-breaking")
                assert banner.is_visible(), f"no breaking banner on the {name} page"
                assert "Power is back" in banner.inner_text()
                path = screenshots / f"{name}-{device}.png"
                path.unlink(missing_ok=True)
                page.screenshot(path=str(path))
                taken[path.name] = png_size(path)
                page.close()
    assert taken == {
        f"{name}-{device}.png": (width, HEIGHT)
        for device, width in WIDTHS.items()
        for name in PAGES
    }


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
        families = [family.strip().strip("'\"") for family in font.split(",")]
        assert families[0] == "Georgia" and families[-1] == "serif", font  # the serif stack
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


def test_a_lead_without_top_stories_beside_it_takes_the_whole_width(tmp_path: Path) -> None:
    """A new site's first story: no empty third of the page beside it (a newcomer saw one)."""
    story = article("The first story", "2024-05-01T10:00:00Z", section="world", summary="Hello")
    site = build_site(tmp_path, {"articles/first.md": story})
    with serve_dir(site.site_dir) as base, chromium() as browser:
        desktop = open_page(browser, base, 1280, "")
        assert desktop.locator(".nr-front__secondary").count() == 0
        lead = desktop.locator(".nr-front__lead").bounding_box()
        top = desktop.locator(".nr-front__top").bounding_box()
        assert lead and top
        assert lead["width"] > top["width"] * 0.95


def test_the_pashto_edition_reads_right_to_left_on_a_phone(demo: Site, screenshots: Path) -> None:
    with serve_dir(demo.site_dir) as base, chromium() as browser:
        for name, url in PASHTO_PAGES.items():
            page = open_page(browser, base, {"width": WIDTHS["phone"], "height": HEIGHT}, url)
            assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
            assert page.evaluate("document.documentElement.scrollWidth") <= WIDTHS["phone"]
            if name == "pashto-front":  # the masthead's Latin name in the English serif
                font = page.locator(".nr-masthead").evaluate("e => getComputedStyle(e).fontFamily")
                families = [family.strip().strip("'\"") for family in font.split(",")]
                assert families[0] == "Noto Naskh Arabic" and families[-1] == "serif", font
                assert families.index("Georgia") < families.index("Vazirmatn"), font
            path = screenshots / f"{name}-phone.png"
            path.unlink(missing_ok=True)
            page.screenshot(path=str(path))
            assert png_size(path) == (WIDTHS["phone"], HEIGHT)
            page.close()


def test_readme_shows_the_screenshots() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name in PAGES:
        for device, width in WIDTHS.items():
            assert f"docs/screenshots/{name}-{device}.png" in readme
            assert png_size(README_SCREENSHOTS / f"{name}-{device}.png") == (width, HEIGHT)
    for name in PASHTO_PAGES:
        assert f"docs/screenshots/{name}-phone.png" in readme
        assert png_size(README_SCREENSHOTS / f"{name}-phone.png") == (WIDTHS["phone"], HEIGHT)
