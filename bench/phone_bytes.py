"""What a phone downloads from the demo portal: its front page and the wheat story (a lead
photograph of 2400 x 1600), built by two versions of the plugin, loaded in chromium.

    .venv/bin/python bench/phone_bytes.py                       # before=main, after=HEAD
    .venv/bin/python bench/phone_bytes.py --before main --after HEAD --scales 1 3

The demo portal (this working tree's mkdocs.yml and content/, so both versions get the same
articles and the same photograph) is built by each version of the plugin as committed at its
git ref (`run.py`'s snapshot on PYTHONPATH), at the demo's own "now", into
bench/out/phone/NAME/. Each site is served on 127.0.0.1 and opened in Debian's chromium
through Playwright with a viewport of 390 x 844 CSS pixels, at each device scale factor asked
for; every response's body is counted (the local server sends files uncompressed, as they
are on disk), once the page is loaded and its network idle, then again after scrolling to the
end of the page (which brings in lazy images). Prints a table and writes
bench/out/phone/results.json.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from playwright.sync_api import Browser, Response, sync_playwright

from run import BUILD_ENV, OUT, REPO, snapshot_plugin

sys.path.insert(0, str(REPO))
from tests.browser import CHROMIUM, CHROMIUM_ARGS, serve_dir

FOLDER = OUT / "phone"
# The demo's "now" (tests/sites.py DEMO_NOW): every story out, none breaking
NOW = datetime(2026, 11, 26, 9, 0, tzinfo=ZoneInfo("Asia/Kabul"))
WIDTH, HEIGHT = 390, 844
PAGES = {"front page": "", "wheat story": None}  # None: found in the built site


def build(name: str, ref: str) -> Path:
    """The demo portal built by the plugin as committed at `ref`."""
    sha, plugins = snapshot_plugin(ref)
    site = FOLDER / name / "site"
    env = {
        **BUILD_ENV,
        "PYTHONPATH": os.pathsep.join(
            p for p in (str(plugins), os.environ.get("PYTHONPATH", "")) if p
        ),
        "SOURCE_DATE_EPOCH": str(int(NOW.timestamp())),
        "NEWSROOM_CACHE_DIR": str(FOLDER / name / "cache"),
    }
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(REPO / "mkdocs.yml")]
    subprocess.run([*command, "-d", str(site)], env=env, check=True, cwd=REPO)
    print(f"{name}: built by {ref} ({sha[:10]}) into {site}", file=sys.stderr)
    return site


def wheat_story(site: Path) -> str:
    (page,) = site.glob("2026/11/22/wheat-prices*/index.html")
    return page.parent.relative_to(site).as_posix() + "/"


def measure(browser: Browser, base: str, path: str, scale: int) -> dict[str, Any]:
    page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT}, device_scale_factor=scale)
    seen: list[tuple[str, str, int]] = []

    def count(response: Response) -> None:
        try:
            size = len(response.body())
        except Exception:  # a redirect or an aborted request has no body
            size = 0
        seen.append((response.url.removeprefix(base), response.request.resource_type, size))

    page.on("response", count)
    page.route(lambda url: not url.startswith(base), lambda route: route.abort())
    page.goto(base + path, wait_until="networkidle")
    loaded = list(seen)
    height = page.evaluate("document.documentElement.scrollHeight")
    for y in range(0, height + HEIGHT, HEIGHT // 2):
        page.evaluate(f"window.scrollTo(0, {y})")
        time.sleep(0.15)
    page.wait_for_load_state("networkidle")
    page.close()
    return {"on load": summary(loaded), "scrolled to the end": summary(seen)}


def summary(seen: list[tuple[str, str, int]]) -> dict[str, Any]:
    images = [(url, size) for url, kind, size in seen if kind == "image"]
    return {
        "total_bytes": sum(size for _url, _kind, size in seen),
        "image_bytes": sum(size for _url, size in images),
        "requests": len(seen),
        "images": images,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", default="main", help="git ref of the plugin before")
    parser.add_argument("--after", default="HEAD", help="git ref of the plugin after")
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 3])
    args = parser.parse_args()
    sites = {"before": build("before", args.before), "after": build("after", args.after)}
    results: dict[str, Any] = {"refs": {"before": args.before, "after": args.after}, "pages": {}}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, site in sites.items():
            with serve_dir(site) as base:
                for page_name, path in PAGES.items():
                    for scale in args.scales:
                        where = wheat_story(site) if path is None else path
                        found = measure(browser, base, where, scale)
                        results["pages"][f"{name} | {page_name} | x{scale}"] = found
        browser.close()
    FOLDER.mkdir(parents=True, exist_ok=True)
    (FOLDER / "results.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    print("| page | screen | version | on load: all / images | scrolled: all / images |")
    print("|---|---|---|---|---|")
    for key, found in results["pages"].items():
        name, page_name, scale = key.split(" | ")
        load, scrolled = found["on load"], found["scrolled to the end"]
        print(
            f"| {page_name} | 390 px {scale} | {name} | {load['total_bytes']:,} / "
            f"{load['image_bytes']:,} | {scrolled['total_bytes']:,} / {scrolled['image_bytes']:,} |"
        )
    for key, found in results["pages"].items():
        images = found["scrolled to the end"]["images"]
        print(f"{key}: " + ", ".join(f"{url} {size:,}" for url, size in images), file=sys.stderr)


if __name__ == "__main__":
    main()
