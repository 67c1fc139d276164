"""Where an imported post goes in the site: its section (from its categories), its authors
(the other system's, as ids of the authors file), its slug, its URL, and the old address
that must redirect to it."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ...directions import invalid_removed
from ...problems import FieldError, NewsroomError
from ...reading.links import alias_path, check_link
from ...slugs import is_slug, slugify
from .posts import SourceAuthor

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from ...model import Author, Section
    from ..writing import Addresses
    from .posts import Post


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


@dataclass(frozen=True)
class Sections:
    """Which section a category is: `--section-map` first, then a section whose id is the
    category's slug or whose title is its name; `default` (`--section`) for a post none of
    whose categories is a section."""

    declared: Mapping[str, Section]
    mapping: Mapping[str, str] = field(default_factory=dict)  # category (any case) -> id
    default: str = ""

    def of(self, category: str) -> str:
        mapped = self.mapping.get(_key(category)) or self.mapping.get(slugify(category))
        if mapped:
            return mapped
        slug = slugify(category, fallback_prefix="category")
        if slug in self.declared:
            return slug
        titles = {_key(section.title): key for key, section in self.declared.items()}
        return titles.get(_key(category), "")

    def choose(self, categories: Sequence[str]) -> tuple[str, tuple[str, ...]]:
        """The section of the first category that is one, and the other categories (they
        become tags); ('', categories) when none is and there is no default."""
        for index, category in enumerate(categories):
            section = self.of(category)
            if section:
                return section, (*categories[:index], *categories[index + 1 :])
        return self.default, tuple(categories)


def parse_section_map(values: Iterable[str], declared: Mapping[str, Section]) -> dict[str, str]:
    """`--section-map 'Arts & Culture=culture,news=world'` (repeatable) as category -> section,
    refusing a section mkdocs.yml does not declare."""
    mapping: dict[str, str] = {}
    for value in values:
        for pair in value.split(","):
            category, equals, section = pair.partition("=")
            if not pair.strip():
                continue
            if not equals or not category.strip() or not section.strip():
                raise NewsroomError(
                    f"--section-map '{pair.strip()}': write CATEGORY=SECTION, for example "
                    "'Arts & Culture=culture'"
                )
            if section.strip() not in declared:
                choices = ", ".join(sorted(declared)) or "none is declared yet"
                raise NewsroomError(
                    f"--section-map '{pair.strip()}': unknown section '{section.strip()}' "
                    f"(sections: {choices})"
                )
            mapping[_key(category)] = section.strip()
    return mapping


def check_sections(posts: Iterable[Post], sections: Sections) -> None:
    """Refuse the whole import, before anything is written, if a post has no section: say
    which categories want one and how to give it."""
    wanting: dict[str, int] = {}
    for post in posts:
        if not sections.choose(post.categories)[0]:
            for category in post.categories or ("(no category)",):
                wanting[category] = wanting.get(category, 0) + 1
    if wanting:
        listed = ", ".join(
            f"'{name}' ({count} post{'s' if count != 1 else ''})"
            for name, count in sorted(wanting.items(), key=lambda item: (-item[1], item[0]))
        )
        raise NewsroomError(
            f"no section for the categories {listed}; map them with --section-map "
            "CATEGORY=SECTION, declare sections of those names in mkdocs.yml, or give "
            "--section for the posts none of whose categories is a section. Nothing was "
            "imported"
        )


def author_ids(
    keys: Iterable[str], known: Mapping[str, SourceAuthor], site: Mapping[str, Author]
) -> tuple[dict[str, str], list[tuple[str, SourceAuthor]]]:
    """The site's author id of each of the other system's authors (`keys`, in order), and
    the new entries the authors file needs. An id the site has is used as it is."""
    ids: dict[str, str] = {}
    new: list[tuple[str, SourceAuthor]] = []
    taken = set(site)
    for key in keys:
        if key in ids:
            continue
        wanted = slugify(key, fallback_prefix="author")
        if wanted in site:
            ids[key] = wanted
            continue
        author_id, number = wanted, 1
        while author_id in taken:
            number += 1
            author_id = f"{wanted}-{number}"
        taken.add(author_id)
        ids[key] = author_id
        new.append((author_id, known.get(key) or SourceAuthor(key, key)))
    return ids, new


def checked_author(author_id: str, author: SourceAuthor) -> tuple[SourceAuthor, list[str]]:
    """`author` as the authors file may hold it: each text on one line, without characters
    no page or feed can carry; an avatar or website that is not a path of the site or an
    http(s) URL left out; and what was changed, one note each."""
    notes: list[str] = []
    values = {}
    for key in ("name", "role", "bio", "avatar", "url"):
        text = " ".join(getattr(author, key).split())
        text, invalid = invalid_removed(text)
        if invalid:
            notes.append(f"its '{key}' held characters no web page can carry; they were removed")
        if text and key in ("avatar", "url"):
            try:
                text = check_link(text, f"its '{key}'")
            except FieldError as error:
                notes.append(f"{error}; it was left out")
                text = ""
        values[key] = text
    values["name"] = values["name"] or author_id
    return replace(author, **values), notes


@dataclass(frozen=True)
class Place:
    """Where a post goes: its slug, its URL in the site, and its old address if that is
    another (to redirect)."""

    slug: str
    url: str
    alias: str = ""
    note: str = ""  # why the old address cannot be kept


def place(post: Post, where: tuple[str, str], addresses: Addresses) -> Place:
    """The slug and URL of `post` (`where`: its language and section): its own slug when
    Newsroom can use it (so its address can stay the same), else one made from it or the
    headline; the first free `-2`, `-3`... where the site, the import or the newsroom's own
    pages have its address (`addresses`, which takes it). Its old address is kept only if
    nothing of the site or the import has it."""
    slug = post.slug if is_slug(post.slug) else ""
    slug = slug or slugify(post.slug or post.title, fallback_prefix="article")
    slug, url, _held = addresses.free(slug, where, post.date, post.origin)
    if not post.old_path:
        return Place(slug, url)
    try:
        alias = alias_path(post.old_path)
    except FieldError as error:
        return Place(slug, url, note=f"its old address cannot be kept: {error}")
    if alias == url:
        return Place(slug, url)
    if alias in addresses:
        return Place(
            slug,
            url,
            note=f"its old address /{alias} is the address of another article or page of the "
            "site now, so it does not redirect to it",
        )
    addresses.take(alias, post.origin)
    return Place(slug, url, alias)
