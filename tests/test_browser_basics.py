"""The demo portal in a real browser: every page type loads cleanly, is accessible, and searches.

One build of the portal, served on 127.0.0.1, opened in Debian's Chromium through Playwright at
a desktop (1280 px) and a phone (390 px) width. Requests to anywhere but the local server are
aborted, so the pages must work offline. Accessibility is axe-core's WCAG 2.x A/AA and
best-practice rules, with nothing allowed: Newsroom's templates and stylesheet fix Material's
own baseline (browser.MATERIAL_AXE_BASELINE) on every page they render.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from .browser import axe_violations, chromium, open_page, page_log, search, serve_dir
from .sites import Site, article, build_repo_site, build_site

# One page of each type the plugin generates, in the demo portal.
PAGES = {
    "front": "",
    "article": "2026/11/24/city-council-approves-a-year-long-night-bus-trial/",
    "section": "section/politics/",
    "tag": "tags/transport/",
    "author": "authors/mariam-rahimi/",
    "archive": "archive/",
    "archive-month": "archive/2026/11/",
}
WIDTHS = {"desktop": 1280, "phone": 390}
CASES = [
    pytest.param(url, width, id=f"{kind}-{name}")
    for kind, url in PAGES.items()
    for name, width in WIDTHS.items()
]


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory) -> Site:
    site = build_repo_site(tmp_path_factory.mktemp("portal") / "site")
    missing = [url for url in PAGES.values() if not site.file(url).is_file()]
    assert missing == [], f"the demo portal no longer has these pages: {missing}"
    return site


@pytest.fixture(scope="module")
def base_url(portal: Site) -> Iterator[str]:
    with serve_dir(portal.site_dir) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as launched:
        yield launched


@pytest.fixture(scope="module")
def loaded(browser: Browser, base_url: str) -> Iterator[dict[tuple[str, int], Page]]:
    """Each (URL, width) is opened once, for the load test and then axe; closed at the end."""
    pages: dict[tuple[str, int], Page] = {}
    yield pages
    for page in pages.values():
        page.context.close()


def visit(
    loaded: dict[tuple[str, int], Page], browser: Browser, base_url: str, url: str, width: int
) -> Page:
    if (url, width) not in loaded:
        loaded[url, width] = open_page(browser, base_url, width, url)
    return loaded[url, width]


@pytest.mark.parametrize(("url", "width"), CASES)
def test_page_loads_with_no_dialog_no_console_error_and_no_outside_request(
    loaded: dict[tuple[str, int], Page], browser: Browser, base_url: str, url: str, width: int
) -> None:
    page = visit(loaded, browser, base_url, url, width)
    assert page.locator("h1").first.is_visible()
    assert page.dialogs == []  # type: ignore[attr-defined]
    problems = page_log(page).problems()
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize(("url", "width"), CASES)
def test_page_has_no_accessibility_violation_not_even_materials_baseline(
    loaded: dict[tuple[str, int], Page], browser: Browser, base_url: str, url: str, width: int
) -> None:
    page = visit(loaded, browser, base_url, url, width)
    violations = axe_violations(page, allowed=())
    report = "\n".join(f"{v}\n    " + "\n    ".join(v.snippets) for v in violations)
    assert violations == [], f"axe violations at {width} px:\n{report}"


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_search_finds_articles_and_runs_no_script(
    browser: Browser, base_url: str, width: int
) -> None:
    page = open_page(browser, base_url, width, "")
    try:
        hits = search(page, "afghani")  # in the night-bus and the wheat-price stories
        paths = {hit.href.removeprefix(base_url).split("?")[0] for hit in hits}
        assert PAGES["article"] in paths
        assert "2026/11/22/wheat-prices-fall-for-a-third-month-as-harvest-beats-forecasts/" in paths
        titles = [hit.title for hit in hits]
        assert "City council approves a year-long night bus trial" in titles
        assert page.dialogs == []  # type: ignore[attr-defined]
        assert page_log(page).page_errors == []
    finally:
        page.close()


def test_materials_instant_navigation_goes_from_page_to_page(
    tmp_path: Path, browser: Browser
) -> None:
    """With `navigation.instant`, Material fetches the next page and sets `href` again on
    each of its links: an SVG `<use>` of the icon sprite has only a getter for it, and the
    click threw instead of showing the page. The sprite's icons still draw."""
    files = {
        f"articles/{day}.md": article(f"Story {day}", f"2024-05-0{day}", section="world")
        for day in (1, 2)
    }
    theme = {"name": "material", "font": False, "features": ["navigation.instant"]}
    site = build_site(tmp_path, files, config={"theme": theme})  # type: ignore[arg-type]
    drawn = "uses => uses.map(use => [use.getAttribute('xlink:href'), use.getBBox().width])"
    with serve_dir(site.site_dir) as base:  # the module's browser: one Playwright at a time
        page = open_page(browser, base, 1280, "2024/05/02/story-2/")
        icons = page.eval_on_selector_all("use", drawn)
        assert icons and any(width > 0 for _href, width in icons), icons
        for link, address in (("Archive", "archive/"), ("World", "section/world/")):
            page.locator(".md-tabs__link", has_text=link).click()
            page.wait_for_url(base + address)
            page.locator("h1", has_text=link).wait_for()
            # the same icons, drawn once the page has taken the sprite (a moment after)
            page.wait_for_function(
                f"expected => JSON.stringify(({drawn})([...document.querySelectorAll('use')]))"
                " === expected",
                arg=json.dumps(icons, separators=(",", ":")),
            )
        assert page_log(page).problems() == []
