"""The picture cache: the copies a build made of each picture, kept between builds in a folder
(`.cache/newsroom/pictures/` beside mkdocs.yml by default) under a key of the file's bytes and
the recipe. A build finds a picture there whatever its file is called and whichever article
shows it; a picture that could not be used is remembered too, with why.

Each picture has a folder, `<key[:2]>/<key>/`, holding its copies and `picture.json`, which
is written last: a folder without it (a build stopped half-way) is made again. Files are
written under a temporary name and renamed, so that two processes making the same picture
never leave half a file, and made read-only: the site's copies are hard links to them
(copying them costs sixty times as long, about a second per thousand copies), so a tool
editing the built site in place is refused rather than changing the cache. What is read
back is checked (`_trusted`): the cache is not trusted to name files outside itself.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...problems import NewsroomError
from .recipe import FORMATS, file_name

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from .resizing import Encoded

SUBFOLDER = "pictures"
READ_ONLY = 0o444
# Whether the site's copies are hard links to the cache's files. Not on Windows, where a
# read-only file cannot be deleted or replaced (MkDocs could not empty the site folder): the
# copies are copied there.
LINKED = os.name != "nt"
MANIFEST = "picture.json"
ENVIRONMENT = "NEWSROOM_CACHE_DIR"


def cache_folder(
    setting: str, config_dir: str, environ: Mapping[str, str], subfolder: str = SUBFOLDER
) -> Path:
    """Where the pictures (or what `subfolder` names) are kept: in NEWSROOM_CACHE_DIR when it
    is set (relative to the working folder), else in `picture_cache_dir` (relative to
    mkdocs.yml's folder)."""
    chosen = environ.get(ENVIRONMENT, "").strip()
    base = Path(chosen) if chosen else Path(config_dir, setting)
    return Path(os.path.normpath(base.absolute() / subfolder))


def check_cache_folder(folder: Path, outside: Mapping[str, str]) -> None:
    """The picture cache must stay out of the content folder (it would be published, and
    `mkdocs serve` would rebuild on every picture made) and out of the site folder (which
    MkDocs empties): `outside` names those folders by their option."""
    for option, inside in outside.items():
        outer = Path(inside).absolute()
        if folder == outer or outer in folder.parents:
            raise NewsroomError(
                f"newsroom: the picture cache {folder} is inside {option} ({outer}); set "
                "picture_cache_dir (or NEWSROOM_CACHE_DIR) to a folder outside it, such as "
                ".cache/newsroom"
            )


@dataclass(frozen=True)
class Copy:
    """One file of a picture's folder."""

    name: str
    width: int
    height: int
    kind: str
    length: int = 0  # bytes


@dataclass(frozen=True)
class Stored:
    """What the cache holds of a picture: its size and format, its copies for screens and for
    sharing; or only `problem`, why it could not be used."""

    width: int = 0
    height: int = 0
    kind: str = ""
    animated: bool = False
    screens: tuple[Copy, ...] = ()
    shared: tuple[Copy, ...] = ()
    problem: str = ""


class PictureStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def folder(self, key: str) -> Path:
        return self.root / key[:2] / key

    def load(self, key: str) -> Stored | None:
        """The picture stored under `key`, if its folder is complete."""
        folder = self.folder(key)
        try:
            data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
            stored = _stored(data)
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if not _trusted(stored):
            return None  # not what a build writes: made again
        names = {copy.name for copy in (*stored.screens, *stored.shared)}
        if not all((folder / name).is_file() for name in names):
            return None
        return stored

    def save(self, key: str, stored: Stored, files: Sequence[Encoded] = ()) -> None:
        folder = self.folder(key)
        folder.mkdir(parents=True, exist_ok=True)
        for encoded in files:
            _write(folder / encoded.name, encoded.data)
        manifest = json.dumps(_data(stored), sort_keys=True, ensure_ascii=False)
        _write(folder / MANIFEST, manifest.encode("utf-8"))


def _write(path: Path, data: bytes) -> None:
    """Write `path` whole or not at all, read-only: the site's copies are hard links to it,
    and a tool that edits the site's files in place must not change the cache."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_bytes(data)
        if LINKED:
            temporary.chmod(READ_ONLY)
        temporary.replace(path)
    except OSError:
        temporary.unlink(missing_ok=True)
        raise


def _trusted(stored: Stored) -> bool:
    """Whether a picture read from the cache is what a build writes: each copy a plain file
    name the build gives (`960x640.webp`), of a known format, never wider or taller than the
    picture. Anything else (a name with '..' or '/', a bogus width) is not published."""
    if stored.problem:
        return not (stored.screens or stored.shared)
    if stored.kind not in FORMATS or min(stored.width, stored.height) < 1:
        return False
    return all(
        copy.kind in FORMATS
        and 0 < copy.width <= stored.width
        and 0 < copy.height <= stored.height
        and copy.name == file_name(copy.width, copy.height, copy.kind)
        for copy in (*stored.screens, *stored.shared)
    )


def _data(stored: Stored) -> dict[str, Any]:
    def copies(items: tuple[Copy, ...]) -> list[dict[str, Any]]:
        return [vars(copy) for copy in items]

    return {
        "width": stored.width,
        "height": stored.height,
        "kind": stored.kind,
        "animated": stored.animated,
        "screens": copies(stored.screens),
        "shared": copies(stored.shared),
        "problem": stored.problem,
    }


def _stored(data: dict[str, Any]) -> Stored:
    def copies(items: list[dict[str, Any]]) -> tuple[Copy, ...]:
        return tuple(
            Copy(
                str(item["name"]),
                int(item["width"]),
                int(item["height"]),
                str(item["kind"]),
                int(item["length"]),
            )
            for item in items
        )

    return Stored(
        int(data["width"]),
        int(data["height"]),
        str(data["kind"]),
        bool(data["animated"]),
        copies(data["screens"]),
        copies(data["shared"]),
        str(data["problem"]),
    )
