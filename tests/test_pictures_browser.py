"""Responsive photographs in chromium, as a phone (390 px) and a desktop (1280 px) load them:
the browser takes the copy its screen needs (so `sizes` matches the layout), never the
original, and the page keeps each image's place before it arrives."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, Route

from .browser import chromium, serve_dir
from .sites import Site, article, build_site, photo

PHOTO = photo(2400, 1600, quality=90, seed=11)
ARTICLE = "2024/05/09/the-harvest/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    files: dict[str, str | bytes] = {"images/harvest.jpg": PHOTO}
    for day in range(1, 10):
        name = "the-harvest" if day == 9 else f"story-{day}"
        files[f"images/{day}.jpg"] = photo(1600, 1067, quality=85, seed=day)
        src = "images/harvest.jpg" if day == 9 else f"images/{day}.jpg"
        files[f"articles/{name}.md"] = article(
            name.replace("-", " ").capitalize(),
            f"2024-05-0{day}T10:00:00Z",
            section="world",
            image={"src": src, "alt": "A field"},
            body="The story. " * 80,
        )
    return build_site(tmp_path_factory.mktemp("pictures-browser"), files)


@pytest.fixture(scope="module")
def browser(site: Site) -> Iterator[tuple[Browser, str]]:
    with serve_dir(site.site_dir) as base, chromium() as launched:
        yield launched, base


def _open(
    browser: Browser, base: str, width: int, scale: int, path: str, block: bool = False
) -> tuple[Page, list[str]]:
    """A page at `width` CSS pixels and `scale` device pixels to one, that reaches only the
    local server (and, with `block`, none of the pictures' copies); the URLs it requested."""
    page = browser.new_page(viewport={"width": width, "height": 844}, device_scale_factor=scale)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))

    def refuse(route: Route) -> None:
        route.abort()

    page.route(re.compile(rf"^(?!{re.escape(base)})"), refuse)
    if block:
        page.route(re.compile(r"/pictures/"), refuse)
    page.goto(base + path, wait_until="networkidle")
    return page, requested


_CHOSEN = """(img) => ({
    src: img.currentSrc,
    width: img.getBoundingClientRect().width,
    offers: [...img.parentElement.querySelectorAll('source[type="image/avif"]')]
        .map(source => source.srcset)
})"""


def _chosen(page: Page, selector: str) -> tuple[str, float, list[int], dict[int, str]]:
    """The copy the browser took for an image, the image's width on the page, and the widths
    of the AVIF copies it was offered (by URL)."""
    found: dict[str, Any] = page.eval_on_selector(selector, _CHOSEN)
    (srcset,) = found["offers"]
    urls = {}
    for item in srcset.split(", "):
        link, descriptor = item.split()
        urls[int(descriptor[:-1])] = link.rsplit("/", 1)[-1]
    return found["src"].rsplit("/", 1)[-1], found["width"], sorted(urls), urls


@pytest.mark.parametrize(("width", "scale"), [(390, 1), (390, 2), (390, 3), (1280, 1), (1280, 2)])
@pytest.mark.parametrize("place", ["figure", "card"])
def test_the_browser_takes_the_copy_the_screen_needs(
    browser: tuple[Browser, str], width: int, scale: int, place: str
) -> None:
    """With `sizes` right, a screen of one device pixel per CSS pixel takes the narrowest
    copy at least as wide as the image is shown; a denser one, one of the two copies around
    the width it needs (chromium rounds down when that is close enough)."""
    launched, base = browser
    path, selector = (
        (ARTICLE, ".nr-figure img") if place == "figure" else ("section/world/", ".nr-card img")
    )
    page, requested = _open(launched, base, width, scale, path)
    try:
        chosen, shown, offered, urls = _chosen(page, selector)
    finally:
        page.close()
    needed = shown * scale
    above = [w for w in offered if w >= needed - 0.5] or offered[-1:]
    below = [w for w in offered if w < needed - 0.5][-1:]
    expected = above[:1] if scale == 1 else [*below, *above[:1]]
    assert chosen in [urls[w] for w in expected], (chosen, shown, offered)
    assert chosen.endswith(".avif")  # chromium reads AVIF: the first <source> wins
    assert not [url for url in requested if url.endswith(("/harvest.jpg", "/9.jpg"))]


@pytest.mark.parametrize("width", [390, 1280])
def test_the_page_keeps_the_image_s_place_before_it_arrives(
    browser: tuple[Browser, str], width: int
) -> None:
    """The text under the lead image is where it will be, whether the image has arrived or
    not (it never does here, in the first page): `width` and `height` reserve its place."""
    launched, base = browser
    where = "() => [document.querySelector('.nr-body').getBoundingClientRect().top, " \
        "document.querySelector('.nr-figure img').getBoundingClientRect().height, " \
        "document.querySelector('.nr-figure img').complete && " \
        "document.querySelector('.nr-figure img').naturalWidth]"  # fmt: skip
    waiting, _requested = _open(launched, base, width, 1, ARTICLE, block=True)
    arrived, _requested = _open(launched, base, width, 1, ARTICLE)
    try:
        before, after = waiting.evaluate(where), arrived.evaluate(where)
    finally:
        waiting.close()
        arrived.close()
    assert before[2] == 0 and after[2] > 0  # the first never got its image, the second did
    assert before[1] > 200 and abs(before[0] - after[0]) <= 1, (before, after)


def test_the_originals_stay_in_the_site_for_links_to_them(site: Site) -> None:
    assert Path(site.site_dir, "images", "harvest.jpg").read_bytes() == PHOTO
