"""One bad file never stops the presses and never leaks copy.

Each class of hostile input is a real build beside a good article: the build goes on, the
warning is one exact line naming the file, the good article is published, `--strict` fails,
and `newsroom check` reports the same lines. Nothing held back (draft, excluded, not used)
reaches any output file.
"""

from __future__ import annotations

import os
import re
import unicodedata
from importlib.metadata import version
from pathlib import Path

import pytest
import yaml
from lxml import etree
from mkdocs.exceptions import Abort
from packaging.version import Version

from mkdocs_newsroom.directions import INVALID_CHARACTERS
from mkdocs_newsroom.reading.bodies import MarkdownRenderer, NestedTooDeeply
from mkdocs_newsroom.slugs import slugify

from .commands import newsroom, run
from .sites import Site, article, build_site, photo, story, write_site

GOOD = {"articles/good.md": article("Good story", body="The good story's text.")}
GOOD_URL = "2024/05/01/good-story/"
SKIPPED = "; the article was skipped"
FIELD_CHARACTER = (
    "field '{field}' held the character {code}, which cannot appear in web pages or feeds (a "
    'YAML escape such as "\\x01" makes it); it was removed (and any others like it)'
)


def front(title: str = "A headline", **fields: str | None) -> str:
    """An article whose front matter lines are written as given (YAML escapes stay); its
    slug the headline's, unless given (None: no slug)."""
    lines = [f"title: {title}", "date: 2024-05-01T10:00:00+00:00"]
    lines += [f"{name}: {value}" for name, value in fields.items() if value is not None]
    if "slug" not in fields:  # last, so that no other field moves: the headline's, as read
        headline = INVALID_CHARACTERS.sub("", str(yaml.safe_load(f"t: {title}")["t"]))
        lines.append(f"slug: {slugify(headline, fallback_prefix='article')}")
    return "---\n" + "\n".join(lines) + "\n---\nThe body.\n"


def built(tmp_path: Path, files: dict[str, str | bytes], **options: object) -> Site:
    """The site built without --strict: it must finish, and publish the good article."""
    site = build_site(tmp_path / "site", {**GOOD, **files}, **options)  # type: ignore[arg-type]
    assert site.file(GOOD_URL).is_file()
    assert "The good story's text." in site.html(GOOD_URL)
    return site


def fails_strict(tmp_path: Path, files: dict[str, str | bytes], **options: object) -> None:
    with pytest.raises(Abort):
        build_site(tmp_path / "strict", {**GOOD, **files}, strict=True, **options)  # type: ignore[arg-type]


def output_text(site: Site) -> str:
    """Every file the build wrote, as text, for what must never be published."""
    return "\n".join(
        path.read_bytes().decode("utf-8", "replace")
        for path in site.site_dir.rglob("*")
        if path.is_file()
    )


# --- Characters no page or feed may hold ---------------------------------------------------


@pytest.mark.parametrize(
    ("escape", "code"),
    [
        ("\\x01", "U+0001"),
        ("\\a", "U+0007"),
        ("\\e", "U+001B"),
        ("\\0", "U+0000"),
        ("\\N", "U+0085"),
        ("\\uFFFE", "U+FFFE"),
        ("\\uFFFF", "U+FFFF"),
        ("\\U0010FFFF", "U+10FFFF"),
    ],
)
def test_yaml_escapes_that_make_control_characters_are_removed(
    tmp_path: Path, escape: str, code: str
) -> None:
    files = {
        "articles/escape.md": front(
            f'"Before{escape}after"', summary=f'"S{escape}"', tags=f'["t{escape}"]'
        )
    }
    site = built(tmp_path, files)
    assert site.warnings == [
        f"newsroom: articles/escape.md:{line}: {FIELD_CHARACTER.format(field=name, code=code)}"
        for line, name in ((2, "title"), (4, "summary"), (5, "tags"))
    ]
    page = site.html("2024/05/01/beforeafter/")
    assert "Beforeafter" in page
    feeds = [site.site_dir / "feed.xml", site.site_dir / "atom.xml", site.site_dir / "feed.json"]
    assert all("Beforeafter" in path.read_text(encoding="utf-8") for path in feeds)
    fails_strict(tmp_path, files)


def test_non_characters_and_c1_controls_in_a_body_are_removed(tmp_path: Path) -> None:
    body = "Text \ufffe with \u0085 junk \U0001ffff.".encode()
    files = {"articles/junk.md": front("Junk").encode() + body}
    site = built(tmp_path, files)
    assert site.warnings == [
        "newsroom: articles/junk.md:7:6: character U+FFFE removed (and any others like it): "
        "control characters and non-characters cannot appear in web pages or feeds"
    ]
    assert "Text  with  junk ." in site.html("2024/05/01/junk/")
    fails_strict(tmp_path, files)


@pytest.mark.parametrize("full_content", [False, True])
def test_character_references_to_unpublishable_characters_are_removed(
    tmp_path: Path, full_content: bool
) -> None:
    """Markdown passes `&#xFFFE;` through; a feed of it is not XML, so every feed with the
    story was left out. Each such reference goes, the first said where it is; one from 0x80
    to 0x9F becomes the character a browser shows for it."""
    body = "Text &#xFFFE; and &#x1; and &#12; and &#xD800; end, &#x93;quoted&#x94;.\n"
    files = {"articles/refs.md": front("Refs", section="world") + body}
    site = built(tmp_path, files, plugin={"feed_full_content": full_content})
    assert site.warnings == [
        "newsroom: articles/refs.md:8:6: the character reference &#xFFFE; stands for a "
        "character that cannot appear in web pages or feeds (a control character or a "
        "non-character), so it was removed, and any others like it; delete it"
    ]
    page = site.html("2024/05/01/refs/")
    assert "Text  and  and  and  end, \u201cquoted\u201d." in page
    for name in ("feed.xml", "atom.xml", "section/world/feed.xml", "section/world/atom.xml"):
        feed = etree.parse(site.site_dir / name)  # well-formed, so written
        assert "\u201cquoted\u201d" in etree.tostring(feed, encoding="unicode"), name
    for path in site.site_dir.rglob("*"):
        if path.suffix in {".html", ".xml", ".json"}:
            text = path.read_text(encoding="utf-8")
            unpublishable = r"&#(x0*(fffe|1|d800)|0*12);|[\ufffe\x01\x0c]"
            assert not re.search(unpublishable, text, re.IGNORECASE), path
    fails_strict(tmp_path, files)


def test_a_plain_text_article_s_reference_to_a_form_feed_is_dropped(tmp_path: Path) -> None:
    """A `.txt` article's character references are decoded: `&#12;` made a form feed (white
    space to HTML), and no feed with the story could be written."""
    text = (
        '---\ntitle: "Title &#12; ff"\nsummary: "Sum &#12; x"\ntags: ["T&#12;g"]\n'
        "section: world\ndate: 2024-05-01T10:00:00+00:00\nslug: ff\n---\nBody &#12; text.\n"
    )
    site = built(tmp_path, {"articles/ff.txt": text})
    assert site.warnings == []
    for name in ("feed.xml", "atom.xml", "section/world/atom.xml", "tags/tg/atom.xml"):
        assert "Title  ff" in etree.tostring(etree.parse(site.site_dir / name), encoding="unicode")
    assert "\x0c" not in site.html("2024/05/01/ff/")


NOT_TEXT = [
    (photo(20, 10, "PNG"), "a PNG picture"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "a PDF"),
    (bytes(range(256)) * 8, "binary data (more than a tenth of its first bytes are control "),
]


@pytest.mark.parametrize(("data", "what"), NOT_TEXT, ids=["png", "pdf", "bytes"])
def test_a_file_that_is_no_text_is_said_in_one_line(tmp_path: Path, data: bytes, what: str) -> None:
    """Random bytes gave four lines, each a repair (not UTF-8, CR line ends, a control
    character), and a fifth: no front matter. A stray byte in a story is still repaired."""
    files: dict[str, str | bytes] = {"articles/x.md": data}
    files["articles/junk.md"] = front("Junk").encode() + b"Text with a stray \x00 byte.\n"
    site = built(tmp_path, files)
    (said,) = [line for line in site.warnings if "articles/x.md" in line]
    assert said.startswith(f"newsroom: articles/x.md: it is not a text but {what}")
    assert said.endswith(
        "; save the story as text (UTF-8) under this name, or move the file out of the "
        "articles folder; the article was skipped"
    )
    assert "Text with a stray  byte." in site.html("2024/05/01/junk/")


def test_bytes_windows_1252_leaves_undefined_become_a_replacement_character(
    tmp_path: Path,
) -> None:
    files = {"articles/cp.md": front("Quotes").encode() + b"A \x93quote\x94 and \x81.\n"}
    site = built(tmp_path, files)
    assert site.warnings == [
        "newsroom: articles/cp.md:7:3: byte 0x93 is not UTF-8; bytes that are not UTF-8 were "
        "read as Windows-1252 (check the character there, then save the file as UTF-8)"
    ]
    assert "A \u201cquote\u201d and \ufffd." in site.html("2024/05/01/quotes/")


def test_a_title_of_c1_bytes_in_the_front_matter_is_read_not_rejected(tmp_path: Path) -> None:
    files = {
        "articles/t.md": b"---\ntitle: Caf\xe9 \x80 \x9d\ndate: 2024-05-01\nslug: cafe\n---\n"
        b"Body.\n"
    }
    site = built(tmp_path, files)
    assert len(site.warnings) == 1 and "byte 0xE9 is not UTF-8" in site.warnings[0]
    assert "Café € \ufffd" in site.html("2024/05/01/cafe/")


# --- Front matter the reader cannot take ---------------------------------------------------


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "!custom hello",
            "articles/bad.md:3:10: field 'summary' cannot be read (could not determine a "
            "constructor for the tag '!custom'); write a plain value, without a '!' tag",
        ),
        (
            "!!python/object/apply:os.system [ls]",
            "articles/bad.md:3:10: field 'summary' cannot be read (could not determine a "
            "constructor for the tag 'tag:yaml.org,2002:python/object/apply:os.system'); "
            "write a plain value, without a '!' tag",
        ),
    ],
)
def test_yaml_tags_are_one_line_at_their_place_in_the_file(
    tmp_path: Path, value: str, message: str
) -> None:
    files = {"articles/bad.md": "---\ntitle: T\nsummary: " + value + "\ndate: 2024-05-01\n---\nB\n"}
    site = built(tmp_path, files)
    assert site.warnings == [f"newsroom: {message}{SKIPPED}"]
    fails_strict(tmp_path, files)


@pytest.mark.parametrize(
    ("title", "message"),
    [
        ("~", "'title' is empty: write the headline after 'title:'"),
        ("null", "'title' is empty: write the headline after 'title:'"),
        (
            '"\\u200f\\u202e\\u2066 \\u3164"',
            "'title' shows nothing: it is made only of invisible or direction characters or "
            "marks (U+200F, U+202E, U+2066, U+0020, U+3164); write the headline after 'title:'",
        ),
        (  # marks show only on a letter before them
            '"\\u0301\\ufe0f"',
            "'title' shows nothing: it is made only of invisible or direction characters or "
            "marks (U+0301, U+FE0F); write the headline after 'title:'",
        ),
    ],
)
def test_titles_that_show_nothing_are_errors(tmp_path: Path, title: str, message: str) -> None:
    files = {"articles/blank.md": front(title)}
    site = built(tmp_path, files)
    assert site.warnings == [f"newsroom: articles/blank.md:2: {message}{SKIPPED}"]


def test_author_and_authors_together_is_a_warning_and_authors_wins(tmp_path: Path) -> None:
    files = {"articles/both.md": front("Both", authors="jdoe", author="asmith")}
    site = built(tmp_path, files)
    assert site.warnings == [
        "newsroom: articles/both.md:4: both 'author' (line 5) and 'authors' are given; "
        "'authors' is used: keep one of the two"
    ]
    page = site.html("2024/05/01/both/")
    assert "Jane Doe" in page and "Ali Smith" not in page


def yaml_bomb(depth: int, field: str = "title") -> str:
    """Front matter lines whose aliases expand to 9**depth values in `field` (about 70 bytes a
    level): at depth 9, 387 million strings."""
    lines = ["a0: &a0 [" + ", ".join(['"xxxxxxxxx"'] * 9) + "]"]
    for level in range(1, depth):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]")
    return "\n".join(lines) + f"\n{field}: *a{depth - 1}\n"


def test_a_yaml_alias_bomb_skips_the_article_at_once(tmp_path: Path) -> None:
    bomb = "---\n" + yaml_bomb(9) + "date: 2024-05-01\n---\nBoom.\n"
    loop = "---\ntitle: Loop\nloop: &l [*l]\ndate: 2024-05-01\n---\nLoop.\n"
    shared = (
        "---\ntitle: Shared\nslug: shared\nsummary: &s Said twice\nlocation: *s\n"
        "date: 2024-05-01\n---\nS.\n"
    )
    files = {"articles/bomb.md": bomb, "articles/loop.md": loop, "articles/shared.md": shared}
    site = built(tmp_path, files)
    assert site.warnings == [
        "newsroom: articles/bomb.md:6: field 'a4' repeats values with YAML aliases ('*name') "
        f"beyond 10,000 of them; write its values out{SKIPPED}",
        "newsroom: articles/loop.md:3: field 'loop' holds itself through a YAML alias "
        f"('*name'); write its values out{SKIPPED}",
    ]
    assert site.html("2024/05/01/shared/").count("Said twice") >= 2  # a few aliases are fine
    checked = newsroom(tmp_path / "site", "check")
    assert sorted(checked.stdout.splitlines()) == sorted(_located(w) for w in site.warnings)


NESTED = "".join("    " * depth + "- item\n" for depth in range(300))


def test_markdown_nested_hundreds_deep_skips_the_article(tmp_path: Path) -> None:
    files = {"articles/deep.md": front("Deep") + "\n" + NESTED}
    site = built(tmp_path, files)
    assert site.warnings == [
        "newsroom: articles/deep.md: its Markdown is nested too deeply (lists or quotes "
        f"hundreds of levels inside one another); flatten it{SKIPPED}"
    ]
    assert not site.file("2024/05/01/deep/").exists()
    fails_strict(tmp_path, files)


@pytest.mark.parametrize(
    "start",
    ["    " * 300 + "- ", "\t" * 260 + "1. ", " " * 1200 + "* "],
    ids=["spaces", "tabs", "wide"],
)
def test_markdown_nested_deeper_than_python_markdown_goes_is_refused_before_rendering(
    start: str,
) -> None:
    """Python-Markdown finds out only by running out of stack, in time that grows as the
    square of the text (48 s for 2,000 levels, again at each save of a preview)."""
    renderer = MarkdownRenderer(["toc", "tables", "fenced_code"], {}, sanitized=True)
    with pytest.raises(NestedTooDeeply):
        renderer.render(f"Intro.\n\n{start}item\n")
    hundred = "".join("    " * depth + "- item\n" for depth in range(100))
    assert renderer.render(hundred).html.count("<ul>") == 100


@pytest.mark.parametrize(
    "deep",
    [
        " " * 1200,  # a blank line
        "\t" * 300,
        "```\n" + " " * 1000 + "x\n```",  # code
        "    line\n" + " " * 1004 + "x",  # indented code
        ">" * 260,  # quotes nest without the cost of lists
        "> " * 210 + "deep quote",
    ],
    ids=["blank", "tabs", "fenced", "indented", "quote-marks", "quotes"],
)
def test_a_line_far_in_that_is_no_list_item_is_rendered(deep: str) -> None:
    """The first check of nesting took any line 1,000 columns in for a deep list, and
    skipped the article (a hostile review of it)."""
    renderer = MarkdownRenderer(["toc", "tables", "fenced_code"], {}, sanitized=True)
    body = renderer.render(f"Para one.\n\n{deep}\n\nPara two.\n")
    assert "Para one." in body.html and "Para two." in body.html


# Python-Markdown 3.11.4 stops nesting lists short of the interpreter's recursion limit, where
# earlier releases failed with a RecursionError (reading/articles.py says so of the article)
MARKDOWN_STOPS_NESTING = Version(version("markdown")) >= Version("3.11.4")


def test_the_articles_after_one_nested_too_deeply_are_rendered_as_without_it(
    tmp_path: Path,
) -> None:
    """Python-Markdown is left half-way by the failure (its reset() does not clear its block
    parser's state). In its own process, as `mkdocs build` runs: how deep the stack is when
    the recursion fails decides what state is left."""
    later = front("Later", slug="later") + "\nTraders returned to the **old bazaar**.\n"
    # 249 levels: below the depth refused before rendering (NESTED_TOO_DEEPLY), past the one
    # Python-Markdown reaches in a build
    nested = "".join("    " * depth + "- item\n" for depth in range(249))
    files = {"articles/deep.md": front("Deep").replace("The body.\n", nested)}
    write_site(tmp_path, {**files, "articles/later.md": later})
    built = run(tmp_path, "mkdocs", "build")
    said = "articles/deep.md: its Markdown is nested too deeply" in built.stderr
    deep = tmp_path / "site" / "2024" / "05" / "01" / "deep" / "index.html"
    if MARKDOWN_STOPS_NESTING:  # it keeps the markers past its limit as text
        assert deep.is_file() and not said
    else:
        assert said and not deep.exists()
    page = (tmp_path / "site" / "2024" / "05" / "01" / "later" / "index.html").read_text()
    assert "<p>Traders returned to the <strong>old bazaar</strong>.</p>" in page


# --- Files that are not regular files -------------------------------------------------------


def _special_files(docs: Path) -> None:
    articles = docs / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    (articles / "dangling.md").symlink_to(docs / "nowhere.md")
    (articles / "loop-a.md").symlink_to(articles / "loop-b.md")
    (articles / "loop-b.md").symlink_to(articles / "loop-a.md")
    os.mkfifo(articles / "pipe.md")
    (docs / "images").mkdir(exist_ok=True)
    os.mkfifo(docs / "images" / "pipe.png")
    outside = docs.parent / "outside"
    outside.mkdir(exist_ok=True)
    (outside / "secret.md").write_text(front("From outside"), encoding="utf-8")
    (articles / "linked.md").symlink_to(outside / "secret.md")


SPECIAL_WARNINGS = [
    "newsroom: articles/dangling.md: it is a link to a file that does not exist; it was left "
    "out of the site. Replace it with a file",
    "newsroom: articles/loop-a.md: it cannot be opened (Too many levels of symbolic links); it "
    "was left out of the site. Replace it with a file",
    "newsroom: articles/loop-b.md: it cannot be opened (Too many levels of symbolic links); it "
    "was left out of the site. Replace it with a file",
    "newsroom: articles/pipe.md: it is not a regular file (a pipe, a socket or a device); it was "
    "left out of the site. Replace it with a file",
    "newsroom: images/pipe.png: it is not a regular file (a pipe, a socket or a device); it was "
    "left out of the site. Replace it with a file",
]


def test_links_pipes_and_loops_are_left_out_and_never_hang_a_build(tmp_path: Path) -> None:
    _special_files(tmp_path / "site" / "content")
    _special_files(tmp_path / "strict" / "content")
    site = built(tmp_path, {})
    assert site.warnings == SPECIAL_WARNINGS
    assert site.file("2024/05/01/from-outside/").is_file()  # a link to a file is a file
    assert not list(site.site_dir.rglob("pipe*"))
    fails_strict(tmp_path, {})
    checked = newsroom(tmp_path / "site", "check")
    assert checked.stdout.splitlines() == [_located(warning) for warning in SPECIAL_WARNINGS], (
        checked.stderr
    )


def _links_away(docs: Path) -> None:
    """Links and second names by which a held-back story, a page left out, or a file of the
    machine would be copied into the site as a file: MkDocs copies what a link leads to."""
    story = docs / "articles" / "2024" / "secret.md"
    story.parent.mkdir(parents=True, exist_ok=True)
    story.write_text(article("Secret", draft=True, body="SYMDRAFT text."), encoding="utf-8")
    (docs / "images").mkdir(exist_ok=True)
    (docs / "images" / "secret.jpg").symlink_to(story)
    (docs / "images" / "secret-noext").symlink_to(story)
    os.link(story, docs / "images" / "hard.jpg")  # a second name for the same file
    excluded = docs / "articles" / "2024" / "excluded.md"  # held back by exclude_docs alone
    excluded.write_text(article("Excluded", body="EXCLUDEDTEXT"), encoding="utf-8")
    (docs / "expage.md").symlink_to(excluded)  # a page of MkDocs' own
    site = docs.parent
    wire = site / "wire"  # a wire folder kept beside the content, linked into the articles
    wire.mkdir(exist_ok=True)
    (wire / "wd.md").write_text(article("Wired", draft=True, body="WIREDRAFT"), "utf-8")
    (docs / "articles" / "wire").symlink_to(wire, target_is_directory=True)
    (docs / "images" / "w.jpg").symlink_to(docs / "articles" / "wire" / "wd.md")
    (docs / "notes").mkdir(exist_ok=True)  # a page left out, under a picture's name
    (docs / "notes" / "n.md").write_text(article("Note", draft=True, body="NOTEDRAFT"), "utf-8")
    (docs / "images" / "n.jpg").symlink_to(docs / "notes" / "n.md")
    machine = site.parent / "machine"
    machine.mkdir(exist_ok=True)
    (machine / "passwd").write_text("MACHINEFILE root:x:0:0\n", encoding="utf-8")
    (machine / "pic.png").write_bytes(b"MACHINEFILE")
    (docs / "images" / "passwd.jpg").symlink_to(machine / "passwd")
    (docs / "articles" / "2024" / "beside.png").symlink_to(machine / "pic.png")  # attachment
    shown = article("Shown", body="![a picture](beside.png)")
    (docs / "articles" / "2024" / "shown.md").write_text(shown, encoding="utf-8")
    (docs / "shared").symlink_to(machine, target_is_directory=True)  # a folder link
    (site / ".git").mkdir(exist_ok=True)
    (site / ".git" / "config").write_text("GITTOKEN extraheader\n", encoding="utf-8")
    (docs / "images" / "cfg.txt").symlink_to(site / ".git" / "config")
    (site / "overrides" / "assets").mkdir(parents=True, exist_ok=True)  # the theme's folder
    (site / "overrides" / "assets" / "leak.txt").symlink_to(machine / "passwd")
    (site / "assets").mkdir(exist_ok=True)
    (site / "assets" / "logo.png").write_bytes(b"INSIDELOGO")  # the site's own folder
    (docs / "images" / "logo.png").symlink_to(site / "assets" / "logo.png")
    (docs / "drafts").mkdir(exist_ok=True)  # MkDocs' draft_docs: a page left out
    (docs / "drafts" / "d.md").write_text("DRAFTDOCSPAGE\n", encoding="utf-8")
    (docs / "images" / "dd.txt").symlink_to(docs / "drafts" / "d.md")
    os.link(docs / "drafts" / "d.md", docs / "images" / "dd-hard.txt")
    unnamed = os.fsencode(docs / "articles" / "2024") + b"/bad\xff.md"  # a name not UTF-8
    with open(unnamed, "wb") as story_file:  # noqa: PTH123 - a Path cannot name it
        story_file.write(article("Unnamed", draft=True, body="UNNAMEDDRAFT").encode())
    os.link(unnamed, docs / "images" / "bn.jpg")
    (docs / "images" / "emb.png").write_bytes(b"EMBARGOEDPHOTO")  # only a scheduled story's
    embargoed = article("Embargoed", "2099-01-01T10:00:00+00:00", body="![x](/images/emb.png)")
    (docs / "articles" / "2024" / "emb.md").write_text(embargoed, encoding="utf-8")
    (docs / "images" / "emb-copy.png").symlink_to(docs / "images" / "emb.png")
    os.link(docs / "images" / "emb.png", site / "overrides" / "assets" / "emb-hard.png")
    (docs / "articles" / "2024" / "held.png").write_bytes(b"HELDATTACHMENT")  # no story's
    os.link(docs / "articles" / "2024" / "held.png", docs / "images" / "held-copy.png")
    (site / "overrides" / "assets" / "story.txt").write_text(
        article("Theme", draft=True, body="THEMEDRAFT"), encoding="utf-8"
    )
    desk = docs / "desk"  # held back, saved outside the articles folder, any name
    desk.mkdir(exist_ok=True)
    for name in ("story.text", "notes.rst", "story", "page.html"):
        (desk / name).write_text(article("Desk", draft=True, body="DESKDRAFT"), "utf-8")


def test_links_to_stories_or_out_of_the_site_and_held_files_of_any_name_are_left_out(
    tmp_path: Path,
) -> None:
    _links_away(tmp_path / "site" / "content")
    _links_away(tmp_path / "strict" / "content")
    config = {
        "exclude_docs": "articles/2024/excluded.md\n",
        "draft_docs": "drafts/\n",
        "theme": {"name": "material", "font": False, "custom_dir": "overrides"},
    }
    site = built(tmp_path, {}, config=config)
    machine = tmp_path / "machine"
    left_out = "; it was left out of the site. "
    outside = "it is a link to {}, outside the site's folder, which a build elsewhere (CI) would "
    outside += f"publish from that machine{left_out}Copy the file into the content folder"
    same = "it is the file {} under another name (a link to it, or a second name for it), "
    same += f"which is published only as a story, or not at all{left_out}Remove it"
    bad = "articles/2024/bad\\xff.md"
    said_bad = [line for line in site.warnings if line.startswith(f"newsroom: {bad}:")]
    assert len(said_bad) == 1  # its name, said as before
    warnings = [line for line in site.warnings if "desk/" not in line and line not in said_bad]
    assert sorted(warnings) == sorted(
        [
            f"newsroom: articles/2024/beside.png: {outside.format(machine / 'pic.png')}",
            "newsroom: articles/2024/shown.md:6: its text shows 'beside.png', which its page at "
            "2024/05/01/shown/ reads as /2024/05/01/shown/beside.png, not a file of the site, so "
            "it is missing from the page; give its path from the site's root, such as "
            "/articles/photo.jpg",
            f"newsroom: assets/leak.txt: {outside.format(machine / 'passwd')}",
            f"newsroom: expage.md: {same.format('articles/2024/excluded.md')}",
            "newsroom: images/cfg.txt: it is a link to .git/config, a hidden file of the site's "
            f"folder (Git's settings hold a token on CI){left_out}Copy what the site should "
            "show into the content folder",
            f"newsroom: images/hard.jpg: {same.format('articles/2024/secret.md')}",
            f"newsroom: images/n.jpg: {same.format('notes/n.md')}",
            f"newsroom: images/passwd.jpg: {outside.format(machine / 'passwd')}",
            "newsroom: images/secret-noext: it is a file MkDocs copies as it is (not a page), "
            "not a story (it is outside articles/), and its 'draft' would hold a story back: "
            "such a file is published as it is, so it was left out; move it into articles/ to "
            "publish it as a story, or remove 'draft'",  # its front matter is read first
            "newsroom: notes/n.md: it is a page, not a story (it is outside articles/), and its "
            "'draft' would hold a story back: a page is published as it is, so it was left out; "
            "move it into articles/ to publish it as a story, or remove 'draft'",
            f"newsroom: images/secret.jpg: {same.format('articles/2024/secret.md')}",
            f"newsroom: images/w.jpg: {same.format('articles/wire/wd.md')}",
            f"newsroom: shared/passwd: {outside.format(machine / 'passwd')}",
            f"newsroom: shared/pic.png: {outside.format(machine / 'pic.png')}",
            f"newsroom: images/dd.txt: {same.format('drafts/d.md')}",
            f"newsroom: images/dd-hard.txt: {same.format('drafts/d.md')}",
            f"newsroom: images/bn.jpg: {same.format(bad)}",
            *(
                f"newsroom: {path}: it is the file images/emb.png under another name (a link "
                "to it, or a second name for it), which the site does not publish (no story it "
                "shows uses it); it was left out of the site with it"
                for path in ("images/emb-copy.png", "assets/emb-hard.png")
            ),
            "newsroom: images/held-copy.png: it is the file articles/2024/held.png under another "
            "name (a link to it, or a second name for it), which the site does not publish (no "
            "story it shows uses it); it was left out of the site with it",
            "newsroom: assets/story.txt: it is a file MkDocs copies as it is (not a page), not a "
            "story (it is outside articles/), and its 'draft' would hold a story back: such a "
            "file is published as it is, so it was left out; move it into articles/ to publish "
            "it as a story, or remove 'draft'",
        ]
    )
    desk = sorted(line.split(":")[1].strip() for line in site.warnings if "desk/" in line)
    assert desk == ["desk/notes.rst", "desk/page.html", "desk/story", "desk/story.text"]
    written = output_text(site)
    for marker in ("SYMDRAFT", "MACHINEFILE", "DESKDRAFT", "EXCLUDEDTEXT", "WIREDRAFT"):
        assert marker not in written, marker
    assert "THEMEDRAFT" not in written
    for marker in ("NOTEDRAFT", "GITTOKEN", "DRAFTDOCSPAGE", "UNNAMEDDRAFT", "EMBARGOEDPHOTO"):
        assert marker not in written, marker
    for marker in ("HELDATTACHMENT",):
        assert marker not in written, marker
    assert (site.site_dir / "images" / "logo.png").read_bytes() == b"INSIDELOGO"
    fails_strict(tmp_path, {}, config=config)
    checked = newsroom(tmp_path / "site", "check").stdout.splitlines()  # says the same
    for path in ("images/passwd.jpg", "images/hard.jpg", "images/cfg.txt", "expage.md"):
        (line,) = [line for line in site.warnings if line.startswith(f"newsroom: {path}:")]
        assert _located(line) in checked, (line, checked)


def test_a_file_that_cannot_be_read_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests run as root, who reads every file: the permission is denied here by hand."""
    import mkdocs_newsroom.build.sources as sources

    real_access = os.access

    def access(path: str, mode: int) -> bool:
        return not str(path).endswith("locked.md") and real_access(path, mode)

    monkeypatch.setattr(sources.os, "access", access)
    site = built(tmp_path, {"articles/locked.md": front("Locked")})
    assert site.warnings == [
        "newsroom: articles/locked.md: it cannot be read (permission denied); it was left out "
        "of the site. Replace it with a file"
    ]


def _located(warning: str) -> str:
    """How `newsroom check` says a build's warning: the same line, without the prefix MkDocs'
    logger gives the plugin's lines."""
    return warning.removeprefix("newsroom: ")


def checked_alike(
    tmp_path: Path, site: Site, files: dict[str, str | bytes], **options: object
) -> None:
    """--strict fails on `files` (built into `site` beside the good article), and `newsroom
    check` fails with the build's very lines."""
    fails_strict(tmp_path, files, **options)
    checked = newsroom(tmp_path / "site", "check")
    assert checked.returncode == 1
    assert sorted(checked.stdout.splitlines()) == sorted(_located(w) for w in site.warnings)


# --- Nothing held back is ever published -----------------------------------------------------


def test_articles_in_any_case_of_extension_are_articles(tmp_path: Path) -> None:
    files = {
        "articles/upper.MD": front("Upper draft", draft="true") + "SECRET UPPER\n",
        "articles/mixed.Txt": front("Mixed text"),
        "articles/long.markdown": front("Long name"),
    }
    site = built(tmp_path, files)
    assert site.warnings == []
    assert site.file("2024/05/01/mixed-text/").is_file()
    assert site.file("2024/05/01/long-name/").is_file()
    assert not site.file("2024/05/01/upper-draft/").exists()
    assert "SECRET UPPER" not in output_text(site)
    assert not list(site.site_dir.rglob("*.MD")) and not list(site.site_dir.rglob("*.Txt"))


def test_media_named_with_commas_or_offered_in_a_srcset_are_used(tmp_path: Path) -> None:
    """A comma splits a `srcset` into candidates, never a `src` or `href` (reading/links.py's
    attribute_urls, the one reader of both for the sanitizer, attachments and body media)."""
    body = (
        "\n![comma](/articles/photos/a,b.png)\n\n"
        '<img src="/articles/photos/one.png" alt="Two sizes" '
        'srcset="/articles/photos/one.png 1x, /articles/photos/two.png 2x">\n'
    )
    files: dict[str, str | bytes] = {
        "articles/shown.md": front("Shown") + body,
        **{
            f"articles/photos/{name}.png": photo(120, 90, "PNG", seed=seed)
            for seed, name in enumerate(("a,b", "one", "two"))
        },
    }
    site = built(tmp_path, files)
    assert site.warnings == []
    published = sorted(path.name for path in (site.site_dir / "articles" / "photos").iterdir())
    assert published == ["a,b.png", "one.png", "two.png"]


def test_media_a_draft_names_by_a_path_from_its_page_wait_for_it(tmp_path: Path) -> None:
    """A path from the page (`../../../../images/x.png`, as a browser reads it) names a file
    as a path from the site's root does: a draft's picture waits for the draft, a shown
    story's picture in the articles folder is published."""
    files: dict[str, str | bytes] = {
        "articles/held.md": front("Held", draft="true")
        + "\n![held](../../../../images/secret.png)\n\n![also](../../../../articles/p/held.png)\n",
        "articles/shown.md": front("Shown") + "\n![shown](../../../../articles/p/shown.png)\n",
        "images/secret.png": photo(120, 90, "PNG", seed=1, pnginfo=_text("SECRET REL")),
        "articles/p/held.png": photo(120, 90, "PNG", seed=2, pnginfo=_text("SECRET HELD")),
        "articles/p/shown.png": photo(120, 90, "PNG", seed=3),
    }
    site = built(tmp_path, files)
    assert site.warnings == []
    assert (site.site_dir / "articles" / "p" / "shown.png").is_file()
    assert not (site.site_dir / "images" / "secret.png").exists()
    assert "SECRET" not in output_text(site)


def test_only_media_a_shown_article_uses_leave_the_articles_folder(tmp_path: Path) -> None:
    used = "image:\n  src: articles/photos/used.png\n  alt: A photo"
    files: dict[str, str | bytes] = {
        "articles/shown.md": front("Shown").replace("date:", used + "\ndate:", 1)
        + "\n![inline](/articles/photos/inline.png)\n",
        "articles/held.md": front("Held", draft="true").replace(
            "date:", "image:\n  src: articles/photos/held.png\n  alt: Held back\ndate:", 1
        ),
        "articles/photos/used.png": photo(200, 150, "PNG", seed=1),
        "articles/photos/inline.png": photo(200, 150, "PNG", seed=2),
        "articles/photos/held.png": photo(200, 150, "PNG", seed=3, pnginfo=_text("SECRET HELD")),
        "articles/photos/orphan.png": photo(200, 150, "PNG", seed=4),
        "articles/notes.docx": b"SECRET NOTES",
        "articles/story.md~": "SECRET BACKUP",
        "articles/story.md.bak": "SECRET BAK",
        "articles/story.md.orig": "SECRET ORIG",
        "articles/#story.md#": "SECRET AUTOSAVE",
        "articles/.story.md.swp": "SECRET SWAP",
        "articles/4913": "",  # Vim's test of the folder, as it saves
    }
    site = built(tmp_path, files)
    assert site.warnings == [
        "newsroom: articles/notes.docx: it is neither an article (.md or .txt) nor a picture or "
        "other media an article uses, so it was not published; move it out of the articles "
        "folder"
    ]
    assert (
        "newsroom: articles/photos/orphan.png: no article uses it, so it was not published; give "
        "its path in an article's 'image' or link it from the story"
    ) in site.infos
    published = sorted(
        path.relative_to(site.site_dir).as_posix()
        for path in (site.site_dir / "articles").rglob("*")
        if path.is_file()
    )
    assert published == ["articles/photos/inline.png", "articles/photos/used.png"]
    # the pictures made of the held-back article's image wait for it too
    pictures = sorted(path.name for path in (site.site_dir / "pictures").iterdir())
    assert pictures and all(name.startswith("used-") for name in pictures), pictures
    assert "SECRET" not in output_text(site)
    preview = build_site(tmp_path / "preview", {**GOOD, **files}, command="serve")
    assert (preview.site_dir / "articles" / "photos" / "held.png").is_file()


def _text(text: str) -> object:
    """PNG metadata holding `text` (in a tEXt chunk, as it is in the file)."""
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Comment", text)
    return info


def test_exclude_docs_and_draft_docs_apply_to_articles(tmp_path: Path) -> None:
    files = {
        "articles/excluded.md": front("Excluded story") + "SECRET EXCLUDED\n",
        "articles/drafted.md": front("Drafted story") + "SECRET DRAFTED\n",
    }
    config = {"exclude_docs": "articles/excluded.md\n", "draft_docs": "articles/drafted.md\n"}
    site = built(tmp_path, files, config=config)
    assert site.warnings == []
    text = output_text(site)
    assert "SECRET EXCLUDED" not in text and "SECRET DRAFTED" not in text
    assert "Excluded story" not in text and "Drafted story" not in text
    assert site.summary == "newsroom: published 1 article, skipped 1: 1 draft"
    preview = build_site(tmp_path / "preview", {**GOOD, **files}, config=config, command="serve")
    assert "SECRET DRAFTED" in preview.html("2024/05/01/drafted-story/")
    assert "Draft" in preview.html("2024/05/01/drafted-story/")
    assert "SECRET EXCLUDED" not in output_text(preview)


# --- Other holes ------------------------------------------------------------------------------


def test_author_ids_that_share_a_page_are_refused(tmp_path: Path) -> None:
    authors = "jdoe: {name: Jane Doe}\nLena: {name: Lena One}\nlena: {name: Lena Two}\n"
    files = {"articles/by-lena.md": front("By Lena", authors="Lena")}
    site = built(tmp_path, files, authors=authors)
    assert site.warnings == [
        "newsroom: authors.yml:3:1: author 'lena' would share the page authors/lena/ with author "
        "'Lena' (ids that differ only in case or punctuation); 'lena' was ignored, and left off "
        "the articles that name it: give one of them another id"
    ]
    assert "Lena One" in site.html("authors/lena/")


@pytest.mark.parametrize(
    "source",
    [
        "//evil.example/x.png",
        "/\\\\evil.example/x.png",
        "\\\\\\\\evil.example\\\\x.png",
        "java\\tscript:alert(1)",
        "javascript:alert(1)",
        "data:image/png;base64,AAAA",
        "../../../etc/passwd",
    ],
)
def test_image_sources_that_leave_the_site_are_refused(tmp_path: Path, source: str) -> None:
    image = f'image:\n  src: "{source}"\n  alt: A picture'
    files = {"articles/img.md": front("Img").replace("date:", image + "\ndate:", 1)}
    site = built(tmp_path, files)
    assert len(site.warnings) == 1, site.warnings
    assert site.warnings[0].startswith("newsroom: articles/img.md:3: 'image' 'src' ")
    assert site.warnings[0].endswith("; the field was ignored")
    page = site.html("2024/05/01/img/")
    assert "evil.example" not in page and "javascript:" not in page and "passwd" not in page
    checked = newsroom(tmp_path / "site", "check")
    assert checked.stdout.splitlines() == [_located(site.warnings[0])]


def test_a_missing_local_image_is_a_warning(tmp_path: Path) -> None:
    image = "image:\n  src: images/missing.png\n  alt: A picture"
    files = {"articles/img.md": front("Img").replace("date:", image + "\ndate:", 1)}
    site = built(tmp_path, files)
    assert site.warnings == [
        "newsroom: articles/img.md: 'image' 'src' names images/missing.png, which is not a file "
        "of the site, so the image was left out; give its path from the content folder"
    ]
    assert "missing.png" not in site.html("2024/05/01/img/")
    fails_strict(tmp_path, files)


@pytest.mark.parametrize(
    "written",
    ["images/Night-Bus.JPG", "content/images/night-bus.jpg", "night-bus.jpg"],
)
def test_a_missing_image_names_the_file_it_likely_meant(tmp_path: Path, written: str) -> None:
    """Another case, the content folder's own name in front, or the file name alone: the
    line names the one file of the site it likely meant."""
    image = f"image:\n  src: {written}\n  alt: A picture"
    files: dict[str, str | bytes] = {
        "articles/img.md": front("Img").replace("date:", image + "\ndate:", 1),
        "images/night-bus.jpg": photo(120, 90, "JPEG"),
    }
    site = built(tmp_path, files)
    assert site.warnings == [
        f"newsroom: articles/img.md: 'image' 'src' names {written}, which is not a file of the "
        "site, so the image was left out; did you mean images/night-bus.jpg?"
    ]


def test_a_missing_image_named_with_its_accents_written_another_way_is_told_so(
    tmp_path: Path,
) -> None:
    """macOS writes 'é' in a file's name as 'e' and its accent (NFD), a reporter types it
    as one letter (NFC): the two look alike, so the line says what differs."""
    decomposed = unicodedata.normalize("NFD", "images/café.jpg")
    image = "image:\n  src: images/café.jpg\n  alt: A picture"
    files: dict[str, str | bytes] = {
        "articles/img.md": front("Img").replace("date:", image + "\ndate:", 1),
        decomposed: photo(120, 90, "JPEG"),
    }
    site = built(tmp_path, files)
    assert site.warnings == [
        "newsroom: articles/img.md: 'image' 'src' names images/café.jpg, which is not a file of "
        f"the site, so the image was left out; the file {decomposed} has the same name with "
        "its accents written another way (as macOS writes them): type its name again in the "
        "file's folder, or in 'src'"
    ]


def test_a_missing_authors_file_is_one_warning(tmp_path: Path) -> None:
    files = {
        "articles/a.md": front("One", authors="jdoe"),
        "articles/b.md": front("Two", authors="asmith"),
    }
    site = build_site(tmp_path / "site", {**GOOD, **files}, authors=None)
    assert site.warnings == [
        "newsroom: authors.yml: the authors file is missing, so the articles were published "
        "without their authors; create it with an entry for each author, for example "
        "'jdoe: {name: Jane Doe}'"
    ]
    assert site.summary == "newsroom: published 3 articles, skipped 0"


def test_raw_html_that_could_attack_readers_is_removed(tmp_path: Path) -> None:
    body = (
        '<script>alert("SECRET SCRIPT")</script>\n\n'
        '<p onclick="steal()">Click <a href="javascript:steal()">here</a></p>\n\n'
        '<iframe src="https://evil.example/"></iframe>\n\n<em>kept</em>\n'
    )
    files = {"articles/html.md": front("Html") + body}
    site = built(tmp_path, files)
    assert site.warnings == [
        "newsroom: articles/html.md: a frame (<iframe>) that is not an https address of a site "
        "embed_hosts names was removed from the story: https://evil.example/; to show it, write "
        "the player's embed code as it gives it, and have its host (such as www.youtube.com) put "
        "in embed_hosts in mkdocs.yml; or link to it",
        "newsroom: articles/html.md: raw HTML that could run a script or load another site was "
        "removed from the story: <script>, 'onclick' on <p>, 'href' on <a>. Write the story in "
        "Markdown, or turn off sanitize_markdown_html in mkdocs.yml if the site must publish "
        "such HTML",
    ]
    page = site.html("2024/05/01/html/")
    assert "<em>kept</em>" in page
    for gone in ("SECRET SCRIPT", "steal()", "evil.example", "<iframe"):
        assert gone not in page
    raw = build_site(tmp_path / "raw", {**GOOD, **files}, plugin={"sanitize_markdown_html": False})
    assert raw.warnings == []
    assert '<iframe src="https://evil.example/"></iframe>' in raw.html("2024/05/01/html/")


# --- Defence in depth: Newsroom's own faults stay with one article ----------------------------


def test_an_unexpected_fault_reading_one_article_skips_only_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import mkdocs_newsroom.reading.articles as articles

    real = articles.slugify

    def faulty(text: str, **options: str) -> str:
        if text == "Boom":
            raise ZeroDivisionError("division by zero")
        return real(text, **options)

    monkeypatch.setattr(articles, "slugify", faulty)
    site = built(tmp_path, {"articles/boom.md": front("Boom", slug=None)})
    assert site.warnings == [
        "newsroom: articles/boom.md: the article could not be read (ZeroDivisionError: division "
        "by zero); it was skipped. This is a fault in Newsroom: please report it with the file"
    ]


def test_an_unexpected_fault_rendering_one_page_leaves_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import mkdocs_newsroom.rendering.seo as seo

    real = seo.news_article

    def faulty(article: object, publisher: object, edition: object) -> object:
        if getattr(article, "title", "") == "Boom":
            raise KeyError("oops")
        return real(article, publisher, edition)  # type: ignore[arg-type]

    monkeypatch.setattr(seo, "news_article", faulty)
    site = built(tmp_path, {"articles/boom.md": front("Boom")})
    assert site.warnings == [
        "newsroom: articles/boom.md: the page 2024/05/01/boom/ could not be rendered (KeyError: "
        "'oops'), so it was not written and the links to it lead nowhere; this is a fault in "
        "Newsroom or in a template of overrides/"
    ]
    assert not site.file("2024/05/01/boom/").exists()


@pytest.mark.parametrize(
    ("template", "fault", "line"),
    [
        ("{% if %}x{% endif %}", "TemplateSyntaxError", 1),
        ("<p>\n{{ page.meta.nothing.upper() }}</p>", "UndefinedError", 2),
    ],
    ids=["syntax", "undefined"],
)
def test_a_broken_template_override_is_named_once_with_its_line(
    tmp_path: Path, template: str, fault: str, line: int
) -> None:
    """An editor's slip in overrides/news/article.html: 139 lines said the same fault, one an
    article, and none said where it was."""
    override = tmp_path / "site" / "overrides" / "news" / "article.html"
    override.parent.mkdir(parents=True)
    override.write_text(template, encoding="utf-8")
    files = {f"articles/{n}.md": front(f"Story {n}") for n in range(5)}
    theme = {"name": "material", "font": False, "custom_dir": "overrides"}
    site = build_site(tmp_path / "site", files, config={"theme": theme})
    (warning,) = site.warnings
    assert f"could not be rendered ({fault} in {override}:{line}: " in warning
    assert warning.endswith("; 4 other pages could not be rendered either")


@pytest.mark.parametrize(
    ("name", "template", "said"),
    [
        (
            "main.html",
            '{% extends "base.html" %}\n\n{% block extrahead %}{{ super() }\n',
            "main.html:3: the template is not valid Jinja (unexpected '}')",
        ),
        (
            "partials/footer.html",
            "<footer>{% if %}</footer>\n",
            "partials/footer.html:1: the template is not valid Jinja (Expected an expression, "
            "got 'end of statement block')",
        ),
        (
            "main.html",
            b"{% extends 'base.html' %}\xff\n",
            "main.html: the template is not UTF-8 text",
        ),
    ],
    ids=["main", "partial", "not-utf8"],
)
def test_a_broken_template_of_the_site_s_own_stops_the_build_in_one_line(
    tmp_path: Path, name: str, template: str | bytes, said: str
) -> None:
    """`overrides/main.html` (which `newsroom init` writes for editors) or a partial: MkDocs
    renders every page and the 404 page with it, and said a traceback of 40 lines."""
    override = tmp_path / "overrides" / name
    override.parent.mkdir(parents=True)
    override.write_bytes(template if isinstance(template, bytes) else template.encode())
    theme = {"name": "material", "font": False, "custom_dir": "overrides"}
    write_site(tmp_path, {"articles/a.md": front("Story")}, config={"theme": theme})
    done = run(tmp_path, "mkdocs", "build")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    (line,) = [line for line in done.stderr.splitlines() if line.startswith("ERROR")]
    assert line == (
        f"ERROR   -  newsroom: overrides/{said}; MkDocs renders every page with the site's own "
        "templates, so nothing was built: fix it"
    )


def test_a_feed_its_writer_refuses_names_the_article_and_is_not_written() -> None:
    """Reading removes what no feed may hold; should a value slip through, the feed is not
    written and the article that broke it is named."""
    from datetime import UTC, datetime

    from mkdocs_newsroom.outputs.feed_files import Unwritable, feed_files
    from mkdocs_newsroom.outputs.feeds import FeedOptions, FeedSpec

    fine, bad = story("fine.md", "Fine"), story("bad.md", "Bad \x01 title")
    spec = FeedSpec("Feed", "", "", [fine, bad], "en", datetime(2024, 5, 2, tzinfo=UTC), True)
    feeds = dict(feed_files(iter([spec]), FeedOptions("https://x.example/", "X")))
    assert (
        feeds["feed.xml"]
        == feeds["atom.xml"]
        == Unwritable(
            "UnserializableContentError: Control characters are not supported in XML 1.0", (bad,)
        )
    )
    assert isinstance(feeds["feed.json"], str)


def test_xml_that_is_not_well_formed_is_not_written() -> None:
    from mkdocs_newsroom.outputs.site_outputs import _well_formed

    problems: list[object] = []
    outputs = {"sitemap.xml": "<urlset><url>\x01</url></urlset>", "ok.xml": "<a/>"}
    known = {"sitemap.xml": "<urlset/>"}  # its last text found well-formed: this one is new
    assert list(_well_formed(outputs, {}, problems, known)) == ["ok.xml"]  # type: ignore[arg-type]
    assert [str(problem) for problem in problems] == [
        "sitemap.xml: sitemap.xml would not be well-formed XML (not well-formed (invalid "
        "token)), so it was not written; this is a fault in Newsroom: please report it with "
        "the file"
    ]


def test_problems_quoting_line_breaks_stay_one_line(tmp_path: Path) -> None:
    files = {"articles/nl.md": front('"A"', lang='"e\\nn"')}
    site = built(tmp_path, files)
    assert len(site.warnings) == 1
    assert "\n" not in site.warnings[0] and "\\n" in site.warnings[0]


def test_check_reports_every_hostile_class_as_the_build_does(tmp_path: Path) -> None:
    image = 'image:\n  src: "{}"\n  alt: A\ndate:'
    files: dict[str, str | bytes] = {
        "articles/escape.md": front('"Ctrl \\x01"'),
        "articles/tag.md": "---\ntitle: T\nsummary: !custom x\ndate: 2024-05-01\n---\nB\n",
        "articles/deep.md": front("Deep") + "\n" + NESTED,
        "articles/blank.md": front("~"),
        "articles/both.md": front("Both", authors="jdoe", author="asmith"),
        "articles/img.md": front("Img").replace("date:", image.format("/\\\\evil/x.png"), 1),
        "articles/gone.md": front("Gone").replace("date:", image.format("images/gone.png"), 1),
        "articles/notes.docx": "notes",
        "articles/html.md": front("Html") + "<script>x</script>\n",
        "articles/cp.md": front("Cp").encode() + b"\x93q\x94\n",
        "articles/nonchar.md": front("Nonchar") + "\ufffe\n",
        "articles/UPPER.MD": front("Upper", draft="true"),
        "articles/orphan.png": b"\x89PNG",
    }
    authors = "jdoe: {name: Jane Doe}\nasmith: {name: Ali}\nJDoe: {name: Twin}\n"
    site = built(tmp_path, files, authors=authors)
    assert len(site.warnings) == 12, site.warnings
    checked = newsroom(tmp_path / "site", "check")
    assert checked.returncode == 1
    assert sorted(checked.stdout.splitlines()) == sorted(_located(w) for w in site.warnings)
    assert re.search(r"checked 12 articles: 12 problems\n$", checked.stderr)
    assert "articles/orphan.png: no article uses it" in checked.stderr


def test_check_prints_the_very_line_mkdocs_build_prints(tmp_path: Path) -> None:
    """One formatter for both: the path from the content folder, `line:col` where known (a
    character in the body), `line` where only that is (a field), nothing where neither is."""
    files: dict[str, str | bytes] = {
        "articles/x.md": front('"Ctrl \\x01"', author="nobody") + "Body \ufffe here.\n",
        "articles/tag.md": "---\ntitle: T\nsummary: !custom x\ndate: 2024-05-01\n---\nB\n",
    }
    built(tmp_path, files)
    root = tmp_path / "site"
    build = run(root, "mkdocs", "build", "-f", "mkdocs.yml")
    assert build.returncode == 0, build.stderr
    warned = [
        line.split(" - ", 1)[1].strip().removeprefix("newsroom: ")
        for line in build.stderr.splitlines()
        if line.startswith("WARNING") and "newsroom: " in line
    ]
    assert any(re.match(r"articles/x\.md:\d+:\d+: character U\+FFFE", w) for w in warned)
    assert any(re.match(r"articles/x\.md:\d+: field 'title'", w) for w in warned)
    assert any(re.match(r"articles/tag\.md:\d+:\d+: ", w) for w in warned), warned
    checked = newsroom(root, "check")
    assert sorted(checked.stdout.splitlines()) == sorted(warned)


def test_import_reports_empty_blank_and_boilerplate_only_texts_and_goes_on(
    tmp_path: Path,
) -> None:
    build_site(tmp_path, {}, plugin={"boilerplate": ["^Agency footer"]})
    wire = tmp_path / "wire"
    wire.mkdir()
    (wire / "a-empty.txt").write_bytes(b"")
    (wire / "b-blank.txt").write_text("  \n\n\t\n", encoding="utf-8")
    (wire / "c-footer.txt").write_text("Agency footer, all rights\n", encoding="utf-8")
    (wire / "d-good.txt").write_text("A good headline\n\nThe story.\n", encoding="utf-8")
    imported = newsroom(tmp_path, "import", "wire", "--section", "world", "--author", "jdoe")
    assert imported.returncode == 0, imported.stderr
    lines = imported.stdout.splitlines()
    for name in ("a-empty", "b-blank", "c-footer"):
        assert (
            f"wire/{name}.txt: skipped: it holds no text (it is empty, blank or only boilerplate)"
        ) in lines
    assert any(line.endswith("(from wire/d-good.txt)") for line in lines)
    assert imported.stderr.endswith("imported 1, skipped 3\n")
