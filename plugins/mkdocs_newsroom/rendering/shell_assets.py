"""What Material's shell would repeat on every news page, written once into the site's assets
and referenced from the pages: its icons (one sprite per shell part), and its configuration,
the inside of its search dialog and its small inline scripts (one script per edition, which
runs just before Material's bundle).

The files are named by their content, so that any process may make them and a browser never
keeps a stale one. A process keeps what it made; the build writes every file made by any of
its processes (`take_new` hands them back with each page).
"""

from __future__ import annotations

import json
import re

from ..hashing import fingerprint
from .links import root_prefix

ASSETS = "assets/newsroom"
_SVG = re.compile(r"<svg\b([^>]*)>(.*?)</svg>", re.DOTALL)
_VIEW_BOX = re.compile(r'\sviewBox="[^"]*"')
_XMLNS = re.compile(r'\sxmlns="[^"]*"')
_DIV = re.compile(r"<div\b|</div>")
_ROOT = "\x00"  # where the site's root goes in the dialog's markup and the configuration
_HEAD_SCRIPT = re.compile(r'<script>__md_scope=new URL\("([^"]*)",location\),(.*?)</script>')
_OWN_HELPERS = "__md_scope=new URL(r),"
_TAB_TARGET = (
    "<script>var target=document.getElementById(location.hash.slice(1));target&&target.name"
    '&&(target.checked=target.name.startsWith("__tabbed_"))</script>'
)
_DIALOG_BOX_MARKUP = (
    '<div class="md-dialog" data-md-component="dialog">'
    '<div class="md-dialog__inner md-typeset"></div></div>'
)
_DIALOG_BOX = re.compile(
    r'<div class="md-dialog" data-md-component="dialog">\s*'
    r'<div class="md-dialog__inner md-typeset"></div>\s*</div>\n?'
)
HEADER = '<header class="md-header"'
CONTENT = '<article class="md-content__inner'
# A line break between a tag and a tag of the head or a block's tag; and what is kept as it
# is, line breaks and all: a script, a style, preformatted text. Two expressions that each
# begin with a fixed character, which Python's engine looks for quickly, rather than one
# that tries both at every character (three times faster, measured on an article's head).
_BLOCK_BREAK = re.compile(
    r">\n(?=</?(?:html|head|body|meta|link|title|script|style|input|label|div|main|"
    r"article|header|footer|nav|aside|section|ul|ol|li|p|h[1-6])[\s>])",
    re.IGNORECASE,
)
_KEPT_WHOLE = re.compile(r"<(script|style|pre|textarea)\b.*?</\1>", re.DOTALL | re.IGNORECASE)
_KEPT_OPEN = re.compile(r"<(?:script|style|pre|textarea)\b", re.IGNORECASE)
_EMPTY_SLOTS = re.compile(r'<div data-md-component="(?:skip|announce)">\s*</div>\n?')
_SHELL_TAG = re.compile(r'<script src="[^"]*?(assets/newsroom/shell-\w+\.js)"></script>')
HELPERS = "__md_"  # Material's storage helpers, which a script on the page may use
# What lighter_page takes out where it first finds it, by how each begins: a page whose own
# blocks hold none of them has its last touches done to its skeleton once (finishing.py)
_TAKEN_OUT = (
    ("<script>__md_scope=", _HEAD_SCRIPT),
    ("assets/newsroom/shell-", _SHELL_TAG),
    ('<div data-md-component="skip">', _EMPTY_SLOTS),
    ('<div data-md-component="announce">', _EMPTY_SLOTS),
    ('<div class="md-dialog"', _DIALOG_BOX),
)
LOOKED_FOR = (_TAB_TARGET, *(beginning for beginning, _ in _TAKEN_OUT))
_CONFIG = re.compile(r'<script id="__config" type="application/json">(\{.*\})</script>', re.DOTALL)


class ShellAssets:
    """The icon sprites and shell scripts this process made, by path."""

    def __init__(self) -> None:
        self._files: dict[str, str] = {}
        self._new: dict[str, str] = {}

    def take_new(self) -> dict[str, str]:
        """The files made since the last call (path relative to the site folder: text)."""
        new, self._new = self._new, {}
        return new

    def with_icon_sprite(self, html: str, base_url: str) -> str:
        """`html` with each inline icon (an `<svg>` with a viewBox and no `<svg>` inside)
        drawn from a sprite of them all: an icon shown twice is in the page's bytes once.
        The `<svg>` and its attributes stay, so Material's styles apply as before."""
        symbols: dict[str, str] = {}  # the icon's inner markup and viewBox: its id

        def symbol(match: re.Match[str]) -> str | None:
            attributes, inner = match.group(1), match.group(2)
            view_box = _VIEW_BOX.search(attributes)
            if view_box is None or "<svg" in inner:
                return None
            return f"<symbol{view_box.group(0)}>{inner}</symbol>"

        for match in _SVG.finditer(html):
            if (made := symbol(match)) is not None:
                symbols.setdefault(made, f"i{len(symbols)}")
        if not symbols:
            return html
        sprite = "".join(
            made.replace("<symbol", f'<symbol id="{id_}"', 1) for made, id_ in symbols.items()
        )
        path = self._add(
            "icons", "svg", f'<svg xmlns="http://www.w3.org/2000/svg">{sprite}</svg>\n'
        )

        sprite_url = root_prefix(base_url) + path

        def referenced(match: re.Match[str]) -> str:
            made = symbol(match)
            if made is None:
                return match.group(0)
            attributes = _XMLNS.sub("", match.group(1))
            # xlink:href, which browsers read as href: Material's instant navigation sets
            # `element.href` again on every [href] of the page it loads, which an SVG <use>
            # has only as a getter (the click threw, and the page was not shown)
            return f'<svg{attributes}><use xlink:href="{sprite_url}#{symbols[made]}"/></svg>'

        return _SVG.sub(referenced, html)

    def without_search_dialog(self, html: str, opening: str, base_url: str) -> tuple[str, str]:
        """`html` with the inside of the element that `opening` opens (Material's search
        dialog) left out, and that inside, its links from the site's root marked (for
        `shell_script`); `html` and "" when there is no such element."""
        start = html.find(opening)
        end = None if start < 0 else _closing_div(html, inside := html.index(">", start) + 1)
        if end is None:
            return html, ""
        root = root_prefix(base_url)
        markup = html[inside:end].strip().replace(f'href="{root}', f'href="{_ROOT}')
        return html[:inside] + html[end:], markup

    def shell_script(self, config: str, dialog: str, base_url: str, head: str = "") -> str:
        """A script in place of `config` (Material's `<script id="__config">`, 0.7 KB of
        every page) that puts it back, and puts `dialog` (the search dialog's inside, 1.5 KB)
        into the dialog, before Material's bundle reads them: one file for all the pages of
        an edition, which the browser keeps. Its addresses are made absolute from the
        script's own, which does not depend on the page. It also does what Material's small
        scripts do on every page (`head`, the storage helpers of the page's head, when they
        are scoped to the site's root; the tab an address points at; the box of Material's
        dialogs), so that `lighter_page` may leave those out."""
        script = '(function(){var s=document.currentScript,r=new URL("../..",s.src).href;'
        helpers = _HEAD_SCRIPT.fullmatch(head.strip())
        if helpers is not None and helpers[1] == base_url:
            script += f"{_OWN_HELPERS}{helpers[2]};"
        found = _CONFIG.fullmatch(config.strip())  # else left in the page, as it is
        if found is not None:
            values = json.loads(found[1])
            for name in ("base", "search"):
                if isinstance(values.get(name), str):
                    values[name] = _from_root(values[name], base_url)
            data = json.dumps(values, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
            script += (
                'var c=document.createElement("script");c.id="__config";'
                'c.type="application/json";'
                f'c.textContent=JSON.stringify({data}).split("\\\\u0000").join(r);s.before(c);'
            )
        script += (
            f"{_TAB_TARGET[8:-9]};"
            'document.querySelector("[data-md-component=dialog]")||'
            f's.insertAdjacentHTML("beforebegin",{json.dumps(_DIALOG_BOX_MARKUP)});'
        )
        if dialog:
            script += (
                'var d=document.querySelector("[data-md-component=search]");'
                f'd.innerHTML={json.dumps(dialog)}.split("\\u0000").join(r);'
            )
        path = self._add("shell", "js", script + "})();\n")
        tag = f'<script src="{root_prefix(base_url)}{path}"></script>'
        return tag if found is not None else f"{config}{tag}"

    def lighter_page(self, html: str) -> str:
        """A news page without what its shell script does (see shell_script): Material's
        storage helpers in the head (0.3 KB; kept when a script before the shell script uses
        them), the script that opens the tab an address points at, and the empty box of
        Material's dialogs; without the empty slots of the skip link and the announcement
        too, which only Material's instant navigation reads, and the line breaks of the
        shell (tightened)."""
        return tightened(self.without_what_scripts_do(html))

    def without_what_scripts_do(self, html: str) -> str:
        tag = _SHELL_TAG.search(html)
        script = self._files.get(tag[1], "") if tag is not None else ""
        if not script:
            return html
        if "navigation.instant" not in script:  # which runs the scripts of each new page
            html = html.replace(_TAB_TARGET + "\n", "", 1)
            # and swaps these slots, when both pages have them: empty, nothing reads them
            header = html.find(HEADER)
            if header > 0:
                html = _EMPTY_SLOTS.sub("", html[:header], count=2) + html[header:]
        html = _DIALOG_BOX.sub("", html, count=1)
        head, tag = _HEAD_SCRIPT.search(html), _SHELL_TAG.search(html)
        if head is None or tag is None or _OWN_HELPERS not in script:
            return html
        if HELPERS in html[: head.start()] or HELPERS in html[head.end() : tag.start()]:
            return html
        return html[: head.start()] + html[head.end() :].removeprefix("\n")

    def _add(self, stem: str, suffix: str, text: str) -> str:
        path = f"{ASSETS}/{stem}-{fingerprint(text)[:10]}.{suffix}"
        if path not in self._files:
            self._files[path] = self._new[path] = text
        return path


def _from_root(url: str, base_url: str) -> str:
    """A page's link (MkDocs' `url` filter: "../../x", "x" on the home page, "/repo/x" from
    the root) made a path from the site's root, marked."""
    prefix = root_prefix(base_url)
    if url in (base_url, prefix):
        return _ROOT
    if url.startswith(prefix):
        return _ROOT + url[len(prefix) :]
    if base_url == "." and not re.match(r"[a-z][a-z0-9+.-]*:|/|\.\./", url):
        return _ROOT + url
    return url


def taken_out_whole(text: str) -> bool:
    """Whether what lighter_page takes out, where it begins in `text`, ends there too (it
    would not reach into the text beyond)."""
    counts: dict[re.Pattern[str], int] = {}
    for beginning, expression in _TAKEN_OUT:
        counts[expression] = counts.get(expression, 0) + text.count(beginning)
    return all(len(expression.findall(text)) == count for expression, count in counts.items())


def tightened(html: str) -> str:
    """`html` without the line breaks of its shell (the head, and around the page's own
    content) before a tag of the head or a block's tag, where browsers show nothing; those
    around inline elements, which would show a space, those in scripts, styles and
    preformatted text, and the page's content stay."""
    start = html.find(CONTENT)
    end = html.rfind("</article>")
    if start < 0 or end < start:
        return html
    head, tail = without_block_breaks(html[:start]), without_block_breaks(html[end:])
    return head.lstrip() + html[start:end] + tail


def without_block_breaks(text: str) -> str:
    """`text` without the line breaks `_BLOCK_BREAK` finds outside what `_KEPT_WHOLE` keeps."""
    return _without_block_breaks(text, "", "", _kept(text))


def between_without_block_breaks(text: str, before: str, after: str) -> str | None:
    """`text` without its line breaks that `without_block_breaks` would drop from `before +
    text + after`; None when `text` opens something kept that it does not close (what the
    whole keeps is then not what `text` alone would)."""
    whole_text = before + text + after
    kept = _kept(whole_text)
    inside = sum(end <= len(before) + len(text) for _, end in kept)
    if len(_KEPT_OPEN.findall(text)) != inside:
        return None
    return _without_block_breaks(text, before, after, kept)


def _kept(text: str) -> list[tuple[int, int]]:
    return [found.span() for found in _KEPT_WHOLE.finditer(text)]


def _without_block_breaks(text: str, before: str, after: str, kept: list[tuple[int, int]]) -> str:
    """`kept`: where `_KEPT_WHOLE` is found in `before + text + after`."""
    whole_text = before + text + after
    if not any("\n" in whole_text[start:end] for start, end in kept):
        # nothing kept holds a line break: one substitution ("\r" looks ahead as "\n" does)
        dropped = _BLOCK_BREAK.sub(">", before + text + after.replace("\n", "\r"))
        return dropped[len(before) : len(dropped) - len(after)]
    parts: list[str] = []
    last = 0
    for found in _BLOCK_BREAK.finditer(whole_text):
        line_break = found.start() + 1
        at = line_break - len(before)
        if 0 <= at < len(text) and not any(start < line_break < end for start, end in kept):
            parts.append(text[last:at])
            last = at + 1
    parts.append(text[last:])
    return "".join(parts)


def _closing_div(html: str, inside: int) -> int | None:
    """Where the `</div>` that closes the `<div>` opened just before `inside` starts."""
    depth = 1
    for match in _DIV.finditer(html, inside):
        depth += 1 if match.group(0) == "<div" else -1
        if depth == 0:
            return match.start()
    return None
