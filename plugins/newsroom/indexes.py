"""The indexes readers browse by: sections, tags, authors and dates, plus each article's
related stories and section neighbours. Pure functions over the published articles, newest
first; each is built in one pass, so the cost grows with the number of articles listed.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Generic, TypeVar

from .bodies import fingerprint
from .dates import month_name
from .urls import archive_url

if TYPE_CHECKING:
    from collections.abc import Mapping, MutableMapping, Sequence
    from datetime import datetime

    from .model import Article, Author, Section, Tag

T = TypeVar("T")

RELATED_COUNT = 4
RELATED_WINDOW = 12  # neighbours in time looked at in each tag and section, for related stories


@dataclass(frozen=True)
class Listing(Generic[T]):
    """Everything one listing shows, newest first: a section front, a tag, an author, a month.

    `subject` is the Section, Tag or Author listed, if any.
    """

    kind: str
    key: str
    title: str
    url: str
    items: Sequence[T]
    description: str = ""
    subject: object = None


@dataclass(frozen=True)
class Period:
    """A year or a month of the archive, with its article count."""

    year: int
    month: int | None
    count: int
    url: str
    title: str


@dataclass
class Indexes:
    """The listings of one edition (`prefix`: its folder), or of the whole site."""

    prefix: str = ""
    sections: dict[str, Listing[Article]] = field(default_factory=dict)
    tags: dict[str, Listing[Article]] = field(default_factory=dict)
    authors: dict[str, Listing[Article]] = field(default_factory=dict)
    months: dict[tuple[int, int], Listing[Article]] = field(default_factory=dict)
    years: dict[int, list[Period]] = field(default_factory=dict)

    def tag_counts(self) -> list[tuple[Tag, int]]:
        """Every tag with its number of articles, by name."""
        counted = [(listing.subject, len(listing.items)) for listing in self.tags.values()]
        return sorted(
            ((tag, count) for tag, count in counted if tag is not None),  # type: ignore[misc]
            key=lambda item: (item[0].name.casefold(), item[0].slug),
        )

    def periods(self) -> list[Period]:
        """Every year of the archive, newest first."""
        return [
            Period(
                year,
                None,
                sum(p.count for p in months),
                self.prefix + archive_url(year),
                str(year),
            )
            for year, months in sorted(self.years.items(), reverse=True)
        ]


def build_indexes(
    articles: Sequence[Article],
    sections: Mapping[str, Section],
    authors: Mapping[str, Author],
    locale: str = "en",
    prefix: str = "",
) -> Indexes:
    """Index the published articles (newest first) by section, tag, author and month;
    archive pages go under `prefix` (an edition's folder)."""
    by_section: dict[str, list[Article]] = {key: [] for key in sections}
    by_tag: dict[str, list[Article]] = defaultdict(list)
    tag_of: dict[str, Tag] = {}
    by_author: dict[str, list[Article]] = {key: [] for key in authors}
    by_month: dict[tuple[int, int], list[Article]] = defaultdict(list)
    for article in articles:
        if article.section is not None:
            by_section.setdefault(article.section.id, []).append(article)
        for tag in article.tags:
            if tag.url:  # past max_tags, the least used tags have no page
                by_tag[tag.slug].append(article)
                tag_of.setdefault(tag.slug, tag)
        for author in article.authors:
            by_author.setdefault(author.id, []).append(article)
        by_month[(article.date.year, article.date.month)].append(article)

    indexes = Indexes(prefix)
    for key, section in sections.items():
        indexes.sections[key] = Listing(
            "section",
            key,
            section.title,
            section.url,
            by_section[key],
            section.description,
            subject=section,
        )
    for slug, items in sorted(by_tag.items()):
        tag = tag_of[slug]
        indexes.tags[slug] = Listing("tag", slug, tag.name, tag.url, items, subject=tag)
    for key, author in authors.items():
        indexes.authors[key] = Listing(
            "author", key, author.name, author.url, by_author[key], author.bio, author
        )
    for (year, month), items in sorted(by_month.items(), reverse=True):
        title = f"{month_name(year, month, locale)} {year}"
        url = prefix + archive_url(year, month)
        indexes.months[(year, month)] = Listing("month", f"{year}-{month:02d}", title, url, items)
        indexes.years.setdefault(year, []).append(Period(year, month, len(items), url, title))
    return indexes


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
