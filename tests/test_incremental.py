"""mkdocs serve: a save re-reads and re-renders only what changed, and the site that comes
out is the one a clean build of the edited content gives."""

from __future__ import annotations

import gc
import logging
import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_newsroom.outputs import site_outputs
from mkdocs_newsroom.outputs.wellformed import xml_error
from mkdocs_newsroom.preview import rendered_pages
from mkdocs_newsroom.preview.kept_folders import ASIDE
from mkdocs_newsroom.preview.rendered_pages import PREFIX
from mkdocs_newsroom.search.query import IndexFiles
from mkdocs_newsroom.search.shards import INDEX_DIR

from .sites import AUTHORS, SECTIONS, article, load_config_anew, write_tree

if TYPE_CHECKING:
    from collections.abc import Callable

SERVE_URL = "http://127.0.0.1:8000/"


def _articles(count: int) -> dict[str, str | bytes]:
    return {
        f"articles/{i:02d}.{'txt' if i % 2 else 'md'}": article(
            f"Story {i}",
            f"2024-0{1 + i % 4}-{1 + i:02d}T10:00:00Z",
            section=["world", "politics", "business"][i % 3],
            tags=[f"Tag {i % 4}", "Shared", *(["Lonely tag"] if i == 5 else [])],
            authors=["jdoe"] if i % 2 else ["asmith"],
            body=f"Body of story {i} about zebra{i}.",
        )
        for i in range(count)
    }


class Server:
    """Rebuilds the way `mkdocs serve` does: one plugin instance, a fresh config each time."""

    def __init__(self, root: Path, site: str, dirty: bool = False) -> None:
        self.root = root
        self.site = root / site
        self.dirty = dirty

    def start(self) -> None:
        config = load_config_anew(
            config_file=str(self.root / "mkdocs.yml"), site_dir=str(self.site)
        )
        config.plugins.on_startup(command="serve", dirty=self.dirty)

    def _config(self):  # type: ignore[no-untyped-def]
        return load_config(config_file=str(self.root / "mkdocs.yml"), site_dir=str(self.site))

    def rebuild(self) -> list[str]:
        return said_while(lambda: build(self._config(), serve_url=SERVE_URL, dirty=self.dirty))

    def stop(self) -> None:
        self._config().plugins.on_shutdown()


def said_while(run: Callable[[], object]) -> list[str]:
    """What MkDocs and its plugins said (INFO and above) while `run` ran."""
    handler = _Lines()
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    try:
        run()
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    return handler.lines


class _Lines(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def _rendered(lines: list[str]) -> tuple[int, int]:
    (line,) = [line for line in lines if line.startswith("newsroom: rendered")]
    words = line.split()
    return int(words[2]), int(words[4])


def _build_clean(root: Path) -> None:
    """A clean build of the site as it is now, into `root / "clean"`."""
    clean = Server(root, "clean")
    clean.start()
    try:
        clean.rebuild()
    finally:
        clean.stop()


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in folder.rglob("*")
        if path.is_file()
    }


def _unlike(live: dict[str, bytes], fresh: dict[str, bytes]) -> list[str]:
    """The files of a clean build that the preview's folder lacks or holds otherwise, the
    search index aside (updated in place, its files differ: `IndexFiles` compares answers)."""
    index = f"{INDEX_DIR}/"
    return [path for path in fresh if not path.startswith(index) and live.get(path) != fresh[path]]


@pytest.fixture
def site_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1717200000")
    write_tree(tmp_path / "content", {"authors.yml": AUTHORS, **_articles(40)})
    settings = {
        "site_name": "Serve Gazette",
        "site_url": "https://news.example.org/",
        "docs_dir": "content",
        "theme": {"name": "material", "font": False},
        "plugins": ["search", {"newsroom": {"sections": SECTIONS, "page_size": 5}}],
    }
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("dirty", [False, True], ids=["serve", "serve --dirty"])
def test_a_rebuild_after_edits_gives_the_site_a_clean_build_gives(
    site_root: Path, dirty: bool
) -> None:
    server = Server(site_root, "live", dirty)
    server.start()
    try:
        first = _rendered(server.rebuild())
        assert first[0] == first[1]  # everything is new
        unchanged = _rendered(server.rebuild())
        assert unchanged == (0, first[1])  # nothing changed, nothing rendered

        content = site_root / "content" / "articles"
        retitled = (content / "30.md").read_text("utf-8").replace("Story 30", "Story thirty")
        (content / "30.md").write_text(retitled, "utf-8")
        rendered, total = _rendered(server.rebuild())
        # its page, its cards' pages, and the pages whose related stories name it
        assert 0 < rendered < total / 3

        edited = article(
            "A new headline for story 5",
            "2024-02-06T10:00:00Z",
            section="world",
            tags=["Brand new tag"],  # "Lonely tag", only story 5's, goes with its page and feeds
            authors=["jdoe"],
            body="An edited body about okapi.",
        )
        (content / "05.txt").write_text(edited, encoding="utf-8")
        (content / "07.txt").write_text(
            (content / "07.txt")
            .read_text(encoding="utf-8")
            .replace("---\n", "---\ndraft: true\n", 1),
            encoding="utf-8",
        )
        (content / "12.md").unlink()
        (content / "99.md").write_text(article("A late story", "2024-04-30T09:00:00Z"), "utf-8")
        rendered, total = _rendered(server.rebuild())
        assert 0 < rendered <= total
    finally:
        server.stop()

    _build_clean(site_root)

    live, fresh = _tree(site_root / "live"), _tree(site_root / "clean")
    index = f"{INDEX_DIR}/"
    assert sorted(k for k in live if not k.startswith(index)) == sorted(
        k for k in fresh if not k.startswith(index)
    )
    assert _unlike(live, fresh) == []
    # The search index is updated in place (ids of removed articles stay empty until a clean
    # build), so its files differ: it must answer the same.
    live_index = IndexFiles.read(site_root / "live" / INDEX_DIR)
    fresh_index = IndexFiles.read(site_root / "clean" / INDEX_DIR)
    assert sorted(live_index.documents()) == sorted(fresh_index.documents())
    for query in ("okapi", "zebra5", "zebra12", "story", "late", "headline", "thirty"):
        # the same hits with the same scores (the order of equal scores follows internal ids)
        live_hits = sorted((h.url, round(h.score, 9)) for h in live_index.search(query, 999).hits)
        fresh_hits = sorted((h.url, round(h.score, 9)) for h in fresh_index.search(query, 999).hits)
        assert live_hits == fresh_hits, query
        assert bool(live_hits) == (query not in ("zebra5", "zebra12")), query  # edited, deleted
    assert not (site_root / "live" / "tags" / "lonely-tag").exists()
    page = site_root / "live" / "2024/02/06/a-new-headline-for-story-5/index.html"
    assert "An edited body about okapi." in page.read_text("utf-8")
    assert not (site_root / "live" / "2024/02/06/story-5/index.html").exists()


def test_a_new_spelling_of_a_tag_reaches_the_pages_of_articles_not_edited(
    site_root: Path,
) -> None:
    """Six of the ten articles tagged "Tag 1" are saved with "TAG 1", which becomes the
    spelling shown everywhere: on the tag index, whose tag counts did not change, and on the
    pages of the four articles whose files did not change."""
    server = Server(site_root, "live", dirty=True)
    server.start()
    try:
        server.rebuild()
        content = site_root / "content" / "articles"
        for number in (13, 17, 21, 25, 29, 33):
            path = next(content.glob(f"{number}.*"))
            path.write_text(path.read_text("utf-8").replace("Tag 1", "TAG 1"), "utf-8")
        server.rebuild()
    finally:
        server.stop()
    _build_clean(site_root)

    live = site_root / "live"
    for page in ("tags/index.html", "2024/02/02/story-1/index.html"):
        text = (live / page).read_text("utf-8")
        assert "TAG 1" in text and "Tag 1" not in text, page
        assert text == (site_root / "clean" / page).read_text("utf-8"), page


@pytest.mark.parametrize("dirty", [False, True], ids=["serve", "serve --dirty"])
def test_a_reporter_renamed_in_the_authors_file_is_searched_by_the_new_name(
    site_root: Path, dirty: bool
) -> None:
    """Bylines are search words of their stories (not of the text): a new name in
    authors.yml reaches the index as a clean build's, the old name gone."""
    server = Server(site_root, "live", dirty)
    server.start()
    try:
        server.rebuild()
        authors = site_root / "content" / "authors.yml"
        authors.write_text(AUTHORS.replace("Jane Doe", "Zuleika Okonjo"), "utf-8")
        server.rebuild()
    finally:
        server.stop()
    _build_clean(site_root)
    live = IndexFiles.read(site_root / "live" / INDEX_DIR)
    fresh = IndexFiles.read(site_root / "clean" / INDEX_DIR)
    bylines = len(list((site_root / "clean").glob("2024/*/*/story-*[13579]/index.html")))
    assert bylines > 10
    for query, found in (("zuleika", bylines), ("okonjo", bylines), ("jane", 0)):
        live_hits = sorted((h.url, round(h.score, 9)) for h in live.search(query, 999).hits)
        fresh_hits = sorted((h.url, round(h.score, 9)) for h in fresh.search(query, 999).hits)
        assert live_hits == fresh_hits, query
        assert len(live_hits) == found, query


@pytest.mark.parametrize("dirty", [False, True], ids=["serve", "serve --dirty"])
def test_a_rebuild_parses_again_only_the_xml_files_that_changed(
    site_root: Path, monkeypatch: pytest.MonkeyPatch, dirty: bool
) -> None:
    """Every feed is checked to be well-formed before it is written; a rebuild checks only
    those whose text is not the one checked before."""
    parsed: list[str] = []

    def parse(text: str) -> tuple[str, int] | None:
        parsed.append(text)
        return xml_error(text)

    monkeypatch.setattr(site_outputs, "xml_error", parse)
    server = Server(site_root, "live", dirty)
    server.start()
    try:
        server.rebuild()
        every = len(parsed)
        # (under serve the sitemap is MkDocs' own)
        feeds = [path for path in (site_root / "live").rglob("*.xml") if path.name != "sitemap.xml"]
        assert every == len(feeds) > 0
        parsed.clear()
        server.rebuild()
        assert parsed == []
        story = site_root / "content" / "articles" / "30.md"
        story.write_text(story.read_text("utf-8").replace("Story 30", "Story thirty"), "utf-8")
        server.rebuild()
    finally:
        server.stop()
    assert 0 < len(parsed) < every
    assert all("thirty" in text for text in parsed)


def test_a_preview_session_eases_garbage_collection_until_it_ends(
    site_root: Path,
) -> None:
    """Once the first build is done, what the session keeps is frozen out of Python's full
    collections (gc.freeze) and young objects are collected less often; stopping the server
    gives both back."""
    thresholds = gc.get_threshold()
    server = Server(site_root, "live", dirty=True)
    server.start()
    try:
        assert gc.get_freeze_count() == 0
        server.rebuild()
        assert gc.get_freeze_count() > 0
        assert gc.get_threshold()[0] > thresholds[0]
        server.rebuild()
        assert gc.get_freeze_count() > 0
    finally:
        server.stop()
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == thresholds


def test_an_edited_template_override_shows_on_the_next_rebuild(site_root: Path) -> None:
    """Compiled templates are kept between rebuilds; an edited one is compiled again, and
    every page that uses it is rendered again."""
    overrides = site_root / "overrides"
    overrides.mkdir()
    settings = yaml.safe_load((site_root / "mkdocs.yml").read_text("utf-8"))
    settings["theme"]["custom_dir"] = "overrides"
    (site_root / "mkdocs.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")
    template = overrides / "main.html"
    marked = '{{% extends "base.html" %}}{{% block footer %}}<p id="mark">{}</p>{{% endblock %}}'
    template.write_text(marked.format("first footer"), encoding="utf-8")
    server = Server(site_root, "live", dirty=True)
    server.start()
    try:
        server.rebuild()
        page = site_root / "live" / "2024/02/02/story-1/index.html"
        assert '<p id="mark">first footer</p>' in page.read_text("utf-8")
        template.write_text(marked.format("second footer"), encoding="utf-8")
        server.rebuild()
        text = page.read_text("utf-8")
        assert '<p id="mark">second footer</p>' in text and "first footer" not in text
    finally:
        server.stop()


def test_plain_serve_keeps_the_plugin_s_folders_through_mkdocs_emptying_the_site(
    site_root: Path,
) -> None:
    """Without --dirty, MkDocs empties the site folder before every build; the folders that
    hold only the plugin's pages are set aside and put back, not filled again page by page
    (a file left in one survives, which it would not if the folder were made anew), while
    MkDocs' own files and the site's top-level files are written afresh."""
    server = Server(site_root, "live", dirty=False)
    server.start()
    live = site_root / "live"
    deleted = live / "2024/04/08/story-7/index.html"  # the page of articles/07.txt
    try:
        server.rebuild()
        assert deleted.is_file()
        assert "Story 7" in (live / "section" / "politics" / "index.html").read_text("utf-8")
        for folder in ("tags", "section", "2024", "search"):
            (live / folder / ".probe").write_text("left here", encoding="utf-8")
        (live / "assets" / ".probe").write_text("left here", encoding="utf-8")
        (site_root / "content" / "articles" / "07.txt").unlink()
        server.rebuild()
    finally:
        server.stop()
    for folder in ("tags", "section", "2024", "search"):
        assert (live / folder / ".probe").exists(), folder
    assert not (live / "assets" / ".probe").exists()  # MkDocs' own folder was emptied
    assert not (live / ASIDE).exists()
    assert not deleted.exists()  # the folder kept through the rebuild lost the deleted page
    assert "Story 7" not in (live / "section" / "politics" / "index.html").read_text("utf-8")
    for probe in live.rglob(".probe"):
        probe.unlink()
    _build_clean(site_root)

    def outside_the_index(tree: dict[str, bytes]) -> dict[str, bytes]:
        # the search index is updated in place: the first test compares its answers
        return {path: data for path, data in tree.items() if not path.startswith(INDEX_DIR)}

    assert outside_the_index(_tree(live)) == outside_the_index(_tree(site_root / "clean"))


@pytest.mark.parametrize("dirty", [False, True], ids=["serve", "serve --dirty"])
def test_a_page_saved_at_a_story_s_address_is_served_from_that_save(
    site_root: Path, dirty: bool
) -> None:
    """The story moves to '-2' and the page takes its address. The story's page of the last
    build was removed after MkDocs had written the new page there: a 404 until a next save."""
    server = Server(site_root, "live", dirty)
    server.start()
    try:
        server.rebuild()
        clash = site_root / "content" / "2024" / "03" / "31" / "story-30" / "index.md"
        clash.parent.mkdir(parents=True)
        clash.write_text("# Clash page\n\nPAGECLASH\n", encoding="utf-8")
        server.rebuild()
    finally:
        server.stop()
    live = site_root / "live" / "2024" / "03" / "31"
    assert "PAGECLASH" in (live / "story-30" / "index.html").read_text(encoding="utf-8")
    assert "zebra30" in (live / "story-30-2" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("dirty", [False, True], ids=["serve", "serve --dirty"])
def test_a_preview_whose_temporary_folders_were_emptied_builds_the_whole_site_again(
    site_root: Path, dirty: bool
) -> None:
    """A cleaner of temporary files (systemd-tmpfiles, macOS) empties the site folder and the
    store of rendered pages under a long session: the next save brings back every page, feed
    and search file a clean build has; it stopped every rebuild with a traceback, or left the
    tag, author and section pages out."""
    server = Server(site_root, "live", dirty)
    server.start()
    try:
        server.rebuild()
        stores = Path(tempfile.gettempdir()).glob(f"{PREFIX}{os.getpid()}-*")  # this session's
        for folder in (site_root / "live", *stores):
            shutil.rmtree(folder)
        content = site_root / "content" / "articles"
        retitled = (content / "30.md").read_text("utf-8").replace("Story 30", "Story thirty")
        (content / "30.md").write_text(retitled, "utf-8")
        server.rebuild()
    finally:
        server.stop()
    _build_clean(site_root)
    live, fresh = _tree(site_root / "live"), _tree(site_root / "clean")
    assert sorted(live) == sorted(fresh)
    assert _unlike(live, fresh) == []
    live_index = IndexFiles.read(site_root / "live" / INDEX_DIR)
    assert sorted(live_index.documents()) == sorted(
        IndexFiles.read(site_root / "clean" / INDEX_DIR).documents()
    )


def test_serve_dirty_removes_the_copy_of_a_file_deleted_or_left_out(site_root: Path) -> None:
    """`--dirty` never removes what MkDocs copied: a picture deleted, or left out since by
    `exclude_docs`, was still served."""
    images = site_root / "content" / "images"
    images.mkdir()
    for name in ("gone.png", "excluded.png", "kept.png"):
        (images / name).write_bytes(b"\x89PNG not really")
    server = Server(site_root, "live", dirty=True)
    server.start()
    try:
        server.rebuild()
        served = site_root / "live" / "images"
        assert sorted(path.name for path in served.iterdir()) == [
            "excluded.png",
            "gone.png",
            "kept.png",
        ]
        (images / "gone.png").unlink()
        config = site_root / "mkdocs.yml"
        settings = yaml.safe_load(config.read_text("utf-8"))
        config.write_text(yaml.safe_dump({**settings, "exclude_docs": "excluded.png"}), "utf-8")
        server.rebuild()
    finally:
        server.stop()
    assert sorted(path.name for path in served.iterdir()) == ["kept.png"]


@pytest.mark.parametrize("dirty", [False, True], ids=["serve", "serve --dirty"])
def test_a_preview_whose_site_drops_search_keeps_no_search_files(
    site_root: Path, dirty: bool
) -> None:
    """The search plugin taken out of mkdocs.yml while `mkdocs serve` runs: the next rebuild
    serves no index (Newsroom's, nor Material's, which the plugin no longer rewrites: both
    may hold what was held back since) and no page with a search box."""
    server = Server(site_root, "live", dirty)
    server.start()
    try:
        server.rebuild()
        assert (server.site / INDEX_DIR / "manifest.json").is_file()
        assert (server.site / "search/search_index.json").is_file()
        config = site_root / "mkdocs.yml"
        settings = yaml.safe_load(config.read_text(encoding="utf-8"))
        settings["plugins"].remove("search")
        config.write_text(yaml.safe_dump(settings), encoding="utf-8")
        server.rebuild()
        assert not (server.site / "search").exists()
        pages = list(server.site.rglob("*.html"))
        assert len(pages) > 40
        assert not [p for p in pages if 'for="__search"' in p.read_text(encoding="utf-8")]
    finally:
        server.stop()


def test_a_page_the_preview_s_folder_refuses_is_a_line_and_the_preview_goes_on(
    site_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under `serve --dirty`, a page whose copy the file system refuses (a full disk) and a
    deleted story's page it keeps are a line each; the other pages are rebuilt."""
    server = Server(site_root, "live", dirty=True)
    server.start()
    try:
        server.rebuild()
        content = site_root / "content/articles"
        (content / "03.txt").unlink()
        edited = content / "04.md"
        edited.write_text(edited.read_text("utf-8").replace("zebra4", "okapi4"), "utf-8")
        copy, remove = rendered_pages.shutil.copyfile, rendered_pages.remove_with_empty_folders

        def refused(path: Path) -> None:
            raise PermissionError(1, "Operation not permitted", str(path))

        def copying(source: str, target: str) -> None:
            (refused if "story-4" in str(target) else lambda _: copy(source, target))(target)

        monkeypatch.setattr(rendered_pages.shutil, "copyfile", copying)
        monkeypatch.setattr(
            rendered_pages,
            "remove_with_empty_folders",
            lambda path: refused(path) if "story-3" in str(path) else remove(path),
        )
        said = server.rebuild()
    finally:
        server.stop()
    refusals = [line for line in said if "Operation not permitted" in line]
    assert len(refusals) == 2, said
    assert "story-4/index.html" in refusals[0] and "could not be written" in refusals[0]
    assert "story-3/index.html" in refusals[1] and "could not be removed" in refusals[1]
    assert len(list((site_root / "live").glob("2024/*/*/story-1/index.html"))) == 1
