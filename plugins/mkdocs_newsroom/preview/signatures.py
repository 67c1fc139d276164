"""Signatures of what a page shows: under `mkdocs serve`, a page whose signature did not change
since the last build is not rendered again."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..catalogue.indexes import Listing
from ..hashing import fingerprint
from ..model import Article

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from mkdocs.config.defaults import MkDocsConfig

    from ..rendering.pages import NewsPage


def key_of(value: Any) -> str:
    """A compact, stable description of what a template is given, for signatures: articles
    by their card key, listings by what names them (their items are signed separately)."""
    if isinstance(value, Article):
        return value.card_key
    if isinstance(value, Listing):
        return f"listing({value.kind},{value.key},{value.title},{value.url},{value.description})"
    if isinstance(value, tuple | list):
        return "[" + ",".join(key_of(item) for item in value) + "]"
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = (key_of(getattr(value, f.name)) for f in dataclasses.fields(value))
        return f"{type(value).__name__}(" + ",".join(fields) + ")"
    return repr(value)


def articles_in(value: Any) -> Iterator[Article]:
    """The articles among what a template is given (`NewsPage.shown`), as `key_of` finds
    them: not the items of a listing, which a page shows by themselves."""
    if isinstance(value, Article):
        yield value
    elif isinstance(value, tuple | list):
        for item in value:
            yield from articles_in(item)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type | Listing):
        for field in dataclasses.fields(value):
            yield from articles_in(getattr(value, field.name))


def signature(*parts: Any) -> str:
    return fingerprint(*(key_of(part) for part in parts))


def files_key(folders: Iterable[str]) -> str:
    """Names, sizes and modification times of the files under `folders` (templates)."""
    entries = []
    for folder in folders:
        for root, _dirs, names in os.walk(folder):
            for name in sorted(names):
                stat = Path(root, name).stat()
                entries.append(f"{root}/{name}:{stat.st_size}:{stat.st_mtime_ns}")
    return fingerprint(*sorted(entries))


def page_signature(page: NewsPage, site_key: str) -> str:
    """Changes whenever anything the page shows changes (`site_key`: what every page shows,
    such as the navigation and the templates). Kept on the page, which the next build may
    reuse."""
    if page.signed[0] != site_key:
        page.signed = (site_key, signature(site_key, *page.shown()))
    return page.signed[1]


def config_key(config: MkDocsConfig) -> str:
    """The configuration a build was made with: its file, and where the site goes."""
    config_file = Path(config.config_file_path) if config.config_file_path else None
    return signature(
        __version__,
        config_file.read_bytes().hex() if config_file and config_file.is_file() else "",
        config.site_url,
        config.site_dir,
        config.use_directory_urls,
    )
