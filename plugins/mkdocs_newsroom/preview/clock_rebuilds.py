"""A preview left open keeps time. What a build publishes changes with the clock alone: a
scheduled story falls due, an expired one leaves the feeds and the news sitemap, a story leaves
the breaking-news banner. The dev server rebuilds when a file is saved, so a preview nobody
saves into would show the site of the moment of its last build for hours. This asks it to
rebuild, as a save does, a second after the next such moment (not when the build's clock is
pinned by `SOURCE_DATE_EPOCH`: its moments never pass)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from ..clock import pinned

if TYPE_CHECKING:
    from collections.abc import Callable

# A timer set for longer than this is set again when it goes off (`threading.TIMEOUT_MAX`
# is about 292 years on Linux, and less elsewhere)
LONGEST_WAIT = 86_400.0
AFTER = 1.0  # seconds past the moment: the rebuild's clock has passed it


class ClockRebuilds:
    """The timer that asks the dev server for a rebuild when the clock changes the site."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None
        self._ask: Callable[[], None] | None = None
        self._moment: datetime | None = None

    def listen(self, server: Any) -> str:
        """Ask `server` (MkDocs' or ProperDocs' dev server) for rebuilds from now on; '' or
        why it cannot be asked (its rebuild flag is not where MkDocs 1.6 keeps it)."""
        condition = getattr(server, "_rebuild_cond", None)
        if condition is None or not hasattr(server, "_want_rebuild"):
            return "this dev server does not say how to ask it for a rebuild"

        def ask() -> None:
            with condition:
                server._want_rebuild = True  # what the server's own file watcher sets
                condition.notify_all()

        with self._lock:
            self._ask = ask
        self.arm(self._moment)
        return ""

    def arm(self, moment: datetime | None) -> None:
        """Rebuild a second after `moment` (the last build's next change), none if None."""
        with self._lock:
            self._moment = moment
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            if moment is None or self._ask is None or pinned():
                return
            wait = (moment - datetime.now(tz=UTC)).total_seconds() + AFTER
            self._timer = threading.Timer(max(0.0, min(wait, LONGEST_WAIT)), self._fire)
            self._timer.daemon = True
            self._timer.start()

    def _fire(self) -> None:
        with self._lock:
            ask, moment = self._ask, self._moment
        if ask is None or moment is None:
            return
        if datetime.now(tz=UTC) < moment:  # a long wait, cut to LONGEST_WAIT
            self.arm(moment)
            return
        ask()

    def close(self) -> None:
        with self._lock:
            self._ask = None
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
