"""The archives `newsroom import --from …` reads, by name."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, NoReturn

from ...model import COMMONMARK
from ...problems import NewsroomError, first_and_more
from .material_blog import read_material_blog
from .wordpress import read_wordpress

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from ..workspace import Workspace
    from .posts import Archive

IMPORTERS = ("wire", "wordpress", "material-blog")
# what MkDocs loads for every site, whatever its mkdocs.yml says
MKDOCS_OWN = frozenset(("toc", "tables", "fenced_code"))
MARKDOWN_PACKAGE = "markdown.extensions."  # where Python-Markdown's own extensions live
MAX_NAMED = 12  # extensions named in the line; the others counted


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
    archive = read_material_blog(source.resolve(), zone)
    archive.notes += extensions_wanted(
        archive.markdown_extensions,
        workspace.config.markdown_extensions,
        workspace.settings.read_options.markdown_engine,
    )
    return archive


def extensions_wanted(used: Sequence[str], loaded: Sequence[str], engine: str) -> list[str]:
    """What the site must change to read the posts' Markdown as the blog did, in one line:
    the extensions the blog loads (besides MkDocs' own) that the site does not, or all of
    them where the site reads articles with CommonMark."""
    have = {_short(name) for name in loaded}
    by_name: dict[str, str] = {}  # each once, however written
    for name in used:
        if _short(name) not in MKDOCS_OWN:
            by_name.setdefault(_short(name), name)
    written_for = list(by_name.values())
    missing = [name for name in written_for if _short(name) not in have]
    if engine == COMMONMARK and written_for:
        add = f", and add {_listed(missing)} to markdown_extensions" if missing else ""
        return [
            f"the posts were written for Markdown extensions ({_listed(written_for)}), and this "
            "site reads articles with CommonMark, which shows what they add as text: set "
            f"'markdown_engine: python-markdown' under the newsroom plugin in mkdocs.yml{add}"
        ]
    if missing:
        return [
            f"the posts were written for Markdown extensions this site does not load "
            f"({_listed(missing)}): add them to markdown_extensions in mkdocs.yml, or what "
            "they add shows as text"
        ]
    return []


def _short(name: str) -> str:
    """An extension's name as Python-Markdown takes it either way: `toc` for
    `markdown.extensions.toc`."""
    return name.removeprefix(MARKDOWN_PACKAGE)


def _listed(names: Sequence[str]) -> str:
    return first_and_more(names, MAX_NAMED)


def raise_missing(source: Path, what: str) -> NoReturn:
    """`source` is not what the import reads: not there, or of another kind (a folder for
    a file, a pipe or a device for either)."""
    if not os.path.lexists(source):
        raise NewsroomError(f"{source} is not there: name {what}")
    kind = "a folder" if source.is_dir() else "a file" if source.is_file() else "a pipe or device"
    raise NewsroomError(f"{source} is {kind}: name {what}")
