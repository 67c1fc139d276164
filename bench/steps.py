"""When each step of one `mkdocs build` of a Newsroom site starts and ends, in wall-clock time
since the script started and in the CPU time of the main process (the forked workers' CPU is
not in it: a step whose CPU grows as fast as the clock ran in this process, one whose CPU
stands still waited for workers).

    .venv/bin/python bench/steps.py bench/out/gen-10000-newsroom

The site is built into a temporary folder, deleted afterwards. Nothing here runs in the tests.
"""

from __future__ import annotations

import argparse
import functools
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

STARTED = time.perf_counter()
SITE_BUILD_STEPS = ("read", "add_navigation", "prepare", "write")
SITE_BUILD_PARTS = ("_write_pages", "_write_outputs", "_write_redirects")
READING_PARTS = ("site_sources", "read_site", "index_site", "site_page_files")


def _stamp(what: str) -> None:
    wall, cpu = time.perf_counter() - STARTED, time.process_time()
    print(f"{wall:8.3f} s  {cpu:8.3f} s CPU  {what}", file=sys.stderr)


def _timed(function: Callable[..., Any], name: str, depth: int) -> Callable[..., Any]:
    indent = "  " * depth

    @functools.wraps(function)
    def timed(*args: Any, **kwargs: Any) -> Any:
        _stamp(f"{indent}> {name}")
        try:
            return function(*args, **kwargs)
        finally:
            _stamp(f"{indent}< {name}")

    return timed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a folder with mkdocs.yml (bench/generate.py)")
    arguments = parser.parse_args()
    from mkdocs.__main__ import cli

    from mkdocs_newsroom.build import site_build

    _stamp("MkDocs and Newsroom imported")
    for name in SITE_BUILD_STEPS:
        setattr(site_build.SiteBuild, name, _timed(getattr(site_build.SiteBuild, name), name, 0))
    for name in SITE_BUILD_PARTS:
        setattr(site_build.SiteBuild, name, _timed(getattr(site_build.SiteBuild, name), name, 1))
    for name in READING_PARTS:
        setattr(site_build, name, _timed(getattr(site_build, name), name, 1))
    output = Path(tempfile.mkdtemp(prefix="newsroom-steps-"))
    os.chdir(arguments.site)
    sys.argv = ["mkdocs", "build", "-q", "-d", str(output / "site")]
    try:
        cli()
    except SystemExit as ended:
        if ended.code:
            raise
        _stamp("built")
    finally:
        shutil.rmtree(output, ignore_errors=True)


if __name__ == "__main__":
    main()
