"""What a published story says happened after the build's moment: an `updated` or a
correction dated later than now (2099 on a story of 2024) has not happened yet. It is said,
and not shown, while it is still to come: feeds, sitemaps and the page never announce it.
(What is dated before the story is left out as it is read: `reading/chronology.py`.)"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..problems import Problem

if TYPE_CHECKING:
    from datetime import datetime

    from ..model import Article


def without_what_is_to_come(article: Article, now: datetime) -> tuple[Article, list[Problem]]:
    """`article` without an `updated` or corrections dated after `now`, and a line for each.
    A scheduled story (its `date` after `now`) is left as it is, until it is out."""
    if article.date > now:
        return article, []
    problems: list[Problem] = []
    updated = article.updated
    if updated is not None and updated > now:
        problems.append(_to_come(article, f"'updated' ({updated.isoformat()})"))
        updated = None
    later = [correction for correction in article.corrections if correction.date > now]
    problems += [
        _to_come(article, f"a correction dated {correction.date.isoformat()}")
        for correction in later
    ]
    if not problems:
        return article, []
    kept = tuple(correction for correction in article.corrections if correction not in later)
    return replace(article, updated=updated, corrections=kept), problems


def _to_come(article: Article, what: str) -> Problem:
    return Problem(
        article.source,
        f"{what} is after this build's moment, so it is not shown until then; correct its "
        "date if it is a slip",
    )
