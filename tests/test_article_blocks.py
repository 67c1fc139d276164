"""Article pages whose own blocks are joined as strings (rendering/article_blocks.py) are byte
for byte the pages Jinja renders from the templates, whatever the article holds; a site that
overrides one of those templates gets its own; a joiner that goes wrong is not used."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup, escape

from mkdocs_newsroom.rendering import article_blocks, assembly, card_strings, cards, joined
from mkdocs_newsroom.rendering.renderer import PageRenderer

from .sites import GIF, SECTIONS, article, build_site, photo

AUTHORS = """\
jdoe: {name: Jane Doe, role: Reporter}
asmith: {name: "Ali <Smith> & Sons"}
ahmad: {name: احمد کریمی}
"""
EDITIONS = {
    "en": {"title": "English"},
    "ps": {"title": "پښتو & <co>"},
    "prs": {"title": "دری", "languages": ["fa-AF"]},
}
HOSTILE = "Quotes \"x\" & <b>y</b> 'z' {{ 7*7 }} %(name)s 100%"
STORIES: dict[str, str | bytes] = {
    "images/lead.jpg": photo(1600, 900),
    "images/tiny.gif": GIF,
    "articles/full.md": article(
        HOSTILE,
        "2024-03-01T09:05:00+04:30",
        summary=f"Standfirst {HOSTILE}",
        section="world",
        authors=["jdoe", "asmith", "ahmad"],
        tags=["Shared", "Elections & <Votes>"],
        location="KABUL & <Herat>",
        updated="2024-03-02T10:00:00Z",
        breaking=True,
        image={"src": "/images/lead.jpg", "alt": f"Alt {HOSTILE}", "caption": HOSTILE},
        corrections=[{"date": "2024-03-03", "text": f"Fixed {HOSTILE}"}],
        translation="bus",
        body="A body with <em>markup</em> & an `code` span.\n\n```\npre  formatted\n```\n",
    ),
    "articles/credit.md": article(
        "Credited only",
        "2024-03-02T23:59:00Z",
        section="world",
        authors=["ahmad"],
        tags=["Shared"],
        image={"src": "/images/tiny.gif", "alt": "Tiny", "credit": "Photo & <co>"},
    ),
    "articles/far.md": article(
        "Picture from afar",
        "2024-03-04T00:00:00Z",
        section="politics",
        authors=["jdoe", "asmith"],
        image={"src": "https://photos.example.org/a b.jpg?x=1&y=2", "alt": "Far"},
        syndicated=True,
    ),
    "articles/bare.md": article("Bare", "2024-03-05T12:00:00Z"),
    "articles/ps/story.md": article(
        "د پښتو خبر", "2024-03-01T10:00:00+04:30", section="world", lang="ps", translation="bus"
    ),
    "articles/prs/story.md": article(
        "داستان دری", "2024-03-01T11:00:00+04:30", section="world", lang="prs", translation="bus"
    ),
    "articles/draft.md": article("A draft", "2024-03-06T12:00:00Z", section="world", draft=True),
    "articles/later.md": article("Scheduled", "2199-01-01T08:00:00Z", section="world"),
    "articles/gone.md": article(
        "Expired", "2024-01-01T08:00:00Z", section="politics", expires="2024-02-01T00:00:00Z"
    ),
    **{
        f"articles/more-{n}.md": article(
            f"More {n}", f"2024-02-{10 + n}T08:00:00Z", section="world", tags=["Shared"]
        )
        for n in range(4)
    },
}


def _files(site_dir: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(site_dir)): path.read_bytes()
        for path in sorted(site_dir.rglob("*"))
        if path.is_file() and path.name != "newsroom-build.json"  # holds when it was built
    }


def _build(
    root: Path, config: dict[str, Any], command: str, options: dict[str, Any] | None = None
) -> dict[str, bytes]:
    theme = {"name": "material", "font": False, "custom_dir": "overrides"}
    (root / "overrides").mkdir(parents=True, exist_ok=True)
    plugin = {
        "editions": EDITIONS,
        "sections": SECTIONS,
        "processes": 1,
        "syndicated_noindex": True,
        **(options or {}),
    }
    site = build_site(
        root,
        STORIES,
        plugin=plugin,
        config={"theme": theme, **config},
        authors=AUTHORS,
        command=command,
    )
    assert [line for line in site.warnings if "site_url is not set" not in line] == []
    return _files(root / "site")


def _counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The URLs of the pages whose blocks were joined (their other blocks rendered by Jinja
    without `content`), and after them "dropped" when a trial dropped the joiner; "card" for
    each card joined, "cards dropped" when a card's trial dropped the cards' joiner; "Jinja's
    header" after a joined page whose header Jinja rendered."""
    joined: list[str] = []
    own_blocks = assembly._own_blocks
    trial = assembly.PageAssembly._blocks
    made = cards.Cards._made

    def card_made(self: cards.Cards, template: str, values: dict[str, Any]) -> str:
        strings = self.strings
        shown = strings is not None and strings.shape(template, values) in self._shapes_shown
        html = made(self, template, values)
        joined.extend(
            ["card"] if shown else ["cards dropped"] if strings and not self.strings else []
        )
        return html

    monkeypatch.setattr(cards.Cards, "_made", card_made)

    def watched(self: assembly.PageAssembly, *args: Any) -> dict[str, str]:
        had = bool(self.joiners)
        blocks = trial(self, *args)
        if had and not self.joiners:
            joined.append("dropped")
        return blocks

    monkeypatch.setattr(assembly.PageAssembly, "_blocks", watched)

    def counting(*args: Any) -> dict[str, str]:
        if len(args) > 4 and "content" not in args[4]:
            joined.append(args[1]["page"].url)
            joined.extend(["Jinja's header"] if "header" in args[4] else [])
        return own_blocks(*args)

    monkeypatch.setattr(assembly, "_own_blocks", counting)
    return joined


@pytest.mark.parametrize(
    ("config", "command", "options"),
    [
        ({}, "build", {}),
        ({"site_url": None}, "build", {}),
        ({}, "serve", {}),
        ({}, "build", {"listing_feeds": ["tags"]}),
    ],
    ids=["from-the-root", "relative-links", "preview", "no-section-feeds"],
)
def test_joined_article_pages_are_the_pages_jinja_renders(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    config: dict[str, Any],
    command: str,
    options: dict[str, Any],
) -> None:
    """Hostile values in every field, three authors and right-to-left names, photographs with
    copies, without and from elsewhere, corrections, translations, held-back stories in the
    preview; links from the site's root and relative to the page; no section feeds to link."""
    joined = _counted(monkeypatch)
    together = _build(tmp_path / "joined", config, command, options)
    monkeypatch.setattr(PageRenderer, "join", False)
    alone = _build(tmp_path / "jinja", config, command, options)
    assert together.keys() == alone.keys()
    assert [name for name in alone if together[name] != alone[name]] == []
    # the article pages after the first two (rendered whole to learn their skeleton) and
    # the first of each shape (checked against Jinja's) were joined: the four alike
    articles = [name for name in alone if b'class="nr-page nr-article' in alone[name]]
    assert len(articles) >= 9
    assert "dropped" not in joined  # every shape's trial gave Jinja's blocks
    assert "Jinja's header" not in joined  # the header too is joined (Material's, kept)
    assert "cards dropped" not in joined and joined.count("card") >= 10
    pages = [url for url in joined if url.endswith("/")]
    assert len(pages) >= 2 and {url.split("/")[-2] for url in pages} <= {
        name.split("/")[-2] for name in articles
    }
    page = next(name for name in together if "/quotes-x-" in name)
    assert b"&lt;b&gt;y&lt;/b&gt;" in together[page] and b"<b>y</b>" not in together[page]
    if command == "serve":
        draft = next(name for name in together if "/a-draft/" in name)
        assert b"nr-flag--preview" in together[draft]


@pytest.mark.parametrize(
    ("partial", "replaced"),
    [("article-meta.html", b'<div class="nr-meta">'), ("card.html", b'<article class="nr-card')],
    ids=["an-article-s-part", "the-cards"],
)
def test_a_site_that_overrides_a_partial_gets_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, partial: str, replaced: bytes
) -> None:
    joined = _counted(monkeypatch)
    override = tmp_path / "overrides" / "news" / "partials" / partial
    override.parent.mkdir(parents=True)
    override.write_text('<p class="own-part">{{ article.title }}</p>', encoding="utf-8")
    files = _build(tmp_path, {}, "build")
    assert len([name for name in files if b'<p class="own-part">' in files[name]]) >= 3
    assert [name for name in files if replaced in files[name]] == []
    if partial == "card.html":  # the article pages are joined still, not the cards
        assert "card" not in joined and any(item != "card" for item in joined)
    else:
        assert joined and set(joined) == {"card"}


def test_a_header_without_material_s_title_is_jinja_s_and_the_rest_still_joined(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An article page's header is Material's, kept once a kind and given each page's title;
    a site whose header has no title where Material puts it gets Jinja's header on every
    page, and its other blocks are joined all the same."""
    header = '<header class="md-header"><p class="own-header">{{ page.title }}</p></header>'

    def build(folder: Path) -> dict[str, bytes]:
        partial = folder / "overrides" / "partials" / "header.html"
        partial.parent.mkdir(parents=True)
        partial.write_text(header, encoding="utf-8")
        return _build(folder, {}, "build")

    joined = _counted(monkeypatch)
    together = build(tmp_path / "joined")
    pages = [item for item in joined if item.endswith("/")]
    assert len(pages) >= 2 and "dropped" not in joined
    assert joined.count("Jinja's header") == len(pages)
    monkeypatch.setattr(PageRenderer, "join", False)
    alone = build(tmp_path / "jinja")
    assert [name for name in alone if together[name] != alone[name]] == []
    bare = next(name for name in together if "/bare/" in name)
    assert b'<p class="own-header">Bare</p>' in together[bare]


HOOKS = {
    "the-date-filter": (
        "def on_env(env, config, files):\n"
        "    date = env.filters['newsroom_date']\n"
        "    env.filters['newsroom_date'] = lambda moment, locale='en': (\n"
        "        'On ' if moment.day % 2 else '') + date(moment, locale)\n"
    ),
    "the-plural-words": (
        "from jinja2 import pass_context\n"
        "def on_env(env, config, files):\n"
        "    words = env.globals['ngettext']\n"
        "    @pass_context\n"
        "    def ngettext(context, singular, plural, number, **named):\n"
        "        if number > 2:\n"
        "            return 'By all of'\n"
        "        return words(context, singular, plural, number, **named)\n"
        "    env.globals['ngettext'] = ngettext\n"
    ),
    "a-jinja-filter": (
        "def on_env(env, config, files):\n"
        "    env.filters['length'] = lambda value: len(list(value)) + 1\n"
    ),
}


@pytest.mark.parametrize("hook", HOOKS.values(), ids=HOOKS.keys())
def test_a_site_that_replaces_a_filter_or_global_gets_jinja_s_rendering(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hook: str
) -> None:
    """A hook (or another plugin) may replace what the templates call: a filter or global of
    Newsroom's or Jinja's. The joined parts would write Newsroom's own words where Jinja
    writes the hook's (a hostile review found it): nothing is joined, and every page is
    Jinja's."""
    config = {"hooks": ["hooks.py"]}
    for folder in ("joined", "jinja"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "hooks.py").write_text(hook, encoding="utf-8")
    joined = _counted(monkeypatch)
    together = _build(tmp_path / "joined", config, "build")
    assert joined == []
    monkeypatch.setattr(PageRenderer, "join", False)
    alone = _build(tmp_path / "jinja", config, "build")
    assert [name for name in alone if together[name] != alone[name]] == []


def test_a_joiner_that_goes_wrong_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A joined block or card that is not what Jinja gives, or a joiner that fails, on a page
    or card of a shape not seen before: the pages are Jinja's all the same."""
    alone = _build(tmp_path / "jinja", {}, "build")
    content, card = article_blocks._Joined.content, card_strings._card

    def wrong(self: Any) -> str:
        if "Credited" in self._page.article.title:
            raise ValueError("a page the joiner does not know")
        return str(content(self)).replace("nr-headline", "nr-wrong")

    def wrong_card(values: dict[str, Any]) -> str:
        if "Credited" in values["article"].title:
            raise ValueError("a card the joiner does not know")
        return card(values).replace("nr-card__title", "nr-wrong")

    monkeypatch.setattr(article_blocks._Joined, "content", wrong)
    monkeypatch.setattr(card_strings, "_card", wrong_card)
    joined = _counted(monkeypatch)
    assert _build(tmp_path / "wrong", {}, "build") == alone
    assert "dropped" in joined and "cards dropped" in joined


CODE = "Intro.\n\n```\nprint('hi')\n```\n\nEnd."


@pytest.mark.parametrize(
    ("config", "main"),
    [
        ({"extra_css": ["css/site.css?<pre>"]}, ""),
        ({}, '{% extends "base.html" %}{% block announce %}<!-- a <pre> -->News{% endblock %}'),
    ],
    ids=["in-the-head", "in-the-announcement"],
)
def test_a_pre_left_open_across_the_blocks_keeps_jinja_s_white_space(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, config: dict[str, Any], main: str
) -> None:
    """A `<pre` the shell leaves open before an article's blocks (an address of mkdocs.yml, a
    comment of overrides/main.html) closes in its body's code: the page is squeezed whole,
    where joined blocks would lose the white space Jinja's keep (a hostile review found it);
    such a page takes Jinja's blocks."""

    def build(folder: Path) -> dict[str, bytes]:
        (folder / "overrides").mkdir(parents=True)
        if main:
            (folder / "overrides" / "main.html").write_text(main, encoding="utf-8")
        theme = {"name": "material", "font": False, "custom_dir": "overrides"}
        stories = {
            f"articles/s{n}.md": article(f"Story {n}", f"2024-03-{20 - n}T08:00:00Z", body=CODE)
            for n in range(6)
        }
        build_site(folder, stories, plugin={"processes": 1}, config={"theme": theme, **config})
        return _files(folder / "site")

    joined = _counted(monkeypatch)
    together = build(tmp_path / "joined")
    assert joined and "dropped" not in joined and "cards dropped" not in joined
    monkeypatch.setattr(PageRenderer, "join", False)
    alone = build(tmp_path / "jinja")
    assert [name for name in alone if together[name] != alone[name]] == []


@given(st.one_of(st.text(), st.integers(), st.text().map(Markup)))
def test_the_joined_parts_escape_as_markupsafe_does(value: object) -> None:
    assert joined.escape(value) == str(escape(value))
