"""The search index's files in the site folder: written, and those of an earlier build's index
removed, with a line for each the file system refuses (one never stops the others: an earlier
build's file left there may hold a story held back since)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..outputs.files import paths_linked_out, remove_files
from ..problems import Problem, unwritable

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from pathlib import Path

    from .shards import IndexChanges


def write_index_files(
    files: Mapping[str, bytes], root: Path, changes: IndexChanges | None
) -> tuple[list[Path], list[Problem]]:
    """Write `files` under `root`, or only the `changes` (over a folder holding the previous
    files), deleting the files that went: the paths written, and what the file system
    refused."""
    written: list[Path] = []
    paths = list(files if changes is None else changes.written)
    out, problems = paths_linked_out(str(root), paths)
    for path in paths:
        if path in out:  # another folder's: never written through a link
            continue
        target = root / path
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(files[path])
        except OSError as error:
            problems.append(unwritable(target, error))
        else:
            written.append(target)
    problems += remove_files(root, changes.deleted)[1] if changes else []
    return written, problems


def remove_all_but(folder: Path, files: Iterable[str]) -> list[Problem]:
    """Delete the files under `folder` that an index made anew does not have; those the file
    system kept, said."""
    keep = set(files)
    found = (path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file())
    return remove_files(folder, [path for path in found if path not in keep])[1]
