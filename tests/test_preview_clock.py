"""A preview left open keeps time: a story that falls due appears, and one that expires goes
from the feeds, when the moment passes, without a save (preview/clock_rebuilds.py). A real
`mkdocs serve` on the machine's clock, the moments a few seconds after it starts."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import pytest

from .commands import fetch, serving
from .sites import AUTHORS, article, write_tree
from .test_preview_session import _write_config

if TYPE_CHECKING:
    from pathlib import Path

WAIT = 20  # seconds from the preview's start to the moments: its first build is done by then


def _stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _feed_once(base: str, words: str, present: bool, until: float) -> None:
    """Wait until the site's feed holds `words` (or no longer does), at most until `until`."""
    while ("ZQX" + words in fetch(base + "feed.xml")[1]) is not present:
        assert time.monotonic() < until, (words, present)
        time.sleep(0.5)


@pytest.mark.parametrize("native", [True, False], ids=["native-watcher", "polling"])
def test_a_story_falls_due_and_another_expires_in_an_open_preview(
    tmp_path: Path, native: bool
) -> None:
    start = datetime.now(tz=UTC).replace(microsecond=0)
    moment = start + timedelta(seconds=WAIT)
    past = _stamp(start - timedelta(hours=1))
    expiring = article("Expiring ZQXGOING", past, expires=_stamp(moment))
    write_tree(
        tmp_path / "content",
        {
            "authors.yml": AUTHORS,
            "about.md": "# About\n",
            "articles/standing.md": article("Standing story", _stamp(start - timedelta(hours=2))),
            "articles/expiring.md": expiring,
            "articles/due.md": article("Due ZQXCOMING", _stamp(moment)),
        },
    )
    _write_config(tmp_path, native=native)
    saved = sorted(path.stat().st_mtime_ns for path in (tmp_path / "content").rglob("*"))
    with serving(tmp_path, rebuilds=True, clock=True) as base:
        feed = fetch(base + "feed.xml")[1]
        assert "Standing story" in feed
        assert datetime.now(tz=UTC) < moment, "the preview took too long to start"
        assert "ZQXGOING" in feed and "ZQXCOMING" not in feed
        until = time.monotonic() + WAIT + 60
        _feed_once(base, "COMING", True, until)
        _feed_once(base, "GOING", False, until)
    assert datetime.now(tz=UTC) >= moment
    # no file was saved: the clock alone rebuilt the preview
    assert sorted(path.stat().st_mtime_ns for path in (tmp_path / "content").rglob("*")) == saved
