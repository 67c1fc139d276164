"""A page's last touches done to its kind's skeleton once and to its own blocks
(rendering/finishing.py) give, byte for byte, what they give over the whole page; a page whose
blocks would make a touch reach across the cut is finished whole."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_newsroom.rendering.assembly import Filled
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


def _built(root: Path, monkeypatch: pytest.MonkeyPatch) -> _Seen:
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
    build_site(root, STORIES, plugin={"processes": 1})
    monkeypatch.undo()
    return seen


@pytest.fixture(scope="module")
def seen(tmp_path_factory: pytest.TempPathFactory) -> _Seen:
    with pytest.MonkeyPatch.context() as monkeypatch:
        return _built(tmp_path_factory.mktemp("finishing"), monkeypatch)


def test_pages_put_together_are_finished_from_their_skeletons(seen: _Seen) -> None:
    """Not a way kept for show: every page of a site with an ordinary shell put together
    from a skeleton is finished apart from it (the page each skeleton is learnt from is
    finished both ways, to compare)."""
    skeletons = {id(filled.skeleton) for _, filled, *_ in seen.pages}
    assert len(seen.pages) >= 6
    assert seen.learnt == len(skeletons)
    assert seen.apart == len(seen.pages) + seen.learnt


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


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
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
