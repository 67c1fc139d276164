"""What the last build made, kept so that a build of `mkdocs serve` can reuse it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable

T = TypeVar("T")


class MadeBefore(Generic[T]):
    """What the last build made (page objects, feeds, file contents), by name, with the
    inputs it was made from. A rebuild asks again with this build's inputs and gets the same
    object back if they are equal; comparing is cheap because an article equals only itself,
    and unchanged articles are the same objects from one build to the next
    (catalogue.placement.PlacedArticles)."""

    def __init__(self) -> None:
        self._context: Hashable = None
        self._last: dict[str, tuple[Any, T]] = {}
        self._now: dict[str, tuple[Any, T]] = {}

    def start(self, context: Hashable) -> None:
        """Begin a build; what was made in another `context` (a configuration) is not reused."""
        if context != self._context:
            self._last = {}
        self._context = context
        self._now = {}

    def get(self, name: str, inputs: Any, make: Callable[[], T]) -> T:
        previous = self._last.get(name)
        made = previous[1] if previous is not None and previous[0] == inputs else make()
        self._now[name] = (inputs, made)
        return made

    def finish(self) -> None:
        """Keep what this build made, and only that."""
        self._last, self._now = self._now, {}

    def forget_made_of(self, item: object) -> None:
        """Make again, when next asked, whatever was made with `item` among its inputs (found
        by identity, in tuples and lists): `item` changed in place."""
        self._last = {name: made for name, made in self._last.items() if not _holds(made[0], item)}


def _holds(inputs: Any, item: object) -> bool:
    if inputs is item:
        return True
    return isinstance(inputs, tuple | list) and any(_holds(part, item) for part in inputs)
