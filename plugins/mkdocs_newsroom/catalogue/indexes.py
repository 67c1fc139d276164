"""The indexes readers browse by: sections, tags, authors and dates. Pure functions over the
published articles, newest first; each is built in one pass, so the cost grows with the number
of articles listed."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Generic, TypeVar, cast

from ..folding import index_order
from ..urls import archive_url

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

    from ..model import Article, Author, Section, Tag

T = TypeVar("T")


def numbered_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


@dataclass(frozen=True)
class Listing(Generic[T]):
    """Everything one listing shows, newest first: a section front, a tag, an author, a month.

    `subject` is the Section, Tag, Author or month (a Period) listed, if any.
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
        """Every tag with its number of articles, by name (`index_order`)."""
        counted = [(listing.subject, len(listing.items)) for listing in self.tags.values()]
        return sorted(
            ((tag, count) for tag, count in counted if tag is not None),  # type: ignore[misc]
            key=lambda item: (index_order(item[0].name), item[0].name, item[0].slug),
        )

    def credited(self) -> list[Author]:
        """The authors with a listing: those a story on the site credits."""
        return [cast("Author", listing.subject) for listing in self.authors.values()]

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
    month_title: Callable[[int, int], str] = numbered_month,
    prefix: str = "",
) -> Indexes:
    """Index the published articles (newest first) by section, tag, author and month;
    archive pages go under `prefix` (an edition's folder). `month_title` names a month as
    its readers read it ("February 2024"). An author with no story published yet has no
    listing."""
    by_section: dict[str, list[Article]] = {key: [] for key in sections}
    by_tag: dict[str, list[Article]] = defaultdict(list)
    tag_of: dict[str, Tag] = {}
    by_author: dict[str, list[Article]] = {}
    by_month: dict[tuple[int, int], list[Article]] = defaultdict(list)
    for article in articles:
        if article.section is not None:
            by_section.setdefault(article.section.id, []).append(article)
        listed: set[str] = set()  # once in a tag's listing, were its slug given twice
        for tag in article.tags:
            if tag.url and tag.slug not in listed:  # past max_tags, rare tags have no page
                listed.add(tag.slug)
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
        indexes.tags[slug] = Listing("tag", slug, tag.heading, tag.url, items, subject=tag)
    for key, author in authors.items():
        if key not in by_author:
            continue  # no story published yet: no page of theirs would list any
        indexes.authors[key] = Listing(
            "author", key, author.name, author.url, by_author[key], author.bio, author
        )
    for (year, month), items in sorted(by_month.items(), reverse=True):
        title = month_title(year, month)
        url = prefix + archive_url(year, month)
        period = Period(year, month, len(items), url, title)
        key = f"{year}-{month:02d}"
        indexes.months[(year, month)] = Listing("month", key, title, url, items, subject=period)
        indexes.years.setdefault(year, []).append(period)
    return indexes
