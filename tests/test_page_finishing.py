"""A page's last touches done to its kind's skeleton once and to its own blocks
(rendering/finishing.py) give, byte for byte, what they give over the whole page; a page whose
blocks would make a touch reach across the cut is finished whole."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_newsroom.rendering.assembly import Filled, Skeleton
from mkdocs_newsroom.rendering.finishing import PageFinish, _FinishedShell
from mkdocs_newsroom.rendering.shell_assets import ShellAssets

from .sites import article, build_site

STORIES = {
    f"articles/2024/0{1 + n % 3}/story-{n}.md": article(
        f"Story {n}",
        f"2024-0{1 + n % 3}-{10 + n}T10:00:00Z",
        section="world",
        tags=[f"Tag {n % 2}"],
    )
    for n in range(16)
}


class _Seen:
    """The pages a build put together, as they were handed over to be finished; how many
    were finished apart from their skeleton, and how many skeletons were learnt."""

    def __init__(self) -> None:
        self.pages: list[tuple[PageFinish, Filled, str, bool]] = []
        self.apart = 0
        self.learnt = 0


def _built(
    root: Path, monkeypatch: pytest.MonkeyPatch, config: dict[str, Any] | None = None
) -> _Seen:
    seen = _Seen()
    finish_page, shell_page, learnt = PageFinish.page, _FinishedShell.page, PageFinish._learnt

    def page(self: PageFinish, rendered: str | Filled, lang: str, rtl: bool) -> str:
        if isinstance(rendered, Filled):
            seen.pages.append((self, rendered, lang, rtl))
        return finish_page(self, rendered, lang, rtl)

    def apart(self: _FinishedShell, blocks: dict[str, str], lang: str, rtl: bool) -> str | None:
        made = shell_page(self, blocks, lang, rtl)
        seen.apart += made is not None
        return made

    def learning(self: PageFinish, *args: Any) -> _FinishedShell | None:
        made = learnt(self, *args)
        seen.learnt += made is not None
        return made

    monkeypatch.setattr(PageFinish, "page", page)
    monkeypatch.setattr(_FinishedShell, "page", apart)
    monkeypatch.setattr(PageFinish, "_learnt", learning)
    build_site(root, STORIES, plugin={"processes": 1}, config=config)
    monkeypatch.undo()
    return seen


@pytest.fixture(scope="module")
def seen(tmp_path_factory: pytest.TempPathFactory) -> _Seen:
    with pytest.MonkeyPatch.context() as monkeypatch:
        return _built(tmp_path_factory.mktemp("finishing"), monkeypatch)


def _all_apart(seen: _Seen) -> None:
    skeletons = {id(filled.skeleton) for _, filled, *_ in seen.pages}
    assert len(seen.pages) >= 6
    assert seen.learnt == len(skeletons)
    assert seen.apart == len(seen.pages) + seen.learnt


def test_pages_put_together_are_finished_from_their_skeletons(seen: _Seen) -> None:
    """Not a way kept for show: every page of a site with an ordinary shell put together
    from a skeleton is finished apart from it (the page each skeleton is learnt from is
    finished both ways, to compare)."""
    _all_apart(seen)


def test_a_palette_toggle_s_script_in_the_header_keeps_the_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its header uses Material's storage helpers, on every page alike."""
    palette = [
        {"scheme": scheme, "toggle": {"icon": "material/brightness-7", "name": scheme}}
        for scheme in ("default", "slate")
    ]
    theme = {"name": "material", "font": False, "palette": palette}
    seen = _built(tmp_path, monkeypatch, {"theme": theme})
    assert any("__md_" in filled.blocks["header"] for _, filled, *_ in seen.pages)
    _all_apart(seen)


_PIECES = st.sampled_from(
    [
        "\n",
        "\n    ",
        "  ",
        "\t",
        ">",
        "x",
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<meta a>",
        "<span>",
        "<pre>",
        "</pre>",
        "<PRE ",
        "<script>",
        "</script>",
        "<style>",
        "</textarea>",
        "__md_",
        '<header class="md-header"',
        '<article class="md-content__inner',
        "</article>",
        '<html lang="',
        '<body dir="',
        '<div class="md-dialog" data-md-component="dialog">',
        '<div data-md-component="skip">',
        "assets/newsroom/shell-",
        "\x00",
    ]
)
_TEXTS = st.lists(_PIECES, max_size=12).map("".join)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), learn_from_trial=st.booleans(), rtl=st.booleans())
def test_any_blocks_come_out_as_the_whole_page_would(
    seen: _Seen, data: st.DataObject, learn_from_trial: bool, rtl: bool
) -> None:
    """Blocks of every shape at the cuts (white space, tags, preformatted text and scripts
    opened and not closed, what lighter_page looks for): the page comes out as it does when
    finished whole, whether the skeleton was learnt from an ordinary page or from these."""
    finish, filled, lang, _ = data.draw(st.sampled_from(seen.pages))
    blocks = {
        name: data.draw(
            st.one_of(
                st.just(text), _TEXTS.map(lambda drawn, text=text: drawn + text + drawn), _TEXTS
            )
        )
        for name, text in filled.blocks.items()
    }
    fresh = PageFinish(_assets_of(finish))
    if learn_from_trial:
        fresh.page(filled, lang, rtl)
    got = fresh.page(Filled(filled.skeleton, blocks), lang, rtl)
    assert got == fresh.whole(filled.skeleton.fill(blocks), lang, rtl)


def _blocks_like(text: str) -> st.SearchStrategy[str]:
    """The block as it was, wrapped in drawn pieces, or drawn pieces alone."""
    return st.one_of(st.just(text), _TEXTS.map(lambda drawn: drawn + text + drawn), _TEXTS)


def _assets_of(finish: PageFinish) -> ShellAssets:
    """The build's shell assets: they know the shell script its pages name."""
    assets = finish._assets
    assert isinstance(assets, ShellAssets)
    return assets


_TAG = '<script src="/assets/newsroom/shell-{}.js"></script>'


@pytest.mark.parametrize(
    ("parts", "trial", "blocks"),
    [
        # a line break at the end of the head, which tightened does not look past
        (
            ["<html><head><title>t</title></head><body>\n", "header",
             '\n<article class="md-content__inner">\n', "content",
             "\n</article>\n<footer>the end</footer></body></html>"],
            {"header": "x", "content": "c"},
            {"header": "<p>\n", "content": "c"},
        ),
        # what lighter_page takes out, begun in the skeleton and ended beyond a block
        (
            ['<html><body><div class="md-dialog" data-md-component="dialog">'
             '<div class="md-dialog__inner md-typeset"></div>\n', "extra",
             "\n</div>\n{tag}\n</body></html>"],
            {"extra": "x"},
            {"extra": ""},
        ),
        # a tag begun in the skeleton and ended in a block
        (
            ['<html><body><article class="md-content__inner"><', "content",
             "</article>\n<footer>the end</footer></body></html>"],
            {"content": "p>x"},
            {"content": "pre>\n  a\n</pre>"},
        ),
    ],
)  # fmt: skip
def test_a_skeleton_whose_cuts_a_touch_would_cross_is_finished_as_a_whole(
    seen: _Seen, parts: list[str], trial: dict[str, str], blocks: dict[str, str]
) -> None:
    """Skeletons no theme of ours makes, found by a hostile review."""
    finish, *_ = seen.pages[0]
    assets = _assets_of(finish)
    tag = re.search(
        r'<script src="[^"]*shell-(\w+)\.js"></script>', seen.pages[0][1].skeleton.parts[-1]
    )
    assert tag is not None
    skeleton = Skeleton([part.replace("{tag}", _TAG.format(tag[1])) for part in parts], {})
    fresh = PageFinish(assets)
    fresh.page(Filled(skeleton, trial), "en", False)
    got = fresh.page(Filled(skeleton, blocks), "en", False)
    assert got == fresh.whole(skeleton.fill(blocks), "en", False)


_SKELETON_PIECES = st.one_of(
    _PIECES,
    st.sampled_from(
        [
            "{tag}",
            '<script>__md_scope=new URL("/",location),__md_get=1</script>',
            '<div data-md-component="skip">\n</div>\n',
            '<div class="md-dialog" data-md-component="dialog">\n'
            '<div class="md-dialog__inner md-typeset"></div>\n</div>\n',
        ]
    ),
)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_skeleton_comes_out_as_the_whole_page_would(seen: _Seen, data: st.DataObject) -> None:
    """Skeletons of other shapes too: a real one with pieces put anywhere in its text (what
    lighter_page takes out among them), learnt from one page and filled with another's
    blocks."""
    finish, filled, lang, rtl = data.draw(st.sampled_from(seen.pages))
    tag = re.search(r'<script src="[^"]*shell-(\w+)\.js"></script>', filled.skeleton.parts[-1])
    assert tag is not None
    parts = list(filled.skeleton.parts)
    for index in range(0, len(parts), 2):
        for _ in range(data.draw(st.integers(0, 3))):
            at = data.draw(st.integers(0, len(parts[index])))
            piece = data.draw(_SKELETON_PIECES).replace("{tag}", _TAG.format(tag[1]))
            parts[index] = parts[index][:at] + piece + parts[index][at:]
    skeleton = Skeleton(parts, filled.skeleton.shell_vars)
    fresh = PageFinish(_assets_of(finish))
    for blocks in (
        filled.blocks,
        {name: data.draw(_blocks_like(text)) for name, text in filled.blocks.items()},
    ):
        got = fresh.page(Filled(skeleton, blocks), lang, rtl)
        assert got == fresh.whole(skeleton.fill(blocks), lang, rtl)
