"""The site laid out by edition: each edition's listings and front page, the shared tag and
author listings, and every article's neighbours. Pure functions over the catalogue."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .indexes import (
    FrontPage,
    Indexes,
    Neighbours,
    build_indexes,
    build_neighbours,
    compose_front_page,
)

if TYPE_CHECKING:
    from collections.abc import Mapping, MutableMapping
    from datetime import datetime

    from .catalogue import Catalogue
    from .editions import Edition
    from .indexes import NeighbourPlan
    from .model import Article, Author


@dataclass(frozen=True)
class FrontPageRules:
    top_stories: int = 4
    section_stories: int = 4
    latest: int = 10
    breaking_hours: float = 6


@dataclass
class EditionView:
    """One edition's articles (newest first), its listings (sections, months, years; its
    tags, for related stories) and its front page."""

    edition: Edition
    articles: list[Article]
    indexes: Indexes
    front: FrontPage


@dataclass
class Layout:
    editions: list[EditionView] = field(default_factory=list)
    shared: Indexes = field(default_factory=Indexes)  # tags and authors, every edition
    neighbours: dict[str, Neighbours] = field(default_factory=dict)

    def fronts(self) -> dict[str, FrontPage]:
        return {view.edition.id: view.front for view in self.editions}


def lay_out(
    catalogue: Catalogue,
    editions: tuple[Edition, ...],
    authors: Mapping[str, Author],
    now: datetime,
    rules: FrontPageRules,
    plans: MutableMapping[str, dict[str, NeighbourPlan]] | None = None,
) -> Layout:
    """Index the published articles by edition, and for the whole site by tag and author.
    `plans` keeps who-is-related-to-whom between builds, per edition (see indexes.py)."""
    layout = Layout()
    layout.shared = build_indexes(catalogue.articles, {}, authors, editions[0].locale)
    for edition in editions:
        articles = [a for a in catalogue.articles if a.edition == edition.id]
        indexes = build_indexes(articles, edition.sections, {}, edition.locale, edition.path)
        edition_plans = plans.setdefault(edition.id, {}) if plans is not None else None
        layout.neighbours.update(build_neighbours(indexes, edition_plans))
        front = compose_front_page(
            articles,
            indexes,
            now,
            top_count=rules.top_stories,
            section_count=rules.section_stories,
            latest_count=rules.latest,
            breaking_hours=rules.breaking_hours,
        )
        layout.editions.append(EditionView(edition, articles, indexes, front))
    return layout
