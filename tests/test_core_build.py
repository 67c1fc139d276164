"""Real builds of small sites: what readers get from wire copy and Markdown articles."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort
from selectolax.lexbor import LexborHTMLParser

from mkdocs_newsroom.search.query import IndexFiles
from mkdocs_newsroom.search.shards import INDEX_DIR

from .sites import GIF, article, build_site, seed_story, write_site

SEED_FOOTER = r"^\s*•\s*The Khaama Press News Agency is"


def seed_article() -> str:
    return (
        "---\ntitle: NATO chief on Afghan talks\ndate: 2019-02-13T16:30:00+04:30\n"
        "authors: jdoe\nsection: world\nlocation: Brussels\nslug: nato-chief-on-afghan-talks\n---\n"
        + seed_story().read_text(encoding="utf-8")
    )


def seed_paragraphs() -> list[str]:
    text = seed_story().read_text(encoding="utf-8")
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    return [p for p in paragraphs if not p.startswith("•")]


def test_wire_story_keeps_its_paragraphs_in_order_with_curly_quotes(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        {"articles/nato.txt": seed_article()},
        plugin={"boilerplate": [SEED_FOOTER]},
    )
    page = site.dom("2019/02/13/nato-chief-on-afghan-talks/")
    body = [p.text() for p in page.css(".nr-body > p:not(.nr-dateline)")]
    assert body == seed_paragraphs()
    assert len(body) == 5
    assert "‘a peace deal, not a leave deal’" in body[0]
    assert body[1].endswith("political solution for Afghanistan.”")
    html = site.html("2019/02/13/nato-chief-on-afghan-talks/")
    assert "Khaama Press News Agency is the leading" not in html
    assert "[email protected]" not in html
    assert site.warnings == []


def test_without_the_boilerplate_pattern_the_footer_stays_as_a_list(tmp_path: Path) -> None:
    site = build_site(tmp_path, {"articles/nato.txt": seed_article()})
    page = site.dom("2019/02/13/nato-chief-on-afghan-talks/")
    items = [li.text() for li in page.css(".nr-body li")]
    assert len(items) == 1
    assert items[0].startswith("The Khaama Press News Agency is the leading")


def test_article_page_shows_headline_byline_dateline_times_and_tags(tmp_path: Path) -> None:
    text = article(
        title="Council approves night buses",
        date="2024-05-01T18:05:00+04:30",
        updated="2024-05-02T09:00:00+04:30",
        authors=["jdoe", "asmith"],
        section="politics",
        tags=["Transport", "Kabul"],
        summary="Three routes will run until 2 a.m.",
        location="Kabul",
        image={"src": "images/bus.gif", "alt": "A bus", "caption": "Night route", "credit": "AP"},
        corrections=[{"date": "2024-05-02", "text": "The vote was 31 to 9."}],
        body="Councillors voted on Monday.\n\nA *second* paragraph.",
    )
    site = build_site(tmp_path, {"articles/bus.md": text, "images/bus.gif": GIF})
    url = "2024/05/01/council-approves-night-buses/"
    page = site.dom(url)
    assert page.css_first("h1.nr-headline").text() == "Council approves night buses"
    assert page.css_first(".nr-standfirst").text() == "Three routes will run until 2 a.m."
    bylines = page.css(".nr-byline a[rel=author]")
    assert [a.text() for a in bylines] == ["Jane Doe", "Ali Smith"]
    assert [a.attributes["href"] for a in bylines] == [
        "/authors/jdoe/",
        "/authors/asmith/",
    ]
    assert page.css_first(".nr-dateline").text() == "Kabul"
    published = page.css_first("time.nr-published")
    assert published.attributes["datetime"] == "2024-05-01T18:05:00+04:30"
    assert published.text() == "1 May 2024, 18:05 GMT+04:30"
    assert page.css_first(".nr-updated time").attributes["datetime"] == "2024-05-02T09:00:00+04:30"
    assert "The vote was 31 to 9." in page.css_first(".nr-corrections").text()
    assert page.css_first(".nr-reading-time").text() == "1 min read"
    assert page.css_first(".nr-kicker a").attributes["href"] == "/section/politics/"
    assert [a.text() for a in page.css(".nr-tags a[rel=tag]")] == ["Transport", "Kabul"]
    figure = page.css_first("figure.nr-figure")
    assert figure.css_first("img").attributes == {  # the page's main image: not lazy, first
        "src": "/images/bus.gif",
        "alt": "A bus",
        "fetchpriority": "high",
    }
    assert "Night route" in figure.css_first("figcaption").text()
    assert figure.css_first(".nr-credit").text() == "AP"
    assert page.css_first(".nr-body em").text() == "second"
    assert page.css_first('link[rel="canonical"]').attributes["href"] == (
        f"https://news.example.org/{url}"
    )


def test_articles_stay_out_of_the_sidebar_navigation(tmp_path: Path) -> None:
    site = build_site(
        tmp_path,
        {"about.md": "# About us\n", "articles/a.md": article(title="Unique headline xyzzy")},
    )
    about_nav = site.dom("about/").css_first("nav.md-nav--primary").text()
    assert "About us" in about_nav
    assert "xyzzy" not in about_nav
    for url in ("", "about/", "section/world/"):
        tabs = site.dom(url).css_first(".md-tabs").text()
        assert "About us" in tabs
        assert "xyzzy" not in tabs
    assert site.dom("").css_first("nav.md-nav--primary") is None  # news pages: no drawer


def test_front_page_lists_newest_articles_first(tmp_path: Path) -> None:
    files = {
        f"articles/a{day}.md": article(title=f"Story of day {day}", date=f"2024-05-{day:02d}")
        for day in (3, 1, 2)
    }
    site = build_site(tmp_path, files, plugin={"front_page_size": 2})
    front = site.dom("")
    assert [a.text() for a in front.css(".nr-headline-list a")] == [
        "Story of day 3",
        "Story of day 2",
    ]
    assert front.css_first(".nr-front__lead .nr-card__title").text() == "Story of day 3"


def test_slug_default_url_and_custom_url_pattern(tmp_path: Path) -> None:
    files = {
        "articles/a.md": article(title="Café prices rise", date="2024-05-01"),
        "articles/b.md": article(title="Anything", date="2024-05-01", slug="chosen-slug"),
        "articles/c.md": article(title="خبر فوری از کابل", date="2024-05-01", section="world"),
    }
    site = build_site(tmp_path, files, plugin={"article_url": "{section}/{date:%Y}/{slug}/"})
    assert "news/2024/cafe-prices-rise/" in site.pages()
    assert "news/2024/chosen-slug/" in site.pages()
    assert "world/2024/خبر-فوری-از-کابل/" in site.pages()


def test_markdown_article_renders_with_site_extensions(tmp_path: Path) -> None:
    body = "Intro.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n!!! note\n    Admonition text\n"
    site = build_site(
        tmp_path,
        {"articles/a.md": article(body=body)},
        config={"markdown_extensions": ["tables", "admonition"]},
    )
    page = site.dom("2024/05/01/a-headline/")
    assert page.css_first(".nr-body table td").text() == "1"
    assert page.css_first(".nr-body .admonition").text().strip().endswith("Admonition text")


def test_plain_text_is_never_read_as_markdown_or_html(tmp_path: Path) -> None:
    body = (
        "# Not a heading *not bold* _not em_ `not code` <b>not bold</b> <script>x()</script>\n\n"
        "Caf&#233; &amp; bar &lt;tag&gt; &amp;amp; M&S Q&A\n\n"
        "See www.example.org/page, or https://example.com/a?b=1&c=2.\n\n"
        "A list:\n- one\n - two \n* three\n• four\n"
    )
    site = build_site(tmp_path, {"articles/a.txt": article(body=body)})
    html = site.html("2024/05/01/a-headline/")
    page = site.dom("2024/05/01/a-headline/")
    paragraphs = page.css(".nr-body > p")
    assert paragraphs[0].text() == (
        "# Not a heading *not bold* _not em_ `not code` <b>not bold</b> <script>x()</script>"
    )
    assert "&lt;script&gt;x()&lt;/script&gt;" in html
    assert paragraphs[1].text() == "Café & bar <tag> &amp; M&S Q&A"
    links = page.css(".nr-body a")
    assert [(a.attributes["href"], a.text()) for a in links] == [
        ("https://www.example.org/page", "www.example.org/page"),
        ("https://example.com/a?b=1&c=2", "https://example.com/a?b=1&c=2"),
    ]
    assert paragraphs[3].text() == "A list:"
    assert [li.text() for li in page.css(".nr-body ul li")] == ["one", "two", "three", "four"]


HOSTILE = 'Profits < forecast & "fears" </title><script>alert(1)</script>'


def test_hostile_front_matter_is_escaped_once_in_every_html_context(tmp_path: Path) -> None:
    text = article(
        title=HOSTILE,
        summary='Desc "><script>alert(2)</script><b x="',
        tags=["<img src=x onerror=alert(3)>", "politics"],
        location="<i>Kabul</i>",
        image={"src": "x.png", "alt": '"><script>alert(4)</script>', "caption": "<b>c</b>"},
    )
    site = build_site(
        tmp_path,
        {"articles/a.md": text, "x.png": b"\x89PNG"},
        authors='jdoe: {name: "<script>alert(5)</script>", bio: "<b>bio</b>"}\n',
    )
    url = next(u for u in site.pages() if u.startswith("2024/"))
    html = site.html(url)
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&amp;lt;" not in html and "&amp;quot;" not in html  # never escaped twice
    page = site.dom(url)
    assert page.css_first("title").text() == f"{HOSTILE} - Test Gazette"
    assert page.css_first("h1.nr-headline").text() == HOSTILE
    assert page.css_first('meta[name="description"]').attributes["content"] == (
        'Desc "><script>alert(2)</script><b x="'
    )
    assert page.css_first(".nr-tags a").text() == "<img src=x onerror=alert(3)>"
    assert page.css_first(".nr-figure img").attributes["alt"] == '"><script>alert(4)</script>'
    assert page.css_first(".md-header__topic:last-child .md-ellipsis").text().strip() == HOSTILE
    front = site.html("")
    assert "<script>alert" not in front
    # Newsroom's search index holds the raw values (its worker escapes them when it shows a
    # result, see test_browser_search.py); Material's holds none of the article.
    (document,) = IndexFiles.read(site.site_dir / INDEX_DIR).documents()
    assert document == (url, HOSTILE, ("1 May 2024",))
    material = json.loads((site.site_dir / "search" / "search_index.json").read_text())
    assert material["docs"] == []


def test_the_site_s_name_and_description_are_escaped_on_every_page(tmp_path: Path) -> None:
    """mkdocs.yml's texts: Material prints `site_name` as it is in an `aria-label` and the
    header, and `site_description` in a `<meta>`; a quote in "The "Kabul" Times" ended the
    attribute. Every page, Newsroom's and MkDocs' own (a Markdown page, 404.html)."""
    name = 'The "Kabul" Times </script><script>alert(1)</script> & Co'
    description = 'News "now" <b>bold</b>'
    files: dict[str, str | bytes] = {"articles/a.md": article(), "about.md": "# About\n\nUs.\n"}
    site = build_site(tmp_path, files, config={"site_name": name, "site_description": description})
    pages = sorted(site.site_dir.rglob("*.html"))
    assert len(pages) > 10
    for path in pages:
        html = path.read_text("utf-8")
        assert "<script>alert" not in html, path
        page = LexborHTMLParser(html)
        logo = page.css_first(".md-header .md-logo")
        assert logo is not None and logo.attributes["aria-label"] == name, path
        assert page.css_first(".md-header__topic .md-ellipsis").text().strip() == name, path
        meta = page.css_first('meta[name="description"]')
        if path.name == "404.html" or "about" in path.parts:
            assert meta is not None and meta.attributes["content"] == description, path


def test_drafts_and_future_articles_are_nowhere(tmp_path: Path) -> None:
    files = {
        "articles/draft.md": article(title="Secret draft zebra", draft=True),
        "articles/future.md": article(title="Future story quagga", date="2199-01-01T00:00:00Z"),
        "articles/ok.md": article(title="Published story"),
    }
    site = build_site(tmp_path, files)
    everything = "".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in site.site_dir.rglob("*")
        if p.is_file() and p.suffix in {".html", ".json", ".xml"}
    )
    assert "Published story" in everything
    assert "zebra" not in everything and "Secret draft" not in everything
    assert "quagga" not in everything
    assert "2024/05/01/published-story/" in site.pages()
    assert site.summary == (
        "newsroom: published 1 article, skipped 2: 1 draft, 1 scheduled for later"
    )
    # the preview shows what it holds back, and says so; but not a draft it cannot place
    preview = build_site(tmp_path / "preview", files, command="serve")
    assert preview.summary == (
        "newsroom: published 1 article, skipped 0; shown in this preview only: 1 draft, 1 "
        "scheduled for later"
    )
    files["articles/unplaced.md"] = article("Unplaced", draft=True, slug="archive")
    unplaced = build_site(
        tmp_path / "unplaced", files, command="serve", plugin={"article_url": "{slug}/"}
    )
    assert unplaced.summary == (
        "newsroom: published 1 article, skipped 1: 1 with errors (see the warnings above); "
        "shown in this preview only: 1 draft, 1 scheduled for later"
    )


def test_now_comes_from_source_date_epoch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1714557600")  # 2024-05-01T10:00:00Z
    files = {
        "articles/past.md": article(title="Before", date="2024-05-01T09:59:00Z"),
        "articles/later.md": article(title="After", date="2024-05-01T10:01:00Z"),
    }
    site = build_site(tmp_path, files)
    assert "2024/05/01/before/" in site.pages()
    assert "2024/05/01/after/" not in site.pages()


def test_every_build_ends_with_a_count(tmp_path: Path) -> None:
    files = {
        "articles/ok.md": article(title="Fine"),
        "articles/bad.md": "---\ntitle: [broken\n---\nbody\n",
    }
    site = build_site(tmp_path, files)
    assert site.summary == (
        "newsroom: published 1 article, skipped 1: 1 with errors (see the warnings above)"
    )
    (line,) = [line for line in site.infos if line.startswith("newsroom: published")]
    assert re.fullmatch(r".*; took \d+\.\d s", line)


def test_strict_mode_fails_on_any_article_warning(tmp_path: Path) -> None:
    with pytest.raises(Abort, match="Aborted with 1 warnings in strict mode"):
        build_site(tmp_path, {"articles/bad.md": "---\ntitle: x\n---\n"}, strict=True)


def test_generated_pages_never_touch_the_content_folder(tmp_path: Path) -> None:
    files = {"articles/a.md": article(), "articles/b.txt": article(title="B")}
    site = build_site(tmp_path, files)
    content = sorted(
        p.relative_to(tmp_path / "content").as_posix() for p in (tmp_path / "content").rglob("*")
    )
    assert content == ["articles", "articles/a.md", "articles/b.txt", "authors.yml"]
    assert {"2024/05/01/a-headline/", "2024/05/01/b/"} <= set(site.pages())


def test_sources_are_not_copied_into_the_site(tmp_path: Path) -> None:
    site = build_site(tmp_path, {"articles/a.txt": article(), "articles/b.md": article("B")})
    leftovers = [p.name for p in site.site_dir.rglob("*") if p.suffix in {".txt", ".md", ".yml"}]
    assert leftovers == ["robots.txt"]


def test_output_has_no_paths_outside_the_site(tmp_path: Path) -> None:
    files = {
        "articles/a.md": article(title="../../../../escape", slug="../../evil"),
        "articles/b.md": article(title="..\\..\\windows", date="2024-05-02"),
    }
    site = build_site(tmp_path, files, plugin={"article_url": "{date:%Y}/{slug}/"})
    outside = [p for p in tmp_path.rglob("*.html") if site.site_dir not in p.parents]
    assert outside == []
    assert "2024/escape/" in site.pages()
    assert "2024/windows/" in site.pages()
    assert any(
        "slug '../../evil' is not a single lower-case URL segment" in w for w in site.warnings
    )


def test_markdown_body_html_is_rendered_once_per_article(tmp_path: Path) -> None:
    # The rendered body is cached by content, so a second build of the same text reuses it.
    from mkdocs_newsroom.reading.bodies import MarkdownRenderer

    calls = []
    original = MarkdownRenderer.render

    def counting(self: MarkdownRenderer, text: str):  # type: ignore[no-untyped-def]
        calls.append(text)
        return original(self, text)

    MarkdownRenderer.render = counting  # type: ignore[method-assign]
    try:
        files = {f"articles/{i}.md": article(title=f"T{i}", body=f"Body {i}") for i in range(5)}
        build_site(tmp_path, files)
    finally:
        MarkdownRenderer.render = original  # type: ignore[method-assign]
    assert sorted(calls) == [f"Body {i}\n" for i in range(5)]


def test_unicode_titles_give_readable_slugs(tmp_path: Path) -> None:
    files = {"articles/ps.md": article(title="د کابل ښار کې نوې بسونه", lang="ps")}
    site = build_site(tmp_path, files)
    url = "2024/05/01/د-کابل-ښار-کې-نوې-بسونه/"
    assert url in site.pages()
    assert re.search(r'<div class="nr-page nr-article" lang="ps" dir="rtl">', site.html(url))
    assert re.search(r'<html lang="ps" dir="rtl"', site.html(url))


def test_compiled_templates_are_kept_between_builds_and_change_nothing(tmp_path: Path) -> None:
    """The second build loads the theme's compiled templates from `.cache/newsroom/templates/`
    (rendering/kept_templates.py) and writes the same pages as the first."""
    files = {"articles/a.md": article("Kept templates", body="The same words.")}
    first = build_site(tmp_path / "one", files)
    kept = tmp_path / "one" / ".cache" / "newsroom" / "templates"
    compiled = {path.name: path.stat().st_mtime_ns for path in kept.iterdir()}
    assert len(compiled) > 20  # Material's templates and the plugin's
    page = "2024/05/01/kept-templates/"
    html = first.html(page)
    again = build_site(tmp_path / "one", files)
    assert {path.name: path.stat().st_mtime_ns for path in kept.iterdir()} == compiled
    assert again.html(page) == html


def test_the_other_plugins_jinja_environments_keep_compiled_templates_too(
    tmp_path: Path,
) -> None:
    """Material's search compiles its language template in its on_config, in environments of
    its own: those keep their compiled templates in the same folder, from before it runs."""
    from mkdocs.config import load_config

    files = {"articles/a.md": article("A")}
    config = load_config(config_file=str(write_site(tmp_path, files)))
    config = config.plugins.on_config(config)
    cache = config.theme.get_env().bytecode_cache
    assert cache is not None
    assert Path(cache.directory) == tmp_path / ".cache" / "newsroom" / "templates"  # type: ignore[attr-defined]
    compiled = list(Path(cache.directory).iterdir())  # type: ignore[attr-defined]
    assert compiled  # Material's search: partials/language.html and its language's
    assert config.plugins["material/search"].config.lang == ["en"]


def test_the_theme_files_are_listed_without_walking_hidden_folders(tmp_path: Path) -> None:
    """MkDocs lists the theme's files to copy them into the site, leaving out every path
    with a hidden part: the list is that of Jinja's own loader, without Material's icons."""
    import jinja2
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files

    from mkdocs_newsroom.build.kept_templates import VisibleFiles

    config = load_config(config_file=str(write_site(tmp_path, {"articles/a.md": article("A")})))
    config = config.plugins.on_config(config)
    env = config.theme.get_env()
    assert isinstance(env.loader, VisibleFiles)
    assert not [name for name in env.loader.list_templates() if name.startswith(".icons/")]
    ours, jinjas = Files([]), Files([])
    ours.add_files_from_theme(env, config)
    plain = jinja2.Environment(loader=jinja2.FileSystemLoader(config.theme.dirs))
    assert any(name.startswith(".icons/") for name in plain.list_templates())
    jinjas.add_files_from_theme(plain, config)
    assert len(ours) > 20  # Material's stylesheets and scripts, the plugin's
    assert sorted(file.src_uri for file in ours) == sorted(file.src_uri for file in jinjas)


def test_a_template_cache_that_cannot_be_written_only_costs_time(tmp_path: Path) -> None:
    """A cache folder that is a file, or inside the site folder, is no cache and no failure."""
    (tmp_path / ".cache").write_text("not a folder", encoding="utf-8")
    files = {"articles/a.md": article("No cache", body="The words.")}
    site = build_site(tmp_path, files, strict=True)
    assert "The words." in site.html("2024/05/01/no-cache/")
    inside = build_site(
        tmp_path / "inside", files, plugin={"picture_cache_dir": "site/cache", "pictures": False}
    )
    assert "The words." in inside.html("2024/05/01/no-cache/")
    assert not (tmp_path / "inside" / "site" / "cache").exists()
