"""What outlives one build under `mkdocs serve`, and how to tell what a save changed.

MkDocs reruns the whole build on every save. A plugin instance that defines `on_startup`
lives through those rebuilds, so it keeps here: the articles it read (by file content), their
rendered bodies, and every page it rendered, filed under a signature of everything the page
shows. A rebuild re-reads only changed files and re-renders only pages whose signature
changed; every other page is linked back into the fresh site folder from the cache.
"""

from __future__ import annotations

import dataclasses
import gc
import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from jinja2.bccache import Bucket, BytecodeCache

from .bodies import fingerprint
from .catalogue import PlacedArticles
from .indexes import Listing, NeighbourPlan
from .model import Article

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable, Iterable

    from mkdocs.structure.files import File

    from .articles import ReadResult
    from .bodies import Body


T = TypeVar("T")


def key_of(value: Any) -> str:
    """A compact, stable description of what a template is given, for signatures: articles
    by their card key, listings by what names them (their items are signed separately)."""
    if isinstance(value, Article):
        return value.card_key
    if isinstance(value, Listing):
        return f"listing({value.kind},{value.key},{value.title},{value.url},{value.description})"
    if isinstance(value, tuple | list):
        return "[" + ",".join(key_of(item) for item in value) + "]"
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = (key_of(getattr(value, f.name)) for f in dataclasses.fields(value))
        return f"{type(value).__name__}(" + ",".join(fields) + ")"
    return repr(value)


def signature(*parts: Any) -> str:
    return fingerprint(*(key_of(part) for part in parts))


def files_key(folders: Iterable[str]) -> str:
    """Names, sizes and modification times of the files under `folders` (templates)."""
    entries = []
    for folder in folders:
        for root, _dirs, names in os.walk(folder):
            for name in sorted(names):
                stat = Path(root, name).stat()
                entries.append(f"{root}/{name}:{stat.st_size}:{stat.st_mtime_ns}")
    return fingerprint(*sorted(entries))


def remove_with_empty_folders(path: Path, levels: int = 4) -> None:
    """Delete a file that is gone from the site, and the folders it leaves empty."""
    path.unlink(missing_ok=True)
    folder = path.parent
    for _ in range(levels):
        try:
            folder.rmdir()  # only succeeds when empty
        except OSError:
            return
        folder = folder.parent


class RenderedPages:
    """Rendered pages on disk, by signature, linked into each new site folder."""

    def __init__(self) -> None:
        self._folder = Path(tempfile.mkdtemp(prefix="newsroom-pages-"))
        self._stored: set[str] = set()
        self._used: set[str] = set()
        # destination -> signature of what the last build put there and is still there (with
        # `--dirty` or in a kept folder): a page whose signature did not change is in place
        self._published: dict[str, str] = {}
        self._destinations: set[str] = set()  # this build

    def keep_in_place(self, in_place: Callable[[str], bool]) -> None:
        """Forget the pages of the last build that MkDocs removed: those at destinations
        for which `in_place` is false."""
        self._published = {d: key for d, key in self._published.items() if in_place(d)}

    def has(self, key: str) -> bool:
        return key in self._stored

    def write(self, key: str, data: bytes) -> None:
        """Write a page into the store (a worker process may: `written` records it here)."""
        (self._folder / key).write_bytes(data)

    def written(self, keys: Iterable[str]) -> None:
        self._stored.update(keys)

    def publish(self, key: str, destination: str) -> None:
        """Put the page with this signature at `destination` (a hard link when possible)."""
        self._used.add(key)
        self._destinations.add(destination)
        if self._published.get(destination) == key:
            return
        self._published[destination] = key
        target = Path(destination)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)
        try:
            os.link(self._folder / key, target)
        except OSError:
            shutil.copyfile(self._folder / key, target)

    def forget_unused(self) -> None:
        """Drop the pages the last build did not publish; in a site folder that is not
        emptied between builds, also remove the pages that are gone (a deleted article)."""
        for key in self._stored - self._used:
            (self._folder / key).unlink(missing_ok=True)
        self._stored &= self._used
        for destination in set(self._published) - self._destinations:
            remove_with_empty_folders(Path(destination))
            del self._published[destination]
        self._used = set()
        self._destinations = set()

    def close(self) -> None:
        shutil.rmtree(self._folder, ignore_errors=True)


ASIDE = ".newsroom-aside"  # hidden: MkDocs' clean_directory leaves hidden entries alone


class KeptFolders:
    """The site's folders that hold only the plugin's output (the years of article URLs,
    section/, tags/, authors/, archive/, an edition's folder, search/), kept through plain
    `mkdocs serve` rebuilds. Without `--dirty`, MkDocs empties the site folder before every
    build, and all of the plugin's pages had to be put back (3-6 s at 10,000 articles). Before
    MkDocs empties it they are moved into a hidden folder, which it leaves alone, and moved
    back after: one rename per folder, whatever it holds."""

    def __init__(self) -> None:
        self._folders: set[str] = set()  # top-level folders, relative to the site folder
        self.kept: frozenset[str] = frozenset()  # what this build found back in place

    def remember(self, own: Iterable[str], others: Iterable[str]) -> None:
        """Keep the top folders of the plugin's files (paths relative to the site folder)
        that hold none of MkDocs' files (`others`)."""
        theirs = {path.split("/", 1)[0] for path in others if "/" in path}
        self._folders = {path.split("/", 1)[0] for path in own if "/" in path} - theirs

    def set_aside(self, site_dir: str) -> None:
        aside = Path(site_dir, ASIDE)
        shutil.rmtree(aside, ignore_errors=True)  # what a failed build left
        self.kept = frozenset()
        for folder in self._folders:
            if Path(site_dir, folder).is_dir():
                aside.mkdir(exist_ok=True)
                Path(site_dir, folder).rename(aside / folder)

    def put_back(self, site_dir: str) -> None:
        """Move back what was set aside; `kept` says which folders are in place."""
        aside = Path(site_dir, ASIDE)
        if not aside.is_dir():
            return
        kept = set()
        for folder in sorted(path.name for path in aside.iterdir()):
            if not Path(site_dir, folder).exists():
                (aside / folder).rename(Path(site_dir, folder))
                kept.add(folder)
        shutil.rmtree(aside, ignore_errors=True)
        self.kept = frozenset(kept)

    def holds(self, path: str) -> bool:
        """Whether `path` (relative to the site folder) is in a folder kept in place."""
        return path.split("/", 1)[0] in self.kept


class MadeBefore(Generic[T]):
    """What the last build made (page objects), by name, with the inputs it was made from. A
    rebuild asks again with this build's inputs and gets the same object back if they are
    equal; comparing is cheap because an article equals only itself, and unchanged articles
    are the same objects from one build to the next (catalogue.PlacedArticles)."""

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
    rebuild (0.1 s). After the first build the session collects every `young` allocations
    instead; the threshold is put back when it ends."""

    def __init__(self, every: int = 50, young: int = 50_000) -> None:
        self._every = every
        self._young = young
        self._builds = 0
        self._thresholds = gc.get_threshold()
        self._frozen = False

    def build_starts(self) -> None:
        self._builds += 1
        if self._frozen and self._builds % self._every == 0:
            self._refreeze()

    def build_ends(self) -> None:
        if not self._frozen:
            self._thresholds = gc.get_threshold()
            gc.set_threshold(self._young, *self._thresholds[1:])
            self._refreeze()
            self._frozen = True

    def _refreeze(self) -> None:
        gc.unfreeze()
        gc.collect()
        gc.freeze()

    def close(self) -> None:
        if self._frozen:
            gc.unfreeze()
            gc.set_threshold(*self._thresholds)
            self._frozen = False


class CompiledTemplates(BytecodeCache):
    """Jinja templates compiled once per session. MkDocs makes a new Jinja environment for
    every build, which compiles the theme's templates again (about 50 of Material's and the
    plugin's, 0.1 s of every preview rebuild). Jinja files each compiled template under its
    name and a checksum of its source, so an edited template is compiled again."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


@dataclasses.dataclass
class BuildCache:
    """Everything the plugin keeps from one build to the next of `mkdocs serve`."""

    bodies: dict[str, Body] = dataclasses.field(default_factory=dict)
    results: dict[str, ReadResult] = dataclasses.field(default_factory=dict)
    feeds: MadeBefore[str] = dataclasses.field(default_factory=MadeBefore)
    # who is related to whom, per edition
    neighbours: dict[str, dict[str, NeighbourPlan]] = dataclasses.field(default_factory=dict)
    placed: PlacedArticles = dataclasses.field(default_factory=PlacedArticles)
    sources: MadeBefore[bytes] = dataclasses.field(default_factory=MadeBefore)
    content_keys: MadeBefore[str] = dataclasses.field(default_factory=MadeBefore)
    page_files: MadeBefore[File] = dataclasses.field(default_factory=MadeBefore)
    heap: LongLivedObjects = dataclasses.field(default_factory=LongLivedObjects)
    templates: CompiledTemplates = dataclasses.field(default_factory=CompiledTemplates)
    # feeds, sitemaps: what the last build wrote, by path
    outputs: dict[str, str] = dataclasses.field(default_factory=dict)
    pages: RenderedPages | None = None
    folders: KeptFolders = dataclasses.field(default_factory=KeptFolders)

    def keep_only(self, results: Iterable[str], bodies: Iterable[str]) -> None:
        """Forget what the last build did not use, so that a long session does not grow."""
        self.results = {key: self.results[key] for key in results if key in self.results}
        self.bodies = {key: self.bodies[key] for key in bodies if key in self.bodies}

    def close(self) -> None:
        self.heap.close()
        if self.pages is not None:
            self.pages.close()
            self.pages = None
