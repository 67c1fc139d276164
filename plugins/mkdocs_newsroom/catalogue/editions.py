"""The catalogue by edition: each edition's listings and front page, the tag and author
listings the editions share, and every article's neighbours. Pure functions over the
catalogue."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .front_page import FrontPage, compose_front_page
from .indexes import Indexes, build_indexes
from .neighbours import NeighbourPlan, Neighbours, build_neighbours

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, MutableMapping
    from datetime import datetime

    from ..model import Article, Author, Edition
    from ..settings.checked import FrontPageRules
    from .publishing import Catalogue


@dataclass
class EditionView:
    """One edition's articles (newest first), its listings (sections, months, years; its
    tags, for related stories) and its front page."""

    edition: Edition
    articles: list[Article]
    indexes: Indexes
    front: FrontPage


@dataclass
class SiteIndexes:
    editions: list[EditionView] = field(default_factory=list)
    shared: Indexes = field(default_factory=Indexes)  # tags and authors, every edition
    neighbours: dict[str, Neighbours] = field(default_factory=dict)

    def fronts(self) -> dict[str, FrontPage]:
        return {view.edition.id: view.front for view in self.editions}


def index_site(
    catalogue: Catalogue,
    editions: tuple[Edition, ...],
    authors: Mapping[str, Author],
    now: datetime,
    rules: FrontPageRules,
    month_title: Callable[[int, int, str], str],
    plans: MutableMapping[str, NeighbourPlan] | None = None,
) -> SiteIndexes:
    """Index the published articles by edition, and for the whole site by tag and author.
    `month_title(year, month, locale)` names the archive's months; `plans` keeps
    who-is-related-to-whom between builds, per edition (see neighbours.py)."""
    site = SiteIndexes()
    shared_months = _in_locale(month_title, editions[0].locale)
    site.shared = build_indexes(catalogue.articles, {}, authors, shared_months)
    for edition in editions:
        articles = [a for a in catalogue.articles if a.edition == edition.id]
        months = _in_locale(month_title, edition.locale)
        indexes = build_indexes(articles, edition.sections, {}, months, edition.path)
        plan = plans.setdefault(edition.id, NeighbourPlan()) if plans is not None else None
        site.neighbours.update(build_neighbours(indexes, plan))
        front = compose_front_page(
            articles,
            indexes,
            now,
            top_count=rules.top_stories,
            section_count=rules.section_stories,
            latest_count=rules.latest,
            breaking_hours=rules.breaking_hours,
        )
        site.editions.append(EditionView(edition, articles, indexes, front))
    return site


def _in_locale(
    month_title: Callable[[int, int, str], str], locale: str
) -> Callable[[int, int], str]:
    return lambda year, month: month_title(year, month, locale)
