"""Progress on long builds: a line every few seconds with what has been done, quiet in CI."""

from __future__ import annotations

import os
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

INTERVAL_SECONDS = 5.0


def quiet() -> bool:
    """CI logs keep only the closing lines (most CI services set CI=true)."""
    return os.environ.get("CI", "").lower() not in ("", "0", "false")


class Progress:
    """Counts work done and, at most every `interval` seconds, reports it through `say`."""

    def __init__(
        self,
        say: Callable[[str], None],
        total: int,
        what: str,
        *,
        interval: float = INTERVAL_SECONDS,
        enabled: bool | None = None,
    ) -> None:
        self._say = say
        self._total = total
        self._what = what
        self._interval = interval
        self._enabled = not quiet() if enabled is None else enabled
        self._started = time.monotonic()
        self._last = self._started

    def update(self, done: int) -> None:
        now = time.monotonic()
        if self._enabled and now - self._last >= self._interval:
            self._last = now
            done = min(done, self._total)
            self._say(f"{self._what}: {done:,} of {self._total:,}")

    def elapsed(self) -> float:
        return time.monotonic() - self._started
