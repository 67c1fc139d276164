"""Split an article into YAML front matter and body, keeping every field's position in the file.

We parse front matter ourselves: MkDocs silently ignores broken YAML, and python-frontmatter
returns `{}` on a byte-order mark or a missing closing line. Here every problem becomes an
`ArticleError` that names the file, line and column.

Fields keep their YAML node, so that a string field gets the text as written (`title: No` is
the headline "No", not `False`) and a problem can point at the line of its key.

YAML aliases (`&a` ... `*a`) let a few hundred bytes stand for billions of values (the "YAML
bomb"). A value that would hold more than `ALIAS_BUDGET` values beyond those written out, or
that holds itself, is refused before anything walks it; every walk of the nodes remembers the
nodes it has seen.

A YAML merge key (`<<: {draft: true}`) at the top of the front matter is refused: YAML would
read fields from it that a reader of the file may not see, and a field that holds a story back
is never guessed at (#16). A field given twice is kept once (the last), its earlier keys in
`FrontMatter.repeated`: the article reader decides what to say of it.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import yaml

from ..directions import balanced, character_codes, held_character, invalid_removed, left_open
from ..problems import ArticleError, Problem
from .yaml_bounds import (
    MAX_DEPTH,
    TOO_DEEP,
    alias_expansion_problem,
    deep_mark,
    surrogate_escape,
    too_deep,
)
from .yaml_said import UNKNOWN_ESCAPE, unclosed_said

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MERGE = "tag:yaml.org,2002:merge"


class _Loader(_BaseLoader):  # type: ignore[valid-type,misc]
    """YAML's safe loader, except that dates stay text: the metadata readers parse them."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != _TIMESTAMP]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}
_FENCE = "---"
_FIRST_LINE = 2  # the file's line of the front matter's first (after the opening '---')
_CLOSING_FENCES = ("---", "...")


class FilePlaces:
    """Where a mark of YAML read from `text` stands in the file (line and column from 1;
    `text` starts on the file's line `first_line`). YAML breaks lines at U+2028 and U+2029
    too, which editors and Newsroom's lines do not: with either in the text, the place is
    counted from the mark's index (in characters, with or without libyaml)."""

    def __init__(self, text: str = "", first_line: int = _FIRST_LINE) -> None:
        self._first_line = first_line
        separators = "\u2028" in text or "\u2029" in text
        self._breaks = [i for i, c in enumerate(text) if c == "\n"] if separators else None

    def __call__(self, mark: yaml.Mark) -> tuple[int, int]:
        if self._breaks is None:
            return mark.line + self._first_line, mark.column + 1
        line = bisect_left(self._breaks, mark.index)
        start = self._breaks[line - 1] + 1 if line else 0
        return line + self._first_line, mark.index - start + 1


@dataclass(frozen=True)
class Field:
    """One top-level front-matter field: its YAML node and where its key stands."""

    name: str
    node: yaml.Node
    line: int
    value: Any
    place: FilePlaces = field(default_factory=FilePlaces, repr=False, compare=False)

    def at(self, node: yaml.Node) -> tuple[int, int]:
        """Where `node`, a part of this field's value, starts in the file: line, column."""
        return self.place(node.start_mark)

    @property
    def text(self) -> str | None:
        """The scalar exactly as written ('' for a null such as `~`), or None if the value is
        a list or mapping."""
        if isinstance(self.node, yaml.ScalarNode):
            return "" if self.value is None else str(self.node.value)
        return None


@dataclass(frozen=True)
class FrontMatter:
    fields: dict[str, Field]
    body: str
    body_line: int
    notices: tuple[Problem, ...] = ()
    # Each field given more than once: its earlier keys, first first (`fields` holds the last)
    repeated: Mapping[str, tuple[Field, ...]] = field(default_factory=dict)


def split_front_matter(path: str, text: str) -> tuple[str, str, int]:
    """Return (yaml text, body, line where the body starts)."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != _FENCE:
        raise ArticleError(Problem(path, _no_front_matter(path, lines), 1))
    for index in range(1, len(lines)):
        if lines[index].rstrip() in _CLOSING_FENCES:
            yaml_text = "\n".join(lines[1:index])
            body = "\n".join(lines[index + 1 :])
            return yaml_text, body, index + 2
    raise ArticleError(
        Problem(
            path,
            "the front matter is never closed: add a line '---' after its last field",
            1,
        )
    )


def _no_front_matter(path: str, lines: list[str]) -> str:
    """What to do about a file whose first line is not '---': its '---' may be a line down,
    or behind characters nobody sees (UNSEEN)."""
    opening = next((n for n, line in enumerate(lines[:20]) if line.strip(UNSEEN) == _FENCE), -1)
    if opening > 0 and not any(line.strip(UNSEEN) for line in lines[:opening]):
        return f"the front matter's '---' is on line {opening + 1}: remove the blank lines above it"
    if opening == 0:
        shown = character_codes(lines[0].replace("-", ""))
        return f"the first line holds characters besides '---' ({shown}): make it '---' alone"
    wire = path.lower().endswith(".txt")
    return (
        "no front matter: the file must start with a line '---', then 'title:' and 'date:' "
        "lines, then a closing '---'"
        + "; for a wire text, take it out of the articles folder and bring it in with 'newsroom "
        "import FOLDER --section ID --author ID', which writes its front matter" * wire
    )


UNSEEN = " \t\r\u00a0\u200b\u200c\u200d\u2060\ufeff"  # blank to a reader


_TAB = (
    "the front matter has a tab where YAML wants spaces: YAML indents with spaces only; "
    "replace the tab with spaces"
)


def _tab_at(text: str, index: int) -> bool:
    """Whether YAML stopped at a tab, or at the first character after tabs on its line."""
    line_start = text.rfind("\n", 0, index) + 1
    before = text[line_start : index + 1]
    return "\t" in before and not before.replace("\t", "").replace(" ", "")[:-1].strip()


def parse_front_matter(path: str, text: str) -> FrontMatter:
    yaml_text, body, body_line = split_front_matter(path, text)
    loader = _Loader(yaml_text)
    place = FilePlaces(yaml_text)
    try:
        root = loader.get_single_node()
        fields, repeated, notices = _read_fields(path, loader, root, place)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = place(mark) if mark else (None, None)
        problem = error.problem or error.context or "unreadable"
        surrogate = surrogate_escape(yaml_text, mark) if mark and "escape" in problem else None
        if surrogate is not None:
            line, column = place(surrogate[1])
        unclosed = unclosed_said(error)
        if unclosed and error.context_mark is not None:  # said where it opened, not where
            line, column = place(error.context_mark)  # YAML gave up looking for its end
        said = (
            f"the front matter {TOO_DEEP}"  # libyaml's limit, past 1,000 levels
            if "nesting depth" in problem
            else _TAB
            if mark is not None and _tab_at(yaml_text, mark.index)
            else f"the front matter is not valid YAML: {surrogate[0]}"
            if surrogate
            else f"the front matter is not valid YAML: {unclosed}"
            if unclosed
            else f"the front matter is not valid YAML: {UNKNOWN_ESCAPE}"
            if problem.startswith("found unknown escape character")
            else f"the front matter is not valid YAML ({problem}); fix it between the '---' "
            "lines, for example by quoting a value that contains ': ' or starts with a "
            "quote, '[', '{', '&', '*', '!', '|', '>', '%' or '@'"
        )
        raise ArticleError(Problem(path, said, line, column)) from None
    except RecursionError:  # PyYAML's own composer, without libyaml, nests by recursion
        mark = deep_mark(yaml_text)
        where = place(mark) if mark else (_FIRST_LINE, None)
        raise ArticleError(Problem(path, f"the front matter {TOO_DEEP}", *where)) from None
    except yaml.YAMLError as error:
        raise ArticleError(
            Problem(path, f"the front matter is not valid YAML ({_one_line(error)}); fix it", 2)
        ) from None
    finally:
        loader.dispose()
    return FrontMatter(fields, body, body_line, tuple(notices), repeated)


class _AnyTagLoader(_Loader):
    """The loader above, reading a value with a tag it does not know (`!ENV`,
    `!!python/name:...` in another site's mkdocs.yml) as nothing, never as code."""


def _no_value(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_AnyTagLoader.add_multi_constructor("", _no_value)


def load_document(
    path: str,
    text: str,
    *,
    any_tag: bool = False,
    inspect: Callable[[yaml.MappingNode, Callable[[yaml.Node], Any]], None] | None = None,
) -> Any:
    """A whole YAML document (an authors file, another site's configuration), with YAML's
    aliases held to `ALIAS_BUDGET`; its problems as an `ArticleError` at their line and column.
    With `any_tag`, values of unknown tags are read as nothing. `inspect` is handed a top-level
    mapping's node before it is read, and the function that reads a node of it (for where its
    keys stand: lines and columns from 0)."""
    loader = (_AnyTagLoader if any_tag else _Loader)(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return None
        if inspect is not None and isinstance(root, yaml.MappingNode):
            inspect(root, loader.construct_object)
        too_big = alias_expansion_problem(root)
        if too_big:
            raise ArticleError(Problem(path, f"the file {too_big}; write its values out", 1))
        return loader.construct_document(root)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = _one_line(error.problem or error.context or "unreadable")
        where = FilePlaces(text, 1)(mark) if mark else (None, None)
        said = f"it is not valid YAML ({problem})"
        surrogate = surrogate_escape(text, mark) if mark and "escape" in problem else None
        if surrogate is not None:  # as the front matter says it: what to write instead
            said, where = f"it is not valid YAML: {surrogate[0]}", FilePlaces(text, 1)(surrogate[1])
        elif mark is not None and _tab_at(text, mark.index):
            said = "it is not valid YAML (a tab where YAML wants spaces: YAML indents with "
            said += "spaces only; replace it)"
        raise ArticleError(Problem(path, said, *where)) from None
    except (yaml.YAMLError, RecursionError, ValueError, TypeError, OverflowError) as error:
        raise ArticleError(Problem(path, f"it is not valid YAML ({_one_line(error)})")) from None
    finally:
        loader.dispose()


def _read_fields(
    path: str, loader: yaml.SafeLoader, root: yaml.Node | None, place: FilePlaces
) -> tuple[dict[str, Field], dict[str, tuple[Field, ...]], list[Problem]]:
    if root is None:
        raise ArticleError(
            Problem(path, "the front matter is empty: add at least 'title:' and 'date:'", 2)
        )
    if not isinstance(root, yaml.MappingNode):
        raise ArticleError(
            Problem(
                path,
                "the front matter must be 'name: value' lines, not a list or a single value",
                *place(root.start_mark),
            )
        )
    fields: dict[str, Field] = {}
    repeated: dict[str, tuple[Field, ...]] = {}
    notices: list[Problem] = []
    sizes: dict[int, int] = {}
    for key_node, value_node in root.value:
        line, column = place(key_node.start_mark)
        if not isinstance(key_node, yaml.ScalarNode):
            raise ArticleError(
                Problem(
                    path,
                    "a front-matter field name must be a word, not a list or mapping; write "
                    "'name: value'",
                    line,
                    column,
                )
            )
        name = str(key_node.value)
        if key_node.tag == _MERGE or name == "<<":
            # YAML would take fields (a 'draft: true') from it: never read half of it
            raise ArticleError(
                Problem(
                    path,
                    "a YAML merge key ('<<') is not read in front matter; write each field it "
                    "brings in on a line of its own",
                    line,
                )
            )
        too_big = alias_expansion_problem(value_node, sizes)
        if too_big:
            raise ArticleError(
                Problem(path, f"field '{name}' {too_big}; write its values out", line)
            )
        # a value of fewer nodes than MAX_DEPTH cannot nest deeper (most are one scalar)
        deepest = too_deep(value_node) if sizes[id(value_node)] > MAX_DEPTH else None
        if deepest is not None:  # Python would recurse too deep to read it (past 250)
            where = place(deepest.start_mark)
            raise ArticleError(Problem(path, f"field '{name}' {TOO_DEEP}", *where))
        if name in fields:
            repeated[name] = (*repeated.get(name, ()), fields[name])
        # characters no page or feed may hold (YAML's escapes, "\x01" or "\uFFFE", make them
        # after the file was cleaned), and bidi controls left open (an alias refuses any)
        removed, opened = _cleaned(key_node, value_node, directions=name != "aliases")
        if opened:
            notices.append(Problem(path, left_open(f"field '{name}'", opened), line))
        if removed:
            notices.append(Problem(path, held_character(f"field '{name}'", removed), line))
        value = _construct(path, loader, name, value_node, place)
        fields[name] = Field(name, value_node, line, value, place)
    return fields, repeated, notices


def _construct(
    path: str, loader: yaml.SafeLoader, name: str, node: yaml.Node, place: FilePlaces
) -> Any:
    try:
        return loader.construct_object(node, deep=True)
    except yaml.MarkedYAMLError as error:
        # A tag YAML cannot construct safely (`!custom`, `!!python/...`) and the like
        mark = error.problem_mark or error.context_mark or node.start_mark
        raise ArticleError(
            Problem(
                path,
                f"field '{name}' cannot be read ({_one_line(error.problem or error.context)}); "
                "write a plain value, without a '!' tag",
                *place(mark),
            )
        ) from None
    except (yaml.YAMLError, ValueError, TypeError, OverflowError) as error:
        why = _one_line(error)
        if "int_max_str_digits" in why:  # Python's own advice would not help a reporter
            why = "a number of more than 4,300 digits"
        raise ArticleError(
            Problem(
                path,
                f"field '{name}' cannot be read ({why}); rewrite its value",
                *place(node.start_mark),
            )
        ) from None


def _cleaned(key: yaml.ScalarNode, value: yaml.Node, directions: bool) -> tuple[str, str]:
    """The scalars of a field made fit for pages: without the characters none may hold (the
    first found, as U+XXXX, or ''), and, with `directions`, without the bidi controls they
    leave open (the first, or ''). Each node is seen once, however many aliases name it."""
    key.value, invalid = invalid_removed(key.value)
    opened = ""
    pending, seen = [value], set()
    while pending:
        node = pending.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            node.value, taken = invalid_removed(node.value)
            invalid = invalid or taken
            if directions:
                node.value, left = balanced(node.value)
                opened = opened or left
        elif isinstance(node, yaml.SequenceNode):
            pending.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            pending.extend(part for pair in node.value for part in pair)
    return invalid, opened


def _one_line(error: object) -> str:
    return " ".join(str(error).split())
