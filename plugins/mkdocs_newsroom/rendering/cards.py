"""Article cards and headline rows, the bulk of every listing: rendered once per article and
kind with links from the site root, and re-rooted for each page by one string replacement."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Protocol

from markupsafe import Markup

from ..model import is_rtl
from .contexts import fresh_context, rendered
from .links import root_prefix
from .pictures import picture_view

if TYPE_CHECKING:
    from collections.abc import Collection, Mapping

    from jinja2 import Environment

    from ..model import Article, Edition

CARD_TEMPLATE = "news/partials/card.html"
HEADLINE_TEMPLATE = "news/partials/headline.html"
TEMPLATES = (CARD_TEMPLATE, HEADLINE_TEMPLATE)
ROOT = "\x00newsroom-root\x00"  # stands for the page's way back to the site root, in cards
_PRE = re.compile(r"(<pre[\s>].*?</pre>)", re.DOTALL | re.IGNORECASE)
_PRE_OPENED = re.compile(r"<pre[\s>]", re.IGNORECASE)
_LINE_BREAK_AND_INDENT = re.compile(r"\n\s+")


def compact(html: str) -> str:
    """Squeeze each run of whitespace that holds a line break into one line break, outside
    `<pre>`: the page renders the same, and is a fifth smaller."""
    return _squeezed(_PRE.split(html))


def compact_alone(html: str) -> str | None:
    """compact(html) where `html` is part of a page, bounded by other text than white space:
    what compact would make of it in the page; None when it opens preformatted text it does
    not close, which the page may close elsewhere."""
    if _PRE_OPENED.search(html) is None:  # most often: one search instead of a split
        return _LINE_BREAK_AND_INDENT.sub("\n", html)
    parts = _PRE.split(html)
    if any(_PRE_OPENED.search(parts[index]) for index in range(0, len(parts), 2)):
        return None
    return _squeezed(parts)


def _squeezed(parts: list[str]) -> str:
    """`parts` (text, preformatted text, text...) joined, the text's white space squeezed."""
    for index in range(0, len(parts), 2):
        parts[index] = _LINE_BREAK_AND_INDENT.sub("\n", parts[index])
    return "".join(parts)


class Cards:
    """Article cards and headlines, rendered once and re-rooted for every page that shows
    them."""

    def __init__(self, env: Environment, editions: Mapping[str, Edition]) -> None:
        self._templates = {name: env.get_template(name) for name in TEMPLATES}
        self._editions = editions
        self._default = next(iter(editions.values()))
        self._rendered: dict[tuple[object, ...], str] = {}
        # cards joined as strings (card_strings.py), once a card of their shape was Jinja's
        self.strings: Joiner | None = None
        self._shapes_shown: set[tuple[object, ...]] = set()

    def card(
        self,
        article: Article,
        base_url: str,
        page_lang: str,
        level: int = 2,
        size: str = "",
        eager: bool = False,
        with_section: bool = True,
    ) -> Markup:
        """`eager`: the card is at the top of its page, where its image is not lazy;
        `with_section` False: its section's name is left out (it is shown under it)."""
        options = {
            "page_lang": page_lang,
            "level": level,
            "size": size,
            "with_section": with_section,
        }
        eager = eager or size == "lead"
        return self._rooted(CARD_TEMPLATE, article, base_url, **options, eager=eager)

    def headline(
        self, article: Article, base_url: str, page_lang: str, with_section: bool = True
    ) -> Markup:
        return self._rooted(
            HEADLINE_TEMPLATE, article, base_url, page_lang=page_lang, with_section=with_section
        )

    def forget(self, urls: Collection[str]) -> None:
        """Render the cards of the articles at `urls` again when next shown: they changed in
        place (build/copy_edits.py)."""
        self._rendered = {key: html for key, html in self._rendered.items() if key[1] not in urls}

    def _rooted(self, template: str, article: Article, base_url: str, **options: object) -> Markup:
        key = (template, article.url, *options.values())
        html = self._rendered.get(key)
        if html is None:
            edition = self._editions.get(article.edition, self._default)
            lang = article.lang or edition.lang
            place = "lead" if options.get("size") == "lead" else "card"
            picture = picture_view(article.image, ROOT, place) if article.image else None
            values = {
                "article": article,
                "picture": picture,
                "locale": edition.locale,
                "lang": lang,
                "rtl": is_rtl(lang),
                "root": ROOT,
                **options,
            }
            html = self._rendered[key] = self._made(template, values)
        return Markup(html.replace(ROOT, root_prefix(base_url)))

    def _made(self, template: str, values: dict[str, Any]) -> str:
        """The card joined as strings once its shape has shown it holds; else Jinja's, and
        the first of a shape the joined one is checked against (on a difference, or any
        failure, no card is joined again)."""
        strings, joined = self.strings, ""
        shape: tuple[object, ...] = ()
        if strings is not None:
            try:
                shape, joined = strings.shape(template, values), strings.html(template, values)
            except Exception:  # a card the joiner does not know: Jinja renders it
                shape = ()
            if shape in self._shapes_shown:
                return compact(joined)
        card = self._templates[template]
        html = compact(rendered(card, fresh_context(card, values)))
        if strings is not None:
            if shape and compact(joined) == html:
                self._shapes_shown.add(shape)
            else:
                self.strings = None
        return html


class Joiner(Protocol):
    """Cards joined as strings (card_strings.py)."""

    def shape(self, template: str, values: Mapping[str, Any]) -> tuple[object, ...]: ...

    def html(self, template: str, values: Mapping[str, Any]) -> str: ...
