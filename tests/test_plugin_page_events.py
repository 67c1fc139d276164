"""Other plugins' `on_post_page` runs over Newsroom's pages (build/page_events.py): the demo
portal with mkdocs-minify-plugin comes out minified page by page, in forked workers too; a site
where no other plugin defines the hook gets the very bytes it got before."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from mkdocs_newsroom.build.page_events import other_post_page_hooks, skipped_lines

from .commands import copy_demo, run, serving_folder
from .sites import article, build_site

ARTICLE_PAGE = re.compile(r"^(?:[a-z]+/)?\d{4}/\d\d/\d\d/[^/]+/index\.html$")
# htmlmin joins the lines and drops the quotes that attribute values can do without
# (news pages have no line break before <head>, which the minifier would make a space)
MINIFIED = re.compile(r"<!doctype html><html lang=[\w-]+ dir=(ltr|rtl) class=no-js> ?<head>")


def _with_plugins(root: Path, *entries: object, **newsroom: object) -> None:
    """mkdocs.yml of the portal at `root` with `entries` after `search`, and `newsroom`'s
    options changed."""
    config_file = root / "mkdocs.yml"
    text = config_file.read_text(encoding="utf-8")
    config = yaml.safe_load(text)
    plugins = config["plugins"]
    plugins[1:1] = list(entries)
    for plugin in plugins:
        if isinstance(plugin, dict) and "newsroom" in plugin:
            plugin["newsroom"].update(newsroom)
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")


def _pages(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*.html"))
    }


def test_every_article_page_of_the_demo_comes_out_minified(tmp_path: Path) -> None:
    plain = copy_demo(tmp_path / "plain")
    minified = copy_demo(tmp_path / "minified")
    _with_plugins(minified, {"minify": {"minify_html": True}})
    for root in (plain, minified):
        built = run(root, "mkdocs", "build", "--strict")
        assert built.returncode == 0, built.stderr
    assert "minify" not in run(plain, "mkdocs", "build").stderr
    lines = [line for line in built.stderr.splitlines() if "on_post_page" in line]
    assert len(lines) == 1, built.stderr
    assert re.search(
        r"newsroom: ran the on_post_page of minify over \d+ news pages: \d+\.\d s of work added",
        lines[0],
    ), lines[0]

    before, after = _pages(plain / "site"), _pages(minified / "site")
    articles = [name for name in before if ARTICLE_PAGE.match(name)]
    assert len(articles) == 9  # the demo's published articles
    listings = ["index.html", "section/world/index.html", "tags/index.html", "ps/index.html"]
    for name in [*articles, *listings]:
        plain_html, html = before[name].decode(), after[name].decode()
        assert plain_html.count("\n") > 10 and not MINIFIED.match(plain_html), name
        assert MINIFIED.match(html), name
        assert html.count("\n") == 0, name
        assert html.count('="') < plain_html.count('="') / 2, name


def _many_stories(root: Path, *plugins: object, body: str = "The body of the story.") -> None:
    """A site of 150 stories (enough for two processes: fork_map gives each 50 pages at
    least) with `plugins` between `search` and newsroom (`processes: 2`)."""
    files: dict[str, str | bytes] = {
        f"articles/story-{number}.md": article(
            f"Story number {number}",
            date=f"2024-05-{1 + number % 28:02d}T10:{number % 60:02d}:00+00:00",
            section="world",
            authors=["jdoe"],
            body=body if number == 77 else "The body of the story.",
        )
        for number in range(150)
    }
    build_site(root, files)  # writes mkdocs.yml and the sources; built again by the test
    config_file = root / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    newsroom = {**config["plugins"][1]["newsroom"], "processes": 2}
    config["plugins"] = ["search", *plugins, {"newsroom": newsroom}]
    config_file.write_text(yaml.safe_dump(config), encoding="utf-8")


def test_the_hooks_run_in_every_forked_worker(tmp_path: Path) -> None:
    """With 150 articles and two processes each process writes a share of the pages: every
    page is minified, whichever process wrote it."""
    _many_stories(tmp_path, {"minify": {"minify_html": True}})
    built = run(tmp_path, "mkdocs", "build", "--strict")
    assert built.returncode == 0, built.stderr
    assert "over 1" in built.stderr  # ran over more than a hundred pages
    pages = _pages(tmp_path / "site")
    articles = [name for name in pages if ARTICLE_PAGE.match(name)]
    assert len(articles) == 150
    written = {name: data for name, data in pages.items() if name.endswith("index.html")}
    assert len(written) > 150  # enough for two processes (fork_map: 50 pages each at least)
    plain = [name for name, data in written.items() if not MINIFIED.match(data.decode())]
    assert plain == []


def test_without_other_hooks_the_pages_are_the_same_bytes(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "articles/a.md": article("A story", section="world", authors=["jdoe"]),
        "articles/b.md": article("B story", date="2024-05-02T10:00:00+00:00", authors=["jdoe"]),
    }
    on = build_site(tmp_path / "on", files)
    off = build_site(tmp_path / "off", files, plugin={"plugin_page_events": False})
    assert not any("on_post_page" in line for line in on.infos)
    on_pages, off_pages = _pages(on.site_dir), _pages(off.site_dir)
    assert len([name for name in on_pages if ARTICLE_PAGE.match(name)]) == 2
    assert on_pages == off_pages


HOOKS = {
    "stamp.py": "def on_post_page(output, *, page, config):\n"
    "    return output + f'<!-- stamped {page.url} for {config.site_name} -->'\n",
    "late.py": "from mkdocs.plugins import event_priority\n"
    "@event_priority(-100)\n"
    "def on_post_page(output, *, page, config):\n"
    "    return output + '<!-- late -->'\n",
    "quiet.py": "def on_post_page(output, *, page, config):\n    return None\n",
}


def test_hooks_run_in_mkdocs_order_and_can_be_turned_off(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "articles/a.md": article("A story", section="world", authors=["jdoe"]),
    }
    order = {"hooks": ["hooks/late.py", "hooks/stamp.py", "hooks/quiet.py"]}
    for root in (tmp_path / "on", tmp_path / "off"):
        (root / "hooks").mkdir(parents=True)
        for name, code in HOOKS.items():
            (root / "hooks" / name).write_text(code, encoding="utf-8")
    site = build_site(tmp_path / "on", files, config=order)
    (line,) = [line for line in site.infos if "on_post_page" in line]
    assert "of hooks/stamp.py, hooks/quiet.py, hooks/late.py over 11 news pages" in line
    page = site.html("2024/05/01/a-story/")
    assert page.endswith("<!-- stamped 2024/05/01/a-story/ for Test Gazette --><!-- late -->")
    assert site.html("").endswith("<!-- late -->")  # the front page, a listing

    off = build_site(tmp_path / "off", files, config=order, plugin={"plugin_page_events": False})
    assert not any("on_post_page" in line for line in off.infos)
    assert "<!-- late -->" not in off.html("2024/05/01/a-story/")


def test_material_privacy_makes_a_news_page_s_external_image_local(tmp_path: Path) -> None:
    """Material's privacy plugin downloads what its on_post_page finds, and copies it into
    the site in its on_post_build: the news pages are written in the build's process, before
    that (a forked process's downloads would never reach it)."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "photo.png").write_bytes(PNG)
    with serving_folder(elsewhere) as url:
        image = f'<img src="{url}photo.png" alt="A photo">'
        privacy = {"privacy": {"assets_exclude": ["unpkg.com/*"]}}  # no request off this machine
        _many_stories(tmp_path / "site", privacy, body=f"The story.\n\n{image}\n")
        built = run(tmp_path / "site", "mkdocs", "build", "--strict")
    assert built.returncode == 0, built.stderr
    assert "in one process for material/privacy" in built.stderr
    host = url.removeprefix("http://").strip("/")  # 127.0.0.1:PORT
    assert (tmp_path / f"site/site/assets/external/{host}/photo.png").read_bytes() == PNG
    story = (tmp_path / "site/site/2024/05/22/story-number-77/index.html").read_text("utf-8")
    assert '<img src="../../../../assets/external/127.0.0.1:' in story
    assert url not in story


PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4"
    "890000000d4944415478da63fccf3c000f0004850180848a99210000000049454e44ae426082"
)


def test_a_hook_that_fails_is_named_in_the_warning(tmp_path: Path) -> None:
    (tmp_path / "hooks").mkdir()
    (tmp_path / "hooks" / "broken.py").write_text(
        "def on_post_page(output, *, page, config):\n"
        "    return {}[page.file.src_uri]  # as a plugin that never saw the page\n",
        encoding="utf-8",
    )
    files: dict[str, str | bytes] = {
        "articles/a.md": article("A story", section="world", authors=["jdoe"]),
    }
    site = build_site(tmp_path, files, config={"hooks": ["hooks/broken.py"]})
    story = [line for line in site.warnings if "2024/05/01/a-story/" in line]
    assert story == [
        "newsroom: articles/a.md: the page 2024/05/01/a-story/ could not be rendered (the "
        "on_post_page of hooks/broken.py failed (KeyError: '2024/05/01/a-story/index.md'); with "
        "plugin_page_events: false news pages are written without other plugins' hooks), so "
        "it was not written and the links to it lead nowhere"
    ]


def test_material_social_and_disabled_plugins_are_not_run_over_news_pages() -> None:
    """Material's social plugin finishes in on_post_page the card it began in the page's
    earlier events, which news pages skip (it would fail on each one)."""

    def post_page(self: object, output: str, **_: object) -> str:
        return output

    plugins = {
        name: type(name, (), {"__module__": module, "on_post_page": post_page, "config": on})()
        for name, module, on in (
            ("material/social", "material.plugins.social.plugin", {}),
            ("minify", "mkdocs_minify_plugin.plugin", {}),
            ("material/privacy", "material.plugins.privacy.plugin", {"enabled": False}),
        )
    }

    class Plugins(dict[str, object]):
        def __init__(self) -> None:
            super().__init__(plugins)
            self.events = {"post_page": [plugin.on_post_page for plugin in plugins.values()]}

    config = type("Config", (), {"plugins": Plugins()})
    hooks = other_post_page_hooks(config())  # type: ignore[arg-type]
    assert hooks.names == ["minify"]  # a plugin with `enabled: false` is left out
    assert hooks.main_process == ()
    assert skipped_lines(hooks) == [
        "the on_post_page of material/social is not run over news pages: it makes a page's "
        "social card from MkDocs' page events, which Newsroom's pages do not go through, so "
        "news pages get no card"
    ]
