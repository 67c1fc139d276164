"""How the reading's work is shared: the map the build hands in (forked processes under
`mkdocs build`, in order otherwise), and functions that can say what became of an item
whose process was lost."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

A = TypeVar("A")
B = TypeVar("B")


class MapFunction(Protocol):
    """`[function(item) for item in items]`, perhaps shared among processes: the build hands
    one in (Python-Markdown is most of the cost of reading an article)."""

    def __call__(self, function: Callable[[A], B], items: Sequence[A], /) -> list[B]: ...


def in_order(function: Callable[[A], B], items: Sequence[A], /) -> list[B]:
    return [function(item) for item in items]


@dataclass(frozen=True)
class Recoverable(Generic[A, B]):
    """A function for a MapFunction that can say what became of an item whose process was
    lost before it handed its results back (killed, for want of memory): `lost(item)`, run
    in the build's own process instead of failing the whole build."""

    run: Callable[[A], B]
    lost: Callable[[A], B]

    def __call__(self, item: A, /) -> B:
        return self.run(item)
