"""Sharing work among forked processes, and the progress lines of long builds."""

from __future__ import annotations

import contextlib
import gc
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

import pytest

from mkdocs_newsroom.build.heap import thaw_heap
from mkdocs_newsroom.build.parallel import fork_map, processes_for, run_aside
from mkdocs_newsroom.build.progress import Progress
from mkdocs_newsroom.problems import NewsroomError

from .sites import REPO


def _square_with_pid(number: int) -> tuple[int, int]:
    return number * number, os.getpid()


def in_a_fresh_process(check: str) -> Any:
    """What `check` (a function of this module) returns when run in a new interpreter.

    fork_map and run_aside share work only while their process runs no other thread, and
    the tests before these ones may leave some (browsers, servers): a new interpreter runs
    none, whatever ran before."""
    code = (
        "import json, sys\n"
        "from tests import test_parallel\n"
        "print(json.dumps(getattr(test_parallel, sys.argv[1])()))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, check],
        cwd=REPO,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def fork_map_in_order() -> dict[str, Any]:
    threads = threading.active_count()
    results = fork_map(_square_with_pid, list(range(500)), processes=3)
    return {
        "threads": threads,
        "values": [value for value, _pid in results],
        "pids": sorted({pid for _value, pid in results}),
        "me": os.getpid(),
        "threads after": threading.active_count(),
    }


def test_fork_map_gives_the_serial_result_in_order_from_several_processes() -> None:
    found = in_a_fresh_process("fork_map_in_order")
    assert found["threads"] == 1
    assert found["values"] == [n * n for n in range(500)]
    assert len(found["pids"]) == 3
    assert found["me"] in found["pids"]
    assert found["threads after"] == 1  # no thread left behind


def _frozen_objects(_item: object) -> int:
    return gc.get_freeze_count()


def heaps_frozen_for_workers() -> dict[str, Any]:
    """What the collector of each worker holds back: the heap it inherited. Without that, a
    worker's full collection walks (and so copies) every page of it."""
    shares = fork_map(_frozen_objects, list(range(200)), processes=2)
    with tempfile.TemporaryDirectory() as folder:
        marker = Path(folder, "aside")
        run_aside(lambda: marker.write_text(str(gc.get_freeze_count())), processes=2).wait()
        aside = int(marker.read_text())
    here = gc.get_freeze_count()
    thaw_heap()
    return {"shares": shares, "aside": aside, "here": here, "thawed": gc.get_freeze_count()}


def test_workers_leave_the_heap_they_inherit_out_of_garbage_collection() -> None:
    found = in_a_fresh_process("heaps_frozen_for_workers")
    assert min(found["shares"]) > 1000  # both shares: this process's and the worker's
    assert found["aside"] > 1000
    assert found["here"] > 1000  # and this process, until the build ends
    assert found["thawed"] == 0


def heaps_left_frozen_by_a_build() -> dict[str, int]:
    """What the collector holds back after a build shared among processes, and after the next
    build of the same process, made by one process (which freezes nothing)."""
    from .sites import article, build_site

    stories = {
        f"articles/story-{number}.md": article(f"Story {number}", section="world")
        for number in range(120)
    }
    frozen = {}
    with tempfile.TemporaryDirectory() as folder:
        for processes in (2, 1):
            root = Path(folder, str(processes))
            build_site(root, stories, plugin={"processes": processes})
            assert len(list((root / "site").rglob("story-*/index.html"))) == len(stories)
            frozen[str(processes)] = gc.get_freeze_count()
    return frozen


def test_a_build_leaves_the_heap_frozen_until_the_next_build_of_its_process() -> None:
    """`mkdocs build` ends with what its workers' forks froze still frozen: the interpreter's
    last collection, on its way out, does not walk it (0.3 s at 2,000 articles); the next
    build in the same process (tests, scripts) thaws it, or it would never be collected."""
    found = in_a_fresh_process("heaps_left_frozen_by_a_build")
    assert found["2"] > 10_000
    assert found["1"] == 0


def collections_of_a_build() -> dict[str, Any]:
    """Python's young collections while a build of 300 stories reads and writes in this
    process (not while MkDocs and the extensions load), and the collector's thresholds before
    and after the build."""
    from mkdocs_newsroom.build.site_build import SiteBuild

    from .sites import article, build_site

    stories = {
        f"articles/story-{number}.md": article(f"Story {number}", section="world")
        for number in range(300)
    }
    young = {"counting": False, "count": 0}

    def count(phase: str, info: dict[str, int]) -> None:
        if young["counting"] and phase == "start" and info["generation"] == 0:
            young["count"] += 1

    def counted(step: Any) -> Any:
        def run(*args: Any, **kwargs: Any) -> Any:
            young["counting"] = True
            try:
                return step(*args, **kwargs)
            finally:
                young["counting"] = False

        return run

    SiteBuild.read = counted(SiteBuild.read)  # type: ignore[method-assign]
    SiteBuild.write = counted(SiteBuild.write)  # type: ignore[method-assign]
    before = gc.get_threshold()
    with tempfile.TemporaryDirectory() as folder:
        with contextlib.suppress(Exception):  # a build that stops (on_config's check)
            build_site(Path(folder, "1"), stories, config={"site_url": "https://a.example/?q"})
        failed = gc.get_threshold()
        gc.callbacks.append(count)
        build_site(Path(folder, "2"), stories, plugin={"processes": 1})
        gc.callbacks.remove(count)
    after = gc.get_threshold()
    return {"young": young["count"], "before": before, "failed": failed, "after": after}


def test_a_build_collects_young_objects_seldom_and_puts_the_thresholds_back() -> None:
    """With Python's threshold (700 allocations) such a build's reading and writing set off
    some forty young collections; a build collects every 100,000 (bench/RESULTS.md: 3 %
    of a build's time at 10,000 articles), and puts Python's back when it ends or stops on an
    error (a hostile review found a stopped build left them raised)."""
    found = in_a_fresh_process("collections_of_a_build")
    assert found["young"] < 10
    assert found["failed"] == found["after"] == found["before"]


def whole_renders_by_process() -> dict[str, int]:
    """How many pages each process of a build rendered through the whole template (to learn
    a kind's skeleton, rendering/assembly.py): in this process, in the workers."""
    from mkdocs_newsroom.rendering import assembly

    from .sites import article, build_site

    stories = {
        f"articles/story-{number}.md": article(
            f"Story {number}", section=("world", "politics")[number % 2], tags=[f"T{number % 3}"]
        )
        for number in range(150)
    }
    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder, "renders")

        def logged(function: Any) -> Any:
            def render(*args: Any) -> Any:
                with log.open("a") as lines:
                    lines.write(f"{os.getpid()}\n")
                return function(*args)

            return render

        assembly._render_whole = logged(assembly._render_whole)
        assembly._render_marked = logged(assembly._render_marked)
        build_site(Path(folder, "site"), stories, plugin={"processes": 2})
        pids = log.read_text().split()
    here = str(os.getpid())
    return {"here": pids.count(here), "workers": len(pids) - pids.count(here)}


def test_the_workers_inherit_the_kinds_of_page_this_process_learnt() -> None:
    """The first pages of each kind are written before the workers are forked: each would
    otherwise render them whole again to learn them (0.2 s of CPU at 1,000 articles)."""
    found = in_a_fresh_process("whole_renders_by_process")
    assert found["here"] >= 10
    assert found["workers"] <= found["here"] // 4


def failing_worker() -> str:
    def boom(number: int) -> int:
        if number == 301:  # in the second process's share (every other item from 1)
            raise ValueError("no")
        return number

    try:
        fork_map(boom, list(range(400)), processes=2)
    except NewsroomError as error:
        return str(error)
    return "no error"


def test_a_failing_worker_fails_the_whole_map() -> None:
    assert in_a_fresh_process("failing_worker") == (
        "newsroom: 1 worker process(es) failed (see the error above)"
    )


def test_small_jobs_stay_in_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    results = fork_map(_square_with_pid, [1, 2, 3], processes=4)
    assert {pid for _value, pid in results} == {os.getpid()}
    assert processes_for("serve", 4) == 4  # the first build of a preview, before any thread
    assert processes_for("build", 3) == 3
    assert processes_for("gh-deploy", 2) == 2
    assert processes_for("check", 4) == 1  # not a build
    for cpus, processes in ((None, 1), (1, 1), (2, 2), (6, 6), (64, 8)):  # 0: one per CPU
        monkeypatch.setattr(os, "cpu_count", lambda cpus=cpus: cpus)
        assert processes_for("build", 0) == processes, cpus


def forking_beside_a_thread() -> dict[str, Any]:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, daemon=True)
    thread.start()
    try:
        beside = fork_map(_square_with_pid, list(range(400)), processes=3)
        with tempfile.TemporaryDirectory() as folder:
            marker = Path(folder, "aside")
            run_aside(lambda: marker.write_text(str(os.getpid())), processes=2).wait()
            aside = int(marker.read_text())
    finally:
        stop.set()
        thread.join()
    alone = fork_map(_square_with_pid, list(range(400)), processes=3)
    return {
        "me": os.getpid(),
        "beside a thread": sorted({pid for _value, pid in beside}),
        "aside beside a thread": aside,
        "alone": sorted({pid for _value, pid in alone}),
    }


def test_a_process_that_runs_other_threads_is_never_forked() -> None:
    """The rebuilds of `mkdocs serve` run beside its server and file watcher threads."""
    found = in_a_fresh_process("forking_beside_a_thread")
    assert found["beside a thread"] == [found["me"]]
    assert found["aside beside a thread"] == found["me"]
    assert len(found["alone"]) == 3 and found["me"] in found["alone"]


def test_the_helpers_leave_no_thread_behind(tmp_path: Path) -> None:
    """Whatever threads run already (the other tests'), the helpers start none of their own."""
    before = set(threading.enumerate())
    fork_map(_square_with_pid, list(range(400)), processes=3)
    run_aside(lambda: (tmp_path / "aside").write_text("yes"), processes=2).wait()
    assert (tmp_path / "aside").read_text() == "yes"
    assert set(threading.enumerate()) == before


def test_progress_speaks_at_most_every_interval_and_not_in_ci(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lines: list[str] = []
    monkeypatch.delenv("CI", raising=False)
    progress = Progress(lines.append, 10_000, "pages written", interval=0)
    progress.update(2_500)
    progress.update(12_000)
    assert lines == ["pages written: 2,500 of 10,000", "pages written: 10,000 of 10,000"]
    monkeypatch.setenv("CI", "true")
    silent: list[str] = []
    Progress(silent.append, 10, "pages written", interval=0).update(5)
    assert silent == []


def run_aside_and_fail() -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        marker = Path(folder, "done")
        run_aside(lambda: marker.write_text(str(os.getpid())), processes=2).wait()
        done_by = int(marker.read_text())

    def fail() -> None:
        raise ValueError("no")

    try:
        run_aside(fail, processes=2).wait()
        failure = "no error"
    except NewsroomError as error:
        failure = str(error)
    return {"me": os.getpid(), "done by": done_by, "failure": failure}


def test_work_run_aside_finishes_and_its_failure_is_reported() -> None:
    found = in_a_fresh_process("run_aside_and_fail")
    assert found["done by"] != found["me"]  # in a process of its own
    assert found["failure"] == "newsroom: a worker process failed (see the error above)"


class _PidSearch:
    """A stand-in for the site's search: writes which process wrote the index, and when."""

    def write(
        self, articles: Any, locale: str, site_dir: str, in_place: bool, context: str
    ) -> list[Any]:
        Path(site_dir, "written by").write_text(f"{os.getpid()} {len(articles)} {locale}")
        return []  # nothing the file system refused


def index_written_early_or_late() -> dict[str, Any]:
    from types import SimpleNamespace

    from mkdocs_newsroom.build.search_index import IndexWriting

    settings = SimpleNamespace(locale="fr")
    found: dict[str, Any] = {"me": os.getpid()}
    for processes in (2, 1):
        with tempfile.TemporaryDirectory() as folder:
            writing = IndexWriting(_PidSearch(), settings, processes)  # type: ignore[arg-type]
            writing.start(["a", "b"], folder, in_place=False)
            found[f"{processes} after start"] = Path(folder, "written by").exists()
            writing.write(["a", "b", "c"], folder, in_place=False)  # aside: already under way
            writing.wait()
            found[f"{processes} by"] = Path(folder, "written by").read_text()
    return found


def test_the_search_index_of_a_clean_build_is_written_aside_from_the_start() -> None:
    found = in_a_fresh_process("index_written_early_or_late")
    pid, articles, locale = found["2 by"].split()
    assert pid != str(found["me"]) and (articles, locale) == ("2", "fr")  # forked at start
    assert found["1 after start"] is False  # one process: nothing at start...
    assert found["1 by"] == f"{found['me']} 3 fr"  # ...but here, with the pages
