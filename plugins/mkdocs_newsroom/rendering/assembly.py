"""A news page put together from Material's page, rendered once for the many pages that show
it alike, and the page's own blocks, rendered for each page.

Rendering a page through Material's `base.html` walks the whole shell (head, header, tabs,
footer, Material's configuration and scripts) for every page: about half of the time spent
rendering an article. Pages of one template at one depth, in one edition and navigation
state, differ only in their own blocks (OWN_BLOCKS): the whole template is rendered for one
of them with a mark around each of those blocks, the marks cut it into a skeleton, and each
later page renders only its own blocks into the gaps, through the same block functions Jinja
would call (overrides of `overrides/` included).

The skeleton is trusted only once it has shown that it holds: the first two pages of a kind
are rendered whole; their skeletons must be equal (nothing outside the own blocks depends on
the page) and each own block rendered alone must give what it gave inside the page (it needs
nothing that only the whole template sets). A template that fails either is rendered whole,
page after page: slower, never different.

Some blocks of a template may be joined as strings instead (a `Joiner`: article_blocks.py).
A joiner is trusted the same way: on the first page of each shape it names, its blocks must
come out as Jinja's do once their white space is squeezed (finishing.py squeezes every page's);
on the first that does not, the template's blocks go back to Jinja for good. Joined blocks
equal Jinja's only once each is squeezed alone: a page that has to be squeezed whole (a `<pre`
left open across its blocks keeps their white space) takes Jinja's (`Filled.jinja_blocks`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from .cards import compact
from .contexts import fresh_context, rendered

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping

    from jinja2 import Template
    from jinja2.runtime import Context

    BlockFunction = Callable[[Context], Iterator[str]]

# The blocks that hold what differs from page to page. The header differs by the page title
# only, and comes from ShellCache's copy (shell.py).
OWN_BLOCKS = ("site_meta", "htmltitle", "extrahead", "header", "content")
# What Material's base.html sets outside its blocks and its blocks read: the same on every
# page of a kind (they follow the configuration and the edition's language).
SHELL_NAMES = ("lang", "features", "direction", "palette", "scheme", "primary", "accent")

_OPEN, _CLOSE = "\x00newsroom-block:", "\x00/newsroom-block\x00"
_MARKED = re.compile(f"{_OPEN}(\\w+)\x00(.*?){_CLOSE}", re.DOTALL)


class Joiner(Protocol):
    """Own blocks of a template joined as strings: `blocks` gives those it joins for a page
    (the others are Jinja's)."""

    def shape(self, page: Any) -> tuple[object, ...]:
        """What decides which branches of the templates a page takes."""

    def blocks(self, values: Mapping[str, Any]) -> dict[str, str]: ...


@dataclass(eq=False)
class Skeleton:
    """A page of a kind with its own blocks cut out: `parts` alternates the shell's text and
    the names of the blocks that go between."""

    parts: list[str]
    shell_vars: dict[str, Any]

    def fill(self, blocks: Mapping[str, str]) -> str:
        return "".join(blocks[part] if index % 2 else part for index, part in enumerate(self.parts))


class Filled(NamedTuple):
    """A page as a skeleton and the blocks that fill it (`skeleton.fill(blocks)`), left apart
    so that what is done to every page may be done to the skeleton once (finishing.py).
    `jinja_blocks`, where some blocks were joined: the blocks as Jinja renders them, for a
    page squeezed whole (joined blocks are Jinja's once each is squeezed alone, which a `<pre>`
    open across them would prevent)."""

    skeleton: Skeleton
    blocks: dict[str, str]
    jinja_blocks: Callable[[], dict[str, str]] | None = None


@dataclass
class PageAssembly:
    """Skeletons by kind of page (the key the caller gives); one per process."""

    _chains: dict[str, dict[str, list[BlockFunction]]] = field(default_factory=dict)
    _first: dict[tuple[object, ...], Skeleton] = field(default_factory=dict)  # on trial
    _trusted: dict[tuple[object, ...], Skeleton] = field(default_factory=dict)
    _whole: set[tuple[object, ...]] = field(default_factory=set)  # kinds rendered whole
    joiners: dict[str, Joiner] = field(default_factory=dict)  # by template
    _joined_shapes: set[tuple[object, ...]] = field(default_factory=set)  # shown to hold

    def render(
        self, template: Template, context: dict[str, Any], key: tuple[object, ...]
    ) -> str | Filled:
        name = str(template.name)
        chain = self._chains.get(name)
        if chain is None:  # the first page of a template: learn which block functions it has
            html, self._chains[name] = _render_whole(template, context)
            return html
        key = (name, *key)
        if key in self._whole:
            return _render_whole(template, context)[0]
        if (trusted := self._trusted.get(key)) is not None:
            return self._blocks(trusted, template, context, chain)
        html, made = _render_marked(template, context, chain)
        first = self._first.pop(key, None)
        if made is None or (first is not None and first.parts != made.parts):
            self._whole.add(key)
        elif first is None:
            self._first[key] = made
        else:  # the second page of its kind has the first's skeleton
            self._trusted[key] = made
        return html

    def _blocks(
        self,
        skeleton: Skeleton,
        template: Template,
        values: dict[str, Any],
        chain: dict[str, list[BlockFunction]],
    ) -> Filled:
        name, shell_vars = str(template.name), skeleton.shell_vars
        joiner = self.joiners.get(name)
        if joiner is None:
            return Filled(skeleton, _own_blocks(template, values, chain, shell_vars))
        try:
            joined = joiner.blocks(values)
            names = tuple(joined)  # of its names, those it could join for this page
            shape = (name, *joiner.shape(values["page"]), names)
        except Exception:  # a page the joiner does not know: Jinja renders it
            shape, joined, names = (), {}, ()
        if shape in self._joined_shapes:
            rest = _own_blocks(template, values, chain, shell_vars, _others(names))

            def jinja_blocks() -> dict[str, str]:
                return {**rest, **_own_blocks(template, values, chain, shell_vars, names)}

            return Filled(skeleton, {**rest, **joined}, jinja_blocks)
        blocks = _own_blocks(template, values, chain, shell_vars)
        if shape and all(compact(joined[block]) == compact(blocks[block]) for block in names):
            self._joined_shapes.add(shape)
        else:
            del self.joiners[name]
        return Filled(skeleton, blocks)


def _others(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(block for block in OWN_BLOCKS if block not in names)


def _render_whole(
    template: Template, values: dict[str, Any]
) -> tuple[str, dict[str, list[BlockFunction]]]:
    context = fresh_context(template, values)
    html = rendered(template, context)
    return html, {name: list(functions) for name, functions in context.blocks.items()}


def _render_marked(
    template: Template, values: dict[str, Any], chain: dict[str, list[BlockFunction]]
) -> tuple[str, Skeleton | None]:
    """The page, rendered whole with its own blocks marked; and its skeleton, or None when
    an own block rendered alone differs from what it gave in the page."""
    context = fresh_context(template, values)
    context.blocks = _KnownBlocks(
        {
            name: [_marked(name, functions[0]), *functions] if name in OWN_BLOCKS else functions
            for name, functions in chain.items()
        }
    )
    marked = rendered(template, context)
    html = _MARKED.sub(r"\2", marked)
    shell_vars = {name: context.vars[name] for name in SHELL_NAMES if name in context.vars}
    pieces = _MARKED.split(marked)  # text, name, block, text, name, block, ..., text
    parts = [piece for index, piece in enumerate(pieces) if index % 3 != 2]
    in_page = {pieces[index]: pieces[index + 1] for index in range(1, len(pieces), 3)}
    try:
        alone = _own_blocks(template, values, chain, shell_vars)
    except Exception:  # a block that needs what only the whole template sets
        return html, None
    if any(alone.get(name) != block for name, block in in_page.items()):
        return html, None
    return html, Skeleton(parts, shell_vars)


def _own_blocks(
    template: Template,
    values: dict[str, Any],
    chain: dict[str, list[BlockFunction]],
    shell_vars: dict[str, Any],
    names: tuple[str, ...] = OWN_BLOCKS,
) -> dict[str, str]:
    if not names:  # every block joined (article_blocks.py)
        return {}
    context = fresh_context(template, {**values, **shell_vars})
    context.blocks = _KnownBlocks({name: list(functions) for name, functions in chain.items()})
    concat = template.environment.concat
    return {name: concat(chain[name][0](context)) for name in names if name in chain}


def _marked(name: str, function: BlockFunction) -> BlockFunction:
    def render(context: Context) -> Iterator[str]:
        yield f"{_OPEN}{name}\x00"
        yield from function(context)
        yield _CLOSE

    return render


class _KnownBlocks(dict[str, list[Any]]):
    """A context's blocks with each template's chain already in place: the `{% extends %}`
    of every template in the chain adds its parent's blocks again, to a list thrown away."""

    def setdefault(self, key: str, default: list[Any] | None = None) -> list[Any]:
        if key in self:
            return []
        return super().setdefault(key, default if default is not None else [])
