"""Each article's related stories, and its older and newer neighbours in its section."""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..hashing import fingerprint

if TYPE_CHECKING:
    from collections.abc import MutableMapping

    from ..model import Article
    from .indexes import Indexes

RELATED_COUNT = 4
RELATED_WINDOW = 12  # neighbours in time looked at in each tag and section, for related stories


@dataclass(frozen=True)
class Neighbours:
    """An article's related stories and its older and newer neighbours in its section."""

    related: tuple[Article, ...] = ()
    older: Article | None = None
    newer: Article | None = None


# Who is related to whom: sources of the related stories, of the older and newer story.
NeighbourPlan = dict[str, tuple[tuple[str, ...], str | None, str | None]]


def build_neighbours(
    indexes: Indexes, plans: MutableMapping[str, NeighbourPlan] | None = None
) -> dict[str, Neighbours]:
    """Related stories (shared tags and section) and section neighbours, keyed by source.

    Candidates are the articles closest in time in each of the article's tags and its section
    (a bounded window, so the cost stays linear); they are ranked by shared tags, then same
    section, then closeness in time, then source path: the same input always gives the same
    order. Who relates to whom depends only on dates, sections and tags, so `plans` keeps
    that between builds (`mkdocs serve`): editing a headline or a body does not redo it.
    """
    everyone = {a.source: a for listing in indexes.months.values() for a in listing.items}
    key = fingerprint(*(article.relation_key for article in everyone.values()))
    plan = plans.get(key) if plans is not None else None
    if plan is None:
        plan = _plan_neighbours(indexes, everyone)
        if plans is not None:
            plans.clear()
            plans[key] = plan
    return {
        source: Neighbours(
            tuple(everyone[r] for r in related),
            everyone[older] if older else None,
            everyone[newer] if newer else None,
        )
        for source, (related, older, newer) in plan.items()
    }


def _plan_neighbours(indexes: Indexes, everyone: dict[str, Article]) -> NeighbourPlan:
    positions = {
        id(listing): {a.source: i for i, a in enumerate(listing.items)}
        for listing in (*indexes.tags.values(), *indexes.sections.values())
    }
    tags_of = {source: frozenset(t.slug for t in a.tags) for source, a in everyone.items()}
    section_of = {source: a.section.id if a.section else None for source, a in everyone.items()}
    time_of = {source: a.date.timestamp() for source, a in everyone.items()}
    plan: NeighbourPlan = {}
    for source in everyone:
        section = indexes.sections.get(section_of[source] or "")
        listings = [indexes.tags[slug] for slug in tags_of[source] if slug in indexes.tags]
        if section is not None:
            listings.append(section)
        candidates: set[str] = set()
        for listing in listings:
            at = positions[id(listing)][source]
            window = listing.items[max(0, at - RELATED_WINDOW) : at + RELATED_WINDOW + 1]
            candidates.update(c.source for c in window)
        candidates.discard(source)
        own, own_section, when = tags_of[source], section_of[source], time_of[source]

        def rank(
            other: str,
            own: frozenset[str] = own,
            own_section: str | None = own_section,
            when: float = when,
        ) -> tuple[int, bool, float, str]:
            same_section = own_section is not None and section_of[other] == own_section
            return (-len(own & tags_of[other]), not same_section, abs(time_of[other] - when), other)

        related = heapq.nsmallest(RELATED_COUNT, candidates, key=rank)
        older = newer = None
        if section is not None:
            at = positions[id(section)][source]
            newer = section.items[at - 1].source if at > 0 else None
            older = section.items[at + 1].source if at + 1 < len(section.items) else None
        plan[source] = (tuple(related), older, newer)
    return plan
