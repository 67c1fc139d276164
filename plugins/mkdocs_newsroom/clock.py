"""What time it is, for publishing: `SOURCE_DATE_EPOCH` when set, so that builds reproduce."""

from __future__ import annotations

import os
from datetime import UTC, datetime

from .problems import NewsroomError


def now() -> datetime:
    """The build's moment. A `SOURCE_DATE_EPOCH` that is not whole seconds since 1970 stops
    the command with one line, as the reproducible-builds specification asks: a build that
    quietly took the machine's clock instead would publish what it was meant not to."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return datetime.now(tz=UTC)
    try:
        if not (epoch.isascii() and epoch.isdigit()):
            raise ValueError(epoch)
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    except (ValueError, OverflowError, OSError):
        shown = epoch if len(epoch) <= 40 else f"{epoch[:40]}..."
        raise NewsroomError(
            f"newsroom: SOURCE_DATE_EPOCH is {shown!r}, not a moment a build can use: set it "
            "to whole seconds since 1970-01-01 UTC (a value in milliseconds is a thousand "
            "times too large), or unset it"
        ) from None


def pinned() -> bool:
    """Whether the build's moment is `SOURCE_DATE_EPOCH`'s, which the clock never passes."""
    return bool(os.environ.get("SOURCE_DATE_EPOCH", "").strip())
