"""How the date archive's pages lead to one another: older, newer, and up to the year."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .indexes import Period

if TYPE_CHECKING:
    from ..model import Article
    from .indexes import Indexes, Listing


@dataclass(frozen=True)
class ArchiveLinks:
    """Where an archive page points: the older and newer period, and the year it belongs to."""

    older: Period | None
    newer: Period | None
    year: Period | None = None


def _period_of_month(listing: Listing[Article]) -> Period:
    year, month = (int(part) for part in listing.key.split("-"))
    return Period(year, month, len(listing.items), listing.url, listing.title)


def year_links(indexes: Indexes) -> dict[int, ArchiveLinks]:
    """For each year, the older and newer years that have articles."""
    years = sorted(indexes.periods(), key=lambda p: p.year)
    return {
        period.year: ArchiveLinks(
            years[at - 1] if at > 0 else None, years[at + 1] if at + 1 < len(years) else None
        )
        for at, period in enumerate(years)
    }


def month_links(indexes: Indexes) -> dict[tuple[int, int], ArchiveLinks]:
    """For each month, the older and newer months that have articles, and its year."""
    years = {period.year: period for period in indexes.periods()}
    keys = sorted(indexes.months)
    links = {}
    for at, key in enumerate(keys):
        older = _period_of_month(indexes.months[keys[at - 1]]) if at > 0 else None
        newer = _period_of_month(indexes.months[keys[at + 1]]) if at + 1 < len(keys) else None
        links[key] = ArchiveLinks(older, newer, years[key[0]])
    return links
