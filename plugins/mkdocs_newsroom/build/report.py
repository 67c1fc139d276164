"""The line every build ends with: what was published, what was skipped, and why."""

from __future__ import annotations

from ..catalogue.publishing import DRAFT, SKIPPED_AS, WITH_ERRORS, Catalogue


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _reason(reason: str, count: int) -> str:
    return _plural(count, reason) if reason == SKIPPED_AS[DRAFT] else f"{count} {reason}"


def summary_line(catalogue: Catalogue, failed: int, preview: bool = False) -> str:
    """What the build published and skipped; a preview's held-back articles, which it shows,
    apart from those skipped."""
    reasons = {reason: count for reason, count in catalogue.skipped.items() if count}
    if failed:
        reasons[WITH_ERRORS] = reasons.get(WITH_ERRORS, 0) + failed
    shown = {
        reason: count for reason, count in reasons.items() if preview and reason != WITH_ERRORS
    }
    skipped = {reason: count for reason, count in reasons.items() if reason not in shown}
    line = f"published {_plural(catalogue.published_count, 'article')}, "
    line += f"skipped {sum(skipped.values())}{_why(skipped)}"
    if shown:
        line += f"; shown in this preview only{_why(shown)}"
    return line


def _why(reasons: dict[str, int]) -> str:
    return ": " + ", ".join(_reason(*item) for item in sorted(reasons.items())) if reasons else ""
