"""The catalogue: which articles are published at a given moment, where each one lives, and
how its tags are spelt. Pure functions over the list of read articles."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..model import Article
from ..problems import Problem
from .aliases import Redirect, place_redirects
from .identities import distinct_uids
from .placement import (
    PlacedArticles,
    Placement,
    assign_editions,
    assign_urls,
    pinned_urls,
    slug_gives_url,
)
from .still_to_come import without_what_is_to_come
from .tags import unify_tags
from .translations import translation_clashes, translation_groups

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import datetime

    from ..model import Edition

# Why an article is held back from publication (`Article.held_back`), and how the closing
# line of a build counts those it skipped.
DRAFT = "draft"
SCHEDULED = "scheduled"
EXPIRED = "expired"
SKIPPED_AS = {DRAFT: "draft", SCHEDULED: "scheduled for later", EXPIRED: "expired"}
WITH_ERRORS = "with errors (see the warnings above)"  # skipped for a problem of its own


@dataclass(frozen=True)
class PublishingRules:
    article_url: str
    now: datetime
    editions: tuple[Edition, ...] = ()
    max_tags: int = 20_000
    preview: bool = False  # `mkdocs serve`: held-back articles are listed too, marked


def held_back_because(article: Article, now: datetime) -> str:
    """Why `article` is not published at `now` ('' if it is)."""
    if article.draft:
        return DRAFT
    if article.date > now:
        return SCHEDULED
    if article.expires is not None and article.expires <= now:
        return EXPIRED
    return ""


@dataclass
class Catalogue:
    """The articles the site shows, newest first: the published ones, and in a preview also
    the held-back ones (drafts, scheduled, expired), each marked by its `held_back`."""

    articles: list[Article] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    redirects: list[Redirect] = field(default_factory=list)  # from the articles' aliases
    # The first moment after the build's "now" at which a scheduled article falls due, a
    # published one expires or shows a later `updated` or correction: what the site would
    # show changes then, with no new commit
    next_publishing_change: datetime | None = None

    @property
    def published_count(self) -> int:
        return sum(1 for article in self.articles if not article.held_back)

    def translations(self) -> dict[str, tuple[Article, ...]]:
        """For each article with a `translation` key: the other published articles that share
        it (the same story in other editions, one each), by edition."""
        groups = translation_groups(self.articles)
        return {
            article.source: tuple(
                sorted((a for a in group if a is not article), key=lambda a: (a.edition, a.source))
            )
            for group in groups
            for article in group
        }


def build_catalogue(
    articles: Iterable[Article],
    rules: PublishingRules,
    taken: dict[str, str],
    placed: PlacedArticles | None = None,
) -> tuple[Catalogue, list[Problem]]:
    """Publish what is due. Published articles get their URLs first, so that a draft never
    takes a published article's URL; held-back ones get theirs too (a preview shows them).
    `placed` keeps the placed articles of the last build (`mkdocs serve`)."""
    catalogue = Catalogue()
    problems: list[Problem] = []
    placements = []
    articles = list(articles)  # as written: what is still to come is taken out of placements
    for article in articles:
        dated, to_come = without_what_is_to_come(article, rules.now)
        placements.append(Placement.of(dated))
        problems += to_come
    if rules.editions:
        problems += assign_editions(placements, rules.editions)
    publishable: list[Placement] = []
    held_back: list[Placement] = []
    for placement in placements:
        article = placement.article
        placement.held_back = held_back_because(article, rules.now)
        if placement.held_back:
            catalogue.skipped[SKIPPED_AS[placement.held_back]] += 1
            held_back.append(placement)
        else:
            publishable.append(placement)
        problems += unwritten(article, placement.held_back)
        if article.expires is not None and article.expires <= article.date:
            problems.append(
                Problem(
                    article.source,
                    f"it expires ({article.expires.isoformat()}) before it is published "
                    f"({article.date.isoformat()}), so it will never be shown; correct "
                    "'expires' or 'date'",
                )
            )
    catalogue.next_publishing_change = next_publishing_change(articles, rules.now)
    # a held-back story's written slug stays its own: no published story's suffix takes it
    pinned = pinned_urls(held_back, rules.article_url, rules.editions)
    url_problems, unplaced = assign_urls(
        publishable, rules.article_url, taken, rules.editions, pinned
    )
    preview_problems, unplaced_later = assign_urls(
        held_back, rules.article_url, taken, rules.editions
    )
    if unplaced:
        catalogue.skipped[WITH_ERRORS] += len(unplaced)
    for placement in unplaced_later if rules.preview else ():  # a preview cannot show it
        catalogue.skipped[SKIPPED_AS[placement.held_back]] -= 1
        catalogue.skipped[WITH_ERRORS] += 1
    skipped = {id(placement) for placement in (*unplaced, *unplaced_later)}
    publishable = [placement for placement in publishable if id(placement) not in skipped]
    held_back = [placement for placement in held_back if id(placement) not in skipped]
    problems += [
        _unpinned(placement, rules)
        for placement in placements
        if id(placement) not in skipped
        and not placement.article.slug_given
        and not placement.article.slug_refused  # its one line says what to write
        and placement.held_back != DRAFT
    ]
    shown = publishable + held_back if rules.preview else publishable
    problems += distinct_uids(publishable, held_back)
    tag_problems = unify_tags(shown, rules.max_tags)
    articles = (placed or PlacedArticles()).place(shown)
    catalogue.articles = sorted(articles, key=Article.sort_key)
    problems += translation_clashes(publishable, held_back)
    catalogue.redirects, alias_problems = place_redirects(articles, taken, rules.editions)
    problems += url_problems + tag_problems + preview_problems
    return catalogue, problems + alias_problems


def unwritten(article: Article, held_back: str) -> list[Problem]:
    """What to say of a story published with nothing below its front matter: nothing of one
    held back (`held_back`: why), a draft or a story scheduled for later, not yet read by
    anyone."""
    if held_back or not article.unwritten_line:
        return []
    said = (
        "the article has no text below its front matter; write the story, or set "
        "'draft: true' until it is written"
    )
    return [Problem(article.source, said, article.unwritten_line)]


def _unpinned(placement: Placement, rules: PublishingRules) -> Problem:
    """An article whose URL follows its headline: a corrected headline would move it (its old
    address gone, and the story shown twice by news aggregators)."""
    article = replace(placement.article, edition=placement.edition)
    if not slug_gives_url(
        rules.article_url, article, placement.slug, placement.url, rules.editions
    ):
        return Problem(
            placement.source,
            "no 'slug' in the front matter, so its URL follows the headline and a corrected "
            f"headline would move the story; its URL {placement.url} took a suffix its slug "
            "cannot hold, so give it a slug of its own that no other article has",
        )
    return Problem(
        placement.source,
        "no 'slug' in the front matter, so its URL follows the headline and a corrected "
        f"headline would move the story; add 'slug: {placement.slug}'{FIX_SLUGS_WRITES}",
    )


FIX_SLUGS_WRITES = " (newsroom check --fix-slugs writes it)"


def next_publishing_change(articles: Iterable[Article], now: datetime) -> datetime | None:
    """The first moment after `now` at which what the site shows of one of `articles` changes
    by the clock alone: a scheduled one falls due, a published one expires, its `updated` or a
    correction dated later comes due (still_to_come.py). Drafts wait for an editor, not for
    the clock."""
    moments = []
    for article in articles:
        if article.draft:
            continue
        corrections = (correction.date for correction in article.corrections)
        for moment in (article.date, article.expires, article.updated, *corrections):
            if moment is not None and moment > now:
                moments.append(moment)
    return min(moments, default=None)
