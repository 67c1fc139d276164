"""How far YAML may go in a file Newsroom reads: the values its aliases ('*name') may add,
and how deep lists and mappings may nest (Python reads nesting by recursion, which gives out
past some 250 levels, with no place to name). Each walk of the nodes is iterative and
remembers the nodes it has seen."""

from __future__ import annotations

import re

import yaml

ALIAS_BUDGET = 10_000  # values a document may gain by aliases ('*name'), beyond those written
MAX_DEPTH = 100  # lists and mappings inside each other in a field, at most
TOO_DEEP = f"nests lists or mappings more than {MAX_DEPTH} levels deep; write it flatter"
_OPENING: tuple[type[yaml.Token], ...] = (yaml.BlockMappingStartToken, yaml.BlockSequenceStartToken)
_OPENING += (yaml.FlowMappingStartToken, yaml.FlowSequenceStartToken)
_CLOSING = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)


def too_deep(node: yaml.Node) -> yaml.Node | None:
    """A node of `node` deeper than `MAX_DEPTH` lists or mappings, if any."""
    pending, seen = [(node, 0)], set()
    while pending:
        current, depth = pending.pop()
        if depth >= MAX_DEPTH and isinstance(current, yaml.CollectionNode):
            return current
        if id(current) not in seen:
            seen.add(id(current))
            pending.extend((child, depth + 1) for child in _children(current))
    return None


def deep_mark(text: str) -> yaml.Mark | None:
    """Where the front matter `text` first nests deeper than `MAX_DEPTH` (its own mapping
    is one level more), read token by token: PyYAML's scanner does not recurse."""
    depth = 0
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            depth += isinstance(token, _OPENING) - isinstance(token, _CLOSING)
            if depth > MAX_DEPTH + 1:
                return token.start_mark  # type: ignore[no-any-return]
    except yaml.YAMLError:
        return None
    return None


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def alias_expansion_problem(node: yaml.Node, sizes: dict[int, int] | None = None) -> str:
    """What is wrong with `node` as YAML aliases expand it ('' if nothing): it would hold
    more than `ALIAS_BUDGET` values beyond its nodes as written, or itself. `sizes` keeps the
    expanded size of the nodes already measured (by id), so that shared nodes are measured
    once, whatever refers to them."""
    sizes = {} if sizes is None else sizes
    if isinstance(node, yaml.ScalarNode):  # most fields: one value, that aliases cannot grow
        sizes[id(node)] = 1
        return ""
    written: set[int] = set()
    in_progress: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(node, False)]
    while stack:
        current, children_done = stack.pop()
        key = id(current)
        written.add(key)
        if children_done:
            in_progress.discard(key)
            sizes[key] = 1 + sum(sizes[id(child)] for child in _children(current))
            if sizes[key] - len(written) > ALIAS_BUDGET:
                budget = f"{ALIAS_BUDGET:,}"
                return f"repeats values with YAML aliases ('*name') beyond {budget} of them"
            continue
        if key in sizes:
            continue
        if key in in_progress:
            return "holds itself through a YAML alias ('*name')"
        in_progress.add(key)
        stack.append((current, True))
        stack.extend((child, False) for child in _children(current) if id(child) not in sizes)
    return ""


_SURROGATE = re.compile(r"\\u([dD][89abAB][0-9a-fA-F]{2})(?:\\u([dD][c-fC-F][0-9a-fA-F]{2}))?")
_LOW_SURROGATE = re.compile(r"\\u[dD][c-fC-F][0-9a-fA-F]{2}")


def surrogate_escape(yaml_text: str, mark: yaml.Mark) -> tuple[str, yaml.Mark] | None:
    """What to write instead of the surrogate escape ('\\ud83d\\ude00', as JSON writes 😀) at
    which YAML stopped, if it stopped at one (YAML does not join surrogate pairs), and the
    mark of its backslash."""
    lines = yaml_text.splitlines()
    line = lines[mark.line] if mark.line < len(lines) else ""
    escapes = [*_SURROGATE.finditer(line), *_LOW_SURROGATE.finditer(line)]
    before = [escape for escape in escapes if escape.start() <= mark.column]
    found = max(before, key=lambda escape: escape.start(), default=None)
    if found is None:
        return None
    back = mark.column - found.start()
    at = yaml.Mark(mark.name, mark.index - back, mark.line, found.start(), None, 0)
    if found.re is _SURROGATE and found.group(2):
        high, low = int(found.group(1), 16), int(found.group(2), 16)
        code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
        return (
            f"'{found.group()}' is a surrogate pair, as JSON writes a character beyond U+FFFF, "
            f"and YAML does not join surrogate pairs; write '\\U{code:08X}' (in double quotes) "
            f"or the character itself ({chr(code)})"
        ), at
    return (
        f"'{found.group()}' is half of a surrogate pair, which YAML cannot hold; write the "
        "character itself, or its '\\U' escape of eight hex digits (such as '\\U0001F600')"
    ), at
