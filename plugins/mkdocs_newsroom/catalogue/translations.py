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
    holders: dict[tuple[str, str], Placement] = {}
    problems = []
    for group, claims in ((published, True), (held_back, False)):
        for placement in sorted(group, key=lambda placement: placement.source):
            key = placement.article.translation
            holder = holders.get((key, placement.edition))
            if not key or (holder is None and not claims):
                continue
            if holder is None:
                holders[key, placement.edition] = placement
                continue
            problems.append(
                Problem(
                    placement.source,
                    f"its translation key '{key}' is also that of {holder.source}, in the same "
                    "edition, so it is not listed among that story's translations; "
                    + _advice(placement.article.lang, holder.article.lang),
                )
            )
    return problems


def _advice(lang: str, holder_lang: str) -> str:
    """What to do of a clash: the two are in one language, or in two, one of which has no
    edition of its own (the site's one edition takes every story)."""
    if lang and lang.lower() != holder_lang.lower():
        return (
            f"its language '{lang}' has no edition of its own: declare one under the newsroom "
            "plugin's 'editions' in mkdocs.yml (docs/editions.md) to list the two as "
            "translations of each other, or give it a key of its own"
        )
    return "give it a key of its own or correct its 'lang'"
