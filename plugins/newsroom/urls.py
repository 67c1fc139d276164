"""Where the plugin's own pages live, relative to the site root (directory URLs ending in '/')."""

from __future__ import annotations

from .slugs import slugify


def tag_url(slug: str) -> str:
    return f"tags/{slug}/"


def section_url(section_id: str) -> str:
    return f"section/{section_id}/"


def author_url(author_id: str) -> str:
    return f"authors/{slugify(author_id, fallback_prefix='author')}/"
