"""The options of `plugins: - newsroom:` in mkdocs.yml, as MkDocs checks them (the schema)."""

from __future__ import annotations

from typing import Any, TypeVar

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import BaseConfigOption, ValidationError

from ..model import LISTING_FEEDS, MARKDOWN_ENGINES, PYTHON_MARKDOWN

T = TypeVar("T")


class WholeNumber(c.Type[int]):
    """A whole number from a least to a greatest value: one below the least is raised to it,
    with a warning (the build goes on; `--strict` fails); one past the greatest is a
    configuration error naming the range, as no site needs it and some would overflow a
    date, a page count or memory far into the build."""

    def __init__(self, minimum: int, default: int, maximum: int) -> None:
        super().__init__(int, default=default)
        self.minimum = minimum
        self.maximum = maximum

    def run_validation(self, value: object) -> Any:
        number = super().run_validation(value)
        if isinstance(number, bool):
            raise ValidationError(f"{number} is not a number; {self._range()}")
        if isinstance(number, int) and number > self.maximum:
            raise ValidationError(f"{number} is more than it can be; {self._range()}")
        if isinstance(number, int) and number < self.minimum:
            self.warnings.append(
                f"{number} is less than {self.minimum}, the least it can be, so {self.minimum} "
                f"was used; write {self.minimum} or more"
            )
            return self.minimum
        return number

    def _range(self) -> str:
        return f"write a whole number from {self.minimum:,} to {self.maximum:,}"


class Hours(BaseConfigOption[float]):
    """A number of hours, whole or not, from 0 to `maximum`: past it (or `.inf`, `.nan`) the
    dates made of it would be out of the calendar's range."""

    def __init__(self, default: float, maximum: float) -> None:
        super().__init__()
        self.default = default
        self.maximum = maximum

    def run_validation(self, value: object) -> float:
        if value is None:  # the key left empty: the default, as for every option
            value = self.default
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not 0 <= value <= self.maximum  # False for NaN too
        ):
            raise ValidationError(
                f"{value!r} is not a number of hours from 0 to {self.maximum:,}; write one "
                f"such as {self.default}"
            )
        return float(value)


class Items(c.ListOfItems[T]):
    """A list whose key left empty (`boilerplate:` with every line under it commented out)
    takes the default, as an option of one value does; MkDocs' own says "Required
    configuration not provided" of a key that is there."""

    def run_validation(self, value: object) -> list[T]:
        return super().run_validation(list(self.default) if value is None else value)


class Entries(c.DictOfItems[T]):
    """A mapping whose key left empty (`sections:` with nothing under it) takes the default,
    as `Items` does."""

    def run_validation(self, value: object) -> dict[str, T]:
        return super().run_validation(dict(self.default) if value is None else value)


class SectionConfig(base.Config):
    """One section of the paper (`world`, `politics`, ...)."""

    title = c.Type(str)
    description = c.Type(str, default="")
    order = c.Type(int, default=0)
    titles = Entries(c.Type(str), default={})  # edition id (or lang) -> title
    descriptions = Entries(c.Type(str), default={})  # edition id (or lang) -> text


class EditionConfig(base.Config):
    """One edition of the site (`en`, `ps`, `prs`): the first one is at the site root."""

    title = c.Type(str)
    lang = c.Optional(c.Type(str))  # BCP 47; default: the edition's id
    locale = c.Optional(c.Type(str))  # Babel locale for dates; default: lang (prs: fa_AF)
    languages = Items(c.Type(str), default=[])  # more `lang` values it takes
    description = c.Type(str, default="")
    copyright = c.Type(str, default="")  # the footer's line; default: the site's `copyright`
    # the language as search engines name it (hreflang, news sitemap, og:locale), when
    # they do not know `lang`; default: `lang` (prs: fa-AF)
    seo_language = c.Optional(c.Type(str))


class NewsroomConfig(base.Config):
    # Where the articles and the newsroom's registries live, relative to `docs_dir`
    articles_dir = c.Type(str, default="articles")
    authors_file = c.Type(str, default="authors.yml")

    # How articles are read
    timezone = c.Type(str, default="UTC")
    boilerplate = Items(c.Type(str), default=[])
    words_per_minute = WholeNumber(1, default=200, maximum=10_000)
    summary_length = WholeNumber(20, default=280, maximum=100_000)
    # What reads `.md` bodies: Python-Markdown with the site's markdown_extensions, as MkDocs
    # reads its pages, or CommonMark with GitHub's extensions (a story in half the time)
    markdown_engine = c.Choice(MARKDOWN_ENGINES, default=PYTHON_MARKDOWN)
    # Raw HTML in Markdown bodies: scripts, event handlers, javascript: links, iframes, forms
    # and embedded objects are removed (with a warning), so that a story cannot attack readers
    sanitize_markdown_html = c.Type(bool, default=True)
    # the sites whose frames (<iframe>: a video player) a story may show, by host name
    embed_hosts = Items(
        c.Type(str), default=["www.youtube.com", "www.youtube-nocookie.com", "player.vimeo.com"]
    )

    # Limits, so that a runaway file cannot take the site down with it
    # bytes of one article file
    max_article_size = WholeNumber(1000, default=10_000_000, maximum=1_000_000_000)
    max_tags_per_article = WholeNumber(1, default=50, maximum=10_000)
    # tags with a page and feeds of their own
    max_tags = WholeNumber(1, default=20_000, maximum=1_000_000)

    # How articles are published
    article_url = c.Type(str, default="{date:%Y}/{date:%m}/{date:%d}/{slug}/")
    sections = Entries(c.SubConfig(SectionConfig), default={})
    # the site's language, of Newsroom's words and dates (a Babel locale: es, es_MX, fa_AF);
    # default: the theme's `language`
    locale = c.Optional(c.Type(str))
    editions = Entries(c.SubConfig(EditionConfig), default={})

    # Lead photographs (JPEG, PNG, WebP): smaller copies in modern formats, for <picture>
    pictures = c.Type(bool, default=True)
    picture_widths = Items(c.Type(int), default=[480, 960, 1600])
    picture_formats = Items(c.Choice(("avif", "webp")), default=["avif", "webp"])
    picture_max_pixels = c.Type(int, default=90_000_000)  # larger ones are published as is
    # made once and kept here, relative to mkdocs.yml (NEWSROOM_CACHE_DIR takes its place)
    picture_cache_dir = c.Type(str, default=".cache/newsroom")
    # a photo of the site that carries the GPS position it was taken at is a warning, as the
    # file is published as it is; true publishes positions on purpose
    publish_photo_positions = c.Type(bool, default=False)

    # Building: processes that render pages under `mkdocs build` (0: one per CPU)
    processes = WholeNumber(0, default=0, maximum=256)
    # `mkdocs serve` learns of a save from the operating system instead of polling every
    # 0.5 s (preview/watching.py); turn off where those events do not arrive (network and
    # Docker mounts)
    native_file_watcher = c.Type(bool, default=True)
    # Other plugins' `on_post_page` (minify, say) runs over Newsroom's pages too, which MkDocs
    # does not hand to them (build/page_events.py)
    plugin_page_events = c.Type(bool, default=True)

    # Listings
    page_size = WholeNumber(1, default=20, maximum=1_000)  # cards on a listing's first page
    # headlines on its later pages; 0: cards
    headline_page_size = WholeNumber(0, default=100, maximum=10_000)
    index_page_size = WholeNumber(1, default=100, maximum=10_000)
    navigation = c.Type(bool, default=True)

    # Feeds, sitemaps and metadata for search engines
    feed_length = WholeNumber(1, default=50, maximum=10_000)
    # the listings with RSS and Atom feeds of their own (each edition always has its feeds)
    listing_feeds = Items(c.Choice(LISTING_FEEDS), default=list(LISTING_FEEDS))
    feed_full_content = c.Type(bool, default=False)
    publisher_name = c.Type(str, default="")  # default: site_name
    # path in docs_dir or URL of a logo at least 112 px; the favicon stands in, with a warning
    publisher_logo = c.Type(str, default="")
    # the picture shared for a story without a lead image (and for the front page)
    default_image = c.Type(str, default="")
    # what search engines may show of every page (the robots meta tag); "" for nothing
    robots_meta = c.Type(str, default="max-image-preview:large")
    news_sitemap = c.Type(bool, default=True)
    # default: written when site_url is the root of a host (crawlers read it nowhere else)
    robots_txt = c.Optional(c.Type(bool))
    # Agency copy: `newsroom import` marks wire stories `syndicated: true`; with
    # `syndicated_noindex`, their pages ask Google News not to index them (googlebot-news)
    syndicated_imports = c.Type(bool, default=True)
    syndicated_noindex = c.Type(bool, default=False)

    # The front page
    front_page = c.Type(bool, default=True)
    front_page_size = WholeNumber(1, default=10, maximum=1_000)
    top_stories = WholeNumber(0, default=4, maximum=1_000)
    section_stories = WholeNumber(0, default=4, maximum=1_000)
    # how long a story marked `breaking` is breaking news: a year at most
    breaking_hours = Hours(6, maximum=24 * 366)
