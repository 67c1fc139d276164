"""Writing into the site folder, and never outside it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..problems import Problem, unwritable

if TYPE_CHECKING:
    from collections.abc import Mapping


def write_outputs(
    site_dir: str, outputs: Mapping[str, str], in_place: Mapping[str, str] | None = None
) -> list[Problem]:
    """Write each text at its path inside the site folder, refusing any path that leaves it.
    `in_place`: what the folder already holds (`mkdocs serve --dirty` keeps it between
    builds); a text that is the very object written there last time is not written again.
    What the file system refused: one file never stops the others."""
    root = Path(site_dir).resolve()
    problems = []
    for path, text in outputs.items():
        if in_place is not None and in_place.get(path) is text:
            continue
        target = (root / path).resolve()
        if root not in target.parents:
            raise ValueError(f"refusing to write {path!r} outside the site folder")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        except OSError as error:
            problems.append(unwritable(target, error))
    return problems


def remove_with_empty_folders(path: Path, levels: int = 4) -> None:
    """Delete a file that is gone from the site, and the folders it leaves empty."""
    path.unlink(missing_ok=True)
    folder = path.parent
    for _ in range(levels):
        try:
            folder.rmdir()  # only succeeds when empty
        except OSError:
            return
        folder = folder.parent
