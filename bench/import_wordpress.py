"""Time `newsroom import --from wordpress` of a generated N-post WordPress export: the first
run (everything comes in), the second (nothing does: every post is already there), and with
`--build` a strict `mkdocs build` of the result.

    python bench/import_wordpress.py [N] [--repeat 2] [--build]

The export is written once by `generate.py N bench/out/wxr-N --format wordpress` (kept, like
the generated sites); each run imports it into a fresh copy of its empty site in a temporary
folder. The machine is shared: the fastest of `--repeat` runs is kept, and the load average
is printed.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate

BENCH = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def timed(root: Path, *command: str) -> tuple[float, str]:
    """Wall seconds of `command` run in `root`, and what it said last on stderr."""
    start = time.perf_counter()
    done = subprocess.run(command, cwd=root, check=False, capture_output=True, text=True, env=ENV)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr[-2000:]}")
    return seconds, (done.stderr.strip().splitlines() or [""])[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, nargs="?", default=10_000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--build", action="store_true", help="also build the result, strictly")
    options = parser.parse_args()
    source = BENCH / "out" / f"wxr-{options.count}"
    generate(options.count, source, "wordpress")
    export = source / "export.xml"
    print(f"export: {export} ({export.stat().st_size / 1e6:.1f} MB, {options.count:,} posts)")
    newsroom = str(BIN / "newsroom")
    firsts, seconds = [], []
    for _ in range(options.repeat):
        with tempfile.TemporaryDirectory(prefix="newsroom-wxr-") as folder:
            root = Path(folder)
            shutil.copy(source / "mkdocs.yml", root)
            shutil.copytree(source / "content", root / "content")
            load = os.getloadavg()[0]
            first, said = timed(root, newsroom, "import", "--from", "wordpress", str(export))
            print(f"first import: {first:.2f} s (load {load:.1f}): {said}")
            again, said_again = timed(root, newsroom, "import", "--from", "wordpress", str(export))
            print(f"second import: {again:.2f} s: {said_again}")
            firsts.append(first)
            seconds.append(again)
            if options.build:
                build, _ = timed(root, str(BIN / "mkdocs"), "build", "--strict", "--quiet")
                print(f"mkdocs build --strict of the result: {build:.2f} s")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"fastest: first {min(firsts):.2f} s, second {min(seconds):.2f} s; "
        f"largest child's peak memory {peak:.0f} MB"
    )


if __name__ == "__main__":
    main()
