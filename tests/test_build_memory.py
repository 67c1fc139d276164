"""What a clean build holds in memory while it writes the pages: each article once (#18's peak
memory: a clean build that kept every article as read, and its tags, beside the article as
published held two of each, 12% of its peak at 10,000 articles)."""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING, Any

from mkdocs_newsroom.build.site_build import SiteBuild
from mkdocs_newsroom.model import Article

from .sites import article, build_site

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

STORIES = 30


def _alive_when_pages_are_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> int:
    counted = 0
    write = SiteBuild.write
    # what earlier tests of this process left alive is held (so that no new object takes the
    # identity of one that dies) and left out of the count
    before = _articles()
    earlier = {id(story) for story in before}

    def counting_write(self: SiteBuild, config: Any) -> None:
        nonlocal counted
        counted = sum(id(story) not in earlier for story in _articles())
        write(self, config)

    monkeypatch.setattr(SiteBuild, "write", counting_write)
    stories = {
        f"articles/story-{number}.md": article(
            f"Story {number}", section="world", tags=["Harvest", "Wheat"]
        )
        for number in range(STORIES)
    }
    build_site(tmp_path, stories, plugin={"processes": 1}, command=command)
    return counted


def _articles() -> list[Article]:
    gc.collect()
    return [thing for thing in gc.get_objects() if isinstance(thing, Article)]


def test_a_clean_build_holds_each_article_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _alive_when_pages_are_written(tmp_path, monkeypatch, "build") == STORIES


def test_a_preview_keeps_what_it_read_for_its_next_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The articles as read stay beside the articles as published: the next save reads
    again only the files that changed (tests/test_incremental.py)."""
    assert _alive_when_pages_are_written(tmp_path, monkeypatch, "serve") == 2 * STORIES
