"""Python's heap during a clean build: what the build holds left out of garbage collection
from the first fork on, young objects collected seldom, freed memory given back before
processes are forked. (`mkdocs serve` keeps its own tuning: preview/heap.py.)"""

from __future__ import annotations

import ctypes
import gc

YOUNG_OBJECTS = 100_000  # new objects between two young collections while a build runs


def freeze_heap() -> None:
    """Leave the objects alive now out of Python's cyclic garbage collection until
    `thaw_heap()`: the articles, the catalogue, what a build keeps to its end. Done before each
    fork, as a worker's full collection would otherwise walk the whole heap it inherited and,
    writing to each object it walks, copy every page of it; and in this process, where full
    collections of that growing heap between reading and writing were a second and more of
    wall time at 10,000 articles."""
    gc.freeze()


def thaw_heap() -> None:
    """What `freeze_heap()` left out is collected again (when the next build starts)."""
    gc.unfreeze()


class FewerCollections:
    """Python's collector looks at new objects every `young` allocations instead of 700 while
    a build runs. A build allocates tens of millions of objects that reference counting
    frees (tokens, cards, dictionaries of values), and with Python's threshold their
    comings and goings set off a young collection every 700, some thousands a build: 0.9 s
    of CPU at 10,000 articles, 3 % of the build; with 100,000, none in the workers and three
    in this process (bench/RESULTS.md). What is garbage only by a cycle waits longer, a few
    MB at most."""

    def __init__(self, young: int = YOUNG_OBJECTS) -> None:
        self._young = young
        self._thresholds: tuple[int, int, int] | None = None  # Python's, while changed

    def start(self) -> None:
        if self._thresholds is None:
            self._thresholds = gc.get_threshold()
            gc.set_threshold(self._young, *self._thresholds[1:])

    def end(self) -> None:
        if self._thresholds is not None:
            gc.set_threshold(*self._thresholds)
            self._thresholds = None


def release_free_memory() -> None:
    """Give the system back the memory the reading freed, before processes are forked for the
    pages, the search index and the feeds: each would start with the reading's high-water
    mark (at 50,000 articles, 200 MB that nothing uses). glibc keeps freed memory for the
    process unless asked (`malloc_trim`); elsewhere this does nothing."""
    try:
        ctypes.CDLL(None).malloc_trim(0)  # the C library the process was linked with
    except (OSError, AttributeError):  # not glibc
        return
