"""The plain values front-matter fields are read as: a line of text, a list of words, a
date; and what an article may refer to (`Registry`). A value that should be text and is a
list or a mapping is refused, never written out as Python shows it."""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from typing import TYPE_CHECKING

import yaml

from ..directions import balanced, left_open
from ..problems import FieldError, PartlyUsed
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


# The years a story's dates may have: wide enough for a newspaper's digitised archive and for
# any story yet to come, narrow enough to catch a slip (0002, 2) read as a date
FIRST_YEAR, LAST_YEAR = 1800, 2200

# Unknown fields of one article, or refused entries of one field, told one a line up to
# this many; past it, in one line for all
MAX_LINES_EACH = 5


# Spaces and the characters that show nothing and join nothing at either end of a value: a
# second byte-order mark (U+FEFF, a wire text saved twice), a zero-width space, a word joiner
_EDGES = re.compile(r"^[\s\ufeff\u200b\u2060]+|[\s\ufeff\u200b\u2060]+$")
_INVISIBLE_EDGES = frozenset("\ufeff\u200b\u2060")


def trimmed(text: str) -> str:
    """`text` without spaces and invisible characters at either end, which no reader sees
    and which would lead the headline of every page, feed and search result; a text of
    nothing else is left for its field's rule to name its characters."""
    if text[:1] not in _INVISIBLE_EDGES and text[-1:] not in _INVISIBLE_EDGES:
        return text  # nearly every value: no search
    return _EDGES.sub("", text) or text


def scalar_text(field: Field, registry: Registry) -> str:
    if field.text is None:
        raise FieldError(f"'{field.name}' must be a single line of text, not a list or mapping")
    text = trimmed(_as_written(field.text.strip(), registry))
    if registry.decode_references and "&" in field.text:  # '&#x202E;' makes one here
        cleaned, opened = balanced(text)
        if opened:
            raise PartlyUsed(cleaned, left_open(f"field '{field.name}'", opened))
    return text


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
        out_of_range = _out_of_range(text.strip())
        raise FieldError(
            f"'{shortened(text)}' {out_of_range}"
            if out_of_range
            else f"'{shortened(text)}' is not an ISO 8601 date; write for example 2024-05-01 "
            "or 2024-05-01T09:30:00+04:30"
        ) from None
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise FieldError(
            f"'{shortened(text)}' is out of range; write a year between {FIRST_YEAR} and "
            f"{LAST_YEAR}"
        )
    if moment.tzinfo is None:
        return _in_whole_minutes(moment.replace(tzinfo=zone))
    offset = moment.utcoffset() or timedelta()
    if offset % timedelta(minutes=1):
        rounded = _in_whole_minutes(moment).strftime("%z")  # '+0546'
        raise FieldError(
            f"'{shortened(text)}' has a time-zone offset with seconds, which feeds and "
            f"sitemaps cannot carry: write it in hours and minutes ({rounded[:3]}:{rounded[3:]})"
        )
    if abs(offset) > LARGEST_OFFSET:
        raise FieldError(f"'{shortened(text)}' {_OFFSET_ADVICE}")
    return moment


# The offsets of the world's clocks, all that xsd:dateTime (sitemaps, Atom) accepts
LARGEST_OFFSET = timedelta(hours=14)
_OFFSET_ADVICE = "has a time-zone offset no clock shows: write one from -14:00 to +14:00"


def _in_whole_minutes(moment: datetime) -> datetime:
    """`moment` at the same wall time, its offset rounded to whole minutes: a zone's local
    mean time of before its standard time (Amsterdam's +00:19:32 until 1937) is not a
    date-time that sitemaps and Atom accept. The instant moves by less than 30 seconds."""
    offset = moment.utcoffset()
    if offset is None or not offset % timedelta(minutes=1):
        return moment
    minutes = round(offset / timedelta(minutes=1))
    return moment.replace(tzinfo=timezone(timedelta(minutes=minutes)))


def skipped_local_time(text: str, moment: datetime, zone: tzinfo) -> str:
    """What to say of a date written without an offset whose local time the clocks skip in
    `zone` (01:30 on the morning British Summer Time starts): the moment used is the one of
    the offset before the change (Python's fold=0), the same instant as that wall time read an
    hour later. '' for any other. (A time the clocks go through twice, when summer time ends,
    is read as the first of the two, also fold=0: a real time, so nothing is said.)"""
    if moment.tzinfo is not zone:  # an offset was written
        return ""
    wall = moment.replace(tzinfo=None)
    shown = moment.astimezone(UTC).astimezone(zone)  # from the same zone: itself
    if shown.replace(tzinfo=None) == wall:
        return ""
    return (
        f"'{shortened(text)}' is a time that does not exist in {zone} (the clocks skip it); "
        f"it was read as {moment.isoformat()}, {shown.strftime('%H:%M')} there "
        f"({shown.isoformat()}): write the time the clocks showed, or give its offset"
    )


# A date written as ISO 8601 spells it, whatever its parts hold: what is wrong with it can be said
_DATE_SHAPE = re.compile(
    r"(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)"
    r"(?:[T ](?P<hour>\d\d)(?::(?P<minute>\d\d)(?::(?P<second>\d\d)(?P<fraction>[.,]\d+)?)?)?)?"
    r"(?P<zone>Z|[+-](?P<zone_hours>\d\d)(?::?(?P<zone_minutes>\d\d))?)?"
)


# In English, whatever the machine's locale (calendar.month_name follows it)
_MONTHS: tuple[str, ...] = ("January", "February", "March", "April", "May", "June", "July")
_MONTHS += ("August", "September", "October", "November", "December")


def _out_of_range(text: str) -> str:
    """What part of a date written in ISO 8601's shape does not exist (month 13, February
    30, hour 24, minute 60), and what to write instead; '' if it is not that."""
    shape = _DATE_SHAPE.fullmatch(text)
    if shape is None:
        return ""
    part = {
        name: int(value) for name, value in shape.groupdict().items() if value and value.isdigit()
    }
    year, month, day = part["year"], part["month"], part["day"]
    if not 1 <= month <= 12:
        return f"has no month {month:02}: write a month from 01 to 12"
    days = calendar.monthrange(year, month)[1] if year else 31
    if not 1 <= day <= days:
        return f"has no day {day:02}: {_MONTHS[month - 1]} {year} has {days} days"
    hour, minute, second = (part.get(name, 0) for name in ("hour", "minute", "second"))
    if hour == 24 and minute == second == 0 and not shape["fraction"] and year < 9998:
        next_day = (date(year, month, day) + timedelta(days=1)).isoformat()
        return (
            "has hour 24, which is not accepted (ISO 8601's 24:00, the end of the day): write "
            f"00:00 of the next day, {next_day}T00:00:00{shape['zone'] or ''}"
        )
    for name, value, top in (("hour", hour, 23), ("minute", minute, 59), ("second", second, 59)):
        if value > top:
            leap = " (a leap second is not accepted)" * (name == "second" and value == 60)
            article = "an" if name == "hour" else "a"
            return f"has no {name} {value:02}{leap}: write {article} {name} from 00 to {top}"
    if part.get("zone_hours", 0) > 23 or part.get("zone_minutes", 0) > 59:
        return _OFFSET_ADVICE
    return ""


_NULL = "tag:yaml.org,2002:null"


def text_items(
    field: Field, *, left_out: list[FieldError], blank_entries: bool = False
) -> list[str]:
    """A single value or a list of values, each as written, trimmed; a blank one is left out
    (a blank entry of a list is kept with `blank_entries`, for the reader to say so). A list
    or mapping among a list's words is said in `left_out` and left out, the words kept."""
    items = placed_text_items(field, blank_entries=blank_entries, left_out=left_out)
    return [text for text, _ in items]


def placed_text_items(
    field: Field, *, left_out: list[FieldError], blank_entries: bool = False
) -> list[tuple[str, yaml.Node]]:
    """`text_items`, each with its node (where it is)."""
    node_value = field.node.value
    if field.text is not None:
        return [(field.text.strip(), field.node)] if field.text.strip() else []
    if isinstance(node_value, list) and all(hasattr(n, "value") for n in node_value):
        items: list[tuple[str, yaml.Node]] = []
        for node in node_value:
            if not isinstance(node.value, str):
                left_out.append(_not_a_word(field, node))
                continue
            # `null` or `~` unquoted is YAML's nothing, not a word (`'null'` is the word)
            items.append(("" if node.tag == _NULL else node.value, node))
    else:
        raise FieldError(f"'{field.name}' must be one value or a list of values")
    return [(text.strip(), node) for text, node in items if blank_entries or text.strip()]


def _not_a_word(field: Field, node: yaml.Node) -> FieldError:
    kind = "a mapping" if isinstance(node, yaml.MappingNode) else "a list"
    return FieldError(
        f"'{field.name}' holds {kind} among its words; it was left out, the others are kept: "
        "write each as a word",
        *field.at(node),
    )


def comma_separated(field: Field) -> list[str]:
    """The parts of a single value written with commas (`tags: Transport, Kabul`), which a
    reporter means as a list; [] for a list, or a value without a comma."""
    if field.text is None or "," not in field.text:
        return []
    return [part.strip() for part in field.text.split(",") if part.strip()]


def comma_line(field: Field, parts: list[str], *, one_may_hold_commas: bool = False) -> str:
    """What to say of a value read as the list its commas make."""
    written = shortened(field.text or "", 60)
    keep_one = f"; to keep one with a comma, write ['{written}']" * one_may_hold_commas
    return (
        f"'{field.name}' is one value with commas, '{written}', read as {len(parts)}: write "
        f"them as a list, [{written}]{keep_one}"
    )


def plain_text(value: object, what: str, registry: Registry) -> str:
    """A value inside a field (a correction's text, an image's caption) as a line of text;
    a list or a mapping is refused with a message naming `what`."""
    if isinstance(value, Mapping | list | set | tuple):
        kind = "a mapping" if isinstance(value, Mapping) else "a list"
        raise FieldError(f"{what} must be a single line of text, not {kind}")
    return _as_written(("" if value is None else str(value)).strip(), registry)
