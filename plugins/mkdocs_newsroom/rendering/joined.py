"""What the pages' parts joined as strings (article_blocks.py, card_strings.py) write alike, as
the templates write it: Jinja's gettext as an autoescaped template calls it, a `<time>`, a tag
of a story's list, why a story is held back (news/partials/held-back.html), a picture
(news/partials/picture.html)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from jinja2.filters import FILTERS
from markupsafe import Markup

from .dates import display_date, display_datetime
from .strings import translated, translated_plural
from .theme import TEMPLATES

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import datetime

    from jinja2 import Environment

    from ..model import Article, Tag
    from .pictures import PictureView


# What the joined parts stand for besides their templates: Newsroom's filters and globals
# (context.py), Jinja's output settings, Jinja's filters the templates use. A hook or another
# plugin may replace any of them, and Jinja would then render what the joined parts do not.
NEWSROOM_NAMES = (
    ("filters", "newsroom_date"),
    ("filters", "newsroom_datetime"),
    ("globals", "name_joints"),
    ("globals", "_"),
    ("globals", "gettext"),
    ("globals", "ngettext"),
)
JINJA_FILTERS: tuple[str, ...] = ("e", "first", "length", "list", "lower", "map", "rejectattr")
JINJA_FILTERS += ("replace", "safe", "tojson")


def as_prepared(env: Environment) -> tuple[object, ...]:
    """What the joined parts stand for of `env`'s own (context.py keeps it as Newsroom set it)."""
    named = (getattr(env, registry).get(name) for registry, name in NEWSROOM_NAMES)
    return (*named, env.autoescape)


def own_theme(env: Environment, templates: Iterable[str]) -> bool:
    """Whether the joined parts may stand for the theme's `templates`: they are all Newsroom's
    own (none is the site's, from overrides/), and so are the filters and globals they use."""
    newsroom = env.globals.get("newsroom")
    prepared = newsroom.get("prepared") if isinstance(newsroom, dict) else None
    if prepared is None or env.finalize is not None:
        return False
    if env.policies.get("json.dumps_function") is not None:
        return False
    if any(now is not then for now, then in zip(as_prepared(env), prepared, strict=True)):
        return False
    if any(env.filters.get(name) is not FILTERS[name] for name in JINJA_FILTERS):
        return False
    return _own_templates(env, templates)


def _own_templates(env: Environment, names: Iterable[str]) -> bool:
    if env.loader is None:
        return False
    for name in names:
        try:
            filename = env.loader.get_source(env, name)[1]
        except Exception:  # any loader's failure: the template is left to Jinja
            return False
        if filename is None or Path(filename).resolve() != (TEMPLATES / name).resolve():
            return False
    return True


def escape(value: object) -> str:
    """What markupsafe's `escape` writes, as a plain string: in half the time (no `Markup` made),
    and the joined parts escape some thirty values a card, sixty a page."""
    if hasattr(value, "__html__"):
        return str(value.__html__())
    text = str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&#34;").replace("'", "&#39;")


def gettext(message: str, locale: str, **values: object) -> str:
    """`_(message, **values)`: the translation is markup, the values are escaped into it (as
    `Markup(translation) % values` does, in a third of the time)."""
    return translated(message, locale) % _escaped(values)


def ngettext(singular: str, plural: str, number: int, locale: str, **values: object) -> str:
    said = translated_plural(singular, plural, number, locale)
    return said % _escaped({"num": number, **values})


def _escaped(values: dict[str, object]) -> dict[str, str]:
    return {name: escape(value) for name, value in values.items()}


def time_element(moment: datetime, locale: str, attributes: str = "") -> str:
    shown = escape(display_datetime(moment, locale))
    return f'<time{attributes} datetime="{escape(moment.isoformat())}">{shown}</time>'


def date_element(moment: datetime, locale: str, day_only: bool = False) -> str:
    """A date as `newsroom_date` shows it; its `datetime` the moment, or with `day_only` the day."""
    stamp = moment.date().isoformat() if day_only else moment.isoformat()
    return f'<time datetime="{escape(stamp)}">{escape(display_date(moment, locale))}</time>'


def tag_item(tag: Tag, href: str) -> str:
    """A tag in a story's list of tags; `href`, escaped, is its page's (unused if it has none)."""
    if tag.url:
        return f'<li><a href="{href}" rel="tag">{escape(tag.name)}</a></li>'
    return f"<li><span>{escape(tag.name)}</span></li>"


def held_back_said(article: Article, locale: str) -> str:
    """Why a previewed story is not published."""
    if article.held_back == "draft":
        return gettext("Draft", locale)
    if article.held_back == "scheduled":
        time = Markup(time_element(article.date, locale))
        return gettext("Scheduled for %(time)s", locale, time=time)
    assert article.expires is not None
    time = Markup(time_element(article.expires, locale))
    return gettext("Expired on %(time)s", locale, time=time)


def picture(view: PictureView, alt: str, lazy: bool = False, first: bool = False) -> str:
    """The `picture` macro: `lazy`, it may wait until the reader scrolls near it; `first`,
    the page's main image."""
    img = _img(view, alt, lazy, first)
    if not (view.sources or view.srcset):
        return img
    sources = "".join(
        f'<source type="{escape(source.type)}" srcset="{escape(source.srcset)}" '
        f'sizes="{escape(view.sizes)}">'
        for source in view.sources
    )
    return f"<picture>{sources}{img}</picture>"


def _img(view: PictureView, alt: str, lazy: bool, first: bool) -> str:
    srcset = f' srcset="{escape(view.srcset)}" sizes="{escape(view.sizes)}"' if view.srcset else ""
    box = f' width="{escape(view.width)}" height="{escape(view.height)}"' if view.width else ""
    loading = ' fetchpriority="high"' if first else ""
    if lazy:
        loading = ' loading="lazy" decoding="async"'
    return f'<img src="{escape(view.src)}"{srcset}{box} alt="{escape(alt)}"{loading}>'
