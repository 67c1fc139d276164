"""What a clean build holds in memory while it writes the pages: each article once (#18's peak
memory: a clean build that kept every article as read beside the article as published held
two of each, 12% of its peak at 10,000 articles)."""

from __future__ import annotations

import gc
from collections import Counter
from typing import TYPE_CHECKING, Any

from mkdocs_newsroom.build.site_build import SiteBuild
from mkdocs_newsroom.model import Article, Tag

from .sites import article, build_site

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

STORIES = 30
TAGS = ("Harvest", "Wheat", "Kabul", "Prices")


def _alive_when_pages_are_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> Counter[str]:
    counted: Counter[str] = Counter()
    write = SiteBuild.write

    def counting_write(self: SiteBuild, config: Any) -> None:
        gc.collect()
        counted.update(
            type(thing).__name__ for thing in gc.get_objects() if isinstance(thing, Article | Tag)
        )
        write(self, config)

    monkeypatch.setattr(SiteBuild, "write", counting_write)
    stories = {
        f"articles/story-{number}.md": article(
            f"Story {number}", section="world", tags=list(TAGS[: 1 + number % len(TAGS)])
        )
        for number in range(STORIES)
    }
    build_site(tmp_path, stories, plugin={"processes": 1}, command=command)
    return counted


def test_a_clean_build_holds_each_article_and_tag_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    alive = _alive_when_pages_are_written(tmp_path, monkeypatch, "build")
    assert alive["Article"] == STORIES
    assert alive["Tag"] == len(TAGS)


def test_a_preview_keeps_what_it_read_for_its_next_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The articles as read stay beside the articles as published: the next save reads
    again only the files that changed (tests/test_incremental.py)."""
    alive = _alive_when_pages_are_written(tmp_path, monkeypatch, "serve")
    assert alive["Article"] == 2 * STORIES
