"""The theme's templates compiled once and kept on disk between builds
(`.cache/newsroom/templates/`, beside the picture cache). Compiling Material's and the plugin's
templates (about 50) is a quarter of a small site's build; Jinja files each compiled template
under its name and a checksum of its source, and its own and Python's version, so an edited
template or an upgraded Jinja compiles again."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import FileSystemBytecodeCache

from ..outputs.pictures.store import cache_folder

if TYPE_CHECKING:
    from collections.abc import Collection

    from jinja2.bccache import Bucket

SUBFOLDER = "templates"


class KeptTemplates(FileSystemBytecodeCache):
    """A cache that cannot be written or read is only slower, never a failed build."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, ValueError, EOFError):
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def kept_templates(setting: str, config_dir: str, outside: Collection[str]) -> KeptTemplates | None:
    """The cache in `templates/` of the picture cache's folder (`setting`, relative to
    `config_dir`, or NEWSROOM_CACHE_DIR); None when it lies in one of the `outside` folders
    (the content folder would publish it, MkDocs empties the site folder) or cannot be made."""
    folder = cache_folder(setting, config_dir, os.environ, SUBFOLDER)
    for inside in outside:
        outer = Path(inside).absolute()
        if folder == outer or outer in folder.parents:
            return None
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return KeptTemplates(str(folder))
