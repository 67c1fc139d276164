"""The pictures of one build: made (or found in the cache) for every lead image, shared among
the build's processes, then linked into the site folder.

`PictureMaker` is what the build hands to reading (reading.pictures.MakePictures). Each lead
image is one piece of work: its file is read and keyed, and only a picture the cache does not
hold is decoded and resized, each copy once. Under `mkdocs serve`, a file whose size and
modification time did not change since the last build is not even read again
(`PictureMemory`).
"""

from __future__ import annotations

import functools
import os
import shutil
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ...model import Picture, Rendition
from ...problems import Problem, unwritable
from ...reading.mapping import Recoverable, in_order
from ...urls import PICTURES_DIR
from ..files import paths_linked_out, remove_files
from .recipe import FORMATS, cache_key, is_site_name, recipe_of, site_name, writable
from .resizing import SHORT_OF_MEMORY, Unusable, inspect, resize, said, short_of_memory
from .store import LINKED, READ_ONLY, Copy, PictureStore, Stored, cache_folder

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable, Mapping, Sequence

    from ...reading.mapping import MapFunction
    from ...settings.checked import PictureSettings
    from .recipe import Recipe
    from .resizing import Encoded

LOST = (
    "the process resizing it was stopped before it was done (killed, perhaps for want of "
    "memory); it is tried again at the next build"
)
# A copy is a link to the cache's file where it can be: that file may be what is refused
CACHE_HINT = "; if it is writable, delete the picture cache and build again"
# What tells a file changed under `mkdocs serve`: its modification time, size and inode
Status = tuple[int, int, int]


@dataclass(frozen=True)
class Made:
    """What became of one lead image: its picture or why there is none, where each copy's
    file is in the cache (by its path in the site), and how many copies this build encoded."""

    outcome: Picture | str
    files: tuple[tuple[str, str], ...] = ()
    encoded: int = 0


@dataclass
class PictureMemory:
    """What a build of `mkdocs serve` hands on to the next: each image's result with the
    status of its file, and the copies in the site folder."""

    made: dict[str, tuple[tuple[Status, str], Made]] = field(default_factory=dict)
    published: dict[str, str] = field(default_factory=dict)


def picture_maker(
    settings: PictureSettings,
    config_dir: str,
    sources: Mapping[str, str],
    environ: Mapping[str, str],
    map_pictures: MapFunction = in_order,
    memory: PictureMemory | None = None,
    *,
    make_files: bool = True,
    reported: Collection[str] = (),
    recipe: Recipe | None = None,
    noun: str = "lead image",
) -> PictureMaker | None:
    """The site's picture maker (of lead images, unless another `recipe` is given, with the
    `noun` its line says), None when `pictures` is off."""
    if not settings.enabled:
        return None
    store = PictureStore(cache_folder(settings.cache_dir, config_dir, environ))
    return PictureMaker(
        recipe or recipe_of(settings),
        sources,
        store,
        map_pictures,
        memory,
        make_files=make_files,
        reported=reported,
        noun=noun,
    )


class PictureMaker:
    """Makes the pictures of lead images (`sources`: each image's path from the content
    folder -> its file) into the cache at `store`; with `make_files` off (`newsroom
    check`), it only opens and decodes those the cache does not know. A file the preview's
    watcher `reported` is read again whatever its size and time say (`cp -p`)."""

    def __init__(
        self,
        recipe: Recipe,
        sources: Mapping[str, str],
        store: PictureStore,
        map_pictures: MapFunction = in_order,
        memory: PictureMemory | None = None,
        *,
        make_files: bool = True,
        reported: Collection[str] = (),
        noun: str = "lead image",
    ) -> None:
        self._reported = reported
        self._noun = noun
        self._recipe = recipe
        self._recipe_key = recipe.key
        self._sources = sources
        self._store = store
        self._map = map_pictures
        self._memory = memory
        self._make_files = make_files
        self._files: dict[str, str] = {}  # each copy's path in the site -> its cache file
        self.published: list[str] = []  # the copies' paths in the site folder
        self.resized = 0  # lead images this build resized
        self.encoded = 0  # files this build encoded

    @functools.cached_property
    def _kinds(self) -> tuple[str, ...]:
        """The formats of the recipe this Pillow writes: asked of Pillow only when a lead
        image is made (it loads all of its plugins: 50 ms that a site without one spares)."""
        return writable(self._recipe.formats)

    def made_line(self) -> str:
        """What this build resized, said."""
        plural = "s" if self.resized != 1 else ""
        return (
            f"resized {self.resized:,} {self._noun}{plural} into {self.encoded:,} files, kept "
            f"in {self.folder} for the next builds"
        )

    def __call__(self, paths: Sequence[str], /) -> dict[str, Picture | str]:
        memory = self._memory
        known: dict[str, Made] = {}
        statuses: dict[str, tuple[Status, str]] = {}
        for path in paths:
            file = self._sources.get(path)
            if file is None:
                continue  # not a file of the content folder: published as it is
            status = (_status(file), self._recipe_key)
            statuses[path] = status
            previous = memory.made.get(path) if memory is not None else None
            if (
                previous is not None
                and previous[0] == status
                and file not in self._reported
                and self._still_cached(previous[1])
            ):
                known[path] = previous[1]
        pending = [path for path in statuses if path not in known]
        if pending:
            self._kinds  # noqa: B018 - asked once here, not in every worker process
        results = self._map(Recoverable(self._make, self._lost), pending)
        known.update(zip(pending, results, strict=True))
        for made in known.values():
            self._files.update(made.files)
        done = [known[path] for path in pending]
        self.resized += sum(1 for made in done if made.encoded)
        self.encoded += sum(made.encoded for made in done)
        if memory is not None:
            memory.made = {path: (statuses[path], made) for path, made in known.items()}
        return {path: made.outcome for path, made in known.items()}

    def _still_cached(self, made: Made) -> bool:
        return all(Path(cached).is_file() for _path, cached in made.files[:1])

    def _make(self, path: str) -> Made:
        """One lead image, in whichever process the map runs it."""
        try:
            data = Path(self._sources[path]).read_bytes()
        except OSError as error:
            return Made(f"it cannot be read ({error.strerror or error})")
        key = cache_key(data, self._recipe, self._kinds)
        stored = self._store.load(key)
        encoded = 0
        if stored is None and not self._make_files:
            return Made(_inspected(data, self._recipe))
        if stored is None:
            try:
                stored, files = _resized(data, self._recipe, self._kinds)
            except Unusable as error:  # not the file's fault: not remembered
                return Made(str(error))
            except Exception as error:  # a fault in Pillow or Newsroom: this picture only
                return Made(_failed(error))
            try:
                self._store.save(key, stored, files)
            except OSError as error:
                where = self._store.folder(key)
                return Made(f"the picture cache {where} cannot be written ({error.strerror})")
            encoded = len(files)
        if stored.problem:
            return Made(stored.problem)
        return _made(path, key, stored, self._store.folder(key), encoded, self._recipe)

    def _lost(self, path: str) -> Made:
        """A picture whose process was lost before it said what it made (killed by the
        system, for want of memory): what the cache holds of it, or why it has none."""
        try:
            key = cache_key(Path(self._sources[path]).read_bytes(), self._recipe, self._kinds)
        except OSError:
            return Made(LOST)
        stored = self._store.load(key)
        if stored is None:
            return Made(LOST)
        if stored.problem:
            return Made(stored.problem)
        return _made(path, key, stored, self._store.folder(key), 0, self._recipe)

    def publish(self, site_dir: str, pictures: Iterable[Picture]) -> list[Problem]:
        """Link (or copy) the copies of `pictures` into the site folder, and remove those the
        last build of a preview put there that are not needed any more."""
        wanted = {
            rendition.path: self._files[rendition.path]
            for picture in pictures
            for rendition in (*picture.renditions, *picture.shared)
            if rendition.path in self._files
        }
        root = Path(site_dir)
        out, problems = paths_linked_out(site_dir, wanted)
        for path, cached in wanted.items():
            if path in out:  # another folder's files, never replaced
                continue
            try:
                _link(Path(cached), root / path)
            except OSError as error:
                refused = unwritable(root / path, error)
                problems.append(replace(refused, message=f"{refused.message}{CACHE_HINT}"))
        if self._memory is not None:
            gone = sorted(self._memory.published.keys() - wanted.keys())
            problems += remove_files(site_dir, gone)[1]
            self._memory.published = wanted
        self.published = list(wanted)
        return problems

    @property
    def folder(self) -> Path:
        """Where the pictures are kept."""
        return self._store.root


def unpublished_copies(site_dir: str, written: Collection[str]) -> list[str]:
    """The copies an earlier build put into the site folder that this one did not write
    (`written`: the pictures it published, and the site's own files, which MkDocs copies),
    such as those of a story held back since: what `mkdocs build --dirty`, which remembers
    nothing, leaves there. Only files named as copies; their paths, sorted."""
    folder = Path(site_dir, PICTURES_DIR)
    try:
        names = sorted(entry.name for entry in os.scandir(folder) if entry.is_file())
    except OSError:  # no pictures folder
        return []
    return [
        path
        for name in names
        if is_site_name(path := f"{PICTURES_DIR}/{name}") and path not in written
    ]


def withdraw(site_dir: str, memory: PictureMemory) -> list[Problem]:
    """Remove the copies the last build of a preview published (pictures are turned off);
    what could not be removed."""
    published, memory.published = sorted(memory.published), {}
    return remove_files(site_dir, published)[1]


def _status(file: str) -> Status:
    try:
        status = os.stat(file)  # noqa: PTH116 - one stat, no Path object, per image
    except OSError:
        return (0, 0, 0)
    return (status.st_mtime_ns, status.st_size, status.st_ino)


def _inspected(data: bytes, recipe: Recipe) -> Picture | str:
    try:
        opened = inspect(data, recipe)
    except Unusable as error:
        return str(error)
    except Exception as error:  # a fault in Pillow or Newsroom: one line, as the build says
        return _failed(error)
    return Picture(opened.width, opened.height, FORMATS[opened.kind].mime)


def _failed(error: Exception) -> str:
    """A fault while resizing, on one line."""
    if short_of_memory(error):
        return SHORT_OF_MEMORY
    return f"Pillow failed on it ({type(error).__name__}: {said(error)})"


def _resized(data: bytes, recipe: Recipe, kinds: tuple[str, ...]) -> tuple[Stored, list[Encoded]]:
    """The picture and its copies; a problem of the file itself is kept as a `Stored` (the
    cache remembers it), one that is not (memory, a limit) is raised as `Unusable`."""
    try:
        opened, screens, shared = resize(data, recipe, kinds)
    except Unusable as error:
        if not error.lasting:
            raise
        return Stored(problem=str(error)), []
    stored = Stored(
        opened.width,
        opened.height,
        opened.kind,
        opened.animated,
        tuple(Copy(e.name, e.width, e.height, e.kind, len(e.data)) for e in screens),
        tuple(Copy(e.name, e.width, e.height, e.kind, len(e.data)) for e in shared),
    )
    files = list({encoded.name: encoded for encoded in (*screens, *shared)}.values())
    return stored, files


def _made(path: str, key: str, stored: Stored, folder: Path, encoded: int, recipe: Recipe) -> Made:
    files: dict[str, str] = {}

    def rendition(copy: Copy) -> Rendition:
        where = site_name(path, key, copy.width, copy.height, copy.kind)
        files[where] = str(folder / copy.name)
        return Rendition(where, copy.width, copy.height, FORMATS[copy.kind].mime, copy.length)

    mime = FORMATS[stored.kind].mime
    order = recipe.kinds_for(stored.kind)
    offered = sorted(
        (copy for copy in stored.screens if copy.kind in order),
        key=lambda copy: (order.index(copy.kind), copy.width),
    )
    screens = [rendition(copy) for copy in offered]
    if _widest_dropped(stored, recipe):
        screens.append(Rendition(path, stored.width, stored.height, mime))
    picture = Picture(
        stored.width,
        stored.height,
        mime,
        tuple(screens),
        tuple(rendition(copy) for copy in stored.shared),
    )
    return Made(picture, tuple(files.items()), encoded)


def _widest_dropped(stored: Stored, recipe: Recipe) -> bool:
    """Whether the widest copy in the picture's own format weighed more than the original
    (and was dropped): the original is then offered at its own width."""
    if stored.animated:
        return False
    own = [copy.width for copy in stored.screens if copy.kind == stored.kind]
    return max(own, default=0) < max(recipe.screen_widths(stored.width, stored.height), default=0)


def _link(cached: Path, target: Path) -> None:
    """`target` becomes the cached file: a hard link, or a copy across file systems."""
    try:
        if target.samefile(cached):
            return
    except FileNotFoundError:
        pass
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    if not LINKED:
        shutil.copyfile(cached, target)
        return
    if cached.stat().st_mode & 0o222:  # made by an older Newsroom: read-only from now on
        cached.chmod(READ_ONLY)
    try:
        os.link(cached, target)
    except OSError:
        shutil.copyfile(cached, target)
