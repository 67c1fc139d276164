"""The dates of one article in their order: a story cannot be updated or corrected before it
was published. An `updated` or a correction dated before the story's `date` is a slip (a
year, a month typed wrong); it is said, and not shown, and the story is published. A day's
grace: a date written without a time is midnight where the site is, perhaps a few hours
before a story of the same day."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from ..problems import Problem
from .parts import CORRECTION_LEFT_OUT

if TYPE_CHECKING:
    from collections.abc import Mapping
    from datetime import datetime

    from ..model import Correction
    from .frontmatter import Field

GRACE = timedelta(days=1)


def dated_before_the_story(
    source: str, values: dict[str, Any], fields: Mapping[str, Field]
) -> list[Problem]:
    """What in `values` (the fields read) is dated before the story's `date`: `updated` is
    dropped from `values`, so is each such correction; one line each."""
    date: datetime | None = values.get("date")
    if date is None:
        return []
    problems: list[Problem] = []
    updated: datetime | None = values.get("updated")
    if updated is not None and updated < date - GRACE:
        del values["updated"]
        problems.append(
            Problem(
                source,
                f"'updated' ({updated.isoformat()}) is before 'date' ({date.isoformat()}), and "
                "a story cannot be updated before it is published, so 'updated' was ignored; "
                "correct one of the two",
                fields["updated"].line,
            )
        )
    corrections: tuple[Correction, ...] = values.get("corrections", ())
    early = [correction for correction in corrections if correction.date < date - GRACE]
    if early:
        values["corrections"] = tuple(c for c in corrections if c not in early)
    problems += [
        Problem(
            source,
            f"a correction dated {correction.date.isoformat()} is before 'date' "
            f"({date.isoformat()}), and a story cannot be corrected before it is published, "
            f"so {CORRECTION_LEFT_OUT}; correct its date",
            fields["corrections"].line,
        )
        for correction in early
    ]
    return problems
