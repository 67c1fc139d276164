"""Related stories planned again after a save (`mkdocs serve`) only where the save may have
changed them: always what planning every article again gives."""

from __future__ import annotations

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
TAG_NAMES = ["a", "b", "c", "d", "e"]
# an article: its hour, its tags (a slug may come twice), its section
FIELDS = st.tuples(
    st.integers(0, 30),
    st.lists(st.sampled_from(TAG_NAMES), max_size=4),
    st.sampled_from(["world", "sport", None]),
)
# what the site's settings give at a build: the tags with a page (past `max_tags`, the
# least used have none, and still count as shared), the sections configured
SETTINGS = st.tuples(
    st.sets(st.sampled_from(TAG_NAMES)), st.sets(st.sampled_from(sorted(SECTIONS)))
)
# a save: articles changed (their date, tags or section), added, or deleted (None)
SAVE = st.lists(st.tuples(st.integers(0, 59), st.none() | FIELDS), min_size=1, max_size=3)

Fields = tuple[int, list[str], str | None]


def _article(source: str, fields: Fields, paged: set[str]) -> Article:
    hour, tags, section = fields
    return story(
        source,
        date=START + timedelta(hours=hour),
        section=SECTIONS.get(section or ""),
        tags=tuple(Tag(t, t, f"tags/{t}/" if t in paged else "") for t in tags),
    )


def _relations(
    site: dict[str, Fields], settings: tuple[set[str], set[str]], plan: NeighbourPlan | None
) -> dict[str, tuple[object, ...]]:
    paged, sections = settings
    articles = sorted(
        (_article(source, fields, paged) for source, fields in site.items()),
        key=lambda article: article.sort_key(),
    )
    configured = {key: section for key, section in SECTIONS.items() if key in sections}
    found = build_neighbours(build_indexes(articles, configured, {}), plan)
    return {
        source: (
            [other.source for other in near.related],
            near.older and near.older.source,
            near.newer and near.newer.source,
        )
        for source, near in found.items()
    }


@given(
    first=st.lists(FIELDS, min_size=1, max_size=60),
    builds=st.lists(st.tuples(SAVE, SETTINGS), min_size=1, max_size=6),
    first_settings=SETTINGS,
    window=st.integers(1, 3),
    count=st.integers(1, 5),
)
def test_saves_planned_again_give_what_planning_everything_gives(
    first: list[Fields],
    builds: list[tuple[list[tuple[int, Fields | None]], tuple[set[str], set[str]]]],
    first_settings: tuple[set[str], set[str]],
    window: int,
    count: int,
) -> None:
    """Saves that change articles' dates, tags and sections, add and delete some, with the
    tags that have pages and the sections configured changing too; windows of a few
    articles, so that a save is far from most."""
    with pytest.MonkeyPatch.context() as monkey:
        monkey.setattr(neighbours, "RELATED_WINDOW", window)
        monkey.setattr(neighbours, "RELATED_COUNT", count)
        site = {f"s{n:02d}": fields for n, fields in enumerate(first)}
        plan = NeighbourPlan()
        _relations(site, first_settings, plan)
        for save, settings in builds:
            for number, fields in save:
                if fields is None:
                    site.pop(f"s{number:02d}", None)
                else:
                    site[f"s{number:02d}"] = fields
            assert _relations(site, settings, plan) == _relations(site, settings, None)


def test_a_tag_that_loses_its_page_is_planned_again_though_no_article_changed() -> None:
    """A save in another edition can take a tag's page away (`max_tags`): the articles of
    this edition that had it are planned again, none of them changed."""
    site: dict[str, Fields] = {f"s{n}": (n, ["a"], None) for n in range(8)}
    plan = NeighbourPlan()
    with_page = _relations(site, ({"a"}, set()), plan)
    assert with_page["s0"][0]  # related through the tag's window
    assert _relations(site, (set(), set()), plan) == _relations(site, (set(), set()), None)


def test_a_tag_given_twice_is_one_place_in_its_listing() -> None:
    """An article whose tags name one slug twice (no reader makes one; a test can) is listed
    once in its tag, where the planner looks for it: x, at the end of the window of a in "t",
    moves on in time and falls behind d (the hostile review's case)."""
    site: dict[str, Fields] = {
        "a": (100, ["t", "u", "v"], None),
        **{f"f{n:02d}": (99 - n, ["t"], None) for n in range(11)},
        "x": (88, ["t", "t", "v"], None),
        "d": (85, ["u", "v"], None),
    }
    settings: tuple[set[str], set[str]] = ({"t", "u"}, set())  # "v" has no page
    plan = NeighbourPlan()
    assert _relations(site, settings, plan)["a"][0][:2] == ["x", "d"]
    site["x"] = (80, ["t", "t", "v"], None)
    assert _relations(site, settings, None)["a"][0][:2] == ["d", "x"]
    assert _relations(site, settings, plan) == _relations(site, settings, None)


def test_a_save_plans_again_only_what_is_near_it(monkeypatch: pytest.MonkeyPatch) -> None:
    planned: list[str] = []
    relation = neighbours._Planner.relation

    def counted(self: neighbours._Planner, source: str) -> neighbours.Relation:
        planned.append(source)
        return relation(self, source)

    monkeypatch.setattr(neighbours._Planner, "relation", counted)
    site: dict[str, Fields] = {f"s{n:03d}": (n, ["a"], "world") for n in range(200)}
    plan = NeighbourPlan()
    _relations(site, ({"a", "b"}, {"world"}), plan)
    assert len(planned) == 200
    planned.clear()
    site["s100"] = (100, ["b"], "world")
    _relations(site, ({"a", "b"}, {"world"}), plan)
    window = neighbours.RELATED_WINDOW
    # the article, and those that had it in their windows of "a" and of the section
    assert sorted(planned) == [f"s{n:03d}" for n in range(100 - window, 101 + window)]
