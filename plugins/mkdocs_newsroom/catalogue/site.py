"""A site read and published: the authors, every article, and the catalogue of what is due.
The one way a site is read, by a build and by `newsroom check` alike."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..memo import MadeBefore
from ..reading.articles import ReadCache
from ..reading.mapping import in_order
from ..reading.site import read_articles
from ..urls import site_path
from .attachments import held_back_only, publish_attachments, uncredited_photos
from .body_media import missing_avatars, missing_media
from .placement import PlacedArticles
from .publishing import Catalogue, PublishingRules, build_catalogue, held_back_because

if TYPE_CHECKING:
    from datetime import datetime

    from ..model import Article, Author
    from ..problems import Problem
    from ..reading.mapping import MapFunction
    from ..reading.pictures import MakePictures
    from ..reading.site import Markdown, SiteSources
    from ..settings.checked import Settings


@dataclass
class Reading:
    catalogue: Catalogue
    authors: dict[str, Author]
    problems: list[Problem]
    failed: int  # articles skipped because of their problems
    attachments: frozenset[str] = frozenset()  # files of the articles folder to publish
    sources: tuple[str, ...] = ()  # the article files read
    # media outside the articles folder that only held-back articles use: not published
    withheld: frozenset[str] = frozenset()
    # each article as read, by file, before it was placed: what a preview's next save is
    # compared with (build/copy_edits.py); empty in a clean build, which lets them go
    as_read: dict[str, Article] = field(default_factory=dict)


@dataclass
class ReadingMemory:
    """What a build hands on to the next one of `mkdocs serve`: articles read and bodies
    rendered, each file's key, and how the articles were placed."""

    read: ReadCache = field(default_factory=ReadCache)
    content_keys: MadeBefore[str] = field(default_factory=MadeBefore)
    placed: PlacedArticles = field(default_factory=PlacedArticles)


def read_site(
    sources: SiteSources,
    settings: Settings,
    markdown: Markdown,
    *,
    now: datetime,
    preview: bool,
    map_bodies: MapFunction = in_order,
    memory: ReadingMemory | None = None,
    pictures: MakePictures | None = None,
    site_url: str = "",  # its path: '/repo/' for a project site
    photos: MakePictures | None = None,
) -> Reading:
    """Read the authors and articles and publish what is due at `now` (in a `preview`, list
    the held-back articles too). `memory` keeps what was read between builds; `pictures`
    makes the pictures of the lead images, `photos` those of the authors' photos."""
    read = read_articles(
        sources,
        settings,
        markdown,
        cache=memory.read if memory is not None else None,
        # Only a preview keeps the files' keys: they hold on to the files' bytes, which a
        # preview keeps anyway and a clean build can let go after reading.
        content_keys=memory.content_keys if memory is not None and preview else None,
        map_bodies=map_bodies,
        pictures=pictures,
        photos=photos,
        # a held-back article's picture is made only where it is shown (a preview)
        shown=lambda article: preview or not held_back_because(article, now),
    )
    rules = PublishingRules(
        settings.article_url, now, settings.editions, settings.max_tags, preview
    )
    placed = memory.placed if memory is not None else None
    catalogue, publishing_problems = build_catalogue(
        read.articles, rules, dict(sources.taken), placed
    )
    attachments, attachment_problems = publish_attachments(
        sources.attachments, catalogue.articles, read.articles, site_url
    )
    problems = read.problems + publishing_problems + attachment_problems
    where = (sources.files, site_path(site_url), sources.articles)
    problems += missing_media(catalogue.articles, *where)
    if sources.authors is not None and read.authors is not None:
        problems += missing_avatars(read.authors.values(), sources.files, sources.authors[0])
    read_files = tuple(path for path, _data in sources.articles) + tuple(
        path for path in sources.oversized if path != settings.authors_file
    )
    withheld = held_back_only(sources.own, catalogue.articles, sources.articles, site_url)
    withheld |= uncredited_photos(read.authors or {}, catalogue.articles, sources.own)
    as_read = {article.source: article for article in read.articles} if preview else {}
    return Reading(
        catalogue, read.authors, problems, read.failed, attachments, read_files, withheld, as_read
    )
