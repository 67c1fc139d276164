"""Tags as the site spells them: one spelling per tag, and a page for the most used ones."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from ..model import Tag
from ..problems import Problem
from ..urls import tag_url

if TYPE_CHECKING:
    from .placement import Placement


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
