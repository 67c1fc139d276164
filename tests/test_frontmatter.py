"""The front-matter parser and the article reader, without MkDocs."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_newsroom.model import Author, Section
from mkdocs_newsroom.problems import ArticleError, FieldError
from mkdocs_newsroom.reading.articles import ArticleReader
from mkdocs_newsroom.reading.bodies import MarkdownRenderer
from mkdocs_newsroom.reading.frontmatter import parse_front_matter
from mkdocs_newsroom.reading.texts import Registry, parse_datetime
from mkdocs_newsroom.settings.checked import ReadOptions

KABUL = ZoneInfo("Asia/Kabul")
REGISTRY = Registry(
    authors={"jdoe": Author("jdoe", "Jane Doe", url="authors/jdoe/")},
    sections={"world": Section("world", "World", url="section/world/")},
    timezone=KABUL,
)


def reader() -> ArticleReader:
    markdown = MarkdownRenderer(["tables"], {}, sanitized=True)
    return ArticleReader(REGISTRY, ReadOptions(), lambda: markdown)


def test_fields_keep_their_text_and_line() -> None:
    front = parse_front_matter("a.md", "---\ntitle: No\ndate: 2024-05-01\ntags: [a, 1]\n---\nBody")
    assert front.fields["title"].text == "No"  # not YAML's False
    assert front.fields["title"].line == 2
    assert front.fields["date"].text == "2024-05-01"  # dates stay text for our own parser
    assert front.fields["tags"].line == 4
    assert front.body == "Body"
    assert front.body_line == 6


def test_closing_dots_end_the_front_matter_too() -> None:
    assert parse_front_matter("a.md", "---\ntitle: x\n...\nBody").body == "Body"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-05-01", datetime(2024, 5, 1, tzinfo=KABUL)),
        ("2024-05-01 10:30", datetime(2024, 5, 1, 10, 30, tzinfo=KABUL)),
        ("2024-05-01T10:30:00Z", datetime(2024, 5, 1, 10, 30, tzinfo=UTC)),
        (
            "2024-05-01T10:30:00+04:30",
            datetime(2024, 5, 1, 10, 30, tzinfo=timezone(timedelta(hours=4, minutes=30))),
        ),
    ],
)
def test_dates_without_a_zone_take_the_configured_one(text: str, expected: datetime) -> None:
    parsed = parse_datetime(text, KABUL)
    assert parsed == expected
    assert parsed.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize("text", ["yesterday", "2024-02-30", "0001-01-01", "10/05/2024", ""])
def test_bad_dates_are_field_errors(text: str) -> None:
    with pytest.raises(FieldError):
        parse_datetime(text, KABUL)


def test_reader_builds_the_article_model() -> None:
    text = (
        "---\ntitle: Profits < forecast\ndate: 2024-05-01T10:00:00+04:30\nauthor: jdoe\n"
        "section: world\ntags: [Economy, economy, Kabul]\nslug: profits\n---\n"
        "First paragraph here.\n\nSecond one.\n"
    )
    result = reader().read("articles/a.txt", text.encode())
    # a tag folded into another of the article is left out, and said
    ((problem),) = result.problems
    assert problem.line == 6 and problem.message.startswith(
        "tag 'economy' is the same tag as 'Economy' (both are tags/economy/); it was left out"
    )
    article = result.article
    assert article is not None
    assert article.title == "Profits < forecast"
    assert [a.name for a in article.authors] == ["Jane Doe"]
    assert article.section is not None and article.section.id == "world"
    assert [t.name for t in article.tags] == ["Economy", "Kabul"]  # one tag per slug
    assert article.slug == "profits"
    assert article.excerpt == "First paragraph here."
    assert article.summary == ""
    assert article.body_html == "<p>First paragraph here.</p>\n<p>Second one.</p>\n"
    assert article.word_count == 5


def test_plain_text_front_matter_has_its_character_references_decoded() -> None:
    text = "---\ntitle: '&#163;1.8m fine for M&S'\ndate: 2024-05-01\n---\nBody\n"
    article = reader().read("articles/a.txt", text.encode()).article
    assert article is not None and article.title == "£1.8m fine for M&S"
    markdown = reader().read("articles/a.md", text.encode()).article
    assert markdown is not None and markdown.title == "&#163;1.8m fine for M&S"


@given(st.text())
def test_parser_raises_nothing_but_its_own_error(text: str) -> None:
    with contextlib.suppress(ArticleError):
        parse_front_matter("a.md", text)


@given(
    st.dictionaries(
        st.sampled_from(
            [
                "title",
                "date",
                "updated",
                "authors",
                "section",
                "tags",
                "image",
                "slug",
                "draft",
                "lang",
                "corrections",
                "summary",
                "featured",
                "x",
            ]
        ),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.text() | st.floats(),
            lambda inner: (
                st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3)
            ),
            max_leaves=6,
        ),
    ),
    st.binary(max_size=50),
)
def test_reader_never_raises_on_arbitrary_front_matter(
    fields: dict[str, object], tail: bytes
) -> None:
    import yaml

    text = "---\n" + yaml.safe_dump(fields, allow_unicode=True) + "---\n"
    result = reader().read("articles/x.md", text.encode() + tail)
    assert result.article is not None or result.problems


@given(st.binary(max_size=300))
def test_reader_never_raises_on_arbitrary_bytes(data: bytes) -> None:
    result = reader().read("articles/x.txt", b"---\ntitle: t\ndate: 2024-05-01\n---\n" + data)
    assert result.article is not None
    reader().read("articles/y.md", data)
