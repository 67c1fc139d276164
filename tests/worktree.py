"""The tests never write into the repository: every build, copy and screenshot goes into a
temporary folder. conftest.py holds the suite to that in two ways.

- `WriteGuard`, a Python audit hook in the test process (and in the processes it forks),
  refuses every write under the repository (opening a file for writing, making, renaming or
  removing a file or folder) but to the caches pytest and Hypothesis keep there, and to the
  folder NEWSROOM_SCREENSHOTS names (`make screenshots`): the write fails where it is made,
  naming the path, and the session fails at its end too, in case the error was swallowed.
- `tree_state()` covers what the commands the tests run (mkdocs, newsroom, pip) could write:
  `git status` of the demo portal, the screenshots and the default site/ folder, compared
  before and after the session. Only these paths: others edit plugins/, bench/, tests/ and
  the documentation while a session runs.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

from .sites import REPO

# Folders under the repository that the test process may write into: caches, all git-ignored.
CACHES = frozenset({"__pycache__", ".pytest_cache", ".hypothesis"})
# What a command run by a test could write into: the demo portal, the README's screenshots,
# and site/, where `mkdocs build` in the repository would put the portal.
WATCHED = ("content", "overrides", "docs/screenshots", "mkdocs.yml", "site")
# --ignored=matching: site/ is git-ignored, and still watched
GIT_STATUS = ("git", "--no-optional-locks", "status", "--porcelain=v1", "-z")
GIT_STATUS += ("--untracked-files=all", "--ignored=matching")

_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
# audit event -> (positions of the paths it changes, positions of its dir_fd arguments)
_CHANGES: dict[str, tuple[tuple[int, ...], tuple[int, ...]]] = {
    "os.mkdir": ((0,), (2,)),
    "os.rename": ((0, 1), (2, 3)),
    "os.remove": ((0,), (1,)),
    "os.rmdir": ((0,), (1,)),
    "os.symlink": ((1,), (2,)),
    "os.link": ((1,), (2, 3)),
    "os.truncate": ((0,), ()),
    "os.chmod": ((0,), (2,)),
    "os.utime": ((0,), (3,)),
    "shutil.rmtree": ((0,), ()),
}


def _is_absolute(target: object) -> bool:
    return isinstance(target, str | bytes) and Path(os.fsdecode(target)).is_absolute()


class RepositoryWrite(PermissionError):
    """A test tried to write into the repository."""


class WriteGuard:
    """An audit hook (`sys.addaudithook(guard)`) that refuses writes under `root`, but into
    CACHES and the folders in `allowed`; each refusal is kept in `refused` too."""

    def __init__(self, root: Path, allowed: Iterable[Path] = ()) -> None:
        self.root = str(root)
        self.allowed = [str(path) for path in allowed]
        self.refused: list[str] = []
        self.active = True

    def __call__(self, event: str, args: tuple[object, ...]) -> None:
        if not self.active:
            return
        if event == "open":
            flags = args[2]
            if isinstance(flags, int) and flags & _WRITE_FLAGS:
                self._check(event, args[0])
        elif event in _CHANGES:
            positions, dir_fds = _CHANGES[event]
            relative_to_fd = any(args[position] is not None for position in dir_fds)
            for position in positions:
                target = args[position]
                if relative_to_fd and not _is_absolute(target):
                    continue  # a name in a folder opened by descriptor: checked when opened
                self._check(event, target)

    def refusal(self, event: str, target: object) -> str | None:
        """Why `event` on `target` is refused, or None if it may go ahead."""
        if isinstance(target, int) or target is None:
            return None  # a file descriptor
        # os.path: as the operating system reads the path, with no look at the disk (fast)
        path = os.path.abspath(os.fsdecode(target))  # type: ignore[arg-type]  # noqa: PTH100
        if path != self.root and not path.startswith(self.root + os.sep):
            return None
        relative = os.path.relpath(path, self.root)
        if CACHES.intersection(Path(relative).parts):
            return None
        if any(path == folder or path.startswith(folder + os.sep) for folder in self.allowed):
            return None
        return f"{event} {relative}"

    def _check(self, event: str, target: object) -> None:
        refused = self.refusal(event, target)
        if refused is not None:
            self.refused.append(refused)
            raise RepositoryWrite(
                f"a test wrote into the repository ({refused}): write into tmp_path instead"
            )


def install_guard(allowed: Iterable[Path] = ()) -> WriteGuard:
    guard = WriteGuard(REPO, allowed)
    sys.addaudithook(guard)
    return guard


def tree_state() -> dict[str, tuple[str, int, int]] | None:
    """Path -> (git status, mtime, size) of every changed, untracked or ignored path among
    WATCHED; None where git cannot tell (no git, not a checkout)."""
    try:
        listed = subprocess.run(
            [*GIT_STATUS, "--", *WATCHED],
            cwd=REPO,
            capture_output=True,
            check=False,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if listed.returncode != 0:
        return None
    state: dict[str, tuple[str, int, int]] = {}
    entries = iter(os.fsdecode(listed.stdout).split("\0"))
    for entry in entries:
        if not entry:
            continue
        status, path = entry[:2], entry[3:]
        if "R" in status or "C" in status:
            next(entries, None)  # the path it was renamed or copied from
        try:
            stat = (REPO / path).stat()
            state[path] = (status, stat.st_mtime_ns, stat.st_size)
        except OSError:
            state[path] = (status, 0, 0)
    return state


def tree_changes(
    before: dict[str, tuple[str, int, int]] | None, after: dict[str, tuple[str, int, int]] | None
) -> list[str]:
    """The paths whose state differs between two `tree_state()`s."""
    if before is None or after is None:
        return []
    return sorted(
        path for path in before.keys() | after.keys() if before.get(path) != after.get(path)
    )
