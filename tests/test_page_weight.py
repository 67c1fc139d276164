"""What keeps a large archive small: every byte of an article page or a listing row is
repeated tens of thousands of times (the scale issue: 50,000 articles within GitHub Pages'
1 GB). Each test checks that something was left out or shortened, and that what readers and
machines need is still there."""

from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

import material
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_newsroom.build.stale import MARKS
from mkdocs_newsroom.rendering.shell_assets import ShellAssets

from .sites import DEMO_NOW, REPO, Site, article, build_site, epoch, reached

PALETTE_SCRIPT = '__md_get("__palette")'
STALE_MARK = MARKS[0].decode()
# Article pages of bench/generate.py's sites (~620-word stories, 10 sections), in bytes: 16,057
# (median) and 16,322 (mean) before issue #18's lighter pages, 12,483 and 12,741 after; links
# from the site's root, the shell without its empty slots and line breaks: 11,893 and 12,135;
# with the generator mark on every page again (build/stale.py): 11,966 and 12,208
BENCH_ARTICLES = 300
MEDIAN_CEILING = 12_110
MEAN_CEILING = 12_390


def _stories(count: int) -> dict[str, str]:
    return {
        f"articles/story-{n}.md": article(
            f"Story {n}",
            date=f"2024-05-{n:02d}T10:00:00+00:00",
            section="world",
            authors=["jdoe"],
            tags=["Rivers"],
            summary=f"Summary {n}.",
        )
        for n in range(1, 8)
    }


def _build(root: Path, theme: dict[str, Any] | None = None) -> Site:
    config = {"theme": {"name": "material", "font": False, **(theme or {})}}
    plugin = {"page_size": 2, "headline_page_size": 3}
    return build_site(root, _stories(7), plugin=plugin, config=config)


def test_the_palette_script_is_left_out_only_when_there_is_no_palette_toggle(
    tmp_path: Path,
) -> None:
    plain = _build(tmp_path / "plain")
    toggles = [
        {"scheme": "default", "toggle": {"icon": "material/weather-night", "name": "Dark"}},
        {"scheme": "slate", "toggle": {"icon": "material/weather-sunny", "name": "Light"}},
    ]
    toggled = _build(tmp_path / "toggled", {"palette": toggles})
    for url in ("2024/05/03/story-3/", "section/world/", "tags/rivers/page/2/"):
        assert PALETTE_SCRIPT not in plain.html(url), url
        assert plain.dom(url).css_first(".md-search") is not None  # the header is whole
        assert PALETTE_SCRIPT in toggled.html(url), url
        # Material's storage helpers: in the head only for the palette script, which uses
        # them before the shell script (which defines them too) runs
        assert "__md_scope=" not in plain.html(url), url
        assert "__md_scope=" in toggled.dom(url).css_first("head").html, url
        for site in (plain, toggled):
            assert "__md_scope=new URL(r)," in site.shell_script(url), url


def test_news_pages_have_no_menu_button_for_the_drawer_they_do_not_have(tmp_path: Path) -> None:
    site = _build(tmp_path)
    for url in ("", "2024/05/03/story-3/", "section/world/", "tags/rivers/page/2/"):
        page = site.dom(url)
        assert page.css_first('.md-header label[for="__drawer"]') is None, url
        assert page.css_first(".md-header .md-logo") is not None, url
        assert page.css_first('.md-header label[for="__search"]') is not None, url
        assert page.css_first(".md-tabs") is not None and page.css_first(".md-nav") is None, url


def test_open_graph_names_a_modified_time_only_when_there_was_a_change(tmp_path: Path) -> None:
    files = _stories(7)
    files["articles/story-3.md"] = article(
        "Story 3", date="2024-05-03T10:00:00+00:00", updated="2024-05-04T08:00:00+00:00"
    )
    site = build_site(tmp_path, files)

    def modified(url: str) -> list[str | None]:
        tags = site.dom(url).css('meta[property="article:modified_time"]')
        return [tag.attributes["content"] for tag in tags]

    assert modified("2024/05/02/story-2/") == []
    assert modified("2024/05/03/story-3/") == ["2024-05-04T08:00:00+00:00"]


def test_an_article_names_the_site_s_rss_and_its_section_s_feed_only(tmp_path: Path) -> None:
    site = _build(tmp_path)
    feeds = site.dom("2024/05/03/story-3/").css('head link[rel="alternate feed"]')
    assert [link.attributes["href"] for link in feeds] == [
        "/feed.xml",
        "/section/world/feed.xml",
    ]
    front = site.dom("").css('head link[rel="alternate feed"]')
    assert {link.attributes["href"] for link in front} == {"/feed.xml", "/atom.xml", "/feed.json"}


def test_later_listing_pages_are_headlines_in_the_page_s_language(tmp_path: Path) -> None:
    site = _build(tmp_path)
    first = site.dom("tags/rivers/")
    assert [a.text() for a in first.css(".nr-card__title a")] == ["Story 7", "Story 6"]
    second = site.dom("tags/rivers/page/2/")
    rows = second.css(".nr-headline-list--listing > li")
    assert [row.css_first("a").text() for row in rows] == ["Story 5", "Story 4", "Story 3"]
    assert [row.css_first("small").text() for row in rows] == ["World"] * 3
    assert rows[0].css_first("time").attributes["datetime"] == "2024-05-05"
    assert all("lang" not in row.attributes for row in rows)  # same language as the page
    href = rows[0].css_first("a").attributes["href"]
    assert href == "/2024/05/05/story-5/"
    assert site.file(href).is_file()
    section_rows = site.dom("section/world/page/2/").css(".nr-headline-list--listing > li")
    assert section_rows and not any(row.css_first("small") for row in section_rows)


def test_json_in_pages_is_compact_and_still_json(tmp_path: Path) -> None:
    site = _build(tmp_path)
    page = site.dom("2024/05/03/story-3/")
    structured = page.css_first('script[type="application/ld+json"]').text()
    assert json.loads(structured)["headline"] == "Story 3"
    assert '", "' not in structured and '": ' not in structured
    material = site.material_config("2024/05/03/story-3/")
    assert material["search"].endswith("assets/newsroom/search-worker.js")
    assert ": " not in site.shell_script("2024/05/03/story-3/").split("innerHTML")[0]


def test_the_search_dialog_is_named_in_its_markup_not_by_a_script_on_every_page(
    tmp_path: Path,
) -> None:
    site = _build(tmp_path)
    for url in ("", "2024/05/03/story-3/", "section/world/", "tags/rivers/page/2/"):
        dialog = site.dom(url).css_first('.md-search[role="dialog"]')
        assert dialog is not None and dialog.attributes.get("aria-label") == "Search", url
        assert "setAttribute" not in site.html(url), url


def _material_icon(name: str) -> str:
    icons = Path(material.__file__).parent / "templates" / ".icons"
    return (icons / f"{name}.svg").read_text(encoding="utf-8").strip()


def test_icons_are_drawn_from_a_sprite_each_once(tmp_path: Path) -> None:
    site = _build(tmp_path)
    magnify = re.search(r"<path[^>]*/>", _material_icon("material/magnify"))
    assert magnify is not None
    for url in ("", "2024/05/03/story-3/", "section/world/", "tags/rivers/page/2/"):
        assert "<path" not in site.html(url), url  # no icon drawn inline
        header = site.dom(url).css_first('.md-header label[for="__search"] use')
        dialog = site.search_dialog(url).css_first(".md-search__icon use")
        assert header is not None and dialog is not None, url
        # the magnifier of the header's button and of the dialog: one symbol of one file
        hrefs = {reached(url, use.attributes["xlink:href"] or "") for use in (header, dialog)}
        assert len(hrefs) == 1, url
        path, symbol = hrefs.pop().split("#")
        sprite = site.file(path).read_text(encoding="utf-8")
        assert sprite.count(magnify[0]) == 1
        assert f'<symbol id="{symbol}" viewBox="0 0 24 24">{magnify[0]}</symbol>' in sprite


def test_material_s_configuration_and_search_dialog_come_from_one_script(tmp_path: Path) -> None:
    site = _build(tmp_path)
    scripts = set()
    for url in ("", "2024/05/03/story-3/", "section/world/", "tags/rivers/page/2/"):
        page = site.dom(url)
        assert page.css_first('.md-search[role="dialog"]:empty') is not None, url
        assert page.css_first("script#__config") is None, url
        # the script runs right before Material's bundle, which reads what it put in
        script = page.css_first('script[src*="assets/newsroom/shell-"]')
        assert script is not None and script.next is not None, url
        following = script.next.next if script.next.tag == "-text" else script.next
        assert "assets/javascripts/bundle." in (following.attributes["src"] or ""), url
        scripts.add(reached(url, script.attributes["src"] or ""))
        dialog = site.search_dialog(url)
        box = dialog.css_first('input[data-md-component="search-query"]')
        assert box is not None and box.attributes["placeholder"] == "Search", url
        assert dialog.css_first('[data-md-component="search-result"]') is not None, url
        config = site.material_config(url)
        assert config["base"] == "\x00" and config["translations"]["search.result.none"] == (
            "No matching documents"
        )
    assert len(scripts) == 1, scripts


def test_material_s_small_scripts_run_from_the_shell_script(tmp_path: Path) -> None:
    site = _build(tmp_path)
    for url in ("", "2024/05/03/story-3/", "section/world/", "tags/rivers/page/2/"):
        html = site.html(url)
        script = site.shell_script(url).replace("\\", "").replace('"', "")
        # the tab an address points at, the box of Material's dialogs, the storage helpers
        for left_out in ("__tabbed_", 'data-md-component="dialog"', "__md_get="):
            assert left_out not in html, (url, left_out)
            assert left_out.replace('"', "") in script, (url, left_out)


def test_a_generated_article_page_weighs_under_the_ceiling(tmp_path: Path) -> None:
    run = {"capture_output": True, "text": True, "check": False}
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch(DEMO_NOW), "NO_MKDOCS_2_WARNING": "1"}
    script = [sys.executable, str(REPO / "bench" / "generate.py"), str(BENCH_ARTICLES)]
    made = subprocess.run([*script, str(tmp_path), "--format", "newsroom"], env=env, **run)
    assert made.returncode == 0, made.stderr
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "-q"]
    built = subprocess.run(mkdocs, cwd=tmp_path, env=env, **run)
    assert built.returncode == 0, built.stderr
    sizes = [path.stat().st_size for path in (tmp_path / "site").glob("2*/*/*/*/index.html")]
    assert len(sizes) > BENCH_ARTICLES * 0.9
    assert statistics.median(sizes) <= MEDIAN_CEILING
    assert statistics.mean(sizes) <= MEAN_CEILING


def test_a_configuration_the_shell_script_cannot_read_stays_in_the_page() -> None:
    assets = ShellAssets()
    own = '<script id="__config" type="application/json">{"base": "..", oops</script>'
    html = assets.shell_script(own, '<form name="search"></form>', "..")
    assert html.startswith(own)
    (path, script), *others = assets.take_new().items()
    assert others == [] and html.endswith(f'<script src="../{path}"></script>')
    assert "__config" not in script and 'innerHTML="<form name=\\"search\\"></form>"' in script


def test_material_s_empty_slots_are_left_out_unless_instant_navigation_swaps_them(
    tmp_path: Path,
) -> None:
    plain = _build(tmp_path / "plain")
    instant = _build(tmp_path / "instant", {"features": ["navigation.instant"]})
    for url in ("", "2024/05/03/story-3/", "tags/rivers/page/2/"):
        for slot in ("skip", "announce"):
            mark = f'<div data-md-component="{slot}">'
            assert mark not in plain.html(url), (url, slot)
            assert mark in instant.html(url), (url, slot)
    # every page keeps the generator's mark, by which `mkdocs build --dirty` knows its own
    for url in ("", "2024/05/03/story-3/", "section/world/", "tags/rivers/page/2/"):
        assert plain.html(url).count(STALE_MARK) == 1, url


def test_the_shell_has_no_line_breaks_where_they_show_nothing(tmp_path: Path) -> None:
    site = _build(tmp_path)
    for url in ("", "2024/05/03/story-3/", "tags/rivers/page/2/"):
        html = site.html(url)
        assert html.startswith("<!doctype html><html"), url
        assert "\n" not in html[: html.index("</head>")], url
        assert "</main><footer" in html and html.endswith("</body></html>"), url
        assert "Made with <a" in html, url  # text beside a link keeps its space
    # a space between inline elements of the page's own blocks stays
    article = site.html("2024/05/03/story-3/")
    assert re.search(r'</time>\s+<span class="nr-reading-time">', article)


def test_line_breaks_of_a_script_or_preformatted_text_in_the_shell_stay() -> None:
    page = (
        "\n<!doctype html>\n<html>\n<head>\n<script>var s = `<ul>\n<li>`;</script>\n</head>"
        '\n<body>\n<article class="md-content__inner md-typeset">\n<p>x</p>\n</article>\n'
        "<footer>\n<pre>a>\n<div>b</pre>\n</footer>\n</body>\n</html>"
    )
    assert ShellAssets().lighter_page(page) == (
        "<!doctype html><html><head><script>var s = `<ul>\n<li>`;</script></head><body>\n"
        '<article class="md-content__inner md-typeset">\n<p>x</p>\n</article><footer>\n'
        "<pre>a>\n<div>b</pre></footer></body></html>"
    )


# What rendering/shell_assets.py's two expressions replace, one that tries both alternatives
# at every character: the reference the faster way must agree with.
_ONE_EXPRESSION = re.compile(
    r"(<(script|style|pre|textarea)\b.*?</\2>)"
    r"|(?<=>)\n(?=</?(?:html|head|body|meta|link|title|script|style|input|label|div|main|"
    r"article|header|footer|nav|aside|section|ul|ol|li|p|h[1-6])[\s>])",
    re.DOTALL | re.IGNORECASE,
)
_SHELL_PIECES = st.sampled_from(
    [
        "<script>",
        "</script>",
        "<SCRIPT a>",
        "</Script>",
        "<pre>",
        "</pre>",
        "<pre\n>",
        "</PRE>",
        "<style>",
        "</style>",
        "<textarea>",
        "</textarea>",
        "<scripts>",
        ">",
        "\n",
        "\n\n",
        "<div>",
        "</div>",
        "<p ",
        "<meta>",
        "<h1>",
        "<h7>",
        "<li>",
        "<span>",
        "x",
        " ",
        "\t",
    ]
)


@given(st.lists(_SHELL_PIECES, max_size=40).map("".join))
def test_the_shell_loses_the_line_breaks_the_one_expression_would_take(shell: str) -> None:
    page = f'{shell}<article class="md-content__inner">\n<p>x</p>\n</article>{shell}'
    expected = "".join(
        [
            _ONE_EXPRESSION.sub(lambda found: found.group(1) or "", shell).lstrip(),
            '<article class="md-content__inner">\n<p>x</p>\n',
            _ONE_EXPRESSION.sub(lambda found: found.group(1) or "", f"</article>{shell}"),
        ]
    )
    assert ShellAssets().lighter_page(page) == expected


def test_a_card_names_its_language_only_where_the_page_s_is_not_its_own(tmp_path: Path) -> None:
    files = {
        "articles/a.md": article("A", section="world"),
        "articles/b.md": article("B", date="2024-05-02T10:00:00+00:00", section="world", lang="ps"),
    }
    editions = {"en": {"title": "English"}, "ps": {"title": "پښتو"}}
    site = build_site(tmp_path, files, plugin={"editions": editions})
    english = site.dom("section/world/").css(".nr-card")
    assert english and all("lang" not in card.attributes for card in english)
    assert all("dir" not in card.attributes for card in english)
    pashto = site.dom("ps/section/world/").css(".nr-card")  # right to left: styles look for it
    assert pashto and all(card.attributes.get("dir") == "rtl" for card in pashto)
    assert all(card.attributes.get("lang") == "ps" for card in pashto)
    # and so does an article's content
    english_story = site.dom("2024/05/01/a/").css_first(".nr-article")
    assert "lang" not in english_story.attributes and "dir" not in english_story.attributes
    pashto_story = site.dom("ps/2024/05/02/b/").css_first(".nr-article")
    assert (pashto_story.attributes.get("lang"), pashto_story.attributes.get("dir")) == (
        "ps",
        "rtl",
    )
