"""The search index's files in the site folder: written, and those of an earlier build's index
removed, with a line for each the file system refuses (one never stops the others: an earlier
build's file left there may hold a story held back since)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..outputs.files import remove_files, write_outputs

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from pathlib import Path

    from ..problems import Problem
    from .shards import IndexChanges


def write_index_files(
    files: Mapping[str, bytes], root: Path, changes: IndexChanges | None
) -> list[Problem]:
    """Write `files` under `root`, or only the `changes` (over a folder holding the previous
    files), deleting the files that went: what the file system refused."""
    written = files if changes is None else {path: files[path] for path in changes.written}
    problems = write_outputs(str(root), written)
    return problems + (remove_files(root, changes.deleted)[1] if changes else [])


def remove_all_but(folder: Path, files: Iterable[str]) -> list[Problem]:
    """Delete the files under `folder` that an index made anew does not have; those the file
    system kept, said."""
    keep = set(files)
    found = (path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file())
    return remove_files(folder, [path for path in found if path not in keep])[1]
