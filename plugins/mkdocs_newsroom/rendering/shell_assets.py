"""What Material's shell would repeat on every news page, written once into the site's assets
and referenced from the pages: its icons (one sprite per shell part) and its search dialog
(built by a script before Material's bundle binds it).

The files are named by their content, so that any process may make them and a browser never
keeps a stale one. A process keeps what it made; the build writes every file made by any of
its processes (`take_new` hands them back with each page).
"""

from __future__ import annotations

import json
import re

from ..hashing import fingerprint

ASSETS = "assets/newsroom"
_SVG = re.compile(r"<svg\b([^>]*)>(.*?)</svg>", re.DOTALL)
_VIEW_BOX = re.compile(r'\sviewBox="[^"]*"')
_XMLNS = re.compile(r'\sxmlns="[^"]*"')
_DIV = re.compile(r"<div\b|</div>")
_ROOT = "\x00"  # where the site's root goes in the dialog's markup


class ShellAssets:
    """The icons and search dialogs of the shells this process rendered, by file."""

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

        def referenced(match: re.Match[str]) -> str:
            made = symbol(match)
            if made is None:
                return match.group(0)
            attributes = _XMLNS.sub("", match.group(1))
            return f'<svg{attributes}><use href="{base_url}/{path}#{symbols[made]}"/></svg>'

        return _SVG.sub(referenced, html)

    def with_search_script(self, html: str, opening: str, base_url: str) -> str:
        """`html` with the inside of the element that `opening` opens (Material's search
        dialog) moved into a script that puts it back, right after the empty element: 1.5 KB
        of every page, in a file the browser keeps. Its links are made absolute from the
        script's own address, which does not depend on the page."""
        start = html.find(opening)
        if start < 0:
            return html
        inside = html.index(">", start) + 1
        end = _closing_div(html, inside)
        if end is None:
            return html
        markup = html[inside:end].strip().replace(f'href="{base_url}/', f'href="{_ROOT}')
        script = (
            "(function(){var s=document.currentScript,"
            'r=new URL("../..",s.src).href;'
            f"s.previousElementSibling.innerHTML={json.dumps(markup)}.split({json.dumps(_ROOT)}).join(r)"
            "})();\n"
        )
        path = self._add("search", "js", script)
        closed = end + len("</div>")
        tag = f'<script src="{base_url}/{path}"></script>'
        return f"{html[:inside]}</div>{tag}{html[closed:]}"

    def _add(self, stem: str, suffix: str, text: str) -> str:
        path = f"{ASSETS}/{stem}-{fingerprint(text)[:10]}.{suffix}"
        if path not in self._files:
            self._files[path] = self._new[path] = text
        return path


def _closing_div(html: str, inside: int) -> int | None:
    """Where the `</div>` that closes the `<div>` opened just before `inside` starts."""
    depth = 1
    for match in _DIV.finditer(html, inside):
        depth += 1 if match.group(0) == "<div" else -1
        if depth == 0:
            return match.start()
    return None
