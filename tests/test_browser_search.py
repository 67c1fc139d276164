"""Search from the header in a real browser, and hostile front matter that never runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from .browser import chromium, open_page, page_log, search, serve_dir
from .sites import GIF, Site, article, build_repo_site, build_site

SEED_URL = "2019/02/13/nato-chief-afghan-talks-are-about-a-peace-deal-not-a-leave-deal/"

XSS = '<img src=x onerror="alert(document.domain)">'


def hostile_site(root: Path) -> Site:
    """A site with script in every front-matter field, the authors file and the config."""
    text = article(
        f"Headline {XSS} </title><script>alert('title')</script> zebra",
        "2024-05-01T10:00:00Z",
        summary=f'Summary "><script>alert("summary")</script>{XSS}',
        tags=[XSS, "<script>alert('tag')</script>", "quagga"],
        authors=["evil"],
        section="evil",
        location=f"<svg onload=alert('location')>{XSS}",
        image={
            "src": "images/a.gif",
            "alt": f'"><script>alert("alt")</script>{XSS}',
            "caption": f"<script>alert('caption')</script>{XSS}",
            "credit": f"{XSS}<b>credit</b>",
        },
        body="The zebra and the quagga met at the water hole.",
    )
    authors = (
        "evil:\n"
        f"  name: '<script>alert(\"name\")</script>{XSS}'\n"
        f"  bio: '<script>alert(\"bio\")</script>{XSS}'\n"
        f"  role: '{XSS}'\n"
    )
    return build_site(
        root,
        {
            "articles/a.md": text,
            "articles/b.txt": article("Second zebra story", "2024-04-01", section="evil"),
            "images/a.gif": GIF,
        },
        authors=authors,
        plugin={"sections": {"evil": {"title": f"Section <script>alert('s')</script>{XSS}"}}},
    )


def test_hostile_front_matter_never_runs_on_any_page_nor_while_searching(tmp_path: Path) -> None:
    site = hostile_site(tmp_path)
    urls = site.pages()
    assert len(urls) >= 10  # article, front page, section, tags, authors, archive ...
    with serve_dir(site.site_dir) as base, chromium() as browser:
        for url in urls:
            page = open_page(browser, base, 1280, url)
            assert page_log(page).dialogs == [], url
            page.close()
        found = {}
        for word in ("zebra", "quagga", "alert", "img", "script", "section"):
            page = open_page(browser, base, 1280, "")
            found[word] = {hit.title for hit in search(page, word)}
            assert page_log(page).dialogs == [], word
            page.close()
        assert "Second zebra story" in found["zebra"]
        assert any(title.startswith("Headline <img") for title in found["quagga"])


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return build_repo_site(tmp_path_factory.mktemp("demo") / "site")


def test_a_word_from_the_wire_story_finds_it_from_the_header(demo: Site) -> None:
    with serve_dir(demo.site_dir) as base, chromium() as browser:
        for start in ("", "section/world/", "tags/"):
            page = open_page(browser, base, 1280, start)
            hits = search(page, "Stoltenberg")
            story = [hit for hit in hits if SEED_URL in hit.href]
            assert story, [hit.href for hit in hits]
            assert story[0].title.startswith("NATO chief: Afghan talks")
            assert story[0].text.startswith("NATO chief: Afghan talks")
            assert story[0].text.endswith("World\n13 February 2019")
            assert page_log(page).problems() == []
            page.close()
