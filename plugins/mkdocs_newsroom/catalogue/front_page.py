"""A newspaper's front page, composed from the newest articles of an edition."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import datetime

    from ..model import Article
    from .indexes import Indexes, Listing


@dataclass(frozen=True)
class FrontPage:
    """A newspaper's front page: the lead, the top stories, a block per section, the latest."""

    lead: Article | None
    top: tuple[Article, ...]
    sections: tuple[tuple[Listing[Article], tuple[Article, ...]], ...]
    latest: tuple[Article, ...]
    breaking: tuple[Article, ...]


def compose_front_page(
    articles: Sequence[Article],
    indexes: Indexes,
    now: datetime,
    *,
    top_count: int = 4,
    section_count: int = 4,
    latest_count: int = 10,
    breaking_hours: float = 6,
) -> FrontPage:
    lead = next((a for a in articles if a.featured), articles[0] if articles else None)
    shown = {lead.source} if lead else set()
    featured_first = sorted(articles, key=lambda a: not a.featured)  # stable: newest first
    top = tuple(a for a in featured_first if a.source not in shown)[:top_count]
    shown.update(a.source for a in top)
    blocks = []
    for listing in indexes.sections.values():
        picked = tuple(a for a in listing.items[: section_count * 3] if a.source not in shown)
        if picked:
            blocks.append((listing, picked[:section_count]))
    latest = tuple(articles[:latest_count])
    breaking = []
    for article in articles:  # newest first: stop at the first one too old to be breaking
        if (now - article.date).total_seconds() > breaking_hours * 3600:
            break
        if article.breaking:
            breaking.append(article)
    return FrontPage(lead, top, tuple(blocks), latest, tuple(breaking))
