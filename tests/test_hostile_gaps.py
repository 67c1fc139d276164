"""The last holes of "never stop the presses, never leak copy", each closed as a class: an
article body never pulls in another file, article media can never run a script, every build
hears of a folder it cannot read, raw HTML media follow the rule of Markdown media, and an
article that would land in one of the plugin's folders is skipped.

Each is a real build beside a good article; `newsroom check` says the build's lines.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from mkdocs_newsroom.search.query import IndexFiles
from mkdocs_newsroom.search.shards import INDEX_DIR

from .commands import newsroom
from .sites import (
    Site,
    article,
    build_site,
    collecting_logs,
    lock_folders_named_locked,
    write_site,
    write_tree,
)
from .test_hostile import GOOD, GOOD_URL, _located, built, fails_strict, front, output_text

if TYPE_CHECKING:
    from pathlib import Path


def _body_text(site: Site, url: str) -> str:
    body = site.dom(url).css_first(".nr-body")
    assert body is not None
    return body.text()


# --- A tag left open in a paragraph never takes the story after it ------------------------------

SWALLOWERS = [
    "template", "title", "textarea", "xmp", "plaintext", "noscript", "iframe", "noembed",
    "noframes", "style", "script",
]  # fmt: skip


@pytest.mark.parametrize("tag", SWALLOWERS)
def test_a_tag_left_open_in_a_paragraph_is_shown_and_the_story_after_it_kept(
    tmp_path: Path, tag: str
) -> None:
    """`the <template> tag` in a story about the web: a browser (and the sanitizer) reads all
    that follows as the element's, which was removed, or shown as markup (`</p> <p>`). One
    closed within its paragraph is the sanitizer's to judge, as before."""
    body = (
        f"First the <{tag}> tag here.\n\nSecond KEEPA paragraph.\n\n"
        f"Third KEEPB, and a closed <{tag.upper()}>x</{tag}> later.\n\nFourth KEEPC.\n"
    )
    files: dict[str, str | bytes] = {"articles/a.md": article("Open tag", body=body)}
    site = built(tmp_path, files)
    page = site.dom("2024/05/01/open-tag/").css_first(".nr-body")
    assert page is not None
    paragraphs = [p.text() for p in page.css("p")]
    assert paragraphs[:2] == [f"First the <{tag}> tag here.", "Second KEEPA paragraph."]
    assert paragraphs[-1] == "Fourth KEEPC."
    text = page.text()
    assert "Third KEEPB, and a closed " in text and " later." in text  # (xmp ends a paragraph)
    assert "&lt;/p&gt;" not in site.html("2024/05/01/open-tag/")
    index = IndexFiles.read(site.site_dir / INDEX_DIR)
    assert [hit.url for hit in index.search("keepc").hits] == ["2024/05/01/open-tag/"]
    said = (
        f"<{tag}> in the story is never closed, or closed only after the block it opens in "
        "(a paragraph, a heading, a list item, a table cell), and would have taken the text "
        "after it: it is shown as text. Write a tag's name in backticks (`<template>`) to show "
        "it as code"
    )
    assert any(line.endswith(said) for line in site.warnings), site.warnings
    fails_strict(tmp_path, files)


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        ("## Head WA <style> WB\n\n- WC\n- WD\n\n## Head WE </style> WF\n", "WB WC WD WE"),
        ("- item WA <style> WB\n- item WC\n- item WD </style> WE\n", "WB WC WD WE"),
        ("| x | y |\n|---|---|\n| WA <textarea> WB | WC |\n| WD | WE </textarea> WF |\n", "WC WD"),
        ("1. WA <iframe> WB\n2. WC </iframe> WD\n", "WB WC WD"),
        ("See <template><style> WB </template> here.\n\nWC para.\n\nWD para.\n", "WC WD"),
    ],
    ids=["headings", "list items", "table cells", "numbered items", "inside a template"],
)
def test_a_tag_open_across_blocks_of_any_kind_takes_none_of_them(
    tmp_path: Path, body: str, kept: str
) -> None:
    """Closed blocks later, in a heading, a list item or a table cell, or left open inside a
    `<template>`: the blocks between are kept, as text, never as markup."""
    site = built(tmp_path, {"articles/a.md": article("Blocks", body=body)})
    page = site.dom("2024/05/01/blocks/").css_first(".nr-body")
    assert page is not None
    for word in kept.split():
        assert word in page.text(), (word, page.html)
    assert "&lt;/" not in (page.html or ""), page.html  # no end tag shown as text
    assert any("shown as text" in line for line in site.warnings), site.warnings


def test_a_tag_inside_a_comment_is_nothing_to_show(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "articles/a.md": article("Commented", body="A <!-- <script> --> note.\n\nKEEPZ\n")
    }
    site = built(tmp_path, files)
    assert "KEEPZ" in site.html("2024/05/01/commented/")
    assert not any("shown as text" in line for line in site.warnings), site.warnings


@pytest.mark.parametrize(
    "opening", ["<!-->", "<!--->", "<![CDATA[ x >", "<?x >"], ids=["empty", "dash", "cdata", "pi"]
)
def test_a_comment_ends_where_a_browser_ends_it(tmp_path: Path, opening: str) -> None:
    """`<!-->` and `<!--->` end at once, and `<![CDATA[ ... >` outside SVG at its first `>`,
    as the sanitizer parses them: a tag after one is in the story, and shown."""
    body = f"Before {opening} <style> WB -->\n\nWC para.\n\nWD end.\n"
    site = built(tmp_path, {"articles/a.md": article("Commented", body=body)})
    page = site.dom("2024/05/01/commented/").css_first(".nr-body")
    assert page is not None
    for word in ("WB", "WC", "WD"):
        assert word in page.text(), (word, page.html)
    assert any("<style> in the story" in line for line in site.warnings), site.warnings


# --- An article body never includes another file (pymdownx.snippets) ----------------------------
# --- An article body never includes another file (pymdownx.snippets) ----------------------------

SNIPPETS_INCLUDE = (
    "a snippet include ('--8<--') would put another file of the machine into the page "
    "(pymdownx.snippets); it was shown as text instead: copy what it should show into the story"
)


def test_snippet_includes_in_an_article_are_made_text_with_a_line_each(tmp_path: Path) -> None:
    root = tmp_path / "site"
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET OF THE MACHINE\n", encoding="utf-8")
    (tmp_path / "page.txt").write_text("A PAGE'S OWN INCLUDE\n", encoding="utf-8")
    body = (
        "The story.\n\n"
        f'--8<-- "{secret}"\n\n'
        '  --8<-- "mkdocs.yml"\n\n'
        "--8<--\n"
        "content/articles/held.md\n"
        "--8<--\n\n"
        f'```\n---8<--- "{secret}"\n```\n'
    )
    files = {
        "articles/x.md": front("Includes") + body,  # the body starts at line 5
        "articles/held.md": front("Held", draft="true") + "HELD BACK COPY\n",
        "about.md": f'# About\n\n--8<-- "{tmp_path / "page.txt"}"\n',  # the site's own page
    }
    snippets = {"pymdownx.snippets": {"base_path": [str(root)], "restrict_base_path": False}}
    config = {"markdown_extensions": [snippets]}
    site = built(tmp_path, files, config=config)
    assert site.warnings == [
        f"newsroom: articles/x.md:{line}:{column}: {SNIPPETS_INCLUDE}"
        for line, column in ((9, 1), (11, 3), (13, 1), (15, 1), (18, 1))
    ]
    assert "A PAGE'S OWN INCLUDE" in site.html("about/")  # the extension is at work
    page = site.html("2024/05/01/includes/")
    assert "SECRET" not in page and "docs_dir" not in page and "HELD BACK" not in page
    assert f'--8<-- "{secret}"' in _body_text(site, "2024/05/01/includes/")  # as written
    assert "SECRET" not in output_text(site) and "HELD BACK" not in output_text(site)
    fails_strict(tmp_path, files, config=config)
    checked = newsroom(root, "check")
    assert checked.stdout.splitlines() == [_located(w) for w in site.warnings]


def test_without_the_snippets_extension_a_scissors_line_is_only_text(tmp_path: Path) -> None:
    site = built(tmp_path, {"articles/x.md": front("Cut") + '--8<-- "mkdocs.yml"\n'})
    assert site.warnings == []
    assert '--8<-- "mkdocs.yml"' in _body_text(site, "2024/05/01/cut/")
    assert site.file(GOOD_URL).is_file()


# --- An article's media never runs a script: no SVG ---------------------------------------------

SVG = "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(document.domain)</script></svg>"
SCRIPTED = (
    "an SVG can carry scripts, which would run on the site's own address when the file is "
    "opened, so Newsroom never publishes one as an article's media; convert it to PNG or WebP"
)


def test_svg_is_never_an_articles_media(tmp_path: Path) -> None:
    image = "image:\n  src: {}\n  alt: A chart\ndate:"
    files: dict[str, str | bytes] = {
        "articles/lead.md": front("Lead").replace("date:", image.format("images/chart.svg"), 1),
        "articles/remote.md": front("Remote").replace(
            "date:", image.format("https://cdn.example.org/chart.SVG"), 1
        ),
        "articles/body.md": front("Body") + "![A chart](/articles/inline.svg)\n",
        "articles/inline.svg": SVG,
        "articles/unused.svgz": b"\x1f\x8b",
        "images/chart.svg": SVG,  # the site's own file, which MkDocs publishes
    }
    site = built(tmp_path, files)
    refused = "the field was ignored"
    assert sorted(site.warnings) == sorted(
        [
            "newsroom: articles/lead.md:3: 'image' 'src' 'images/chart.svg': "
            f"{SCRIPTED}; {refused}",
            "newsroom: articles/remote.md:3: 'image' 'src' 'https://cdn.example.org/chart.SVG': "
            f"{SCRIPTED}; {refused}",
            f"newsroom: articles/inline.svg: articles/body.md uses it, but {SCRIPTED}",
            f"newsroom: articles/unused.svgz: {SCRIPTED}",
        ]
    )
    assert not (site.site_dir / "articles").exists()  # neither SVG of the articles folder
    for url in ("2024/05/01/lead/", "2024/05/01/remote/"):
        assert site.file(url).is_file()
        assert "chart.svg" not in site.html(url).lower()
    scripted = [
        path.relative_to(site.site_dir).as_posix()
        for path in site.site_dir.rglob("*")
        if path.is_file() and b"alert(document.domain)" in path.read_bytes()
    ]
    assert scripted == ["images/chart.svg"]  # the site's own, never through an article
    fails_strict(tmp_path, files)
    checked = newsroom(tmp_path / "site", "check")
    assert sorted(checked.stdout.splitlines()) == sorted(_located(w) for w in site.warnings)


# --- Every build hears of a folder it cannot read, a preview's rebuilds and --dirty too ----------

LOCKED = (
    "newsroom: articles/locked: the folder cannot be read (permission denied), so every file in "
    "it was left out of the site; make it readable, or move the files out of it"
)


@pytest.mark.parametrize(
    ("command", "dirty"),
    [("serve", True), ("serve", False), ("build", True)],
    ids=["serve --dirty", "serve", "build --dirty"],
)
def test_a_folder_locked_after_the_first_build_is_told_by_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str, dirty: bool
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1717200000")
    config = write_site(tmp_path, GOOD)
    lock_folders_named_locked(monkeypatch)
    builds = _Builds(config, command, dirty)
    try:
        assert builds.warnings() == []
        write_tree(tmp_path / "content", {"articles/locked/story.md": front("Locked story")})
        assert builds.warnings() == [LOCKED]
        assert builds.warnings() == [LOCKED]  # every build, not only the one after the change
    finally:
        builds.stop()


class _Builds:
    """Builds of one site in one process, as `mkdocs serve` (one plugin instance, a fresh
    configuration each time) or `mkdocs build --dirty` (one command after another) make them."""

    def __init__(self, config: Path, command: str, dirty: bool) -> None:
        self.config, self.command, self.dirty = config, command, dirty
        self.started = False

    def warnings(self) -> list[str]:
        """Newsroom's warnings of one more build (MkDocs warns of every dirty one)."""
        site = Site(self.config.parent)
        loaded = load_config(config_file=str(self.config))
        if not self.started or self.command == "build":
            loaded.plugins.on_startup(command=self.command, dirty=self.dirty)
            self.started = True
        with collecting_logs(site):
            serve_url = "http://127.0.0.1:8000/" if self.command == "serve" else None
            build(loaded, serve_url=serve_url, dirty=self.dirty)
        if self.command == "build":
            loaded.plugins.on_shutdown()
        return [line for line in site.warnings if line.startswith("newsroom: ")]

    def stop(self) -> None:
        if self.command == "serve" and self.started:
            load_config(config_file=str(self.config)).plugins.on_shutdown()


# --- Raw HTML media follow the rule of Markdown media, sanitized or not ---------------------------

RAW_MEDIA = (
    '<img src="/\\evil.example/b.png" alt="b">\n\n'
    '<img src="http:evil.example/c.png" alt="c &amp; d">\n\n'
    '<picture><source srcset="/images/ok.png 1x, //evil.example/d.png 2x">'
    '<img src="/images/ok.png" alt="ok"></picture>\n\n'
    '<video src="//evil.example/v.mp4" poster="java&#115;cript:alert(1)" controls></video>\n\n'
    '<audio controls><source src="data:audio/mp3;base64,AAAA"></audio>\n\n'
    '<iframe src="javascript:alert(2)"></iframe>\n\n'
    '<iframe src="https://video.example.org/embed/1" title="kept"></iframe>\n\n'
    '![md](//evil.example/e.png) <img src="https://cdn.example.org/kept.png" alt="kept">\n'
)
RAW_MEDIA_WARNING = (
    "newsroom: articles/media.md: media the site must not load (another host's, as a browser "
    "reads the address, or not a web address) was removed from the story: {}; give a path "
    "inside the site or an http(s) URL"
)


@pytest.mark.parametrize("sanitized", [False, True], ids=["raw HTML kept", "sanitized"])
def test_raw_html_media_follow_the_rule_of_markdown_media(tmp_path: Path, sanitized: bool) -> None:
    files: dict[str, str | bytes] = {
        "articles/media.md": front("Media") + "\n" + RAW_MEDIA,
        "images/ok.png": b"\x89PNG ok",
    }
    plugin = {"sanitize_markdown_html": sanitized}
    site = built(tmp_path, files, plugin=plugin)
    media = "'src' on <img>, 'srcset' on <source>, 'src' on <video>, 'poster' on <video>, "
    media += "'src' on <source>"
    expected = [RAW_MEDIA_WARNING.format(media + ("" if sanitized else ", 'src' on <iframe>"))]
    if sanitized:  # frames of sites embed_hosts does not name go altogether, said apart
        expected.insert(
            0,
            "newsroom: articles/media.md: a frame (<iframe>) that is not an https address of a "
            "site embed_hosts names was removed from the story: javascript:alert(2), "
            "https://video.example.org/embed/1; to show it, write the player's embed code as it "
            "gives it, and have its host (such as www.youtube.com) put in embed_hosts in "
            "mkdocs.yml; or link to it",
        )
    assert site.warnings == expected
    body = site.dom("2024/05/01/media/").css_first(".nr-body")
    assert body is not None
    page = body.html or ""
    for gone in ("evil.example", "javascript", "data:audio", "java&amp;#115;"):
        assert gone not in page
    assert "https://cdn.example.org/kept.png" in page and "/images/ok.png" in page
    assert ('src="https://video.example.org/embed/1"' in page) is not sanitized
    assert 'alt="c &amp; d"' in page and "controls" in page
    fails_strict(tmp_path, files, plugin=plugin)
    checked = newsroom(tmp_path / "site", "check")
    assert checked.stdout.splitlines() == [_located(w) for w in site.warnings]


# --- An article whose URL is inside the plugin's own folders is skipped ---------------------------


def test_an_article_whose_url_is_a_folder_of_the_newsroom_s_own_is_skipped(
    tmp_path: Path,
) -> None:
    files: dict[str, str | bytes] = {
        "articles/listing.md": front("Zebra listing", slug="tags"),  # the tag pages' folder
        "articles/edition.md": front("Quagga edition", slug="ps"),  # the Pashto edition's folder
        "articles/ok.md": front("Fine", slug="fine"),
    }
    editions = {"en": {"title": "English"}, "ps": {"title": "پښتو"}}
    plugin = {"article_url": "{slug}/", "editions": editions}
    site = build_site(tmp_path / "site", files, plugin=plugin)
    skipped = (
        "a folder of the newsroom's own pages, so the article was skipped; change its 'slug', "
        "its section's id or article_url"
    )
    assert site.warnings == [
        f"newsroom: articles/edition.md: its URL ps/ is inside ps/, {skipped}",
        f"newsroom: articles/listing.md: its URL tags/ is inside tags/, {skipped}",
    ]
    assert site.summary == (
        "newsroom: published 1 article, skipped 2: 2 with errors (see the warnings above)"
    )
    assert site.file("fine/").is_file()
    assert not (site.site_dir / "news").exists()
    assert "Zebra" not in output_text(site) and "Quagga" not in output_text(site)
    with pytest.raises(Abort):
        build_site(tmp_path / "strict", files, plugin=plugin, strict=True)
    checked = newsroom(tmp_path / "site", "check")
    assert checked.stdout.splitlines() == [_located(w) for w in site.warnings]
