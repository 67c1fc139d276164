"""Time `newsroom import --from wordpress` of a generated N-post WordPress export: the first
run (everything comes in), the second (nothing does: every post is already there), and with
`--build` a strict `mkdocs build` of the result.

    python bench/import_wordpress.py [N] [--repeat 2] [--build]

The export is written once by `generate.py N bench/out/wxr-N --format wordpress` (kept, like
the generated sites); each run imports it into a fresh copy of its empty site in a temporary
folder. The machine is shared: the fastest of `--repeat` runs is kept, and the load average
is printed; peak memory is measured with `/usr/bin/time` (Debian package `time`).
"""

from __future__ import annotations

import argparse
import os
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
TIME = Path("/usr/bin/time")


def timed(root: Path, *command: str) -> tuple[float, str, float]:
    """Wall seconds of `command` run in `root`, what it said last on stderr, and its peak
    memory in MB (`/usr/bin/time`; 0 without it)."""
    peak_file = root / ".peak"
    wrapper = ["/usr/bin/time", "-o", str(peak_file), "-f", "%M"] if TIME.exists() else []
    start = time.perf_counter()
    done = subprocess.run(
        [*wrapper, *command], cwd=root, check=False, capture_output=True, text=True, env=ENV
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr[-2000:]}")
    peak = int(peak_file.read_text().split()[-1]) / 1024 if wrapper else 0.0
    return seconds, (done.stderr.strip().splitlines() or [""])[-1], peak


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
            command = (newsroom, "import", "--from", "wordpress", str(export))
            first, said, peak = timed(root, *command)
            print(f"first import: {first:.2f} s, {peak:.0f} MB (load {load:.1f}): {said}")
            again, said_again, peak_again = timed(root, *command)
            print(f"second import: {again:.2f} s, {peak_again:.0f} MB: {said_again}")
            firsts.append(first)
            seconds.append(again)
            if options.build:
                build, _, build_peak = timed(
                    root, str(BIN / "mkdocs"), "build", "--strict", "--quiet"
                )
                redirects = sum(1 for _ in (root / "site").rglob("index.html")) - sum(
                    1 for _ in (root / "content").rglob("*.md")
                )
                print(
                    f"mkdocs build --strict of the result: {build:.2f} s, {build_peak:.0f} MB "
                    f"({redirects:,} more index.html pages than articles: listings, redirects)"
                )
    print(f"fastest: first {min(firsts):.2f} s, second {min(seconds):.2f} s")


if __name__ == "__main__":
    main()
