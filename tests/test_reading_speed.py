"""Shortcuts taken in reading articles give what the longer ways gave."""

from __future__ import annotations

import html
import re
import sys

import yaml
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_newsroom.directions import INVALID_CHARACTERS, first_invalid
from mkdocs_newsroom.reading.bodies import html_to_text
from mkdocs_newsroom.reading.yaml_bounds import alias_expansion_problem

_TAG = re.compile(r"<[^>]*>")
_WHITESPACE = re.compile(r"\s+")
# every kind of white space Python knows, tags, references and letters
_PIECES = st.sampled_from(
    [c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace()]
    + ["<p>", "</p>", "<a href='x'>", "&amp;", "&nbsp;", "&#8233;", "word", "é", "\U0001f600"]
)


@given(pieces=st.lists(_PIECES, max_size=40))
def test_html_to_text_makes_one_space_of_each_run_of_white_space(pieces: list[str]) -> None:
    fragment = "".join(pieces)
    expected = _WHITESPACE.sub(" ", html.unescape(_TAG.sub(" ", fragment))).strip()
    assert html_to_text(fragment) == expected


def test_html_to_text_joins_lines_and_drops_tags() -> None:
    assert html_to_text("<p>One\u2029two</p>\n<p>&amp;\u00a0three </p>") == "One two & three"


def test_first_invalid_finds_what_the_full_class_finds_for_every_character() -> None:
    for code in range(sys.maxunicode + 1):
        character = chr(code)
        for text in (character, "é" + character, "\U0001f600" + character):
            found, expected = first_invalid(text), INVALID_CHARACTERS.search(text)
            assert (found and found.start()) == (expected and expected.start()), hex(code)


def test_first_invalid_past_plane_0() -> None:
    found = first_invalid("a\U0001f600 b\U0002fffe c\x01")
    assert found is not None and found.group() == "\U0002fffe"


def test_a_scalar_field_is_measured_as_one_value() -> None:
    root = yaml.compose("a: x\nb: &l [1, 2]\nc: *l\nd: !!str 5\n")
    assert isinstance(root, yaml.MappingNode)
    sizes: dict[int, int] = {}
    assert [alias_expansion_problem(value, sizes) for _, value in root.value] == [""] * 4
    assert [sizes[id(value)] for _, value in root.value] == [1, 3, 3, 1]
