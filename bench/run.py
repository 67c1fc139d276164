"""Time clean `mkdocs build`s of Newsroom, and of Material's blog on the same texts.

    .venv/bin/python bench/run.py                      # the default scenarios, below
    .venv/bin/python bench/run.py --bbc                # BBC corpus: Newsroom vs Material
    .venv/bin/python bench/run.py --generated 1000     # generated: Newsroom vs Material
    .venv/bin/python bench/run.py --scale 10000 20000  # generated: Newsroom alone
    .venv/bin/python bench/run.py --profile 10000      # cProfile of one Newsroom build
    .venv/bin/python bench/run.py --plugin-ref HEAD    # the committed plugin, not the work tree

With no scenario flag it runs `--bbc --generated 1000 --scale 10000 20000`. Material is built
only for the BBC set and for generated sites of at most --material-limit articles (1,000):
its blog is quadratic (~65 s for the BBC set, ~24 s at 1,000, ~18 min at 10,000).

Each build is `python -m mkdocs build -q` in a subprocess, into a site dir that does not
exist (the previous one put aside, deleted when the script ends: trash.py says why), under
`/usr/bin/time -v`; it runs --repeat times (2) and the fastest run is kept, so the figure is
a warm-cache build (the sources and Python's own files in the page cache). For each
build: wall time, user+system CPU, peak RSS ("Maximum resident set size"), output size (`du`,
apparent bytes of the files, the bytes of the tar archive GitHub's upload-pages-artifact
makes of the folder, and of that archive zipped as upload-artifact uploads it: GitHub's
deploy-pages warns when the upload exceeds 1 GB), file and HTML counts,
article pages found, and the search index size (everything under search/, raw and gzipped).
A table goes to stdout, everything to bench/out/results.json (rewritten after every build,
so a run cut short keeps what it measured).

Sites are written under bench/out/ (git-ignored) by generate.py and bbc.py, and reused by the
next run while their generator and parameters are unchanged.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.metadata
import json
import os
import platform
import pstats
import re
import subprocess
import sys
import tarfile
import time
import zlib
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path
from typing import Any

import yaml

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
OUT = BENCH / "out"
TIME = "/usr/bin/time"
sys.path.insert(0, str(BENCH))

import bbc  # noqa: E402
import generate  # noqa: E402
import trash  # noqa: E402

TOOLS = ("newsroom", "material")
# The environment of every build; --plugin-ref puts a snapshot of the plugin first on PYTHONPATH.
# Builds may write bytecode (compile_plugin), as an installed plugin has it (#18).
BUILD_ENV = {
    **{name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"},
    "NO_MKDOCS_2_WARNING": "1",
}
PACKAGE = "mkdocs_newsroom"
PLUGIN_DIR = REPO / "plugins" / PACKAGE
ARTICLE_PAGE = re.compile(r"^(?:blog/)?\d{4}/\d{2}/\d{2}/[^/]+/index\.html$")
TIME_FIELDS = {
    "user_s": re.compile(r"User time \(seconds\): ([\d.]+)"),
    "system_s": re.compile(r"System time \(seconds\): ([\d.]+)"),
    "peak_rss_kb": re.compile(r"Maximum resident set size \(kbytes\): (\d+)"),
    "exit_status": re.compile(r"Exit status: (\d+)"),
}


# --- Building and measuring ---------------------------------------------------------------


def output_dir(root: Path) -> Path:
    """This process's own site folder for `root`: other runs may build the same sources."""
    return OUT / "builds" / f"{root.name}.{os.getpid()}"


def fresh(folder: Path) -> None:
    """Make `folder` absent for the next build (its files deleted when the script ends)."""
    trash.discard(folder)
    if folder.exists():
        raise SystemExit(f"run.py: could not empty {folder}")


def build_once(
    root: Path, python: str = sys.executable, site: Path | None = None
) -> dict[str, Any]:
    """One clean `mkdocs build -q` of the site at `root` by `python`'s MkDocs, into `site`
    (default: `output_dir(root)`), timed by /usr/bin/time -v."""
    site = site or output_dir(root)
    fresh(site)
    command = [python, "-m", "mkdocs", "build", "-q"]
    command += ["-f", str(root / "mkdocs.yml"), "-d", str(site)]
    return timed(command, root, BUILD_ENV)


def timed(command: list[str], cwd: Path, env: dict[str, str]) -> dict[str, Any]:
    """Run `command` under /usr/bin/time -v: wall time (timed here), user and system CPU,
    peak RSS, exit status, and the command's own messages (stderr, at most 40 lines)."""
    trash.settle()
    load = os.getloadavg()[0]
    start = time.perf_counter()
    done = subprocess.run(
        [TIME, "-v", *command], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    wall = time.perf_counter() - start
    messages, _, report = done.stderr.partition("\tCommand being timed:")
    run: dict[str, Any] = {"wall_s": round(wall, 3), "load_before": round(load, 2)}
    for name, pattern in TIME_FIELDS.items():
        match = pattern.search(report)
        if match:
            run[name] = float(match.group(1)) if name.endswith("_s") else int(match.group(1))
    run["returncode"] = done.returncode
    run["ok"] = done.returncode == 0
    lines = [
        line
        for line in messages.splitlines()
        if line.strip() and not line.startswith("Command exited with non-zero status")
    ]
    if lines:
        run["messages"] = lines[:40]
    return run


def outputs(site: Path) -> dict[str, Any]:
    """What a build wrote: sizes, counts and the search index."""
    files = html = articles = apparent = 0
    for path in site.rglob("*"):
        if path.is_file():
            files += 1
            apparent += path.stat().st_size
            rel = path.relative_to(site).as_posix()
            if rel.endswith(".html"):
                html += 1
                if ARTICLE_PAGE.match(rel):
                    articles += 1
    du = subprocess.run(
        ["du", "-s", "-B1", str(site)], capture_output=True, text=True, check=True
    ).stdout.split()[0]
    tar, artifact = artifact_bytes(site)
    return {
        "files": files,
        "html_files": html,
        "article_pages": articles,
        "apparent_bytes": apparent,
        "du_bytes": int(du),
        "tar_bytes": tar,
        "artifact_bytes": artifact,
        "search_index": search_index(site / "search"),
    }


def artifact_bytes(site: Path) -> tuple[int, int]:
    """What actions/upload-pages-artifact uploads: `tar -c` of the folder (a 512-byte header
    per file and folder, each file rounded up to 512 bytes), which actions/upload-artifact@v4
    then zips at its default level, 6. Returns (tar bytes, deflated bytes). The deflated size
    is the one actions/deploy-pages compares with 1 GB (1,073,741,824 bytes) before it warns
    that a deployment might fail."""
    tar = subprocess.Popen(["tar", "-cf", "-", "-C", str(site), "."], stdout=subprocess.PIPE)
    assert tar.stdout is not None
    deflate = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)  # zip's raw deflate
    total = deflated = 0
    while chunk := tar.stdout.read(1 << 20):
        total += len(chunk)
        deflated += len(deflate.compress(chunk))
    tar.wait()
    return total, deflated + len(deflate.flush())


def search_index(folder: Path) -> dict[str, Any]:
    """Everything under search/: Material's one lunr index, or a plugin's many small files.

    The total is what the site stores; with a sharded index a reader loads only a few files.
    """
    found: dict[str, Any] = {"files": 0, "bytes": 0, "gzip_bytes": 0, "parts": {}}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        size, packed = len(data), len(gzip.compress(data, compresslevel=6))
        found["files"] += 1
        found["bytes"] += size
        found["gzip_bytes"] += packed
        part = path.relative_to(folder).parts[0]
        entry = found["parts"].setdefault(part, {"files": 0, "bytes": 0, "gzip_bytes": 0})
        entry["files"] += 1
        entry["bytes"] += size
        entry["gzip_bytes"] += packed
        if path.name == "search_index.json" and path.parent == folder:
            try:
                index = json.loads(data)  # Material's {"docs": [...]}, or a list (hugo-full)
                documents = index.get("docs", []) if isinstance(index, dict) else index
                entry["documents"] = len(documents)
            except ValueError:
                entry["documents"] = None
    return found


def measure(root: Path, repeat: int, keep: bool) -> dict[str, Any]:
    runs = [build_once(root) for _ in range(repeat)]
    good = [run for run in runs if run["ok"]]
    site = output_dir(root)
    result: dict[str, Any] = {
        "sources": str(root.relative_to(REPO)),
        "runs": runs,
        "ok": bool(good),
    }
    if good:
        best = min(good, key=lambda run: run["wall_s"])
        result["best"] = best
        # Every run writes the same site, so the one left on disk stands for the best one.
        result["outputs"] = outputs(site)
    if keep:
        result["site"] = str(site.relative_to(REPO))
    else:
        fresh(site)
    return result


# --- Sites -----------------------------------------------------------------------------------


def generated_site(count: int, tool: str, titles: str) -> Path:
    suffix = "-fm-titles" if tool == "material" and titles == "front-matter" else ""
    root = OUT / f"gen-{count}-{tool}{suffix}"
    start = time.perf_counter()
    if generate.generate(count, root, tool, titles=titles):
        print(f"  wrote {root.relative_to(REPO)} in {time.perf_counter() - start:.1f} s")
    return root


def bbc_site(tool: str, titles: str, corpus: Path) -> Path:
    suffix = "-fm-titles" if tool == "material" and titles == "front-matter" else ""
    root = OUT / f"bbc-{tool}{suffix}"
    start = time.perf_counter()
    if bbc.convert(root, tool, corpus, titles):
        print(f"  wrote {root.relative_to(REPO)} in {time.perf_counter() - start:.1f} s")
    return root


def with_minify(root: Path) -> Path:
    """The site at `root` with mkdocs-minify-plugin after `search` (minify_html on), in a
    folder beside it that links to its sources: another plugin with `on_post_page`, which
    Newsroom runs over its own pages too (plugin_page_events)."""
    minified = root.with_name(f"{root.name}-minify")
    minified.mkdir(exist_ok=True)
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    plugins = config["plugins"]
    plugins.insert(plugins.index("search") + 1, {"minify": {"minify_html": True}})
    text = yaml.safe_dump(config, sort_keys=False, allow_unicode=True)
    (minified / "mkdocs.yml").write_text(text, encoding="utf-8")
    for source in root.iterdir():
        link = minified / source.name
        if source.name != "mkdocs.yml" and not link.exists():
            link.symlink_to(source.resolve())
    return minified


# --- Reporting -------------------------------------------------------------------------------


def mb(value: float) -> str:
    return f"{value / 1e6:,.1f}"


def row(scenario: str, tool: str, articles: int, build: dict[str, Any]) -> list[str]:
    if not build["ok"]:
        return [scenario, tool, f"{articles:,}", "FAILED", *[""] * 8]
    best, out = build["best"], build["outputs"]
    walls = "/".join(f"{run['wall_s']:.1f}" for run in build["runs"])
    cpu = best.get("user_s", 0.0) + best.get("system_s", 0.0)
    search, search_gz = out["search_index"]["bytes"], out["search_index"]["gzip_bytes"]
    return [
        scenario,
        tool,
        f"{articles:,}",
        f"{best['wall_s']:.2f}",
        walls,
        f"{cpu:.1f}",
        f"{best['wall_s'] / max(articles, 1) * 1000:.2f}",
        f"{best.get('peak_rss_kb', 0) / 1024:,.0f}",
        f"{mb(out['du_bytes'])} / {mb(out['apparent_bytes'])} / {mb(out.get('tar_bytes', 0))}"
        f" / {mb(out.get('artifact_bytes', 0))}",
        f"{out['html_files']:,}",
        f"{out['article_pages']:,}",
        f"{mb(search)} / {mb(search_gz)} / {out['search_index']['files']:,}",
    ]


HEADER = [
    "scenario",
    "tool",
    "articles",
    "best s",
    "runs s",
    "cpu s",
    "ms/art",
    "peak MB",
    "site MB: du / files / tar / zip",
    "HTML",
    "art. pages",
    "search MB / gz / files",
]


def table(rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in [HEADER, *rows]) for i in range(len(HEADER))]
    lines = ["  ".join(cell.rjust(w) for cell, w in zip(r, widths, strict=True)) for r in rows]
    head = "  ".join(cell.rjust(w) for cell, w in zip(HEADER, widths, strict=True))
    return "\n".join([head, "-" * len(head), *lines])


def ratio(scenario: dict[str, Any]) -> dict[str, float] | None:
    builds = scenario["builds"]
    if not all(tool in builds and builds[tool]["ok"] for tool in TOOLS):
        return None
    news, mat = builds["newsroom"]["best"], builds["material"]["best"]
    result = {"wall": round(mat["wall_s"] / news["wall_s"], 2)}
    cpu_news = news.get("user_s", 0.0) + news.get("system_s", 0.0)
    cpu_mat = mat.get("user_s", 0.0) + mat.get("system_s", 0.0)
    if cpu_news and cpu_mat:
        result["cpu"] = round(cpu_mat / cpu_news, 2)
    if news.get("peak_rss_kb") and mat.get("peak_rss_kb"):
        result["peak_rss"] = round(mat["peak_rss_kb"] / news["peak_rss_kb"], 2)
    return result


# --- Context ---------------------------------------------------------------------------------


def command_output(*command: str) -> str:
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)
    return done.stdout.strip()


def plugin_digest(plugin: Path | None = None) -> str:
    """A hash of the plugin's files, to tell which state of a moving code base was measured."""
    digest = hashlib.sha256()
    plugin = plugin or PLUGIN_DIR
    for path in sorted(plugin.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(plugin).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def snapshot_plugin(ref: str) -> tuple[str, Path]:
    """The plugin as committed at `ref`, extracted (git archive) under bench/out/plugin-SHA/.

    Builds then import it first (PYTHONPATH), whatever the working tree holds meanwhile.
    """
    sha = command_output("git", "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    if not sha:
        raise SystemExit(f"run.py: no commit {ref!r} in {REPO}")
    target = OUT / f"plugin-{sha[:12]}"
    if not (target / "plugins" / PACKAGE / "plugin.py").exists():
        archive = subprocess.run(
            ["git", "archive", "--format=tar", sha, f"plugins/{PACKAGE}"],
            cwd=REPO,
            capture_output=True,
            check=True,
        ).stdout
        target.mkdir(parents=True, exist_ok=True)
        with tarfile.open(fileobj=BytesIO(archive)) as tar:
            tar.extractall(target, filter="data")
    return sha, target / "plugins"


def compile_plugin() -> None:
    """Compile the measured plugin's modules to bytecode before the first timed build, as pip
    does when it installs a package: under PYTHONDONTWRITEBYTECODE (set in some shells and
    containers) every build compiled its ~120 modules again, 0.2 s of CPU that no user's
    installed plugin spends."""
    command = [sys.executable, "-m", "compileall", "-q", str(PLUGIN_DIR)]
    subprocess.run(command, env=BUILD_ENV, check=True, stdout=subprocess.DEVNULL)


def use_plugin(ref: str) -> str:
    global PLUGIN_DIR
    sha, path = snapshot_plugin(ref)
    BUILD_ENV["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(path), os.environ.get("PYTHONPATH", "")) if p
    )
    PLUGIN_DIR = path / PACKAGE
    probe = subprocess.run(
        [sys.executable, "-c", f"import {PACKAGE}; print({PACKAGE}.__file__)"],
        env=BUILD_ENV,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not probe.startswith(str(path)):
        raise SystemExit(f"run.py: builds would import the plugin from {probe}, not {path}")
    return sha


def context() -> dict[str, Any]:
    cpuinfo = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    model = re.search(r"model name\s*:\s*(.+)", cpuinfo)
    meminfo = Path("/proc/meminfo").read_text(encoding="utf-8")
    memory = re.search(r"MemTotal:\s*(\d+)", meminfo)
    versions = {"python": platform.python_version()}
    for package in ("mkdocs", "mkdocs-material", "Markdown", "PyYAML", "pymdown-extensions"):
        try:
            versions[package] = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            versions[package] = "not installed"
    changed = command_output("git", "diff", "--name-only", "HEAD", "--", "plugins")
    return {
        "machine": {
            "cpus": os.cpu_count(),
            "cpu_model": model.group(1) if model else "unknown",
            "memory_gib": round(int(memory.group(1)) / 2**20, 1) if memory else None,
            "platform": platform.platform(),
        },
        "versions": versions,
        "repository": {
            "commit": command_output("git", "rev-parse", "HEAD"),
            "plugins_changed_since_commit": changed.splitlines(),
            "plugin_source": "working tree",
            "plugin_dir": str(PLUGIN_DIR),
            "plugin_digest": plugin_digest(),
        },
    }


# --- Profiling -------------------------------------------------------------------------------


COMPONENTS = [
    (f"/plugins/{PACKAGE}/templates/", "Jinja templates (compiled)"),
    (f"/plugins/{PACKAGE}/", "Newsroom plugin (Python)"),
    ("site-packages/material/templates/", "Jinja templates (compiled)"),
    ("site-packages/jinja2/", "Jinja2 runtime"),
    ("site-packages/markupsafe/", "MarkupSafe"),
    ("site-packages/markdown/", "Python-Markdown"),
    ("site-packages/pymdownx/", "pymdown-extensions"),
    ("site-packages/material/", "Material plugins (search)"),
    ("site-packages/mkdocs/", "MkDocs"),
    ("site-packages/yaml/", "PyYAML"),
    ("site-packages/babel/", "Babel"),
]
# Where a build's time goes: the largest cumulative time of the functions each pattern matches
# (the largest, not the sum, because template frames nest and recurse).
PHASES = [
    ("mkdocs build(), everything", r"mkdocs/commands/build\.py:\d+\(build\)"),
    (
        "  Newsroom on_files: read and render articles, indexes",
        r"mkdocs_newsroom/build/site_build\.py:\d+\(read\)",
    ),
    ("    Python-Markdown convert()", r"markdown/core\.py:\d+\(convert\)"),
    ("  MkDocs _build_page: pages MkDocs renders", r"mkdocs/commands/build\.py:\d+\(_build_page\)"),
    (
        "  Newsroom on_post_build: pages it renders",
        r"mkdocs_newsroom/build/site_build\.py:\d+\(write\)",
    ),
    ("  Jinja render(), in any of the above", r"jinja2/environment\.py:\d+\(render\)"),
    ("    article pages (news/article.html)", r"news/article\.html:\d+\(root\)"),
    ("    listing pages (news/listing.html)", r"news/listing\.html:\d+\(root\)"),
    ("    Newsroom cards (news/partials/card*.html)", r"news/partials/cards?\.html"),
    ("    Material sidebar nav (partials/nav.html)", r"material/templates/partials/nav\.html"),
    ("    Material tabs (partials/tabs.html)", r"material/templates/partials/tabs\.html"),
    ("    MkDocs url filter", r"mkdocs/utils/templates\.py:\d+\(url_filter\)"),
    ("  search plugin on_page_context: page text", r"search/plugin\.py:\d+\(on_page_context\)"),
    ("  search plugin on_post_build: the index", r"search/plugin\.py:\d+\(on_post_build\)"),
]
# The frames every `python -m mkdocs build` starts with; they hide the interesting ones.
ENTRY_FRAMES = re.compile(r"runpy|click/|mkdocs/__main__|^<string>$|builtins\.exec")


def _component(filename: str) -> str:
    for marker, name in COMPONENTS:
        if marker in filename:
            return name
    if filename == "~":
        return "built-ins (C: str.join, getattr, isinstance, re ...)"
    if "/lib/python3" in filename or filename.startswith("<frozen"):
        return "Python standard library"
    return "other"


def _where(function: tuple[str, int, str]) -> str:
    filename, line, name = function
    if filename == "~":
        return name
    for marker in ("site-packages/", "/plugins/", "/lib/python3.11/"):
        if marker in filename:
            filename = filename.split(marker, 1)[1]
            break
    return f"{filename}:{line}({name})"


def profile_report(stats_file: Path, top: int = 15) -> tuple[str, dict[str, Any]]:
    """Top functions by cumulative and own time, and own time by component, as text and data."""
    stats = pstats.Stats(str(stats_file))
    total = stats.total_tt  # type: ignore[attr-defined]
    entries = [
        (function, calls, own, cumulative)
        for function, (_, calls, own, cumulative, _) in stats.stats.items()  # type: ignore[attr-defined]
    ]
    by_cumulative = [
        e
        for e in sorted(entries, key=lambda e: -e[3])
        if not ENTRY_FRAMES.search(_where(e[0])) and e[0][2] != "<module>"
    ][:top]
    by_own = sorted(entries, key=lambda e: -e[2])[:top]
    components: dict[str, float] = {}
    for function, _, own, _ in entries:
        name = _component(function[0])
        components[name] = components.get(name, 0.0) + own
    lines = [
        f"profile of {stats_file.name}: {total:.1f} s of CPU under cProfile",
        "",
        "where the time goes (cumulative; an indented line is part of the less indented one above)",
    ]
    phases = {}
    for label, pattern in PHASES:
        found = [e[3] for e in entries if re.search(pattern, _where(e[0]))]
        if found:
            phases[label.strip()] = round(max(found), 2)
            lines.append(f"{max(found):8.1f} {max(found) / total:6.1%}  {label}")

    def listing(title: str, rows: list[tuple[tuple[str, int, str], int, float, float]]) -> None:
        lines.extend(["", title, f"{'cumul s':>8} {'own s':>7} {'calls':>10}  function"])
        for function, calls, own, cumulative in rows:
            lines.append(f"{cumulative:8.1f} {own:7.1f} {calls:10,}  {_where(function)}")

    listing(
        f"top {top} by cumulative time (the python -m mkdocs entry frames left out)", by_cumulative
    )
    listing(f"top {top} by own time", by_own)
    lines.extend(["", "own time by component", f"{'own s':>8} {'share':>6}  component"])
    for name, own in sorted(components.items(), key=lambda kv: -kv[1]):
        if own >= 0.005 * total:
            lines.append(f"{own:8.1f} {own / total:6.1%}  {name}")

    def data(rows: list[tuple[tuple[str, int, str], int, float, float]]) -> list[dict[str, Any]]:
        return [
            {"function": _where(f), "calls": n, "own_s": round(o, 2), "cumulative_s": round(c, 2)}
            for f, n, o, c in rows
        ]

    summary = {
        "cpu_s_under_cprofile": round(total, 2),
        "phases_cumulative_s": phases,
        "top_cumulative": data(by_cumulative),
        "top_own": data(by_own),
        "own_by_component": {k: round(v, 2) for k, v in components.items() if v >= 0.01},
    }
    return "\n".join(lines) + "\n", summary


def profile(count: int, processes: int, top: int = 15) -> dict[str, Any]:
    """cProfile one in-process `mkdocs build` of the generated Newsroom site of `count`.

    cProfile sees only its own process, so the plugin is asked for `processes` worker
    processes (1: everything in the profiled process) when its configuration has the option.
    """
    root = generated_site(count, "newsroom", "heading")
    site = output_dir(root)
    fresh(site)
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(root / config.get("docs_dir", "docs"))
    config_text = (PLUGIN_DIR / "settings" / "schema.py").read_text(encoding="utf-8")
    has_processes = re.search(r"^\s*processes\s*=", config_text, re.MULTILINE) is not None
    if has_processes:
        for plugin in config["plugins"]:
            if isinstance(plugin, dict) and "newsroom" in plugin:
                plugin["newsroom"]["processes"] = processes
    config_file = site.with_suffix(".yml")
    config_file.parent.mkdir(parents=True, exist_ok=True)
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    stats_file = OUT / f"profile-newsroom-{count}.prof"
    command = [sys.executable, "-m", "cProfile", "-o", str(stats_file)]
    command += ["-m", "mkdocs", "build", "-q", "-f", str(config_file), "-d", str(site)]
    digest = plugin_digest()
    start = time.perf_counter()
    done = subprocess.run(
        command, cwd=root, env=BUILD_ENV, capture_output=True, text=True, check=False
    )
    wall = time.perf_counter() - start
    fresh(site)
    config_file.unlink()
    result: dict[str, Any] = {
        "articles": count,
        "processes": processes if has_processes else "the plugin has no 'processes' option",
        "wall_s_under_cprofile": round(wall, 2),
        "returncode": done.returncode,
        "plugin_digest": digest,
        "stats_file": str(stats_file.relative_to(REPO)),
    }
    if done.returncode != 0 or not stats_file.exists():
        result["messages"] = done.stderr.splitlines()[-40:]
        return result
    text, summary = profile_report(stats_file, top)
    report = OUT / f"profile-newsroom-{count}.txt"
    report.write_text(text, encoding="utf-8")
    result["report"] = str(report.relative_to(REPO))
    result.update(summary)
    print(text)
    return result


# --- Main ------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Benchmark Newsroom against Material's blog.",
        epilog="No scenario flag: --bbc --generated 1000 --scale 10000 20000.",
    )
    parser.add_argument("--bbc", action="store_true", help="BBC corpus, Newsroom vs Material")
    parser.add_argument(
        "--generated",
        type=int,
        nargs="+",
        default=[],
        metavar="N",
        help="generated sites, both tools",
    )
    parser.add_argument(
        "--scale", type=int, nargs="+", default=[], metavar="N", help="generated, Newsroom only"
    )
    parser.add_argument(
        "--profile", type=int, nargs="+", default=[], metavar="N", help="cProfile, Newsroom"
    )
    parser.add_argument(
        "--profile-processes",
        type=int,
        default=1,
        metavar="N",
        help="the plugin's 'processes' while profiling (1: all work where cProfile sees it)",
    )
    parser.add_argument("--repeat", type=int, default=2, help="builds per site; best is kept")
    parser.add_argument(
        "--material-limit",
        type=int,
        default=1000,
        metavar="N",
        help="build Material for generated sites up to N articles (1000)",
    )
    parser.add_argument("--no-material", action="store_true", help="build Newsroom only")
    parser.add_argument(
        "--material-titles", choices=generate.TITLE_STYLES, default="heading", help="see bbc.py"
    )
    parser.add_argument(
        "--minify",
        action="store_true",
        help="add mkdocs-minify-plugin (minify_html) to every site, Newsroom's and Material's",
    )
    parser.add_argument("--corpus", type=Path, default=bbc.CORPUS, help="the BBC bbc/ folder")
    parser.add_argument("--output", type=Path, default=OUT / "results.json")
    parser.add_argument(
        "--keep-sites", action="store_true", help="keep the built sites in bench/out/builds/"
    )
    parser.add_argument(
        "--plugin-ref",
        metavar="REF",
        help="build with the plugin as committed at this git ref (default: the working tree)",
    )
    args = parser.parse_args(argv)
    if not (args.bbc or args.generated or args.scale or args.profile):
        args.bbc, args.generated, args.scale = True, [1000], [10000, 20000]
    if not Path(TIME).exists():
        parser.error(f"{TIME} is needed (Debian package 'time')")
    try:
        importlib.metadata.version("mkdocs")
    except importlib.metadata.PackageNotFoundError:
        parser.error(f"mkdocs is not installed for {sys.executable}: use .venv/bin/python")

    OUT.mkdir(parents=True, exist_ok=True)
    plugin_sha = use_plugin(args.plugin_ref) if args.plugin_ref else None
    compile_plugin()
    results: dict[str, Any] = {
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": [Path(sys.argv[0]).name, *(argv if argv is not None else sys.argv[1:])],
        "repeat": args.repeat,
        "kept": "the fastest of the runs (wall time); outputs measured after the last run",
        **context(),
        "scenarios": [],
        "profiles": [],
    }

    if plugin_sha:
        results["repository"]["plugin_source"] = f"git {args.plugin_ref} ({plugin_sha})"
        results["repository"]["plugin_dir"] = str(PLUGIN_DIR)

    def save() -> None:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")

    plan: list[tuple[str, int, list[str]]] = []
    if args.bbc:
        plan.append(("bbc", 2225, ["newsroom"] if args.no_material else list(TOOLS)))
    for count in args.generated:
        with_material = not args.no_material and count <= args.material_limit
        plan.append((f"generated-{count}", count, list(TOOLS) if with_material else ["newsroom"]))
    for count in args.scale:
        if not any(name == f"generated-{count}" for name, *_ in plan):
            plan.append((f"scale-{count}", count, ["newsroom"]))

    rows = []
    for name, count, tools in plan:
        scenario: dict[str, Any] = {"name": name, "articles": count, "builds": {}}
        results["scenarios"].append(scenario)
        for tool in tools:
            print(f"{name}: {tool} ...", flush=True)
            if name == "bbc":
                root = bbc_site(tool, args.material_titles, args.corpus)
            else:
                root = generated_site(count, tool, args.material_titles)
            if args.minify:
                root = with_minify(root)
            build = measure(root, args.repeat, args.keep_sites)
            scenario["builds"][tool] = build
            rows.append(row(name, tool, count, build))
            save()
            print(table(rows[-1:]).splitlines()[-1], flush=True)
            if not build["ok"]:
                for line in build["runs"][-1].get("messages", []):
                    print(f"    {line}")
        scenario["material_over_newsroom"] = ratio(scenario)
        save()

    for count in args.profile:
        print(f"profile: newsroom, {count} articles ...", flush=True)
        results["profiles"].append(profile(count, args.profile_processes))
        save()

    results["finished"] = datetime.now(UTC).isoformat(timespec="seconds")
    end_digest = plugin_digest()
    results["repository"]["plugin_digest_at_end"] = end_digest
    if end_digest != results["repository"]["plugin_digest"]:
        print("warning: the plugin's files changed during the run; figures mix two states")
    save()
    if rows:
        print()
        print(table(rows))
        print()
        for scenario in results["scenarios"]:
            if scenario.get("material_over_newsroom"):
                found = scenario["material_over_newsroom"]
                news = scenario["builds"]["newsroom"]["best"]["wall_s"]
                mat = scenario["builds"]["material"]["best"]["wall_s"]
                rss = found.get("peak_rss")
                print(
                    f"{scenario['name']}: Material {mat:.1f} s / Newsroom {news:.1f} s = "
                    f"{found['wall']:.1f}x wall time" + (f", {rss:.1f}x peak memory" if rss else "")
                )
    print(f"\nresults: {args.output}")
    failed = [
        (s["name"], tool)
        for s in results["scenarios"]
        for tool, b in s["builds"].items()
        if not b["ok"]
    ]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
