"""Time Newsroom, Hugo and Pelican building the same generated news site, in one run (#18).

    .venv/bin/python bench/peers.py                        # 1,000 and 10,000 articles
    .venv/bin/python bench/peers.py 1000 10000 50000       # 50,000 too (Newsroom: minutes)
    .venv/bin/python bench/peers.py --plugin-ref HEAD      # the committed plugin, not the work tree
    .venv/bin/python bench/peers.py 1000 --tools newsroom hugo
    .venv/bin/python bench/peers.py 1000 10000 --tools newsroom newsroom-commonmark hugo
    .venv/bin/python bench/peers.py 10000 --tools newsroom-commonmark hugo hugo-full
    .venv/bin/python bench/peers.py 1000 10000 --in-memory  # no disk in the figures

For each N, generate.py writes the same N stories once per format (bench/out/gen-N-newsroom,
-hugo, -pelican; reused while unchanged). Each tool then builds its site clean --repeat times
(2), round by round (Newsroom, Hugo, Pelican, then again), each build into a folder deleted
just before, under /usr/bin/time -v; the fastest run of each is kept:

- Newsroom: `python -m mkdocs build -q` of the generated Newsroom site (the project's venv,
  or with --plugin-ref the plugin as committed at REF, as run.py does); newsroom-commonmark:
  the same, with `markdown_engine: commonmark` (mkdocs.commonmark.yml, written beside it);
- Hugo: `hugo --quiet` (Debian's package: `apt-get install hugo`, 0.111) with the theme in
  bench/hugo/: article pages, the front page, paginated section, tag and author pages, tag
  and author indexes, RSS of the front page and of each section, a sitemap; hugo-full: the
  same, with the outputs Newsroom builds besides (config.full.yml, written beside the site's
  config.yaml): RSS and Atom of every section, tag and author, a JSON Feed, a search index;
- Pelican: `pelican -q` (4.12, default theme, pages of 100 for the index, categories, tags
  and authors, Atom and RSS feeds of the site and of each category), from its own virtual
  environment bench/out/pelican-venv, which this script makes on first use (Pelican pins an
  older Pygments than the project's, so it stays out of .venv); skipped above
  --pelican-limit articles (10,000).

With --in-memory, the sources are copied into a memory file system (/dev/shm/newsroom-bench)
and every tool builds there, so that the figures are the tools' own work: on this machine's
disk, creating a file or a folder costs 0.15-0.2 ms and varies from run to run for every tool
(Hugo's 10,000 took 10.8 s in one run and 18.0 s in another).

Reported per build: wall s (best, and every run), CPU s (user + system), peak RSS MB, the
article page's bytes (median of all article pages, and gzipped over a sample of 200), the
site's bytes (sum of the files), bytes per article, and Newsroom over Hugo (and over
Pelican) for each figure; and Newsroom's wall time over each peer's round by round (the
median, lowest and highest of the rounds' ratios: each round's builds run back to back, so
a slow minute of the shared machine weighs on both; use --repeat 5 or more for it). A
Markdown table goes to stdout; everything to bench/out/peers.json (rewritten after every
build). The machine is shared: compare ratios from one run.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import generate  # noqa: E402
import run  # noqa: E402
from run import OUT, REPO  # noqa: E402

TOOLS = ("newsroom", "newsroom-commonmark", "hugo", "hugo-full", "pelican")
# Newsroom with `markdown_engine: commonmark`: the same generated site, another mkdocs.yml
COMMONMARK = "newsroom-commonmark"
# Hugo building Newsroom's outputs too (feeds of every tag and author, a search index): the
# same generated site, another config.yaml
HUGO_FULL = "hugo-full"
HUGO_FULL_OUTPUTS = generate.HUGO_NEWSROOM_OUTPUTS
FORMAT_OF = {COMMONMARK: "newsroom", HUGO_FULL: "hugo"}
NEWSROOMS = ("newsroom", COMMONMARK)
HUGOS = ("hugo", HUGO_FULL)
PELICAN_VENV = OUT / "pelican-venv"
PELICAN_REQUIREMENT = "pelican[markdown]==4.12.*"
SAMPLE = 200  # article pages gzipped for the compressed size


# --- The tools ---------------------------------------------------------------------------------


def hugo_binary() -> str | None:
    return shutil.which("hugo")


def pelican_binary(path: Path | None, install: bool) -> tuple[str | None, str]:
    """Pelican's executable, or None and why not. Without --pelican, the one in
    bench/out/pelican-venv, installed there first if missing (and `install`)."""
    if path:
        return (str(path), "") if path.exists() else (None, f"no {path}")
    binary = PELICAN_VENV / "bin" / "pelican"
    if binary.exists():
        return str(binary), ""
    if not install:
        return None, f"no {binary} (run without --no-install to make it)"
    print(f"installing {PELICAN_REQUIREMENT} into {PELICAN_VENV.relative_to(REPO)} ...")
    try:
        subprocess.run([sys.executable, "-m", "venv", str(PELICAN_VENV)], check=True)
        pip = [str(PELICAN_VENV / "bin" / "python"), "-m", "pip", "install", "--quiet"]
        subprocess.run([*pip, PELICAN_REQUIREMENT], check=True)
    except (OSError, subprocess.CalledProcessError) as error:
        shutil.rmtree(PELICAN_VENV, ignore_errors=True)
        return None, f"could not install Pelican ({error})"
    return str(binary), ""


def version(command: list[str]) -> str:
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=60)
    except OSError:
        return "not found"
    return (done.stdout or done.stderr).strip().splitlines()[0] if done.returncode == 0 else "?"


def command_for(
    tool: str, root: Path, site: Path, binaries: dict[str, str]
) -> tuple[list[str], dict[str, str]]:
    """The build command of `tool` for the sources at `root`, into `site`, and its environment."""
    if tool in NEWSROOMS:
        config = root / "mkdocs.yml" if tool == "newsroom" else commonmark_config(root)
        command = [sys.executable, "-m", "mkdocs", "build", "-q"]
        return [*command, "-f", str(config), "-d", str(site)], run.BUILD_ENV
    if tool in HUGOS:
        # the theme of this checkout, whichever wrote the site (its config names the writer's)
        themes = ["--themesDir", str(Path(__file__).resolve().parent)]
        config = root / "config.yaml" if tool == "hugo" else hugo_full_config(root)
        sources = ["-s", str(root), "--config", str(config)]
        return [binaries["hugo"], "--quiet", *themes, *sources, "-d", str(site)], HUGO_ENV
    content, settings = str(root / "content"), str(root / "pelicanconf.py")
    return [binaries["pelican"], content, "-s", settings, "-o", str(site), "-q"], dict(os.environ)


def written_beside(config: Path, suffix: str, change: Callable[[dict[str, Any]], None]) -> Path:
    """The YAML file `config` changed by `change`, written beside it as STEM.SUFFIX.yml (so
    that its folders are the same)."""
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    change(settings)
    written = config.with_name(f"{config.stem}.{suffix}.yml")
    written.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    return written


def newsroom_options(**options: object) -> Callable[[dict[str, Any]], None]:
    """A change of an mkdocs.yml's settings for `written_beside`: these newsroom options."""

    def change(settings: dict[str, Any]) -> None:
        for plugin in settings["plugins"]:
            if isinstance(plugin, dict) and "newsroom" in plugin:
                plugin["newsroom"].update(options)

    return change


def commonmark_config(root: Path) -> Path:
    """mkdocs.yml of the generated site at `root`, with `markdown_engine: commonmark`."""
    change = newsroom_options(markdown_engine="commonmark")
    return written_beside(root / "mkdocs.yml", "commonmark", change)


def hugo_full_config(root: Path) -> Path:
    """config.yaml of the generated Hugo site at `root`, with Newsroom's outputs."""
    return written_beside(root / "config.yaml", "full", lambda c: c.update(HUGO_FULL_OUTPUTS))


HUGO_ENV = dict(os.environ)  # --hugo-related adds HUGO_PARAMS_RELATED=hugo


# --- Measuring ---------------------------------------------------------------------------------


def article_pages(site: Path) -> dict[str, Any]:
    """Sizes of the article pages (YYYY/MM/DD/slug/index.html, every tool's permalink here):
    the median of all of them, and of a seeded sample of SAMPLE gzipped at level 6."""
    pages = sorted(p for p in site.glob("[0-9]*/[0-9]*/[0-9]*/*/index.html"))
    if not pages:
        return {"count": 0}
    sizes = [p.stat().st_size for p in pages]
    sample = random.Random(0).sample(pages, min(SAMPLE, len(pages)))
    packed = [len(gzip.compress(p.read_bytes(), compresslevel=6)) for p in sample]
    return {
        "count": len(pages),
        "median_bytes": int(statistics.median(sizes)),
        "min_bytes": min(sizes),
        "max_bytes": max(sizes),
        "median_gzip_bytes": int(statistics.median(packed)),
        "gzip_sample": len(sample),
    }


def site_folder(root: Path, memory: Path | None) -> Path:
    """Where the build of `root` writes: run.py's folder, or one in `memory` (--in-memory)."""
    return memory / "builds" / f"{root.name}.{os.getpid()}" if memory else run.output_dir(root)


def discard_site(site: Path, memory: Path | None) -> None:
    """Make `site` absent for the next build. In memory, deleting costs the next build
    nothing (trash.py's toll is the disk's)."""
    if memory:
        shutil.rmtree(site, ignore_errors=True)
    else:
        run.fresh(site)


def in_memory(root: Path, memory: Path) -> Path:
    """A copy of the generated sources at `root` in `memory`, made again if they changed."""
    copy = memory / root.name
    stamp = (root / generate.STAMP).read_bytes()
    if not (copy / generate.STAMP).is_file() or (copy / generate.STAMP).read_bytes() != stamp:
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(root, copy)
    return copy


def build(
    tool: str, root: Path, binaries: dict[str, str], measure: bool, memory: Path | None = None
) -> dict[str, Any]:
    """One clean, timed build; with `measure`, what it wrote too. The site is then deleted."""
    site = site_folder(root, memory)
    discard_site(site, memory)
    command, env = command_for(tool, root, site, binaries)
    result = run.timed(command, root, env)
    if result["ok"] and measure:
        result["outputs"] = run.outputs(site)
        result["outputs"]["article_page"] = article_pages(site)
    return result


def best(builds: list[dict[str, Any]]) -> dict[str, Any] | None:
    good = [b for b in builds if b["ok"]]
    return min(good, key=lambda b: b["wall_s"]) if good else None


def cpu(run_: dict[str, Any]) -> float:
    return float(run_.get("user_s", 0.0) + run_.get("system_s", 0.0))


def summary(count: int, builds: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The figures of a tool at `count` articles: the fastest run's times and memory, and the
    outputs measured after the last run (every run writes the same site)."""
    fastest = best(builds)
    measured = next((b["outputs"] for b in reversed(builds) if "outputs" in b), None)
    if fastest is None or measured is None:
        return None
    site_bytes = measured["apparent_bytes"]
    page = measured["article_page"]
    return {
        "wall_s": fastest["wall_s"],
        "runs_s": [b["wall_s"] for b in builds],
        "cpu_s": round(cpu(fastest), 2),
        "peak_rss_mb": round(fastest.get("peak_rss_kb", 0) / 1024, 1),
        "article_page_bytes": page.get("median_bytes", 0),
        "article_page_gzip_bytes": page.get("median_gzip_bytes", 0),
        "article_pages": page.get("count", 0),
        "site_bytes": site_bytes,
        "site_du_bytes": measured["du_bytes"],
        "bytes_per_article": round(site_bytes / count),
        "files": measured["files"],
        "html_files": measured["html_files"],
    }


RATIO_FIGURES = {
    "wall": "wall_s",
    "cpu": "cpu_s",
    "peak_rss": "peak_rss_mb",
    "article_page": "article_page_bytes",
    "site": "site_bytes",
}


def paired(ours: list[dict[str, Any]], theirs: list[dict[str, Any]]) -> dict[str, float] | None:
    """Newsroom's wall time over the other tool's, round by round: each pair built back to
    back, so a slow minute of the shared machine weighs on both. The median of the rounds'
    ratios, the lowest and the highest (None when no round built both)."""
    pairs = [
        mine["wall_s"] / other["wall_s"]
        for mine, other in zip(ours, theirs, strict=False)
        if mine["ok"] and other["ok"]
    ]
    if not pairs:
        return None
    return {
        "median": round(statistics.median(pairs), 2),
        "low": round(min(pairs), 2),
        "high": round(max(pairs), 2),
        "rounds": len(pairs),
    }


def ratios(ours: dict[str, Any], theirs: dict[str, Any]) -> dict[str, float]:
    return {
        name: round(ours[key] / theirs[key], 2)
        for name, key in RATIO_FIGURES.items()
        if ours.get(key) and theirs.get(key)
    }


# --- Reporting ---------------------------------------------------------------------------------

TARGETS = (
    "#18's targets: at 10,000, wall ≤ Hugo's, peak ≤ 400 MB, article page ≤ 12 KB, ≤ 12 KB an"
    " article; at 1,000, wall ≤ 1.5 x Hugo's; at 50,000, peak ≤ 1 GB"
)


def markdown(results: dict[str, Any]) -> str:
    head = [
        "articles",
        "tool",
        "wall s (runs)",
        "CPU s",
        "peak MB",
        "article page KB (gz)",
        "site MB",
        "KB / article",
        "HTML files",
        "Newsroom / this: wall, CPU, peak, page, site",
    ]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for entry in results["sizes"]:
        count = entry["articles"]
        news = entry["tools"].get("newsroom", {}).get("summary")
        for tool, data in entry["tools"].items():
            found = data.get("summary")
            if not found:
                why = data.get("skipped") or "FAILED"
                lines.append(f"| {count:,} | {tool} | {why} |" + " |" * (len(head) - 3))
                continue
            runs = " / ".join(f"{w:.1f}" for w in found["runs_s"])
            page = found["article_page_bytes"] / 1000
            page_gz = found["article_page_gzip_bytes"] / 1000
            ratio = ""
            if news and tool not in NEWSROOMS:
                r = ratios(news, found)
                ratio = ", ".join(f"{r[k]:.2f}" for k in RATIO_FIGURES if k in r)
            cells = [
                f"{count:,}",
                tool,
                f"{found['wall_s']:.1f} ({runs})",
                f"{found['cpu_s']:.1f}",
                f"{found['peak_rss_mb']:,.0f}",
                f"{page:.1f} ({page_gz:.1f})",
                f"{found['site_bytes'] / 1e6:,.1f}",
                f"{found['bytes_per_article'] / 1000:.1f}",
                f"{found['html_files']:,}",
                ratio,
            ]
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


# --- Main --------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Newsroom vs Hugo vs Pelican on the same generated site."
    )
    parser.add_argument(
        "sizes", type=int, nargs="*", default=[1000, 10000], metavar="N", help="articles"
    )
    parser.add_argument("--tools", nargs="+", choices=TOOLS, default=list(TOOLS))
    parser.add_argument("--repeat", type=int, default=2, help="builds per tool; best is kept")
    parser.add_argument(
        "--pelican-limit",
        type=int,
        default=10000,
        metavar="N",
        help="build Pelican only up to N articles (10,000)",
    )
    parser.add_argument("--pelican", type=Path, help="a pelican executable to use")
    parser.add_argument(
        "--no-install",
        action="store_true",
        help="do not make bench/out/pelican-venv when it is missing (skip Pelican)",
    )
    parser.add_argument(
        "--hugo-related",
        action="store_true",
        help="Hugo's own related-content index on article pages (quadratic on this corpus)",
    )
    parser.add_argument(
        "--plugin-ref",
        metavar="REF",
        help="build Newsroom with the plugin as committed at this git ref (default: work tree)",
    )
    parser.add_argument("--keep-sites", action="store_true", help="keep the last built sites")
    parser.add_argument(
        "--in-memory",
        nargs="?",
        const=Path("/dev/shm/newsroom-bench"),
        type=Path,
        metavar="DIR",
        help="copy the sources to DIR, a memory file system (/dev/shm/newsroom-bench), and "
        "build there: every tool's time without the disk's",
    )
    parser.add_argument("--output", type=Path, default=OUT / "peers.json")
    args = parser.parse_args(argv)
    if not Path(run.TIME).exists():
        parser.error(f"{run.TIME} is needed (Debian package 'time')")

    OUT.mkdir(parents=True, exist_ok=True)
    plugin_sha = run.use_plugin(args.plugin_ref) if args.plugin_ref else None
    run.compile_plugin()
    if args.hugo_related:
        HUGO_ENV["HUGO_PARAMS_RELATED"] = "hugo"
    binaries: dict[str, str] = {}
    skipped: dict[str, str] = {}
    if set(HUGOS) & set(args.tools):
        found = hugo_binary()
        if found:
            binaries["hugo"] = found
        else:
            skipped.update(dict.fromkeys(HUGOS, "no hugo on PATH (Debian: apt-get install hugo)"))
    if "pelican" in args.tools:
        path, why = pelican_binary(args.pelican, not args.no_install)
        if path:
            binaries["pelican"] = path
        else:
            skipped["pelican"] = why
    for tool, why in skipped.items():
        print(f"note: {tool} skipped: {why}")

    results: dict[str, Any] = {
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": [Path(sys.argv[0]).name, *(argv if argv is not None else sys.argv[1:])],
        "repeat": args.repeat,
        "in_memory": str(args.in_memory) if args.in_memory else None,
        "kept": "the fastest run (wall); outputs measured after the last run",
        **run.context(),
        "sizes": [],
    }
    for tool, flag in (("hugo", "version"), ("pelican", "--version")):
        results["versions"][tool] = version([binaries[tool], flag]) if tool in binaries else "-"
    results["hugo_related"] = "hugo's index" if args.hugo_related else "latest in section"
    if plugin_sha:
        results["repository"]["plugin_source"] = f"git {args.plugin_ref} ({plugin_sha})"
        results["repository"]["plugin_dir"] = str(run.PLUGIN_DIR)

    def save() -> None:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")

    failed = False
    for count in args.sizes:
        entry: dict[str, Any] = {"articles": count, "tools": {}}
        results["sizes"].append(entry)
        roots: dict[str, Path] = {}
        for tool in args.tools:
            if tool in skipped:
                entry["tools"][tool] = {"skipped": skipped[tool]}
            elif tool == "pelican" and count > args.pelican_limit:
                entry["tools"][tool] = {"skipped": f"above --pelican-limit {args.pelican_limit:,}"}
            else:
                fmt = FORMAT_OF.get(tool, tool)
                root = OUT / f"gen-{count}-{fmt}"
                start = time.perf_counter()
                if generate.generate(count, root, fmt):
                    took = time.perf_counter() - start
                    print(f"  wrote {root.relative_to(REPO)} in {took:.1f} s")
                roots[tool] = in_memory(root, args.in_memory) if args.in_memory else root
                entry["tools"][tool] = {"sources": str(root.relative_to(REPO)), "runs": []}
        for round_ in range(args.repeat):
            last = round_ == args.repeat - 1
            for tool, root in roots.items():
                print(f"{count:,} articles: {tool}, run {round_ + 1} ...", end=" ", flush=True)
                result = build(tool, root, binaries, measure=last, memory=args.in_memory)
                entry["tools"][tool]["runs"].append(result)
                state = "ok" if result["ok"] else "FAILED"
                print(
                    f"{state} {result['wall_s']:.1f} s, {cpu(result):.1f} s CPU, "
                    f"{result.get('peak_rss_kb', 0) / 1024:,.0f} MB "
                    f"(load {result['load_before']:.1f})",
                    flush=True,
                )
                if not result["ok"]:
                    failed = True
                    for line in result.get("messages", []):
                        print(f"    {line}")
                if last and args.keep_sites:
                    entry["tools"][tool]["site"] = str(site_folder(root, args.in_memory))
                else:
                    discard_site(site_folder(root, args.in_memory), args.in_memory)
                save()
        for tool in roots:
            found = summary(count, entry["tools"][tool]["runs"])
            entry["tools"][tool]["summary"] = found
        for ours in NEWSROOMS:
            news = entry["tools"].get(ours, {}).get("summary")
            for tool in roots:
                theirs = entry["tools"][tool]["summary"]
                if news and theirs and tool not in NEWSROOMS:
                    entry[f"{ours}_over_{tool}"] = ratios(news, theirs)
                    runs = entry["tools"][ours]["runs"], entry["tools"][tool]["runs"]
                    entry[f"{ours}_over_{tool}_by_round"] = paired(*runs)
        save()

    results["finished"] = datetime.now(UTC).isoformat(timespec="seconds")
    end_digest = run.plugin_digest()
    results["repository"]["plugin_digest_at_end"] = end_digest
    if end_digest != results["repository"]["plugin_digest"]:
        print("warning: the plugin's files changed during the run; figures mix two states")
    save()
    print()
    print(markdown(results))
    print()
    for entry in results["sizes"]:
        for ours, tool in itertools.product(NEWSROOMS, (*HUGOS, "pelican")):
            found = entry.get(f"{ours}_over_{tool}")
            if found:
                figures = ", ".join(f"{k} {v:.2f}x" for k, v in found.items())
                print(f"{entry['articles']:,} articles, {ours} / {tool}: {figures}")
            by_round = entry.get(f"{ours}_over_{tool}_by_round")
            if by_round:
                print(
                    f"{entry['articles']:,} articles, {ours} / {tool}, wall round by round: "
                    f"median {by_round['median']:.2f}x ({by_round['low']:.2f}x-"
                    f"{by_round['high']:.2f}x, {by_round['rounds']} rounds)"
                )
    print(TARGETS)
    print(f"\nresults: {args.output}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
