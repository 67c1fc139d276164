"""Folders the bench no longer needs, put aside rather than deleted while builds are timed.

On a disk formatted ext4 without a journal (this workplace's machines), creating a file walks
past every inode of its block group deleted in the last 30-35 seconds (`recently_deleted()` in
the kernel's fs/ext4/ialloc.c), one by one, for each file created. A build that started right
after the previous build's site was deleted spent 1.3-2.3 s of system time at 1,000 articles
instead of 0.2-0.3 s (perf: `find_get_block_common`, `recently_deleted`), and more the more
had been deleted: the figures measured the last deletion, not the tool. So sites and caches
are moved into `bench/out/trash/` (a rename: no inode is freed), and the trash is emptied when
the script ends; a timed build that follows an emptying waits until the kernel has forgotten
it (`settle`), in this script or in the next one.
"""

from __future__ import annotations

import atexit
import shutil
import sys
import time
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
TRASH = OUT / "trash"
EMPTIED = OUT / "trash.emptied"  # its modification time: when the trash was last emptied
SETTLE_S = 36.0  # the kernel's 30 s (vm.dirty_expire_centisecs), 5 for a dirty block, 1 spare


def discard(folder: Path) -> None:
    """Make `folder` absent, its files kept until the script ends."""
    if not folder.exists():
        return
    TRASH.mkdir(parents=True, exist_ok=True)
    folder.rename(TRASH / f"{folder.name}.{time.time_ns()}")


def empty() -> None:
    """Delete what was discarded, and note when."""
    if TRASH.exists():
        shutil.rmtree(TRASH, ignore_errors=True)
        EMPTIED.touch()


atexit.register(empty)


def settle() -> None:
    """Wait, before a timed build, until files deleted by the last emptying no longer slow the
    creation of new ones."""
    if not EMPTIED.exists():
        return
    wait = EMPTIED.stat().st_mtime + SETTLE_S - time.time()
    if wait > 0:
        print(f"waiting {wait:.0f} s for the deleted sites to settle (trash.py)", file=sys.stderr)
        time.sleep(wait)
