"""The plugin's options made into the settings the rest of Newsroom reads, checked once per
build: a bad value is a `NewsroomError` that names the option."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, tzinfo
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..model import Section
from ..problems import NewsroomError
from ..slugs import is_slug
from ..urls import section_url
from .article_url import check_article_url
from .editions import load_editions

if TYPE_CHECKING:
    from ..model import Edition
    from .schema import NewsroomConfig


@dataclass(frozen=True)
class ReadOptions:
    """How articles are read."""

    boilerplate: tuple[re.Pattern[str], ...] = ()
    words_per_minute: int = 200
    summary_length: int = 280
    max_bytes: int = 10_000_000
    max_tags: int = 50
    sanitize_html: bool = True


@dataclass(frozen=True)
class PageSizes:
    articles: int = 20  # cards on the first page of a listing of articles
    index: int = 100  # tags, authors and years on their index pages
    headlines: int = 100  # headlines on each later page of a listing; 0: cards throughout


@dataclass(frozen=True)
class FrontPageRules:
    top_stories: int = 4
    section_stories: int = 4
    latest: int = 10
    breaking_hours: float = 6


@dataclass(frozen=True)
class Settings:
    articles_dir: str
    authors_file: str
    timezone: tzinfo
    sections: dict[str, Section]
    read_options: ReadOptions
    article_url: str
    max_tags: int
    locale: str
    editions: tuple[Edition, ...]
    page_sizes: PageSizes
    navigation: bool
    front_page: bool
    front_page_rules: FrontPageRules
    feed_length: int
    feed_full_content: bool
    publisher_name: str
    publisher_logo: str
    news_sitemap: bool
    robots_txt: bool


def load_timezone(name: str) -> tzinfo:
    if name.upper() == "UTC":
        return UTC
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise NewsroomError(
            f"newsroom: timezone '{name}' is unknown; use an IANA name such as 'Asia/Kabul' "
            "or 'Europe/London'"
        ) from None


def compile_boilerplate(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
    compiled = []
    for pattern in patterns:
        try:
            compiled.append(re.compile(pattern))
        except re.error as error:
            raise NewsroomError(
                f"newsroom: boilerplate pattern '{pattern}' is not a valid regular expression "
                f"({error})"
            ) from None
    return tuple(compiled)


def load_sections(config: NewsroomConfig) -> dict[str, Section]:
    sections: dict[str, Section] = {}
    for section_id, section in config.sections.items():
        if not is_slug(section_id):
            raise NewsroomError(
                f"newsroom: section id '{section_id}' must be lower-case letters, digits and "
                "hyphens, because it is part of URLs"
            )
        sections[section_id] = Section(
            section_id,
            section.title,
            section.description,
            section.order,
            section_url(section_id),
            tuple(sorted(section.titles.items())),
        )
    return dict(sorted(sections.items(), key=lambda item: (item[1].order, item[0])))


def load_settings(config: NewsroomConfig) -> Settings:
    check_article_url(config.article_url)
    sections = load_sections(config)
    return Settings(
        articles_dir=config.articles_dir.strip("/"),
        authors_file=config.authors_file.strip("/"),
        timezone=load_timezone(config.timezone),
        sections=sections,
        read_options=ReadOptions(
            boilerplate=compile_boilerplate(config.boilerplate),
            words_per_minute=max(1, config.words_per_minute),
            summary_length=max(20, config.summary_length),
            max_bytes=max(1_000, config.max_article_size),
            max_tags=max(1, config.max_tags_per_article),
            sanitize_html=config.sanitize_markdown_html,
        ),
        max_tags=max(1, config.max_tags),
        article_url=config.article_url,
        locale=config.locale,
        editions=load_editions(config, sections),
        page_sizes=PageSizes(
            max(1, config.page_size),
            max(1, config.index_page_size),
            max(0, config.headline_page_size),
        ),
        navigation=config.navigation,
        front_page=config.front_page,
        front_page_rules=FrontPageRules(
            top_stories=max(0, config.top_stories),
            section_stories=max(0, config.section_stories),
            latest=max(1, config.front_page_size),
            breaking_hours=config.breaking_hours,
        ),
        feed_length=max(1, config.feed_length),
        feed_full_content=config.feed_full_content,
        publisher_name=config.publisher_name,
        publisher_logo=config.publisher_logo,
        news_sitemap=config.news_sitemap,
        robots_txt=config.robots_txt,
    )
