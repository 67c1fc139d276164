"""Article bodies rendered to HTML exactly once, with the plain text that summaries and counts need.

`.txt` bodies go through the plain-text converter; `.md` bodies through one Python-Markdown
instance per build, set up with the site's own `markdown_extensions`, and reset between
articles instead of being rebuilt for each (which is what costs MkDocs most per page).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import markdown

from . import plaintext
from .sanitizing import sanitize

if TYPE_CHECKING:
    from collections.abc import Sequence

_TAG = re.compile(r"<[^>]*>")
_FIRST_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)
_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Body:
    html: str
    text: str
    lead: str  # the first paragraph, as text: the summary when the reporter gave none
    removed: tuple[str, ...] = ()  # raw HTML taken out by the sanitizer ("<script>")
    failure: str = ""  # why the body could not be rendered at all

    @property
    def word_count(self) -> int:
        return len(self.text.split())


def render_plaintext(
    text: str, boilerplate: Sequence[re.Pattern[str]] = (), right_to_left: bool = False
) -> Body:
    blocks = plaintext.split_blocks(text, boilerplate)
    lead = next((block.items[0] for block in blocks if not block.is_list), "")
    html = plaintext.blocks_to_html(blocks, isolate=right_to_left)
    return Body(html, plaintext.blocks_to_text(blocks), lead)


def html_to_text(fragment: str) -> str:
    return _WHITESPACE.sub(" ", html.unescape(_TAG.sub(" ", fragment))).strip()


class MarkdownRenderer:
    """One Markdown instance for all `.md` bodies of a build; with `sanitized`, raw HTML in
    them is cleaned (sanitizing.py)."""

    def __init__(
        self, extensions: Sequence[Any], extension_configs: dict[str, Any], sanitized: bool
    ) -> None:
        self._markdown = markdown.Markdown(
            extensions=list(extensions), extension_configs=extension_configs
        )
        self._sanitized = sanitized

    def render(self, text: str) -> Body:
        self._markdown.reset()
        fragment = self._markdown.convert(text)
        removed: tuple[str, ...] = ()
        if self._sanitized:
            fragment, removed = sanitize(fragment)
        first = _FIRST_PARAGRAPH.search(fragment)
        lead = html_to_text(first.group(1)) if first else ""
        return Body(fragment, html_to_text(fragment), lead, removed)
