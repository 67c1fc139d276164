"""Front-matter fields normalised through one table: each field has one reader, one type.

A reader takes the YAML field and returns the model's value, or raises `FieldError` with a
message a reporter can act on. Problems with required or cross-referenced fields (title, date,
authors, section) keep the article from being published; problems with optional fields drop
just that field, with a warning.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..directions import balanced_value, character_codes, left_open, visible
from ..model import Author, Section, Tag
from ..problems import FieldError, PartlyUsed, first_and_more
from ..slugs import is_slug, not_a_slug, slugify
from ..urls import author_url
from .frontmatter import Field
from .links import alias_path
from .parts import read_corrections, read_image
from .plaintext import decode_character_references
from .texts import (
    MAX_LINES_EACH,
    Registry,
    comma_line,
    comma_separated,
    parse_datetime,
    placed_text_items,
    scalar_text,
    shortened,
    skipped_local_time,
    text_items,
)
from .unknown_ids import unknown_author, unknown_section

if TYPE_CHECKING:
    from datetime import datetime

    import yaml

_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")


def read_text(field: Field, registry: Registry) -> str:
    return scalar_text(field, registry)


def read_title(field: Field, registry: Registry) -> str:
    title = scalar_text(field, registry)
    if not title:
        raise FieldError("'title' is empty: write the headline after 'title:'")
    if not any(visible(character) for character in title):
        raise FieldError(
            "'title' shows nothing: it is made only of invisible or direction characters or "
            f"marks ({character_codes(title)}); write the headline after 'title:'"
        )
    return title


def read_datetime(field: Field, registry: Registry) -> datetime:
    if field.text is None or not field.text.strip():
        raise FieldError(f"'{field.name}' must be a date such as 2024-05-01T09:30:00+04:30")
    try:
        moment = parse_datetime(field.text, registry.timezone)
    except FieldError as error:
        raise FieldError(f"'{field.name}': {error}") from None
    skipped = skipped_local_time(field.text, moment, registry.timezone)
    if skipped:
        raise PartlyUsed(moment, f"'{field.name}': {skipped}")
    return moment


def _same_author(author_id: str, authors: Mapping[str, Author]) -> Author | None:
    """The author whose id folds as `author_id` does (`علی-احمدی` is `علي-احمدي`: one page)."""
    url = author_url(author_id)
    return next((author for author in authors.values() if author.url == url), None)


def read_authors(field: Field, registry: Registry) -> tuple[Author, ...]:
    """The authors an article names. An id that the authors file refused (it would share a
    page with another) is never read as the author kept: it is left off, with a warning."""
    if registry.authors is None:
        return ()
    refused: Mapping[str, str] = getattr(registry.authors, "refused", {})
    authors: list[Author] = []
    left_off: list[str] = []
    named: dict[str, yaml.Node] = {}  # each id once, where it is first named
    parts = comma_separated(field)
    if len(parts) > 1:  # one with a comma after it ('jdoe,') is only that one
        left_off.append(comma_line(field, parts))
    not_words: list[FieldError] = []
    placed = [(part, field.node) for part in parts] or placed_text_items(
        field, blank_entries=True, left_out=not_words
    )
    if any(not author_id for author_id, _node in placed):
        left_off.append(f"an author is blank, so it was left out, {_OTHER_ENTRIES}")
    for author_id, node in placed:
        if author_id:
            named.setdefault(author_id, node)
    for author_id, node in named.items():
        author = registry.authors.get(author_id)
        if author is None and author_id in refused:
            left_off.append(_refused_author(author_id, refused[author_id], registry))
            continue
        if author is None:
            author = _same_author(author_id, registry.authors)
            if author is not None and (
                others := [other for other, kept in refused.items() if kept == author.id]
            ):
                left_off.append(_ambiguous_author(author_id, [author.id, *others], registry))
                continue
        if author is None:
            said = unknown_author(author_id, registry.authors, registry.authors_file)
            raise FieldError(said, *field.at(node))
        if all(other.id != author.id for other in authors):  # another spelling of one named
            authors.append(author)
    if left_off:
        raise PartlyUsed(tuple(authors), *not_words, "; ".join(left_off))
    if not_words:
        raise PartlyUsed(tuple(authors), *not_words)
    return tuple(authors)


def _refused_author(author_id: str, holder: str, registry: Registry) -> str:
    return (
        f"author '{author_id}' was ignored in {registry.authors_file} (its page would be that "
        f"of author '{holder}'), so it was left off this article: give one of them another id "
        "there"
    )


def _ambiguous_author(author_id: str, candidates: list[str], registry: Registry) -> str:
    named = " or ".join(f"'{candidate}'" for candidate in candidates)
    return (
        f"author '{author_id}' could be {named} of {registry.authors_file}, so it was left off "
        "this article: write the id exactly as that file does"
    )


def read_section(field: Field, registry: Registry) -> Section:
    section_id = scalar_text(field, registry)
    section = registry.sections.get(section_id)
    if section is None:
        raise FieldError(unknown_section(section_id, registry.sections))
    return section


def read_tags(field: Field, registry: Registry) -> tuple[Tag, ...]:
    tags: dict[str, Tag] = {}
    parts = comma_separated(field)
    left_out: list[str | FieldError] = []
    if len(parts) > 1:
        left_out.append(comma_line(field, parts, one_may_hold_commas=True))
    not_words: list[FieldError] = []
    for written in parts or text_items(field, blank_entries=True, left_out=not_words):
        name = decode_character_references(written) if registry.decode_references else written
        name = unicodedata.normalize("NFC", name)  # 'é' as one letter or as e and its accent
        if not any(visible(character) and character != "\ufffd" for character in name):
            left_out.append(_unseen_tag(written, name))
            continue
        tag = Tag(name, slugify(name, fallback_prefix="tag", fold=True))
        kept = tags.setdefault(tag.slug, tag)
        if kept.name != name:
            left_out.append(
                f"tag '{shortened(name, 40)}' is the same tag as '{shortened(kept.name, 40)}' "
                f"(both are tags/{tag.slug}/); it was left out. Use one spelling, or name the "
                "tags apart in letters or digits"
            )
    if left_out or not_words:
        raise PartlyUsed(tuple(tags.values()), *not_words, *left_out)
    return tuple(tags.values())


def _unseen_tag(written: str, name: str) -> str:
    """What to say of a tag that shows nothing: blank, or only invisible or direction
    characters (or the U+FFFD a broken reference reads as), as written or once read."""
    codes = character_codes(name)
    said = f"is made only of {codes}, which a reader cannot read" if codes else "is blank"
    if written != name:
        return (
            f"tag '{shortened(written, 40)}', once its character references are decoded, "
            f"{said}, so it was left out, {_OTHER_TAGS}"
        )
    return f"a tag {said}, so it was left out, {_OTHER_TAGS}"


_OTHER_TAGS = "the others are kept; write the tag in letters or digits, or remove it"
_OTHER_ENTRIES = "the others are kept; write its id, or remove the empty entry"


def read_flag(field: Field, registry: Registry) -> bool:
    if not isinstance(field.value, bool):
        written = "a list" if isinstance(field.value, list) else "a mapping"
        written = written if field.text is None else f"'{shortened(field.text)}'"
        raise FieldError(f"'{field.name}' must be true or false, not {written}")
    return field.value


def read_slug(field: Field, registry: Registry) -> str:
    text = scalar_text(field, registry)
    if not is_slug(text):
        why, suggested = not_a_slug(text)
        raise FieldError(
            f"slug {why}, so the headline's slug is used instead; write for example '{suggested}'"
        )
    return text


def read_language(field: Field, registry: Registry) -> str:
    text = scalar_text(field, registry)
    if not _LANGUAGE_TAG.match(text):
        raise FieldError(
            f"'lang' must be a BCP 47 language tag such as en, ps or fa-AF, not '{text}'"
        )
    return canonical_language(text)


def canonical_language(tag: str) -> str:
    """A BCP 47 tag in the case its registry writes it (`fa-AF`, `zh-Hant-TW`): `fa-af` and
    `FA-AF` are one language, which every page, feed and index then names one way (a tag's
    feed of both named none). After a one-letter subtag (`-u-`, `-x-`), all is lower case."""
    first, *rest = tag.split("-")
    parts = [first.lower()]
    extension = False
    for part in rest:
        extension = extension or len(part) == 1
        if not extension and part.isalpha() and len(part) in (2, 4):
            parts.append(part.upper() if len(part) == 2 else part.title())
        else:
            parts.append(part.lower())
    return "-".join(parts)


def read_aliases(field: Field, registry: Registry) -> tuple[str, ...]:
    """Every alias that is a path of the site; each other one said, or counted in one line
    past `MAX_LINES_EACH`."""
    paths: list[str] = []
    refused: list[tuple[str, str]] = []
    not_words: list[FieldError] = []
    written = text_items(field, blank_entries=True, left_out=not_words)
    if "" in written:
        refused.append(("", "an alias is blank (an empty entry, or null): remove it"))
    for text in filter(None, written):
        try:
            paths.append(alias_path(text))
        except FieldError as error:
            refused.append((text, str(error)))
    kept = tuple(dict.fromkeys(paths))
    if not refused:
        if not_words:
            raise PartlyUsed(kept, *not_words)
        return kept
    if len(refused) <= MAX_LINES_EACH:
        lines = [f"{why}; this alias was ignored, the others are kept" for _, why in refused]
        raise PartlyUsed(kept, *not_words, *lines)
    named = first_and_more([f"'{shortened(text, 40)}'" for text, _ in refused])
    raise PartlyUsed(
        kept,
        *not_words,
        f"{len(refused):,} aliases were ignored ({named}), the "
        f"others are kept; the first: {refused[0][1]}. Write each as a path of this site such "
        "as /2019/05/03/old-slug/",
    )


Reader = Callable[[Field, Registry], Any]


def _decoded_then_balanced(read: Reader) -> Reader:
    """`read`, and in a plain-text article (whose character references are decoded once
    read: '&#x202E;' makes one) the bidi controls its value leaves open removed, in one
    line for the field."""

    def checked(field: Field, registry: Registry) -> Any:
        if not registry.decode_references:
            return read(field, registry)
        messages: tuple[str | FieldError, ...] = ()
        try:
            value = read(field, registry)
        except PartlyUsed as partly:
            value, messages = partly.value, partly.messages
        value, opened = balanced_value(value)
        if opened:
            messages = (*messages, left_open(f"field '{field.name}'", opened))
        if messages:
            raise PartlyUsed(value, *messages)
        return value

    return checked


@dataclass(frozen=True)
class FieldRule:
    read: Reader
    required: bool = False
    fatal: bool = False  # a bad value keeps the article from being published
    attribute: str = ""
    holds_back: bool = False  # can keep the article off the site: never guessed at


FIELDS: dict[str, FieldRule] = {
    "title": FieldRule(read_title, required=True, fatal=True),
    "date": FieldRule(read_datetime, required=True, fatal=True, holds_back=True),  # scheduled
    "updated": FieldRule(read_datetime),
    "authors": FieldRule(read_authors, fatal=True),
    "author": FieldRule(read_authors, fatal=True, attribute="authors"),
    "section": FieldRule(read_section, fatal=True),
    "tags": FieldRule(_decoded_then_balanced(read_tags)),
    "summary": FieldRule(read_text),
    "location": FieldRule(read_text),
    "image": FieldRule(_decoded_then_balanced(read_image)),
    "slug": FieldRule(read_slug),
    "draft": FieldRule(read_flag, fatal=True, holds_back=True),  # when in doubt, do not publish
    # a story that must come down, does
    "expires": FieldRule(read_datetime, fatal=True, holds_back=True),
    "featured": FieldRule(read_flag),
    "breaking": FieldRule(read_flag),
    "lang": FieldRule(read_language),
    "corrections": FieldRule(_decoded_then_balanced(read_corrections)),
    "translation": FieldRule(read_text),  # a key shared by the translations of a story
    "wire_id": FieldRule(read_text),  # `newsroom import`'s digest of the text it came from
    "import_id": FieldRule(read_text),  # where `newsroom import --from …` took the story
    "aliases": FieldRule(read_aliases),  # old addresses: a redirect page is written at each
    "uid": FieldRule(read_text),  # what feeds identify the story by, kept when a file moves
    "syndicated": FieldRule(read_flag),  # agency copy, published as it came
}

# What other site generators and newsrooms call the fields that hold a story back (Jekyll's
# `published: false`, Hugo's `publishDate` and `expiryDate`, WordPress's `status: draft`, an
# embargo), by their name folded: never ignored
OTHER_NAMES = {
    "published": "draft",
    "publish": "draft",
    "unpublished": "draft",
    "status": "draft",
    "hidden": "draft",
    "private": "draft",
    "embargoed": "draft",
    "embargo": "date",
    "release_date": "date",
    "releasedate": "date",
    "publishdate": "date",
    "publish_date": "date",
    "pubdate": "date",
    "expirydate": "expires",
    "expiry_date": "expires",
    "unpublishdate": "expires",
}

EXAMPLES = {
    "title": "title: Your headline",
    "date": "date: 2024-05-01T09:30:00+04:30",
}
