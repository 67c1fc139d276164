"""Where the plugin's own pages live, relative to the site root (directory URLs ending in '/')."""

from __future__ import annotations

from urllib.parse import quote

from .slugs import slugify

TAGS_INDEX = "tags/"
AUTHORS_INDEX = "authors/"


def tag_url(slug: str) -> str:
    return f"tags/{slug}/"


def section_url(section_id: str) -> str:
    return f"section/{section_id}/"


def author_url(author_id: str) -> str:
    return f"authors/{slugify(author_id, fallback_prefix='author', fold=True)}/"


def archive_url(year: int | None = None, month: int | None = None) -> str:
    if year is None:
        return "archive/"
    if month is None:
        return f"archive/{year:04d}/"
    return f"archive/{year:04d}/{month:02d}/"


def page_url(listing_url: str, number: int) -> str:
    """Page N >= 2 of a listing lives at <listing>/page/N/."""
    return listing_url if number <= 1 else f"{listing_url}page/{number}/"


def absolute_url(site_url: str, path: str) -> str:
    """The full URL of a site-relative path (percent-encoded), or `path` if already absolute."""
    if path.lower().startswith(("http://", "https://")):
        return path
    base = site_url if site_url.endswith("/") else f"{site_url}/"
    return base + quote(path.lstrip("/"), safe="/%")
