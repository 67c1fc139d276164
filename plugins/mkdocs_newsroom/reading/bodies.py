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

from ..directions import INVALID_CHARACTERS, balanced_blocks, has_controls
from ..model import COMMONMARK, PYTHON_MARKDOWN, Permalink
from . import plaintext
from .commonmark import CommonMark
from .commonmark_losses import left_out
from .markdown_needs import speed_up
from .permalinks import probed_permalink, without_permalinks
from .sanitizing import apply_media_rule, sanitize

if TYPE_CHECKING:
    from collections.abc import Sequence

_TAG = re.compile(r"<[^>]*>")
# A line pymdownx.snippets reads as an include ('--8<-- "file"', or a block's '--8<--'), with
# any number of dashes, not escaped by ';'
_SNIPPET = re.compile(r"^([ \t]*)-(-*8<-+)", re.MULTILINE)
_SNIPPETS = "snippet"  # the name pymdownx.snippets registers its preprocessor under
_FIRST_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)
# A character reference Markdown passes through to the page, of a bidi control: the browser,
# and the summary drawn from the page, read it as the control itself
_CONTROL_REFERENCE = re.compile(r"&#(?:[xX]0*(?:202[a-eA-E]|206[6-9])|0*(?:823[4-8]|829[4-7]));")
# A list item indented by 250 or more spaces or tabs: it may be nested deeper than
# Python-Markdown can go (about 250 lists inside one another), which it finds out only by
# running out of stack, in time that grows as the square of the text's length (48 s for
# 2,000 levels, again at every save of a preview). A blank line or a line of code so far in
# is no list, and quotes nest without that cost.
_DEEP_LINE = re.compile(r"^([ \t]{250,})(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)", re.MULTILINE)
DEEPEST_COLUMN = 1_000  # 250 levels of four columns
# Quotes inside quotes: the sanitizer takes time as the square of their depth past this
# (55 s for 100,000 of CommonMark's), where Python-Markdown nests them without that cost
DEEPEST_QUOTE = 250
_NESTED_QUOTE = re.compile(r">[ \t]*>")  # a quote in a quote, or a '>>' in the text


class NestedTooDeeply(RecursionError):
    """A body nested deeper than Python-Markdown can render, found before rendering it."""


# A numeric character reference, which Markdown passes through to the page as written
_NUMERIC_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));")


@dataclass(frozen=True)
class Body:
    html: str
    lead: str  # the first paragraph, as text: the summary when the reporter gave none
    word_count: int
    # The plain text, where it is not the HTML's text (plain text, whose <bdi> around Latin
    # words in right-to-left copy would split words): search makes the others' from the HTML
    # when it needs it, rather than every article holding its text twice (200 MB at 50,000).
    text: str = ""
    removed: tuple[str, ...] = ()  # raw HTML taken out by the sanitizer ("<script>")
    snippets: tuple[tuple[int, int], ...] = ()  # (line, column) in the body of each include
    failure: str = ""  # why the body could not be rendered at all
    emptied: bool = False  # a plain text with words, all of whose lines were boilerplate
    # the first bidi control a paragraph left open (all were removed): its line in the body
    # and itself as U+XXXX
    opened: tuple[int, str] = (0, "")
    cut: plaintext.Cut | None = None  # the first line boilerplate took from inside a paragraph
    # the first character reference removed as unpublishable: line and column in the body,
    # and the reference as written ('&#xFFFE;')
    unpublishable: tuple[int, int, str] = (0, 0, "")
    # the line in the body of the first text CommonMark left out, and what it was
    # (commonmark_losses.py)
    left_out: tuple[int, str] = (0, "")


UNRENDERED = Body("", "", 0)  # a body not rendered (ReadOptions.render_bodies)


def neutralise_snippets(body: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """`body` with every include line of pymdownx.snippets made text ('&#45;-8<--' shows as
    '--8<--' and includes nothing), so that a story never pulls another file of the machine
    (held-back copy, the configuration, /etc/passwd) into a page; and where each was (line and
    column in `body`, from 1)."""
    where = tuple(
        (body.count("\n", 0, found.start()) + 1, len(found.group(1)) + 1)
        for found in _SNIPPET.finditer(body)
    )
    return (_SNIPPET.sub(r"\1&#45;\2", body) if where else body), where


def render_plaintext(
    text: str, boilerplate: Sequence[re.Pattern[str]] = (), right_to_left: bool = False
) -> Body:
    lines, cut = plaintext.without_boilerplate(plaintext.text_lines(text), boilerplate)
    blocks, opened = _balanced(plaintext.split_blocks("\n".join(lines)), text)
    lead = next((block.items[0] for block in blocks if not block.is_list), "")
    html = plaintext.blocks_to_html(blocks, isolate=right_to_left)
    written, text = text, plaintext.blocks_to_text(blocks)
    emptied = bool(boilerplate) and not text.strip() and bool(written.strip())
    return Body(html, lead, len(text.split()), text, emptied=emptied, opened=opened, cut=cut)


def _balanced(
    blocks: list[plaintext.Block], written: str
) -> tuple[list[plaintext.Block], tuple[int, str]]:
    """The blocks of a plain text (its character references decoded: '&#x202E;' makes a
    control) with the bidi controls each leaves open removed, and the first removed: the
    line of `written` it is on, and it as U+XXXX."""
    if not any(has_controls(item) for block in blocks for item in block.items):
        return blocks, (0, "")
    first = ""
    kept = []
    for block in blocks:
        items = []
        for item in block.items:
            cleaned, _, code = balanced_blocks(item)
            items.append(cleaned)
            first = first or code
        kept.append(plaintext.Block(block.is_list, tuple(items)))
    if not first:
        return blocks, (0, "")
    control = chr(int(first[2:], 16))
    decoded = plaintext.decode_character_references
    where = (n for n, text in enumerate(written.split("\n"), 1) if control in decoded(text))
    line = next(where, 1)
    return kept, (line, first)


def html_to_text(fragment: str) -> str:
    # split() and re's \s both take str.isspace's characters: the text with each run of white
    # space made one space, at a third of a substitution's cost
    return " ".join(_words(fragment))


def _words(fragment: str) -> list[str]:
    return html.unescape(_TAG.sub(" ", fragment)).split()


class MarkdownRenderer:
    """One Markdown instance for all `.md` bodies of a build (Python-Markdown with the site's
    extensions, or CommonMark: `engine`); with `sanitized`, raw HTML in them is cleaned
    (sanitizing.py), frames kept only of the hosts `frames` names. Either way, media
    (Markdown's images and raw HTML's pictures, sound, video, frames) follow one rule: an
    address that would load another host's file, or is not a web address, is taken out."""

    def __init__(
        self,
        extensions: Sequence[Any],
        extension_configs: dict[str, Any],
        sanitized: bool,
        frames: frozenset[str] = frozenset(),
        engine: str = PYTHON_MARKDOWN,
        permalink: Permalink | None = None,
    ) -> None:
        """`permalink`: how its headings' permalinks are written (`heading_permalink`), left
        out of the word count."""
        self._sanitized = sanitized
        self._permalink = permalink
        self._frames = frames  # the hosts whose frames a story may show (embed_hosts)
        self._markdown: markdown.Markdown | None = None
        self._commonmark: CommonMark | None = None
        if engine == COMMONMARK:
            self._commonmark = CommonMark(_toc_of(extensions, extension_configs))
        else:
            self._markdown = markdown.Markdown(
                extensions=list(extensions), extension_configs=extension_configs
            )
            speed_up(self._markdown)
        # however the site loads it, the extension that would read other files into a page
        self._includes_files = bool(self._markdown and _SNIPPETS in self._markdown.preprocessors)

    def render(self, text: str) -> Body:
        snippets: tuple[tuple[int, int], ...] = ()
        if self._includes_files:
            text, snippets = neutralise_snippets(text)
        if "&#" in text:
            text = _CONTROL_REFERENCE.sub(lambda found: html.unescape(found.group()), text)
        text, line, code = balanced_blocks(text)
        fragment, reference = self._converted(text)
        if self._sanitized:
            fragment, removed = sanitize(fragment, self._frames)
        else:
            fragment, removed = apply_media_rule(fragment)
        first = _FIRST_PARAGRAPH.search(fragment)
        lead = html_to_text(first.group(1)) if first else ""
        words = len(_words(without_permalinks(fragment, self._permalink)))
        return Body(
            fragment,
            lead,
            words,
            removed=removed,
            snippets=snippets,
            opened=(line, code),
            unpublishable=_where(text, reference),
            left_out=left_out(text, fragment) if self._commonmark is not None else (0, ""),
        )

    def _converted(self, text: str) -> tuple[str, str]:
        """The HTML of `text`, without the character references of characters no page may
        hold, and the first of them ('' if none: `without_unpublishable_references`)."""
        if any(_columns(found[1]) >= DEEPEST_COLUMN for found in _DEEP_LINE.finditer(text)):
            raise NestedTooDeeply
        if self._commonmark is not None:
            if _deepest_quote(text) >= DEEPEST_QUOTE:
                raise NestedTooDeeply
            fragment = self._commonmark.convert(text)
            if "&#" not in text:  # a character no page may hold comes only from a reference
                return fragment, ""
            return without_decoded_unpublishable(fragment, text)
        assert self._markdown is not None
        self._markdown.reset()
        return without_unpublishable_references(self._markdown.convert(text))


def heading_permalink(
    extensions: Sequence[Any], configs: dict[str, Any], sanitized: bool, engine: str
) -> Permalink | None:
    """How the permalinks `toc` puts in headings are written with these settings (None when
    there are none): one heading rendered with `toc` alone, which alone writes them."""
    toc = _toc_of(extensions, configs)
    if toc is None or not toc.get("permalink"):
        return None
    renderer = MarkdownRenderer(["toc"], {"toc": toc}, sanitized, engine=engine)
    return probed_permalink(lambda text: renderer.render(text).html)


def _toc_of(extensions: Sequence[Any], configs: dict[str, Any]) -> dict[str, Any] | None:
    """The site's settings of Python-Markdown's `toc`, if it loads it (MkDocs always does),
    under either of its names."""
    names = [name for name in ("toc", "markdown.extensions.toc") if name in extensions]
    if not names:
        return None
    return {key: value for name in names for key, value in (configs.get(name) or {}).items()}


def _deepest_quote(text: str) -> int:
    """How many quotes deep the text goes (the `>` opening its deepest line)."""
    if _NESTED_QUOTE.search(text) is None:
        return 1
    return max(line[: len(line) - len(line.lstrip("> \t"))].count(">") for line in text.split("\n"))


def _columns(indent: str) -> int:
    """How deep an indent of spaces and tabs goes, in columns (a tab is four)."""
    return indent.count(" ") + 4 * indent.count("\t")


def without_unpublishable_references(fragment: str) -> tuple[str, str]:
    """`fragment` without the numeric character references of characters no page or feed
    may hold (a control, a non-character, a surrogate, none at all), as the characters
    themselves are taken out of a file (decoding.py), and the first of them ('' if none).
    A reference from 0x80 to 0x9F becomes the Windows-1252 character a browser shows for
    it, where a feed would read a control character."""
    if "&#" not in fragment:
        return fragment, ""
    first = ""

    def publishable(found: re.Match[str]) -> str:
        nonlocal first
        written, code = found.group(), _code(found)
        shown = _shown(code)
        if shown and not INVALID_CHARACTERS.match(shown):
            return shown if 0x80 <= code <= 0x9F else written
        first = first or written
        return ""

    return _NUMERIC_REFERENCE.sub(publishable, fragment), first


def without_decoded_unpublishable(fragment: str, text: str) -> tuple[str, str]:
    """`fragment`, the HTML cmark made of `text`, without the characters no page may hold,
    and the first reference in `text` that stood for one ('' if none). cmark decodes a
    reference in text into its character (they are taken out of its HTML, not of `text`,
    where a reference in code is shown as written) and copies one in raw HTML as written (taken
    out as from Python-Markdown's HTML). As there, a reference from 0x80 to 0x9F shows the
    Windows-1252 character a browser shows for it; one to no character (`&#0;`) shows U+FFFD,
    as cmark and browsers write it."""
    removed: set[str] = set()

    def publishable(found: re.Match[str]) -> str:
        character = found.group()
        shown = _shown(ord(character))  # a control from 0x80 to 0x9F: Windows-1252's
        if shown and not INVALID_CHARACTERS.match(shown):
            return shown
        removed.add(_CMARK_BYTES.get(character, character))
        return ""

    fragment, written = without_unpublishable_references(
        INVALID_CHARACTERS.sub(publishable, fragment)
    )
    references = _NUMERIC_REFERENCE.finditer(text)
    decoded = next((found.group() for found in references if _shown(_code(found)) in removed), "")
    return fragment, min((decoded, written), key=lambda reference: _at(text, reference))


# cmark writes `&#xFFFE;` and `&#xFFFF;` as single bytes, read back as these (commonmark._html)
_CMARK_BYTES = {chr(0xDCFE): "\ufffe", chr(0xDCFF): "\uffff"}


def _code(reference: re.Match[str]) -> int:
    """The code point a numeric reference names (-1 for one of more than eight digits)."""
    hexadecimal, decimal = reference.groups()
    digits = (hexadecimal or decimal).lstrip("0")
    return -1 if len(digits) > 8 else int(hexadecimal, 16) if hexadecimal else int(decimal)


def _shown(code: int) -> str:
    """The character a browser shows for a reference to `code` ('' for none): from 0x80 to
    0x9F, Windows-1252's ('&#x93;' is a quote)."""
    if 0x80 <= code <= 0x9F:
        return html.unescape(f"&#{code};")
    return chr(code) if 0 < code <= 0x10FFFF else ""


def _at(text: str, reference: str) -> int:
    """Where `reference` first stands in `text`; past its end for none."""
    found = text.find(reference) if reference else -1
    return found if found >= 0 else len(text) + 1


def _where(text: str, reference: str) -> tuple[int, int, str]:
    """Line and column of `reference` in `text` (the body as written), and it."""
    if not reference:
        return 0, 0, ""
    at = max(text.find(reference), 0)
    return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1, reference
