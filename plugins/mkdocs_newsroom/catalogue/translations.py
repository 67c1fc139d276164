"""The same story in other editions: the articles that share a `translation` key, one per
edition (two of one edition would be two alternates of one language to search engines)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..problems import Problem

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ..model import Article
    from .placement import Placement


def translation_groups(articles: Iterable[Article]) -> list[list[Article]]:
    """The groups of articles that share a `translation` key, one per edition: a published
    one before any held back (a preview shows both), then the first by path."""
    by_key: dict[str, dict[str, Article]] = {}
    for article in sorted(articles, key=lambda a: (bool(a.held_back), a.source)):
        if article.translation:
            by_key.setdefault(article.translation, {}).setdefault(article.edition, article)
    return [list(group.values()) for group in by_key.values() if len(group) > 1]


def translation_clashes(
    published: Iterable[Placement], held_back: Iterable[Placement]
) -> list[Problem]:
    """A warning naming both files for each article whose key a published article of its
    edition already has (the first by path keeps it). Held-back articles (drafts, scheduled,
    expired) are said only against published ones: two drafts of one story are versions of
    it, not a clash, until one is published. A build and `newsroom check` (which places the
    held-back ones too) say the same, whether or not a preview shows them."""
    holders: dict[tuple[str, str], str] = {}
    problems = []
    for group, claims in ((published, True), (held_back, False)):
        for placement in sorted(group, key=lambda placement: placement.source):
            key = placement.article.translation
            holder = holders.get((key, placement.edition))
            if not key or (holder is None and not claims):
                continue
            if holder is None:
                holders[key, placement.edition] = placement.source
                continue
            problems.append(
                Problem(
                    placement.source,
                    f"its translation key '{key}' is also that of {holder}, in the same "
                    "edition, so it is not listed among that story's translations; give it a "
                    "key of its own or correct its 'lang'",
                )
            )
    return problems
