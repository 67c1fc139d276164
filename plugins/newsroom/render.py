"""Writing the plugin's own pages: through the theme's Jinja environment (so `overrides/` and
Material's blocks apply), but outside MkDocs' one-page-at-a-time loop, so that the work can be
shared, cached and split across processes.

- Article cards and headlines, the bulk of every listing, are rendered once per article and kind
  with site-root-relative links, and re-rooted for each page by one string replacement.
- Whitespace that templates leave between lines is squeezed out (never inside `<pre>`).
- Under `mkdocs build`, pages are shared among forked processes (parallel.py).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup, escape
from mkdocs.commands.build import get_context

from .editions import is_rtl
from .i18n import translate

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation

    from .editions import Edition
    from .model import Article
    from .pages import NewsPage

CARD_TEMPLATE = "news/partials/card.html"
HEADLINE_TEMPLATE = "news/partials/headline.html"
TEMPLATES = (CARD_TEMPLATE, HEADLINE_TEMPLATE)
ROOT = "\x00newsroom-root\x00"  # stands for the page's way back to the site root, in cards
_PRE = re.compile(r"(<pre[\s>].*?</pre>)", re.DOTALL | re.IGNORECASE)
_LINE_BREAK_AND_INDENT = re.compile(r"\n\s+")


def compact(html: str) -> str:
    """Squeeze each run of whitespace that holds a line break into one line break, outside
    `<pre>`: the page renders the same, and is a fifth smaller."""
    parts = _PRE.split(html)
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

    def card(self, article: Article, base_url: str, level: int = 2, size: str = "") -> Markup:
        return self._rooted(CARD_TEMPLATE, article, base_url, level=level, size=size)

    def headline(
        self, article: Article, base_url: str, page_lang: str, with_section: bool = True
    ) -> Markup:
        return self._rooted(
            HEADLINE_TEMPLATE, article, base_url, page_lang=page_lang, with_section=with_section
        )

    def _rooted(self, template: str, article: Article, base_url: str, **options: object) -> Markup:
        key = (template, article.url, *options.values())
        html = self._rendered.get(key)
        if html is None:
            edition = self._editions.get(article.edition, self._default)
            lang = article.lang or edition.lang
            html = compact(
                self._templates[template].render(
                    article=article,
                    locale=edition.locale,
                    lang=lang,
                    rtl=is_rtl(lang),
                    t=translate,
                    root=ROOT,
                    **options,
                )
            )
            self._rendered[key] = html
        return Markup(html.replace(ROOT, root_prefix(base_url)))


class ShellCache:
    """Blocks of Material's shell (tabs, navigation drawer, footer) that come out the same on
    many news pages: rendered once per distinct key instead of once per page (the navigation
    alone was a quarter of the time spent rendering a 10,000-article site).

    A block's links are relative to the page, and MkDocs shortens them through the folders a
    page shares with the target, so the key holds, for every URL in the navigation, how many
    leading folders the page shares with it; plus the page's own URL if it is in the
    navigation (it is then marked active).
    """

    def __init__(self, navigation_urls: Sequence[str], palette_toggle: bool = True) -> None:
        self._targets = [_folders(url) for url in navigation_urls]
        self._palette_toggle = palette_toggle
        self._parts: dict[tuple[object, ...], Markup] = {}

    def key(self, block: str, page: object, base_url: str) -> tuple[object, ...]:
        url = str(getattr(page, "url", ""))
        folders = _folders(url)
        shared = tuple(_shared_prefix(folders, target) for target in self._targets)
        active = url if getattr(page, "in_navigation", False) else ""
        return (block, base_url, shared, active)

    def get(self, key: tuple[object, ...]) -> Markup | None:
        return self._parts.get(key)

    def put(self, key: tuple[object, ...], html: str) -> Markup:
        part = Markup(html)
        self._parts[key] = part
        return part

    def header(
        self, key: tuple[object, ...], html: str | None, title: str, search_label: str = ""
    ) -> Markup | None:
        """Material's header differs from page to page only by the page title it shows: it
        is kept with a placeholder there. Give `html` (the header rendered for this page) to
        keep it; returns the header with `title`, or None until one is kept. Every page gets
        the header from the kept copy, so its bytes do not depend on which page came first.

        Material's search dialog has no accessible name (axe: aria-dialog-name): it is given
        `search_label`, in the markup rather than by a script on every page.

        Left out, as they weigh on every page of a large archive: the menu button of the
        navigation drawer (news pages have no drawer: their sections are in the tabs) and,
        without a palette toggle, the script that restores the reader's choice of palette
        (700 bytes), which has nothing to restore."""
        if html is not None:
            # str(): regular expressions over Markup escape what they take from it
            html = _DRAWER_BUTTON.sub("", str(html), count=1)
            if not self._palette_toggle:
                html = _PALETTE_SCRIPT.sub("", html, count=1)
            if search_label:
                named = f'{_SEARCH_DIALOG} aria-label="{escape(search_label)}"'
                html = html.replace(_SEARCH_DIALOG, named, 1)
            titled, found = _HEADER_TOPIC.subn(rf"\g<1>{_TITLE}\g<3>", html, count=1)
            if not found:
                return Markup(html)
            self._parts[key] = Markup(titled)
        part = self._parts.get(key)
        if part is None or _TITLE not in part:
            return None
        # `title` is the page's title as Material prints it (already escaped by the plugin)
        return Markup(str(part).replace(_TITLE, str(title)))


_TITLE = "\x00newsroom-title\x00"
_DRAWER_BUTTON = re.compile(
    r'<label class="md-header__button md-icon" for="__drawer">.*?</label>\s*', re.DOTALL
)
_SEARCH_DIALOG = 'data-md-component="search" role="dialog"'
_PALETTE_SCRIPT = re.compile(
    r'<script>var palette=__md_get\("__palette"\).*?</script>\s*', re.DOTALL
)
_HEADER_TOPIC = re.compile(
    r'(data-md-component="header-topic">\s*<span class="md-ellipsis">)(.*?)(</span>)', re.DOTALL
)


def _folders(url: str) -> tuple[str, ...]:
    return tuple(part for part in url.split("/") if part)


def _shared_prefix(one: tuple[str, ...], other: tuple[str, ...]) -> int:
    count = 0
    for mine, theirs in zip(one, other, strict=False):
        if mine != theirs:
            break
        count += 1
    return count


_HTML_LANG = re.compile(r'<html lang="[^"]*"')
_BODY_DIR = re.compile(r'<body dir="[^"]*"')


def localize_root(html: str, lang: str, rtl: bool) -> str:
    """Material writes the site's language and direction on <html> and <body>; a page in
    another language (a Pashto article, the Dari front page) says its own, so that browsers,
    screen readers and Material's right-to-left layout follow it."""
    direction = "rtl" if rtl else "ltr"
    html = _HTML_LANG.sub(f'<html lang="{lang}" dir="{direction}"', html, count=1)
    return _BODY_DIR.sub(f'<body dir="{direction}"', html, count=1)


def root_prefix(base_url: str) -> str:
    """'../..' (MkDocs' base_url of a page two folders deep) -> '../../'; '.' -> './'."""
    return base_url if base_url.endswith("/") else f"{base_url}/"


class PageRenderer:
    """Renders a NewsPage as MkDocs would, through `get_context` and the page's template."""

    def __init__(
        self, env: Environment, config: MkDocsConfig, nav: Navigation, files: Files
    ) -> None:
        self._env = env
        self._config = config
        self._nav = nav
        self._files = files

    def render(self, page: NewsPage) -> str:
        page.read_source(self._config)
        page.render(self._config, self._files)
        context = get_context(self._nav, self._files, self._config, page)
        template = self._env.get_template(page.meta["template"])
        page.active = True
        try:
            return localize_root(compact(template.render(context)), page.lang, page.rtl)
        finally:
            page.active = False


def encode_page(html: str) -> bytes:
    return html.encode("utf-8", errors="xmlcharrefreplace")


def write_page(page: NewsPage, data: bytes) -> None:
    path = Path(page.file.abs_dest_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
