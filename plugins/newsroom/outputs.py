"""The files beside the pages: feeds, the news sitemap, robots.txt. Assembled from the
catalogue and indexes, and written into the site folder (never outside it)."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from .feeds import (
    ATOM_FILE,
    JSON_FILE,
    RSS_FILE,
    FeedOptions,
    FeedSpec,
    atom_feed,
    json_feed,
    rss_feed,
)
from .freshness import MadeBefore

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping
    from datetime import datetime

    from .layout import Layout


def feed_specs(
    layout: Layout,
    site_name: str,
    site_description: str,
    now: datetime,
) -> Iterator[FeedSpec]:
    """For each edition its own feed and one per section, in its language; then one for
    each tag and author, shared by every edition."""
    for position, view in enumerate(layout.editions):
        edition = view.edition
        title = site_name if position == 0 else f"{site_name}: {edition.title}"
        description = edition.description or site_description
        yield FeedSpec(title, description, edition.path, view.articles, edition.lang, now, True)
        for listing in view.indexes.sections.values():
            yield FeedSpec(
                f"{listing.title} - {title}",
                listing.description,
                listing.url,
                listing.items,
                edition.lang,
                now,
            )
    language = layout.editions[0].edition.lang if layout.editions else "en"
    for group in (layout.shared.tags, layout.shared.authors):
        for listing in group.values():
            yield FeedSpec(
                f"{listing.title} - {site_name}",
                listing.description,
                listing.url,
                listing.items,
                language,
                now,
            )


def feed_files(
    specs: Iterator[FeedSpec], options: FeedOptions, made: MadeBefore[str] | None = None
) -> Iterator[tuple[str, str]]:
    """(path, text) of every feed file: RSS and Atom for each spec, JSON Feed for the site.
    `made` keeps the feeds between builds (`mkdocs serve`): a feed whose articles are the
    same objects, with the same title, description and options, is not written again."""
    made = made if made is not None else MadeBefore()
    made.start(options)
    formats = [(RSS_FILE, rss_feed), (ATOM_FILE, atom_feed), (JSON_FILE, json_feed)]
    for spec in specs:
        items = tuple(spec.articles[: options.length])
        # the date of a feed without items is the build's
        shown = items or spec.fallback_date
        for filename, write in formats:
            if filename == JSON_FILE and not spec.is_front:
                continue
            path = spec.path(filename)
            inputs = (spec.title, spec.description, spec.listing_url, spec.language, shown)
            yield path, made.get(path, inputs, partial(write, spec, options))
    made.finish()


def write_outputs(
    site_dir: str, outputs: Mapping[str, str], in_place: Mapping[str, str] | None = None
) -> None:
    """Write each text at its path inside the site folder, refusing any path that leaves it.
    `in_place`: what the folder already holds (`mkdocs serve --dirty` keeps it between
    builds); a text that is the very object written there last time is not written again."""
    root = Path(site_dir).resolve()
    for path, text in outputs.items():
        if in_place is not None and in_place.get(path) is text:
            continue
        target = (root / path).resolve()
        if root not in target.parents:
            raise ValueError(f"refusing to write {path!r} outside the site folder")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
