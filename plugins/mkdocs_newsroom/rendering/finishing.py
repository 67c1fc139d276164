"""A news page's last touches: its white space squeezed (`compact`), what the edition's shell
script does left out and the shell's line breaks dropped (`ShellAssets.lighter_page`), its own
language and direction written on `<html>` and `<body>` (`localize_root`).

Done over a whole page they were a tenth of a large site's build, most of it spent going over
Material's shell, which is the same on every page of a kind. A page put together from a
skeleton (assembly.py) has them done to the skeleton's text once, and to its own blocks and
the white space around them (its gaps) for each page. That gives what they give over the whole
page because each touch is local (a run of white space, a line break between two tags, a
script of the shell) and the skeleton is cut where its own white space meets its text.
Whatever would make a touch reach across a cut sends the page through the whole way: a gap
that opens preformatted text or a script and does not close it, or holds what `lighter_page`
looks for; a skeleton without white space at a cut, or whose text begins or ends inside a
tag or inside something `lighter_page` takes out. A kind's skeleton is trusted only once the
two ways have given the same page. (A hostile review found the last three by fuzzing
skeletons no theme of ours makes; tests/test_page_finishing.py fuzzes both.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .cards import compact, compact_alone
from .shell_assets import (
    CONTENT,
    HEADER,
    HELPERS,
    LOOKED_FOR,
    ShellAssets,
    between_without_block_breaks,
    taken_out_whole,
    tightened,
)

if TYPE_CHECKING:
    from collections.abc import Mapping

    from .assembly import Filled, Skeleton

_HTML_LANG = re.compile(r'<html lang="[^"]*"')
_BODY_DIR = re.compile(r'<body dir="[^"]*"')
# What no gap may hold: besides what lighter_page looks for, what tells where tightened and
# localize_root act, and the marks of the gaps below. Where the content begins and ends may
# be in a gap after the content's beginning or before its end (a listing's articles).
_NOT_IN_GAPS = (*LOOKED_FOR, '<html lang="', '<body dir="', "\x00")
# What a gap holds, or not, as the page the skeleton was learnt from did: Material's header
# (the empty slots before it are left out), storage helpers a script uses (the head's script
# that makes them is kept)
_AS_LEARNT = (HEADER, HELPERS)
_LOOKAHEAD = 16  # enough of the text after a gap for a tag's name (without_block_breaks)
_MARK = re.compile(r"\x00<(\d+)\x00.*?\x00>\1\x00", re.DOTALL)


def localize_root(html: str, lang: str, rtl: bool) -> str:
    """Material writes the site's language and direction on <html> and <body>; a page in
    another language (a Pashto article, the Dari front page) says its own, so that browsers,
    screen readers and Material's right-to-left layout follow it."""
    direction = "rtl" if rtl else "ltr"
    html = _HTML_LANG.sub(f'<html lang="{lang}" dir="{direction}"', html, count=1)
    return _BODY_DIR.sub(f'<body dir="{direction}"', html, count=1)


class _Block(str):
    """The name of a page's own block, among the fixed text of a gap."""


@dataclass
class _Gap:
    """What lies between two pieces of a skeleton's text where each is stripped of its white
    space (the cores): fixed white space and the page's own blocks."""

    pieces: list[str]  # fixed text, and _Block names
    not_in: tuple[str, ...] = _NOT_IN_GAPS  # what it may not hold
    holds: tuple[bool, ...] = ()  # whether it holds each of _AS_LEARNT
    eats_line_break: bool = False  # a script lighter_page leaves out ends just before it
    tightened: bool = False  # it is where `tightened` drops line breaks
    # The finished cores' white space next to it (what lighter_page left at their ends), and
    # the finished text around that
    leading: str = ""
    trailing: str = ""
    before: str = ""
    after: str = ""

    def text(self, blocks: Mapping[str, str]) -> str:
        return "".join(
            blocks[piece] if isinstance(piece, _Block) else piece for piece in self.pieces
        )

    def finished(self, blocks: Mapping[str, str]) -> str | None:
        text = compact_alone(self.text(blocks))
        if text is None or any(mark in text for mark in self.not_in):
            return None
        if tuple(mark in text for mark in _AS_LEARNT) != self.holds:
            return None
        if self.eats_line_break:
            text = text.removeprefix("\n")
        text = f"{self.leading}{text}{self.trailing}"
        if self.tightened:
            return between_without_block_breaks(text, self.before, self.after)
        return text


@dataclass
class _FinishedShell:
    """A skeleton's text finished once, with its gaps marked; and its gaps."""

    marked: str
    gaps: list[_Gap]
    _cores: dict[tuple[str, bool], list[str]] = field(default_factory=dict)

    def page(self, blocks: Mapping[str, str], lang: str, rtl: bool) -> str | None:
        cores = self._cores.get((lang, rtl))
        if cores is None:
            cores = _stripped(_cores(localize_root(self.marked, lang, rtl)), len(self.gaps))
            if cores is None:
                return None
            self._cores[lang, rtl] = cores
        parts = [cores[0]]
        for gap, core in zip(self.gaps, cores[1:], strict=True):
            text = gap.finished(blocks)
            if text is None:
                return None
            parts += (text, core)
        return "".join(parts)


class PageFinish:
    """The last touches of every page of a process."""

    def __init__(self, assets: ShellAssets) -> None:
        self._assets = assets
        self._shells: dict[Skeleton, _FinishedShell | None] = {}

    def whole(self, html: str, lang: str, rtl: bool) -> str:
        return localize_root(self._assets.lighter_page(compact(html)), lang, rtl)

    def page(self, rendered: str | Filled, lang: str, rtl: bool) -> str:
        if isinstance(rendered, str):
            return self.whole(rendered, lang, rtl)
        skeleton, blocks, jinja_blocks = rendered
        if skeleton not in self._shells:
            self._shells[skeleton] = self._learnt(skeleton, blocks, lang, rtl)
        shell = self._shells[skeleton]
        finished = shell.page(blocks, lang, rtl) if shell is not None else None
        if finished is not None:
            return finished
        if jinja_blocks is not None:  # a page squeezed whole takes Jinja's (assembly.Filled)
            blocks = jinja_blocks()
        return self.whole(skeleton.fill(blocks), lang, rtl)

    def _learnt(
        self, skeleton: Skeleton, blocks: Mapping[str, str], lang: str, rtl: bool
    ) -> _FinishedShell | None:
        """The skeleton finished, with this page's blocks as the trial; None when it cannot be
        finished apart from its pages, or when the trial page does not come out as it does
        whole."""
        cut = _cut(skeleton.parts)
        if cut is None:
            return None
        cores, gaps = cut
        texts = [gap.text(blocks) for gap in gaps]
        if not all(_whole_in_itself(core) for core in cores):
            return None
        # Twice: the line break that begins a gap's first mark is taken, or not, by a script
        # lighter_page leaves out just before it (as it takes the gap's own first line break)
        inner = self._assets.without_what_scripts_do(compact(_marked(cores, texts, "\n")))
        marked = tightened(self._assets.without_what_scripts_do(compact(_marked(cores, texts, ""))))
        if not _placed(inner, gaps):
            return None
        finished, unbroken = _cores(tightened(inner)), _cores(marked)
        stripped = _stripped(unbroken, len(gaps))
        if finished is None or unbroken is None or stripped is None:
            return None
        if len(finished) != len(cores):
            return None
        for index, (gap, text) in enumerate(zip(gaps, texts, strict=True)):
            core, before, after = finished[index], *unbroken[index : index + 2]
            if core not in (before, before + "\n") or any(mark in text for mark in gap.not_in):
                return None
            gap.eats_line_break = core == before
            gap.holds = tuple(mark in text for mark in _AS_LEARNT)
            after_gap = stripped[index + 1]  # as far as tightened reads: up to the content
            after_gap = after_gap[: after_gap.find(CONTENT)] if CONTENT in after_gap else after_gap
            gap.before, gap.after = stripped[index][-1], after_gap[:_LOOKAHEAD]
            gap.leading = before[len(before.rstrip()) :]
            gap.trailing = after[: len(after) - len(after.lstrip())]
        shell = _FinishedShell(marked, gaps)
        if shell.page(blocks, lang, rtl) != self.whole(skeleton.fill(blocks), lang, rtl):
            return None
        return shell


def _cut(parts: list[str]) -> tuple[list[str], list[_Gap]] | None:
    """The skeleton's text pieces stripped where they meet a gap (the cores), and the gaps
    between them; None unless it begins and ends with text."""
    texts = parts[::2]
    if not texts[0].strip() or not texts[-1].strip():
        return None
    # white space of the skeleton's own at every cut: nothing runs from a block into its text
    if not all(text[-1:].isspace() for text in texts[:-1]):
        return None
    if not all(text[:1].isspace() for text in texts[1:]):
        return None
    cores = [texts[0].rstrip()]
    gaps = [_Gap([texts[0][len(cores[0]) :]])]
    for number, (name, text) in enumerate(zip(parts[1::2], texts[1:], strict=True), 2):
        gaps[-1].pieces.append(_Block(name))
        last = number == len(texts)
        core = text.lstrip() if last else text.strip()
        if not core:
            gaps[-1].pieces.append(text)
            continue
        start = text.index(core)
        gaps[-1].pieces.append(text[:start])
        cores.append(core)
        if not last:
            gaps.append(_Gap([text[start + len(core) :]]))
    return cores, gaps


def _whole_in_itself(core: str) -> bool:
    """Whether nothing the last touches read begins in `core` and ends beyond: preformatted
    text, a script, a tag, what lighter_page takes out."""
    compacted = compact_alone(core)
    if compacted is None or between_without_block_breaks(core, "", "") is None:
        return False
    first_open, first_close = core.find("<"), core.find(">")
    begins_in_a_tag = first_close >= 0 and not 0 <= first_open < first_close
    ends_in_a_tag = core.rfind("<") > core.rfind(">")
    return not (begins_in_a_tag or ends_in_a_tag) and taken_out_whole(compacted)


def _marked(cores: list[str], texts: list[str], line_break: str) -> str:
    """The page with each gap between marks; `line_break` begins each gap's first mark, where
    it may be taken by a script lighter_page leaves out."""
    marked = [cores[0]]
    for index, (text, core) in enumerate(zip(texts, cores[1:], strict=True)):
        marked += (f"{line_break}\x00<{index}\x00", text, f"\x00>{index}\x00\n", core)
    return "".join(marked)


def _cores(marked: str) -> list[str] | None:
    """The text between the marked gaps, without the line break each gap's last mark ended
    with; None when a mark did not come through whole."""
    pieces = _MARK.split(marked)  # core, index, core, index, ..., core
    cores, indexes = pieces[::2], pieces[1::2]
    if indexes != [str(index) for index in range(len(indexes))]:
        return None
    if not all(core.startswith("\n") for core in cores[1:]):
        return None
    return [cores[0], *(core[1:] for core in cores[1:])]


def _stripped(cores: list[str] | None, gaps: int) -> list[str] | None:
    """The finished cores without their white space next to a gap (that is the gaps' to
    finish); None unless there is one for each side of each gap, long enough to show which
    tag it begins with."""
    if cores is None or len(cores) != gaps + 1:
        return None
    last = len(cores) - 1
    stripped = [
        core.rstrip() if index == 0 else core.lstrip() if index == last else core.strip()
        for index, core in enumerate(cores)
    ]
    if not all(stripped) or any(len(core) < _LOOKAHEAD for core in stripped[1:]):
        return None
    return stripped


def _placed(inner: str, gaps: list[_Gap]) -> bool:
    """Tell each gap of `inner` (the marked page before `tightened`) whether it lies where
    `tightened` drops line breaks, and which of the marks of where the content begins and ends
    it may not hold; False when one lies across such a boundary."""
    start, end = inner.find(CONTENT), inner.rfind("</article>")
    for index, gap in enumerate(gaps):
        opening = inner.find(f"\x00<{index}\x00")
        closing = inner.find(f"\x00>{index}\x00", opening)
        if start < 0 or end < start:
            gap.tightened = False
        elif closing < start or opening > end:
            gap.tightened = True
        elif start < opening and closing < end:
            gap.tightened = False
        else:
            return False
        # the first beginning and the last end must stay where they are
        if start < 0 or closing < start:
            gap.not_in += (CONTENT,)
        if end < opening:
            gap.not_in += ("</article>",)
    return True
