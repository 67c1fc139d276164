"""The hostile review of #21: a written slug keeps its address, `newsroom new` writes no slug
whose address is taken, `newsroom check --fix-slugs` writes only what it can write back."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_newsroom.slugs import slugify

from .commands import copy_demo, newsroom, run
from .sites import article, build_site, write_site


def _body(site_dir: Path, url: str) -> str:
    return (site_dir / url / "index.html").read_text(encoding="utf-8")


def test_a_written_slug_then_the_earlier_date_keeps_an_address(tmp_path: Path) -> None:
    files = {
        # live, its slug written; a back-filled archive story makes the same slug of its title
        "articles/2026/11/s1.md": article("Story 1", "2026-11-20T10:00:00+00:00", "Live."),
        "articles/2019/05/backfill.md": article(
            "Story 1", "2019-05-01T10:00:00+00:00", "Archive.", slug=None
        ),
        # both written: the one published first keeps it, whatever the paths
        "articles/a.md": article("Two", "2024-06-01T10:00:00+00:00", "Later.", slug="two"),
        "articles/b.md": article("Two", "2024-05-01T10:00:00+00:00", "Earlier.", slug="two"),
    }
    site = build_site(tmp_path, files, plugin={"article_url": "{slug}/"})
    assert "Live." in _body(site.site_dir, "story-1")
    assert "Archive." in _body(site.site_dir, "story-1-2")
    assert "Earlier." in _body(site.site_dir, "two")
    assert "Later." in _body(site.site_dir, "two-2")
    moved = [line for line in site.warnings if "already taken" in line]
    assert sorted(moved) == [
        "newsroom: articles/2019/05/backfill.md: its URL story-1/ is already taken by "
        "articles/2026/11/s1.md; it was published at story-1-2/ instead. Give one of the two "
        "a different 'slug'",
        "newsroom: articles/a.md: its URL two/ is already taken by articles/b.md; it was "
        "published at two-2/ instead. Give one of the two a different 'slug'",
    ]
    # the story without a written slug is told to write the one it has, never the other's
    assert any("backfill.md" in line and "'slug: story-1-2'" in line for line in site.warnings)


def test_new_writes_no_slug_whose_address_is_taken(tmp_path: Path) -> None:
    root = copy_demo(tmp_path / "portal")
    headline = "Wheat prices fall for a third month as harvest beats forecasts"
    args = ("--section", "business", "--author", "mariam-rahimi", "--date", "2026-11-22T09:00")
    made = newsroom(root, "new", headline, *args)
    assert made.returncode == 0, made.stderr
    written = (root / made.stdout.strip()).read_text(encoding="utf-8")
    slug = "wheat-prices-fall-for-a-third-month-as-harvest-beats-forecasts"
    assert f"\nslug: {slug}-2\n" in written
    assert f"so the new one has 'slug: {slug}-2'" in made.stderr


# deep enough that Python-Markdown fails on it (RecursionError): the story is not published
NESTED = "".join("    " * depth + "- item\n" for depth in range(300))


def test_new_takes_no_address_a_page_an_alias_or_an_unrendered_story_has(
    tmp_path: Path,
) -> None:
    """Front matter alone decides an address: a story whose body cannot be rendered now keeps
    its address for when it is fixed, and an alias or a page holds its own too."""
    files: dict[str, str | bytes] = {
        "articles/deep.md": article("Budget day", body=NESTED),
        "articles/moved.md": article("Moved", aliases=["harvest-report/"]),
        "weather.md": "# Weather\n\nSunny.\n",
    }
    root = tmp_path / "site"
    write_site(root, files, plugin={"article_url": "{slug}/"})
    args = ("--section", "business", "--author", "jdoe", "--date", "2024-05-02T09:00")
    for headline, slug in (
        ("Budget day", "budget-day"),
        ("Harvest report", "harvest-report"),
        ("Weather", "weather"),
    ):
        made = newsroom(root, "new", headline, *args)
        assert made.returncode == 0, made.stderr
        written = (root / made.stdout.strip()).read_text(encoding="utf-8")
        assert f"\nslug: {slug}-2\n" in written, (headline, made.stderr)
    built = newsroom(root, "check")
    assert "its URL" not in built.stderr  # no new story takes another's address


LONG = "Minister says the government will review every hospital contract signed after G7"


def test_new_writes_a_slug_the_build_gives_as_it_is(tmp_path: Path) -> None:
    """Not inside a folder of the newsroom's own pages (a listing's, an edition's), not on a
    page of the site whatever its kind, and no longer than a slug may be with its `-2`."""
    long_slug = slugify(LONG, fallback_prefix="article")
    assert len(long_slug) == 80  # the longest a slug may be
    files: dict[str, str | bytes] = {
        "articles/long.md": article(LONG),
        "static-one/index.html": "<!doctype html><title>Static</title><p>Static page.</p>\n",
    }
    root = tmp_path / "site"
    plugin = {
        "article_url": "{slug}/",
        "editions": {"en": {"title": "English"}, "ps": {"title": "پښتو"}},
    }
    write_site(root, files, plugin=plugin)
    args = ("--section", "business", "--author", "jdoe", "--date", "2024-05-02T09:00")
    written = {}
    for headline in ("Tags", "PS", "Static one", LONG):
        made = newsroom(root, "new", headline, *args)
        assert made.returncode == 0, made.stderr
        text = (root / made.stdout.strip()).read_text(encoding="utf-8")
        written[headline] = next(line[6:] for line in text.splitlines() if line.startswith("slug:"))
    shortened = long_slug.rsplit("-", 1)[0] + "-2"  # 'g7' gives way to '-2'
    assert written == {
        "Tags": "tags-2",
        "PS": "ps-2",
        "Static one": "static-one-2",
        LONG: shortened,
    }
    built = run(root, "mkdocs", "build")
    assert built.returncode == 0, built.stderr
    assert "already taken" not in built.stderr and "newsroom's own pages" not in built.stderr
    for slug in written.values():
        assert (root / "site" / slug / "index.html").is_file()


DATE = "date: 2024-05-01T10:00:00+00:00"
FIX_SLUGS_FILES: dict[str, str | bytes] = {
    "articles/flow.md": f"---\n{{title: Flow, {DATE}}}\n---\nText.\n",
    "articles/indented.md": f"---\n  title: Indented\n  {DATE}\n---\nText.\n",
    "articles/empty.md": f"---\ntitle: Empty\nslug:\n{DATE}\n---\nText.\n",
    "articles/tilde.md": f"---\ntitle: Tilde\nslug: ~\n{DATE}\n---\nText.\n",
    "articles/bad.md": f"---\ntitle: Bad\nslug: Not A Slug\n{DATE}\n---\nText.\n",
    "articles/kept.md": f"---\ntitle: Kept\n{DATE}\nsummary: |+\n  Two lines kept.\n\n---\nT.\n",
    "articles/latin.md": f"---\ntitle: Caf\xe9\n{DATE}\n---\nText.\n".encode("cp1252"),
    "articles/mac.md": f"---\rtitle: Mac\r{DATE}\r---\rText.\r".encode(),
}


def _front(path: Path) -> dict[str, object]:
    import yaml

    text = path.read_text(encoding="utf-8")
    loaded = yaml.safe_load(text.split("\n---\n", 1)[0].removeprefix("---\n"))
    assert isinstance(loaded, dict)
    return loaded


def test_fix_slugs_writes_only_what_reads_back_the_same(tmp_path: Path) -> None:
    root = tmp_path / "site"
    write_site(root, FIX_SLUGS_FILES)
    docs = root / "content" / "articles"
    outside = tmp_path / "outside.md"
    outside.write_text(f"---\ntitle: Outside\n{DATE}\n---\nText.\n", encoding="utf-8")
    (docs / "link.md").symlink_to(outside)
    (docs / "indented.md").chmod(0o640)
    before = {path.name: path.read_bytes() for path in docs.iterdir()}
    # only the files named are touched
    one = newsroom(root, "check", "--fix-slugs", "articles/tilde.md")
    assert "content/articles/tilde.md: slug: tilde (written)" in one.stderr
    after = {path.name: path.read_bytes() for path in docs.iterdir()}
    assert [name for name in before if before[name] != after[name]] == ["tilde.md"]
    assert (docs / "tilde.md").read_text(encoding="utf-8").count("slug:") == 1
    fixed = newsroom(root, "check", "--fix-slugs")
    assert "Traceback" not in fixed.stderr
    lines = [line for line in fixed.stderr.splitlines() if "slug" in line]
    for name in ("indented", "empty", "bad", "kept"):
        assert f"newsroom: content/articles/{name}.md: slug: {name} (written)" in lines
        assert _front(docs / f"{name}.md")["slug"] == name
    for name, why in (
        ("flow", "is not written one 'key: value' a line"),
        ("latin", "it is not UTF-8"),
        ("mac", "its lines end in CR alone"),
        ("link", "outside the content folder"),
    ):
        (line,) = [
            line for line in lines if f"content/articles/{name}.md: slug not written" in line
        ]
        assert why in line
    # the problem line of a file it could not write no longer points back at --fix-slugs
    (problem,) = [line for line in fixed.stdout.splitlines() if "articles/flow.md:" in line]
    assert problem.endswith("add 'slug: flow'"), problem
    assert (docs / "flow.md").read_bytes() == before["flow.md"]
    assert outside.read_text(encoding="utf-8").count("slug") == 0
    assert (docs / "empty.md").read_text(encoding="utf-8").count("slug:") == 1
    assert (docs / "bad.md").read_text(encoding="utf-8").count("slug:") == 1
    # a last `|+` block keeps its value (the slug goes first instead of last)
    assert _front(docs / "kept.md")["summary"] == "Two lines kept.\n"
    assert (docs / "kept.md").read_text(encoding="utf-8").endswith("  Two lines kept.\n\n---\nT.\n")
    assert _front(docs / "indented.md")["title"] == "Indented"
    assert (docs / "indented.md").stat().st_mode & 0o777 == 0o640


def _feed_ids(site_dir: Path) -> dict[str, list[str]]:
    import json

    import feedparser

    ids = {
        name: [entry.id for entry in feedparser.parse(str(site_dir / name)).entries]
        for name in ("feed.xml", "atom.xml")
    }
    document = json.loads((site_dir / "feed.json").read_text(encoding="utf-8"))
    ids["feed.json"] = [item["id"] for item in document["items"]]
    return ids


def test_two_stories_of_one_feed_id_are_told_and_kept_apart(tmp_path: Path) -> None:
    files = {
        "articles/a.md": article("One", wire_id="abc123"),
        "articles/b.md": article("Two", wire_id="abc123"),  # copied from a.md
        "articles/c.md": article("Three", uid="same"),
        "articles/d.md": article("Four", uid="same"),
    }
    site = build_site(tmp_path / "a", files)
    for later, earlier, uid in (("b", "a", "abc123"), ("d", "c", "same")):
        assert (
            f"newsroom: articles/{later}.md: its feed id (uid '{uid}') is also that of "
            f"articles/{earlier}.md, so feed readers would see one story; its feeds' id was "
            f"made from 'articles/{later}' instead. Give it a 'uid' of its own (or remove a "
            "'wire_id' copied from the other)"
        ) in site.warnings
    for ids in _feed_ids(site.site_dir).values():
        assert len(ids) == len(set(ids)) == 4
    checked = newsroom(tmp_path / "a", "check")
    assert "articles/b.md: its feed id (uid 'abc123') is also" in checked.stdout


def test_feed_ids_do_not_follow_the_case_of_the_host_nor_how_a_uid_path_is_written(
    tmp_path: Path,
) -> None:
    first = build_site(tmp_path / "a", {"articles/x.md": article("X", uid="articles/old")})
    second = build_site(
        tmp_path / "b",
        {"articles/x.md": article("X", uid="/articles/old.md")},
        config={"site_url": "https://NEWS.Example.org/"},
    )
    assert _feed_ids(first.site_dir) == _feed_ids(second.site_dir)


def test_check_tells_a_renamed_file_whose_feed_id_follows_its_path(tmp_path: Path) -> None:
    import subprocess

    root = copy_demo(tmp_path / "portal")

    def git(*args: str) -> None:
        identity = ["-c", "user.name=Desk", "-c", "user.email=desk@example.org"]
        done = subprocess.run(["git", *identity, *args], cwd=root, capture_output=True)
        assert done.returncode == 0, done.stderr

    git("init", "-q")
    git("add", ".")
    git("commit", "-q", "-m", "The portal")
    git("mv", "content/articles/2026/11/cricket-final.md", "content/articles/2026/11/cricket.md")
    renamed = newsroom(root, "check")
    assert renamed.stdout.splitlines() == [
        "articles/2026/11/cricket.md: its file was articles/2026/11/cricket-final.md "
        "at the last commit, and feeds know a story by its file's first path: add 'uid: "
        "articles/2026/11/cricket-final' so that feed readers keep its item"
    ]
    story = root / "content/articles/2026/11/cricket.md"
    text = story.read_text(encoding="utf-8")
    story.write_text(text.replace("\n---\n", "\nuid: articles/2026/11/cricket-final\n---\n", 1))
    assert newsroom(root, "check").returncode == 0


def test_a_suffix_the_slug_cannot_hold_is_never_pinned_as_the_other_articles_slug(
    tmp_path: Path,
) -> None:
    files = {
        "articles/a.md": article("Same", "2024-05-01T10:00:00+00:00", "A.", slug=None),
        "articles/b.md": article("Same", "2024-05-02T10:00:00+00:00", "B.", slug=None),
    }
    plugin = {"article_url": "{slug}/{date:%Y}/"}
    site = build_site(tmp_path, files, plugin=plugin)
    told = [line for line in site.warnings if "no 'slug'" in line]
    assert told[0].endswith("add 'slug: same' (newsroom check --fix-slugs writes it)")
    assert told[1] == (
        "newsroom: articles/b.md: no 'slug' in the front matter, so its URL follows the "
        "headline and a corrected headline would move the story; its URL same/2024-2/ took a "
        "suffix its slug cannot hold, so give it a slug of its own that no other article has"
    )
    fixed = newsroom(tmp_path, "check", "--fix-slugs")
    assert "content/articles/a.md: slug: same (written)" in fixed.stderr
    assert (
        "content/articles/b.md: slug not written: its URL same/2024-2/ took a suffix its slug "
        "cannot hold; give it a slug of its own by hand"
    ) in fixed.stderr
    assert "slug:" not in (tmp_path / "content/articles/b.md").read_text(encoding="utf-8")


def test_a_file_fix_slugs_cannot_write_is_one_line_and_left_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mkdocs_newsroom.cli.slug_pinning import NotWritten, write_slug

    docs = tmp_path / "content"
    docs.mkdir()
    story = docs / "a.md"
    text = f"---\ntitle: A\n{DATE}\n---\nText.\n"
    story.write_text(text, encoding="utf-8")

    def refuse(self: Path, target: Path) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "replace", refuse)
    with pytest.raises(NotWritten, match=r"^it could not be written \(Permission denied\)$"):
        write_slug(story, docs, "a")
    assert story.read_text(encoding="utf-8") == text
    assert [path.name for path in docs.iterdir()] == ["a.md"]  # no temporary file left


def test_a_held_back_story_never_takes_a_published_one_s_feed_id(tmp_path: Path) -> None:
    files = {
        # the draft and the scheduled story sort first by path: they must still lose the id
        "articles/a-draft.md": article("Draft", uid="same", draft=True),
        "articles/b-later.md": article("Later", uid="same", date="2099-01-01T10:00:00+00:00"),
        "articles/c-out.md": article("Out", uid="same"),
    }
    site = build_site(tmp_path / "a", files)
    for held in ("a-draft", "b-later"):
        assert (
            f"newsroom: articles/{held}.md: its feed id (uid 'same') is also that of "
            f"articles/c-out.md, so feed readers would see one story; its feeds' id was "
            f"made from 'articles/{held}' instead. Give it a 'uid' of its own (or remove a "
            "'wire_id' copied from the other)"
        ) in site.warnings
    assert not [line for line in site.warnings if "articles/c-out.md: its feed id" in line]
    alone = build_site(tmp_path / "b", {"articles/c-out.md": files["articles/c-out.md"]})
    assert _feed_ids(site.site_dir) == _feed_ids(alone.site_dir)
