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
    # A million candidates at 10,000 articles, in the main process: each is ranked by one
    # tuple built inline (no function call), its shared tags counted as bits of an integer.
    sources = {
        id(listing): [a.source for a in listing.items]
        for listing in (*indexes.tags.values(), *indexes.sections.values())
    }
    positions = {key: {source: i for i, source in enumerate(of)} for key, of in sources.items()}
    tags_of = _tag_bits(everyone)
    section_of = {source: a.section.id if a.section else None for source, a in everyone.items()}
    time_of = {source: a.date.timestamp() for source, a in everyone.items()}
    plan: NeighbourPlan = {}
    for source, article in everyone.items():
        section = indexes.sections.get(section_of[source] or "")
        listings = [indexes.tags[t.slug] for t in article.tags if t.slug in indexes.tags]
        if section is not None:
            listings.append(section)
        candidates: set[str] = set()
        for listing in listings:
            at = positions[id(listing)][source]
            window = sources[id(listing)][max(0, at - RELATED_WINDOW) : at + RELATED_WINDOW + 1]
            candidates.update(window)
        candidates.discard(source)
        own, own_section, when = tags_of[source], section_of[source], time_of[source]
        # shared tags first, then the same section, then closeness in time, then the source
        ranked = [
            (
                -(own & tags_of[other]).bit_count(),
                own_section is None or section_of[other] != own_section,
                abs(time_of[other] - when),
                other,
            )
            for other in candidates
        ]
        related = tuple(other for *_, other in heapq.nsmallest(RELATED_COUNT, ranked))
        older = newer = None
        if section is not None:
            at = positions[id(section)][source]
            newer = section.items[at - 1].source if at > 0 else None
            older = section.items[at + 1].source if at + 1 < len(section.items) else None
        plan[source] = (related, older, newer)
    return plan


def _tag_bits(everyone: dict[str, Article]) -> dict[str, int]:
    """Each article's tags as the bits of an integer: `&` and `bit_count` count shared tags."""
    slugs = {source: {tag.slug for tag in article.tags} for source, article in everyone.items()}
    bits = {slug: 1 << i for i, slug in enumerate(sorted(set().union(*slugs.values())))}
    return {source: sum(bits[slug] for slug in of) for source, of in slugs.items()}
