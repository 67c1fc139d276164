"""Dates as readers see them, through Babel, in the article's locale."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache

from babel.core import Locale, UnknownLocaleError
from babel.dates import (
    format_date,
    format_skeleton,
    format_time,
    get_datetime_format,
    get_timezone_gmt,
)

# English as newspapers of Britain and the Commonwealth write it ("1 May 2024"); every other
# language as CLDR writes a long date in it ("1. Mai 2024", "1 de mayo de 2024")
ENGLISH_DATE_FORMAT = "d MMMM y"
TIME_FORMAT = "HH:mm"


@lru_cache(maxsize=64)
def babel_locale(tag: str, fallback: str = "en") -> Locale:
    for candidate in (tag, tag.split("-")[0], fallback, "en"):
        try:
            return Locale.parse(candidate.replace("-", "_"))
        except (ValueError, UnknownLocaleError):
            continue
    return Locale("en")


def display_date(moment: datetime, locale: str = "en") -> str:
    return _date_text(moment.date(), locale)


def display_datetime(moment: datetime, locale: str = "en") -> str:
    """A date and time with its zone, joined as the locale joins them ("1 May 2024, 18:05
    GMT+04:30"; Persian "۱ مه ۲۰۲۴، ساعت ۱۸:۰۵ ..." with its own comma and words)."""
    local = moment.replace(tzinfo=None)
    day = _date_text(local.date(), locale)
    clock = _clock_text(local.hour, local.minute, moment.utcoffset() or timedelta(0), locale)
    return _datetime_pattern(locale).replace("{1}", day).replace("{0}", clock)


# Cached by what the text shows, the local day and the offset, not by the moment: two moments in
# different zones are equal datetimes, and would share a cache entry. Every card and page shows
# a date, and a site's dates repeat (Babel takes ~40 µs a date); a moment with its time seldom
# does, so it is not cached whole.
@lru_cache(maxsize=4096)
def _zone_text(offset: timedelta, locale: str) -> str:
    """An offset from UTC as the locale writes it (CLDR's GMT format through Babel: "GMT+04:30",
    "+04:30 گرینویچ", "غرينتش+04:30"); no offset as CLDR's zero format does ("GMT",
    "گرینویچ"), which Babel does not: its "GMT+00:00" is no newspaper's."""
    babel = babel_locale(locale)
    if not offset:
        return str(babel.zone_formats["gmt"] % "").strip()
    moment = datetime(2000, 1, 1, tzinfo=timezone(offset))
    return str(get_timezone_gmt(moment, locale=babel))


@lru_cache(maxsize=4096)
def _clock_text(hour: int, minute: int, offset: timedelta, locale: str) -> str:
    """A time of day and its zone: cached, as a day's 1,440 minutes repeat on a large site."""
    shown = format_time(time(hour, minute), TIME_FORMAT, locale=babel_locale(locale))
    return f"{shown} {_zone_text(offset, locale)}"


@lru_cache(maxsize=64)
def _datetime_pattern(locale: str) -> str:
    return str(get_datetime_format("long", locale=babel_locale(locale)))


# The first of a month as French and Italian papers write it ("1er mai", "1º maggio"),
# which CLDR's long dates do not
_FIRST_OF_THE_MONTH = {"fr": "d'er' MMMM y", "it": "d'º' MMMM y"}


@lru_cache(maxsize=4096)
def _date_text(day: date, locale: str) -> str:
    babel = babel_locale(locale)
    pattern = ENGLISH_DATE_FORMAT if babel.language == "en" else "long"
    if day.day == 1:
        pattern = _FIRST_OF_THE_MONTH.get(babel.language, pattern)
    return str(format_date(day, pattern, locale=babel))


def month_phrase(year: int, month: int, locale: str = "en") -> str:
    """A month of the archive as a sentence names it, in the locale's words and order
    ("February 2024", "février 2024", "febrero de 2024")."""
    return str(format_skeleton("yMMMM", date(year, month, 1), locale=babel_locale(locale)))


def month_title(year: int, month: int, locale: str = "en") -> str:
    """A month of the archive as a heading names it: its phrase with a capital ("Février
    2024")."""
    phrase = month_phrase(year, month, locale)
    return phrase[:1].upper() + phrase[1:]
