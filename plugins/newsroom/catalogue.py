"""The catalogue: which articles are published, where each one lives, and how they are indexed.

Pure functions over the list of read articles; nothing here knows about MkDocs.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from .editions import Edition, choose_edition
from .errors import NewsroomError, Problem
from .model import Article, Section, Tag
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


def format_article_url(pattern: str, article: Article, section: Section | None) -> str:
    """Fill the URL pattern for `article` in `section`; the result is a site-relative
    directory URL, never escaping it."""
    folder = section.id if section else "news"
    return _article_path(pattern, article.date, article.slug, folder, article.source)


@lru_cache(maxsize=1 << 16)
def _article_path(pattern: str, date: datetime, slug: str, section: str, source: str) -> str:
    # Cached: filling a date pattern costs 10 µs, and a preview rebuild fills every URL again.
    try:
        path = pattern.format(date=date, slug=slug, section=section)
    except (KeyError, IndexError, ValueError, AttributeError) as error:
        raise NewsroomError(
            f"article_url '{pattern}' cannot be filled ({error!r}); use the fields "
            "{date:%Y}, {date:%m}, {date:%d}, {slug} and {section}"
        ) from None
    segments = [segment for segment in path.replace("\\", "/").split("/") if segment]
    if not segments or any(segment in (".", "..") for segment in segments):
        raise NewsroomError(
            f"article_url '{pattern}' gives '{path}' for {source}, which is not a path "
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


@dataclass
class Placement:
    """What the catalogue decides for one article as read: its edition and its section there,
    why it is held back, its URL and its tags as the site spells them."""

    article: Article
    edition: str
    section: Section | None
    url: str
    tags: tuple[Tag, ...]
    held_back: str = ""

    @classmethod
    def of(cls, article: Article) -> Placement:
        return cls(article, article.edition, article.section, article.url, article.tags)

    @property
    def source(self) -> str:
        return self.article.source

    def key(self) -> tuple[object, ...]:
        """All the placement sets (tags compare by name, slug and URL)."""
        return (self.edition, self.section, self.url, self.tags, self.held_back)


class PlacedArticles:
    """The placed articles of the last build, so that an article placed the same way again is
    the same object (`mkdocs serve`: later steps tell unchanged articles by identity)."""

    def __init__(self) -> None:
        self._placed: dict[tuple[str, str], tuple[tuple[object, ...], Article]] = {}

    def place(self, placements: Iterable[Placement]) -> list[Article]:
        placed = []
        kept: dict[tuple[str, str], tuple[tuple[object, ...], Article]] = {}
        for placement in placements:
            article = placement.article
            name = (article.source, article.fingerprint)
            key = placement.key()
            previous = self._placed.get(name)
            if previous is not None and previous[0] == key:
                result = previous[1]
            else:
                result = replace(
                    article,
                    edition=placement.edition,
                    section=placement.section,
                    url=placement.url,
                    tags=placement.tags,
                    held_back=placement.held_back,
                )
            kept[name] = (key, result)
            placed.append(result)
        self._placed = kept
        return placed


def assign_urls(
    placements: Iterable[Placement],
    pattern: str,
    taken: dict[str, str],
    editions: Sequence[Edition] = (),
) -> list[Problem]:
    """Give each article its URL. `taken` maps URLs already in use to the file that holds them;
    the folders of the plugin's own listings are never given to an article.

    Articles are placed in order of their source path, so the same files always get the same
    URLs; an article whose URL is taken keeps the next free `-2`, `-3`, ... suffix.
    """
    problems: list[Problem] = []
    folder_of = {edition.id: edition.path for edition in editions}
    reserved = reserved_prefixes(editions) if editions else RESERVED_PREFIXES
    for placement in sorted(placements, key=lambda p: p.source):
        article = placement.article
        folder = folder_of.get(placement.edition, "")
        wanted = folder + format_article_url(pattern, article, placement.section)
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
        placement.url = url
    return problems


def _inside_edition(url: str, folder: str) -> bool:
    """An article of an edition is meant to be in its folder; only its listings are not."""
    return (
        bool(folder)
        and url.startswith(folder)
        and not url.startswith(tuple(f"{folder}{prefix}" for prefix in RESERVED_PREFIXES))
    )


def assign_editions(placements: Iterable[Placement], editions: Sequence[Edition]) -> list[Problem]:
    """Put each article in the edition of its language, with the edition's sections."""
    problems = []
    for placement in placements:
        article = placement.article
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
        placement.edition = edition.id
        placement.section = edition.sections.get(article.section.id) if article.section else None
    return problems


def unify_tags(placements: list[Placement], max_tags: int = 20_000) -> list[Problem]:
    """Tags whose names slug alike are one tag, shown with its most used spelling. Past
    `max_tags` tags, the least used ones get no page of their own (their URL is '')."""
    spellings: dict[str, dict[str, int]] = {}  # slug -> spelling -> uses
    first_use: dict[tuple[str, str], str] = {}
    for placement in sorted(placements, key=lambda p: p.source):
        for tag in placement.tags:
            names = spellings.get(tag.slug)
            if names is None:  # not setdefault: a Counter made for every use costs 0.1 s
                names = spellings[tag.slug] = {}
            if tag.name in names:
                names[tag.name] += 1
            else:
                names[tag.name] = 1
                first_use[(tag.slug, tag.name)] = placement.source
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
        canonical[slug] = _tag(chosen, slug, tag_url(slug) if slug in with_pages else "")
        for other, _count in ranked[1:]:
            problems.append(
                Problem(
                    first_use[(slug, other)],
                    f"tag '{other}' is the same tag as '{chosen}' (both are tags/{slug}/); "
                    f"it is shown as '{chosen}'. Use one spelling",
                )
            )
    for placement in placements:
        if placement.tags:
            placement.tags = tuple(canonical[tag.slug] for tag in placement.tags)
    return problems


@lru_cache(maxsize=1 << 16)
def _tag(name: str, slug: str, url: str) -> Tag:
    # The same object from one build to the next: placements compare tags by identity first
    return Tag(name, slug, url)


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
    placements = [Placement.of(article) for article in articles]
    problems: list[Problem] = []
    if rules.editions:
        problems = assign_editions(placements, rules.editions)
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
        if article.expires is not None and article.expires <= article.date:
            problems.append(
                Problem(
                    article.source,
                    f"it expires ({article.expires.isoformat()}) before it is published "
                    f"({article.date.isoformat()}), so it will never be shown; correct "
                    "'expires' or 'date'",
                )
            )
    url_problems = assign_urls(publishable, rules.article_url, taken, rules.editions)
    preview_problems = assign_urls(held_back, rules.article_url, taken, rules.editions)
    shown = publishable + held_back if rules.preview else publishable
    tag_problems = unify_tags(shown, rules.max_tags)
    articles = (placed or PlacedArticles()).place(shown)
    catalogue.articles = sorted(articles, key=Article.sort_key)
    return catalogue, problems + url_problems + tag_problems + preview_problems
