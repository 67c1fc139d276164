"""Dates as readers see them, through Babel, in the article's locale."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache

from babel.core import Locale, UnknownLocaleError
from babel.dates import format_date, format_datetime

DATE_FORMAT = "d MMMM y"
DATETIME_FORMAT = "d MMMM y, HH:mm"


@lru_cache(maxsize=64)
def babel_locale(tag: str, fallback: str = "en") -> Locale:
    for candidate in (tag, tag.split("-")[0], fallback, "en"):
        try:
            return Locale.parse(candidate.replace("-", "_"))
        except (ValueError, UnknownLocaleError):
            continue
    return Locale("en")


def utc_offset(moment: datetime) -> str:
    offset = moment.utcoffset() or timedelta(0)
    if not offset:
        return "UTC"
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, minutes = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{minutes:02d}"


def display_date(moment: datetime, locale: str = "en") -> str:
    return str(format_date(moment.date(), DATE_FORMAT, locale=babel_locale(locale)))


def display_datetime(moment: datetime, locale: str = "en") -> str:
    local = moment.replace(tzinfo=None)
    text = format_datetime(local, DATETIME_FORMAT, locale=babel_locale(locale))
    return f"{text} {utc_offset(moment)}"


def month_name(year: int, month: int, locale: str = "en") -> str:
    """The month's name standing alone ("February"), in the locale's language."""
    return str(format_date(date(year, month, 1), "LLLL", locale=babel_locale(locale)))


def month_title(year: int, month: int, locale: str = "en") -> str:
    """A month of the archive as its readers name it: "February 2024"."""
    return f"{month_name(year, month, locale)} {year}"
