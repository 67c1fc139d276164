"""`newsroom import` after a hostile review: each class of fault found in the importers, run
in-process against an archive written into a temporary folder (the clock is the demo's)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from mkdocs_newsroom.cli.main import main
from mkdocs_newsroom.slugs import slugify

from .checkers import vnu_errors
from .commands import run
from .sites import DEMO_NOW, article, epoch, write_site
from .test_hostile import yaml_bomb

WORLD = '<category domain="category" nicename="world"><![CDATA[World]]></category>'


@dataclass
class Ran:
    code: int
    out: list[str]
    err: str
    root: Path

    def articles(self) -> dict[str, str]:
        folder = self.root / "content/articles"
        return {
            p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(folder.rglob("*"))
            if p.is_file()
        }

    def front_matter(self, name: str) -> dict[str, object]:
        loaded = yaml.load(self.articles()[name].split("---\n")[1], Loader=yaml.BaseLoader)
        assert isinstance(loaded, dict)
        return loaded


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "news"
    write_site(root, {})
    monkeypatch.chdir(root)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(DEMO_NOW))
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    return root


def newsroom(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> Ran:
    assert Path.cwd() == root
    code = main(list(args))
    captured = capsys.readouterr()
    return Ran(code, captured.out.splitlines(), captured.err, root)


def item(
    post_id: int,
    title: str = "A story",
    *,
    status: str = "publish",
    body: str = "The text.",
    date: str = "2019-05-03 10:20:00",
    gmt: str = "2019-05-03 05:50:00",
    creator: str = "jdoe",
    link: str = "",
    extra: str = WORLD,
) -> str:
    link = link or f"https://old.example.org/2019/05/03/story-{post_id}/"
    return f"""<item>
<title><![CDATA[{title}]]></title>
<link>{link}</link>
<dc:creator><![CDATA[{creator}]]></dc:creator>
<guid isPermaLink="false">https://old.example.org/?p={post_id}</guid>
<content:encoded><![CDATA[{body}]]></content:encoded>
<excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>{post_id}</wp:post_id>
<wp:post_date><![CDATA[{date}]]></wp:post_date>
<wp:post_date_gmt><![CDATA[{gmt}]]></wp:post_date_gmt>
<wp:post_name><![CDATA[story-{post_id}]]></wp:post_name>
<wp:status><![CDATA[{status}]]></wp:status>
<wp:post_type><![CDATA[post]]></wp:post_type>
{extra}
</item>"""


def wxr(folder: Path, *items: str, head: str = "") -> Path:
    path = folder / "export.xml"
    path.write_text(
        f"""<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Old</title><link>https://old.example.org</link>
<wp:base_blog_url>https://old.example.org</wp:base_blog_url>
{head}
{"".join(items)}
</channel></rss>
""",
        encoding="utf-8",
    )
    return path


def import_wp(root: Path, capsys: pytest.CaptureFixture[str], *items: str, head: str = "") -> Ran:
    export = wxr(root.parent, *items, head=head)
    return newsroom(root, capsys, "import", "--from", "wordpress", str(export))


def test_a_password_protected_post_is_held_back(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    protected = item(1, "Members", extra=WORLD + "<wp:post_password>secret</wp:post_password>")
    ran = import_wp(site, capsys, protected)
    assert ran.code == 0, ran.err
    assert ran.front_matter("2019/05/story-1.md")["draft"] == "true"
    assert "aliases" not in ran.front_matter("2019/05/story-1.md")
    assert any("post 1 'Members': it is password-protected in WordPress" in x for x in ran.out)
    assert "(1 as drafts)" in ran.err


@pytest.mark.parametrize("status", ["inherit", "Publish", "request-pending", "private", ""])
def test_only_the_publish_status_is_published(
    site: Path, capsys: pytest.CaptureFixture[str], status: str
) -> None:
    ran = import_wp(site, capsys, item(1, status=status))
    assert ran.code == 0, ran.err
    assert ran.front_matter("2019/05/story-1.md")["draft"] == "true"
    assert "(1 as drafts)" in ran.err


def material(folder: Path, files: dict[str, str], config: str = "") -> Path:
    """A Material blog's docs folder holding `files` (relative to it), with mkdocs.yml beside
    it."""
    docs = folder / "blog-site" / "docs"
    (docs / "blog/posts").mkdir(parents=True)
    (docs.parent / "mkdocs.yml").write_text(
        config or "site_name: Old blog\nsite_url: https://blog.example.org/\n", encoding="utf-8"
    )
    for name, text in files.items():
        path = docs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return docs


def post(title: str = "A post", *, extra: str = "", body: str = "The text.\n") -> str:
    return (
        f"---\ntitle: {title}\ndate: 2024-03-02\ncategories: [World]\nauthors: [jdoe]\n"
        f"{extra}---\n\n{body}"
    )


def import_material(
    root: Path, capsys: pytest.CaptureFixture[str], files: dict[str, str], config: str = ""
) -> Ran:
    docs = material(root.parent, files, config)
    return newsroom(root, capsys, "import", "--from", "material-blog", str(docs))


@pytest.mark.parametrize("value", ['"true"', "1", "yes", '"on"', "[true]"])
def test_a_material_draft_of_any_spelling_is_held_back(
    site: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    ran = import_material(site, capsys, {"blog/posts/a.md": post(extra=f"draft: {value}\n")})
    assert ran.code == 0, ran.err
    assert ran.front_matter("2024/03/a-post.md")["draft"] == "true"
    assert "(1 as drafts)" in ran.err


def test_an_import_never_takes_the_url_of_an_article_or_page_of_the_site(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    existing = article("Ours", date="2019-05-03T10:00:00+04:30", slug="story-1", section="world")
    (site / "content/articles/2019/05").mkdir(parents=True)
    (site / "content/articles/2019/05/zz-ours.md").write_text(existing, encoding="utf-8")
    (site / "content/about.md").write_text("# About\n", encoding="utf-8")
    moved = item(2, link="https://old.example.org/about/")
    ran = import_wp(site, capsys, item(1), moved)
    assert ran.code == 0, ran.err
    fields = ran.front_matter("2019/05/story-1-2.md")
    assert fields["slug"] == "story-1-2"  # the site's 2019/05/03/story-1/ stays its article's
    assert "aliases" not in fields  # its old address is the site's article's
    assert "aliases" not in ran.front_matter("2019/05/story-2.md")
    assert any(
        line.endswith(
            "its old address /about/ is the address of another article or page of "
            "the site now, so it does not redirect to it"
        )
        for line in ran.out
    ), ran.out


def test_what_a_build_would_only_note_never_drops_a_post(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    many = "".join(
        f'<category domain="post_tag" nicename="t{n}"><![CDATA[Tag {n}]]></category>'
        for n in range(60)
    )
    thumbnail = "<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>9"
    thumbnail += "</wp:meta_value></wp:postmeta>"
    attachment = """<item><title>Pic</title><wp:post_id>9</wp:post_id>
<wp:post_type>attachment</wp:post_type>
<wp:attachment_url>javascript:alert(1)</wp:attachment_url>
<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key>
<wp:meta_value>A picture</wp:meta_value></wp:postmeta></item>"""
    ran = import_wp(
        site,
        capsys,
        item(1, "Empty", body=""),
        item(2, "Tagged", extra=WORLD + many),
        item(3, "Pictured", extra=WORLD + thumbnail),
        attachment,
    )
    assert ran.code == 0, ran.err
    assert "imported 3 (1 as drafts), skipped 0" in ran.err
    assert ran.front_matter("2019/05/story-1.md")["draft"] == "true"
    assert len(ran.front_matter("2019/05/story-2.md")["tags"]) == 50
    assert "image" not in ran.front_matter("2019/05/story-3.md")
    notes = [line for line in ran.out if ": post " in line]
    assert any("post 1 'Empty': it has no text; it is held back as a draft" in n for n in notes)
    assert any("post 2 'Tagged': 60 tags, more than max_tags_per_article" in n for n in notes)
    assert any("post 3 'Pictured': its 'image' was left out:" in n for n in notes), notes
    assert not any("nothing was written" in line or "was skipped" in line for line in ran.out)


def test_a_link_to_a_file_outside_the_source_is_refused_by_its_name(
    site: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("Secret headline\n\nroot:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    wire = site / "wire"
    wire.mkdir()
    (wire / "passwd.txt").symlink_to(secret)
    (wire / "good.txt").write_text("Good headline\n\nGood text.\n", encoding="utf-8")
    ran = newsroom(site, capsys, "import", "wire", "--section", "world", "--author", "jdoe")
    assert ran.code == 0, ran.err
    assert (
        "wire/passwd.txt: skipped: it is a symbolic link to a file outside wire; copy the file "
        "in if it is wire copy"
    ) in ran.out
    assert len(ran.articles()) == 1
    assert not any("root:" in text for text in ran.articles().values())

    secret_post = tmp_path / "secret.md"
    secret_post.write_text(post("Held back", body="root:x:0:0\n"), encoding="utf-8")
    docs = material(tmp_path, {"blog/posts/good.md": post("Good post")})
    (docs / "blog/posts/leak.md").symlink_to(secret_post)
    ran = newsroom(site, capsys, "import", "--from", "material-blog", str(docs))
    assert ran.code == 0, ran.err
    assert (
        f"{docs}: blog/posts/leak.md: not imported: it is a symbolic link to a file outside "
        f"{docs}; copy the file in if it belongs to the blog"
    ) in ran.out
    assert not any("root:" in text for text in ran.articles().values())


def test_a_material_blog_is_read_as_mkdocs_reads_it(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = {
        "blog/posts/kept.md": post("Kept"),
        "blog/posts/long.markdown": post("Long extension"),
        "blog/posts/wip/draft.md": post("Work in progress"),
        "blog/posts/.hidden.md": post("Hidden", body="Hidden text.\n"),
        "blog/posts/.old/older.md": post("Older", body="Hidden text.\n"),
        "blog/posts/private/secret.md": post("Secret", body="Excluded text.\n"),
        "blog/posts/SHOUT.MD": post("Shout", body="Not a page of the blog.\n"),
        "blog/posts/picture.png": "PNG",
    }
    config = (
        "site_name: Old\nmarkdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "exclude_docs: |\n  private/\ndraft_docs: |\n  blog/posts/wip/\n"
    )
    ran = import_material(site, capsys, files, config)
    assert ran.code == 0, ran.err
    assert "imported 3 (1 as drafts), skipped 0" in ran.err
    texts = "".join(ran.articles().values())
    assert "Hidden text" not in texts and "Excluded text" not in texts and "Shout" not in texts
    assert ran.front_matter("2024/03/work-in-progress.md")["draft"] == "true"
    assert (
        f"{site.parent / 'blog-site/docs'}: not imported, as MkDocs left them out of the blog: "
        "3 hidden, or excluded by the blog's exclude_docs; 1 Markdown files of another case "
        "(.MD...), not posts of the blog"
    ) in ran.out


def test_an_imported_story_never_includes_another_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "snippets"
    write_site(root, {}, config={"markdown_extensions": ["pymdownx.snippets"]})
    (root / "held.md").write_text("HELD BACK COPY\n", encoding="utf-8")
    monkeypatch.chdir(root)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(DEMO_NOW))
    body = 'Before.\n\n--8<-- "held.md"\n\n-8<-\nheld.md\n-8<-\n\n;--8<-- "escaped.md"\n'
    ran = import_material(root, capsys, {"blog/posts/a.md": post("Including", body=body)})
    assert ran.code == 0, ran.err
    docs = root.parent / "blog-site/docs"
    assert (
        f"{docs}: blog/posts/a.md: 3 snippet include line(s) ('--8<--') would read other files "
        "of the site; they were made text: copy in what they included, if it belongs to the story"
    ) in ran.out
    ran = import_wp(root, capsys, item(1, body='<p>Text</p>\n--8<-- "held.md"\n'))
    assert ran.code == 0, ran.err
    built = run(root, "mkdocs", "build", "--strict")
    assert built.returncode == 0, built.stderr
    for path in (root / "site").rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".json"):
            assert "HELD BACK COPY" not in path.read_text(encoding="utf-8"), path
    page = (root / "site/2019/05/03/story-1/index.html").read_text(encoding="utf-8")
    assert '--8&lt;-- "held.md"' in page  # shown as the text it is


def test_an_import_id_is_one_post_s_across_blogs_and_guids(
    site: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    copied = item(2, "Copied", extra=WORLD).replace("?p=2</guid>", "?p=1</guid>")
    ran = import_wp(site, capsys, item(1, "First"), copied)
    assert ran.code == 0, ran.err
    assert "imported 2, skipped 0" in ran.err  # one GUID, two posts
    for number in (1, 2):
        docs = material(tmp_path / f"blog{number}", {"blog/posts/a.md": post(f"Blog {number}")})
        (docs.parent / "mkdocs.yml").write_text(
            f"site_name: Blog\nsite_url: https://blog{number}.example.org/\n", encoding="utf-8"
        )
        ran = newsroom(site, capsys, "import", "--from", "material-blog", str(docs))
        assert ran.code == 0, ran.err
        assert "imported 1, skipped 0" in ran.err  # the same path in another blog
        assert ran.front_matter(f"2024/03/blog-{number}.md")["import_id"] == (
            f"material-blog:https://blog{number}.example.org/blog/posts/a.md"
        )


def test_odd_wordpress_dates_and_links_are_one_line_each(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ran = import_wp(
        site,
        capsys,
        item(1, "Far", date="2019-05-03 10:20:00", gmt="2019-05-05 10:20:00"),
        item(2, "Iso", date="2019-05-03T10:20:00+04:30", gmt="2019-05-03T05:50:00Z"),
        item(3, "Odd", date="2019-05-03 10:20:00", gmt="2019-05-03 05:49:17"),
        item(4, "Bad link", link="https://[old.example.org/2019/05/03/x/"),
        item(5, "Zero", date="0000-00-00 00:00:00", gmt="0000-00-00 00:00:00"),
        item(6, "Words", date="yesterday", gmt="soon"),
    )
    assert ran.code == 0, ran.err
    assert "imported 6 (2 as drafts), skipped 0" in ran.err
    fields = {n: ran.front_matter(f"2019/05/story-{n}.md")["date"] for n in (1, 2, 3)}
    assert fields == {
        1: "2019-05-03T10:20:00+00:00",  # the site's zone
        2: "2019-05-03T10:20:00+04:30",
        3: "2019-05-03T10:20:00+04:31",  # rounded to the minute
    }
    said = [line.split("export.xml: ", 1)[-1] for line in ran.out if "export.xml: " in line]
    assert said == [
        "1 published posts have addresses a static site cannot redirect (a query such as ?p=12, "
        "or another host), so no redirect was written for them",
        "post 1 'Far': its post_date_gmt is -48.0 hours from its post_date, more than any time "
        "zone is; it was read in the site's time zone: check it",
        "post 5 'Zero': WordPress gives it no date; it was dated now and held back as a "
        "draft: give it its date",
        "post 6 'Words': its post_date 'yesterday' is not a date; it was left out: correct it "
        "in the article",
        "post 6 'Words': WordPress gives it no date; it was dated now and held back as a "
        "draft: give it its date",
    ]


def test_an_export_in_an_unknown_encoding_is_one_line(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = wxr(site.parent, item(1))
    export.write_text(
        export.read_text(encoding="utf-8").replace('encoding="UTF-8"', 'encoding="bogus-8"'),
        encoding="utf-8",
    )
    ran = newsroom(site, capsys, "import", "--from", "wordpress", str(export))
    assert ran.code == 1
    assert ran.err.count("\n") == 1 and "bogus-8" in ran.err, ran.err


def test_a_post_that_cannot_be_written_is_one_line_and_the_rest_come_in(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (site / "content/articles").mkdir(parents=True)
    (site / "content/articles/2019").write_text("a file where a folder goes", encoding="utf-8")
    later = item(2, "Later", date="2020-01-02 10:00:00", gmt="2020-01-02 10:00:00")
    ran = import_wp(site, capsys, item(1, "Blocked", creator="newbie"), later)
    assert ran.code == 0, ran.err
    assert "imported 1, skipped 1" in ran.err
    blocked = [line for line in ran.out if "post 1 'Blocked': skipped:" in line]
    assert len(blocked) == 1 and "content/articles/2019/05/story-1.md" in blocked[0], ran.out
    assert "2020/01/story-2.md" in ran.articles()
    assert "newbie" not in (site / "content/authors.yml").read_text(encoding="utf-8")
    wire = site / "wire"
    wire.mkdir()
    (wire / "a.txt").write_text("Headline\n\nText.\n", encoding="utf-8")
    (site / "content/articles/2026").write_text("a file where a folder goes", encoding="utf-8")
    ran = newsroom(site, capsys, "import", "wire", "--section", "world", "--author", "jdoe")
    assert ran.code == 0, ran.err
    assert len(ran.out) == 1 and ran.out[0].startswith("wire/a.txt: skipped: "), ran.out


def test_a_yaml_alias_bomb_in_any_file_an_import_reads_is_one_line(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bomb = yaml_bomb(9, "name")
    files = {
        "blog/posts/a.md": post("Kept"),
        "blog/posts/bomb.md": "---\n" + yaml_bomb(9) + "date: 2024-03-02\n---\nBoom.\n",
        "blog/.authors.yml": "authors:\n  jdoe:\n"
        + "".join(f"    {x}\n" for x in bomb.split("\n")),
    }
    config = "site_name: Old\n" + yaml_bomb(9, "exclude_docs")
    ran = import_material(site, capsys, files, config)
    assert ran.code == 0, ran.err
    assert "imported 1, skipped 0" in ran.err
    docs = site.parent / "blog-site/docs"
    assert ran.out[:3] == [
        f"{docs}: {docs}/blog/.authors.yml:1: the file repeats values with YAML aliases "
        "('*name') beyond 10,000 of them; write its values out; authors keep their ids",
        f"{docs}: {docs.parent}/mkdocs.yml:1: the file repeats values with YAML aliases "
        "('*name') beyond 10,000 of them; write its values out; its exclude_docs, draft_docs, "
        "site_url and markdown_extensions were not used: fix it, or check the imported posts",
        f"{docs}: blog/posts/bomb.md:6: field 'a4' repeats values with YAML aliases ('*name') "
        "beyond 10,000 of them; write its values out; it was not imported",
    ], ran.out
    (site / "content/authors.yml").write_text(bomb, encoding="utf-8")
    ran = newsroom(site, capsys, "check")
    assert ran.out == [
        "authors.yml:1: the authors file repeats values with YAML aliases ('*name') "
        "beyond 10,000 of them; fix it. Until then the articles are published without their "
        "authors"
    ], ran.out


def test_what_an_export_holds_that_has_no_place_is_said_once_counted(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    comment = "<wp:comment><wp:comment_id>{}</wp:comment_id></wp:comment>"
    fmt = '<category domain="post_format" nicename="post-format-aside">Aside</category>'
    series = '<category domain="series" nicename="s"><![CDATA[Series]]></category>'
    ran = import_wp(
        site,
        capsys,
        item(1, extra=WORLD + comment.format(1) + comment.format(2) + fmt),
        item(2, extra=WORLD + comment.format(3) + fmt + series),
    )
    assert ran.code == 0, ran.err
    notes = [line.split("export.xml: ", 1)[1] for line in ran.out if "export.xml: " in line]
    assert notes == [
        "not imported: 3 comments on 2 posts (a static site has no comments; keep the export "
        "if they matter)",
        "not imported: terms of taxonomies Newsroom has no equivalent for (post_format: 2, "
        "series: 1); map what matters to tags by hand",
    ]


CLASSIC = (
    "Intro line\nSecond *line*\n<ul>\n<li>One</li>\n<li>Two *x*</li>\n</ul>\n<h2>Head</h2>\n"
    "After *heading* text\n\n    indented line\n1. not a list\n\n<div>\nPara one\n\nPara two\n"
    "</div>\n# Not a heading\n<pre>a\n\n  *b*</pre>"
)


def test_a_classic_editor_body_is_given_paragraphs_as_wordpress_gives_them(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ran = import_wp(site, capsys, item(1, body=CLASSIC))
    assert ran.code == 0, ran.err
    body = ran.articles()["2019/05/story-1.md"].split("---\n", 2)[2]
    assert body == (
        "<p>Intro line<br>\nSecond *line*</p>\n\n<ul>\n\n<li>One</li>\n\n<li>Two *x*</li>\n\n"
        "</ul>\n\n<h2>Head</h2>\n\n<p>After *heading* text</p>\n\n<p>indented line<br>\n"
        "1. not a list</p>\n\n<div>\n<p>Para one</p>\n\n<p>Para two</p>\n</div>\n\n"
        "<p># Not a heading</p>\n\n<pre>a\n\n  *b*</pre>\n"
    )
    built = run(site, "mkdocs", "build", "--strict")
    assert built.returncode == 0, built.stderr
    page = (site / "site/2019/05/03/story-1/index.html").read_text(encoding="utf-8")
    story = page[page.index("<p>Intro line") : page.index("*b*</pre>")]
    assert "<em>" not in story and "<code>" not in story and "<ol>" not in story
    assert vnu_errors(site / "site/2019/05/03/story-1/index.html") == []


def test_a_srcset_is_checked_as_a_src_is(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = (
        '<img src="/a.png" srcset="/a.png 1x, javascript:alert(1) 2x" alt="A">\n'
        '<img src="/b.png" srcset="/b.png 1x, https://cdn.example.org/b.png 2x" alt="B">'
    )
    ran = import_wp(site, capsys, item(1, body=body))
    assert ran.code == 0, ran.err
    text = ran.articles()["2019/05/story-1.md"]
    assert "javascript" not in text and "https://cdn.example.org/b.png 2x" in text
    assert any(
        line.endswith(
            "HTML that could run a script or load another site was removed: 'srcset' on <img>"
        )
        for line in ran.out
    ), ran.out


def test_values_of_the_wrong_type_or_with_html_are_never_written_as_text(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    odd = (
        "---\ntitle: [A, list]\ndate: 2024-03-02\ncategories: [World, {a: b}]\n"
        "authors: [jdoe]\ntags: [one, [two]]\nslug: {x: 1}\ndescription: [x]\n---\n\n"
        "# From the heading\n\nText.\n"
    )
    ran = import_material(site, capsys, {"blog/posts/odd.md": odd})
    assert ran.code == 0, ran.err
    fields = ran.front_matter("2024/03/from-the-heading.md")
    assert (fields["title"], fields["tags"], fields["summary"]) == ("From the heading", ["one"], "")
    notes = [line.split("odd.md: ", 1)[1] for line in ran.out if "odd.md: " in line]
    assert notes == [
        "its 'title' (line 2) is a list, not text; it was left out: write it as text",
        "its 'slug' (line 7) is a mapping, not text; it was left out: write it as text",
        "its 'categories' (line 4) holds a mapping, not a name; it was left out: write each "
        "name as text",
        "its 'tags' (line 6) holds a list, not a name; it was left out: write each name as text",
        "its 'description' (line 8) is a list, not text; it was left out: write it as text",
    ]
    tagged = WORLD + '<category domain="post_tag" nicename="x"><![CDATA[<b>Bold</b> &amp; more]]>'
    ran = import_wp(site, capsys, item(1, extra=tagged + "</category>"))
    assert ran.code == 0, ran.err
    assert ran.front_matter("2019/05/story-1.md")["tags"] == ["Bold & more"]


def test_author_values_are_checked_before_they_reach_the_authors_file(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    authors = (
        'authors:\n  kim:\n    name: [Kim]\n    description: "Writes\\x07 a lot"\n'
        "    avatar: javascript:alert(1)\n    url: https://[kim.example.org/\n"
    )
    files = {
        "blog/.authors.yml": authors,
        "blog/posts/a.md": post(extra="").replace("authors: [jdoe]", "authors: [kim]"),
    }
    ran = import_material(site, capsys, files)
    assert ran.code == 0, ran.err
    docs = site.parent / "blog-site/docs"
    assert [line for line in ran.out if "author 'kim'" in line] == [
        f"{docs}: {docs}/blog/.authors.yml: author 'kim': its 'name' is a list, not text; it "
        "was left out: write it as text",
        f"{docs}: author 'kim': its 'role' held characters no web page can carry; they were "
        "removed",
        f"{docs}: author 'kim': its 'avatar' must be a path inside the site or an http(s) URL, "
        "not 'javascript:alert(1)'; it was left out",
        f"{docs}: author 'kim': its 'url' must be a path inside the site or an http(s) URL, not "
        "'https://[kim.example.org/'; it was left out",
        "content/authors.yml: added author 'kim' (kim)",
    ]
    added = yaml.safe_load((site / "content/authors.yml").read_text(encoding="utf-8"))
    assert added["kim"] == {"name": "kim", "role": "Writes a lot"}
    checked = newsroom(site, capsys, "check")
    assert checked.code == 0, checked.out


def test_no_name_or_title_from_an_archive_can_forge_a_line(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    forged = "Evil\ncontent/articles/x.md (from post 9 'Fine')\u202e" + "x" * 60
    ran = import_wp(site, capsys, item(1, forged, creator="bad\nlogin", body=""))
    assert ran.code == 0, ran.err
    out = "\n".join(ran.out) + ran.err
    assert not any(c in out for c in "\x1b\u202e\r"), out
    # the author added, the draft said, the title's open direction control said, the article
    assert len(ran.out) == 4, ran.out
    assert "its title held the direction control U+202E without its closing one" in ran.out[2]
    assert all(
        "post 1 'Evil content/articles/x.md (from post 9 'Fine')\\u202e" + "x" * 32 + "…'" in line
        for line in ran.out[1:]
    ), ran.out
    name = "blog/posts/two\nlines.md"
    ran = import_material(site, capsys, {name: post("Two\\nlines\\u202e", body="")})
    assert ran.code == 0, ran.err
    assert len(ran.out) == 2 and all("two\\nlines.md" in line for line in ran.out), ran.out


LONG = "Minister says the government will review every hospital contract signed after G7"


def test_an_import_gives_no_post_an_address_the_build_cannot_give(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Not inside a folder of the newsroom's own pages (a build skips such a story), and no
    longer than a slug may be with its `-2` (such a slug could not be written)."""
    write_site(site, {}, plugin={"article_url": "{slug}/"})
    long_slug = slugify(LONG, fallback_prefix="article")
    existing = article(LONG, date="2024-01-02T10:00:00+00:00", section="world")
    (site / "content/articles").mkdir(parents=True, exist_ok=True)
    (site / "content/articles/long.md").write_text(existing, encoding="utf-8")
    posts = {"blog/posts/tags.md": post("Tags"), "blog/posts/long.md": post(f'"{LONG}"')}
    ran = import_material(site, capsys, posts)
    assert ran.code == 0, ran.err
    assert ran.front_matter("2024/03/tags-2.md")["slug"] == "tags-2"
    shortened = long_slug.rsplit("-", 1)[0] + "-2"  # 'g7' gives way to '-2'
    assert ran.front_matter(f"2024/03/{shortened}.md")["slug"] == shortened
    built = run(site, "mkdocs", "build")
    assert built.returncode == 0, built.stderr
    assert "already taken" not in built.stderr and "newsroom's own pages" not in built.stderr
    for slug in ("tags-2", shortened):
        assert (site / "site" / slug / "index.html").is_file()


def test_a_wordpress_players_frame_comes_in_where_the_site_shows_players(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A frame of a player the site's `embed_hosts` names (YouTube's and Vimeo's by default)
    is kept, as a build keeps it; any other is removed and named. A video's address alone in
    its paragraph (WordPress's own embed, or its link where it has no player) comes in as a
    link, named per post; a link the author wrote alone in its paragraph is not named."""
    body = (
        "Before.\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\n"
        '<iframe src="https://www.youtube.com/embed/abcdefghijk" width="560"></iframe>\n\n'
        '<iframe src="https://evil.example/x"></iframe>\n\nAfter.\n\n'
        "https://example.org/a?b=1&c=2\n\nSee https://example.org/x today.\n\n"
        '<a href="https://example.org/own">https://example.org/own</a>\n\n'
        "<p>https://vimeo.com/76979871</p>\n\n"  # the classic editor's, in its paragraph
        '<figure class="wp-block-embed is-type-video"><div class="wp-block-embed__wrapper">\n'
        "https://www.youtube.com/watch?v=block\n</div></figure>\n\n"  # the block editor's
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ"  # the same again
    )
    ran = import_wp(site, capsys, item(1, body=body))
    assert ran.code == 0, ran.err
    text = ran.articles()["2019/05/story-1.md"].split("---\n", 2)[2]
    frames = [line for line in text.splitlines() if line.startswith("<iframe")]
    assert [frame.split('src="')[1].split('"')[0] for frame in frames] == [
        "https://www.youtube.com/embed/abcdefghijk"
    ]
    watch = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    assert f'<p><a href="{watch}">{watch}</a></p>' in text
    named = [line for line in ran.out if "come in as links" in line]
    assert len(named) == 1 and watch in named[0], ran.out
    assert "Before." in text and "<p>After.</p>" in text  # other paragraphs stay as they were
    card = "https://example.org/a?b=1&amp;c=2"  # a post's card in WordPress
    assert f'<p><a href="{card}">{card}</a></p>' in text
    vimeo, block = "https://vimeo.com/76979871", "https://www.youtube.com/watch?v=block"
    assert f'<p><a href="{vimeo}">{vimeo}</a></p>' in text
    assert f'<div class="wp-block-embed__wrapper"><a href="{block}">{block}</a></div>' in text
    # each address once, as it reads: the first three, then how many more
    assert f"{watch}, https://example.org/a?b=1&c=2, {vimeo} and 1 more;" in named[0]
    assert "<p>See https://example.org/x today.</p>" in text  # not alone: as it was
    own = "https://example.org/own"
    assert f'<p><a href="{own}">{own}</a></p>' in text and own not in named[0]
    assert "evil.example" not in text
    assert any("a frame of https://evil.example/x" in line for line in ran.out), ran.out
    built = run(site, "mkdocs", "build")
    assert built.returncode == 0, built.stderr
    page = (site / "site/2019/05/03/story-1/index.html").read_text("utf-8")
    assert page.count("<iframe") == 1 and "a frame" not in built.stderr
    assert f'<a href="{watch}">' in page


def test_a_carriage_return_written_as_a_reference_is_a_line_end(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`&#13;`, which posts pasted from Word keep, is a line end: the post comes in (it was
    skipped, said to have old Mac line ends)."""
    body = "<p>First paragraph.&#13;</p>&#13;\n<p>Second.&#13;\r\nline</p>"
    ran = import_wp(site, capsys, item(1, body=body))
    assert ran.code == 0, ran.err
    assert "imported 1, skipped 0" in ran.err
    text = (site / "content/articles/2019/05/story-1.md").read_bytes()
    assert b"\r" not in text and b"First paragraph." in text and b"Second." in text


def test_addresses_wordpress_embeds_in_any_case_come_in_as_links_and_are_named_short(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """WordPress embeds an address alone in its paragraph in any case (`HTTPS://`), and only
    in a tag whose class is its embed's wrapper (not a class that starts with its name); the
    note names a long address by its start."""
    long = "https://example.org/" + "a" * 300
    body = (
        "<p>HTTPS://Vimeo.com/76979871</p>\n\n"
        '<div class="wp-block-embed__wrapper-note">https://example.org/kept</div>\n\n'
        f"<p>{long}</p>\n\n<p>{long}b</p>\n\n"
        "<p>  https://example.org/spaced  </p>\n\n"  # WordPress allows white space in a <p>
        "Intro.\nhttps://example.org/own-line\nMore.\n\n"  # and embeds a line of its own
        "<p>https://example.org/it's</p>\n\n"
        "<div>\nhttps://example.org/in-a-div\n</div>\n\n"  # a line of its own in any block
        "<p>Watch:\nhttps://example.org/beside-a-p</p>\n\n"
        "<ul><li>https://example.org/beside-a-tag\nhttps://example.org/in-a-list\n</li></ul>\n\n"
        '<div><a href="https://example.org/outer">\nhttps://example.org/in-a-link\n</a></div>\n\n'
        "<div>\nhttps://example.org/x)]}>\n</div>"  # `>` ends an address as WordPress reads it
    )
    ran = import_wp(site, capsys, item(1, body=body))
    assert ran.code == 0, ran.err
    text = ran.articles()["2019/05/story-1.md"].split("---\n", 2)[2]
    assert '<p><a href="HTTPS://Vimeo.com/76979871">HTTPS://Vimeo.com/76979871</a></p>' in text
    assert '<div class="wp-block-embed__wrapper-note">https://example.org/kept</div>' in text
    assert "<li>https://example.org/beside-a-tag<br>" in text  # not alone on its line
    assert "<p>Watch:<br>\nhttps://example.org/beside-a-p</p>" in text
    assert '<a href="https://example.org/outer"><br>\nhttps://example.org/in-a-link<br>' in text
    assert '"https://example.org/x)]}' not in text
    for address in ("spaced", "own-line", "it's", "in-a-div", "in-a-list"):
        linked = f"https://example.org/{address}"
        assert f'<a href="{linked}">{linked}</a>' in text, address
    named = [line for line in ran.out if "come in as links" in line]
    assert len(named) == 1 and "HTTPS://Vimeo.com/76979871" in named[0], ran.out
    # each long address by its start and its end, so that two of them read apart
    assert (
        long not in named[0] and f"{long[:53]}…{long[-26:]}, {long[:53]}…{long[-25:]}b" in named[0]
    )
    assert "example.org/kept" not in named[0] and "in-a-link" not in named[0]
    built = run(site, "mkdocs", "build")
    assert built.returncode == 0, built.stderr
    page = (site / "site/2019/05/03/story-1/index.html").read_text("utf-8")
    assert re.search(r'href="https://vimeo\.com/76979871"', page, re.IGNORECASE), page


def test_a_post_skipped_is_not_said_to_have_come_in(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """What a post would have come in as (its addresses as links) was said before the line
    saying it was skipped, as if it had come in."""
    ran = import_wp(site, capsys, item(1, body="<p>https://example.org/\u202eevil</p>"))
    said = [line for line in ran.out if "post 1" in line or "story-1" in line]
    assert any("skipped" in line for line in said), ran.out
    assert not any("come in as links" in line for line in said), ran.out
