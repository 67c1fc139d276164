"""Pages put together from a skeleton of their kind and their own blocks
(rendering/assembly.py) are byte for byte the pages the whole template renders, and a template
whose skeleton would not hold is rendered whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment, UndefinedError
from markupsafe import Markup

from mkdocs_newsroom.rendering.contexts import fresh_context, rendered
from mkdocs_newsroom.rendering.renderer import PageRenderer
from mkdocs_newsroom.rendering.shell import ShellCache

from .sites import article, build_repo_site, build_site


def _files(site_dir: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(site_dir)): path.read_bytes()
        for path in sorted(site_dir.rglob("*"))
        if path.is_file()
    }


def test_the_demo_portal_put_together_is_the_demo_rendered_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Editions in three scripts, right-to-left pages, breaking news, photographs, listings
    over several pages: every file the same."""
    build_repo_site(tmp_path / "together" / "site")
    monkeypatch.setattr(PageRenderer, "assemble", False)
    build_repo_site(tmp_path / "whole" / "site")
    together = _files(tmp_path / "together" / "site")
    whole = _files(tmp_path / "whole" / "site")
    assert together.keys() == whole.keys()
    pages = [name for name in whole if name.endswith(".html")]
    assert len(pages) > 50
    assert [name for name in whole if together[name] != whole[name]] == []


STORIES = {
    f"articles/2024/0{1 + n % 3}/story-{n}.md": article(
        f"Story {n}", f"2024-0{1 + n % 3}-{10 + n}T10:00:00Z", section="world", tags=["Shared"]
    )
    for n in range(8)
}


def _built_both_ways(
    root: Path, monkeypatch: pytest.MonkeyPatch, overrides: dict[str, str]
) -> tuple[dict[str, bytes], dict[str, bytes]]:
    def build(folder: Path) -> dict[str, bytes]:
        for name, text in overrides.items():
            (folder / "overrides" / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / "overrides" / name).write_text(text, encoding="utf-8")
        theme = {"name": "material", "font": False, "custom_dir": "overrides"}
        site = build_site(folder, STORIES, config={"theme": theme})
        return _files(site.site_dir)

    together = build(root / "together")
    monkeypatch.setattr(PageRenderer, "assemble", False)
    return together, build(root / "whole")


def test_a_shell_that_shows_something_of_each_page_is_rendered_for_each_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """overrides/main.html puts the page's URL in a block Newsroom takes for the shell's."""
    main = (
        '{% extends "base.html" %}'
        "{% block scripts %}{{ super() }}<!-- at {{ page.url }} -->{% endblock %}"
    )
    together, whole = _built_both_ways(tmp_path, monkeypatch, {"main.html": main})
    assert together == whole
    story = next(name for name in together if "story-5" in name and name.endswith(".html"))
    assert b"<!-- at 2024/" in together[story] and b"story-5/ -->" in together[story]


def test_an_override_whose_blocks_need_its_top_level_names_is_rendered_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A site's news/article.html that imports macros at its top and uses them in `content`:
    the block cannot be rendered alone, and the pages still come out right."""
    macros = '{% macro shout(text) %}<p class="shout">{{ text | upper }}</p>{% endmacro %}'
    override = (
        '{% extends "news/base.html" %}{% import "macros.html" as m %}'
        "{% block content %}{{ m.shout(page.article.title) }}{% endblock %}"
    )
    together, whole = _built_both_ways(
        tmp_path, monkeypatch, {"macros.html": macros, "news/article.html": override}
    )
    assert together == whole
    for n in range(8):
        page = next(name for name in together if f"story-{n}/" in name)
        assert f'<p class="shout">STORY {n}</p>'.encode() in together[page]


def test_a_context_made_with_its_globals_as_one_dict_renders_as_jinja_s_own() -> None:
    """Cards, headlines and pages' own blocks are rendered in a context made by
    `fresh_context`: the environment's globals, the template's own over them, the values
    given over both, as `Template.render` has them; included templates see the same."""
    env = Environment(loader=DictLoader({"inner.html": "[{{ shared }} {{ own }} {{ value }}]"}))
    env.globals.update(shared="environment", only_environment=1)
    source = "{{ shared }} {{ only_environment }} {{ own }} {{ value }} {% include 'inner.html' %}"
    template = env.from_string(source, globals={"shared": "template", "own": 2})
    for values in ({"value": 3}, {"shared": "given", "value": 4}):
        assert rendered(template, fresh_context(template, values)) == template.render(values)
    env.globals["later"] = "added"  # after the template was made: Jinja's globals are live
    later = env.from_string("{{ later }}")
    assert rendered(later, fresh_context(later, {})) == "added"
    with pytest.raises(UndefinedError):  # an error is raised as Jinja raises it
        failing = env.from_string("{{ missing.attribute }}")
        rendered(failing, fresh_context(failing, {}))


def test_a_header_tabs_or_footer_that_shows_something_of_each_page_is_each_pages_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The parts of Material's shell kept once for many pages (rendering/shell.py): a site's
    overrides/main.html that shows the page's URL or title in them gets each page's, not the
    first page's (a hostile review found every story of a kind with the first's)."""
    main = (
        '{% extends "base.html" %}'
        '{% block header %}{{ super() }}<p class="own-header">{{ page.url }}</p>{% endblock %}'
        '{% block tabs %}{{ super() }}<p class="own-tabs">{{ page.url }}</p>{% endblock %}'
        '{% block footer %}<p class="own-footer">{{ page.title }}</p>{% endblock %}'
    )
    together, whole = _built_both_ways(tmp_path, monkeypatch, {"main.html": main})
    assert together == whole
    for n in range(8):
        page = together[next(name for name in together if f"story-{n}/" in name)]
        assert f'<p class="own-footer">Story {n}</p>'.encode() in page
        assert page.count(f"story-{n}/</p>".encode()) == 2  # the header's and the tabs'


def test_material_s_own_header_tabs_and_footer_are_kept_once_a_kind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without overrides, no part of the shell differs from page to page: each is rendered
    for two pages of its key at most and kept (rendering them for every page was a quarter
    of a large site's rendering)."""
    rendered_for: list[tuple[object, ...]] = []
    owned: list[tuple[object, ...]] = []
    kept = ShellCache._kept

    def watched(self: ShellCache, key: tuple[object, ...], part: Markup) -> Markup:
        result = kept(self, key, part)
        rendered_for.append(key)
        owned.extend([key] if key in self._own else [])
        return result

    monkeypatch.setattr(ShellCache, "_kept", watched)
    build_site(tmp_path, STORIES)
    assert owned == []
    assert {key[0] for key in rendered_for} == {"header", "tabs", "footer"}
    assert max(map(rendered_for.count, rendered_for)) == 2  # the stories': kept at the second
