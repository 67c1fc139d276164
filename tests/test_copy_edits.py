"""mkdocs serve: a save that changes an article's copy alone (headline, summary, body) is
published without MkDocs' whole build, and the site that comes out is the one a clean build
of the edited content gives (build/copy_edits.py); any other save is left to the whole
build."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import yaml

from mkdocs_newsroom.build import copy_edits
from mkdocs_newsroom.build.copy_edits import CopyEdits
from mkdocs_newsroom.search.query import IndexFiles
from mkdocs_newsroom.search.shards import INDEX_DIR

from .commands import fetch, serving
from .sites import DEMO_NOW, GIF, REPO, article, epoch, photo, write_site, write_tree
from .test_incremental import (
    Server,
    _build_clean,
    _rendered,
    _tree,
    _unlike,
    said_while,
    site_root,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from mkdocs_newsroom.plugin import NewsroomPlugin

__all__ = ["site_root"]  # the fixture, used by name

QUERIES = ("giraffe", "zebra30", "zebra5", "five", "rain", "story", "retold")
LONGER = "A longer body: story {n} is now about a giraffe named Kip, and about rain. " * 20


class WholeBuildRan(AssertionError):
    pass


def _whole_build() -> None:
    raise WholeBuildRan


def _plugin(server: Server) -> NewsroomPlugin:
    plugin = server._config().plugins["newsroom"]
    return plugin  # type: ignore[no-any-return]


def _failing_build() -> None:
    raise RuntimeError("a build that failed (a broken mkdocs.yml, --strict)")


def _saved(
    server: Server, *paths: Path, whole_build: Callable[[], None] = _whole_build
) -> list[str]:
    """What the dev server's rebuild does after the watcher reported `paths`, and says; it
    raises WholeBuildRan if the rebuild was left to MkDocs' whole build."""
    plugin = _plugin(server)
    plugin._cache.reported.add(*(str(path) for path in paths))
    return said_while(lambda: plugin._from_copy_edits(whole_build)())


def _same_as_clean_build(
    root: Path, live: dict[str, bytes], queries: tuple[str, ...] = QUERIES
) -> None:
    """`live`, a preview's site, is what a clean build of the content gives (made after the
    preview's session ended: both sessions would share the plugin)."""
    shutil.rmtree(root / "clean", ignore_errors=True)
    _build_clean(root)
    fresh = _tree(root / "clean")
    index = f"{INDEX_DIR}/"
    assert sorted(k for k in live if not k.startswith(index)) == sorted(
        k for k in fresh if not k.startswith(index)
    )
    assert _unlike(live, fresh) == []
    live_index = IndexFiles(
        {k.removeprefix(index): v for k, v in live.items() if k.startswith(index)}
    )
    fresh_index = IndexFiles.read(root / "clean" / INDEX_DIR)
    assert sorted(live_index.documents()) == sorted(fresh_index.documents())
    for query in queries:
        live_hits = sorted((h.url, round(h.score, 9)) for h in live_index.search(query, 999).hits)
        fresh_hits = sorted((h.url, round(h.score, 9)) for h in fresh_index.search(query, 999).hits)
        assert live_hits == fresh_hits, query


def _learner(server: Server) -> CopyEdits:
    build = _plugin(server)._build
    assert build is not None and build.copy_edits is not None
    return build.copy_edits


def test_which_pages_show_each_story_is_learnt_while_the_editor_reads(
    site_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a whole build, in a moment of its own, so that the first copy edit does not
    wait for it; a whole build first stops what the build before it was learning."""
    monkeypatch.setattr(copy_edits, "LEARN_AHEAD_AFTER", 0.0)
    server = Server(site_root, "live", False)
    server.start()
    story = site_root / "content" / "articles" / "30.md"
    first = story.read_text("utf-8")
    whole_build = _plugin(server)._from_copy_edits(server.rebuild)
    try:
        whole_build()  # the dev server's rebuild, nothing saved
        learner = _learner(server)
        assert learner._ahead is not None
        learner._ahead.join(timeout=60)
        learnt = learner._showing
        assert learnt, "learnt before any save"
        story.write_text(first.replace("Body of story 30", "Body of story thirty"), "utf-8")
        assert any("rebuilt from copy edits" in line for line in _saved(server, story))
        assert learner._showing is learnt
        assert "story thirty" in (site_root / "live/2024/03/31/story-30/index.html").read_text()

        monkeypatch.setattr(copy_edits, "LEARN_AHEAD_AFTER", 3600.0)
        whole_build()
        learner = _learner(server)
        ahead = learner._ahead
        assert ahead is not None and ahead.is_alive()
        learner.learn_ahead()  # asked again: the one moment already set, no second thread
        assert learner._ahead is ahead
        story.write_text(first.replace("- Shared", "- Shared\n- Another"), "utf-8")
        _saved(server, story, whole_build=lambda: None)  # a change of tags: a whole build
        assert not ahead.is_alive() and learner._showing is None
    finally:
        _learner(server).stop_learning()
        server.stop()
        story.write_text(first, "utf-8")


@pytest.mark.parametrize(
    ("dirty", "engine"),
    [(False, "python-markdown"), (True, "python-markdown"), (False, "commonmark")],
    ids=["serve", "serve --dirty", "serve, CommonMark"],  # a new portal's (`newsroom init`)
)
def test_a_saved_body_is_published_without_the_whole_build_as_a_clean_build_would(
    site_root: Path, dirty: bool, engine: str
) -> None:
    config = site_root / "mkdocs.yml"
    settings = yaml.safe_load(config.read_text("utf-8"))
    settings["plugins"][1]["newsroom"]["markdown_engine"] = engine
    config.write_text(yaml.safe_dump(settings), encoding="utf-8")
    server = Server(site_root, "live", dirty)
    server.start()
    content = site_root / "content" / "articles"
    md, txt = content / "30.md", content / "05.txt"
    # an alias: its redirect page names the headline
    md_first = md.read_text("utf-8").replace("---\n", "---\naliases: [old/story-30.html]\n", 1)
    md.write_text(md_first, "utf-8")
    txt_first = txt.read_text("utf-8")
    md_edited = (
        md_first.replace("Body of story 30 about zebra30.", LONGER.format(n=30))
        .replace("title: Story 30", "title: Story thirty, retold")
        .replace("---\n", "---\nsummary: A giraffe's story.\n", 1)
    )
    txt_edited = txt_first.replace("Body of story 5", "Body of story five")
    try:
        total = _rendered(server.rebuild())[1]
        md.write_text(md_edited, "utf-8")
        txt.write_text(txt_edited, "utf-8")
        lines = _saved(server, md, txt)
        (said,) = [line for line in lines if "rebuilt from copy edits" in line]
        assert "(2 articles)" in said
        rendered = int(said.split(": ")[2].split()[0])
        assert 2 < rendered < total / 3  # the two pages, and those that show their cards
        page = (site_root / "live" / "2024/03/31/story-30/index.html").read_text("utf-8")
        assert "giraffe named Kip" in page
        assert "<title>Story thirty, retold" in page
        redirect = (site_root / "live" / "old/story-30.html").read_text("utf-8")
        assert "Story thirty, retold" in redirect
        edited = _tree(site_root / "live")
        # the whole build that follows finds every page as it would have made it
        assert _rendered(server.rebuild()) == (0, total)

        md.write_text(md_first, "utf-8")  # back as it was: the first build's body again
        assert any("rebuilt from copy edits" in line for line in _saved(server, md))
        reverted = _tree(site_root / "live")
        assert _rendered(server.rebuild()) == (0, total)
    finally:
        server.stop()
    md.write_text(md_edited, "utf-8")
    _same_as_clean_build(site_root, edited)
    md.write_text(md_first, "utf-8")
    _same_as_clean_build(site_root, reverted)


def test_a_file_saved_unchanged_renders_nothing(site_root: Path) -> None:
    server = Server(site_root, "live")
    server.start()
    try:
        server.rebuild()
        md = site_root / "content" / "articles" / "30.md"
        md.write_bytes(md.read_bytes())
        (said,) = [line for line in _saved(server, md) if "rebuilt from" in line]
        assert said.endswith("the saved files had not changed")
    finally:
        server.stop()


def test_a_story_emptied_by_a_copy_edit_is_told_of_as_a_whole_build_tells(site_root: Path) -> None:
    """A published story saved with nothing below its front matter: the line a whole build
    says (catalogue/publishing.py `unwritten`), said by the rebuild from copy edits too."""
    server = Server(site_root, "live")
    server.start()
    try:
        server.rebuild()
        md = site_root / "content" / "articles" / "30.md"
        front, separator, _body = md.read_text("utf-8").rpartition("---\n")
        md.write_text(front + separator, "utf-8")
        lines = _saved(server, md)
        assert any("rebuilt from copy edits" in line for line in lines)
        [told] = [line for line in lines if "no text below" in line]
        assert told.startswith("newsroom: articles/30.md:")
        whole = said_while(server.rebuild)
        assert [line for line in whole if "no text below" in line] == [told]
    finally:
        server.stop()


def test_an_editor_s_swap_file_beside_a_saved_body_is_no_change_of_the_site(
    site_root: Path,
) -> None:
    server = Server(site_root, "live")
    server.start()
    try:
        server.rebuild()
        content = site_root / "content" / "articles"
        md = content / "30.md"
        md.write_text(md.read_text("utf-8").replace("about zebra30", "about an okapi"), "utf-8")
        swap, backup = content / ".30.md.swp", content / "30.md~"
        swap.write_bytes(b"b0VIM 9.0")
        # vim's backup of the file, made and removed as it saves
        lines = _saved(server, md, swap, backup)
        assert any("rebuilt from copy edits alone (1 article)" in line for line in lines)
    finally:
        server.stop()


@pytest.mark.parametrize(
    "change",
    [
        "headline moving the story",
        "tags",
        "new link",
        "new file",
        "deleted file",
        "other page",
        "configuration",
        "failing body",
        "clock",
        "news sitemap's two days",
        "breaking-news banner's story",
        "date in another zone",
        "folder moved away",
        "file named in code",
        "breaking-news banner's hours",
        "a draft's banner hours",
        "clock set back",
        "after a failed whole build",
    ],
)
def test_a_save_that_changes_more_than_a_body_is_left_to_the_whole_build(
    site_root: Path, change: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = site_root / "content"
    (content / "about.md").write_text("# About\n\nThe Serve Gazette.\n", "utf-8")
    (content / "articles" / "50.md").write_text(
        article("Tomorrow's story", "2024-06-02T10:00:00Z", body="Not yet."), "utf-8"
    )
    recent = article("Yesterday's story", "2024-05-31T00:30:00Z", body="In the news sitemap.")
    (content / "articles" / "52.md").write_text(recent, "utf-8")
    breaking = content / "articles" / "53.md"  # in the banner of every page for 6 hours
    breaking.write_text(article("Late news", "2024-05-31T22:00:00Z", breaking=True), "utf-8")
    # a draft in the banner of a preview until 02:00
    draft = article("Late draft", "2024-05-31T20:00:00Z", breaking=True, draft=True)
    (content / "articles" / "54.md").write_text(draft, "utf-8")
    (content / "articles" / "sub").mkdir()
    (content / "articles" / "sub" / "60.md").write_text(article("Filed", "2024-03-07T10:00:00Z"))
    (content / "articles" / "report.pdf").write_bytes(b"%PDF-1.4 report")
    unpinned = content / "articles" / "51.md"  # its address is its headline's
    unpinned.write_text(article("Unpinned story", "2024-03-05T10:00:00Z", slug=None), "utf-8")
    server = Server(site_root, "live")
    server.start()
    try:
        server.rebuild()
        md = content / "articles" / "30.md"
        text = md.read_text("utf-8")
        saved = md
        if change == "headline moving the story":
            saved = unpinned
            unpinned.write_text(article("Pinned? No", "2024-03-05T10:00:00Z", slug=None), "utf-8")
        elif change == "tags":
            md.write_text(text.replace("- Shared", "- Not shared"), "utf-8")
        elif change == "new link":
            md.write_text(text.replace("about zebra30.", "about [zebras](../05.txt)."), "utf-8")
        elif change == "new file":
            saved = content / "articles" / "31b.md"
            saved.write_text(article("A new story", "2024-03-03T10:00:00Z"), "utf-8")
        elif change == "deleted file":
            md.unlink()
        elif change == "other page":
            saved = content / "about.md"
            saved.write_text("# About\n\nThe Serve Gazette, since 1901.\n", "utf-8")
        elif change == "configuration":
            saved = site_root / "mkdocs.yml"
            saved.write_text(saved.read_text("utf-8") + "\n", "utf-8")
        elif change == "failing body":
            nested = "".join("    " * depth + "- item\n" for depth in range(300))
            md.write_text(text.replace("about zebra30.", nested), "utf-8")
        elif change == "breaking-news banner's story":
            saved = breaking
            breaking.write_text(breaking.read_text("utf-8") + "More to come.\n", "utf-8")
        elif change == "breaking-news banner's hours":  # its six hours are over
            monkeypatch.setenv("SOURCE_DATE_EPOCH", "1717218000")
            md.write_text(text.replace("about zebra30", "about an okapi"), "utf-8")
        elif change == "date in another zone":  # the same moment, shown otherwise
            md.write_text(text.replace("2024-03-31T10:00:00Z", "2024-03-31T12:00:00+02:00"))
        elif change == "folder moved away":
            saved = content / "articles" / "sub"
            shutil.move(saved, site_root / "elsewhere")
        elif change == "file named in code":  # a file of the articles folder, published
            md.write_text(text.replace("about zebra30.", 'about `src="report.pdf"`.'), "utf-8")
        elif change == "a draft's banner hours":  # a preview shows drafts
            monkeypatch.setenv("SOURCE_DATE_EPOCH", "1717210800")
            md.write_text(text.replace("about zebra30", "about an okapi"), "utf-8")
        elif change == "clock set back":  # before the build's moment
            monkeypatch.setenv("SOURCE_DATE_EPOCH", "1717190000")
            md.write_text(text.replace("about zebra30", "about an okapi"), "utf-8")
        elif change == "after a failed whole build":  # the site is as that build left it
            saved = content / "about.md"
            saved.write_text("# About\n\nSince 1901.\n", "utf-8")
            with pytest.raises(RuntimeError):
                _saved(server, saved, whole_build=_failing_build)
            saved = md
            md.write_text(text.replace("about zebra30", "about an okapi"), "utf-8")
        elif change == "news sitemap's two days":  # yesterday's story left them
            monkeypatch.setenv("SOURCE_DATE_EPOCH", "1717300000")
            md.write_text(text.replace("about zebra30", "about an okapi"), "utf-8")
        else:  # the story dated tomorrow fell due since the build
            monkeypatch.setenv("SOURCE_DATE_EPOCH", "1717400000")
            md.write_text(text.replace("about zebra30", "about an okapi"), "utf-8")
        with pytest.raises(WholeBuildRan):
            _saved(server, saved)
    finally:
        server.stop()


def test_copy_edits_of_every_demo_story_give_the_demo_a_clean_build_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Lead pictures, three editions and their translations, a wire story, an alias: every
    story of the demo portal gets a new paragraph, and a new headline where its slug is
    pinned, in one save each."""
    for name in ("mkdocs.yml", "content", "overrides"):
        source = REPO / name
        copy = shutil.copytree if source.is_dir() else shutil.copyfile
        copy(source, tmp_path / name)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(DEMO_NOW))
    monkeypatch.setenv("NEWSROOM_CACHE_DIR", str(tmp_path / "picture-cache"))
    stories = sorted((tmp_path / "content" / "articles").rglob("*.*"))
    server = Server(tmp_path, "live")
    server.start()
    try:
        total = _rendered(server.rebuild())[1]
        retitled = 0
        for story in stories:
            text = story.read_text("utf-8").rstrip("\n") + "\n\nA paragraph added in review.\n"
            if "\nslug:" in text:
                retitled += 1
                text = re.sub(r"(?m)^title: ([^'\"\n].*)$", r"title: \1, again", text, count=1)
            story.write_text(text, "utf-8")
        assert retitled
        lines = _saved(server, *stories)
        assert any(f"({len(stories)} articles)" in line for line in lines), lines
        edited = _tree(tmp_path / "live")
        assert _rendered(server.rebuild()) == (0, total)
    finally:
        server.stop()
    _same_as_clean_build(tmp_path, edited, queries=("review", "again", "bus"))


def test_a_fault_in_a_rebuild_from_copy_edits_leaves_it_to_the_whole_build(
    site_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server = Server(site_root, "live")
    server.start()
    try:
        server.rebuild()

        def broken(self: object, reported: object) -> bool:
            raise RuntimeError("a fault")

        monkeypatch.setattr(CopyEdits, "rebuild", broken)
        md = site_root / "content" / "articles" / "30.md"
        md.write_text(md.read_text("utf-8").replace("about zebra30", "about an okapi"), "utf-8")
        with pytest.raises(WholeBuildRan):
            _saved(server, md)
    finally:
        server.stop()


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_a_running_preview_shows_a_copy_edit_without_its_whole_build(
    site_root: Path, engine: str
) -> None:
    """The dev server itself, with the native watcher: the saved body is served, from a
    rebuild that says it was made from the copy edit alone."""
    md = site_root / "content" / "articles" / "30.md"
    address = "2024/03/31/story-30/"
    said: list[str] = []
    with serving(site_root, engine=engine, said=said, rebuilds=True) as base:
        assert "zebra30" in fetch(base + address)[1]
        time.sleep(1)  # what MkDocs' first build read is a second old
        md.write_text(md.read_text("utf-8").replace("about zebra30", "about an okapi"), "utf-8")
        deadline = time.monotonic() + 30
        while "an okapi" not in fetch(base + address)[1] and time.monotonic() < deadline:
            time.sleep(0.1)
        assert "an okapi" in fetch(base + address)[1]
    assert "rebuilt from copy edits alone (1 article)" in said[0]


def test_what_a_whole_build_after_a_copy_edit_no_longer_publishes_is_removed(
    site_root: Path,
) -> None:
    """A copy edit renders some pages again; the whole build after it, which no longer
    publishes some of them (their story deleted), removes them all the same."""
    server = Server(site_root, "live", dirty=True)
    server.start()
    content = site_root / "content" / "articles"
    md = content / "30.md"
    try:
        server.rebuild()
        md.write_text(md.read_text("utf-8").replace("about zebra30", "about an okapi"), "utf-8")
        assert any("rebuilt from copy edits alone" in line for line in _saved(server, md))
        md.unlink()
        server.rebuild()
        after = _tree(site_root / "live")
    finally:
        server.stop()
    assert not (site_root / "live" / "2024/03/31/story-30").exists()
    _same_as_clean_build(site_root, after)


@pytest.mark.parametrize("named", [True, False], ids=["name taken out", "name put in"])
def test_a_picture_a_body_names_is_published_as_a_whole_build_would(
    tmp_path: Path, named: bool
) -> None:
    """A picture outside the articles folder that only a story not shown uses (one skipped
    for its address) is withheld unless a shown story links it: a copy edit that takes the
    link out or puts it in is left to the whole build."""
    with_name = "Our desk filed [a file](https://news.example.org/images/secret.gif) today."
    without = "Our desk filed nothing."
    root = tmp_path
    write_site(
        root,
        {
            "images/secret.gif": GIF,
            # its address would be tags/, a folder of the newsroom's own pages: skipped
            "articles/skipped.md": article("Skipped", slug="tags", body="![A](/images/secret.gif)"),
            "articles/p.md": article("Mentions", body=with_name if named else without),
        },
        plugin={"article_url": "{slug}/"},
    )
    server = Server(root, "live")
    server.start()
    story = root / "content" / "articles" / "p.md"
    try:
        server.rebuild()
        assert (root / "live" / "images" / "secret.gif").exists() is named
        old, new = (with_name, without) if named else (without, with_name)
        story.write_text(story.read_text("utf-8").replace(old, new), "utf-8")
        with pytest.raises(WholeBuildRan):
            _saved(server, story)
    finally:
        server.stop()


def test_a_copy_edit_on_a_site_with_authors_photos_leaves_the_whole_build_nothing_to_do(
    site_root: Path,
) -> None:
    """The authors' photos are made after the articles are read, which they do not change:
    an article read again by a copy edit is the one the whole build reads."""
    authors = "jdoe: {name: Jane Doe, avatar: images/jane.jpg}\nasmith: {name: Ali Smith}\n"
    write_tree(site_root / "content", {"authors.yml": authors, "images/jane.jpg": photo(400, 500)})
    server = Server(site_root, "live")
    server.start()
    md = site_root / "content" / "articles" / "30.md"
    try:
        total = _rendered(server.rebuild())[1]
        assert "<picture>" in (site_root / "live" / "authors" / "jdoe" / "index.html").read_text()
        md.write_text(md.read_text("utf-8").replace("title: Story 30", "title: Story 30b"), "utf-8")
        assert any("rebuilt from copy edits" in line for line in _saved(server, md))
        assert _rendered(server.rebuild()) == (0, total)
    finally:
        server.stop()
