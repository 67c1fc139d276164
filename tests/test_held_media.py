"""What only held-back copy names is not published, in any spelling, of any kind, whatever is
wrong with the copy; what published copy shows is, whatever else names it
(catalogue/named_media.py, build/held_media.py). Found by a hostile review."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .sites import GIF, article, build_site

if TYPE_CHECKING:
    from pathlib import Path


def _published(site_dir: Path, folder: str) -> set[str]:
    return {path.name for path in (site_dir / folder).iterdir()}


def test_held_back_copy_holds_back_what_it_names_in_any_spelling_of_any_kind(
    tmp_path: Path,
) -> None:
    """Drafts skipped for a mistake (no title, an unreadable date, a misspelt hold field) and
    held-back pages whatever their suffix hold their files back: by an `&` written `&amp;`,
    a Markdown escape, a character reference; a spreadsheet, an SVG, a sound file too."""
    drafts = {
        "no-title.md": "---\ndate: 2024-05-01T10:00:00Z\ndraft: true\n---\n![x](/images/t1.gif)\n",
        "bad-date.md": article("Bad date", date="someday", body="![x](/images/t2.gif)"),
        "embargo.md": article("Embargo", embargo="2099-01-01", body="![x](/images/t3.gif)"),
        "amp.md": article("Amp", draft=True, body="![x](/images/k&r.gif)"),
        "kinds.md": article(
            "Kinds", draft=True,
            body="[d](/files/budget.xlsx) [c](/files/data.csv) ![s](/images/chart.svg) "
            '<audio src="/files/talk.flac"></audio>',
        ),
    }  # fmt: skip
    files: dict[str, str | bytes] = {
        **{f"articles/{name}": text for name, text in drafts.items()},
        "articles/shown.md": article("Shown", "2024-05-02T10:00:00Z", body="Nothing to show."),
        "Plan.MD": "---\ndraft: true\n---\n# Plan\n\n![x](images/p\\_1.gif)\n",
        "desk/story.text": "---\ndraft: true\n---\n![x](/images/p&#50;.gif)\n",
        "about.mdown": "---\ndraft: true\n---\n# About\n\n![x](images/p3.gif)\n",
        **{f"images/{name}": GIF for name in ("t1.gif", "t2.gif", "t3.gif", "k&r.gif")},
        **{f"images/{name}": GIF for name in ("p_1.gif", "p2.gif", "p3.gif", "loose.gif")},
        "images/chart.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
        **{f"files/{name}": b"DATA" for name in ("budget.xlsx", "data.csv", "talk.flac")},
    }
    site = build_site(tmp_path, files)
    assert _published(site.site_dir, "images") == {"loose.gif"}
    assert not (site.site_dir / "files").exists()


def test_published_copy_publishes_what_it_shows_by_path_not_by_a_name_alone(
    tmp_path: Path,
) -> None:
    """A draft's picture is not published by a published story that shows another folder's
    file of that name, names it in prose, or by a page that comments it out, or a longer name
    ending with it; a picture published copy shows by its path (the site's own URL, a
    Markdown escape, a character reference, Newsroom's and MkDocs' settings, a style sheet
    in capitals) is published, a draft's use or not."""
    held = ["b/photo.gif", "chart.gif", "commented.gif", "map.gif"]
    shown = [
        "a/photo.gif", "team map.gif", "escaped_1.gif", "ref2.gif", "logo.gif", "share.gif",
        "badge.gif", "kit.pdf", "css.gif",
    ]  # fmt: skip
    files: dict[str, str | bytes] = {
        "articles/draft.md": article(
            "Draft", draft=True, body=" ".join(f"![x](/images/{name})" for name in held + shown)
        ),
        "articles/shown.md": article(
            "Shown", "2024-05-02T10:00:00Z",
            body="![a](/images/a/photo.gif) Our chart.gif is late. "
            "![m](https://news.example.org/images/team%20map.gif) "
            "[a](https://news.example.org/articles/attached.pdf)",
        ),
        "about.md": "# About\n\n<!-- ![c](images/commented.gif) -->\n\n"
        "![e](images/escaped\\_1.gif) ![r](/images/ref&#50;.gif)\n",
        "Site.CSS": "body { background: url(images/css.gif); }",
        "articles/attached.pdf": b"%PDF",
        **{f"images/{name}": GIF for name in held + shown if name != "kit.pdf"},
        "images/kit.pdf": b"%PDF",
    }  # fmt: skip
    config = {
        "copyright": '<img src="/images/badge.gif" alt="">',
        "nav": ["index.md", "about.md", {"Press kit": "images/kit.pdf"}],
        "extra_css": ["Site.CSS"],
    }
    plugin = {"publisher_logo": "images/logo.gif", "default_image": "images/share.gif"}
    files["index.md"] = "# Home\n"
    site = build_site(tmp_path, files, config=config, plugin=plugin)
    published = {p.relative_to(site.site_dir / "images").as_posix()
                 for p in (site.site_dir / "images").rglob("*") if p.is_file()}  # fmt: skip
    assert published == set(shown)
    assert (site.site_dir / "articles" / "attached.pdf").is_file()


def test_what_hosts_and_browsers_ask_for_by_name_is_never_held_back(tmp_path: Path) -> None:
    """A draft about moving to a new domain names CNAME, _redirects, favicon.ico and
    security.txt: the host's and the browser's files stay; its data files and its photo at
    the root are held back, and the build says which."""
    draft = article(
        "Moving", draft=True,
        body="We pointed a CNAME at the host, wrote _redirects, kept favicon.ico, "
        "apple-touch-icon.png and .well-known/security.txt. [s](/files/statement.txt) "
        "[r](/data/results.json) ![l](/leak.gif)",
    )  # fmt: skip
    files: dict[str, str | bytes] = {
        "articles/moving.md": draft,
        "articles/shown.md": article("Shown", "2024-05-02T10:00:00Z"),
        "CNAME": "news.example.org\n",
        "_redirects": "/old /new 301\n",
        "favicon.ico": GIF,
        "apple-touch-icon.png": GIF,
        "leak.gif": GIF,  # a draft's photo at the root is still its own
        ".well-known/security.txt": "Contact: mailto:desk@example.org\n",
        "files/statement.txt": "EMBARGOED STATEMENT\n",
        "data/results.json": '{"embargoed": true}',
    }
    site = build_site(tmp_path, files, config={"exclude_docs": "!.well-known/\n"})
    for name in ("CNAME", "_redirects", "favicon.ico", "apple-touch-icon.png"):
        assert (site.site_dir / name).is_file(), name
    assert (site.site_dir / ".well-known" / "security.txt").is_file()
    for name in ("files", "data", "leak.gif"):
        assert not (site.site_dir / name).exists(), name
    (said,) = [line for line in site.infos if "held back" in line]
    assert "3 file(s)" in said and "data/results.json, files/statement.txt, leak.gif" in said


def test_held_back_copy_is_read_as_its_reader_and_a_browser_read_it(tmp_path: Path) -> None:
    """A draft's lead image in YAML's escapes, a draft saved as UTF-16, an address broken by
    a line break: held back. A published page's `../photo.gif` from a sub-folder, and a
    picture after `<!--` written as code, are published; a video is not read as a text."""
    files: dict[str, str | bytes] = {
        "articles/yaml.md": '---\ntitle: Yaml\ndate: 2024-05-01T10:00:00Z\ndraft: true\n'
        'image: {src: "/images/caf\\xE9.gif", alt: A}\n---\nText.\n',
        "articles/wide.md": article("Wide", draft=True, body="![w](/images/wide.gif)").encode(
            "utf-16"
        ),
        "articles/broken.md": article(
            "Broken", draft=True,
            body='<img src="/images/pho\nto.gif" alt="">'
            " ![a](/guide/photo.gif) ![b](/guide/maps/map.gif) ![c](/images/code.gif)"
            " ![v](/images/in-video.gif)",
        ),
        "articles/shown.md": article("Shown", "2024-05-02T10:00:00Z"),
        "guide/sub/page.md": "# Page\n\n![a](../photo.gif) ![b](../maps/map.gif)\n",
        "style.md": "# Style\n\nStart a note with `<!--` to hide it.\n\n![c](images/code.gif)\n",
        "video.md": "# Video\n\n[clip](video/clip.m4v)\n",
        "video/clip.m4v": b"\x00\x00 images/in-video.gif",
        "guide/photo.gif": GIF,
        "guide/maps/map.gif": GIF,
        **{f"images/{name}": GIF for name in ("café.gif", "wide.gif", "photo.gif", "code.gif")},
        "images/in-video.gif": GIF,
    }  # fmt: skip
    site = build_site(tmp_path, files)
    assert _published(site.site_dir, "images") == {"code.gif"}
    assert (site.site_dir / "guide" / "photo.gif").is_file()
    assert (site.site_dir / "guide" / "maps" / "map.gif").is_file()


def test_a_path_names_a_file_only_where_a_browser_would_read_it_so(tmp_path: Path) -> None:
    """A section page's own `images/photo.gif` and another host's `/images/wire.gif` do not
    name the root's files a draft shows; a template in a folder of the theme's `custom_dir`
    writes its addresses from the site's root, and the site's own URL names its file."""
    root = tmp_path
    partials = root / "overrides" / "partials"
    partials.mkdir(parents=True)
    (partials / "banner.html").write_text('<img src="{{ base_url }}/images/tpl.gif">', "utf-8")
    files: dict[str, str | bytes] = {
        "articles/draft.md": article(
            "Draft", draft=True,
            body=" ".join(f"![x](/images/{n}.gif)" for n in ("photo", "wire", "tpl", "own")),
        ),
        "articles/shown.md": article(
            "Shown", "2024-05-02T10:00:00Z",
            image={"src": "https://cdn.example/images/wire.gif", "alt": "Wire"},
            body="![o](HTTPS://News.Example.org/images/own.gif)",
        ),
        "guide/index.md": "# Guide\n\n![desk](images/photo.gif)\n",
        "guide/images/photo.gif": GIF,
        **{f"images/{name}.gif": GIF for name in ("photo", "wire", "tpl", "own")},
    }  # fmt: skip
    theme = {"name": "material", "font": False, "custom_dir": "overrides"}
    site = build_site(root, files, config={"theme": theme})
    assert _published(site.site_dir, "images") == {"tpl.gif", "own.gif"}
    assert (site.site_dir / "guide" / "images" / "photo.gif").is_file()


def test_published_copy_keeps_what_it_shows_and_only_that(tmp_path: Path) -> None:
    """On a project site, a page's `/repo/images/x.gif` shows the file; a page's raw HTML is
    read from the page's address (`about.md` is at `/about/`); a story's page-relative
    `images/x.gif` (broken there), its code, and another site's `?q=/images/…` show nothing."""
    files: dict[str, str | bytes] = {
        "articles/draft.md": article(
            "Draft", draft=True,
            body=" ".join(f"![x](/images/{n}.gif)" for n in ("repo", "raw", "rel", "code", "q")),
        ),
        "articles/shown.md": article(
            "Shown", "2024-05-02T10:00:00Z",
            body="![r](images/rel.gif) `/images/code.gif` "
            "[s](https://search.example/?q=/images/q.gif)",
        ),
        "about.md": '# About\n\n![p](/repo/images/repo.gif) <img src="../images/raw.gif" alt="">\n',
        **{f"images/{name}.gif": GIF for name in ("repo", "raw", "rel", "code", "q")},
    }  # fmt: skip
    site = build_site(tmp_path, files, config={"site_url": "https://user.github.io/repo/"})
    assert _published(site.site_dir, "images") == {"repo.gif", "raw.gif"}


def test_held_back_copy_holds_back_what_it_names_in_another_case(tmp_path: Path) -> None:
    """A draft that writes `heldpic.gif` shows `HeldPic.GIF` on a Mac's disk, and on any web
    server that ignores case: when in doubt, it waits with the draft."""
    files: dict[str, str | bytes] = {
        "articles/draft.md": article("Draft", draft=True, body="![x](/images/heldpic.gif)"),
        "articles/shown.md": article("Shown", "2024-05-02T10:00:00Z", body="Nothing to show."),
        "images/HeldPic.GIF": GIF,
        "images/loose.gif": GIF,
    }
    site = build_site(tmp_path, files)
    assert _published(site.site_dir, "images") == {"loose.gif"}
