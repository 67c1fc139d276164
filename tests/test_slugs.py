"""Slugs are one safe path segment, never empty, readable in every script."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_newsroom.slugs import MAX_SLUG_BYTES, MAX_SLUG_LENGTH, is_slug, not_a_slug, slugify


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ('Profits < forecast & "fears"', "profits-forecast-fears"),
        ("Café au lait", "cafe-au-lait"),
        ("../../etc/passwd", "etc-passwd"),
        ("a\\b/c", "a-b-c"),
        ("خبر فوری", "خبر-فوری"),
        ("می\u200cخواهم", "میخواهم"),  # the zero-width non-joiner is not a separator
        ("\u0651ټرمپ", "ټرمپ"),  # a stray combining mark at the start goes
        ("آمریکا", "آمریکا"),  # Arabic letters keep their marks
        ("हिंदी समाचार", "हिंदी-समाचार"),
        ("Q&A: Tate & Lyle", "q-a-tate-lyle"),
        ("۱۲۳ خبر", "۱۲۳-خبر"),
    ],
)
def test_examples(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_text_without_letters_gets_a_stable_hashed_slug() -> None:
    # the same in every process and on every machine: the first 8 hex digits of its SHA-1
    assert slugify("!!!", fallback_prefix="tag") == "tag-9a7b006d"
    assert slugify("!!!") == "item-9a7b006d"
    assert slugify("???") == "item-2d86c2a6"


def test_long_text_is_cut_at_a_word() -> None:
    slug = slugify("word " * 40)
    assert len(slug) <= MAX_SLUG_LENGTH
    assert slug.endswith("word")


def test_a_slug_of_wide_letters_fits_a_file_name() -> None:
    # 80 letters of 4 bytes each would be 320 bytes, more than a file system holds in a name
    slug = slugify("𐤀" * 100)  # Phoenician, 4 bytes a letter in UTF-8
    assert len(slug.encode("utf-8")) <= MAX_SLUG_BYTES
    assert is_slug(slug)


@given(st.text())
def test_a_slug_is_always_one_safe_non_empty_path_segment(text: str) -> None:
    slug = slugify(text)
    assert slug
    assert slug not in {".", ".."}
    assert not set(slug) & set("/\\.:?#%<>\"' \t\n\x00")
    assert len(slug) <= MAX_SLUG_LENGTH + 16
    assert is_slug(slug)


@pytest.mark.parametrize(
    ("written", "why"),
    [
        (unicodedata.normalize("NFD", "آب-خبر"), "written apart from their marks"),
        (unicodedata.normalize("NFD", "café"), "written apart from their marks"),
        ("a\u200bb", "characters nobody sees: U+200B"),
        ("a\u00adb", "characters nobody sees: U+00AD"),
    ],
)
def test_a_refused_slug_that_looks_like_the_one_to_write_says_what_differs(
    written: str, why: str
) -> None:
    """The line quotes what was written and a slug to write: where the two look alike on
    screen (decomposed letters, a character nobody sees), it says why they differ."""
    said, suggested = not_a_slug(written)
    assert why in said
    assert is_slug(suggested) and suggested != written
