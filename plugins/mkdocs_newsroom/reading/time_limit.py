"""A bound on the time one article's body may take to render: Python-Markdown takes time
quadratic in the length of some inputs (16 KB of '[a][' takes ten seconds, 160 KB would take
a quarter of an hour), and one such file must not stall every build.

In a process's main thread (every `mkdocs build`, its worker processes, `newsroom check`, the
first build of `mkdocs serve`) a timer signal interrupts the render. In another thread (the
rebuilds of `mkdocs serve`, which MkDocs runs beside its server) a watchdog thread raises the
same exception in the rendering thread. Either way the exception is raised between two steps
of Python code, which is where Python-Markdown spends that time.
"""

from __future__ import annotations

import ctypes
import signal
import threading
import time
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator
    from types import FrameType

# Seconds one body may take: enough for 5 MB of ordinary Markdown on a slow machine
BASE_SECONDS = 10.0
SECONDS_PER_BYTE = 10e-6


class TooSlow(BaseException):
    """Raised inside a render that ran out of time (a BaseException, so that no `except
    Exception` in a Markdown extension swallows it)."""


def seconds_for(text: str | bytes) -> float:
    """The time a body of `text` may take to render."""
    return BASE_SECONDS + SECONDS_PER_BYTE * len(text)


def slow_boilerplate(seconds: float) -> str:
    """Why a plain text ran out of time: only the site's boilerplate patterns can be slow."""
    return (
        f"its text took more than {seconds:.3g} s to read: a 'boilerplate' pattern of "
        "mkdocs.yml is very slow on it (nested repeats such as '(a+)+'); simplify the pattern"
    )


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise TooSlow in this thread if the block runs longer than `seconds`."""
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        with _alarm(seconds):
            yield
    else:
        with _watchdog().watching(seconds):
            yield


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    def ring(_number: int, _frame: FrameType | None) -> None:
        raise TooSlow

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class _Watchdog:
    """One daemon thread that raises TooSlow in threads whose time ran out."""

    def __init__(self) -> None:
        self._deadlines: dict[int, float] = {}
        self._changed = threading.Condition()
        threading.Thread(target=self._watch, name="newsroom-time-limit", daemon=True).start()

    @contextmanager
    def watching(self, seconds: float) -> Iterator[None]:
        ident = threading.get_ident()
        with self._changed:
            self._deadlines[ident] = time.monotonic() + seconds
            self._changed.notify()
        try:
            yield
        finally:
            with self._changed:
                self._deadlines.pop(ident, None)

    def _watch(self) -> None:
        while True:
            with self._changed:
                now = time.monotonic()
                for ident, deadline in list(self._deadlines.items()):
                    if deadline <= now:
                        del self._deadlines[ident]
                        _raise_in(ident)
                soonest = min(self._deadlines.values(), default=now + 3600)
                self._changed.wait(max(0.01, soonest - now))


def _raise_in(ident: int) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(ident), ctypes.py_object(TooSlow))


_WATCHDOG: list[_Watchdog] = []


def _watchdog() -> _Watchdog:
    if not _WATCHDOG:
        _WATCHDOG.append(_Watchdog())
    return _WATCHDOG[0]
