"""The catalogue: which articles are published, where each one lives, and how they are indexed.

Pure functions over the list of read articles; nothing here knows about MkDocs.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from .errors import NewsroomError, Problem
from .model import Article, Tag
from .urls import tag_url

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import datetime

DRAFT = "draft"
SCHEDULED = "scheduled for later"


@dataclass(frozen=True)
class PublishingRules:
    article_url: str
    now: datetime


@dataclass
class Catalogue:
    """Published articles, newest first; drafts and scheduled ones (shown only in preview)."""

    articles: list[Article] = field(default_factory=list)
    unpublished: list[Article] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)

    @property
    def published_count(self) -> int:
        return len(self.articles)

    def latest(self, count: int) -> list[Article]:
        return self.articles[:count]


def format_article_url(pattern: str, article: Article) -> str:
    """Fill the URL pattern; the result is a site-relative directory URL, never escaping it."""
    section = article.section.id if article.section else "news"
    try:
        path = pattern.format(date=article.date, slug=article.slug, section=section)
    except (KeyError, IndexError, ValueError, AttributeError) as error:
        raise NewsroomError(
            f"article_url '{pattern}' cannot be filled ({error!r}); use the fields "
            "{date:%Y}, {date:%m}, {date:%d}, {slug} and {section}"
        ) from None
    segments = [segment for segment in path.replace("\\", "/").split("/") if segment]
    if not segments or any(segment in (".", "..") for segment in segments):
        raise NewsroomError(
            f"article_url '{pattern}' gives '{path}' for {article.source}, which is not a path "
            "inside the site; build it from {date:…}, {slug} and {section}"
        )
    return "/".join(segments) + "/"


def _with_suffix(url: str, number: int) -> str:
    return f"{url.rstrip('/')}-{number}/"


RESERVED_PREFIXES = ("section/", "tags/", "authors/", "archive/", "search/", "assets/")


def _is_free(url: str, taken: dict[str, str]) -> bool:
    return url not in taken and not url.startswith(RESERVED_PREFIXES)


def assign_urls(
    articles: Iterable[Article], pattern: str, taken: dict[str, str]
) -> tuple[list[Article], list[Problem]]:
    """Give each article its URL. `taken` maps URLs already in use to the file that holds them;
    the folders of the plugin's own listings are never given to an article.

    Articles are placed in order of their source path, so the same files always get the same
    URLs; an article whose URL is taken keeps the next free `-2`, `-3`, ... suffix.
    """
    placed: list[Article] = []
    problems: list[Problem] = []
    for article in sorted(articles, key=lambda a: a.source):
        wanted = format_article_url(pattern, article)
        url, number = wanted, 1
        while not _is_free(url, taken):
            number += 1
            url = _with_suffix(wanted, number)
        if url != wanted:
            holder = taken.get(wanted, "the newsroom's own listings")
            problems.append(
                Problem(
                    article.source,
                    f"its URL {wanted} is already taken by {holder}; it was published "
                    f"at {url} instead. Give one of the two a different 'slug'",
                )
            )
        taken[url] = article.source
        placed.append(replace(article, url=url))
    return placed, problems


def unify_tags(articles: list[Article]) -> tuple[list[Article], list[Problem]]:
    """Tags whose names slug alike are one tag, shown with its most used spelling."""
    spellings: dict[str, Counter[str]] = {}
    first_use: dict[tuple[str, str], str] = {}
    for article in sorted(articles, key=lambda a: a.source):
        for tag in article.tags:
            spellings.setdefault(tag.slug, Counter())[tag.name] += 1
            first_use.setdefault((tag.slug, tag.name), article.source)
    canonical: dict[str, Tag] = {}
    problems: list[Problem] = []
    for slug, names in spellings.items():
        ranked = sorted(names.items(), key=lambda item: (-item[1], item[0]))
        chosen = ranked[0][0]
        canonical[slug] = Tag(chosen, slug, tag_url(slug))
        for other, _count in ranked[1:]:
            problems.append(
                Problem(
                    first_use[(slug, other)],
                    f"tag '{other}' is the same tag as '{chosen}' (both are tags/{slug}/); "
                    f"it is shown as '{chosen}'. Use one spelling",
                )
            )
    unified = [
        replace(article, tags=tuple(canonical[tag.slug] for tag in article.tags))
        if article.tags
        else article
        for article in articles
    ]
    return unified, problems


def build_catalogue(
    articles: Iterable[Article], rules: PublishingRules, taken: dict[str, str]
) -> tuple[Catalogue, list[Problem]]:
    catalogue = Catalogue()
    publishable: list[Article] = []
    held_back: list[Article] = []
    for article in articles:
        if article.draft:
            catalogue.skipped[DRAFT] += 1
            held_back.append(article)
        elif article.date > rules.now:
            catalogue.skipped[SCHEDULED] += 1
            held_back.append(article)
        else:
            publishable.append(article)
    published, problems = assign_urls(publishable, rules.article_url, taken)
    published, tag_problems = unify_tags(published)
    previews, preview_problems = assign_urls(held_back, rules.article_url, taken)
    catalogue.articles = sorted(published, key=Article.sort_key)
    catalogue.unpublished = sorted(previews, key=Article.sort_key)
    return catalogue, problems + tag_problems + preview_problems
