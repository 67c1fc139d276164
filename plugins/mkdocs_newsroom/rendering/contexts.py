"""A template's context made, and the template rendered in it, as `Template.render` does:
with the template's globals (a ChainMap over the environment's) made one dict first, where
Jinja copies them key by key in Python for every render (see docs/architecture.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from jinja2.runtime import new_context

if TYPE_CHECKING:
    from jinja2 import Template
    from jinja2.runtime import Context


def fresh_context(template: Template, values: dict[str, Any]) -> Context:
    """`template.new_context(values)`."""
    flat: dict[str, Any] = {}
    for globals_ in reversed(getattr(template.globals, "maps", [template.globals])):
        flat.update(globals_)  # the environment's, then the template's own over them
    return new_context(
        template.environment, template.name, template.blocks, {**flat, **values}, True, flat
    )


def rendered(template: Template, context: Context) -> str:
    """The whole template in `context`, as `Template.render` does it."""
    try:
        return template.environment.concat(template.root_render_func(context))
    except Exception:
        template.environment.handle_exception()
