"""Time one site built by several Python environments, in one run: each with its own MkDocs
and Newsroom (two commits of the plugin, say), builds interleaved round by round so that the
machine's load falls on all of them alike.

    .venv/bin/python bench/compare.py bench/out/gen-10000-newsroom \\
        before=/tmp/venv-old/bin/python after=.venv/bin/python --rounds 3

Each build is run.py's: a clean `python -m mkdocs build -q` into a fresh folder under
/usr/bin/time -v. Prints, per environment, the median and best wall time, the median CPU time
and the largest peak memory, and each one's median wall time as a ratio of the first's.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import OUT, build_once, fresh


def parse_environment(text: str) -> tuple[str, str]:
    name, _, python = text.partition("=")
    if not name or not python:
        raise argparse.ArgumentTypeError(f"{text!r}: write NAME=PATH/TO/python")
    return name, python


def summary(runs: list[dict[str, Any]]) -> dict[str, float]:
    walls = [run["wall_s"] for run in runs]
    cpus = [run.get("user_s", 0) + run.get("system_s", 0) for run in runs]
    return {
        "median_wall_s": statistics.median(walls),
        "best_wall_s": min(walls),
        "median_cpu_s": statistics.median(cpus),
        "peak_mb": max(run.get("peak_rss_kb", 0) for run in runs) / 1024,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a folder with mkdocs.yml")
    parser.add_argument("environments", nargs="+", type=parse_environment, metavar="NAME=PYTHON")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--output", type=Path, default=OUT / "compare.json")
    options = parser.parse_args(argv)
    root = options.site.resolve()
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name, _ in options.environments}
    for round_number in range(options.rounds):
        order = options.environments[round_number % len(options.environments) :]
        order += options.environments[: round_number % len(options.environments)]
        for name, python in order:
            site = OUT / "builds" / f"compare-{name}"
            run = build_once(root, python, site)
            fresh(site)
            if not run["ok"]:
                print(f"{name}: the build failed: {run.get('messages')}", file=sys.stderr)
                return 1
            runs[name].append(run)
            print(f"round {round_number + 1} {name}: {run['wall_s']:.1f} s", file=sys.stderr)
    results = {name: summary(name_runs) for name, name_runs in runs.items()}
    first = next(iter(results.values()))["median_wall_s"]
    print("| environment | median s | best s | median CPU s | peak MB | median / first |")
    print("|---|---|---|---|---|---|")
    for name, result in results.items():
        print(
            f"| {name} | {result['median_wall_s']:.1f} | {result['best_wall_s']:.1f} "
            f"| {result['median_cpu_s']:.1f} | {result['peak_mb']:.0f} "
            f"| {result['median_wall_s'] / first:.3f} |"
        )
    options.output.parent.mkdir(parents=True, exist_ok=True)
    options.output.write_text(json.dumps({"runs": runs, "results": results}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
