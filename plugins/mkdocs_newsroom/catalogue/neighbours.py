"""Each article's related stories, and its older and newer neighbours in its section."""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from itertools import chain
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Iterable, KeysView, Sequence

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


# Who is related to one article: the sources of its related stories, of its older and newer.
Relation = tuple[tuple[str, ...], str | None, str | None]
# What decides who is related to an article: its time, section and tags (the slugs)
Relating = tuple[float, str | None, tuple[str, ...]]
ListingKey = tuple[str, str]  # ("tag", slug) or ("section", id)
K = TypeVar("K")
V = TypeVar("V")


@dataclass
class NeighbourPlan:
    """Who was related to whom at the last build (`mkdocs serve`), and what it followed from:
    what relates each article (`relating`) and the sources of each tag and section, newest
    first."""

    relations: dict[str, Relation] = field(default_factory=dict)
    keys: dict[str, Relating] = field(default_factory=dict)
    # the articles themselves: one that is the same object relates as it did (an article is
    # frozen, and a copy edit changes only its copy: Article.take_copy)
    articles: dict[str, Article] = field(default_factory=dict)
    listings: dict[ListingKey, list[str]] = field(default_factory=dict)


def build_neighbours(indexes: Indexes, plan: NeighbourPlan | None = None) -> dict[str, Neighbours]:
    """Related stories (shared tags and section) and section neighbours, keyed by source.

    Candidates are the articles closest in time in each of the article's tags and its section
    (a bounded window, so the cost stays linear); they are ranked by shared tags, then same
    section, then closeness in time, then source path: the same input always gives the same
    order. Who relates to whom depends only on dates, sections and tags, so `plan` keeps it
    between builds (`mkdocs serve`): a save plans again only the articles whose candidates or
    neighbours it may have changed.
    """
    everyone = {a.source: a for listing in indexes.months.values() for a in listing.items}
    planner = _Planner(indexes, everyone)
    if plan is None:
        relations = {source: planner.relation(source) for source in everyone}
    else:
        relations = _replanned(plan, planner, everyone)
    return {
        source: Neighbours(
            tuple(everyone[r] for r in related),
            everyone[older] if older else None,
            everyone[newer] if newer else None,
        )
        for source, (related, older, newer) in relations.items()
    }


def _replanned(
    plan: NeighbourPlan, planner: _Planner, everyone: dict[str, Article]
) -> dict[str, Relation]:
    """Everyone's relations: those `plan` holds where nothing they follow from changed, the
    others made again; `plan` then holds the new ones."""
    before = plan.keys
    keys = {
        source: before[source] if plan.articles.get(source) is article else relating(article)
        for source, article in everyone.items()
    }
    changed = {
        source for source in keys.keys() | before.keys() if keys.get(source) != before.get(source)
    }
    if len(changed) > len(everyone) // 4:  # a first build, or most of the site: all of it
        affected: Collection[str] = everyone.keys()
    else:
        affected = _affected(plan, planner, changed, everyone.keys())
    relations = {
        source: planner.relation(source) if source in affected else plan.relations[source]
        for source in everyone
    }
    plan.relations, plan.keys, plan.listings = relations, keys, planner.listings
    plan.articles = everyone
    return relations


def _affected(
    plan: NeighbourPlan, planner: _Planner, changed: set[str], everyone: KeysView[str]
) -> set[str]:
    """The articles whose relations may differ from `plan`'s, `changed` being those whose
    date, section or tags did (or that came or went)."""
    affected = set(changed)
    # whose window in a listing changed: those near where the listing changed
    for key in plan.listings.keys() | planner.listings.keys():
        before, after = plan.listings.get(key, []), planner.listings.get(key, [])
        if before != after:
            affected.update(_around_changes(before, after))
    # who has a changed article among its candidates: in a window around it, in one of its
    # listings (where it was before, when that listing did not change there)
    for source in changed & everyone:
        affected.update(planner.around(source))
    return affected


def _around_changes(before: Sequence[str], after: Sequence[str]) -> Iterable[str]:
    """The items of `before` and `after` (one listing at two builds) whose window of
    RELATED_WINDOW on each side differs: those near the stretch where the two differ. Beyond
    it, each item has the same items around it in both."""
    same_start = _common_start(before, after)
    same_end = _common_start(before[same_start:][::-1], after[same_start:][::-1])
    start = max(0, same_start - RELATED_WINDOW)
    return chain(
        before[start : len(before) - same_end + RELATED_WINDOW],
        after[start : len(after) - same_end + RELATED_WINDOW],
    )


class _Planner:
    """Who is related to whom, one article at a time. A million candidates at 10,000
    articles, in the main process: each is ranked by one tuple built inline (no function
    call), its shared tags counted as bits of an integer."""

    def __init__(self, indexes: Indexes, everyone: dict[str, Article]) -> None:
        self._everyone = everyone
        self.listings: dict[ListingKey, list[str]] = {
            **{("tag", slug): _sources(listing.items) for slug, listing in indexes.tags.items()},
            **{
                ("section", key): _sources(listing.items)
                for key, listing in indexes.sections.items()
            },
        }
        # made as they are asked for: a save that moved one story plans a few dozen
        self._positions = _Made(self._positions_in)
        self._bits: _Made[str, int] = _Made(lambda _slug: 1 << len(self._bits))
        self._ranked_by = _Made(self._ranking_of)

    def _positions_in(self, key: ListingKey) -> dict[str, int]:
        return {source: at for at, source in enumerate(self.listings[key])}

    def _ranking_of(self, source: str) -> tuple[int, str | None, float]:
        """What an article is ranked by: its tags as the bits of an integer (`&` and
        `bit_count` count the tags two share), its section, its time."""
        when, section, slugs = relating(self._everyone[source])
        return sum(self._bits[slug] for slug in set(slugs)), section, when

    def _listing_keys(self, source: str) -> list[ListingKey]:
        _when, section, slugs = relating(self._everyone[source])
        keys = [("tag", slug) for slug in slugs]
        if section is not None:
            keys.append(("section", section))
        return [key for key in keys if key in self.listings]

    def around(self, source: str) -> set[str]:
        """The articles within a window of `source` in any of its listings."""
        near: set[str] = set()
        for key in self._listing_keys(source):
            at = self._positions[key][source]
            near.update(self.listings[key][max(0, at - RELATED_WINDOW) : at + RELATED_WINDOW + 1])
        return near

    def relation(self, source: str) -> Relation:
        candidates = self.around(source)
        candidates.discard(source)
        own, own_section, when = self._ranked_by[source]
        ranked_by = self._ranked_by
        # shared tags first, then the same section, then closeness in time, then the source
        ranked = [
            (
                -(own & tags).bit_count(),
                own_section is None or section != own_section,
                abs(time - when),
                other,
            )
            for other in candidates
            for tags, section, time in [ranked_by[other]]
        ]
        related = tuple(other for *_, other in heapq.nsmallest(RELATED_COUNT, ranked))
        older = newer = None
        section_key = ("section", own_section or "")
        if section_key in self.listings:
            items, at = self.listings[section_key], self._positions[section_key][source]
            newer = items[at - 1] if at > 0 else None
            older = items[at + 1] if at + 1 < len(items) else None
        return related, older, newer


def _common_start(one: Sequence[str], other: Sequence[str]) -> int:
    """How many items the two begin with in common."""
    differ = (
        at for at, (mine, theirs) in enumerate(zip(one, other, strict=False)) if mine != theirs
    )
    return next(differ, min(len(one), len(other)))


def relating(article: Article) -> Relating:
    """What decides which stories are related to `article`: the planner reads nothing else of
    it, and a plan is kept for an article while this stays the same."""
    section = article.section.id if article.section else None
    return article.date.timestamp(), section, tuple(tag.slug for tag in article.tags)


def _sources(articles: Sequence[Article]) -> list[str]:
    return [article.source for article in articles]


class _Made(dict[K, V]):
    """A dict that makes a value it lacks, with `make(key)`, when asked for it."""

    def __init__(self, make: Callable[[K], V]) -> None:
        super().__init__()
        self._make = make

    def __missing__(self, key: K) -> V:
        value = self[key] = self._make(key)
        return value
