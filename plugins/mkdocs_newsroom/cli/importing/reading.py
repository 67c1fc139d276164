"""The archives `newsroom import --from …` reads, by name."""

from __future__ import annotations

from typing import TYPE_CHECKING, NoReturn

from ...model import COMMONMARK
from ...problems import NewsroomError
from .material_blog import read_material_blog
from .wordpress import read_wordpress

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from ..workspace import Workspace
    from .posts import Archive

IMPORTERS = ("wire", "wordpress", "material-blog")
# what MkDocs loads for every site, whatever its mkdocs.yml says
MKDOCS_EXTENSIONS = frozenset(("toc", "tables", "fenced_code"))


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
    written_for = [name for name in used if name not in MKDOCS_EXTENSIONS]
    missing = [name for name in written_for if name not in loaded]
    if engine == COMMONMARK and written_for:
        add = f", and add {', '.join(missing)} to markdown_extensions" if missing else ""
        return [
            f"the posts were written for Markdown extensions ({', '.join(written_for)}), and "
            "this site reads articles with CommonMark, which shows what they add as text: set "
            f"'markdown_engine: python-markdown' under the newsroom plugin in mkdocs.yml{add}"
        ]
    if missing:
        return [
            f"the posts were written for Markdown extensions this site does not load "
            f"({', '.join(missing)}): add them to markdown_extensions in mkdocs.yml, or what "
            "they add shows as text"
        ]
    return []


def raise_missing(source: Path, what: str) -> NoReturn:
    raise NewsroomError(f"{source} is not there: name {what}")
