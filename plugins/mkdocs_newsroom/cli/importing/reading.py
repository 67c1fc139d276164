"""The archives `newsroom import --from …` reads, by name."""

from __future__ import annotations

from typing import TYPE_CHECKING, NoReturn

from ...problems import NewsroomError
from .material_blog import read_material_blog
from .wordpress import read_wordpress

if TYPE_CHECKING:
    from pathlib import Path

    from ..workspace import Workspace
    from .posts import Archive

IMPORTERS = ("wire", "wordpress", "material-blog")


def read_archive(workspace: Workspace, kind: str, source: Path) -> Archive:
    """Read the archive at `source`: a WordPress export file, or a Material blog's docs
    folder. Dates without a zone are in the site's; frames kept are of its `embed_hosts`."""
    zone = workspace.settings.timezone
    if kind == "wordpress":
        if not source.is_file():
            raise_missing(source, "the WordPress export file (.xml)")
        return read_wordpress(source.resolve(), zone, workspace.settings.read_options.embed_hosts)
    if not source.is_dir():
        raise_missing(source, "the docs folder of the Material blog")
    return read_material_blog(source.resolve(), zone)


def raise_missing(source: Path, what: str) -> NoReturn:
    raise NewsroomError(f"{source} is not there: name {what}")
