"""What MkDocs itself does to the site folder, looked at before it does it: it empties the
folder, lists the content folder, and writes its own pages, the theme's and the content
folder's files it copies and the theme's pages (the 404 page and the sitemap, whose text is
Newsroom's). It writes through a link out of the site folder (a file elsewhere overwritten
without a word), stops with a traceback where a folder stands in a file's place or where it
cannot remove a file as it empties the folder, and follows a link to a folder that holds the
content folder for ever. Newsroom's own files follow the rules of outputs/files.py, and so do
these; what would stop MkDocs stops the build in one line."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from ..outputs.files import paths_linked_out
from ..problems import NewsroomError, Problem, first_and_more
from .linked_files import refuse_links_around

if TYPE_CHECKING:
    from collections.abc import Sequence

    from mkdocs.structure.files import File

# the theme's pages MkDocs writes with a compressed copy beside them
COMPRESSED = frozenset({"sitemap.xml"})


def before_mkdocs_reads(site_dir: str, docs_dir: str, *, clean: bool) -> list[Problem]:
    """What would stop MkDocs with a traceback, or for ever, before it reads the content
    folder: said in one line instead (NewsroomError), the build stopped. What was done to
    the site folder, said."""
    links = check_cleaning(site_dir) if clean else []
    refuse_links_around(docs_dir)
    return links


def check_cleaning(site_dir: str) -> list[Problem]:
    """Remove the files at the top of the site folder, as MkDocs is about to (it leaves the
    hidden ones, and passes over a folder it cannot empty); one it cannot remove (made
    immutable, a read-only mount) would stop it with a traceback: it stops the build here,
    in one line naming it. A link to a folder is removed too, not what it leads to: MkDocs
    leaves it, and Material's search would write its index through it, out of the site."""
    try:
        paths = list(Path(site_dir).iterdir())
    except OSError:  # not there yet, or not a folder: MkDocs says so itself
        return []
    links = []
    for path in paths:
        if path.name.startswith(".") or (path.is_dir() and not path.is_symlink()):
            continue
        if path.is_symlink() and path.is_dir():
            links.append(f"{path.name} (to {os.path.realpath(path)})")
        try:
            path.unlink(missing_ok=True)
        except OSError as error:
            raise NewsroomError(
                f"{path}: MkDocs empties the site folder before a build, and the file system "
                f"will not let it remove this file ({error.strerror}); make it removable "
                "(chattr -i, or a writable folder) and build again"
            ) from None
    if not links:
        return []
    said = (
        "removed the link(s) to folders MkDocs leaves as it empties the site folder, not what "
        f"they lead to: {first_and_more(links)}"
    )
    return [Problem(site_dir, said, level="info")]


def out_of_the_way(
    site_dir: str, files: Sequence[File], templates: set[str]
) -> tuple[list[File], list[Problem]]:
    """`files` and the theme's `templates` (its pages: `404.html`, `sitemap.xml`) but those
    whose place in the site folder a link leads out of it, or a folder holds (MkDocs would
    write through the one and stop at the other): left unwritten, a line for each kind.
    `templates` is changed in place (MkDocs' `theme.static_templates`)."""
    destinations = [file.dest_uri for file in files]
    written = {name: name for name in templates}
    written |= {f"{name}.gz": name for name in templates if name in COMPRESSED}
    out, problems = paths_linked_out(site_dir, [*destinations, *written])
    folders = sorted(
        path
        for path in {*destinations, *written}.difference(out)
        if os.path.isdir(f"{site_dir}/{path}") and not os.path.islink(f"{site_dir}/{path}")  # noqa: PTH112, PTH114
    )
    if folders:
        more = f" (and {len(folders) - 1:,} more)" if len(folders) > 1 else ""
        problems.append(
            Problem(
                os.path.join(site_dir, folders[0]),  # noqa: PTH118
                f"it is a folder where the build writes a file{more}, so that file was not "
                "written; remove the folder and build again",
            )
        )
    unwritten = out.union(folders)
    templates.difference_update(written[path] for path in unwritten if path in written)
    return [file for file in files if file.dest_uri not in unwritten], problems
