"""The site's feeds: which there are (one per edition, section, tag and author), and their
files."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING

from ..memo import MadeBefore
from ..urls import ATOM_FILE, JSON_FILE, RSS_FILE
from .feeds import (
    FeedOptions,
    FeedSpec,
    atom_feed,
    json_feed,
    rss_feed,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
    from datetime import datetime

    from ..catalogue.editions import SiteIndexes
    from ..model import Article, Edition

    Writer = Callable[[FeedSpec, FeedOptions], str]


def feed_specs(
    site: SiteIndexes,
    site_name: str,
    site_description: str,
    now: datetime,
    length: int,
    listings: Collection[str],
) -> Iterator[FeedSpec]:
    """For each edition its own feed and one per section, in its language; then one for
    each tag and author, shared by every edition; of the kinds of listing in `listings`
    (`listing_feeds`). Only published articles: the preview's drafts, scheduled and expired
    stories are left out, as the build leaves them out (and so is the feed of a tag only
    those have)."""
    editions = {view.edition.id: view.edition for view in site.editions}
    now = _last_news(site, now)
    for position, view in enumerate(site.editions):
        edition = view.edition
        title = site_name if position == 0 else f"{site_name}: {edition.title}"
        description = edition.description or site_description
        language = edition.search_language
        articles = _published(view.articles)
        yield FeedSpec(title, description, edition.path, articles, language, now, True)
        sections = view.indexes.sections.values() if "section" in listings else ()
        for listing in sections:
            yield FeedSpec(
                f"{listing.title} - {title}",
                listing.description,
                listing.url,
                _published(listing.items),
                language,
                now,
            )
    groups = {"tag": site.shared.tags, "author": site.shared.authors}
    for group in (groups[kind] for kind in groups if kind in listings):
        for listing in group.values():
            items = _published(listing.items)
            if listing.kind == "tag" and not items:
                continue  # a tag of held-back stories only, which a build does not know
            yield FeedSpec(
                f"{listing.title} - {site_name}",
                listing.description,
                listing.url,
                items,
                _common_language(items[:length], editions),
                now,
            )


def _last_news(site: SiteIndexes, now: datetime) -> datetime:
    """The date a feed without items gives as its last change: the site's newest story
    (updated or published), so that the feed stays the same from build to build, and only
    on a site with no story yet the build's `now`."""
    return max(
        (
            article.updated or article.date
            for view in site.editions
            for article in _published(view.articles)
        ),
        default=now,
    )


def _common_language(articles: Sequence[Article], editions: Mapping[str, Edition]) -> str:
    """The language of a tag's or an author's feed: its stories', if they share one; none
    if they mix the editions' (each entry of the Atom feed then says its own)."""
    languages = {
        editions[a.edition].search_language_of(a) if a.edition in editions else a.lang
        for a in articles
    }
    return languages.pop() if len(languages) == 1 else ""


def _published(articles: Sequence[Article]) -> Sequence[Article]:
    """`articles` without the preview's held-back ones (the same list when there are none)."""
    if not any(article.held_back for article in articles):
        return articles
    return [article for article in articles if not article.held_back]


@dataclass(frozen=True)
class Unwritable:
    """A feed its writer refused: why, and the articles that made it refuse."""

    error: str
    culprits: tuple[Article, ...]


def feed_files(
    specs: Iterator[FeedSpec],
    options: FeedOptions,
    made: MadeBefore[str | Unwritable] | None = None,
) -> Iterator[tuple[str, str | Unwritable]]:
    """(path, text) of every feed file: RSS and Atom for each spec, JSON Feed for the site.
    `made` keeps the feeds between builds (`mkdocs serve`): a feed whose articles are the
    same objects, with the same title, description and options, is not written again."""
    made = made if made is not None else MadeBefore()
    made.start(options)
    formats = [(RSS_FILE, rss_feed), (ATOM_FILE, atom_feed), (JSON_FILE, json_feed)]
    for spec in specs:
        items = tuple(spec.articles[: options.length])
        shown = items or spec.fallback_date
        for filename, write in formats:
            if filename == JSON_FILE and not spec.is_front:
                continue
            path = spec.path(filename)
            inputs = (spec.title, spec.description, spec.listing_url, spec.language, shown)
            yield path, made.get(path, inputs, partial(_written, write, spec, options))
    made.finish()


def _written(write: Writer, spec: FeedSpec, options: FeedOptions) -> str | Unwritable:
    """The feed, or why its writer refused it (a value no feed may hold, which reading
    should have removed): one article never costs the site its feeds."""
    try:
        return write(spec, options)
    except Exception as error:  # any fault, reported with the articles that caused it
        culprits = tuple(
            article
            for article in spec.articles[: options.length]
            if _refused(write, replace(spec, articles=[article]), options)
        )
        return Unwritable(f"{type(error).__name__}: {' '.join(str(error).split())}", culprits)


def _refused(write: Writer, spec: FeedSpec, options: FeedOptions) -> bool:
    try:
        write(spec, options)
    except Exception:  # the same faults as above, one article at a time
        return True
    return False
