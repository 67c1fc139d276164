"""The `article_url` option: a pattern that places each article in the site."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import lru_cache

from ..problems import NewsroomError

DEFAULT_FOLDER = "news"  # {section} of an article without a section


@lru_cache(maxsize=1 << 16)
def fill_article_url(pattern: str, date: datetime, slug: str, section: str, source: str) -> str:
    """Fill the URL pattern for the article read from `source`; the result is a site-relative
    directory URL, never escaping it."""
    # Cached: filling a date pattern costs 10 µs, and a preview rebuild fills every URL again.
    try:
        path = pattern.format(date=date, slug=slug, section=section)
    except (KeyError, IndexError, ValueError, AttributeError) as error:
        raise NewsroomError(
            f"article_url '{pattern}' cannot be filled ({error!r}); use the fields "
            "{date:%Y}, {date:%m}, {date:%d}, {slug} and {section}"
        ) from None
    segments = [segment for segment in path.replace("\\", "/").split("/") if segment]
    if not segments or any(segment in (".", "..") for segment in segments):
        raise NewsroomError(
            f"article_url '{pattern}' gives '{path}' for {source}, which is not a path "
            "inside the site; build it from {date:…}, {slug} and {section}"
        )
    return "/".join(segments) + "/"


def check_article_url(pattern: str) -> None:
    """Raise NewsroomError now, rather than while the articles are placed, if `pattern`
    cannot place an article."""
    fill_article_url(pattern, datetime(2024, 5, 1, tzinfo=UTC), "sample", DEFAULT_FOLDER, "sample")
