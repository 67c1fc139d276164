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


def collect_young_seldom() -> None:
    """Python's collector looks at new objects every YOUNG_OBJECTS allocations instead of 700
    until `collect_as_before()`. A build allocates tens of millions of objects that reference
    counting frees (tokens, cards, dictionaries of values), and with Python's threshold their
    comings and goings set off a young collection every 700, some thousands a build: 0.9 s of
    CPU at 10,000 articles, 3 % of the build; with 100,000, none in the workers and three in
    this process (bench/RESULTS.md). What is garbage only by a cycle waits longer, a few MB
    at most. The thresholds are the process's: Python's are kept once, until put back."""
    if not _PYTHONS:
        _PYTHONS.append(gc.get_threshold())
        gc.set_threshold(YOUNG_OBJECTS, *_PYTHONS[0][1:])


def collect_as_before() -> None:
    """Python's thresholds back, when a build ends or fails."""
    if _PYTHONS:
        gc.set_threshold(*_PYTHONS.pop())


_PYTHONS: list[tuple[int, int, int]] = []  # the thresholds before collect_young_seldom()


def release_free_memory() -> None:
    """Give the system back the memory the reading freed, before processes are forked for the
    pages, the search index and the feeds: each would start with the reading's high-water
    mark (at 50,000 articles, 200 MB that nothing uses). glibc keeps freed memory for the
    process unless asked (`malloc_trim`); elsewhere this does nothing."""
    try:
        ctypes.CDLL(None).malloc_trim(0)  # the C library the process was linked with
    except (OSError, AttributeError):  # not glibc
        return
