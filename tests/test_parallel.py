"""Sharing work among forked processes, and the progress lines of long builds."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from mkdocs_newsroom.build.parallel import fork_map, processes_for, run_aside
from mkdocs_newsroom.build.progress import Progress
from mkdocs_newsroom.problems import NewsroomError


def _square_with_pid(number: int) -> tuple[int, int]:
    return number * number, os.getpid()


def test_fork_map_gives_the_serial_result_in_order_from_several_processes() -> None:
    items = list(range(500))
    results = fork_map(_square_with_pid, items, processes=3)
    assert [value for value, _pid in results] == [n * n for n in items]
    assert len({pid for _value, pid in results}) == 3
    assert {pid for _value, pid in results} >= {os.getpid()}


def test_a_failing_worker_fails_the_whole_map() -> None:
    def boom(number: int) -> int:
        if number == 301:
            raise ValueError("no")
        return number

    with pytest.raises((NewsroomError, ValueError)):
        fork_map(boom, list(range(400)), processes=2)


def test_small_jobs_stay_in_one_process() -> None:
    results = fork_map(_square_with_pid, [1, 2, 3], processes=4)
    assert {pid for _value, pid in results} == {os.getpid()}
    assert processes_for("serve", 4) == 4  # the first build of a preview, before any thread
    assert processes_for("build", 3) == 3
    assert processes_for("build", 0) >= 1


def test_a_process_that_runs_other_threads_is_never_forked(tmp_path: Path) -> None:
    """The rebuilds of `mkdocs serve` run beside its server and file watcher threads."""
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, daemon=True)
    thread.start()
    try:
        results = fork_map(_square_with_pid, list(range(400)), processes=3)
        assert {pid for _value, pid in results} == {os.getpid()}
        marker = tmp_path / "aside"
        run_aside(lambda: marker.write_text(str(os.getpid())), processes=2).wait()
        assert marker.read_text() == str(os.getpid())
    finally:
        stop.set()
        thread.join()
    results = fork_map(_square_with_pid, list(range(400)), processes=3)
    assert len({pid for _value, pid in results}) == 3


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


def test_work_run_aside_finishes_and_its_failure_is_reported(tmp_path: Path) -> None:
    marker = tmp_path / "done"
    run_aside(lambda: marker.write_text("yes"), processes=2).wait()
    assert marker.read_text() == "yes"

    def fail() -> None:
        raise ValueError("no")

    with pytest.raises(NewsroomError):
        run_aside(fail, processes=2).wait()
