"""The settings the rest of Newsroom reads: the plugin's options, checked (loading.py makes
them from the options MkDocs read)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import FEED_KINDS, PYTHON_MARKDOWN

if TYPE_CHECKING:
    import re
    from datetime import tzinfo

    from ..model import Edition, Section


@dataclass(frozen=True)
class ReadOptions:
    """How articles are read."""

    boilerplate: tuple[re.Pattern[str], ...] = ()
    words_per_minute: int = 200
    summary_length: int = 280
    max_bytes: int = 10_000_000
    max_tags: int = 50
    sanitize_html: bool = True
    embed_hosts: frozenset[str] = frozenset()  # whose frames a story may show
    markdown_engine: str = PYTHON_MARKDOWN  # or COMMONMARK (model.MARKDOWN_ENGINES)
    # False: the bodies are not rendered, for what needs only the front matter (`newsroom due`
    # reads the articles' dates); a body that would fail to render then skips nothing
    render_bodies: bool = True


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
class PictureSettings:
    """What the build makes of lead photographs (outputs/pictures/). `cache_dir` as written
    in mkdocs.yml: relative to the configuration file's folder."""

    enabled: bool = True
    widths: tuple[int, ...] = (480, 960, 1600)
    formats: tuple[str, ...] = ("avif", "webp")
    max_pixels: int = 90_000_000
    cache_dir: str = ".cache/newsroom"
    publish_positions: bool = False  # a photo's GPS position is no warning


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
    # the language of the theme's words (settings.languages.SiteLanguage.words): an edition
    # in it speaks Material's words of the theme's own file
    theme_language: str
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
    robots_txt: bool | None  # None: where crawlers read it (site_url at a host's root)
    pictures: PictureSettings = PictureSettings()
    default_image: str = ""
    robots_meta: str = "max-image-preview:large"
    syndicated_imports: bool = True
    syndicated_noindex: bool = False
    # the kinds of listing with feeds of their own ("section", "tag", "author")
    listing_feeds: frozenset[str] = frozenset(FEED_KINDS.values())
    notices: tuple[str, ...] = ()  # what loading them said (a control left open), a line each
