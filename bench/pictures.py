"""Build time of a generated site whose every article has a lead photograph: with an empty
picture cache (cold), with a full one (warm), with `pictures: false`, and the same site
without photographs, in one run, interleaved round by round.

    .venv/bin/python bench/pictures.py 1000 --size 2400x1600 --rounds 2 --plugin-ref HEAD

The sites are generate.py's (`--photos WxH` for the photographs; the same stories without
them); each build is run.py's (a clean `python -m mkdocs build -q` into a fresh folder under
/usr/bin/time -v, with the plugin's default `processes`: one per CPU). The cold builds get a
new, empty NEWSROOM_CACHE_DIR each time; the warm ones a cache filled by one untimed build
first. Prints the runs and medians, with each median as a ratio of the site without
photographs and the cold one of the warm one, and writes bench/out/pictures.json. With
`--plugin-ref REF`, the builds import the plugin as committed at REF (run.py's snapshot), not
the working tree someone may be editing.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path
from typing import Any

import yaml

import generate
from run import BUILD_ENV, OUT, build_once, compile_plugin, fresh, use_plugin

CACHE = "NEWSROOM_CACHE_DIR"


def off_site(photos: Path) -> Path:
    """A site of the same content with `pictures: false` (its mkdocs.yml points at it)."""
    root = photos.with_name(photos.name + "-off")
    root.mkdir(parents=True, exist_ok=True)
    config = yaml.safe_load((photos / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str((photos / "content").resolve())
    config["plugins"][1]["newsroom"]["pictures"] = False
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return root


def timed(name: str, root: Path, cache: Path | None) -> dict[str, Any]:
    BUILD_ENV.pop(CACHE, None)
    if cache is not None:
        BUILD_ENV[CACHE] = str(cache)
    site = OUT / "builds" / f"pictures-{name}"
    run = build_once(root, site=site)
    fresh(site)
    if not run["ok"]:
        raise SystemExit(f"{name}: the build failed: {run.get('messages')}")
    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int)
    parser.add_argument("--size", default="2400x1600")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--plugin-ref", help="build with the plugin as committed at this ref")
    args = parser.parse_args()
    if args.plugin_ref:
        print(f"plugin: {args.plugin_ref} ({use_plugin(args.plugin_ref)[:10]})", file=sys.stderr)
    compile_plugin()
    width, height = (int(part) for part in args.size.split("x"))
    photos = OUT / f"gen-{args.count}-photos"
    plain = OUT / f"gen-{args.count}-newsroom"
    generate.generate(args.count, photos, "newsroom", photos=(width, height))
    generate.generate(args.count, plain, "newsroom")
    warm_cache, cold_cache = OUT / "picture-cache-warm", OUT / "picture-cache-cold"
    fresh(warm_cache)
    print("filling the warm cache (untimed) ...", file=sys.stderr)
    timed("fill", photos, warm_cache)
    variants = {
        "without photographs": (plain, None),
        "photographs, pictures: false": (off_site(photos), None),
        "photographs, warm cache": (photos, warm_cache),
        "photographs, cold cache": (photos, cold_cache),
    }
    names = list(variants)
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name in names}
    for number in range(args.rounds):
        for name in names[number % len(names) :] + names[: number % len(names)]:
            root, cache = variants[name]
            if cache == cold_cache:
                fresh(cold_cache)
            run = timed(name.replace(" ", "-").replace(",", "").replace(":", ""), root, cache)
            runs[name].append(run)
            print(f"round {number + 1}: {name}: {run['wall_s']:.1f} s", file=sys.stderr)
    medians = {name: statistics.median(run["wall_s"] for run in runs[name]) for name in names}
    base = medians["without photographs"]
    print("| build | runs (wall s) | median wall | median CPU | peak memory | / without |")
    print("|---|---|---|---|---|---|")
    for name in names:
        cpu = statistics.median(run["user_s"] + run["system_s"] for run in runs[name])
        peak = max(run["peak_rss_kb"] for run in runs[name]) / 1024
        walls = ", ".join(f"{run['wall_s']:.1f}" for run in runs[name])
        print(
            f"| {name} | {walls} | {medians[name]:.1f} s | {cpu:.1f} s | {peak:.0f} MB "
            f"| {medians[name] / base:.2f} |"
        )
    cold, warm = medians["photographs, cold cache"], medians["photographs, warm cache"]
    print(f"cold / warm: {cold / warm:.2f}")
    (OUT / "pictures.json").write_text(json.dumps(runs, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
