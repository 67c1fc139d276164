"""Article pages whose own blocks are joined as strings (rendering/article_blocks.py) are byte
for byte the pages Jinja renders from the templates, whatever the article holds; a site that
overrides one of those templates gets its own; a joiner that goes wrong is not used."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from mkdocs_newsroom.rendering import article_blocks, assembly
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


def _build(root: Path, config: dict[str, Any], command: str) -> dict[str, bytes]:
    theme = {"name": "material", "font": False, "custom_dir": "overrides"}
    (root / "overrides").mkdir(parents=True, exist_ok=True)
    plugin = {
        "editions": EDITIONS,
        "sections": SECTIONS,
        "processes": 1,
        "syndicated_noindex": True,
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
    without `content`), and after them "dropped" when a trial dropped the joiner."""
    joined: list[str] = []
    own_blocks = assembly._own_blocks
    trial = assembly.PageAssembly._blocks

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
        return own_blocks(*args)

    monkeypatch.setattr(assembly, "_own_blocks", counting)
    return joined


@pytest.mark.parametrize(
    ("config", "command"),
    [({}, "build"), ({"site_url": None}, "build"), ({}, "serve")],
    ids=["from-the-root", "relative-links", "preview"],
)
def test_joined_article_pages_are_the_pages_jinja_renders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, config: dict[str, Any], command: str
) -> None:
    """Hostile values in every field, three authors and right-to-left names, photographs with
    copies, without and from elsewhere, corrections, translations, held-back stories in the
    preview; links from the site's root and relative to the page."""
    joined = _counted(monkeypatch)
    together = _build(tmp_path / "joined", config, command)
    monkeypatch.setattr(PageRenderer, "join", False)
    alone = _build(tmp_path / "jinja", config, command)
    assert together.keys() == alone.keys()
    assert [name for name in alone if together[name] != alone[name]] == []
    # the article pages after the first two (rendered whole to learn their skeleton) and
    # the first of each shape (checked against Jinja's) were joined: the four alike
    articles = [name for name in alone if b'class="nr-page nr-article' in alone[name]]
    assert len(articles) >= 9
    assert "dropped" not in joined  # every shape's trial gave Jinja's blocks
    assert len(joined) >= 2 and {url.split("/")[-2] for url in joined} <= {
        name.split("/")[-2] for name in articles
    }
    page = next(name for name in together if "/quotes-x-" in name)
    assert b"&lt;b&gt;y&lt;/b&gt;" in together[page] and b"<b>y</b>" not in together[page]
    if command == "serve":
        draft = next(name for name in together if "/a-draft/" in name)
        assert b"nr-flag--preview" in together[draft]


def test_a_site_that_overrides_a_partial_gets_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    joined = _counted(monkeypatch)
    override = tmp_path / "overrides" / "news" / "partials" / "article-meta.html"
    override.parent.mkdir(parents=True)
    override.write_text('<p class="own-meta">{{ article.title }}</p>', encoding="utf-8")
    files = _build(tmp_path, {}, "build")
    articles = [name for name in files if b'class="nr-page nr-article' in files[name]]
    assert len(articles) >= 9 and all(b'<p class="own-meta">' in files[name] for name in articles)
    assert joined == []


def test_a_joiner_that_goes_wrong_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A joined block that is not what Jinja gives, or a joiner that fails, on a page of a
    shape not seen before: the pages are Jinja's all the same."""
    alone = _build(tmp_path / "jinja", {}, "build")
    content = article_blocks._Joined.content

    def wrong(self: Any) -> str:
        if "Credited" in self._page.article.title:
            raise ValueError("a page the joiner does not know")
        return str(content(self)).replace("nr-headline", "nr-wrong")

    monkeypatch.setattr(article_blocks._Joined, "content", wrong)
    joined = _counted(monkeypatch)
    assert _build(tmp_path / "wrong", {}, "build") == alone
    assert joined == ["dropped"]


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
    assert joined and "dropped" not in joined
    monkeypatch.setattr(PageRenderer, "join", False)
    alone = build(tmp_path / "jinja")
    assert [name for name in alone if together[name] != alone[name]] == []
