"""Writing into the site folder, and never outside it."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from ..problems import Problem, linked_out, unremovable, unwritable

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable, Mapping


def write_outputs(
    site_dir: str,
    outputs: Mapping[str, str] | Mapping[str, bytes],
    in_place: Mapping[str, str] | None = None,
) -> list[Problem]:
    """Write each text (or bytes) at its path (with `/`) in the site folder, never through a
    link.
    `in_place`: what the folder already holds (`mkdocs serve --dirty` keeps it between
    builds); a text that is the very object written there last time is not written again.
    What the file system refused, and where a link leads out of the folder: one file never
    stops the others."""
    paths = [p for p, text in outputs.items() if in_place is None or in_place.get(p) is not text]
    out, problems = paths_linked_out(site_dir, paths)  # another folder's: never replaced
    for path in paths:
        if path in out:
            continue
        target, text = Path(site_dir, path), outputs[path]
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, str):
                target.write_text(text, encoding="utf-8")
            else:
                target.write_bytes(text)
        except OSError as error:
            problems.append(unwritable(target, error))
    return problems


def leads_out(root: str | Path, path: str | Path) -> bool:
    """Whether `path`, inside the folder `root`, is reached through a link that leads out of
    it (or round in a loop): nothing the build writes or removes."""
    try:
        inside, resolved = Path(root).resolve(), Path(path).resolve()
    except (OSError, RuntimeError):  # a loop of links
        return True
    return resolved != inside and inside not in resolved.parents


def paths_linked_out(site_dir: str, paths: Iterable[str]) -> tuple[set[str], list[Problem]]:
    """Those of `paths` (files, relative to `site_dir`, with `/`) that a link in the site
    folder leads out of it, that climb out of it (`../x`), or that are links themselves
    (writing would replace what they lead to), never written nor removed; and the one line
    that says so, if there are any. One look at each of their folders, and at the
    files of folders that were there before the build: not a resolved path for each file.
    With `os.path` on strings: pathlib's objects made this 0.27-0.69 s at 10,000 pages (0.06 s
    now), for a case (a link in the site folder) that is seldom there."""
    root = Path(site_dir).resolve()
    out: dict[str, bool] = {"": False}
    there: dict[str, bool] = {"": True}

    def leads(folder: str) -> bool:
        found = out.get(folder)
        if found is None:
            full = f"{site_dir}/{folder}"
            try:
                mode: int | None = os.lstat(full).st_mode
            except OSError:  # not there yet: the build makes it
                mode = None
            there[folder] = mode is not None
            linked = mode is not None and stat.S_ISLNK(mode)
            found = leads_out(root, full) if linked else leads(folder.rpartition("/")[0])
            out[folder] = found
        return found

    linked = {
        path
        for path in paths
        if _climbs_out(path)
        or leads(folder := path.rpartition("/")[0])
        or (there[folder] and os.path.islink(f"{site_dir}/{path}"))  # noqa: PTH114
    }
    return linked, [_linked_out_line(site_dir, linked)] if linked else []


def _climbs_out(path: str) -> bool:
    """Whether `path` names a place outside the folder it is read from, whatever the links:
    from the root of the disk, or up through `..` (no path the build makes does either)."""
    return path.startswith("/") or ".." in path.split("/")


def _linked_out_line(site_dir: str, paths: Collection[str]) -> Problem:
    """One line for all `paths` (relative to `site_dir`) a link leads out of the folder."""
    first = sorted(paths)
    more = f" (and {len(first) - 1:,} more files)" if len(first) > 1 else ""
    problem = linked_out(Path(site_dir, first[0]))
    return Problem(problem.path, f"{problem.message}{more}")


def remove_files(root: str | Path, paths: Iterable[str]) -> tuple[list[str], list[Problem]]:
    """Remove each of `paths` (relative to `root`, with `/`), with the folders it leaves
    empty (never `root` itself): those removed, and what could not be. A file left is one
    the site no longer publishes (a story held back may be in it): never silently. Nothing is
    removed through a link that leads out of `root` (`site/images` a link to
    `content/images`: the reporter's own files), nor is a link removed (the build writes
    none: it is another's)."""
    paths = list(paths)
    out, problems = paths_linked_out(str(root), paths)
    removed: list[str] = []
    for path in paths:
        if path in out:
            continue
        target = Path(root, path)
        try:
            remove_with_empty_folders(target, path.count("/"))
        except OSError as error:
            problems.append(unremovable(target, error))
        else:
            removed.append(path)
    return removed, problems


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
