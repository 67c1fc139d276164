"""A corrected headline does not move a story (issue #21, point 1): `newsroom new` and
`newsroom import` write `slug:`, a build warns about a published article without one,
`newsroom check --fix-slugs` writes the slug an article has today, the old address of a
retitled story leads to the new one, and every feed keeps identifying the story by the same id.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urljoin

import feedparser
from lxml import etree

from .checkers import ATOM_NS, rss_problems, validate_atom
from .commands import copy_demo, newsroom, run
from .sites import article, build_site

SOURCE = "articles/2024/05/bus.md"
OLD_URL = "2024/05/01/night-buses-to-run-until-2-a-m/"
NEW_URL = "2024/05/01/night-buses-will-run-until-3-a-m/"
# every feed the story is in: the site's, its section's, its tag's and its author's
FEEDS = ("", "section/world/", "tags/transport/", "authors/jdoe/")


def _story(title: str, **fields: object) -> str:
    return article(
        title,
        "2024-05-01T10:00:00+00:00",
        "Three routes will run at night from January.",
        section="world",
        authors=["jdoe"],
        tags=["Transport"],
        **fields,
    )


def _ids(site_dir: Path) -> dict[str, list[str]]:
    """Every feed's item ids, by feed file, as feedparser and a JSON reader read them."""
    ids: dict[str, list[str]] = {}
    for folder in FEEDS:
        for name in ("feed.xml", "atom.xml"):
            path = site_dir / folder / name
            ids[f"{folder}{name}"] = [entry.id for entry in feedparser.parse(str(path)).entries]
    document = json.loads((site_dir / "feed.json").read_text(encoding="utf-8"))
    ids["feed.json"] = [item["id"] for item in document["items"]]
    return ids


def test_a_retitled_story_keeps_its_old_address_and_its_feed_ids(tmp_path: Path) -> None:
    first = build_site(
        tmp_path / "a", {SOURCE: _story("Night buses to run until 2 a.m.", slug=None)}
    )
    assert first.file(OLD_URL).is_file()
    before = _ids(first.site_dir)
    # the headline is corrected; the desk keeps the old address as an alias
    second = build_site(
        tmp_path / "b",
        {SOURCE: _story("Night buses will run until 3 a.m.", aliases=[f"/{OLD_URL}"])},
        strict=True,
    )
    assert second.warnings == []
    assert second.file(NEW_URL).is_file()
    redirect = second.dom(OLD_URL)
    new = f"https://news.example.org/{NEW_URL}"
    assert redirect.css_first('link[rel="canonical"]').attributes["href"] == new
    refresh = redirect.css_first('meta[http-equiv="refresh"]').attributes["content"] or ""
    old = f"https://news.example.org/{OLD_URL}"
    assert urljoin(old, refresh.removeprefix("0; url=")) == new
    assert urljoin(old, redirect.css_first("body a").attributes["href"] or "") == new
    after = _ids(second.site_dir)
    assert after == before
    (story_id,) = after["feed.json"]
    assert story_id.startswith("urn:uuid:")
    # the links, unlike the ids, follow the story to its new address
    for folder in FEEDS:
        (entry,) = feedparser.parse(str(second.site_dir / folder / "feed.xml")).entries
        assert (entry.id, entry.link) == (story_id, new)
        assert rss_problems(second.site_dir / folder / "feed.xml") == []
        assert validate_atom(second.site_dir / folder / "atom.xml") == []
    guid = etree.parse(second.site_dir / "feed.xml").find("channel/item/guid")
    assert guid is not None and guid.get("isPermaLink") == "false"
    atom = etree.parse(second.site_dir / "atom.xml").find(f"{{{ATOM_NS}}}entry/{{{ATOM_NS}}}id")
    assert atom is not None and atom.text == story_id


def test_feed_ids_come_from_uid_or_wire_id_and_never_from_the_headline(tmp_path: Path) -> None:
    files = {
        "articles/a.md": _story("One", slug="one", uid="https://old.example.org/?p=12"),
        "articles/b.txt": _story("Two", slug="two", wire_id="abc123"),
        "articles/c.md": _story("Three", slug="three", wire_id="abc123", uid="story-c"),
    }
    site = build_site(tmp_path / "a", files)
    renamed = {**files, "articles/b.txt": _story("Two, corrected", slug="two-x", wire_id="abc123")}
    again = build_site(tmp_path / "b", renamed)
    ids = _ids(site.site_dir)["feed.json"]
    assert ids[0] == "https://old.example.org/?p=12"  # a URI given as uid is kept as it is
    assert len(set(ids)) == 3
    assert _ids(again.site_dir)["feed.json"] == ids


def test_a_uid_that_only_looks_like_a_uri_is_made_into_one(tmp_path: Path) -> None:
    """`urn:uuid:` with no UUID, or a web address without a host, is not an id a feed may
    carry as it is: the story is given one made from it, as from any other `uid`."""
    uids = {
        "a": "urn:uuid:",
        "b": "urn:",
        "c": "http:nohost",
        "d": "urn:isbn:0451450523",
        "e": "tag:example.org,2024:story-e",
    }
    files = {f"articles/{n}.md": _story(n.upper(), slug=n, uid=uid) for n, uid in uids.items()}
    feed = json.loads((build_site(tmp_path, files).site_dir / "feed.json").read_text("utf-8"))
    ids = {item["url"].rstrip("/").rsplit("/", 1)[-1]: item["id"] for item in feed["items"]}
    assert ids["d"] == uids["d"] and ids["e"] == uids["e"]
    made = re.compile(
        r"urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"
    )
    assert all(made.fullmatch(ids[n]) for n in ("a", "b", "c")), ids
    assert len(set(ids.values())) == 5


def test_a_published_story_without_a_slug_is_one_warning(tmp_path: Path) -> None:
    files = {
        SOURCE: _story("Night buses to run until 2 a.m.", slug=None),
        "articles/draft.md": _story("A draft still being written", slug=None, draft=True),
        "articles/later.md": _story_at("Scheduled", "2099-01-01T00:00:00+00:00", slug=None),
        "articles/pinned.md": _story("Pinned", slug="pinned"),
    }
    site = build_site(tmp_path, files)
    assert site.warnings == [
        f"newsroom: {source}: no 'slug' in the front matter, so its URL follows the headline "
        "and a corrected headline would move the story; add 'slug: "
        f"{slug}' (newsroom check --fix-slugs writes it)"
        for source, slug in (
            (SOURCE, "night-buses-to-run-until-2-a-m"),
            ("articles/later.md", "scheduled"),
        )
    ]


def _story_at(title: str, date: str, author: str = "jdoe", **fields: object) -> str:
    return article(title, date, "Text.", section="world", authors=[author], **fields)


def test_check_fix_slugs_writes_the_slug_each_story_has_today(tmp_path: Path) -> None:
    root = copy_demo(tmp_path / "portal")
    articles = root / "content" / "articles"
    twin = _story_at(
        "City council approves a year-long night bus trial",
        "2026-11-24T18:05:00+04:30",
        "mariam-rahimi",
    )
    (articles / "twin.md").write_text(
        "\n".join(line for line in twin.split("\n") if not line.startswith("slug:")),
        encoding="utf-8",
    )
    before = newsroom(root, "check")
    assert before.returncode == 1
    assert "twin.md: no 'slug' in the front matter" in before.stdout
    url_before = _urls(root, tmp_path / "before")
    fixed = newsroom(root, "check", "--fix-slugs")
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    # the demo's own stories have slugs; the twin's URL took a -2, which it keeps
    assert (
        "newsroom: content/articles/twin.md: slug: city-council-approves-a-year-long-night-bus-"
        "trial-2 (written)"
    ) in fixed.stderr
    text = (articles / "twin.md").read_bytes()
    assert text.endswith(
        b"\nslug: city-council-approves-a-year-long-night-bus-trial-2\n---\nText.\n"
    )
    assert newsroom(root, "check").returncode == 0
    assert _urls(root, tmp_path / "after") == url_before


def _urls(root: Path, site_dir: Path) -> list[str]:
    """The sitemap's addresses of a build of the portal at `root`."""
    shutil.rmtree(site_dir, ignore_errors=True)
    built = run(root, "mkdocs", "build", "-q", "-d", str(site_dir))
    assert built.returncode == 0, built.stderr
    tree = etree.parse(site_dir / "sitemap.xml")
    return sorted(loc.text or "" for loc in tree.iter("{*}loc"))


def test_new_and_import_write_the_slug(tmp_path: Path) -> None:
    root = copy_demo(tmp_path / "portal")
    made = newsroom(
        root,
        "new",
        "Night buses: a second route",
        "--section",
        "politics",
        "--author",
        "mariam-rahimi",
    )
    assert made.returncode == 0, made.stderr
    written = (root / made.stdout.strip()).read_text(encoding="utf-8")
    assert "\nslug: night-buses-a-second-route\n" in written
    wire = tmp_path / "wire"
    wire.mkdir()
    (wire / "a.txt").write_text("Floods close the Salang pass\n\nThe road is shut.\n", "utf-8")
    imported = newsroom(root, "import", str(wire), "--section", "world", "--author", "khaama-desk")
    assert imported.returncode == 0, imported.stderr
    (path,) = (root / "content" / "articles").rglob("floods-close-the-salang-pass.txt")
    text = path.read_text(encoding="utf-8")
    assert "\nslug: floods-close-the-salang-pass\n" in text
    assert "\nsyndicated: true\n" in text
    # the only problem left: the new story is still to be written
    (problem,) = newsroom(root, "check").stdout.splitlines()
    assert "night-buses-a-second-route.md" in problem and "has no text" in problem


def _git(root: Path, *args: str) -> None:
    identity = ["-c", "user.name=Desk", "-c", "user.email=desk@example.org"]
    done = subprocess.run(["git", *identity, *args], cwd=root, capture_output=True, check=False)
    assert done.returncode == 0, done.stderr


def test_check_offers_an_alias_when_an_uncommitted_change_moves_a_story(tmp_path: Path) -> None:
    root = copy_demo(tmp_path / "portal")
    _git(root, "init", "-q")
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "The portal")
    story = root / "content/articles/2026/11/wheat-prices.md"
    old = "2026/11/22/wheat-prices-fall-for-a-third-month-as-harvest-beats-forecasts/"
    text = story.read_text(encoding="utf-8")
    story.write_text(
        text.replace(
            "slug: wheat-prices-fall-for-a-third-month-as-harvest-beats-forecasts",
            "slug: wheat-prices-fall-again",
        ),
        encoding="utf-8",
    )
    moved = newsroom(root, "check")
    assert moved.returncode == 1
    assert moved.stdout.splitlines() == [
        "articles/2026/11/wheat-prices.md: its address moves from "
        f"/{old} (at the last commit) to /2026/11/22/wheat-prices-fall-again/; add "
        f"'aliases: [/{old}]' so that links to the old one keep working"
    ]
    moved_text = story.read_text(encoding="utf-8")
    story.write_text(moved_text.replace("\n---\n", f"\naliases: [/{old}]\n---\n", 1), "utf-8")
    assert newsroom(root, "check").returncode == 0
    # a headline corrected under a pinned slug moves nothing: nothing to offer
    story.write_text(text.replace("title: Wheat prices", "title: Wheat and flour prices"), "utf-8")
    assert newsroom(root, "check").returncode == 0


def test_a_suffix_never_takes_the_address_a_story_writes(tmp_path: Path) -> None:
    """Two stories that write one slug: the later gets a suffix, never the `-2` a third story
    writes as its own slug (adding a duplicate would move that published story)."""
    files = {
        "articles/a.md": article("First", slug="same", date="2024-05-01T09:00:00+00:00"),
        "articles/b.md": article("Second", slug="same", date="2024-05-01T10:00:00+00:00"),
        "articles/c.md": article("Pinned", slug="same-2", date="2024-05-01T11:00:00+00:00"),
    }
    site = build_site(tmp_path, files)
    assert "First" in site.html("2024/05/01/same/")
    assert "Pinned" in site.html("2024/05/01/same-2/")
    assert "Second" in site.html("2024/05/01/same-3/")
    assert len(site.warnings) == 1 and "articles/b.md" in site.warnings[0]


def test_a_held_back_storys_written_slug_stays_its_own(tmp_path: Path) -> None:
    """A draft (or a scheduled or expired story) that writes `slug: same-2` keeps that
    address for the day it is out: a published duplicate's suffix skips it."""
    files = {
        "articles/a.md": article("First", slug="same", date="2024-05-01T09:00:00+00:00"),
        "articles/b.md": article("Second", slug="same", date="2024-05-01T10:00:00+00:00"),
        "articles/d.md": article("Draft", slug="same-2", draft=True),
    }
    site = build_site(tmp_path, files)
    assert "Second" in site.html("2024/05/01/same-3/")
    assert not site.file("2024/05/01/same-2/").exists()
    preview = build_site(tmp_path / "preview", files, command="serve")
    assert "Draft" in preview.html("2024/05/01/same-2/")
    assert "Second" in preview.html("2024/05/01/same-3/")
