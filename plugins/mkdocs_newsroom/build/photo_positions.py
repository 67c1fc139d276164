"""Photos and videos the site publishes that say where they were taken. The copies the build
makes of lead images and authors' photos carry no metadata, but MkDocs publishes every file of
the content folder (and of the theme's `custom_dir`) as it is, originals included: a reporter's
portrait taken at home, or a phone's video of a source, would tell anyone its GPS position.
Each is one warning (so `--strict` stops), unless `publish_photo_positions` says they are
public on purpose."""

from __future__ import annotations

import mimetypes
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from ..problems import Problem
from ..reading.positions import carries_position
from .pictures import copied_by_mkdocs

if TYPE_CHECKING:
    from collections.abc import Iterable

    from mkdocs.structure.files import File

    from ..memo import MadeBefore
    from ..settings.checked import PictureSettings

POSITION_PUBLISHED = (
    "this file says where it was taken (a GPS position), and the site publishes it as it is "
    "(one a draft uses, with the draft): "
    "save the photo or video again without its location (an editor's export without "
    "location, or exiftool -overwrite_original -all= -tagsFromFile @ -icc_profile "
    "-orientation on the file, which keeps its colour profile and orientation), or set "
    "publish_photo_positions: true to publish positions on purpose"
)


def published_positions(
    files: Iterable[File],
    pictures: PictureSettings,
    memory: MadeBefore[bool],
    docs_dir: str,
    drafts: bool,
) -> list[Problem]:
    """A problem for each photo among `files` that the site publishes with its position (with
    `drafts`, those of MkDocs' `draft_docs` too, as a preview shows them), named from
    `docs_dir` (a theme's file too: `../overrides/x.jpg`); `memory` keeps each file's answer
    while the file stays as it was, for a preview's next build."""
    if pictures.publish_positions:
        return []
    memory.start(None)
    problems = []
    for file in files:
        source = file.abs_src_path
        if source is None or not copied_by_mkdocs(file, drafts):
            continue
        path = Path(source)
        if _may_be_photo_or_video(path) and _located(path, memory):
            problems.append(Problem(os.path.relpath(source, docs_dir), POSITION_PUBLISHED))
    memory.finish()
    return problems


def _may_be_photo_or_video(path: Path) -> bool:
    """Not a kind of file known to be something else (a page, a stylesheet, a font): the
    rest, photos, videos, sound (a phone's recording) and files of unknown kinds (`.dng`, no
    extension), are opened."""
    kind = mimetypes.guess_type(path.name)[0]
    if kind is None or kind.startswith(("video/", "audio/")):
        return True
    return kind.startswith("image/") and kind != "image/svg+xml"


def _located(path: Path, memory: MadeBefore[bool]) -> bool:
    try:
        status = path.stat()
    except OSError:
        return False
    if not stat.S_ISREG(status.st_mode):  # a pipe would never end the read
        return False
    # ctime and the inode too: a photo copied in with the size and time of the one before
    same = (status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino)
    return memory.get(str(path), same, lambda: carries_position(path))
