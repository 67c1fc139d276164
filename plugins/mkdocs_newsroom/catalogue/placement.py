"""Where each article goes: its edition and its section there, and its URL."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..problems import Problem
from ..settings.article_url import DEFAULT_FOLDER, RESERVED_PREFIXES, fill_article_url

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence, Set

    from ..model import Article, Edition, Section, Tag


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
    slug: str = ""  # the slug its URL has: the article's, with a suffix if that was taken
    uid: str = ""  # what feeds know it by: the article's, unless another article has it

    @classmethod
    def of(cls, article: Article) -> Placement:
        return cls(
            article,
            article.edition,
            article.section,
            article.url,
            article.tags,
            "",
            article.slug,
            article.uid,
        )

    @property
    def source(self) -> str:
        return self.article.source

    def key(self) -> tuple[object, ...]:
        """All the placement sets (tags compare by name, slug and URL), and the dates of
        the article as placed (what is yet to come is not shown: `still_to_come.py`)."""
        return (
            self.article.updated,
            self.article.corrections,
            self.edition,
            self.section,
            self.url,
            self.tags,
            self.held_back,
            self.slug,
            self.uid,
        )


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
                    slug=placement.slug,
                    uid=placement.uid,
                )
            kept[name] = (key, result)
            placed.append(result)
        self._placed = kept
        return placed

    def places(self, article: Article) -> bool:
        """Whether `article` is as this placed it (no later step made another of it)."""
        placed = self._placed.get((article.source, article.fingerprint))
        return placed is not None and placed[1] is article

    def take_copy(self, article: Article, read: Article) -> None:
        """Give `article`, which this `places`, the copy of `read`, its file read again with
        only the copy changed, and place `read` as `article` from now on."""
        placed = self._placed.pop((article.source, article.fingerprint))
        article.take_copy(read)
        self._placed[(read.source, read.fingerprint)] = placed


def choose_edition(lang: str, editions: Sequence[Edition]) -> Edition | None:
    """The edition of an article's `lang`: exact tag, then its primary language."""
    if not lang:
        return editions[0]
    for edition in editions:
        if edition.accepts(lang):
            return edition
    primary = lang.split("-")[0]
    for edition in editions:
        if edition.accepts(primary):
            return edition
    return None


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


def article_url(pattern: str, article: Article, section: Section | None) -> str:
    """Where `pattern` puts `article` in `section`, relative to its edition's folder."""
    folder = section.id if section else DEFAULT_FOLDER
    return fill_article_url(pattern, article.date, article.slug, folder, article.source)


def slug_gives_url(
    pattern: str, article: Article, slug: str, url: str, editions: Sequence[Edition]
) -> bool:
    """Whether writing `slug:` into the article would keep it at `url`: not so when its URL
    took a suffix that is not in its slug (article_url with `{slug}` before its end)."""
    folder = next((edition.path for edition in editions if edition.id == article.edition), "")
    section = article.section.id if article.section else DEFAULT_FOLDER
    filled = fill_article_url(pattern, article.date, slug, section, article.source)
    return folder + filled == url


def reserved_prefixes(editions: Sequence[Edition]) -> tuple[str, ...]:
    """The folders of the plugin's own listings, in every edition, and the editions' own."""
    reserved = [f"{edition.path}{prefix}" for edition in editions for prefix in RESERVED_PREFIXES]
    reserved += [edition.path for edition in editions if edition.path]
    return tuple(reserved)


def assign_urls(
    placements: Iterable[Placement],
    pattern: str,
    taken: dict[str, str],
    editions: Sequence[Edition] = (),
    pinned_later: Set[str] = frozenset(),
) -> tuple[list[Problem], list[Placement]]:
    """Give each article its URL. `taken` maps URLs already in use to the file that holds them;
    `pinned_later`, URLs that articles placed after these write as their own (held back).
    An article whose URL is inside the folders of the plugin's own pages (a slug or section id
    such as 'tags' in the wrong place of article_url) gets none: it is skipped, with one line,
    and returned apart.

    Among articles that claim one URL, the one whose front matter writes its slug wins (its
    address was pinned, it must not move), then the one published first, then the one whose
    source path sorts first, so the same files always get the same URLs; the others keep the
    next free `-2`, `-3`, ... suffix, once every article has its own URL: a suffix never takes
    the address another article asks for (a written `slug: same-2`).
    """
    problems: list[Problem] = []
    skipped: list[Placement] = []
    folder_of = {edition.id: edition.path for edition in editions}
    reserved = reserved_prefixes(editions) if editions else RESERVED_PREFIXES
    claimed: list[tuple[Placement, str]] = []
    for placement in sorted(placements, key=_claim_order):
        folder = folder_of.get(placement.edition, "")
        wanted = _wanted_url(placement, pattern, folder_of)
        inside = reserved_folder(wanted, folder, reserved)
        if inside:
            problems.append(_in_own_folder(placement.article.source, wanted, inside))
            skipped.append(placement)
        else:
            claimed.append((placement, wanted))
    asked_for = {wanted for _, wanted in claimed} | pinned_later
    holders = {wanted: placement for placement, wanted in reversed(claimed)}  # the first
    moving: list[tuple[Placement, str]] = []
    for placement, wanted in claimed:
        if holders[wanted] is placement and wanted not in taken:
            taken[wanted] = placement.article.source
            placement.url = wanted
        else:
            moving.append((placement, wanted))
    for placement, wanted in moving:
        url = _free_url(wanted, taken, asked_for)
        problems.append(_moved(placement, wanted, url, taken[wanted]))
        taken[url] = placement.article.source
        placement.url = url
        if pattern.endswith("{slug}/"):
            placement.slug = url.rstrip("/").rsplit("/", 1)[-1]  # with its -2, -3...
    return problems, skipped


def pinned_urls(
    placements: Iterable[Placement], pattern: str, editions: Sequence[Edition] = ()
) -> set[str]:
    """The URLs the articles of `placements` whose front matter writes their slug ask for."""
    folder_of = {edition.id: edition.path for edition in editions}
    return {
        _wanted_url(placement, pattern, folder_of)
        for placement in placements
        if placement.article.slug_given
    }


def _wanted_url(placement: Placement, pattern: str, folder_of: Mapping[str, str]) -> str:
    folder = folder_of.get(placement.edition, "")
    return folder + article_url(pattern, placement.article, placement.section)


def _claim_order(placement: Placement) -> tuple[bool, float, str]:
    """Who keeps a URL two articles claim: a written slug, then the earlier date, then path."""
    article = placement.article
    return (not article.slug_given, article.date.timestamp(), article.source)


def reserved_folder(url: str, folder: str, reserved: tuple[str, ...]) -> str:
    """The folder of the plugin's own pages that `url` (of an article of the edition in
    `folder`) is inside ('' if none): a listing's, or another edition's."""
    if _inside_edition(url, folder):
        return ""
    return next((prefix for prefix in reserved if url.startswith(prefix)), "")


def _free_url(wanted: str, taken: dict[str, str], asked_for: Set[str]) -> str:
    """`wanted`, else the first free `-2`, `-3`... of it that no article asks for (the search
    ends: both are finite)."""
    url, number = wanted, 1
    while url in taken or (url != wanted and url in asked_for):
        number += 1
        url = _with_suffix(wanted, number)
    return url


def _in_own_folder(source: str, wanted: str, folder: str) -> Problem:
    return Problem(
        source,
        f"its URL {wanted} is inside {folder}, a folder of the newsroom's own pages, so the "
        "article was skipped; change its 'slug', its section's id or article_url",
    )


def _moved(placement: Placement, wanted: str, url: str, holder: str) -> Problem:
    """A held-back article is not published at all: it is told where it would be."""
    done = "would be published" if placement.held_back else "was published"
    return Problem(
        placement.article.source,
        f"its URL {wanted} is already taken by {holder}; it {done} at {url} instead. "
        "Give one of the two a different 'slug'",
    )


def _with_suffix(url: str, number: int) -> str:
    return f"{url.rstrip('/')}-{number}/"


def _inside_edition(url: str, folder: str) -> bool:
    """An article of an edition is meant to be in its folder; only its listings are not."""
    return (
        bool(folder)
        and url.startswith(folder)
        and not url.startswith(tuple(f"{folder}{prefix}" for prefix in RESERVED_PREFIXES))
    )
