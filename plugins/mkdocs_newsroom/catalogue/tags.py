"""Tags as the site spells them: one spelling per tag, and a page for the most used ones."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from ..model import Tag
from ..problems import Problem
from ..urls import tag_url

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .placement import Placement


def unify_tags(placements: list[Placement], max_tags: int = 20_000) -> list[Problem]:
    """Tags whose names slug alike are one tag, with one page under its most used spelling.
    An article shows the spelling most used in its own edition: `كابل` in Arabic and `کابل` in
    Pashto are one tag, each written as its language writes it. Two spellings in one edition
    are a warning. Past `max_tags` tags, the least used ones get no page of their own (their
    URL is '')."""
    spellings: dict[str, dict[str, dict[str, int]]] = {}  # slug -> edition -> spelling -> uses
    first_use: dict[tuple[str, str, str], str] = {}
    for placement in sorted(placements, key=lambda p: p.source):
        for tag in placement.tags:
            editions = spellings.get(tag.slug)
            if editions is None:  # not setdefault: a Counter made for every use costs 0.1 s
                editions = spellings[tag.slug] = {}
            names = editions.get(placement.edition)
            if names is None:
                names = editions[placement.edition] = {}
            if tag.name in names:
                names[tag.name] += 1
            else:
                names[tag.name] = 1
                first_use[(tag.slug, placement.edition, tag.name)] = placement.source
    problems: list[Problem] = []
    uses = {
        slug: sum(sum(names.values()) for names in editions.values())
        for slug, editions in spellings.items()
    }
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
    canonical: dict[tuple[str, str], Tag] = {}  # (slug, edition) -> the tag as it shows it
    for slug, editions in spellings.items():
        url = tag_url(slug) if slug in with_pages else ""
        page_name = _most_used(_merged(editions.values()))
        for edition, names in editions.items():
            chosen = _most_used(names)
            canonical[(slug, edition)] = _tag(chosen, slug, url, page_name)
            problems += [
                Problem(
                    first_use[(slug, edition, other)],
                    f"tag '{other}' is the same tag as '{chosen}' (both are tags/{slug}/); "
                    f"it is shown as '{chosen}'. Use one spelling",
                )
                for other in names
                if other != chosen
            ]
    for placement in placements:
        if placement.tags:
            placement.tags = tuple(
                canonical[(tag.slug, placement.edition)] for tag in placement.tags
            )
    return problems


def _most_used(names: dict[str, int]) -> str:
    return min(names.items(), key=lambda item: (-item[1], item[0]))[0]


def _merged(counts: Iterable[dict[str, int]]) -> dict[str, int]:
    merged: dict[str, int] = {}
    for names in counts:
        for name, count in names.items():
            merged[name] = merged.get(name, 0) + count
    return merged


@lru_cache(maxsize=1 << 16)
def _tag(name: str, slug: str, url: str, page_name: str) -> Tag:
    # The same object from one build to the next: placements compare tags by identity first
    return Tag(name, slug, url, "" if page_name == name else page_name)
