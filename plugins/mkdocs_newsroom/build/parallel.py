"""Sharing work among forked processes, for `mkdocs build` on machines with several cores.

Forking gives each process the build's whole memory (articles, the Markdown instance, the
Jinja environment) at no cost; each process takes every n-th item and sends its results back
through a pipe. Forking a process that runs other threads is unsafe (a lock one of them holds
stays locked in the child), so work is shared only while this process runs no other thread:
every `mkdocs build`, and the first build of `mkdocs serve`, which MkDocs runs before its
server and file watcher start; the rebuilds after a save run in the one process.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import threading
import traceback
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from ..problems import NewsroomError
from ..reading.mapping import Recoverable
from .heap import freeze_heap
from .progress import Progress

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from ..reading.mapping import MapFunction

T = TypeVar("T")
R = TypeVar("R")
A = TypeVar("A")
B = TypeVar("B")

MIN_ITEMS_PER_PROCESS = 50
BATCH = 200  # results pickled together on their way back from a worker


def processes_for(command: str, requested: int) -> int:
    """How many processes to use for a build or a preview; `requested` 0 means one per CPU."""
    if command not in ("build", "gh-deploy", "serve") or not hasattr(os, "fork"):
        return 1
    if requested > 0:
        return requested
    return max(1, min(os.cpu_count() or 1, 8))


def fork_map(
    function: Callable[[T], R],
    items: Sequence[T],
    processes: int,
    progress: Callable[[int], None] | None = None,
    min_items: int = MIN_ITEMS_PER_PROCESS,
) -> list[R]:
    """`[function(item) for item in items]`, computed by up to `processes` processes, each
    given at least `min_items` items (fewer are not worth a process).

    `progress` is called in this process with an estimate of how many items are done.
    """
    processes = max(1, min(processes, len(items) // max(1, min_items)))
    if not _may_fork():
        processes = 1

    def run(share: Sequence[T]) -> list[R]:
        results = []
        for done, item in enumerate(share, 1):
            results.append(function(item))
            if progress is not None:
                progress(done * processes)
        return results

    if processes <= 1:
        return run(items)
    freeze_heap()
    children: list[tuple[int, int]] = []
    for share in range(1, processes):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - runs in the child
            os.close(read_end)
            _run_share_and_exit(function, items[share::processes], write_end)
        os.close(write_end)
        children.append((pid, read_end))
    results: list[list[R]] = [run(items[0::processes])]
    failed: list[int] = []  # how each failed process ended
    for share, (pid, read_end) in enumerate(children, 1):
        received = _received(read_end)
        status = os.waitpid(pid, 0)[1]
        if status == 0 and len(received) == len(items[share::processes]):
            results.append(received)
        elif isinstance(function, Recoverable):  # what it did not hand back, told apart
            results.append([function.lost(item) for item in items[share::processes]])
        else:
            failed.append(status)
            results.append([])
    if failed:
        raise NewsroomError(f"newsroom: {len(failed)} worker process(es) {_ended(failed)}")
    merged: list[R] = [None] * len(items)  # type: ignore[list-item]
    for share, share_results in enumerate(results):
        merged[share::processes] = share_results
    freeze_heap()  # the results too: they live as long as the build
    return merged


def shared_map(
    processes: int, say: Callable[[str], None], what: str, min_items: int = MIN_ITEMS_PER_PROCESS
) -> MapFunction:
    """`fork_map` over `processes`, saying how far it got on long runs (`what`: what an item
    done is, such as "articles read")."""

    def map_shared(function: Callable[[A], B], items: Sequence[A], /) -> list[B]:
        progress = Progress(say, len(items), what)
        return fork_map(function, items, processes, progress.update, min_items)

    return map_shared


class Aside(Generic[R]):
    """Work running in a forked process beside this one; `wait()` for its result."""

    def __init__(self, pid: int | None, result: R | None = None, read_end: int = -1) -> None:
        self._pid = pid
        self._result = result
        self._read_end = read_end

    def wait(self) -> R:
        if self._pid is None:
            return self._result  # type: ignore[return-value]
        received = _received(self._read_end)
        if os.waitpid(self._pid, 0)[1] != 0 or len(received) != 1:
            raise NewsroomError("newsroom: a worker process failed (see the error above)")
        result: R = received[0]
        return result


def run_aside(function: Callable[[], R], processes: int) -> Aside[R]:
    """Run `function` in a forked process while this one goes on (with one process, run it
    now). For work whose result is files and a little to say about them, such as the search
    index and the feeds of a clean build."""
    if processes <= 1 or not _may_fork():
        return Aside(None, function())
    read_end, write_end = os.pipe()
    freeze_heap()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        os.close(read_end)
        _run_share_and_exit(lambda _item: function(), [None], write_end)
    os.close(write_end)
    return Aside(pid, read_end=read_end)


def _ended(statuses: list[int]) -> str:
    """How worker processes ended, for the message that stops the build."""
    killed = [os.WTERMSIG(status) for status in statuses if os.WIFSIGNALED(status)]
    if not killed:
        return "failed (see the error above)"
    names = ", ".join(sorted({signal.Signals(number).name for number in killed}))
    return (
        f"were stopped by {names}, perhaps for want of memory (the system's OOM killer); "
        "build with fewer processes, or on a machine with more memory"
    )


def _received(read_end: int) -> list[Any]:
    """The results a worker sent, batch after batch until it closed the pipe (all of them
    pickled at once would hold twice their size in each process: 250 MB at 50,000
    articles)."""
    received: list[Any] = []
    with os.fdopen(read_end, "rb") as pipe:
        while True:
            try:
                received.extend(pickle.load(pipe))
            except EOFError:
                return received
            except pickle.UnpicklingError:  # cut short: the worker was killed
                return received


def _may_fork() -> bool:
    return threading.active_count() == 1


def _run_share_and_exit(
    function: Callable[[T], R], items: Sequence[T], write_end: int
) -> None:  # pragma: no cover - runs in the child
    status = 0
    try:
        results = [function(item) for item in items]
        with os.fdopen(write_end, "wb") as pipe:
            for start in range(0, len(results), BATCH):
                pickle.dump(results[start : start + BATCH], pipe, pickle.HIGHEST_PROTOCOL)
    except BaseException:
        traceback.print_exc(file=sys.stderr)
        status = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)
