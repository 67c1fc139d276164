"""A site's sources read into authors and articles: the one way both a build and
`newsroom check` read them, so that `check` finds exactly the problems a build warns about."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..hashing import fingerprint
from .articles import ARTICLE_SUFFIXES, ArticleReader, in_order
from .authors import load_authors
from .bodies import MarkdownRenderer
from .fields import Registry

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ..memo import MadeBefore
    from ..model import Article, Author
    from ..problems import Problem
    from ..settings.checked import Settings
    from .articles import MapFunction, ReadCache


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


@dataclass
class ReadArticles:
    authors: dict[str, Author]
    articles: list[Article]
    problems: list[Problem]
    failed: int  # articles skipped because of their problems


def is_article_source(src_uri: str, articles_dir: str) -> bool:
    prefix = articles_dir.strip("/") + "/"
    return src_uri.startswith(prefix) and src_uri.endswith(ARTICLE_SUFFIXES)


def split_sources(
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
    cache: ReadCache | None = None,
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
        # what an article is made of besides its file: settings, authors, sections
        fingerprint(
            settings.cache_key, repr(registry), repr(markdown.extensions), repr(markdown.configs)
        ),
        cache,
        content_keys,
    )


def read_articles(
    sources: SiteSources,
    settings: Settings,
    markdown: Markdown,
    *,
    cache: ReadCache | None = None,
    content_keys: MadeBefore[str] | None = None,
    map_bodies: MapFunction = in_order,
) -> ReadArticles:
    """Read the authors and every article. `cache` keeps what was read between builds."""
    authors: dict[str, Author] = {}
    problems: list[Problem] = []
    if sources.authors is not None:
        authors, problems = load_authors(*sources.authors)
    reader = article_reader(settings, authors, markdown, cache, content_keys)
    articles = []
    failed = 0
    for result in reader.read_all(sources.articles, map_bodies):
        problems.extend(result.problems)
        if result.article is None:
            failed += 1
        else:
            articles.append(result.article)
    if cache is not None:
        cache.keep_only(reader.used_results, reader.used_bodies)
    return ReadArticles(authors, articles, problems, failed)
