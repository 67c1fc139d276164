"""What Newsroom's templates are given besides the page: its filters, the words of each
edition (gettext, `{% trans %}` and `_()`), and the `newsroom` global (the catalogue, the front
pages, cards, structured data, the shell cache, each edition's tabs)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from jinja2 import pass_context

from ..reading.images import ImageFacts, mime_type
from ..urls import absolute_url
from . import dates, seo
from .cards import Cards
from .editions import edition_tabs, material_languages
from .joined import as_prepared
from .language_rules import name_joints
from .links import root_prefix, use_root_links
from .page_seo import SeoData
from .pictures import avatar_view, picture_view
from .shell import ShellCache
from .strings import material, translated, translated_plural

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from jinja2 import Environment
    from jinja2.runtime import Context
    from mkdocs.config.defaults import MkDocsConfig

    from ..catalogue.editions import SiteIndexes
    from ..catalogue.publishing import Catalogue
    from ..model import Article
    from ..reading.images import SiteImages
    from ..settings.checked import Settings
    from .shell_assets import ShellAssets


@dataclass(frozen=True)
class Site:
    """What the templates need to know of the site's configuration."""

    name: str
    url: str  # '' when site_url is not set
    favicon: str
    palette_toggle: bool  # Material's light/dark switch is on

    @classmethod
    def of(cls, config: MkDocsConfig) -> Site:
        favicon = str(config.theme.get("favicon") or "assets/images/favicon.png")
        toggle = bool(config.theme.get("palette"))
        return cls(config.site_name, config.site_url or "", favicon, palette_toggle=toggle)


def prepare_environment(
    env: Environment,
    settings: Settings,
    site: Site,
    catalogue: Catalogue,
    indexes: SiteIndexes,
    navigation_urls: Sequence[str],
    images: SiteImages,
) -> dict[str, str]:
    """Give the theme's Jinja environment Newsroom's filters, words and `newsroom` global.
    Returns the language Material speaks on each edition's pages (editions.py)."""
    # Templates under news/ escape every value by default: front matter is untrusted input.
    env.autoescape = _autoescape_newsroom_templates
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(  # type: ignore[attr-defined]
        _page_gettext, _page_ngettext, newstyle=True
    )
    if site.url:
        use_root_links(env)
    env.globals["name_joints"] = _page_name_joints
    env.filters["newsroom_date"] = dates.display_date
    env.filters["newsroom_datetime"] = dates.display_datetime
    # JSON in pages (structured data, Material's configuration) is written without spaces
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "separators": (",", ":")}
    editions = {edition.id: edition for edition in settings.editions}
    tabs = {
        edition.id: edition_tabs(edition, settings.editions, settings.front_page)
        for edition in settings.editions
    }
    cards = Cards(env, editions)
    root = site.url or "/"
    publisher = _publisher(settings, site, images)
    seo_data = SeoData(publisher, editions, settings, site.name)
    env.globals["newsroom"] = {
        "prepared": as_prepared(env),  # what the joined parts stand for (joined.py)
        "catalogue": catalogue,
        "fronts": indexes.fronts(),
        "editions": editions,
        "material": material,
        "tabs": tabs,
        "absolute": lambda path: absolute_url(root, path),
        "seo": seo_data,
        "feeds": bool(site.url),
        # the kinds of listing with feeds of their own (`listing_feeds`; none without site_url)
        "listing_feeds": settings.listing_feeds if site.url else frozenset(),
        "cards": cards,
        "card": cards.card,
        "headline": cards.headline,
        # a lead image's markup on a page (`base_url`: its way back to the site root, or the root)
        "picture": lambda image, base_url: picture_view(image, root_prefix(base_url)),
        "avatar": lambda author, base_url, place: avatar_view(author, root_prefix(base_url), place),
        # what a shell's links are relative to: the site's navigation, the editions' tabs
        "shell": ShellCache(
            [*navigation_urls, *(tab.url for strip in tabs.values() for tab in strip)],
            palette_toggle=site.palette_toggle,
        ),
    }
    return material_languages(env, settings.editions, settings.theme_language)


def shell_assets(env: Environment) -> ShellAssets:
    """The files made of the shells this process rendered (see prepare_environment)."""
    newsroom = cast("dict[str, Any]", env.globals["newsroom"])
    return cast("ShellCache", newsroom["shell"]).assets


def forget_cards(env: Environment, articles: Iterable[Article]) -> None:
    """Render the cards of `articles` again when next shown (see Cards.forget)."""
    newsroom = cast("dict[str, Any]", env.globals["newsroom"])
    cast("Cards", newsroom["cards"]).forget({article.url for article in articles})


def _publisher(settings: Settings, site: Site, images: SiteImages) -> seo.Publisher:
    root = site.url or "/"
    default = None
    if images.default_image:
        facts = images.default_facts or ImageFacts(mime_type(images.default_image))
        default = seo.SharedImage(absolute_url(root, images.default_image), "", facts)
    return seo.Publisher(
        settings.publisher_name or site.name,
        absolute_url(root, images.logo),
        root,
        images.logo_facts,
        default,
        images.lead or {},
    )


def _locale(context: Context) -> str:
    """The language of what a template says: its page's, or the `locale` it was given
    (the cards, rendered once for every page), or the theme's (a page of MkDocs' own)."""
    page = context.get("page")
    theme = getattr(context.get("config"), "theme", None)
    language = theme.get("language") if theme is not None else None
    return str(getattr(page, "locale", None) or context.get("locale") or language or "en")


# Jinja's i18n extension fills the placeholders (`{% trans count=... %}`, `_("…", name=…)`)
@pass_context
def _page_gettext(context: Context, message: str) -> str:
    return translated(message, _locale(context))


@pass_context
def _page_ngettext(context: Context, singular: str, plural: str, count: int) -> str:
    return translated_plural(singular, plural, count, _locale(context))


@pass_context
def _page_name_joints(context: Context, names: Sequence[str]) -> list[str]:
    return name_joints(names, _locale(context))


def _autoescape_newsroom_templates(name: str | None) -> bool:
    return bool(name and name.startswith("news/"))
