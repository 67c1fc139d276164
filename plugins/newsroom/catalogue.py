"""The catalogue: which articles are published, where each one lives, and how they are indexed.

Pure functions over the list of read articles; nothing here knows about MkDocs.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from .editions import Edition, choose_edition
from .errors import NewsroomError, Problem
from .model import Article, Tag
from .urls import tag_url

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from datetime import datetime

# Why an article is held back from publication (`Article.held_back`), and how the closing
# line of a build counts those it skipped.
DRAFT = "draft"
SCHEDULED = "scheduled"
EXPIRED = "expired"
SKIPPED_AS = {DRAFT: "draft", SCHEDULED: "scheduled for later", EXPIRED: "expired"}


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

    @property
    def published_count(self) -> int:
        return sum(1 for article in self.articles if not article.held_back)

    def translations(self) -> dict[str, tuple[Article, ...]]:
        """For each article with a `translation` key: the other published articles that share
        it (the same story in other editions), by edition."""
        by_key: dict[str, list[Article]] = {}
        for article in self.articles:
            if article.translation:
                by_key.setdefault(article.translation, []).append(article)
        return {
            article.source: tuple(
                sorted((a for a in group if a is not article), key=lambda a: (a.edition, a.source))
            )
            for group in by_key.values()
            if len(group) > 1
            for article in group
        }


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


def reserved_prefixes(editions: Sequence[Edition]) -> tuple[str, ...]:
    """The folders of the plugin's own listings, in every edition, and the editions' own."""
    reserved = [f"{edition.path}{prefix}" for edition in editions for prefix in RESERVED_PREFIXES]
    reserved += [edition.path for edition in editions if edition.path]
    return tuple(reserved)


def assign_urls(
    articles: Iterable[Article],
    pattern: str,
    taken: dict[str, str],
    editions: Sequence[Edition] = (),
) -> tuple[list[Article], list[Problem]]:
    """Give each article its URL. `taken` maps URLs already in use to the file that holds them;
    the folders of the plugin's own listings are never given to an article.

    Articles are placed in order of their source path, so the same files always get the same
    URLs; an article whose URL is taken keeps the next free `-2`, `-3`, ... suffix.
    """
    placed: list[Article] = []
    problems: list[Problem] = []
    folder_of = {edition.id: edition.path for edition in editions}
    reserved = reserved_prefixes(editions) if editions else RESERVED_PREFIXES
    for article in sorted(articles, key=lambda a: a.source):
        folder = folder_of.get(article.edition, "")
        wanted = folder + format_article_url(pattern, article)
        url, number = wanted, 1
        while url in taken or (url.startswith(reserved) and not _inside_edition(url, folder)):
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


def _inside_edition(url: str, folder: str) -> bool:
    """An article of an edition is meant to be in its folder; only its listings are not."""
    return (
        bool(folder)
        and url.startswith(folder)
        and not url.startswith(tuple(f"{folder}{prefix}" for prefix in RESERVED_PREFIXES))
    )


def assign_editions(
    articles: Iterable[Article], editions: Sequence[Edition]
) -> tuple[list[Article], list[Problem]]:
    """Put each article in the edition of its language, with the edition's sections."""
    placed = []
    problems = []
    for article in articles:
        edition = choose_edition(article.lang, editions)
        if edition is None:
            edition = editions[0]
            if len(editions) > 1:
                problems.append(
                    Problem(
                        article.source,
                        f"no edition is in language '{article.lang}', so it was published in "
                        f"the {edition.title} edition; declare an edition for '{article.lang}' "
                        "or correct 'lang'",
                    )
                )
        section = edition.sections.get(article.section.id) if article.section else None
        placed.append(replace(article, edition=edition.id, section=section))
    return placed, problems


def unify_tags(
    articles: list[Article], max_tags: int = 20_000
) -> tuple[list[Article], list[Problem]]:
    """Tags whose names slug alike are one tag, shown with its most used spelling. Past
    `max_tags` tags, the least used ones get no page of their own (their URL is '')."""
    spellings: dict[str, dict[str, int]] = {}  # slug -> spelling -> uses
    first_use: dict[tuple[str, str], str] = {}
    for article in sorted(articles, key=lambda a: a.source):
        for tag in article.tags:
            names = spellings.get(tag.slug)
            if names is None:  # not setdefault: a Counter made for every use costs 0.1 s
                names = spellings[tag.slug] = {}
            if tag.name in names:
                names[tag.name] += 1
            else:
                names[tag.name] = 1
                first_use[(tag.slug, tag.name)] = article.source
    canonical: dict[str, Tag] = {}
    problems: list[Problem] = []
    uses = {slug: sum(names.values()) for slug, names in spellings.items()}
    with_pages = set(sorted(uses, key=lambda slug: (-uses[slug], slug))[:max_tags])
    if len(uses) > max_tags:
        problems.append(
            Problem(
                "mkdocs.yml",
                f"the articles have {len(uses):,} tags, more than max_tags ({max_tags:,}); "
                f"the {len(uses) - max_tags:,} least used are shown without a page or feed of "
                "their own. Merge tags, or raise max_tags",
            )
        )
    for slug, names in spellings.items():
        ranked = sorted(names.items(), key=lambda item: (-item[1], item[0]))
        chosen = ranked[0][0]
        canonical[slug] = Tag(chosen, slug, tag_url(slug) if slug in with_pages else "")
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
    """Publish what is due. Published articles get their URLs first, so that a draft never
    takes a published article's URL; held-back ones get theirs too (a preview shows them)."""
    catalogue = Catalogue()
    publishable: list[Article] = []
    held_back: list[Article] = []
    problems: list[Problem] = []
    if rules.editions:
        articles, problems = assign_editions(articles, rules.editions)
    for article in articles:
        reason = held_back_because(article, rules.now)
        if reason:
            catalogue.skipped[SKIPPED_AS[reason]] += 1
            held_back.append(replace(article, held_back=reason))
        else:
            publishable.append(article)
        if article.expires is not None and article.expires <= article.date:
            problems.append(
                Problem(
                    article.source,
                    f"it expires ({article.expires.isoformat()}) before it is published "
                    f"({article.date.isoformat()}), so it will never be shown; correct "
                    "'expires' or 'date'",
                )
            )
    published, url_problems = assign_urls(publishable, rules.article_url, taken, rules.editions)
    previews, preview_problems = assign_urls(held_back, rules.article_url, taken, rules.editions)
    shown = published + previews if rules.preview else published
    shown, tag_problems = unify_tags(shown, rules.max_tags)
    catalogue.articles = sorted(shown, key=Article.sort_key)
    return catalogue, problems + url_problems + tag_problems + preview_problems
