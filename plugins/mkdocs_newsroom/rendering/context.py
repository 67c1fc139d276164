"""What Newsroom's templates are given besides the page: its filters, and the `newsroom`
global (the catalogue, the front pages, cards, structured data, the shell cache)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..urls import absolute_url
from . import dates, seo
from .cards import Cards
from .shell import ShellCache
from .strings import count_articles, translate

if TYPE_CHECKING:
    from collections.abc import Sequence

    from jinja2 import Environment

    from ..catalogue.editions import SiteIndexes
    from ..catalogue.publishing import Catalogue
    from ..settings.checked import Settings


@dataclass(frozen=True)
class Site:
    """What the templates need to know of the site's configuration."""

    name: str
    url: str  # '' when site_url is not set
    favicon: str
    palette_toggle: bool  # Material's light/dark switch is on


def prepare_environment(
    env: Environment,
    settings: Settings,
    site: Site,
    catalogue: Catalogue,
    indexes: SiteIndexes,
    navigation_urls: Sequence[str],
) -> None:
    """Give the theme's Jinja environment Newsroom's filters and `newsroom` global."""
    # Templates under news/ escape every value by default: front matter is untrusted input.
    env.autoescape = _autoescape_newsroom_templates
    env.filters["newsroom_date"] = dates.display_date
    env.filters["newsroom_datetime"] = dates.display_datetime
    # JSON in pages (structured data, Material's configuration) is written without spaces
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "separators": (",", ":")}
    editions = {edition.id: edition for edition in settings.editions}
    cards = Cards(env, editions)
    root = site.url or "/"
    publisher = seo.Publisher(
        settings.publisher_name or site.name,
        absolute_url(root, settings.publisher_logo or site.favicon),
        root,
    )
    env.globals["newsroom"] = {
        "catalogue": catalogue,
        "fronts": indexes.fronts(),
        "editions": editions,
        "t": translate,
        "count": count_articles,
        "absolute": lambda path: absolute_url(root, path),
        "structured_data": lambda article: seo.news_article(article, publisher),
        "open_graph": lambda article: seo.open_graph(article, publisher),
        "twitter_card": lambda article: seo.twitter_card(article, publisher),
        "feeds": bool(site.url),
        "card": cards.card,
        "headline": cards.headline,
        "shell": ShellCache(navigation_urls, palette_toggle=site.palette_toggle),
    }


def _autoescape_newsroom_templates(name: str | None) -> bool:
    return bool(name and name.startswith("news/"))
