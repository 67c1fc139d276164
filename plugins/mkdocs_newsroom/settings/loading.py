"""The plugin's options, as MkDocs read them from mkdocs.yml, made into the settings the rest
of Newsroom reads, checked once per build: a bad value is a `NewsroomError` naming the option."""

from __future__ import annotations

import posixpath
import re
from dataclasses import replace
from datetime import UTC, tzinfo
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..model import FEED_KINDS, Edition, Section
from ..problems import NewsroomError
from ..slugs import MAX_SLUG_LENGTH, is_slug
from ..urls import PICTURES_DIR, as_sent, section_url, site_url_fault
from .article_url import check_article_url
from .checked import FrontPageRules, PageSizes, PictureSettings, ReadOptions, Settings
from .languages import (
    LOCALE_OF,
    cased_tag,
    check_language,
    check_languages_taken_once,
    check_seo_languages,
    more_languages,
    seo_language,
    site_language,
)
from .option_texts import OptionTexts
from .surrogates import refuse_surrogates

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

    from mkdocs.config.defaults import MkDocsConfig

    from .schema import NewsroomConfig


def check_site_url(site_url: str) -> None:
    """Every absolute URL of the site is made of `site_url`: a query or a fragment in it would
    end up in the middle of each one (`https://x.org/?a=1feed.xml`)."""
    fault = site_url_fault(site_url)
    if fault:
        raise NewsroomError(f"newsroom: mkdocs.yml: site_url '{site_url}' {fault}")
    sent = as_sent(site_url.strip())
    if sent != site_url:
        raise NewsroomError(
            f"newsroom: mkdocs.yml: site_url '{site_url}' holds what an address cannot (a "
            "space, a quote, '<', a letter past ASCII), which would reach every feed, sitemap "
            f"and page; write it as browsers send it: '{sent}'"
        )


def inside_content(option: str, value: str, example: str) -> str:
    """A path in the content folder as MkDocs names its files (`articles`, `news/articles`),
    however it is written (`./articles/`, `articles/x/..`). One that names the content folder
    itself or leaves it is refused: every article, drafts too, would be an ordinary page."""
    written = value.strip().replace("\\", "/")
    path = posixpath.normpath(written) if written else "."
    if path in (".", "..") or path.startswith(("../", "/")) or re.match(r"[A-Za-z]:", path):
        raise NewsroomError(
            f"newsroom: {option} '{value}' is not a path inside the content folder "
            f"(docs_dir); write one relative to it, such as '{example}'"
        )
    return path


# Files of the time zone database that are no place's zone: the zone of whichever machine
# builds (CI's and the editor's differ), one of another name, a placeholder
_NO_PLACE = frozenset({"localtime", "posixrules", "factory", "posix/localtime"})


def load_timezone(name: str) -> tzinfo:
    if name.upper() == "UTC":
        return UTC
    if name.lower() in _NO_PLACE:
        raise NewsroomError(
            f"newsroom: timezone '{name}' is no place's zone but the machine's own setting, so "
            "each machine that builds the site would read the same date as another moment; "
            "use an IANA name such as 'Asia/Kabul' or 'Europe/London'"
        )
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
        if compiled[-1].search("") is not None:
            raise NewsroomError(
                f"newsroom: boilerplate pattern '{pattern}' of mkdocs.yml matches an empty line, "
                "so it would remove every line (or every blank line) of every .txt article; make "
                "it match the footer's own words, such as '^Reporting by'"
            )
        if any(compiled[-1].search(blank) for blank in _BLANK_LINES):
            raise NewsroomError(
                f"newsroom: boilerplate pattern '{pattern}' of mkdocs.yml matches a line of "
                "spaces or tabs, so it would join the paragraphs such lines part in .txt "
                "articles; make it match the footer's own words, such as '^Reporting by'"
            )
    return tuple(compiled)


_BLANK_LINES = (" ", "\t", " \t ")  # lines that part paragraphs as an empty one does


def load_sections(config: NewsroomConfig, texts: OptionTexts | None = None) -> dict[str, Section]:
    texts = texts or OptionTexts()
    sections: dict[str, Section] = {}
    for section_id, section in config.sections.items():
        if not is_slug(section_id):
            raise NewsroomError(
                f"newsroom: section id '{section_id}' must be lower-case letters, digits and "
                f"hyphens, at most {MAX_SLUG_LENGTH} of them, because it is part of URLs"
            )
        said = ("sections", section_id)
        titles = texts.texts(section.titles, *said, "titles")
        descriptions = texts.texts(section.descriptions, *said, "descriptions")
        sections[section_id] = Section(
            section_id,
            texts.text(section.title, *said, "title"),
            texts.text(section.description, *said, "description"),
            section.order,
            section_url(section_id),
            tuple(sorted(titles.items())),
            descriptions=tuple(sorted(descriptions.items())),
        )
    return dict(sorted(sections.items(), key=lambda item: (item[1].order, item[0])))


# MkDocs' own options that pages and feeds show
SITE_TEXTS = ("site_name", "site_description", "site_author", "copyright")


def site_texts(config: MkDocsConfig) -> dict[str, str]:
    """The values of MkDocs' options in SITE_TEXTS that are set, by option."""
    return {option: value for option in SITE_TEXTS if isinstance(value := config.get(option), str)}


def load_settings(
    config: NewsroomConfig, site: Mapping[str, str] | None = None, theme_language: object = "en"
) -> Settings:
    """The settings of the plugin's `config`, in the language of the theme (Material's
    `theme_language`) where `locale` is not set; MkDocs' own texts (`site`) are only checked:
    `told_and_balanced` cleans them."""
    site = site or {}
    language = site_language(theme_language, config.locale or "")
    locale = config.locale or language.tag
    refuse_surrogates({**site, **config})
    check_article_url(config.article_url)
    texts = OptionTexts()
    for option, value in site.items():
        texts.text(value, option)
    sections = load_sections(config, texts)
    return Settings(
        articles_dir=inside_content("articles_dir", config.articles_dir, "articles"),
        authors_file=inside_content("authors_file", config.authors_file, "authors.yml"),
        timezone=load_timezone(config.timezone),
        sections=sections,
        read_options=ReadOptions(
            boilerplate=compile_boilerplate(config.boilerplate),
            words_per_minute=max(1, config.words_per_minute),
            summary_length=max(20, config.summary_length),
            max_bytes=max(1_000, config.max_article_size),
            max_tags=max(1, config.max_tags_per_article),
            sanitize_html=config.sanitize_markdown_html,
            embed_hosts=load_embed_hosts(config.embed_hosts),
            markdown_engine=config.markdown_engine,
        ),
        max_tags=max(1, config.max_tags),
        article_url=config.article_url,
        locale=LOCALE_OF.get(locale, locale),
        theme_language=language.words,
        editions=load_editions(config, sections, locale, texts),
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
        publisher_name=texts.text(config.publisher_name, "publisher_name"),
        publisher_logo=config.publisher_logo,
        news_sitemap=config.news_sitemap,
        robots_txt=config.robots_txt,
        pictures=load_pictures(config),
        default_image=config.default_image.strip(),
        robots_meta=" ".join(config.robots_meta.split()),
        syndicated_imports=config.syndicated_imports,
        syndicated_noindex=config.syndicated_noindex,
        listing_feeds=frozenset(FEED_KINDS[name] for name in config.listing_feeds),
        # last: said while the values above were read
        notices=(*([language.notice] if language.notice else []), *texts.notices),
    )


# Narrower copies than this are not worth a request; wider ones than this no screen needs.
PICTURE_WIDTHS = range(16, 8193)
# A gigapixel photograph is 4 GB decoded: past it, no build machine has the memory
MAX_PICTURE_PIXELS = 1_000_000_000


_HOST_NAME = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+")


def load_embed_hosts(hosts: list[str]) -> frozenset[str]:
    """The host names of `embed_hosts`, as browsers send them (lower case); one that is not
    a host name (an address, a pattern) stops the build with one line."""
    wrong = [host for host in hosts if not _HOST_NAME.fullmatch(host.strip().lower())]
    if wrong:
        raise NewsroomError(
            f"newsroom: embed_hosts must list host names, such as www.youtube.com (a name in "
            f"another script in its xn-- form), not {', '.join(repr(host) for host in wrong)}"
        )
    return frozenset(host.strip().lower() for host in hosts)


def load_pictures(config: NewsroomConfig) -> PictureSettings:
    widths = tuple(sorted(set(config.picture_widths)))
    wrong = [width for width in widths if width not in PICTURE_WIDTHS]
    if wrong or not widths:
        raise NewsroomError(
            f"newsroom: picture_widths must list widths in pixels from {PICTURE_WIDTHS.start} "
            f"to {PICTURE_WIDTHS.stop - 1}, such as [480, 960, 1600], not {config.picture_widths}"
        )
    if not 1 <= config.picture_max_pixels <= MAX_PICTURE_PIXELS:
        raise NewsroomError(
            "newsroom: picture_max_pixels must be a number of pixels from 1 to "
            f"{MAX_PICTURE_PIXELS:,}, not {config.picture_max_pixels}"
        )
    if not config.picture_cache_dir.strip():
        raise NewsroomError(
            "newsroom: picture_cache_dir is empty; name a folder, such as .cache/newsroom"
        )
    return PictureSettings(
        enabled=config.pictures,
        widths=widths,
        formats=tuple(dict.fromkeys(config.picture_formats)),
        max_pixels=config.picture_max_pixels,
        cache_dir=config.picture_cache_dir,
        publish_positions=config.publish_photo_positions,
    )


def edition_sections(
    sections: Mapping[str, Section], path: str, edition_id: str, lang: str, first_lang: str
) -> dict[str, Section]:
    """The sections with this edition's URLs and, where configured, its titles; a section
    without one keeps the first edition's title, in the first edition's language."""
    edited = {}
    for key, section in sections.items():
        titles, descriptions = dict(section.titles), dict(section.descriptions)
        own = titles.get(edition_id) or titles.get(lang)
        fallback = "" if own or lang == first_lang else first_lang
        # an edition in another language gets its own description, or none: a line in the
        # first edition's language would be shown as this edition's meta description
        description = (
            descriptions.get(edition_id)
            or descriptions.get(lang)
            or (section.description if lang == first_lang else "")
        )
        edited[key] = replace(
            section,
            title=own or section.title,
            url=f"{path}{section.url}",
            lang=fallback,
            description=description,
        )
    return edited


# The folders the site's own pages and files take at its root: no edition may be one
RESERVED_FOLDERS = frozenset(
    {"section", "tags", "authors", "archive", "search", "assets", PICTURES_DIR, "404"}
)


def load_editions(
    config: NewsroomConfig, sections: dict[str, Section], locale: str, texts: OptionTexts
) -> tuple[Edition, ...]:
    """The editions, the first at the site root; one edition in `locale` (the site's
    language) when none is set."""
    declared = [(edition_id, dict(edition)) for edition_id, edition in config.editions.items()]
    if not declared:
        lang = cased_tag(locale)
        declared = [(lang.lower(), {"title": lang, "lang": lang})]  # its locale: of its lang
    editions: list[Edition] = []
    for position, (edition_id, edition) in enumerate(declared):
        if not is_slug(edition_id):
            raise NewsroomError(
                f"newsroom: edition id '{edition_id}' must be lower-case letters, digits and "
                "hyphens, because it names the edition's folder"
            )
        if position > 0 and edition_id.isdigit():
            raise NewsroomError(
                f"newsroom: edition id '{edition_id}' is a number, which the folders of the "
                "articles' dates are (2026/…): its stories would be skipped as in a folder of "
                "the site's own; give the edition another id, such as its language's"
            )
        if position > 0 and edition_id in RESERVED_FOLDERS:
            raise NewsroomError(
                f"newsroom: edition id '{edition_id}' names a folder the site already uses for "
                f"its own pages ({', '.join(sorted(RESERVED_FOLDERS))}); give the edition "
                "another id, such as its language's"
            )
        lang = cased_tag(str(edition.get("lang") or edition_id))
        locale = str(edition.get("locale") or LOCALE_OF.get(lang, lang.replace("-", "_")))
        check_language(edition_id, lang, locale, locale_given=bool(edition.get("locale")))
        path = "" if position == 0 else f"{edition_id}/"
        editions.append(
            Edition(
                id=edition_id,
                title=texts.text(
                    str(edition.get("title") or edition_id), "editions", edition_id, "title"
                ),
                lang=lang,
                locale=locale,
                path=path,
                languages=(lang, *more_languages(edition_id, edition.get("languages") or ())),
                sections=edition_sections(
                    sections, path, edition_id, lang, editions[0].lang if editions else lang
                ),
                description=texts.text(
                    str(edition.get("description") or ""), "editions", edition_id, "description"
                ),
                copyright=texts.text(
                    str(edition.get("copyright") or ""), "editions", edition_id, "copyright"
                ),
                seo_language=seo_language(edition_id, edition, lang),
            )
        )
    check_seo_languages(editions)
    check_languages_taken_once(editions)
    return tuple(editions)


def told_and_balanced(
    notices: Sequence[str], config: MkDocsConfig, warn: Callable[[str], None]
) -> None:
    """The lines loading the settings left to say, said with `warn`; and MkDocs' texts
    (SITE_TEXTS) without the controls they leave open and the characters no page may hold
    (those lines say so), for every page and feed that shows them, the theme's too."""
    for line in notices:
        warn(line)
    said = OptionTexts()  # what it notices was said when the settings were loaded
    for option, value in site_texts(config).items():
        config[option] = said.text(value, option)
