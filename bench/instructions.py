"""Count the instructions a build executes (valgrind's cachegrind), to compare two states of
the plugin, or Newsroom and its peers, where this shared machine's noise blurs the clock (#18).

    .venv/bin/python bench/instructions.py 1000                       # the work tree's plugin
    .venv/bin/python bench/instructions.py 1000 --refs HEAD~3 HEAD    # two commits, in turn
    .venv/bin/python bench/instructions.py 10 1000 --tools newsroom-commonmark hugo

On this machine the wall and CPU time of the same build vary by a quarter from one run to
the next (other machines' work shares the cores: RESULTS.md); the instructions a build
executes do not (Python's string hashing fixed, PYTHONHASHSEED=0: the same build counted
twice differs by less than 0.1 %). Each build runs once outside valgrind first, so that what
a first build leaves for the next (the templates' cache in .cache/newsroom) is there for the
counted one, as it is for every timed build but the first. Newsroom builds in one process
(`processes: 1`, in a mkdocs.yml of its own beside the site's): a forked process's count
starts from its parent's at the fork, so the counts of a build on two cores cannot be added
up; one process does the same work, bar the forks. Hugo's threads are counted together.

Instructions are not time: the same count runs faster or slower with the memory it touches,
and a build on two cores takes the time of its busier process. They tell whether a change
made a build do less work, and how much less, which a few timed runs here cannot; across
tools (Python and Go) they are an indication only. The generated sites are bench/generate.py's
(reused while unchanged, as peers.py does). Needs valgrind (Debian: apt-get install valgrind);
a 10,000-article build takes about 15 minutes under it. Nothing here runs in the tests.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import generate  # noqa: E402
import peers  # noqa: E402
import run  # noqa: E402
from run import OUT  # noqa: E402

VALGRIND = ("valgrind", "--tool=cachegrind", "--cache-sim=no")


def counted(command: list[str], cwd: Path, env: dict[str, str], folder: Path) -> int:
    """The instructions `command` executes, every process of it added up."""
    out = folder / "cachegrind.%p"
    done = subprocess.run(
        [*VALGRIND, f"--cachegrind-out-file={out}", *command],
        cwd=cwd,
        env={**env, "PYTHONHASHSEED": "0"},
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"instructions.py: {command[0]} failed:\n{done.stderr[-2000:]}")
    total = 0
    for file in folder.glob("cachegrind.*"):
        for line in file.read_text(encoding="utf-8").splitlines():
            if line.startswith("summary:"):
                total += int(line.split()[1])
    return total


def one_process(config: Path) -> Path:
    """The Newsroom site's `config`, building in one process, written beside it."""
    return peers.written_beside(config, "one-process", peers.newsroom_options(processes=1))


def measure(tool: str, root: Path, env: dict[str, str], binaries: dict[str, str]) -> int:
    """One build of `root` by `tool` to warm what builds keep, then one counted."""
    with tempfile.TemporaryDirectory(prefix="newsroom-instructions-") as temporary:
        folder = Path(temporary)
        command, tool_env = peers.command_for(tool, root, folder / "site", binaries)
        if tool in peers.NEWSROOMS:
            config = command.index("-f") + 1
            command[config] = str(one_process(Path(command[config])))
            tool_env = env
        subprocess.run(command, cwd=root, env=tool_env, capture_output=True, check=True)
        shutil.rmtree(folder / "site")
        return counted(command, root, tool_env, folder)


def plugin_states(refs: list[str]) -> list[tuple[str, dict[str, str]]]:
    """(label, build environment) for each ref: its plugin first on PYTHONPATH; no ref, the
    work tree's plugin (the project's venv)."""
    if not refs:
        return [("work tree", dict(run.BUILD_ENV))]
    states = []
    for ref in refs:
        sha, path = run.snapshot_plugin(ref)
        compile_env = {**run.BUILD_ENV, "PYTHONPATH": str(path)}
        subprocess.run(
            [sys.executable, "-m", "compileall", "-q", str(path)], env=compile_env, check=True
        )
        states.append((f"{ref} ({sha[:10]})", compile_env))
    return states


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Instructions a build executes, by valgrind.")
    parser.add_argument("sizes", type=int, nargs="*", default=[1000], metavar="N")
    parser.add_argument("--tools", nargs="+", choices=peers.TOOLS[:4], default=[peers.COMMONMARK])
    parser.add_argument("--refs", nargs="+", default=[], metavar="REF", help="plugin commits")
    parser.add_argument("--output", type=Path, default=OUT / "instructions.json")
    args = parser.parse_args(argv)
    binaries = {"hugo": found} if (found := peers.hugo_binary()) else {}
    if "hugo" in args.tools and not binaries:
        parser.error("no hugo on PATH (Debian: apt-get install hugo)")
    run.compile_plugin()
    states = plugin_states(args.refs)
    results: dict[str, Any] = {
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": [Path(sys.argv[0]).name, *(argv if argv is not None else sys.argv[1:])],
        "counts": [],
    }
    lines = [
        "| articles | tool | plugin | instructions (G) | over the first |",
        "|---|---|---|---|---|",
    ]
    for count in args.sizes:
        first = 0
        for tool in args.tools:
            root = OUT / f"gen-{count}-{peers.FORMAT_OF.get(tool, tool)}"
            generate.generate(count, root, peers.FORMAT_OF.get(tool, tool))
            for label, env in states if tool in peers.NEWSROOMS else [("-", dict(os.environ))]:
                total = measure(tool, root, env, binaries)
                first = first or total
                results["counts"].append(
                    {"articles": count, "tool": tool, "plugin": label, "instructions": total}
                )
                row = f"| {count:,} | {tool} | {label} | {total / 1e9:.3f} | {total / first:.3f} |"
                print(row, flush=True)
                lines.append(row)
                args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print("\n" + "\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
