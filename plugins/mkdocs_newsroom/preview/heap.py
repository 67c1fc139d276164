"""Python's garbage collector tuned for a long `mkdocs serve` session."""

from __future__ import annotations

import gc


class LongLivedObjects:
    """Keeps Python's garbage collector from walking what a `mkdocs serve` session keeps.

    A full collection visits every object the process holds; the caches above hold hundreds
    of thousands, and each rebuild allocates enough to set off one full collection: 0.2 s of
    a preview at 10,000 articles. When the first build ends, its garbage is collected and
    what survives (the caches, pages kept for reuse) is frozen out of later collections
    (`gc.freeze`), at the end of a build that takes seconds anyway rather than on the first
    save. What was frozen and later dropped (replaced pages and articles, the first build's
    own MkDocs objects) is reclaimed by a collection every `every` builds.

    A rebuild also allocates a few hundred thousand short-lived objects (MkDocs' files and
    pages, this build's lists), nearly all freed by reference counting: with Python's default
    threshold, 700 allocations, they set off about 300 young and a few older collections per
    rebuild (0.1 s). From the first build on, the session collects every `young` allocations
    instead (a clean build does likewise: build/heap.py); the threshold is put back when it
    ends."""

    def __init__(self, every: int = 50, young: int = 50_000) -> None:
        self._every = every
        self._young = young
        self._builds = 0
        self._thresholds = gc.get_threshold()
        self._frozen = False

    def build_starts(self) -> None:
        self._builds += 1
        if self._builds == 1:
            self._thresholds = gc.get_threshold()
            gc.set_threshold(self._young, *self._thresholds[1:])
        elif self._frozen and self._builds % self._every == 0:
            self._refreeze()

    def build_ends(self) -> None:
        if not self._frozen:
            self._refreeze()
            self._frozen = True

    def _refreeze(self) -> None:
        gc.unfreeze()
        gc.collect()
        gc.freeze()

    def close(self) -> None:
        if self._builds:
            gc.set_threshold(*self._thresholds)
        if self._frozen:
            gc.unfreeze()
            self._frozen = False
