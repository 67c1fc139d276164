"""The line every build ends with: what was published, what was skipped, and why."""

from __future__ import annotations

from ..catalogue.publishing import DRAFT, SKIPPED_AS, WITH_ERRORS, Catalogue


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _reason(reason: str, count: int) -> str:
    return _plural(count, reason) if reason == SKIPPED_AS[DRAFT] else f"{count} {reason}"


def summary_line(catalogue: Catalogue, failed: int) -> str:
    reasons = dict(catalogue.skipped)
    if failed:
        reasons[WITH_ERRORS] = reasons.get(WITH_ERRORS, 0) + failed
    skipped = sum(reasons.values())
    line = f"published {_plural(catalogue.published_count, 'article')}, skipped {skipped}"
    if reasons:
        line += ": " + ", ".join(
            _reason(reason, count) for reason, count in sorted(reasons.items())
        )
    return line
