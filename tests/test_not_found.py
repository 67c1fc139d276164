"""The published site's 404 page (404.html): what a reader who followed a dead link is told and
offered, in the first edition's language, from any address; and that a site's own
`overrides/404.html` still wins."""

from __future__ import annotations

from pathlib import Path

import pytest

from .browser import chromium, open_page, page_log, serve_dir
from .sites import Site, article, build_site, write_tree

BUS = "Night bus fares rise again"


def newsroom_site(
    root: Path, *, plugin: dict[str, object] | None = None, **options: object
) -> Site:
    """Seven published stories a day apart, the newest about buses, and copy held back newer
    than all of them: a draft, a story scheduled after the build and an expired one."""
    files: dict[str, str | bytes] = {
        f"articles/story-{day}.md": article(
            f"Story of day {day}", f"2024-05-{day:02d}T10:00:00+00:00", body=f"Day {day}."
        )
        for day in range(1, 7)
    }
    files["articles/bus.md"] = article(
        BUS, "2024-05-09T10:00:00+00:00", body="Fares on the night buses rise by a tenth."
    )
    files["articles/draft.md"] = article("Draft about ministers", "2024-05-10", draft=True)
    files["articles/later.md"] = article("Scheduled about ministers", "2099-01-01T10:00:00Z")
    files["articles/gone.md"] = article(
        "Expired about ministers", "2024-05-11", expires="2024-06-01T00:00:00Z"
    )
    return build_site(root, files, plugin=plugin, **options)  # type: ignore[arg-type]


def test_the_404_page_says_so_and_lists_the_latest_published_stories(tmp_path: Path) -> None:
    site = newsroom_site(tmp_path)
    page = site.dom("404.html")
    assert page.css_first("title").text() == "Page not found - Test Gazette"
    assert page.css_first("article h1").text() == "Page not found"
    latest = [link.text() for link in page.css(".nr-not-found .nr-headline-list a")]
    assert latest == [BUS, "Story of day 6", "Story of day 5", "Story of day 4", "Story of day 3"]
    assert page.css_first(".nr-not-found__search a").attributes["href"] == ""  # the script's
    hrefs = [link.attributes["href"] for link in page.css(".nr-not-found section a")]
    assert all(href.startswith("/") for href in hrefs), hrefs  # served at any address
    assert "/archive/" in hrefs
    for path in hrefs:
        assert site.file(path).is_file(), path
    text = site.html("404.html")
    assert "ministers" not in text  # nothing held back
    # news pages' width: no documentation sidebars (Material's navigation drawer)
    assert page.css(".md-sidebar") == []


def test_the_404_page_speaks_the_first_editions_language(tmp_path: Path) -> None:
    site = newsroom_site(tmp_path, plugin={"locale": "ps", "sections": {}})
    page = site.dom("404.html")
    assert page.css_first("article h1").text() == "مخ ونه موندل شو"
    assert page.css_first("#nr-latest").text() == "وروستي خبرونه"
    assert page.css_first("html").attributes.get("lang") == "ps"
    assert page.css_first("body").attributes.get("dir") == "rtl"
    assert page.css_first(".md-search__input").attributes.get("placeholder") == "لټون"


def test_a_project_sites_404_page_links_under_its_path(tmp_path: Path) -> None:
    site = newsroom_site(tmp_path, config={"site_url": "https://user.github.io/gazette/"})
    page = site.dom("404.html")
    assert page.css_first(".nr-not-found__search").attributes["data-root"] == "/gazette/"
    hrefs = [link.attributes["href"] for link in page.css(".nr-not-found section a")]
    assert "/gazette/archive/" in hrefs
    assert all(href.startswith("/gazette/") for href in hrefs), hrefs


def test_the_sites_own_404_page_and_not_found_partial_win(tmp_path: Path) -> None:
    for name, text in (
        ("404.html", '{% extends "main.html" %}{% block content %}Our own 404{% endblock %}'),
        ("news/not-found.html", "Our own words, {{ _('Latest') }}"),
    ):
        root = tmp_path / name.replace("/", "-")
        write_tree(root / "overrides", {name: text})
        config = {"theme": {"name": "material", "font": False, "custom_dir": "overrides"}}
        site = newsroom_site(root, config=config)
        html = site.html("404.html")
        assert ("Our own 404" in html) == (name == "404.html")
        assert ("Our own words, Latest" in html) == (name == "news/not-found.html")
        assert "Page not found</h1>" not in html


def test_a_dead_link_offers_a_search_for_the_words_of_its_address(tmp_path: Path) -> None:
    site = newsroom_site(tmp_path)
    with serve_dir(site.site_dir, not_found_page=True) as base, chromium() as browser:
        missing = f"{base}2024/05/09/night-bus-fares-rise/"
        page = open_page(browser, base, 1280, "2024/05/09/night-bus-fares-rise/")
        offer = page.locator(".nr-not-found__search")
        assert offer.is_visible()
        assert offer.inner_text() == "Search the site for night bus fares rise"  # in quotes (<q>)
        assert offer.locator("q").inner_text() == "night bus fares rise"
        offer.locator("a").click()
        # searched where the reader is, by Material's search box
        page.wait_for_url(f"{missing}?q=night%20bus%20fares%20rise")
        first = page.locator(".md-search-result__item").first
        first.wait_for(timeout=10_000)
        assert BUS in first.inner_text()
        problems = page_log(page).problems()  # the address itself answered 404, and only it
        assert problems and all(missing in problem for problem in problems), problems
        assert page_log(page).page_errors == []


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return newsroom_site(tmp_path_factory.mktemp("not-found"))


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("2024/05/", None),  # a date, a page number: no words
        ("2024/05/09/night-bus-fares-rise/index.html", "night bus fares rise"),
        ("2024/05/09/night-bus-fares-rise/amp/", "night bus fares rise"),
        ("old/night_bus+fares.php", "night bus fares"),
        ("tags/buses/page/2/", "buses"),
        ("2024/05/09/%D8%A8%D8%B3/", "بس"),
        ("%E0%A4%A", "%E0%A4%A"),  # not UTF-8: as it is
        ("a-" * 49 + "%F0%9F%9A%8C-bus", "a " * 49 + "🚌"),  # cut whole at 100 characters
        # what the address says is shown as text, never run
        ("%3Cimg%20src=x%20onerror=alert(1)%3E", "<img src=x onerror=alert(1)>"),
    ],
)
def test_the_words_searched_are_those_of_the_addresss_last_meaningful_part(
    site: Site, path: str, words: str | None
) -> None:
    with serve_dir(site.site_dir, not_found_page=True) as base, chromium() as browser:
        page = open_page(browser, base, 1280, path)
        assert page.locator(".nr-not-found h1").inner_text() == "Page not found"
        offer = page.locator(".nr-not-found__search")
        if words is None:
            assert offer.is_hidden()
        else:
            assert offer.locator("q").inner_text() == words
        log = page_log(page)
        assert (log.dialogs, log.page_errors) == ([], [])


def test_a_site_without_search_offers_none(tmp_path: Path) -> None:
    site = newsroom_site(tmp_path, config={"plugins": [{"newsroom": {}}]})
    page = site.dom("404.html")
    assert page.css(".nr-not-found__search") == []
    assert page.css_first("article h1").text() == "Page not found"


def test_a_dari_first_site_says_its_language_and_direction_on_the_page(tmp_path: Path) -> None:
    editions = {"prs": {"title": "دری", "lang": "prs"}}
    site = newsroom_site(tmp_path, plugin={"editions": editions, "sections": {}})
    page = site.dom("404.html")
    assert page.css_first("html").attributes == {"lang": "prs", "dir": "rtl", "class": "no-js"}
    assert page.css_first("article h1").text() == "صفحه پیدا نشد"
