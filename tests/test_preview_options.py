"""mkdocs serve: changing any plugin option between two builds of a session gives, byte for
byte, the site a fresh build with the new option gives (nothing a preview keeps may outlive
the option it was made with)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from mkdocs_newsroom.settings.schema import NewsroomConfig

from .sites import AUTHORS, SECTIONS, article, photo, write_tree
from .test_incremental import Server, _build_clean, _tree

BASE: dict[str, Any] = {"sections": SECTIONS}
# Each option with a value other than its default that changes what the site shows (or, for
# the last three, how it is built).
CHANGED: dict[str, Any] = {
    "articles_dir": "stories",
    "authors_file": "people.yml",
    "timezone": "Asia/Kabul",
    "boilerplate": ["^Agency footer"],
    "words_per_minute": 1,
    "summary_length": 25,
    "markdown_engine": "commonmark",  # the stories' ~~struck~~ words are struck through
    "sanitize_markdown_html": False,
    "embed_hosts": ["player.vimeo.com"],  # the YouTube frame of the stories goes
    "max_article_size": 1000,
    "max_tags_per_article": 1,
    "max_tags": 1,
    "article_url": "{section}/{slug}/",
    "sections": {**SECTIONS, "world": {"title": "Globe", "order": 9}},
    "locale": "fr",
    "editions": {"en": {"title": "English"}, "ps": {"title": "Pashto"}},
    "page_size": 2,
    "headline_page_size": 0,
    "index_page_size": 1,
    "navigation": False,
    "feed_length": 2,
    "feed_full_content": True,
    "listing_feeds": ["sections"],
    "publisher_name": "Another Publisher",
    "publisher_logo": "images/logo.png",
    "default_image": "images/logo.png",
    "robots_meta": "noindex",
    "news_sitemap": False,
    "robots_txt": False,
    "syndicated_imports": False,  # what `newsroom import` writes: nothing a build shows
    "syndicated_noindex": True,
    "front_page": False,
    "front_page_size": 2,
    "top_stories": 0,
    "section_stories": 1,
    "breaking_hours": 8_784,  # the greatest: a year
    "pictures": False,
    "picture_widths": [300],
    "picture_formats": ["webp"],
    "picture_max_pixels": 1000,
    "picture_cache_dir": ".cache/elsewhere",
    "publish_photo_positions": True,  # a warning less, no other change
    "processes": 1,
    "native_file_watcher": False,
    "plugin_page_events": False,
}


def _content() -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {"authors.yml": AUTHORS, "people.yml": AUTHORS}
    for number in range(8):
        files[f"articles/{number}.md"] = article(
            f"Story {number}",
            f"2024-0{1 + number % 3}-{10 + number}T10:00:00Z",
            section=["world", "politics", "business"][number % 3],
            tags=[f"Tag {number % 3}", "Shared"],
            authors=["jdoe"],
            breaking=number == 7,
            syndicated=number == 4,
            lang="ps" if number == 6 else "en",
            **({"image": {"src": "images/photo.jpg", "alt": "A photo"}} if number == 4 else {}),
            body=(
                f"Body of story {number}, {'long ' * 200 if number == 5 else ''}about zebras.\n\n"
                'Agency footer line.\n\n<em onclick="x()">Raw HTML</em>\n\n'
                '<iframe src="https://www.youtube.com/embed/z" title="Zebras"></iframe>\n\n'
                "~~Struck~~ words.\n"
            ),
        )
    files["images/logo.png"] = b"\x89PNG logo"
    files["images/photo.jpg"] = photo(640, 480, quality=95)
    return files


def _write_config(root: Path, options: dict[str, Any]) -> None:
    settings = {
        "site_name": "Options Gazette",
        "site_url": "https://news.example.org/",
        "docs_dir": "content",
        "theme": {"name": "material", "font": False},
        "plugins": ["search", {"newsroom": {**BASE, **options}}],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")


# `mkdocs serve --dirty` neither re-reads MkDocs' own unchanged pages nor removes its copies
# of files that stop being its files: these options move files between MkDocs and Newsroom, so
# they are previewed without --dirty. The others alternate, so that both ways are covered.
NOT_DIRTY = {"articles_dir", "authors_file"}
CASES = [
    (option, index % 2 == 1 and option not in NOT_DIRTY)
    for index, option in enumerate(sorted(CHANGED))
]


def test_every_option_is_changed_by_the_test_below() -> None:
    assert set(CHANGED) == {name for name, _option in NewsroomConfig._schema}


@pytest.mark.parametrize(
    ("option", "dirty"), CASES, ids=[f"{o}{' --dirty' if d else ''}" for o, d in CASES]
)
def test_changing_an_option_in_a_preview_gives_the_clean_build_of_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, option: str, dirty: bool
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1717200000")
    write_tree(tmp_path / "content", _content())
    (tmp_path / "content" / "stories").mkdir()
    _write_config(tmp_path, {})
    live = Server(tmp_path, "live", dirty)
    live.start()
    try:
        live.rebuild()
        _write_config(tmp_path, {option: CHANGED[option]})
        live.rebuild()
    finally:
        live.stop()
    _build_clean(tmp_path)
    previewed, fresh = _tree(tmp_path / "live"), _tree(tmp_path / "clean")
    assert sorted(previewed) == sorted(fresh)
    assert [path for path in fresh if previewed[path] != fresh[path]] == []
