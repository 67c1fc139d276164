"""Front matter closed early: a line `...` (YAML's end of document) or `---` closes it, as
YAML and MkDocs' own reader (`mkdocs.utils.meta`: `---` or `...`, then spaces or tabs) agree,
so the fields after such a line are the body's first lines. Under a closing `---` Markdown
makes them a heading: `draft: true` would be published as the story's first words.

Lines of `key: value` at the top of a body, closed by another `---` or `...` line, are a
second block of front matter; under a closing `...`, which no one writes to start a story,
so are such lines without a closing line below them. Where one of them is a field that can
hold the story back (`draft`, `date`, `expires`, or what other generators call them:
`published`, `embargo`) the article is held back: when in doubt, do not publish. Where they
are only other fields of Newsroom's, one line says so and the article is published as
written; lines of other names (`Update: ...`) are the story's.
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from ..problems import Problem
from .fields import FIELDS
from .said import named_field

if TYPE_CHECKING:
    from .frontmatter import FrontMatter

_KEY = re.compile(r"([A-Za-z_][\w.-]*)[ \t]*:(?:[ \t]|$)")
_CLOSING = ("---", "...")
# how far down a body the second block's closing line is looked for: no front matter is longer
_LOOKED_AT, _LOOKED_AT_CHARACTERS = 400, 16_384


def front_matter_below(
    source: str, text: str, front_matter: FrontMatter
) -> tuple[list[Problem], bool]:
    """What to say of a second block of front matter at the top of the body of `text` (an
    article, read into `front_matter`), and whether the article is held back for it."""
    body, body_line = front_matter.body, front_matter.body_line
    if not body or body.isspace():  # isspace stops at the first letter; strip copies
        return [], False
    head = text[: len(text) - len(body) - 1]
    closed_by = head[head.rfind("\n") + 1 :].rstrip()
    keys = _keys_of_second_block(body, body_line, fenced=closed_by != "...")
    known = [(name, line) for name, line in keys if named_field(name)]
    if not known:
        return [], False
    held = [name for name, _line in known if FIELDS[named_field(name)].holds_back]
    closing = body_line - 1
    said = (
        f"the front matter closes on line {closing} ('{closed_by}'), and the lines below it "
        f"look like more front matter ({', '.join(repr(n) for n, _ in known[:5])}), which "
        f"would be published as text; move them above line {closing}, and delete any second "
        "closing line"
    )
    if held:
        said += f"; '{held[0]}' can hold the article back, so the article was skipped"
    return [Problem(source, said, known[0][1])], bool(held)


def _keys_of_second_block(body: str, body_line: int, *, fenced: bool) -> list[tuple[str, int]]:
    """The keys (with their lines) of the `key: value` lines at the top of `body`, if a
    closing line follows them (or, unless `fenced`, whatever follows them); blank, indented
    and `- item` lines may come between."""
    keys: list[tuple[str, int]] = []
    lines = body[:_LOOKED_AT_CHARACTERS].split("\n", _LOOKED_AT)  # never the whole body
    for offset, line in enumerate(itertools.islice(lines, _LOOKED_AT)):
        text = line.rstrip()
        if text in _CLOSING:
            return keys
        if not text or (keys and (line[0] in " \t" or text == "-" or text.startswith("- "))):
            continue
        found = _KEY.match(text)
        if found is None:
            return [] if fenced else keys
        keys.append((found[1], body_line + offset))
    return [] if fenced else keys
