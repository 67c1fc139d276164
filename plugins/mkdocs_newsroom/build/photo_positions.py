"""Photos the site publishes that say where they were taken. The copies the build makes of
lead images and authors' photos carry no metadata, but MkDocs publishes every file of the
content folder as it is, originals included: a reporter's portrait taken at home, or a photo
of a source, would tell anyone its GPS position. Each is one warning (so `--strict` stops),
unless `publish_photo_positions` says they are public on purpose."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..problems import Problem
from ..reading.positions import PHOTO_EXTENSIONS, carries_position
from .pictures import copied_by_mkdocs

if TYPE_CHECKING:
    from collections.abc import Iterable

    from mkdocs.structure.files import File

    from ..memo import MadeBefore
    from ..settings.checked import PictureSettings

POSITION_PUBLISHED = (
    "this photo carries the GPS position it was taken at, and the site publishes the file "
    "as it is: save it again without its location (a photo editor's export without "
    "location, or exiftool -overwrite_original -gps:all= on the file), or set "
    "publish_photo_positions: true to publish positions on purpose"
)


def published_positions(
    files: Iterable[File], pictures: PictureSettings, memory: MadeBefore[bool], drafts: bool
) -> list[Problem]:
    """A problem for each photo among `files` that the site publishes with its position (with
    `drafts`, those of MkDocs' `draft_docs` too, as a preview shows them); `memory` keeps each
    file's answer by its size and time of change, for a preview's next build."""
    if pictures.publish_positions:
        return []
    memory.start(None)
    problems = []
    for file in files:
        if file.abs_src_path is None or not copied_by_mkdocs(file, drafts):
            continue
        if file.src_uri.lower().endswith(PHOTO_EXTENSIONS) and _located(file.abs_src_path, memory):
            problems.append(Problem(file.src_uri, POSITION_PUBLISHED))
    memory.finish()
    return problems


def _located(source: str, memory: MadeBefore[bool]) -> bool:
    path = Path(source)
    try:
        stat = path.stat()
    except OSError:
        return False
    return memory.get(source, (stat.st_size, stat.st_mtime_ns), lambda: carries_position(path))
