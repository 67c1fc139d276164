"""Pages link from the site's root when `site_url` is set (`/section/world/`, or
`/repo/section/world/` for a site_url with a path), relative to the page without it
(rendering/links.py); every link leads where it did either way."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from jinja2 import Environment
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.utils import templates
from selectolax.lexbor import LexborHTMLParser

from mkdocs_newsroom.rendering.links import from_root, site_root, use_root_links
from mkdocs_newsroom.urls import rebased_links

from .checkers import broken_links
from .sites import GIF, Site, article, build_site

STORY = "2024/05/01/night-buses/"
WRITTEN = "../../../../2024/05/02/other/"  # a link in the story's text, as its author wrote it
_ATTRIBUTE = re.compile(r'\b(?:href|src|srcset)="([^"]*)"')


@pytest.mark.parametrize(
    ("site_url", "root"),
    [
        ("", ""),
        ("https://example.org", "/"),
        ("https://example.org/", "/"),
        ("https://user.github.io/repo/", "/repo/"),
        ("https://user.github.io/repo", "/repo/"),
    ],
)
def test_the_root_pages_link_from_is_the_path_of_site_url(site_url: str, root: str) -> None:
    assert site_root(site_url) == root


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("", "/repo/"),
        (".", "/repo/"),
        ("./", "/repo/"),
        ("section/world/", "/repo/section/world/"),
        ("feed.xml", "/repo/feed.xml"),
        ("section/./world/../sport/", "/repo/section/sport/"),
        ("..", "/"),
        ("../other/", "/other/"),
        ("/elsewhere/", "/elsewhere/"),
        ("#top", "#top"),
        ("https://example.org/x", "https://example.org/x"),
        ("mailto:desk@example.org", "mailto:desk@example.org"),
    ],
)
def test_a_site_relative_url_is_written_from_the_root(url: str, linked: str) -> None:
    assert from_root(url, "/repo/") == linked


def _site(root: Path, config: dict[str, object]) -> Site:
    text = article(
        title="Night buses",
        section="world",
        authors=["jdoe"],
        tags=["Transport"],
        image={"src": "images/bus.gif", "alt": "A bus"},
        body=f"See [the other story]({WRITTEN}).",
    )
    other = article(title="Other", date="2024-05-02T10:00:00+00:00", section="world")
    files = {"articles/bus.md": text, "articles/other.md": other, "images/bus.gif": GIF}
    return build_site(root, files, config=config)


def _links(site: Site, page_file: str) -> list[str]:
    html = (site.site_dir / page_file).read_text(encoding="utf-8")
    return [
        value.split()[0] if value else value
        for value in _ATTRIBUTE.findall(html)
        if not value.startswith(("https:", "http:", "#", "data:")) and value != WRITTEN
    ]


@pytest.mark.parametrize(
    "options",
    [{}, {"type": "module"}, {"defer": True}, {"async": True}, {"type": "x", "async": True}],
)
def test_a_script_from_the_root_has_the_attributes_mkdocs_gives_it(
    options: dict[str, object],
) -> None:
    """links.py writes the `<script>` tag of `extra_javascript` itself (MkDocs' filter would
    make its address relative to the page): the same tag as MkDocs', but for the address."""
    script = ExtraScriptValue("js/extra.js")
    script.load_dict(options)
    assert not script.validate()[0]
    env = Environment(autoescape=True)
    use_root_links(env)
    ours = env.from_string("{{ script | script_tag }}").render(
        script=script, page=object(), base_url="/repo/"
    )
    mkdocs = templates.script_tag_filter({"page": None, "base_url": ""}, script)  # type: ignore[arg-type]
    assert ours == str(mkdocs).replace('src="js/extra.js"', 'src="/repo/js/extra.js"', 1)
    assert 'src="/repo/js/extra.js"' in ours


def test_a_project_site_links_from_its_path_and_every_link_leads_to_a_file(
    tmp_path: Path,
) -> None:
    site_url = "https://user.github.io/repo/"
    site = _site(tmp_path, {"site_url": site_url})
    page = site.dom(STORY)
    assert page.css_first(".nr-kicker a").attributes["href"] == "/repo/section/world/"
    assert page.css_first("figure img").attributes["src"] == "/repo/images/bus.gif"
    shell = page.css_first('script[src*="assets/newsroom/shell-"]').attributes["src"] or ""
    assert shell.startswith("/repo/assets/newsroom/shell-")
    # what the article's author wrote is theirs, left as it was
    assert page.css_first(".nr-body a").attributes["href"] == WRITTEN
    for page_file in (f"{STORY}index.html", "index.html", "section/world/index.html"):
        links = _links(site, page_file)
        assert links and all(link.startswith("/repo/") for link in links), links
    assert broken_links(site.site_dir, site_url) == []


def test_without_site_url_pages_link_relative_to_themselves(tmp_path: Path) -> None:
    site = _site(tmp_path, {"site_url": None})
    page = site.dom(STORY)
    assert page.css_first(".nr-kicker a").attributes["href"] == "../../../../section/world/"
    links = _links(site, f"{STORY}index.html")
    assert links and not any(link.startswith("/") for link in links), links
    assert broken_links(site.site_dir, "https://example.org/") == []


def test_without_directory_urls_links_from_the_root_name_the_files(tmp_path: Path) -> None:
    site_url = "https://user.github.io/repo/"
    site = _site(tmp_path, {"site_url": site_url, "use_directory_urls": False})
    page_file = "2024/05/01/night-buses/index.html"
    links = _links(site, page_file)
    assert "/repo/section/world/index.html" in links
    assert links and all(link.startswith("/repo/") for link in links), links
    assert broken_links(site.site_dir, site_url) == []


def test_on_a_project_site_a_story_s_links_from_the_site_s_root_lead_there(
    tmp_path: Path,
) -> None:
    """A reporter writes a picture or a link from the site's root (`/images/bus.gif`), as
    the guide says: on a project site that root is the site's path, on its page (one written
    under the path already stays); in a feed with full text, every address of the story is
    absolute. Text that shows an address is left as it is."""
    site_url = "https://user.github.io/repo/"
    body = (
        "![A bus](/images/bus.gif) [the world](/section/world/) [other](../../../../2024/05/02/"
        'other/) `<img src="/images/bus.gif">` [as the browser has it](/repo/section/world/)'
        " ![as the browser has it](/repo/images/bus.gif) [home](/repo)"
        ' <img alt="say src=\'/x\'" src="/images/bus.gif" srcset="/images/b,us.gif 1x,\n'
        '/images/bus.gif 2x">'
    )
    files = {
        "articles/bus.md": article(title="Night buses", section="world", body=body),
        "articles/other.md": article(title="Other", date="2024-05-02T10:00:00+00:00"),
        "images/bus.gif": GIF,
        "images/b,us.gif": GIF,
    }
    site = build_site(
        tmp_path, files, config={"site_url": site_url}, plugin={"feed_full_content": True}
    )
    assert site.warnings == []  # /repo/images/bus.gif is a file of the site
    text = site.dom(STORY).css_first(".nr-body")
    assert [img.attributes["src"] for img in text.css("img")] == ["/repo/images/bus.gif"] * 3
    assert text.css("img")[2].attributes["alt"] == "say src='/x'"
    srcset = text.css("img")[2].attributes["srcset"]
    assert srcset == "/repo/images/b,us.gif 1x, /repo/images/bus.gif 2x"
    links = [a.attributes["href"] for a in text.css("a")]
    assert links == [
        "/repo/section/world/",
        "../../../../2024/05/02/other/",
        "/repo/section/world/",
        "/repo",
    ]
    assert text.css_first("code").text() == '<img src="/images/bus.gif">'
    assert broken_links(site.site_dir, site_url) == []
    feed = (site.site_dir / "feed.json").read_text("utf-8")
    story = next(item for item in json.loads(feed)["items"] if item["title"] == "Night buses")
    content = LexborHTMLParser(story["content_html"])
    images = [img.attributes["src"] for img in content.css("img")]
    assert images == [f"{site_url}images/bus.gif"] * 3
    assert [a.attributes["href"] for a in content.css("a")] == [
        f"{site_url}section/world/",
        f"{site_url}2024/05/02/other/",
        f"{site_url}section/world/",
        site_url.rstrip("/"),
    ]


def test_a_full_text_feed_gives_every_address_of_a_story_absolute() -> None:
    """Fragments (footnotes) and relative addresses too: a feed reader shows the text away
    from its page. Values that are not addresses (an `alt`) are left as they are."""
    text = (
        '<p><a href="#fn1">1</a> <a href="../x/">x</a> <a href="mailto:a@b.c">m</a>'
        ' <img alt="src=\'/y\'" src="/images/y.gif"></p>'
    )
    page = "https://news.example.org/2024/05/01/a/"
    assert rebased_links(text, "/", page) == (
        f'<p><a href="{page}#fn1">1</a> <a href="https://news.example.org/2024/05/01/x/">x</a>'
        ' <a href="mailto:a@b.c">m</a>'
        ' <img alt="src=\'/y\'" src="https://news.example.org/images/y.gif"></p>'
    )
