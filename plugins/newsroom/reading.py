"""From a site's files to its catalogue: the authors, every article, and what is published.

The one way a site is read, both by a build (site_build.py) and by `newsroom check`, which
must find exactly the problems a build would warn about. Nothing here knows MkDocs' events.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .articles import ArticleReader, is_article_source
from .authors import load_authors
from .bodies import MarkdownRenderer, fingerprint
from .catalogue import Catalogue, PublishingRules, build_catalogue
from .metadata import Registry

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from datetime import datetime

    from mkdocs.structure.files import File

    from .errors import Problem
    from .freshness import BuildCache, MadeBefore
    from .model import Author
    from .settings import Settings


@dataclass(frozen=True)
class Markdown:
    """How `.md` bodies are rendered: the site's Markdown extensions and their settings."""

    extensions: list[Any] = field(default_factory=list)
    configs: dict[str, Any] = field(default_factory=dict)


@dataclass
class SiteSources:
    """The files a news site is made of, each as (path relative to `docs_dir`, bytes)."""

    authors: tuple[str, bytes] | None
    articles: list[tuple[str, bytes]]
    taken: dict[str, str]  # URLs of the site's other pages -> their files


def site_sources(
    files: Iterable[File], settings: Settings, read_before: MadeBefore[bytes] | None = None
) -> tuple[SiteSources, list[File]]:
    """The newsroom's sources among MkDocs' files, and the other files (the site's pages,
    assets...), which MkDocs keeps. `read_before` keeps the files' contents between builds
    (`mkdocs serve`): a file whose size and modification time did not change is not read."""
    by_path = {file.src_uri: file for file in files}
    articles, authors, others = _split_sources(by_path, settings)
    keep = [by_path[path] for path in others]
    if read_before is not None:
        read_before.start(None)
    sources = SiteSources(
        (authors, _content(by_path[authors], read_before)) if authors else None,
        [(path, _content(by_path[path], read_before)) for path in articles],
        _page_urls(keep),
    )
    if read_before is not None:
        read_before.finish()
    return sources, keep


def _content(file: File, read_before: MadeBefore[bytes] | None) -> bytes:
    path = file.abs_src_path
    if not path:
        return file.content_bytes
    if read_before is None:
        return Path(path).read_bytes()
    # os.stat, not Path.stat: making a Path costs more than the stat itself, 50 ms of every
    # preview at 10,000 articles
    stat = os.stat(path)  # noqa: PTH116
    changed = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
    return read_before.get(path, changed, lambda: Path(path).read_bytes())


def _page_urls(files: Iterable[File]) -> dict[str, str]:
    """URLs of the site's own pages, which an article must not overwrite."""
    taken = {}
    for file in files:
        if file.dest_uri.endswith("index.html"):
            taken[file.dest_uri[: -len("index.html")]] = file.src_uri
    return taken


@dataclass
class Reading:
    catalogue: Catalogue
    authors: dict[str, Author]
    problems: list[Problem]
    failed: int  # articles skipped because of their problems


def _split_sources(
    paths: Iterable[str], settings: Settings
) -> tuple[list[str], str | None, list[str]]:
    """The article sources (sorted), the authors file if present, and every other path."""
    articles, others = [], []
    authors = None
    for path in paths:
        if path == settings.authors_file:
            authors = path
        elif is_article_source(path, settings.articles_dir):
            articles.append(path)
        else:
            others.append(path)
    return sorted(articles), authors, others


def article_reader(
    settings: Settings,
    authors: dict[str, Author],
    markdown: Markdown,
    cache: BuildCache | None = None,
    content_keys: MadeBefore[str] | None = None,
) -> ArticleReader:
    """A reader of articles with the site's settings, authors and Markdown. With `cache`,
    articles read and bodies rendered are kept (for the next build of `mkdocs serve`), and
    with `content_keys` the files' cache keys."""
    registry = Registry(authors=authors, sections=settings.sections, timezone=settings.timezone)
    return ArticleReader(
        registry,
        settings.read_options,
        lambda: MarkdownRenderer(markdown.extensions, markdown.configs),
        cache.bodies if cache is not None else None,
        # what an article is made of besides its file: settings, authors, sections
        fingerprint(
            settings.cache_key, repr(registry), repr(markdown.extensions), repr(markdown.configs)
        ),
        cache.results if cache is not None else None,
        content_keys,
    )


def read_site(
    sources: SiteSources,
    settings: Settings,
    markdown: Markdown,
    *,
    now: datetime,
    preview: bool,
    processes: int = 1,
    cache: BuildCache | None = None,
    say: Callable[[str], None] | None = None,
) -> Reading:
    """Read the authors and articles and publish what is due at `now` (in a `preview`, list
    the held-back articles too). `cache` keeps read articles between builds."""
    authors: dict[str, Author] = {}
    problems: list[Problem] = []
    if sources.authors is not None:
        authors, problems = load_authors(*sources.authors)
    # Only a preview keeps the files' keys: they hold on to the files' bytes, which a
    # preview keeps anyway (site_sources) and a clean build can let go after reading.
    content_keys = cache.content_keys if cache is not None and preview else None
    reader = article_reader(settings, authors, markdown, cache, content_keys)
    articles = []
    failed = 0
    for result in reader.read_all(sources.articles, processes, say):
        problems.extend(result.problems)
        if result.article is None:
            failed += 1
        else:
            articles.append(result.article)
    if cache is not None:
        cache.keep_only(reader.used_results, reader.used_bodies)
    rules = PublishingRules(
        settings.article_url, now, settings.editions, settings.max_tags, preview
    )
    placed = cache.placed if cache is not None else None
    catalogue, publishing_problems = build_catalogue(articles, rules, dict(sources.taken), placed)
    return Reading(catalogue, authors, problems + publishing_problems, failed)
