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
from datetime import datetime, tzinfo
from typing import Any
from urllib.parse import urlsplit

from ..model import Author, Correction, Image, Section, Tag
from ..problems import FieldError, PartlyUsed
from ..slugs import is_slug, slugify
from ..urls import author_url
from .files import PICTURES, SCRIPTED_PICTURE, is_scripted_picture, picture_suffix
from .frontmatter import Field
from .links import alias_path, check_link, has_scheme, local_path
from .plaintext import decode_character_references

_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")
# Letters that show nothing: Hangul fillers, the braille blank, the Mongolian vowel separator
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u180e")
_MAX_LISTED_CHOICES = 12
MAX_REFUSED_LINES = 5  # bad entries of one field said one a line; past it, one line for all


@dataclass(frozen=True)
class Registry:
    """What an article may refer to, and how its dates are read. Without `authors` (the
    site has no authors file) an article's authors are left out."""

    authors: Mapping[str, Author] | None
    sections: Mapping[str, Section]
    timezone: tzinfo
    authors_file: str = "authors.yml"  # relative to `docs_dir`
    decode_references: bool = False  # plain-text articles carry scraped text


def _one_of(ids: Mapping[str, object]) -> str:
    names = sorted(ids)
    listed = ", ".join(names[:_MAX_LISTED_CHOICES])
    more = len(names) - _MAX_LISTED_CHOICES
    return f"one of: {listed}" + (f" (and {more} more)" if more > 0 else "")


def unknown_section(section_id: str, sections: Mapping[str, object]) -> str:
    """What to say of a section id that mkdocs.yml does not declare."""
    where = "under the newsroom plugin's 'sections' in mkdocs.yml"
    if not sections:
        return f"unknown section '{section_id}': no section is declared yet; declare it {where}"
    return f"unknown section '{section_id}': use {_one_of(sections)}, or declare it {where}"


def unknown_author(author_id: str, authors: Mapping[str, object], authors_file: str) -> str:
    """What to say of an author id that the authors file does not hold."""
    if not authors:
        return f"unknown author '{author_id}': add '{author_id}' to {authors_file}, which has none"
    return (
        f"unknown author '{author_id}': add '{author_id}' to {authors_file}, or use "
        f"{_one_of(authors)}"
    )


def _scalar_text(field: Field, registry: Registry) -> str:
    if field.text is None:
        raise FieldError(f"'{field.name}' must be a single line of text, not a list or mapping")
    text = field.text.strip()
    return decode_character_references(text) if registry.decode_references else text


def read_text(field: Field, registry: Registry) -> str:
    return _scalar_text(field, registry)


def read_title(field: Field, registry: Registry) -> str:
    title = _scalar_text(field, registry)
    if not title:
        raise FieldError("'title' is empty: write the headline after 'title:'")
    if not any(_visible(character) for character in title):
        raise FieldError(
            "'title' shows nothing: it is made only of invisible or direction characters; "
            "write the headline after 'title:'"
        )
    return title


def _visible(character: str) -> bool:
    category = unicodedata.category(character)
    return category[0] not in "CZ" and character not in _BLANK_LETTERS


def shortened(text: str, length: int = 60) -> str:
    """`text` as a message quotes it: at most `length` characters, the cut marked."""
    return text if len(text) <= length else f"{text[: length - 1]}…"


def parse_datetime(text: str, zone: tzinfo) -> datetime:
    """ISO 8601 date or date-time; without a zone, `zone` applies."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise FieldError(
            f"'{shortened(text)}' is not an ISO 8601 date; write for example 2024-05-01 or "
            "2024-05-01T09:30:00+04:30"
        ) from None
    if not 1 < moment.year < 9999:
        raise FieldError(f"'{shortened(text)}' is out of range; write a year between 2 and 9998")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    return moment


def read_datetime(field: Field, registry: Registry) -> datetime:
    if field.text is None or not field.text.strip():
        raise FieldError(f"'{field.name}' must be a date such as 2024-05-01T09:30:00+04:30")
    try:
        return parse_datetime(field.text, registry.timezone)
    except FieldError as error:
        raise FieldError(f"'{field.name}': {error}") from None


def _text_items(field: Field) -> list[str]:
    """A single value or a list of values, each as written."""
    node_value = field.node.value
    if field.text is not None:
        items = [field.text]
    elif isinstance(node_value, list) and all(hasattr(n, "value") for n in node_value):
        items = []
        for node in node_value:
            if not isinstance(node.value, str):
                raise FieldError(f"'{field.name}' must be a list of words, not of lists")
            items.append(node.value)
    else:
        raise FieldError(f"'{field.name}' must be one value or a list of values")
    return [item.strip() for item in items if item.strip()]


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
    for author_id in dict.fromkeys(_text_items(field)):
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
            raise FieldError(unknown_author(author_id, registry.authors, registry.authors_file))
        authors.append(author)
    if left_off:
        raise PartlyUsed("; ".join(left_off), tuple(authors))
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
    section_id = _scalar_text(field, registry)
    section = registry.sections.get(section_id)
    if section is None:
        raise FieldError(unknown_section(section_id, registry.sections))
    return section


def read_tags(field: Field, registry: Registry) -> tuple[Tag, ...]:
    tags: dict[str, Tag] = {}
    for name in _text_items(field):
        if registry.decode_references:
            name = decode_character_references(name)
        tag = Tag(name, slugify(name, fallback_prefix="tag", fold=True))
        tags.setdefault(tag.slug, tag)
    return tuple(tags.values())


def read_flag(field: Field, registry: Registry) -> bool:
    if not isinstance(field.value, bool):
        raise FieldError(f"'{field.name}' must be true or false, not '{field.text}'")
    return field.value


def read_slug(field: Field, registry: Registry) -> str:
    text = _scalar_text(field, registry)
    if not is_slug(text):
        raise FieldError(
            f"slug '{text}' is not a single lower-case URL segment, so the headline's slug is "
            "used instead; write for example "
            f"'{slugify(text, fallback_prefix='article')}'"
        )
    return text


def read_language(field: Field, registry: Registry) -> str:
    text = _scalar_text(field, registry)
    if not _LANGUAGE_TAG.match(text):
        raise FieldError(
            f"'lang' must be a BCP 47 language tag such as en, ps or fa-AF, not '{text}'"
        )
    return text


def read_aliases(field: Field, registry: Registry) -> tuple[str, ...]:
    """Every alias that is a path of the site; each other one said, or counted in one line
    past `MAX_REFUSED_LINES`."""
    paths: list[str] = []
    refused: list[tuple[str, str]] = []
    for text in _text_items(field):
        try:
            paths.append(alias_path(text))
        except FieldError as error:
            refused.append((text, str(error)))
    kept = tuple(dict.fromkeys(paths))
    if not refused:
        return kept
    if len(refused) <= MAX_REFUSED_LINES:
        lines = [f"{why}; this alias was ignored, the others are kept" for _, why in refused]
        raise PartlyUsed(lines[0], kept, *lines[1:])
    named = ", ".join(f"'{shortened(text, 40)}'" for text, _ in refused[:3])
    raise PartlyUsed(
        f"{len(refused):,} aliases were ignored ({named} and {len(refused) - 3:,} more), the "
        f"others are kept; the first: {refused[0][1]}. Write each as a path of this site such "
        "as /2019/05/03/old-slug/",
        kept,
    )


def read_image(field: Field, registry: Registry) -> Image:
    value = field.value
    if not isinstance(value, Mapping):
        raise FieldError("'image' needs 'src' and 'alt' lines indented under it")
    texts = {
        key: str(value[key]).strip()
        for key in ("src", "alt", "caption", "credit")
        if isinstance(value.get(key), str | int | float)
    }
    if registry.decode_references:
        texts = {key: decode_character_references(text) for key, text in texts.items()}
    if not texts.get("src"):
        raise FieldError("'image' has no 'src': give the picture's path or URL")
    if not texts.get("alt"):
        raise FieldError("'image' has no 'alt': describe the picture for readers who cannot see it")
    return Image(
        _picture_link(texts["src"]),
        texts["alt"],
        texts.get("caption", ""),
        texts.get("credit", ""),
    )


def _picture_link(text: str) -> str:
    """An image's `src` as every page and feed gives it: an http(s) URL as written, or the
    path of a picture of the site from its root (no leading '/', no '.' or '..'), so that
    the page, its og:image and its structured data name one file."""
    link = check_link(text, "'image' 'src'")
    remote = has_scheme(link)
    path = urlsplit(link).path if remote else local_path(link) or ""
    if is_scripted_picture(path):
        raise FieldError(f"'image' 'src' '{text}': {SCRIPTED_PICTURE}")
    suffix = picture_suffix(path)
    if suffix is not None and (suffix or not remote):
        pictures = ", ".join(sorted(PICTURES))
        raise FieldError(
            f"'image' 'src' '{text}' is not a picture (it ends in '{suffix}', not one of "
            f"{pictures})"
        )
    return link if remote else path


def read_corrections(field: Field, registry: Registry) -> tuple[Correction, ...]:
    value = field.value
    if not isinstance(value, list):
        raise FieldError("'corrections' must be a list of '- date: …' / 'text: …' entries")
    corrections = []
    for entry in value:
        if not isinstance(entry, Mapping) or not entry.get("date") or not entry.get("text"):
            raise FieldError("each correction needs a 'date' and a 'text'")
        when = parse_datetime(str(entry["date"]), registry.timezone)
        text = str(entry["text"]).strip()
        if registry.decode_references:
            text = decode_character_references(text)
        corrections.append(Correction(when, text))
    return tuple(sorted(corrections, key=lambda c: c.date))


Reader = Callable[[Field, Registry], Any]


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
    "tags": FieldRule(read_tags),
    "summary": FieldRule(read_text),
    "location": FieldRule(read_text),
    "image": FieldRule(read_image),
    "slug": FieldRule(read_slug),
    "draft": FieldRule(read_flag, fatal=True, holds_back=True),  # when in doubt, do not publish
    # a story that must come down, does
    "expires": FieldRule(read_datetime, fatal=True, holds_back=True),
    "featured": FieldRule(read_flag),
    "breaking": FieldRule(read_flag),
    "lang": FieldRule(read_language),
    "corrections": FieldRule(read_corrections),
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
