"""ProperDocs, the maintained continuation of MkDocs 1.x, runs Newsroom as MkDocs does: the demo
portal built with `properdocs build` is the one `mkdocs build` makes (bar the generator's
name), and `properdocs serve` hears of a save through the native file watcher."""

from __future__ import annotations

import re
import time
from pathlib import Path

from .commands import copy_demo, fetch, run, serving

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def _site(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_properdocs_builds_the_demo_as_mkdocs_does(tmp_path: Path) -> None:
    portal = copy_demo(tmp_path / "portal")
    sites = {}
    for engine in ("mkdocs", "properdocs"):
        built = run(portal, engine, "build", "--strict", "-f", "mkdocs.yml", "-d", engine)
        assert built.returncode == 0, built.stderr
        assert "newsroom: published 9 articles, skipped 1: 1 draft" in built.stderr, engine
        sites[engine] = _site(portal / engine)
    mkdocs, properdocs = sites["mkdocs"], sites["properdocs"]
    assert len(mkdocs) > 100 and mkdocs.keys() == properdocs.keys()
    story = "2026/11/24/city-council-approves-a-year-long-night-bus-trial/index.html"
    generators = [GENERATOR.findall(site[story]) for site in (mkdocs, properdocs)]
    assert generators == [
        [b'<meta name="generator" content="newsroom, mkdocs-1.6.1, mkdocs-material">'],
        [b'<meta name="generator" content="newsroom, properdocs-1.6.7, mkdocs-material">'],
    ]
    differ = [
        name
        for name in mkdocs
        if GENERATOR.sub(b"", mkdocs[name]) != GENERATOR.sub(b"", properdocs[name])
    ]
    assert differ == []


def test_properdocs_serve_rebuilds_on_a_save_with_the_native_watcher(tmp_path: Path) -> None:
    portal = copy_demo(tmp_path / "portal")
    source = portal / "content/articles/2026/11/night-buses.md"
    said: list[str] = []
    with serving(portal, engine="properdocs", said=said, rebuilds=True) as base:
        status, front = fetch(base)
        assert status == 200 and "night bus trial" in front
        source.write_text(
            source.read_text("utf-8").replace("title: ", "title: Saved ", 1), encoding="utf-8"
        )
        deadline = time.monotonic() + 60
        while "Saved City council" not in fetch(base)[1]:
            assert time.monotonic() < deadline, "the save was not heard"
            time.sleep(0.3)
    (log,) = said
    assert "Serving on http://127.0.0.1:" in log  # what was said was read
    assert "watching files by polling" not in log  # the native watcher was used
    assert "Traceback" not in log
