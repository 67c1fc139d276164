"""The plain values front-matter fields are read as: a line of text, a list of words, a
date; and what an article may refer to (`Registry`). A value that should be text and is a
list or a mapping is refused, never written out as Python shows it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from ..problems import FieldError
from .plaintext import decode_character_references

if TYPE_CHECKING:
    from ..model import Author, Section
    from .frontmatter import Field


@dataclass(frozen=True)
class Registry:
    """What an article may refer to, and how its dates are read. Without `authors` (the
    site has no authors file) an article's authors are left out."""

    authors: Mapping[str, Author] | None
    sections: Mapping[str, Section]
    timezone: tzinfo
    authors_file: str = "authors.yml"  # relative to `docs_dir`
    decode_references: bool = False  # plain-text articles carry scraped text


# Unknown fields of one article, or refused entries of one field, told one a line up to
# this many; past it, in one line for all
MAX_LINES_EACH = 5


def scalar_text(field: Field, registry: Registry) -> str:
    if field.text is None:
        raise FieldError(f"'{field.name}' must be a single line of text, not a list or mapping")
    return _as_written(field.text.strip(), registry)


def _as_written(text: str, registry: Registry) -> str:
    """`text` with its character references decoded where the article is scraped text."""
    return decode_character_references(text) if registry.decode_references else text


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


def text_items(field: Field) -> list[str]:
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


def plain_text(value: object, what: str, registry: Registry) -> str:
    """A value inside a field (a correction's text, an image's caption) as a line of text;
    a list or a mapping is refused with a message naming `what`."""
    if isinstance(value, Mapping | list | set | tuple):
        kind = "a mapping" if isinstance(value, Mapping) else "a list"
        raise FieldError(f"{what} must be a single line of text, not {kind}")
    return _as_written(("" if value is None else str(value)).strip(), registry)
