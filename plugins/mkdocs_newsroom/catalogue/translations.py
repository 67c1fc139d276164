"""The same story in other editions: the articles that share a `translation` key, one per
edition (two of one edition would be two alternates of one language to search engines)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..problems import Problem

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ..model import Article


def translation_groups(articles: Iterable[Article]) -> tuple[list[list[Article]], list[Problem]]:
    """The groups of articles that share a `translation` key, the first of each edition by
    path kept; and a warning naming both files for each article left out."""
    by_key: dict[str, dict[str, Article]] = {}
    problems = []
    for article in sorted(articles, key=lambda a: a.source):
        if not article.translation:
            continue
        group = by_key.setdefault(article.translation, {})
        holder = group.setdefault(article.edition, article)
        if holder is not article:
            problems.append(
                Problem(
                    article.source,
                    f"its translation key '{article.translation}' is also that of "
                    f"{holder.source}, in the same edition, so it is not listed among that "
                    "story's translations; give it a key of its own or correct its 'lang'",
                )
            )
    return [list(group.values()) for group in by_key.values() if len(group) > 1], problems
