"""`newsroom import --from wordpress|material-blog`, run as an editor runs it, into a copy of
the demo portal or a generated site: what comes in, what is reported (one line each), that a
second run imports nothing, that nothing is written over, and that the result builds with
`--strict`, old addresses redirecting to the new ones."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from selectolax.lexbor import LexborHTMLParser

from .commands import ENV, copy_demo, newsroom, run
from .sites import REPO

EXPORT = REPO / "tests" / "data" / "wordpress" / "export.xml"
MAP = ["--section-map", "Arts & Culture=entertainment"]
# what the export holds that is not imported, counted in the last line
NOT_POSTS = "not imported 4 (attachment: 1, nav_menu_item: 1, page: 1, post: 1)"


def _front_matter(path: Path) -> dict[str, object]:
    """The fields as written (YAML's base loader: every scalar is text)."""
    return yaml.load(path.read_text("utf-8").split("---\n")[1], Loader=yaml.BaseLoader)


def _body(path: Path) -> str:
    return path.read_text(encoding="utf-8").split("---\n", 2)[2]


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _build(root: Path) -> None:
    built = run(root, "mkdocs", "build", "--strict")
    assert built.returncode == 0, built.stderr
    assert "WARNING" not in built.stderr and "Traceback" not in built.stderr


def _redirect_target(page: Path) -> str:
    tree = LexborHTMLParser(page.read_text(encoding="utf-8"))
    return tree.css_first('link[rel="canonical"]').attributes["href"] or ""


def test_a_wordpress_export_comes_in_once_reported_line_by_line_and_builds(
    tmp_path: Path,
) -> None:
    root = copy_demo(tmp_path / "portal")
    authors_before = (root / "content/authors.yml").read_text(encoding="utf-8")
    result = newsroom(root, "import", "--from", "wordpress", str(EXPORT), *MAP)
    assert result.returncode == 0, result.stderr
    said = f"{EXPORT}: "
    articles = "content/articles"
    fish = "post 11 'Fish & chips – a history'"
    assert result.stdout.splitlines() == [
        f"{said}post 18 'Deleted': not imported: it is in the trash",
        f"{said}not imported, not being posts: attachment: 1, nav_menu_item: 1, page: 1 (pages go "
        "in content/ as pages of the site; attachments stay at their old addresses, copy what "
        "the posts show)",
        f"{said}{fish}: HTML that could run a script or load another site was removed: "
        "<script>, 'onclick' on <p>",
        f"{said}{fish}: WordPress shortcodes were left as text: [caption], [gallery]; rewrite "
        "them as HTML",
        f"{articles}/2019/05/fish-chips.md (from {fish})",
        "content/authors.yml: added author 'ahmad-k' (Ahmad Karimi & Co)",
        f"{articles}/2019/06/cafe-owners.md (from post 12 'Café owners & the rent rules')",
        f"{articles}/2027/01/budget-vote.md (from post 13 'Budget vote next year')",
        f"{articles}/2019/07/half-written.md (from post 14 'Half-written')",
        f"{said}post 15 'Members only': it is private in WordPress (only its editors could "
        "read it); it is held back as a draft: remove 'draft: true' if everyone may read it",
        f"{articles}/2019/07/members-only.md (from post 15 'Members only')",
        "content/authors.yml: added author 'ghost' (ghost): not among the export's authors, "
        "named by its id; give a name",
        f"{articles}/2019/08/letter.md (from post 16 'A letter from nowhere')",
        f"{said}post 17 'Unsigned': it names no author; give --author ID to credit one",
        f"{articles}/2019/08/unsigned.md (from post 17 'Unsigned')",
    ]
    assert result.stderr == (
        f"newsroom: imported 7 (2 as drafts, 1 scheduled), skipped 0, {NOT_POSTS}\n"
    )

    fish_file = root / articles / "2019/05/fish-chips.md"
    assert _front_matter(fish_file) == {
        "title": "Fish & chips – a history",  # CDATA holding character references
        "date": "2019-05-03T10:20:00+04:30",  # the blog's zone, from the GMT time beside it
        "section": "world",  # the first category that is a section
        "authors": ["mariam-rahimi"],  # a login the site already has as an author id
        "tags": ["Politics", "Kabul", "Food & Drink"],  # the other category, then the tags
        "summary": "",
        "updated": "2019-05-04T08:00:00+04:30",
        "slug": "fish-chips",  # the same address as on WordPress: no alias
        "image": {
            "src": "https://old.example.org/wp-content/uploads/2019/05/shop.jpg",
            "alt": "The shop's front, with a queue",
            "caption": "The first shop, in 1900",
        },
        "featured": "true",  # sticky
        "import_id": "wordpress:https://old.example.org/?p=11",
        "uid": "https://old.example.org/?p=11",  # the old feed's guid: subscribers keep it
    }
    body = _body(fish_file)
    assert "<script>" not in body and "pwned" not in body and "onclick" not in body
    assert "<pre>line one\n\nline three</pre>" in body
    cafe = _front_matter(root / articles / "2019/06/cafe-owners.md")
    assert cafe["title"] == "Café owners & the rent rules"  # escaped text, decoded once
    assert cafe["aliases"] == ["/2019/06/01/café-owners/"]  # the slug WordPress encoded
    assert (cafe["section"], cafe["authors"]) == ("entertainment", ["ahmad-k"])
    assert cafe["summary"] == "An excerpt & more"
    assert "draft" not in _front_matter(root / articles / "2027/01/budget-vote.md")
    for held in ("2019/07/half-written.md", "2019/07/members-only.md"):
        assert _front_matter(root / articles / held)["draft"] == "true"
    assert _front_matter(root / articles / "2019/07/half-written.md")["date"] == (
        "2019-07-01T09:00:00+04:30"  # never dated in GMT by WordPress: the site's zone
    )
    assert "authors" not in _front_matter(root / articles / "2019/08/unsigned.md") or (
        _front_matter(root / articles / "2019/08/unsigned.md")["authors"] == []
    )
    authors = (root / "content/authors.yml").read_text(encoding="utf-8")
    assert authors.startswith(authors_before)  # nothing of the file was changed
    assert yaml.safe_load(authors[len(authors_before) :]) == {
        "ahmad-k": {"name": "Ahmad Karimi & Co"},
        "ghost": {"name": "ghost"},
    }

    before = _tree(root)
    again = newsroom(root, "import", "--from", "wordpress", str(EXPORT), *MAP)
    assert again.returncode == 0, again.stderr
    assert again.stderr == f"newsroom: imported 0, skipped 7, {NOT_POSTS}\n"
    assert (
        f"{said}post 12 'Café owners & the rent rules': skipped: already imported as "
        f"{articles}/2019/06/cafe-owners.md"
    ) in again.stdout.splitlines()
    assert _tree(root) == before

    checked = newsroom(root, "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    _build(root)
    site = root / "site"
    page = LexborHTMLParser((site / "2019/05/03/fish-chips/index.html").read_text("utf-8"))
    text = page.css_first(".nr-body").text()
    assert "It was *not* Markdown then_either_." in text  # HTML kept, nothing read as Markdown
    assert "[sic]" in text and "the best" in text
    redirect = site / "2019/06/01/café-owners/index.html"
    assert _redirect_target(redirect) == "https://newsroom.example.org/2019/06/01/cafe-owners/"
    assert (site / "2019/06/01/cafe-owners/index.html").is_file()
    feed = json.loads((site / "feed.json").read_text(encoding="utf-8"))
    ids = {item["url"].rsplit("/", 2)[-2]: item["id"] for item in feed["items"]}
    assert ids["fish-chips"] == "https://old.example.org/?p=11"
    assert not (site / "2027/01/15").exists()  # scheduled
    assert not (site / "2019/07/01").exists() and not (site / "2019/07/02").exists()  # drafts


def _export(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "export.xml"
    path.write_text(text, encoding="utf-8")
    return path


BOMB = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<rss><channel><item><title>&b;</title></item></channel></rss>
"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<rss><channel><item><title>&x;</title></item></channel></rss>
"""


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            [],
            "no section for the categories 'Arts & Culture' (1 post); map them with "
            "--section-map CATEGORY=SECTION",
        ),
        ([*MAP, "--section-map", "World=nowhere"], "unknown section 'nowhere'"),
        ([*MAP, "--author", "nobody"], "unknown author 'nobody'"),
        (["--from", "wordpress", "missing.xml"], "missing.xml is not there: name the WordPress"),
        (["--from", "wordpress", "content"], "content is a folder: name the WordPress export"),
        (["--from", "material-blog", "mkdocs.yml"], "mkdocs.yml is a file: name the docs folder"),
    ],
)
def test_a_wordpress_import_that_cannot_be_done_whole_writes_nothing(
    tmp_path: Path, arguments: list[str], message: str
) -> None:
    root = copy_demo(tmp_path / "portal")
    before = _tree(root)
    source = [] if "--from" in arguments else ["--from", "wordpress", str(EXPORT)]
    result = newsroom(root, "import", *source, *arguments)
    assert result.returncode == 1
    error = result.stderr.splitlines()[-1]
    assert error.startswith("newsroom: error: ") and message in error, result.stderr
    assert "Traceback" not in result.stderr
    assert _tree(root) == before


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (BOMB, "the export declares entities or refers to outside files"),
        (EXTERNAL, "the export declares entities or refers to outside files"),
        ("<rss><channel><item><title>x</item></channel></rss>", "export.xml:1:"),
        ("<rss><channel></channel></rss>", "no post was found: is it a WordPress export"),
    ],
)
def test_an_export_that_is_not_safe_or_not_well_formed_is_refused(
    tmp_path: Path, text: str, message: str
) -> None:
    root = copy_demo(tmp_path / "portal")
    before = _tree(root)
    export = _export(tmp_path, text)
    result = newsroom(root, "import", "--from", "wordpress", str(export), "--section", "world")
    assert result.returncode == 1
    assert result.stderr.startswith("newsroom: error: ") and message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "aaaaaaaaaa" not in result.stdout + result.stderr and "root:" not in result.stderr
    assert _tree(root) == before


def test_wire_copy_still_needs_a_section_and_an_author(tmp_path: Path) -> None:
    root = copy_demo(tmp_path / "portal")
    (tmp_path / "wire").mkdir()
    result = newsroom(root, "import", str(tmp_path / "wire"), "--section", "world")
    assert result.returncode == 1
    assert result.stderr == (
        "newsroom: error: wire copy needs --section and --author: the texts name neither\n"
    )


PINNED = """---
title: A pinned post with its own slug
date:
  created: 2024-03-02T08:00:00+01:00
  updated: 2024-03-04
authors: [writer-one]
categories: [Opinion, Culture]
tags: [Letters]
slug: pinned-letter
pin: true
readtime: 4
links:
  - index.md
---

The text of the letter.

<!-- more -->

More of the letter.
"""
DRAFT = """---
date: 2024-03-05
draft: true
categories: [World]
---

# A draft of a post

Not finished.
"""


def test_a_material_blog_comes_in_builds_and_keeps_its_addresses(tmp_path: Path) -> None:
    blog = tmp_path / "material"
    made = subprocess.run(
        [sys.executable, str(REPO / "bench/generate.py"), "30", str(blog), "--format", "material"],
        capture_output=True,
        text=True,
        check=False,
        env=ENV,
    )
    assert made.returncode == 0, made.stderr
    posts = blog / "docs/blog/posts"
    (posts / "pinned.md").write_text(PINNED, encoding="utf-8")
    (posts / "2024").mkdir()
    (posts / "2024/draft.md").write_text(DRAFT, encoding="utf-8")
    site = tmp_path / "news"
    made = subprocess.run(
        [sys.executable, str(REPO / "bench/generate.py"), "0", str(site)],
        capture_output=True,
        text=True,
        check=False,
        env=ENV,
    )
    assert made.returncode == 0, made.stderr
    (site / "content/authors.yml").unlink()  # the import makes it

    result = newsroom(site, "import", "--from", "material-blog", str(blog / "docs"))
    assert result.returncode == 0, result.stderr
    assert result.stderr == "newsroom: imported 32 (1 as drafts), skipped 0\n"
    lines = result.stdout.splitlines()
    assert (
        f"{blog / 'docs'}: blog/posts/pinned.md: no equivalent in Newsroom, left out: "
        "'links', 'readtime'"
    ) in lines
    assert (
        "content/authors.yml: added author 'writer-one' (writer-one): not among the "
        "export's authors, named by its id; give a name"
    ) in lines
    imported = [line for line in lines if " (from blog/posts/" in line]
    assert len(imported) == 32
    pinned = site / next(line for line in imported if "pinned.md" in line).split(" (from ")[0]
    assert _front_matter(pinned) == {
        "title": "A pinned post with its own slug",
        "date": "2024-03-02T08:00:00+01:00",
        "section": "opinion",  # the category's title is the section's
        "authors": ["writer-one"],
        "tags": ["Culture", "Letters"],
        "summary": "",
        "updated": "2024-03-04T00:00:00+00:00",
        "slug": "pinned-letter",
        "featured": "true",
        "aliases": ["/blog/2024/03/02/pinned-letter/"],
        "import_id": "material-blog:https://bench.example.org/blog/posts/pinned.md",
    }
    assert "<!-- more -->" not in _body(pinned)
    draft = site / next(line for line in imported if "draft.md" in line).split(" (from ")[0]
    assert _front_matter(draft)["title"] == "A draft of a post"  # from its first heading
    assert "# A draft" not in _body(draft) and _front_matter(draft)["draft"] == "true"
    authors = yaml.safe_load((site / "content/authors.yml").read_text(encoding="utf-8"))
    assert len(authors) > 10 and authors["writer-one"] == {"name": "writer-one"}
    some = next(key for key in authors if key != "writer-one")
    assert authors[some]["avatar"] == f"https://example.org/avatars/{some}.png"

    before = _tree(site)
    again = newsroom(site, "import", "--from", "material-blog", str(blog / "docs"))
    assert again.stderr == "newsroom: imported 0, skipped 32\n"
    assert _tree(site) == before

    _build(site)
    built = site / "site"
    assert _redirect_target(built / "blog/2024/03/02/pinned-letter/index.html") == (
        "https://bench.example.org/2024/03/02/pinned-letter/"
    )
    for line in imported:
        meta = _front_matter(site / line.split(" (from ")[0])
        if meta.get("draft") == "true":
            continue
        (alias,) = meta["aliases"]
        assert isinstance(alias, str)
        target = _redirect_target(built / alias.lstrip("/") / "index.html")
        new = target.removeprefix("https://bench.example.org/")
        assert (built / new / "index.html").is_file(), alias


BLOG_CONFIG = """site_name: A blog
markdown_extensions:
  - admonition
  - toc:
      permalink: true
  - pymdownx.details
plugins: [blog]
"""
ADMONITION = """---
date: 2024-03-05
categories: [World]
---

# A post with a note

!!! note
    Read this first.
"""


def test_a_blog_written_for_extensions_says_what_the_portal_must_load(tmp_path: Path) -> None:
    """A portal `newsroom init` writes reads articles with CommonMark; a Material blog's
    posts written for Python-Markdown's extensions would show them as text, so the import
    says, in one line, what to set."""
    blog = tmp_path / "blog"
    (blog / "docs/blog/posts").mkdir(parents=True)
    (blog / "mkdocs.yml").write_text(BLOG_CONFIG, encoding="utf-8")
    (blog / "docs/blog/posts/note.md").write_text(ADMONITION, encoding="utf-8")
    assert newsroom(tmp_path, "init", "portal").returncode == 0
    portal = tmp_path / "portal"
    result = newsroom(portal, "import", "--from", "material-blog", str(blog / "docs"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        f"{blog / 'docs'}: the posts were written for Markdown extensions (admonition, "
        "pymdownx.details), and this site reads articles with CommonMark, which shows what "
        "they add as text: set 'markdown_engine: python-markdown' under the newsroom plugin in "
        "mkdocs.yml, and add admonition, pymdownx.details to markdown_extensions"
    )


def test_what_a_python_markdown_site_lacks_of_a_blog_s_extensions_is_named() -> None:
    from mkdocs_newsroom.cli.importing.material_blog import extension_names
    from mkdocs_newsroom.cli.importing.reading import extensions_wanted

    used = extension_names(["admonition", {"toc": {"permalink": True}}, {"attr_list": None}])
    assert used == ("admonition", "toc", "attr_list")
    assert extension_names({"footnotes": {}}) == ("footnotes",)
    assert extension_names("admonition") == extension_names(None) == ()
    loaded = ["toc", "tables", "fenced_code", "attr_list"]
    assert extensions_wanted(used, loaded, "python-markdown") == [
        "the posts were written for Markdown extensions this site does not load (admonition): "
        "add them to markdown_extensions in mkdocs.yml, or what they add shows as text"
    ]
    assert extensions_wanted(used, [*loaded, "admonition"], "python-markdown") == []
    assert extensions_wanted(("toc",), ["toc"], "commonmark") == []  # MkDocs' own
    # Python-Markdown's own, by either name; each named once; a long list counted
    dotted = ("markdown.extensions.toc", "markdown.extensions.tables", "admonition")
    assert extensions_wanted(dotted, ["markdown.extensions.admonition"], "python-markdown") == []
    twice = ("admonition", "markdown.extensions.admonition", "admonition")
    [said] = extensions_wanted(twice, ["toc"], "commonmark")
    assert "(admonition)" in said and said.endswith("and add admonition to markdown_extensions")
    [said] = extensions_wanted(tuple(f"x{n}" for n in range(30)), [], "python-markdown")
    assert "(x0, x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, x11 and 18 more)" in said


def test_a_blog_s_extensions_in_the_file_it_inherits_are_read(tmp_path: Path) -> None:
    """MkDocs' INHERIT: the base file's values under the blog's own (mappings merged, lists
    replaced, as MkDocs merges them); a chain that goes round is said, not followed."""
    from mkdocs_newsroom.cli.importing.material_blog import blog_config

    docs = tmp_path / "blog" / "docs"
    docs.mkdir(parents=True)
    (tmp_path / "base.yml").write_text(
        "markdown_extensions: [admonition, pymdownx.details]\nextra: {a: 1, b: 2}\n", "utf-8"
    )
    (docs.parent / "mkdocs.yml").write_text(
        "INHERIT: ../base.yml\nsite_name: Blog\nextra: {b: 3}\n", encoding="utf-8"
    )
    notes: list[str] = []
    config = blog_config(docs, notes)
    assert config["markdown_extensions"] == ["admonition", "pymdownx.details"]
    assert (config["extra"], config["site_name"], notes) == ({"a": 1, "b": 3}, "Blog", [])
    (tmp_path / "base.yml").write_text("INHERIT: blog/mkdocs.yml\n", encoding="utf-8")
    assert blog_config(docs, notes) == {}
    [said] = notes
    assert "its INHERIT goes round" in said and "markdown_extensions were not used" in said


def test_an_export_named_that_is_a_pipe_is_one_line_never_waited_on(tmp_path: Path) -> None:
    root = copy_demo(tmp_path / "portal")
    os.mkfifo(root / "export.xml")
    result = run(root, "newsroom", "import", "--from", "wordpress", "export.xml", timeout=60)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == (
        "newsroom: error: export.xml is a pipe or device: name the WordPress export file (.xml)"
    )
