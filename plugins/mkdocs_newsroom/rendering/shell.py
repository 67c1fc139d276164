"""Material's shell around a news page (header, tabs, footer), rendered once for the many
pages that show it alike."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from .shell_assets import ShellAssets

if TYPE_CHECKING:
    from collections.abc import Sequence


class ShellCache:
    """Blocks of Material's shell (tabs, navigation drawer, footer) that come out the same on
    many news pages: rendered once per distinct key instead of once per page (the navigation
    alone was a quarter of the time spent rendering a 10,000-article site).

    A block's links are relative to the page when the site has no `site_url`, and MkDocs
    shortens them through the folders a page shares with the target, so the key then holds,
    for every URL in the navigation, how many leading folders the page shares with it; plus
    the page's own URL if it is in the navigation or the tabs (it is then marked active).
    Links from the site's root (links.py) are the same on every page.

    A part is kept only once a second page of its key gave the same (a site's overrides/ may
    make it differ from page to page: a header that names the page's section); until then,
    and for good where the two differ, each page renders its own.
    """

    def __init__(self, navigation_urls: Sequence[str], palette_toggle: bool = True) -> None:
        self._targets = [_folders(url) for url in navigation_urls]
        self._urls = frozenset(navigation_urls)
        self._palette_toggle = palette_toggle
        self._parts: dict[tuple[object, ...], Markup] = {}  # kept: the same on two pages
        self._on_trial: dict[tuple[object, ...], Markup] = {}  # one page's, until a second's
        self._own: set[tuple[object, ...]] = set()  # keys whose pages differ: never kept
        self.assets = ShellAssets()
        self._dialogs: dict[tuple[object, ...], str] = {}  # by header key: the search dialog

    def key(self, block: str, page: object, base_url: str) -> tuple[object, ...]:
        url = str(getattr(page, "url", ""))
        shared: tuple[int, ...] = ()
        if not base_url.startswith("/"):  # links relative to the page (see links.py)
            folders = _folders(url)
            shared = tuple(_shared_prefix(folders, target) for target in self._targets)
        # a page that is in the navigation or has a tab is marked there ("": the home page)
        shown = url in self._urls or getattr(page, "in_navigation", False)
        active = url if shown else None
        edition = getattr(getattr(page, "edition", None), "id", "")
        return (block, edition, base_url, shared, active)

    def get(self, key: tuple[object, ...]) -> Markup | None:
        return self._parts.get(key)

    def put(self, key: tuple[object, ...], html: str) -> Markup:
        """Keep a part (tabs, footer) for the pages of `key`: its icons drawn from a sprite;
        the tabs without the line breaks around their links, which nobody sees (the list
        and the links are flex boxes)."""
        # The copyright line in its own direction: an English line on a right-to-left page
        # keeps its full stop at its end.
        html = str(html).replace(_COPYRIGHT, f'{_COPYRIGHT} dir="auto"', 1)
        if key[0] == "tabs":
            html = _AROUND_TAGS.sub(r"\1", html).strip()
        return self._kept(key, Markup(self.assets.with_icon_sprite(html, _base_url(key))))

    def _kept(self, key: tuple[object, ...], part: Markup) -> Markup:
        """`part`, one page's, kept for `key` once a second page's is the same."""
        if key not in self._own and key not in self._parts:
            first = self._on_trial.pop(key, None)
            if first is None:
                self._on_trial[key] = part
            elif first == part:
                self._parts[key] = part
            else:
                self._own.add(key)
        return part

    def config(self, header_key: tuple[object, ...], html: str, head: str = "") -> Markup:
        """Material's configuration (`html`) and the inside of the search dialog of the
        header kept for `header_key`, put in by one script, which also does what the head's
        script (`head`) does (shell_assets.py)."""
        dialog = self._dialogs.get(header_key, "")
        base_url = _base_url(header_key)
        return Markup(self.assets.shell_script(str(html), dialog, base_url, str(head)))

    def header(
        self, key: tuple[object, ...], html: str | None, title: str, search_label: str = ""
    ) -> Markup | None:
        """Material's header differs from page to page only by the page title it shows: it
        is kept with a placeholder there. Give `html` (the header rendered for this page) to
        keep it; returns the header with `title`, or None until one is kept (two pages gave
        the same). Every page gets the header from the kept copy, so its bytes do not depend
        on which page came first.

        Material's search dialog has no accessible name (axe: aria-dialog-name): it is given
        `search_label`, in the markup rather than by a script on every page. The icons are
        drawn from a sprite, and the dialog's inside is put in by the script that puts in
        Material's configuration (`config`): the header weighs 0.6 KB instead of 2.7 KB.

        Left out, as they weigh on every page of a large archive: the menu button of the
        navigation drawer (news pages have no drawer: their sections are in the tabs) and,
        without a palette toggle, the script that restores the reader's choice of palette
        (700 bytes), which has nothing to restore."""
        if html is not None:
            # str(): regular expressions over Markup escape what they take from it
            html = _DRAWER_BUTTON.sub("", str(html), count=1)
            if not self._palette_toggle:
                html = _PALETTE_SCRIPT.sub("", html, count=1)
            opening = _SEARCH_DIALOG
            if search_label:
                opening = f'{_SEARCH_DIALOG} aria-label="{escape(search_label)}"'
                html = html.replace(_SEARCH_DIALOG, opening, 1)
            html = self.assets.with_icon_sprite(html, _base_url(key))
            html, self._dialogs[key] = self.assets.without_search_dialog(
                html, opening, _base_url(key)
            )
            titled, found = _HEADER_TOPIC.subn(rf"\g<1>{_TITLE}\g<3>", html, count=1)
            if not found:
                return Markup(html)
            return Markup(str(self._kept(key, Markup(titled))).replace(_TITLE, str(title)))
        part = self._parts.get(key)
        if part is None or _TITLE not in part:
            return None
        # `title` is the page's title as Material prints it (already escaped by the plugin)
        return Markup(str(part).replace(_TITLE, str(title)))


_TITLE = "\x00newsroom-title\x00"
_COPYRIGHT = '<div class="md-copyright__highlight"'
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


_AROUND_TAGS = re.compile(r"\s*(<[^>]*>)\s*")


def _base_url(key: tuple[object, ...]) -> str:
    return str(key[2])  # see key()


def _folders(url: str) -> tuple[str, ...]:
    return tuple(part for part in url.split("/") if part)


def _shared_prefix(one: tuple[str, ...], other: tuple[str, ...]) -> int:
    count = 0
    for mine, theirs in zip(one, other, strict=False):
        if mine != theirs:
            break
        count += 1
    return count
