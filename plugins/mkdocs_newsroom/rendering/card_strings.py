"""Cards and headline rows (`news/partials/card.html`, `headline.html`) put together by joining
strings, as Jinja renders them once white space is squeezed (cards.compact).

A card is rendered once per article and kind for the whole site (cards.py), yet Jinja's
rendering of them was still the largest part of a listing page's cost: a 1,000-article site
renders about 3,000. The templates stay the reference, as for article pages
(article_blocks.py): this is used only while every template it stands for is Newsroom's own,
and a card of each shape is trusted only once it has come out as Jinja's (cards.py checks);
on the first that does not, every later card is Jinja's."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .cards import CARD_TEMPLATE, HEADLINE_TEMPLATE
from .joined import date_element, escape, held_back_said, ngettext, own_theme, picture, tag_item
from .language_rules import name_joints

if TYPE_CHECKING:
    from collections.abc import Mapping

    from jinja2 import Environment

    from ..model import Article

# The templates the cards are joined from: when any is the site's own, Jinja renders them
STANDS_FOR = (
    CARD_TEMPLATE,
    HEADLINE_TEMPLATE,
    "news/partials/held-back.html",
    "news/partials/picture.html",
)


def card_strings(env: Environment) -> CardStrings | None:
    """The joiner of the theme's cards; None when a template it stands for, or a filter or
    global those use, is the site's."""
    return CardStrings() if own_theme(env, STANDS_FOR) else None


class CardStrings:
    """Cards as strings: `shape` names the branches of the templates a card takes, `html`
    writes it from the values cards.py gives the template."""

    def shape(self, template: str, values: Mapping[str, Any]) -> tuple[object, ...]:
        article: Article = values["article"]
        section, view = article.section, values.get("picture")
        return (
            template,
            values.get("size"),
            values.get("level"),
            values.get("eager"),
            values["rtl"],
            values["lang"] != values["page_lang"],
            article.held_back,
            section is None,
            values["with_section"],
            section is not None and bool(section.lang),
            article.image is None,
            view is None or (bool(view.sources), bool(view.srcset), bool(view.width)),
            bool(article.excerpt),
            min(len(article.authors), 3),
            frozenset(author.direction for author in article.authors),
            frozenset(bool(tag.url) for tag in article.tags),
        )

    def html(self, template: str, values: Mapping[str, Any]) -> str:
        if template == HEADLINE_TEMPLATE:
            return _headline(values)
        assert template == CARD_TEMPLATE
        return _card(values)


def _card(values: Mapping[str, Any]) -> str:
    article: Article = values["article"]
    size, rtl, lang, locale = values["size"], values["rtl"], values["lang"], values["locale"]
    compact = size == "compact"
    root, url = escape(values["root"]), escape(article.url)
    sized = f" nr-card--{escape(size)}" if size else ""
    imaged = " nr-card--image" if article.image else ""
    turned = rtl or lang != values["page_lang"]
    opened = f' lang="{escape(lang)}" dir="{"rtl" if rtl else "ltr"}"' if turned else ""
    lines = [f'\n<article class="nr-card{sized}{imaged}"{opened}>']
    if article.image and not compact:
        shown = picture(values["picture"], "", lazy=not values["eager"])
        image_link = (
            f'<a class="nr-card__image" href="{root}{url}" tabindex="-1" aria-hidden="true">'
        )
        lines.append(f"{image_link}{shown}</a>")
    lines.append('<div class="nr-card__text">')
    if article.held_back:
        lines.append(f'<p class="nr-flag nr-flag--preview">{held_back_said(article, locale)}</p>')
    if (section := article.section) and values["with_section"]:
        said = f' lang="{escape(section.lang)}"' if section.lang else ""
        kicker = f'<a class="nr-kicker" href="{root}{escape(section.url)}"{said}>'
        lines.append(f"{kicker}{escape(section.title)}</a>")
    level, title = escape(values["level"]), escape(article.title)
    lines.append(f'<h{level} class="nr-card__title"><a href="{root}{url}">{title}</a></h{level}>')
    if article.excerpt:
        lines.append(f'<p class="nr-card__summary">{escape(article.excerpt)}</p>')
    meta = f"{date_element(article.date, locale)}{_byline(values)}"
    lines.append(f'<p class="nr-card__meta">{meta}</p>')
    if article.tags and not compact:
        tags = "".join(tag_item(tag, f"{root}{escape(tag.url)}") for tag in article.tags)
        lines.append(f'<ul class="nr-tags">{tags}</ul>')
    lines.append("</div>\n</article>")
    return "\n".join(lines)


def _byline(values: Mapping[str, Any]) -> str:
    article: Article = values["article"]
    authors, locale, root = article.authors, values["locale"], escape(values["root"])
    if not authors:
        return ""
    joints = name_joints([author.name for author in authors], locale)
    direction = "rtl" if values["rtl"] else "ltr"
    names = []
    for index, author in enumerate(authors):
        turned = f' dir="{escape(author.direction)}"' if author.direction != direction else ""
        joint = escape(joints[index - 1]) if index else " "
        link = f'<a href="{root}{escape(author.url)}"{turned}>'
        names.append(f"{joint}{link}{escape(author.name)}</a>")
    return f" · {ngettext('By', 'By', len(authors), locale)}{''.join(names)}"


def _headline(values: Mapping[str, Any]) -> str:
    article: Article = values["article"]
    lang, locale, root = values["lang"], values["locale"], escape(values["root"])
    direction = "rtl" if values["rtl"] else "ltr"
    opened = f' lang="{escape(lang)}" dir="{direction}"' if lang != values["page_lang"] else ""
    flag = ""
    if article.held_back:
        said = held_back_said(article, locale)
        flag = f'<span class="nr-flag nr-flag--preview">{said}</span> '
    section = article.section
    shown = f" <small>{escape(section.title)}</small>" if values["with_section"] and section else ""
    date = date_element(article.date, locale, day_only=True)
    link = f'<a href="{root}{escape(article.url)}">{escape(article.title)}</a>'
    return f"<li{opened}>{flag}{link}{shown}\n{date}</li>"
