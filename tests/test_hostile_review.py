"""What a hostile review of issue 16 found still open: each class of hole as a real build
beside a good article (the build goes on, one line names the file, `--strict` fails, `newsroom
check` reports the same), and nothing held back or left over reaches the site."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from mkdocs.exceptions import Abort

from .commands import ENV, newsroom, run
from .sites import SECTIONS, build_site, lock_folders_named_locked, photo, write_site, write_tree
from .test_hostile import GOOD, _located, built, checked_alike, fails_strict, front, output_text


def build_within(
    root: Path, files: dict[str, str | bytes], seconds: float, **plugin: object
) -> str:
    """`mkdocs build` of a site in a process of its own, which must finish within `seconds`
    (a build that hangs fails the test instead of stopping the suite); its warnings."""
    write_tree(root / "content", {"authors.yml": "jdoe: {name: Jane Doe}\n", **GOOD, **files})
    settings = {
        "site_name": "Test Gazette",
        "site_url": "https://news.example.org/",
        "docs_dir": "content",
        "theme": {"name": "material", "font": False},
        "plugins": [{"newsroom": {"sections": SECTIONS, **plugin}}],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build"],
        cwd=root,
        env=ENV,
        capture_output=True,
        text=True,
        check=False,
        timeout=seconds,
    )
    assert done.returncode == 0, done.stderr
    return "\n".join(line for line in done.stderr.splitlines() if line.startswith("WARNING"))


# --- 1. Only allow-listed media leave the articles folder, even when a story links them ----------

LINKED_LEFTOVERS: dict[str, str | bytes] = {
    "articles/story.md~": "SECRET BACKUP",
    "articles/story.md.bak": "SECRET BAK",
    "articles/story.md.orig": "SECRET ORIG",
    "articles/.#story.md": "SECRET LOCK",
    "articles/.story.md.swp": "SECRET SWAP",
    "articles/.hidden.png": b"\x89PNG SECRET HIDDEN",
    "articles/notes.docx": b"SECRET DOCX",
    "articles/page.html": "<p>SECRET HTML</p>",
}


def _linking_story() -> str:
    links = "\n".join(
        f"[{index}](/{path.replace('#', '%23')})" for index, path in enumerate(LINKED_LEFTOVERS)
    )
    return front("Links") + "\n" + links + "\n\n![ok](/articles/ok.png)\n"


def test_leftovers_and_other_types_a_shown_story_links_are_not_published(
    tmp_path: Path,
) -> None:
    files = {
        "articles/links.md": _linking_story(),
        "articles/ok.png": b"\x89PNG fine",
        **LINKED_LEFTOVERS,
    }
    site = built(tmp_path, files)
    expected = []
    for path in sorted(LINKED_LEFTOVERS):
        if "/." in path:
            continue  # hidden: MkDocs excludes it before Newsroom sees it
        leftover = path.endswith(("~", ".bak", ".orig"))
        kind = "an editor's leftover or a hidden file" if leftover else "not media"
        expected.append(
            f"newsroom: {path}: articles/links.md links to it, but it is {kind} (only pictures, "
            "sound, video, PDF and subtitles of the articles folder are published), so it was "
            "not published; link a published file instead"
        )
    assert sorted(site.warnings) == expected
    published = sorted(p.name for p in (site.site_dir / "articles").rglob("*") if p.is_file())
    assert published == ["ok.png"]
    assert "SECRET" not in output_text(site)
    checked_alike(tmp_path, site, files)


def test_editors_leftovers_anywhere_in_the_content_folder_are_not_published(
    tmp_path: Path,
) -> None:
    files: dict[str, str | bytes] = {
        "about.md": "# About\n\nWho we are.\n",
        "about.md~": "SECRET PAGE BACKUP",
        "images/logo.png.bak": b"SECRET LOGO BACKUP",
        "#about.md#": "SECRET AUTOSAVE",
    }
    site = built(tmp_path, files)
    assert site.warnings == []
    for path in ("#about.md#", "about.md~", "images/logo.png.bak"):
        assert (
            f"newsroom: {path}: it is an editor's leftover (a backup, swap or lock file), so it "
            "was not published; delete it"
        ) in site.infos
    assert "SECRET" not in output_text(site)
    assert site.file("about/").is_file()


# --- 7. Each real folder is read once ------------------------------------------------------------


def _looping_folders(docs: Path) -> None:
    articles = docs / "articles"
    (articles / "2024").mkdir(parents=True, exist_ok=True)
    (articles / "2024" / "looped.md").write_text(front("Looped"), encoding="utf-8")
    (articles / "loop").symlink_to(articles)
    (articles / "latest").symlink_to(articles / "2024")


LOOP_WARNINGS = [
    "newsroom: articles/latest: it is a link to a folder the site already holds "
    "(articles/2024), so what is seen through it was left out (each folder is read once); "
    "remove the link",
    "newsroom: articles/loop: it is a link to a folder the site already holds (articles), so "
    "what is seen through it was left out (each folder is read once); remove the link",
]


def test_a_link_to_the_content_folder_itself_is_said_by_name(tmp_path: Path) -> None:
    docs = tmp_path / "site" / "content"
    (docs / "articles").mkdir(parents=True)
    (docs / "articles" / "up").symlink_to(docs)
    site = built(tmp_path, {})
    assert site.warnings == [
        "newsroom: articles/up: it is a link to a folder the site already holds (the content "
        "folder itself), so what is seen through it was left out (each folder is read once); "
        "remove the link"
    ]


def test_the_link_that_repeats_a_folder_is_named_not_the_first_link_on_its_way(
    tmp_path: Path,
) -> None:
    """`content/ext` a link to a folder beside the content folder, in which `b` is a link to
    `a`: the second way in is `ext/b`'s doing; removing `ext` (the first link on the way),
    as the line once said, would take the files away."""
    outside = tmp_path / "site" / "ext"
    (outside / "a").mkdir(parents=True)
    (outside / "a" / "notes.pdf").write_bytes(b"%PDF-1.4")
    (outside / "b").symlink_to(outside / "a")
    (tmp_path / "site" / "content").mkdir(parents=True)
    (tmp_path / "site" / "content" / "ext").symlink_to(outside)
    site = built(tmp_path, {})
    assert site.warnings == [
        "newsroom: ext/b: it is a link to a folder the site already holds (ext/a), so what is "
        "seen through it was left out (each folder is read once); remove the link"
    ]


@pytest.mark.parametrize("target", ["/", "site"], ids=["root-of-the-disk", "site-folder"])
def test_a_link_to_a_folder_that_holds_the_content_folder_stops_the_build_in_one_line(
    tmp_path: Path, target: str
) -> None:
    """MkDocs follows links as it lists the content folder: through a link to `/` (or to the
    folder of mkdocs.yml) it read the whole disk, round and round, and the build hung."""
    docs = tmp_path / "site" / "content"
    (docs / "desk").mkdir(parents=True)
    (docs / "desk" / "everything").symlink_to("/" if target == "/" else tmp_path / "site")
    done = run(write_site(tmp_path / "site", {}).parent, "mkdocs", "build", timeout=120)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "newsroom: desk/everything: it is a link to " in done.stderr
    assert "a folder that holds the content folder itself" in done.stderr
    checked = newsroom(tmp_path / "site", "check")  # it lists the content folder as MkDocs does
    assert checked.returncode == 1
    assert "a folder that holds the content folder itself" in checked.stderr


def test_a_link_to_a_folder_outside_the_site_is_one_line_for_all_its_files(
    tmp_path: Path,
) -> None:
    """`content/etc` a link to `/etc`: its thousand files were a thousand lines."""
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    for number in range(6):
        (outside / f"notes-{number}.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "site" / "content").mkdir(parents=True)
    (tmp_path / "site" / "content" / "etc").symlink_to(outside)
    site = built(tmp_path, {})
    assert site.warnings == [
        f"newsroom: etc: it is a link to {outside}, outside the site's folder, which a build "
        "elsewhere (CI) would publish from that machine; its 6 files were left out of the site "
        "(the first: etc/notes-0.pdf). Copy the files into the content folder"
    ]
    assert not (site.site_dir / "etc").exists()


def test_a_folder_reached_twice_through_links_is_read_once(tmp_path: Path) -> None:
    _looping_folders(tmp_path / "site" / "content")
    _looping_folders(tmp_path / "strict" / "content")
    site = built(tmp_path, {})
    assert site.warnings == LOOP_WARNINGS
    assert site.summary == "newsroom: published 2 articles, skipped 0"
    assert site.file("2024/05/01/looped/").is_file()
    assert not (site.site_dir / "articles").exists()
    fails_strict(tmp_path, {})
    checked = newsroom(tmp_path / "site", "check")
    assert checked.stdout.splitlines() == [_located(w) for w in LOOP_WARNINGS]


# --- 6. An article URL inside the plugin's own folders is skipped, and such a setting refused ----


def test_a_slug_that_puts_an_article_inside_a_listing_folder_skips_it_and_ends(
    tmp_path: Path,
) -> None:
    files = {"articles/tagged.md": front("Tagged", slug="tags")}
    logged = build_within(tmp_path, files, 60, article_url="{slug}/{date:%Y}/")
    assert [line for line in logged.splitlines() if "articles/" in line] == [
        "WARNING -  newsroom: articles/tagged.md: its URL tags/2024/ is inside tags/, a folder "
        "of the newsroom's own pages, so the article was skipped; change its 'slug', its "
        "section's id or article_url"
    ]
    assert not (tmp_path / "site" / "tags" / "2024").exists()
    assert not (tmp_path / "site" / "news" / "tags").exists()
    assert "Tagged" not in (tmp_path / "site" / "feed.xml").read_text(encoding="utf-8")
    checked = newsroom(tmp_path, "check")
    assert sorted(checked.stdout.splitlines()) == sorted(
        line.removeprefix("WARNING -  newsroom: ") for line in logged.splitlines()
    )


@pytest.mark.parametrize(
    ("pattern", "why"),
    [
        ("tags/{slug}/", "puts articles in tags/, a folder of the newsroom's own pages"),
        ("{slug.__class__}/", "has the field {slug.__class__}"),
        ("{slug!r}/", "has the field {slug!r}"),
        ("{slug:>99}/", "has a format after {slug}"),
        ("{date:%Y/%Q%}/{slug}/", "has 2 date directive(s) other than %Y, %m, %d, %H, %M, %j"),
        ("news/%Q%/{slug}/", "gives 'news/%Q%/sample/', with '%', which URLs cannot hold"),
        (
            "x" * 20 + "{slug}/",
            "has a part that could be longer than a folder's name may be (255 bytes, with a "
            "slug of up to 240)",
        ),
        (
            ".git/{slug}/",
            "puts articles in .git/, a hidden folder, which GitHub Pages' upload leaves out and "
            "MkDocs never empties",
        ),
        (
            "{date:%Y}/{slug}.html",
            "makes a folder named like a file (sample.html/index.html): every article is a "
            "folder with its page in it, so end the pattern with the slug and a '/'",
        ),
    ],
)
def test_article_url_patterns_that_cannot_place_articles_are_refused(
    tmp_path: Path, pattern: str, why: str, caplog: pytest.LogCaptureFixture
) -> None:
    with pytest.raises(Abort):
        build_site(tmp_path, GOOD, plugin={"article_url": pattern})
    fields = "{date:%Y}, {date:%m}, {date:%d}, {slug} and {section}"
    assert f"article_url '{pattern}' {why}; use the fields {fields}" in caplog.text


# --- 9. An empty authors file is no authors file -----------------------------------------------


@pytest.mark.parametrize("authors", ["", "# nobody yet\n", "{}\n"])
def test_an_empty_authors_file_publishes_bylined_articles_without_authors(
    tmp_path: Path, authors: str
) -> None:
    files = {"articles/a.md": front("Bylined", authors="jdoe")}
    site = built(tmp_path, files, authors=authors)
    assert site.warnings == [
        "newsroom: authors.yml: the authors file is empty, so the articles were published "
        "without their authors; fill it with an entry for each author, for example "
        "'jdoe: {name: Jane Doe}'"
    ]
    assert site.summary == "newsroom: published 2 articles, skipped 0"
    assert site.file("2024/05/01/bylined/").is_file()
    checked_alike(tmp_path, site, files, authors=authors)


# --- 5. An article past max_article_size is told by its size, never read -------------------------


def test_an_article_past_the_size_limit_is_never_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read: list[str] = []
    real = Path.read_bytes

    def spy(path: Path) -> bytes:
        read.append(path.name)
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", spy)
    files = {"articles/huge.md": front("Huge") + "x " * 600_000}
    site = built(tmp_path, files, plugin={"max_article_size": 1_000_000})
    assert site.warnings == [
        "newsroom: articles/huge.md: the file is 1.2 MB, more than max_article_size (1.0 MB); "
        "split the article, or raise max_article_size in mkdocs.yml; the article was skipped"
    ]
    assert "good.md" in read and "huge.md" not in read
    assert site.summary.endswith("1 with errors (see the warnings above)")


def test_an_authors_file_past_the_size_limit_is_never_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read: list[str] = []
    real = Path.read_bytes

    def spy(path: Path) -> bytes:
        read.append(path.name)
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", spy)
    authors = "jdoe: {name: Jane Doe}\n" + "# padding\n" * 120_000
    files = {"articles/a.md": front("Bylined", authors="jdoe")}
    site = built(tmp_path, files, authors=authors, plugin={"max_article_size": 1_000_000})
    assert site.warnings == [
        "newsroom: authors.yml: the authors file is 1.2 MB, more than max_article_size (1.0 "
        "MB), so it was not read and the articles were published without their authors; make "
        "it smaller, or raise max_article_size in mkdocs.yml"
    ]
    assert "authors.yml" not in read
    assert site.summary == "newsroom: published 2 articles, skipped 0"


# --- 10. Media in bodies follow the rule of images; the lead image is a picture, one address ---

FOREIGN_MEDIA = (
    "![a](//evil.example/a.png)\n\n"
    '<img src="/\\evil.example/b.png" alt="b">\n\n'
    '<img src="http:evil.example/c.png" alt="c">\n\n'
    '<img src="/images/ok.png" srcset="/images/ok.png 1x, //evil.example/d.png 2x" alt="d">\n\n'
    '<video src="//evil.example/v.mp4" poster="/\\evil.example/p.png"></video>\n\n'
    '<audio controls><source src="//evil.example/s.mp3"></audio>\n\n'
    "![kept](https://cdn.example.org/kept.png) ![local](/images/ok.png)\n"
)


def test_body_media_that_would_load_another_host_are_removed(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {
        "articles/media.md": front("Media") + "\n" + FOREIGN_MEDIA,
        "images/ok.png": b"\x89PNG ok",
    }
    site = built(tmp_path, files)
    assert site.warnings == [
        "newsroom: articles/media.md: media the site must not load (another host's, as a "
        "browser reads the address, or not a web address) was removed from the story: 'src' "
        "on <img>, 'srcset' on <img>, 'src' on <video>, 'poster' on <video>, 'src' on "
        "<source>; give a path inside the site or an http(s) URL"
    ]
    page = site.html("2024/05/01/media/")
    assert "evil.example" not in page
    assert "https://cdn.example.org/kept.png" in page and "images/ok.png" in page
    checked_alike(tmp_path, site, files)


def test_markdown_images_follow_the_rule_with_raw_html_published_as_written(
    tmp_path: Path,
) -> None:
    body = "![a](//evil.example/a.png) ![b](http:evil.example/b.png) ![ok](/images/ok.png)\n"
    files: dict[str, str | bytes] = {
        "articles/media.md": front("Media") + "\n" + body,
        "images/ok.png": b"\x89PNG ok",
    }
    site = built(tmp_path, files, plugin={"sanitize_markdown_html": False})
    assert site.warnings == [
        "newsroom: articles/media.md: media the site must not load (another host's, as a "
        "browser reads the address, or not a web address) was removed from the story: 'src' "
        "on <img>; give a path inside the site or an http(s) URL"
    ]
    page = site.html("2024/05/01/media/")
    assert "evil.example" not in page and "images/ok.png" in page


def test_a_lead_image_that_is_not_a_picture_is_refused(tmp_path: Path) -> None:
    image = "image:\n  src: articles/notes.pdf\n  alt: Notes"
    files: dict[str, str | bytes] = {
        "articles/img.md": front("Img").replace("date:", image + "\ndate:", 1),
        "articles/notes.pdf": b"%PDF SECRET",
    }
    site = built(tmp_path, files)
    assert site.warnings[0] == (
        "newsroom: articles/img.md:3: 'image' 'src' 'articles/notes.pdf' is not a picture (it "
        "ends in '.pdf', not one of .avif, .gif, .jpeg, .jpg, .png, .webp); the field "
        "was ignored"
    )
    assert "notes.pdf" not in site.html("2024/05/01/img/")
    fails_strict(tmp_path, files)


def test_a_lead_image_with_a_hash_in_its_name_is_told_how_to_write_it(tmp_path: Path) -> None:
    """'images/hash#x.jpg' names 'images/hash' (a '#' starts a fragment), which was said as
    a picture that "ends in ''"; '%23' names the file."""
    files: dict[str, str | bytes] = {"images/hash#x.gif": photo(40, 30, "GIF")}
    for name, src in (("raw", "images/hash#x.gif"), ("escaped", "images/hash%23x.gif")):
        image = f"image:\n  src: '{src}'\n  alt: A hash"
        files[f"articles/{name}.md"] = front(name).replace("date:", image + "\ndate:", 1)
    site = built(tmp_path, files)
    assert site.warnings == [
        "newsroom: articles/raw.md:3: 'image' 'src' 'images/hash#x.gif' has a '#' or '?', "
        "which starts an address's fragment or query, so it names the file before it: write a "
        "'#' in a file's name as %23 and a '?' as %3F, or rename the file; the field was ignored"
    ]
    shown = site.dom("2024/05/01/escaped/").css_first("figure img")
    assert shown is not None and shown.attributes["src"] == "/images/hash%23x.gif"
    assert (site.site_dir / "images" / "hash#x.gif").is_file()


def test_og_image_names_the_file_the_page_shows(tmp_path: Path) -> None:
    from urllib.parse import urljoin

    image = "image:\n  src: /images/./lead.gif\n  alt: Lead"  # a GIF: shown as it is
    files: dict[str, str | bytes] = {
        "articles/img.md": front("Img").replace("date:", image + "\ndate:", 1),
        "images/lead.gif": photo(120, 90, "GIF"),
    }
    base = "https://news.example.org/gazette/"
    site = built(tmp_path, files, config={"site_url": base})
    page = site.dom("2024/05/01/img/")
    shown = urljoin(base + "2024/05/01/img/", page.css_first("figure img").attributes["src"])
    og = page.css_first('meta[property="og:image"]').attributes["content"]
    assert shown == og == base + "images/lead.gif"


# --- 11. A folder that cannot be listed is named; `check` takes paths from content/ or here ------


def test_a_folder_that_cannot_be_listed_is_one_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Tests run as root, who lists every folder: the permission is denied here by hand, to
    MkDocs and Newsroom alike."""
    from mkdocs_newsroom.cli.main import main

    lock_folders_named_locked(monkeypatch)
    files = {"articles/locked/hidden-story.md": front("Hidden story")}
    site = built(tmp_path, files)
    assert site.warnings == [
        "newsroom: articles/locked: the folder cannot be read (permission denied), so every "
        "file in it was left out of the site; make it readable, or move the files out of it"
    ]
    fails_strict(tmp_path, files)
    monkeypatch.chdir(tmp_path / "site")
    assert main(["check"]) == 1
    assert capsys.readouterr().out.splitlines() == [_located(w) for w in site.warnings]


def test_check_takes_paths_from_here_or_from_the_content_folder(tmp_path: Path) -> None:
    files = {
        "articles/bad.md": front("~"),
        "articles/other/worse.md": front('"Worse\\x01"'),
    }
    site = built(tmp_path, files)
    assert len(site.warnings) == 2
    bad = [_located(w) for w in site.warnings if "bad.md" in w]
    for path in ("articles/bad.md", "content/articles/bad.md", "./content/articles/bad.md"):
        checked = newsroom(tmp_path / "site", "check", path)
        assert checked.stdout.splitlines() == bad, (path, checked.stderr)
        assert checked.stderr.endswith("checked 1 article: 1 problem\n")
    everything = newsroom(tmp_path / "site", "check", "articles")
    assert sorted(everything.stdout.splitlines()) == sorted(_located(w) for w in site.warnings)
    missing = newsroom(tmp_path / "site", "check", "articles/nope.md")
    assert missing.returncode == 1
    assert "articles/nope.md: no such file or folder in the content folder" in missing.stderr


def test_check_tells_each_path_it_could_not_check_and_checks_the_others(
    tmp_path: Path,
) -> None:
    """One wrong name does not stop the check of the others; a file outside the content
    folder, and a file or folder holding no article, are told apart from a clean story."""
    files = {"articles/bad.md": front("~"), "about.md": "# About\n", "images/a.txt": "x\n"}
    site = built(tmp_path, files)
    (tmp_path / "site" / "outside.md").write_text(front("Outside"), encoding="utf-8")
    checked = newsroom(
        tmp_path / "site", "check", "nope.md", "outside.md", "about.md", "images", "articles"
    )
    assert checked.returncode == 1
    assert checked.stdout.splitlines() == [_located(w) for w in site.warnings]
    assert checked.stderr.splitlines()[-5:] == [
        "newsroom: nope.md: no such file or folder in the content folder (content); give its "
        "path from here or from the content folder",
        "newsroom: outside.md: not in the content folder (content), whose files alone are "
        "checked by name (newsroom check alone checks the configuration too); move it there to "
        "publish it",
        "newsroom: content/about.md: not an article (an article is a .md or .txt file in "
        "content/articles/), so nothing was checked",
        "newsroom: content/images: no article in it (an article is a .md or .txt file in "
        "content/articles/), so nothing was checked",
        "newsroom: checked 2 articles: 1 problem; 2 paths named not checked, above",
    ]
    config = newsroom(tmp_path / "site", "check", "mkdocs.yml")
    assert config.stderr.splitlines()[0].endswith("; name a file or folder in it"), config.stderr
    clean = newsroom(tmp_path / "site", "check", "about.md")
    assert clean.returncode == 0, clean.stderr
    assert "checked 0 articles: no problems" in clean.stderr
    assert "content/about.md: not an article" in clean.stderr


# --- 8. `mkdocs serve --dirty`: MkDocs' own pages follow a change of the navigation -------------


def test_dirty_serve_writes_mkdocs_pages_again_when_the_tabs_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from .test_incremental import Server

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1717200000")
    write_tree(
        tmp_path / "content",
        {
            "authors.yml": "jdoe: {name: Jane Doe}\n",
            "about.md": "# About us\n\nWho we are.\n",
            "articles/a.md": front("First", section="world"),
        },
    )

    def configure(sections: dict[str, object]) -> None:
        settings = {
            "site_name": "Serve Gazette",
            "site_url": "https://news.example.org/",
            "docs_dir": "content",
            "theme": {"name": "material", "font": False, "features": ["navigation.tabs"]},
            "plugins": [{"newsroom": {"sections": sections}}],
        }
        (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")

    configure({"world": {"title": "World", "order": 1}})
    live = Server(tmp_path, "live", dirty=True)
    live.start()
    try:
        live.rebuild()
        configure({"world": {"title": "Global", "order": 1}, **SECTIONS})
        live.rebuild()
    finally:
        live.stop()
    clean = Server(tmp_path, "clean")
    clean.start()
    try:
        clean.rebuild()
    finally:
        clean.stop()
    about = (tmp_path / "live" / "about" / "index.html").read_text("utf-8")
    assert about == (tmp_path / "clean" / "about" / "index.html").read_text("utf-8")


# --- 3. One article's render is bounded in time --------------------------------------------------

# Python-Markdown's link pattern: about 3 s here (3.11.3 and 3.11.4), four times that at twice
# the length. ("[a][" * 3000 took 6 s until 3.11.4 made it fast.)
SLOW = "[a](b " * 3000


def test_an_article_too_slow_to_render_is_skipped_and_the_build_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    import mkdocs_newsroom.reading.time_limit as time_limit

    monkeypatch.setattr(time_limit, "BASE_SECONDS", 0.5)
    monkeypatch.setattr(time_limit, "SECONDS_PER_BYTE", 0.0)
    files = {"articles/slow.md": front("Slow") + SLOW + "\n"}
    started = time.monotonic()
    site = built(tmp_path, files)
    assert time.monotonic() - started < 5
    assert site.warnings == [
        "newsroom: articles/slow.md: its text took more than 0.5 s to render (Markdown is very "
        "slow on some patterns, such as thousands of links left open in a row, '[a](b'); "
        "simplify it; the "
        "article was skipped"
    ]
    assert not site.file("2024/05/01/slow/").exists()
    fails_strict(tmp_path, files)


def test_the_time_limit_holds_outside_the_main_thread_too() -> None:
    """`mkdocs serve` rebuilds in a thread of its own, where no timer signal can be used."""
    import threading
    import time

    from mkdocs_newsroom.reading.time_limit import TooSlow, time_limit

    outcome: list[str] = []

    def busy() -> None:
        started = time.monotonic()
        try:
            with time_limit(0.2):
                while time.monotonic() - started < 10:
                    pass
        except TooSlow:
            outcome.append(f"stopped after {time.monotonic() - started:.1f} s")

    thread = threading.Thread(target=busy)
    thread.start()
    thread.join(15)
    assert outcome and float(outcome[0].split()[2]) < 2


# --- 12. The small ones ------------------------------------------------------------------------


def test_a_utf_32_file_is_called_utf_32(tmp_path: Path) -> None:
    files = {"articles/wide.md": front("Wide").encode("utf-32")}
    site = built(tmp_path, files)
    assert site.warnings == [
        "newsroom: articles/wide.md: the file is UTF-32; it was converted, but please save it "
        "as UTF-8"
    ]
    assert site.file("2024/05/01/wide/").is_file()


def test_an_option_below_its_least_value_is_a_warning(tmp_path: Path) -> None:
    site = built(tmp_path, {}, plugin={"page_size": 0, "feed_length": -3})
    assert site.warnings == [
        "Config value 'plugins': Plugin 'newsroom' option 'page_size': 0 is less than 1, the "
        "least it can be, so 1 was used; write 1 or more",
        "Config value 'plugins': Plugin 'newsroom' option 'feed_length': -3 is less than 1, "
        "the least it can be, so 1 was used; write 1 or more",
    ]
    fails_strict(tmp_path, {}, plugin={"page_size": 0})


def test_a_missing_articles_folder_is_a_warning(tmp_path: Path) -> None:
    site = build_site(tmp_path, {"about.md": "# About\n"}, plugin={"articles_dir": "stories"})
    assert site.warnings == [
        "newsroom: stories: the articles folder is not in the content folder, so no article "
        "was published; create it, or set articles_dir in mkdocs.yml to the folder of the "
        "articles"
    ]


def test_dates_of_thousands_of_digits_are_quoted_short(tmp_path: Path) -> None:
    files = {
        "articles/long.md": "---\ntitle: Long\ndate: " + "9" * 5000 + "-01-01\n---\nB\n",
        "articles/number.md": "---\ntitle: Number\ndate: " + "1" * 5000 + "\n---\nB\n",
    }
    site = built(tmp_path, files)
    assert site.warnings == [
        f"newsroom: articles/long.md:3: 'date': '{'9' * 59}…' is not an ISO 8601 date; write "
        "for example 2024-05-01 or 2024-05-01T09:30:00+04:30; the article was skipped",
        "newsroom: articles/number.md:3:7: field 'date' cannot be read (a number of more than "
        "4,300 digits); rewrite its value; the article was skipped",
    ]


def test_thousands_of_unknown_fields_are_one_line(tmp_path: Path) -> None:
    keys = "".join(f"k{number}: v\n" for number in range(100_000))
    files = {
        "articles/keys.md": "---\ntitle: Keys\ndate: 2024-05-01\n" + keys + "slug: keys\n---\nB\n"
    }
    site = built(tmp_path, files)
    assert len(site.warnings) == 1
    assert site.warnings[0].startswith(
        "newsroom: articles/keys.md:4: 100,000 unknown fields were ignored ('k0', 'k1', 'k2' "
        "and 99,997 more); known fields are: title, date,"
    )
    assert site.file("2024/05/01/keys/").is_file()


def test_a_material_blog_post_in_any_markdown_extension_mkdocs_reads_is_imported(
    tmp_path: Path,
) -> None:
    # MkDocs takes .md, .mkd, .markdown... in lower case only: an upper-case one is no post
    post = "---\ndate: 2024-03-05\ncategories: [World]\n---\n\n# {title}\n\nText.\n"
    blog = tmp_path / "blog-docs"
    write_tree(
        blog,
        {
            "blog/posts/a.md": post.format(title="Plain post"),
            "blog/posts/b.mkd": post.format(title="Mkd post"),
            "blog/posts/c.MARKDOWN": post.format(title="Upper post"),
            "blog/posts/d.md~": post.format(title="Backup post"),
        },
    )
    build_site(tmp_path / "site", GOOD)
    result = newsroom(tmp_path / "site", "import", "--from", "material-blog", str(blog))
    assert result.returncode == 0, result.stderr
    assert result.stderr.endswith(
        "imported 2, skipped 0, not imported 1 (file MkDocs leaves out: 1)\n"
    )
    written = [path.read_text() for path in (tmp_path / "site" / "content").rglob("*.md")]
    assert any("Mkd post" in text for text in written)
    assert not any("Upper post" in text or "Backup post" in text for text in written)


@pytest.mark.parametrize(
    ("plugin", "said"),
    [
        (
            {"timezone": "localtime"},
            "newsroom: timezone 'localtime' is no place's zone but the machine's own setting",
        ),
        (
            # the first, at the site's root, has no folder (mkdocs.yml's keys are sorted here)
            {"editions": {"1": {"title": "One", "lang": "en"}, "2026": {"title": "Year"}}},
            "newsroom: edition id '2026' is a number, which the folders of the articles' dates are",
        ),
    ],
    ids=["localtime", "edition-2026"],
)
def test_settings_that_would_misplace_every_story_stop_the_build_in_one_line(
    tmp_path: Path, plugin: dict[str, object], said: str, caplog: pytest.LogCaptureFixture
) -> None:
    """The machine's own zone (CI's and the editor's differ: a scheduled story would go out
    at another time), an edition whose folder is a year of the articles' (each of its year's
    stories skipped, a line each)."""
    with pytest.raises(Abort):
        build_site(tmp_path, GOOD, plugin=plugin)
    assert said in caplog.text
    assert "Traceback" not in caplog.text
