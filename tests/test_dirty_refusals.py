"""`mkdocs build --dirty` where the site folder will not do as the build asks, and where it
holds what looks like Newsroom's but is not (the seventeenth session's hostile review): a
file the file system keeps is one line naming it and what to do, never a traceback, and the
build goes on; what is the site's own, or outside the site folder, is never removed; what
Newsroom's own pages showed of a story held back since goes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from .commands import ENV, run
from .refusing import refuse
from .sites import Site, article, photo, write_site

SECRET = "Zanzibarquux"
STORY = article(
    f"{SECRET} council vote",
    "2024-05-01T10:00:00Z",
    section="world",
    tags=["Council"],
    authors=["jdoe"],
    slug="council-vote",
    body=f"The {SECRET} body.",
)
OTHER = article("Markets open", "2024-05-02T10:00:00Z", section="business", tags=["Council"])
DRAFTED = article(f"{SECRET} council vote", "2024-05-01T10:00:00Z", section="world", draft=True)


def _build_then_draft(root: Path, files: dict[str, str | bytes] | None = None) -> Site:
    """A site with the story and another, built clean; the story a draft since."""
    write_site(root, {"articles/a.md": STORY, "articles/b.md": OTHER, **(files or {})})
    done = run(root, "mkdocs", "build")
    assert done.returncode == 0, done.stderr
    (root / "content/articles/a.md").write_text(DRAFTED, encoding="utf-8")
    return Site(root)


def _holding(site: Site, word: str) -> list[str]:
    files = [p for p in site.site_dir.rglob("*") if p.is_file() and not p.is_symlink()]
    return sorted(
        str(p.relative_to(site.site_dir)) for p in files if word.encode() in p.read_bytes()
    )


def _warnings(stderr: str) -> list[str]:
    return [
        line for line in stderr.splitlines() if line.startswith("WARNING") and "newsroom" in line
    ]


@pytest.mark.parametrize("search", [True, False], ids=["search", "search off since"])
def test_search_files_the_file_system_keeps_are_named_and_the_build_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, search: bool
) -> None:
    """No file of Newsroom's search index may be written or removed: each is one line, no
    traceback, and the build still removes the story's page and writes its listings again.
    With search turned off since, the index an earlier build wrote cannot all go: the files
    left are named (they hold the story)."""
    site = _build_then_draft(tmp_path)
    if not search:
        config = tmp_path / "mkdocs.yml"
        settings = yaml.safe_load(config.read_text(encoding="utf-8"))
        settings["plugins"][0] = {"search": {"enabled": False}}
        config.write_text(yaml.safe_dump(settings), encoding="utf-8")
    refuse(tmp_path, monkeypatch, ENV, "/search/newsroom/")
    dirty = run(tmp_path, "mkdocs", "build", "--dirty")
    assert dirty.returncode == 0, dirty.stderr
    assert "Traceback" not in dirty.stderr
    left = _holding(site, SECRET)
    assert left and all(path.startswith("search/newsroom/") for path in left), left
    said = _warnings(dirty.stderr)
    for path in left:
        assert [line for line in said if f"/{path}: " in line], path
    assert all("/search/newsroom/" in line and "writable" in line for line in said)


def test_a_file_named_as_a_build_record_shields_no_folder_the_build_writes_into(
    tmp_path: Path,
) -> None:
    """Only another site's build record, in a folder this build writes nothing into, keeps a
    folder from `--dirty`'s removals: not any file of that name (the site's own `{}`), nor a
    record copied into a folder of this site's pages."""
    record = (tmp_path / "record.json").as_posix()
    site = _build_then_draft(tmp_path, {"2024/newsroom-build.json": "{}"})
    copied = json.loads((site.site_dir / "newsroom-build.json").read_text(encoding="utf-8"))
    Path(record).write_text(json.dumps(copied), encoding="utf-8")
    (site.site_dir / "2024/05/newsroom-build.json").write_text(json.dumps(copied), "utf-8")
    dirty = run(tmp_path, "mkdocs", "build", "--dirty")
    assert dirty.returncode == 0, dirty.stderr
    assert _holding(site, SECRET) == []


def test_an_earlier_redirect_the_file_system_keeps_says_to_delete_it_not_the_alias(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    aliased = STORY.replace("slug: council-vote", "slug: council-vote\naliases: [/old/vote/]")
    write_site(tmp_path, {"articles/a.md": aliased, "articles/b.md": OTHER})
    assert run(tmp_path, "mkdocs", "build").returncode == 0
    (tmp_path / "content/articles/a.md").write_text(DRAFTED, encoding="utf-8")
    moved = OTHER.replace("section: business", "section: business\naliases: [/old/vote/]")
    (tmp_path / "content/articles/b.md").write_text(moved, encoding="utf-8")
    refuse(tmp_path, monkeypatch, ENV, "/old/vote/")
    dirty = run(tmp_path, "mkdocs", "build", "--dirty")
    assert dirty.returncode == 0, dirty.stderr
    said = _warnings(dirty.stderr)
    assert len(said) == 1, said
    assert "old/vote/index.html: could not be written into the site folder" in said[0]
    assert "writable" in said[0] and "remove the alias" not in said[0]


def test_a_page_the_file_system_keeps_from_being_written_again_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A live story's page and the site's feed, which listed the story held back since, may
    not be written again: a line for each, not a traceback, and the other pages are."""
    site = _build_then_draft(tmp_path)
    refuse(tmp_path, monkeypatch, ENV, "markets-open")
    dirty = run(tmp_path, "mkdocs", "build", "--dirty")
    assert dirty.returncode == 0, dirty.stderr
    assert "Traceback" not in dirty.stderr
    said = _warnings(dirty.stderr)
    assert len(said) == 1 and "2024/05/02/markets-open/index.html: could not be written" in said[0]
    assert _holding(site, SECRET) == ["2024/05/02/markets-open/index.html"]


def test_the_site_s_own_pages_lose_a_page_held_back_since_from_their_tabs(
    tmp_path: Path,
) -> None:
    """A page of the site's own (not a story) held back by `draft: true`: gone from the tabs
    of the other pages of the site's own too, which MkDocs would not write again."""
    leak = f"---\ntitle: {SECRET} plans\n---\n\nPlans.\n"
    about = "---\ntitle: About us\n---\n\nWho we are.\n"
    site = _build_then_draft(tmp_path, {"leak.md": leak, "about.md": about})
    assert SECRET in (site.site_dir / "about/index.html").read_text(encoding="utf-8")
    drafted = leak.replace("title:", "draft: true\ntitle:")
    (tmp_path / "content/leak.md").write_text(drafted, encoding="utf-8")
    dirty = run(tmp_path, "mkdocs", "build", "--dirty")
    assert dirty.returncode == 0, dirty.stderr
    assert _holding(site, SECRET) == []
    assert "About us" in (site.site_dir / "about/index.html").read_text(encoding="utf-8")


def test_a_feed_put_into_the_site_folder_by_hand_stays(tmp_path: Path) -> None:
    """A feed of the site's own, naming its own address as Newsroom's feeds do, but not
    Newsroom as its generator, is not Newsroom's to remove."""
    site = _build_then_draft(tmp_path)
    podcast = (
        '<?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">'
        '<channel><title>Our podcast</title><atom:link href="https://news.example.org/podcast/'
        'feed.xml" rel="self"/><item><title>One</title></item></channel></rss>'
    )
    (site.site_dir / "podcast").mkdir()
    (site.site_dir / "podcast/feed.xml").write_text(podcast, encoding="utf-8")
    dirty = run(tmp_path, "mkdocs", "build", "--dirty")
    assert dirty.returncode == 0, dirty.stderr
    assert (site.site_dir / "podcast/feed.xml").read_text(encoding="utf-8") == podcast
    assert _holding(site, SECRET) == []
    assert "<generator>Newsroom</generator>" in (site.site_dir / "feed.xml").read_text("utf-8")


def test_nothing_a_link_leads_to_outside_the_site_folder_is_removed(tmp_path: Path) -> None:
    """`site/images` a link to the content's own folder: the picture only the story held back
    used is the reporter's original there, not a copy, and stays (with a line saying why)."""
    lead = "slug: council-vote\nimage: {src: images/held.jpg, alt: The council}"
    pictured = STORY.replace("slug: council-vote", lead)
    write_site(tmp_path, {"articles/a.md": pictured, "articles/b.md": OTHER})
    original = tmp_path / "content/images/held.jpg"
    original.parent.mkdir()
    original.write_bytes(photo(64, 48))
    assert run(tmp_path, "mkdocs", "build").returncode == 0
    copied = tmp_path / "site/images"
    for file in copied.iterdir():
        file.unlink()
    copied.rmdir()
    copied.symlink_to("../content/images")
    drafted = pictured.replace("slug: council-vote", "slug: council-vote\ndraft: true")
    (tmp_path / "content/articles/a.md").write_text(drafted, encoding="utf-8")
    dirty = run(tmp_path, "mkdocs", "build", "--dirty")
    assert dirty.returncode == 0, dirty.stderr
    assert original.is_file()
    said = _warnings(dirty.stderr)
    assert any(
        "images/held.jpg" in line and "a link in the site folder leads this out of it" in line
        for line in said
    ), dirty.stderr


@pytest.mark.parametrize(
    ("linked", "builds"),
    [
        ("search/newsroom", [["--dirty"]]),
        ("search", [["--dirty"], []]),
        ("tags", [["--dirty"], []]),
    ],
)
def test_nothing_is_written_or_removed_through_a_link_out_of_the_site_folder(
    tmp_path: Path, linked: str, builds: list[list[str]]
) -> None:
    """A folder of the site folder that is a link to another folder (its search index's, its
    tags'): `mkdocs build --dirty` neither writes there nor removes what is there; one line
    says why, and the build goes on. `mkdocs build` removes a link at the top of the site
    folder, which MkDocs' cleaning leaves (and Material's search plugin wrote its own index
    through), not what it leads to, with one line."""
    site = _build_then_draft(tmp_path / "root")
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "sub").mkdir(parents=True)
    (elsewhere / "notes.txt").write_text("precious", encoding="utf-8")
    (elsewhere / "sub/keep.json").write_text("{}", encoding="utf-8")
    before = sorted(p.relative_to(elsewhere) for p in elsewhere.rglob("*"))
    place = site.site_dir / linked
    for path in sorted(place.rglob("*"), reverse=True):
        path.rmdir() if path.is_dir() else path.unlink()
    place.rmdir()
    place.symlink_to(elsewhere)
    for build in builds:
        done = run(tmp_path / "root", "mkdocs", "build", *build)
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr
        after = [p.relative_to(elsewhere) for p in elsewhere.rglob("*")]
        # Material's search plugin writes its own index through the link under --dirty
        assert sorted(p for p in after if p.name != "search_index.json") == before
        if build:
            said = _warnings(done.stderr)
            assert any(f"/{linked}" in ln and "a link in the site folder" in ln for ln in said)
        else:
            assert not place.is_symlink() and place.is_dir()
            assert (
                "removed the link(s) to folders MkDocs leaves as it empties the site folder, "
                f"not what they lead to: {linked} (to {elsewhere.resolve()})"
            ) in done.stderr


def test_a_clean_build_names_what_an_earlier_build_left_that_mkdocs_could_not_remove(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """MkDocs empties the site folder for a clean build, and says nothing of a file the file
    system keeps there: Newsroom finds it, tries again, and names it once (`--strict` fails)."""
    site = _build_then_draft(tmp_path / "root")
    refuse(tmp_path, monkeypatch, ENV, "council-vote")
    done = run(tmp_path / "root", "mkdocs", "build", "--strict")
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert _holding(site, SECRET) == ["2024/05/01/council-vote/index.html"]
    said = _warnings(done.stderr)
    # its own line, once: not again among what MkDocs' cleaning left
    assert len(said) == 1, said
    assert "council-vote/index.html: an earlier build wrote" in said[0]


def test_a_page_of_the_site_s_own_the_file_system_keeps_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    about = "---\ntitle: About us\n---\n\nWho we are.\n"
    _build_then_draft(tmp_path / "root", {"about.md": about})
    refuse(tmp_path, monkeypatch, ENV, "about/index.html")
    dirty = run(tmp_path / "root", "mkdocs", "build", "--dirty")
    assert dirty.returncode == 0, dirty.stderr
    said = _warnings(dirty.stderr)
    assert len(said) == 1 and "about/index.html: an earlier build wrote" in said[0]


def test_only_another_site_s_build_record_leaves_its_folder_alone(tmp_path: Path) -> None:
    """A copy of the site's own record in a folder of its listings shields nothing, nor one
    of a site that could not be at that folder's address (the story's page, held back since,
    goes); a record naming the folder's own address does, with a line saying so."""
    site = _build_then_draft(tmp_path / "root")
    own = (site.site_dir / "newsroom-build.json").read_text(encoding="utf-8")
    (site.site_dir / "tags/council/newsroom-build.json").write_text(own, encoding="utf-8")
    other = json.loads(own) | {"site": "https://news.example.org/weekly/"}
    (site.site_dir / "weekly").mkdir()
    (site.site_dir / "weekly/newsroom-build.json").write_text(json.dumps(other), "utf-8")
    (site.site_dir / "weekly/index.html").write_text(
        (site.site_dir / "2024/05/01/council-vote/index.html").read_text("utf-8"), "utf-8"
    )
    # a record of a site whose address is not this folder's: a stray copy, no shield
    stray = json.loads(own) | {"site": "https://weekly.example.org/"}
    (site.site_dir / "2024/05/01/newsroom-build.json").write_text(json.dumps(stray), "utf-8")
    dirty = run(tmp_path / "root", "mkdocs", "build", "--dirty")
    assert dirty.returncode == 0, dirty.stderr
    assert _holding(site, SECRET) == ["weekly/index.html"]
    assert not (site.site_dir / "2024/05/01/council-vote/index.html").exists()
    assert any(
        line.endswith(
            "site/weekly: left alone: it holds the build record of "
            "another site (newsroom-build.json), built into this one's folder"
        )
        for line in dirty.stderr.splitlines()
    )


def _linked_copies(root: Path, link: str, to: Path) -> None:
    """`link` in the site folder a link to `to` (a folder made for it, or one of the site's)."""
    place = root / "site" / link
    for path in sorted(place.rglob("*"), reverse=True) if place.exists() else []:
        path.rmdir() if path.is_dir() else path.unlink()
    if place.exists():
        place.rmdir()
    place.symlink_to(to)


@pytest.mark.parametrize("dirty", [True, False], ids=["dirty", "plain"])
def test_copies_of_photographs_are_never_put_through_a_link_out_of_the_site_folder(
    tmp_path: Path, dirty: bool
) -> None:
    lead = "slug: council-vote\nimage: {src: images/lead.jpg, alt: The council}"
    write_site(tmp_path / "root", {"articles/a.md": STORY.replace("slug: council-vote", lead)})
    (tmp_path / "root/content/images").mkdir()
    (tmp_path / "root/content/images/lead.jpg").write_bytes(photo(64, 48))
    assert run(tmp_path / "root", "mkdocs", "build").returncode == 0
    shared = tmp_path / "shared"
    shared.mkdir()
    for copy in (tmp_path / "root/site/pictures").iterdir():
        (shared / copy.name).write_text("another site's", encoding="utf-8")
    _linked_copies(tmp_path / "root", "pictures", shared)
    done = run(tmp_path / "root", "mkdocs", "build", *(["--dirty"] if dirty else []))
    assert done.returncode == 0, done.stderr
    assert {p.read_text("utf-8") for p in shared.iterdir()} == {"another site's"}
    if dirty:
        said = _warnings(done.stderr)
        assert any("/pictures/" in line and "a link in the site folder" in line for line in said)
    else:  # the link at the top of the site folder goes, as MkDocs empties it
        assert not (tmp_path / "root/site/pictures").is_symlink()
        assert "removed the link(s) to folders MkDocs leaves" in done.stderr


def test_a_page_that_is_a_link_is_not_written_through(tmp_path: Path) -> None:
    """A story's page in the site folder replaced by a link to a file elsewhere: `--dirty`
    does not write the page through it (it would replace that file), and says so."""
    site = _build_then_draft(tmp_path / "root")
    elsewhere = tmp_path / "elsewhere.html"
    elsewhere.write_text("precious", encoding="utf-8")
    page = site.site_dir / "2024/05/02/markets-open/index.html"
    page.unlink()
    page.symlink_to(elsewhere)
    dirty = run(tmp_path / "root", "mkdocs", "build", "--dirty")
    assert dirty.returncode == 0, dirty.stderr
    assert elsewhere.read_text(encoding="utf-8") == "precious"
    assert any("markets-open/index.html: a link" in line for line in _warnings(dirty.stderr))


def test_pages_written_through_a_link_inside_the_site_folder_stay(tmp_path: Path) -> None:
    """`site/2024` a link to another folder of the site folder: the pages written through it
    are this build's, not an earlier one's left there (nor is a loop of links a traceback)."""
    site = _build_then_draft(tmp_path / "root")
    (site.site_dir / "2024").rename(site.site_dir / "y")
    (site.site_dir / "2024").symlink_to("y")
    dirty = run(tmp_path / "root", "mkdocs", "build", "--dirty")
    assert dirty.returncode == 0, dirty.stderr
    assert (site.site_dir / "y/05/02/markets-open/index.html").is_file()
    assert _holding(site, SECRET) == []
    (site.site_dir / "tags").rename(site.site_dir / "old-tags")
    (site.site_dir / "tags").symlink_to("tags")
    looped = run(tmp_path / "root", "mkdocs", "build", "--dirty")
    assert looped.returncode == 0, looped.stderr
    assert "Traceback" not in looped.stderr
    said = _warnings(looped.stderr)
    assert any("/tags/" in line and "a link in the site folder" in line for line in said)


def test_a_plain_build_removes_a_redirect_left_in_a_hidden_folder(tmp_path: Path) -> None:
    """MkDocs keeps hidden files when it empties the site folder: a redirect an alias put in
    `.well-known/`, for a story held back since, is removed by a plain build too."""
    alias = "slug: council-vote\naliases: [/.well-known/vote.html]"
    write_site(tmp_path / "root", {"articles/a.md": STORY.replace("slug: council-vote", alias)})
    assert run(tmp_path / "root", "mkdocs", "build").returncode == 0
    site = Site(tmp_path / "root")
    assert SECRET in (site.site_dir / ".well-known/vote.html").read_text(encoding="utf-8")
    (tmp_path / "root/content/articles/a.md").write_text(DRAFTED, encoding="utf-8")
    (site.site_dir / ".well-known/own.txt").write_text("the host's", encoding="utf-8")
    done = run(tmp_path / "root", "mkdocs", "build", "--strict")
    assert done.returncode == 1, done.stderr
    assert not (site.site_dir / ".well-known/vote.html").exists()
    removed = [line for line in done.stderr.splitlines() if "removed 1 page(s)" in line]
    assert removed and removed[0].startswith("INFO    -  newsroom: removed"), done.stderr
    # only what is still there is named: not the redirect the build removed itself
    said = _warnings(done.stderr)
    assert len(said) == 1 and "MkDocs could not empty (.well-known/own.txt);" in said[0], said
    (site.site_dir / ".well-known/own.txt").unlink()
    (site.site_dir / ".well-known/vote.html").write_text(f"<p>{SECRET}</p>", encoding="utf-8")
    again = run(tmp_path / "root", "mkdocs", "build", "--strict")
    assert again.returncode == 1 and SECRET in (site.site_dir / ".well-known/vote.html").read_text(
        encoding="utf-8"
    )


def test_what_mkdocs_writes_itself_never_goes_through_a_link_out_of_the_site_folder(
    tmp_path: Path,
) -> None:
    """The 404 page and the sitemap (the theme's pages, Newsroom's text) and the files MkDocs
    copies (the stylesheet) are MkDocs' writes: a link at their place, out of the site
    folder, is left as it is and what it leads to untouched; one line, the build goes on."""
    site = _build_then_draft(tmp_path / "root")
    victims = tmp_path / "victims"
    (victims / "assets").mkdir(parents=True)
    for name in ("404.html", "sitemap.xml", "sitemap.xml.gz"):
        (victims / name).write_text(f"VICTIM {name}", encoding="utf-8")
        (site.site_dir / name).unlink()
        (site.site_dir / name).symlink_to(victims / name)
    assets = site.site_dir / "assets/newsroom"
    shutil.rmtree(assets)
    assets.symlink_to(victims / "assets")
    dirty = run(tmp_path / "root", "mkdocs", "build", "--dirty")
    assert dirty.returncode == 0, dirty.stderr
    assert "Traceback" not in dirty.stderr
    for name in ("404.html", "sitemap.xml", "sitemap.xml.gz"):
        assert (victims / name).read_text(encoding="utf-8") == f"VICTIM {name}"
    assert list((victims / "assets").iterdir()) == []
    said = [line for line in _warnings(dirty.stderr) if "a link in the site folder" in line]
    # the theme's pages, their .gz and the stylesheet and search worker MkDocs copies; the
    # icon sprite is Newsroom's own, said on its line
    assert "/site/404.html: " in said[0] and said[0].endswith("(and 4 more files)"), said


@pytest.mark.parametrize("name", ["404.html", "sitemap.xml", "about/index.html"])
def test_a_folder_where_mkdocs_writes_a_file_is_a_line_not_a_traceback(
    tmp_path: Path, name: str
) -> None:
    site = _build_then_draft(tmp_path, {"about.md": "# About\n"})
    (site.site_dir / name).unlink()
    (site.site_dir / name / "kept").mkdir(parents=True)
    dirty = run(tmp_path, "mkdocs", "build", "--dirty")
    assert dirty.returncode == 0, dirty.stderr
    assert "Traceback" not in dirty.stderr
    said = [line for line in _warnings(dirty.stderr) if "it is a folder where" in line]
    assert len(said) == 1 and f"/site/{name}: " in said[0], dirty.stderr
    assert (site.site_dir / name / "kept").is_dir()
    assert _holding(site, SECRET) == []


@pytest.mark.parametrize("name", ["feed.xml", "tags/index.html"])
def test_a_folder_where_newsroom_writes_a_file_is_a_line_saying_to_move_it(
    tmp_path: Path, name: str
) -> None:
    site = _build_then_draft(tmp_path)
    (site.site_dir / name).unlink()
    (site.site_dir / name / "kept").mkdir(parents=True)
    dirty = run(tmp_path, "mkdocs", "build", "--dirty")
    assert dirty.returncode == 0, dirty.stderr
    assert "Traceback" not in dirty.stderr
    said = [line for line in _warnings(dirty.stderr) if f"/site/{name}: " in line]
    assert len(said) == 1, dirty.stderr
    assert "could not be written into the site folder" in said[0]
    assert "a folder stands in its place: move the folder away and build again" in said[0]
    assert (site.site_dir / name / "kept").is_dir()


def test_a_file_mkdocs_cannot_remove_as_it_empties_the_site_folder_stops_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """MkDocs' cleaning stops with a traceback at a file it cannot remove at the top of the
    site folder (deeper, it passes over it: the build names what was left)."""
    _build_then_draft(tmp_path)
    refuse(tmp_path, monkeypatch, ENV, "/site/feed.xml")
    done = run(tmp_path, "mkdocs", "build")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "/site/feed.xml: MkDocs empties the site folder before a build" in done.stderr
    assert "make it removable" in done.stderr


def test_an_alias_behind_a_link_out_of_the_site_folder_blames_the_link_not_the_alias(
    tmp_path: Path,
) -> None:
    aliased = OTHER.replace("section: business", "section: business\naliases: [/old/one/]")
    write_site(tmp_path / "root", {"articles/a.md": STORY, "articles/b.md": aliased})
    assert run(tmp_path / "root", "mkdocs", "build").returncode == 0
    site = Site(tmp_path / "root")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.rmtree(site.site_dir / "old")
    (site.site_dir / "old").symlink_to(elsewhere)
    dirty = run(tmp_path / "root", "mkdocs", "build", "--dirty")
    assert dirty.returncode == 0, dirty.stderr
    assert list(elsewhere.iterdir()) == []
    said = [line for line in _warnings(dirty.stderr) if "/old/one" in line]
    assert len(said) == 1 and "remove the link from the site folder" in said[0], said
    assert "remove the alias" not in dirty.stderr
