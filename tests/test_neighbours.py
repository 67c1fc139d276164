"""Related stories planned again after a save (`mkdocs serve`) only where the save may have
changed them: always what planning every article again gives."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_newsroom.catalogue import neighbours
from mkdocs_newsroom.catalogue.indexes import build_indexes
from mkdocs_newsroom.catalogue.neighbours import NeighbourPlan, build_neighbours
from mkdocs_newsroom.model import Article, Section, Tag

from .sites import story

SECTIONS = {key: Section(key, key.title()) for key in ("world", "sport")}
START = datetime(2024, 5, 1, tzinfo=UTC)
# a tag without a URL has no page (past `max_tags`): it still counts as shared
TAGS = st.sets(st.sampled_from(["a", "b", "c", "d", "nopage"]), max_size=3)


def _article(source: str, hour: int, tags: set[str], section: str | None) -> Article:
    return story(
        source,
        date=START + timedelta(hours=hour),
        section=SECTIONS.get(section or ""),
        tags=tuple(Tag(t, t, "" if t == "nopage" else f"tags/{t}/") for t in sorted(tags)),
    )


FIELDS = st.tuples(st.integers(0, 40), TAGS, st.sampled_from(["world", "sport", None]))


def _relations(articles: list[Article], plan: NeighbourPlan | None) -> dict[str, tuple]:
    found = build_neighbours(build_indexes(articles, SECTIONS, {}), plan)
    return {
        source: (
            [other.source for other in near.related],
            near.older and near.older.source,
            near.newer and near.newer.source,
        )
        for source, near in found.items()
    }


@given(
    first=st.lists(FIELDS, min_size=1, max_size=30),
    saves=st.lists(st.tuples(st.integers(0, 40), st.none() | FIELDS), min_size=1, max_size=6),
    window=st.integers(1, 3),
)
def test_a_save_planned_again_gives_what_planning_everything_gives(
    first: list[tuple[int, set[str], str | None]],
    saves: list[tuple[int, tuple[int, set[str], str | None] | None]],
    window: int,
) -> None:
    """Each save changes one article's date, tags or section, adds one or deletes one; with a
    window of a few articles, so that a save is far from most."""
    with pytest.MonkeyPatch.context() as monkey:
        monkey.setattr(neighbours, "RELATED_WINDOW", window)
        site = {f"s{n:02d}": _article(f"s{n:02d}", *fields) for n, fields in enumerate(first)}
        plan = NeighbourPlan()
        _relations(list(site.values()), plan)
        for number, fields in saves:
            source = f"s{number:02d}"
            if fields is None:
                site.pop(source, None)
            else:
                site[source] = _article(source, *fields)
            articles = list(site.values())
            assert _relations(articles, plan) == _relations(articles, None)


def test_a_save_plans_again_only_what_is_near_it(monkeypatch: pytest.MonkeyPatch) -> None:
    planned: list[str] = []
    relation = neighbours._Planner.relation

    def counted(self: neighbours._Planner, source: str) -> neighbours.Relation:
        planned.append(source)
        return relation(self, source)

    monkeypatch.setattr(neighbours._Planner, "relation", counted)
    site = [_article(f"s{n:03d}", n, {"a"}, "world") for n in range(200)]
    plan = NeighbourPlan()
    _relations(site, plan)
    assert len(planned) == 200
    planned.clear()
    site[100] = replace(site[100], tags=(Tag("b", "b", "tags/b/"),))
    _relations(site, plan)
    window = neighbours.RELATED_WINDOW
    # the article, and those that had it in their windows of "a" and of the section
    assert sorted(planned) == [f"s{n:03d}" for n in range(100 - window, 101 + window)]
