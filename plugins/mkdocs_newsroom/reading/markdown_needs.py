"""Python-Markdown, with a regular-expression search skipped where it cannot find anything.

Markdown tries every inline pattern (14 of its own, more with extensions) on every text, each a
regular-expression search from where the last match ended, though most patterns need a
character (`[`, `*`, `<`, a backtick) the text does not hold: at 2,000 articles, ~490,000
searches, the largest single cost of reading. Its block parser likewise searches every
paragraph for a '>' of a quotation, a '#' of a heading, a line of '-' or '=' under one, and a
rule. Each expression is read once, with Python's own parser, for the sets of characters every
match must contain; where the text from the search's start lacks every character of one of
those sets, the search could not have matched, and Markdown goes on as if it had searched.
What happens once an expression matches is untouched, so the HTML is the same for any text and
any extension's patterns; an expression that cannot be read needs nothing and is always
searched. So are the two searches every body gets whole: a reference definition's (`[id]:
url`, tried on every paragraph) and a fenced code block's (the whole text, for a line of
backticks or tildes).

The table of contents (`toc`, which MkDocs always loads) walks a body three times and
serialises a table even for a body without headings, as most news stories are: a tenth of
Markdown's time. Where the body has no heading and no `[TOC]` marker, the table of a body
without headings, made once, is given instead (the page itself is not touched either way).
"""

from __future__ import annotations

import functools
import importlib
import re
import xml.etree.ElementTree as etree
from typing import TYPE_CHECKING, Any, cast

from markdown import blockprocessors, treeprocessors, util
from markdown.extensions.fenced_code import FencedBlockPreprocessor
from markdown.extensions.toc import TocTreeprocessor

if TYPE_CHECKING:
    from collections.abc import Callable
    from xml.etree.ElementTree import Element

    from markdown import Markdown

# Python's regular-expression parser is private; without it (another Python), nothing is needed
try:
    _parser: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover
    _parser = None

_LARGEST_SET = 16  # characters; a larger set is nearly always in the text, not worth the looks
_LARGEST_RANGE = 64


# Markdown's block processors whose test is False wherever the expression (the attribute named)
# finds nothing in the block, and has no other effect then
_BLOCK_TESTS = {
    blockprocessors.BlockQuoteProcessor: "RE",
    blockprocessors.HashHeaderProcessor: "RE",
    blockprocessors.SetextHeaderProcessor: "RE",
    blockprocessors.HRProcessor: "SEARCH_RE",
}


def speed_up(md: Markdown) -> None:
    """Skip the searches that cannot match in `md`'s inline stage and block tests, where these
    are Markdown's own (an extension's replacement or subclass is left as it is)."""
    if _parser is None:  # pragma: no cover
        return
    if "inline" in md.treeprocessors:
        current = md.treeprocessors["inline"]
        if type(current) is treeprocessors.InlineProcessor:
            registered = cast("Any", md.treeprocessors)._priority  # the stubs leave it out
            priority = next(item.priority for item in registered if item.name == "inline")
            md.treeprocessors.register(NeedfulInlineProcessor(md), "inline", priority)
    for processor in md.parser.blockprocessors:
        kind = type(processor)
        attribute = _BLOCK_TESTS.get(kind)
        if attribute and "test" not in vars(processor):  # that class itself, its own test
            processor.test = _needful_test(processor, attribute)  # type: ignore[method-assign,assignment]
        if type(processor) is blockprocessors.ReferenceProcessor and "run" not in vars(processor):
            processor.run = _needful_references(processor)  # type: ignore[method-assign,assignment]
    for preprocessor in md.preprocessors:
        if type(preprocessor) is FencedBlockPreprocessor and "run" not in vars(preprocessor):
            preprocessor.run = _needful_fences(preprocessor)  # type: ignore[method-assign,assignment]
    if "toc" in md.treeprocessors:
        toc = md.treeprocessors["toc"]
        if type(toc) is TocTreeprocessor and "run" not in vars(toc):
            toc.run = _needful_toc(md, toc)  # type: ignore[method-assign,assignment]


def _needful_test(
    processor: blockprocessors.BlockProcessor, attribute: str
) -> Callable[[Element, str], bool]:
    test = processor.test

    def needful_test(parent: Element, block: str) -> bool:
        expression = getattr(processor, attribute)  # as the test itself reads it, every time
        return not _cannot_match(expression, block) and test(parent, block)

    return needful_test


def _needful_references(
    processor: blockprocessors.ReferenceProcessor,
) -> Callable[[Element, list[str]], bool | None]:
    run = processor.run

    def needful_run(parent: Element, blocks: list[str]) -> bool | None:
        if _cannot_match(processor.RE, blocks[0]):
            return False  # what the run does when it finds nothing: the block left in place
        return run(parent, blocks)

    return needful_run


def _needful_fences(preprocessor: FencedBlockPreprocessor) -> Callable[[list[str]], list[str]]:
    run = preprocessor.run

    def needful_run(lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if _cannot_match(preprocessor.FENCED_BLOCK_RE, text):
            return text.split("\n")  # what the run returns when it finds nothing
        return run(lines)

    return needful_run


def _needful_toc(md: Markdown, toc: TocTreeprocessor) -> Callable[[Element], None]:
    run = toc.run
    without_headings: list[str] = []  # the table of a body without headings, made once

    def needful_run(doc: Element) -> None:
        if _has_headings_or_marker(doc, toc.header_rgx, toc.marker):
            run(doc)
            return
        if not without_headings:
            run(etree.Element("div"))
            without_headings.append(md.toc)  # type: ignore[attr-defined]
        md.toc_tokens = []  # type: ignore[attr-defined]
        md.toc = without_headings[0]  # type: ignore[attr-defined]

    return needful_run


def _has_headings_or_marker(doc: Element, heading: re.Pattern[str], marker: str) -> bool:
    """Whether `doc` holds an element the table of contents reads: a heading, or one whose
    only content is the marker."""
    for element in doc.iter():
        tag = element.tag
        if isinstance(tag, str) and heading.match(tag):
            return True
        text = element.text
        if marker and text and len(element) == 0 and text.strip() == marker:
            return True
    return False


class NeedfulInlineProcessor(treeprocessors.InlineProcessor):
    """Markdown's InlineProcessor; its loop over the patterns (`__handleInline`, which the name
    below overrides) passes over a pattern whose needed characters are missing."""

    _patterns: list[tuple[Any, tuple[str, ...]]]

    def run(self, tree: Element, ancestors: list[str] | None = None) -> Element:
        # the patterns as Markdown would index them one by one, read once per run
        self._patterns = [(pattern, _needs(pattern)) for pattern in self.inlinePatterns]
        return super().run(tree, ancestors)

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:
        if isinstance(data, util.AtomicString):
            return data
        apply = self._InlineProcessor__applyPattern  # type: ignore[attr-defined]
        patterns = self._patterns
        count = len(patterns)
        start = 0
        while patternIndex < count:
            pattern, needs = patterns[patternIndex]
            if needs and _lacks(data, start, needs):
                # what Markdown's search finding nothing returns
                matched, start = False, 0
            else:
                data, matched, start = apply(pattern, data, patternIndex, start)
            if not matched:
                patternIndex += 1
        return data


def _cannot_match(expression: re.Pattern[str], text: str) -> bool:
    """Whether `text` lacks every character of one of the sets each match of `expression`
    holds (Markdown's block searches, over a whole block or text)."""
    needs = needed_sets(expression.pattern, expression.flags)
    return bool(needs) and _lacks(text, 0, needs)


def _lacks(data: str, start: int, needs: tuple[str, ...]) -> bool:
    """Whether `data` from `start` holds no character of one of the sets in `needs`."""
    for chars in needs:
        for char in chars:
            if data.find(char, start) >= 0:
                break
        else:
            return True
    return False


def _needs(pattern: Any) -> tuple[str, ...]:
    compiled = pattern.getCompiledRegExp()
    if not isinstance(compiled, re.Pattern) or not isinstance(compiled.pattern, str):
        return ()
    return needed_sets(compiled.pattern, compiled.flags)


@functools.cache
def needed_sets(source: str, flags: int) -> tuple[str, ...]:
    """Sets of characters (each as a string) of which every match of the expression holds at
    least one, those least likely to be in prose first; none where it cannot tell."""
    try:
        parsed = _parser.parse(source, flags)
        found = _sequence(parsed, parsed.state.flags)
    except Exception:  # an expression it cannot read needs nothing
        return ()
    kept = {"".join(sorted(chars)) for chars in found if len(chars) <= _LARGEST_SET}
    return tuple(sorted(kept, key=lambda chars: (_common(chars), len(chars), chars)))


def _common(chars: str) -> int:
    return sum(char.isalnum() or char == " " for char in chars)


def _sequence(items: Any, flags: int) -> list[frozenset[str]]:
    """The needed sets of a sequence of parsed items: every item's, as all must match."""
    found: list[frozenset[str]] = []
    for op, value in items:
        found.extend(_item(op, value, flags))
    return found


def _item(op: Any, value: Any, flags: int) -> list[frozenset[str]]:
    p = _parser
    if op is p.LITERAL:
        return _cased({chr(value)}, flags)
    if op is p.IN:
        return _cased(_members(value), flags)
    if op in (p.MAX_REPEAT, p.MIN_REPEAT, p.POSSESSIVE_REPEAT):
        least, _, repeated = value
        return _sequence(repeated, flags) if least >= 1 else []
    if op is p.SUBPATTERN:
        _, add_flags, del_flags, inner = value
        return _sequence(inner, (flags | add_flags) & ~del_flags)
    if op is p.ATOMIC_GROUP:
        return _sequence(value, flags)
    if op is p.BRANCH:
        return _branch(value[1], flags)
    if op is p.ASSERT and value[0] == 1:  # a look-ahead reads the text from the match on
        return _sequence(value[1], flags)
    # look-behinds (they read before the search's start), negative look-arounds, anchors, any
    # character, categories, back-references: nothing needed
    return []


def _branch(alternatives: Any, flags: int) -> list[frozenset[str]]:
    """One set for alternatives: the union of a needed set of each, if each has one."""
    union: set[str] = set()
    for alternative in alternatives:
        found = _sequence(alternative, flags)
        if not found:
            return []
        union |= min(found, key=len)
    return [frozenset(union)]


def _members(items: Any) -> set[str] | None:
    """The characters of a class like `[*_]` or `[a-f]`; None for a negated class, a category
    (`\\s`) or a wide range."""
    p = _parser
    chars: set[str] = set()
    for op, value in items:
        if op is p.LITERAL:
            chars.add(chr(value))
        elif op is p.RANGE and value[1] - value[0] < _LARGEST_RANGE:
            chars.update(chr(code) for code in range(value[0], value[1] + 1))
        else:
            return None
    return chars


def _cased(chars: set[str] | None, flags: int) -> list[frozenset[str]]:
    """`chars` as a needed set; where case is ignored, only if none has another case (ASCII
    punctuation, digits, spaces), as case folding can match other characters than it names."""
    if not chars:
        return []
    if flags & re.IGNORECASE and not all(char.isascii() and not char.isalpha() for char in chars):
        return []
    return [frozenset(chars)]
