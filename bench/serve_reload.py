"""From saving an article to the new page being served by a real `mkdocs serve`, end to end.

    python bench/serve_reload.py SITE_DIR [--edits 6] [--port 8765] [--plain] [--edit body|tags]

SITE_DIR is a Newsroom site (mkdocs.yml + content/), e.g. one written by bench/generate.py.
For each way of noticing a save, in one run, the script starts `python -m mkdocs serve
--dirty` (`--plain`: without `--dirty`) on the site, waits for the first build, then changes
the headline of the newest article (the front page shows it), and times from the write until
the front page, fetched again the way the browser's livereload script does, shows the new
headline; then it restores the file and times that too. `--edit body` puts words at the start
of the article's body instead, and fetches the article's page rather than the front page: a
save of the body alone, which Newsroom publishes without MkDocs' whole build
(build/copy_edits.py). `--edit tags` gives the article one more tag and fetches its page: a
save that changes which stories are related and what the tag's listings show, rebuilt whole.
What is timed is what an editor waits for: MkDocs noticing the save,
its 0.1 s wait for more changes, the rebuild, and fetching the page again.

The two ways: `polling`, MkDocs' own watcher, which looks at every file in the docs folder
every 0.5 s, and `native`, Newsroom's `native_file_watcher` (the operating system tells the
server of a save: inotify on Linux).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import yaml

MODES = {"polling": False, "native": True}


def newest_article(site: Path) -> Path:
    """The article with the latest date: it leads the front page."""

    def date_of(path: Path) -> str:
        head = path.read_text(encoding="utf-8").split("\n---", 1)[0]
        return str(yaml.safe_load(head.removeprefix("---"))["date"])

    articles = (site / "content" / "articles").rglob("*.md")
    return max(articles, key=date_of)


def with_title(text: str, title: str) -> str:
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("title:"))
    lines[at] = f"title: {json.dumps(title)}"
    return "\n".join(lines)


def with_body_opening(text: str, words: str) -> str:
    """The article with `words` before the first line of its body."""
    front, separator, body = text.partition("\n---\n")
    return f"{front}{separator}{words} {body}"


def with_tag(text: str, tag: str) -> str:
    """The article with `tag` first among its tags."""
    lines = text.split("\n")
    at = next((i for i, line in enumerate(lines) if line.startswith("tags: [")), None)
    if at is None:
        at = next(i for i, line in enumerate(lines) if line.startswith("title:"))
        lines.insert(at + 1, f"tags: [{tag}]")
    else:
        lines[at] = f"tags: [{tag}, {lines[at].removeprefix('tags: [')}"
    return "\n".join(lines)


def edited(text: str, edit: str, number: int) -> tuple[str, str]:
    """The article's text after the `edit` numbered `number`, and what its page shows for it."""
    if edit == "body":
        words = f"Edited{number}words"
        return with_body_opening(text, words), words
    if edit == "tags":
        tag = f"Edited{number}tag"
        return with_tag(text, tag), tag
    title = f"Edited {number} {title_of(text)}"
    return with_title(text, title), title


def title_of(text: str) -> str:
    line = next(line for line in text.split("\n") if line.startswith("title:"))
    return str(yaml.safe_load(line)["title"])


def variant_config(site: Path, native: bool) -> Path:
    """The site's mkdocs.yml with the watcher chosen, beside it (docs_dir stays relative)."""
    config = yaml.safe_load((site / "mkdocs.yml").read_text(encoding="utf-8"))
    plugins = []
    for plugin in config.get("plugins", []):
        if plugin == "newsroom" or (isinstance(plugin, dict) and "newsroom" in plugin):
            options = plugin["newsroom"] if isinstance(plugin, dict) else {}
            plugin = {"newsroom": {**(options or {}), "native_file_watcher": native}}
        plugins.append(plugin)
    config["plugins"] = plugins
    path = site / f"mkdocs-watch-{'native' if native else 'polling'}.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


class Server:
    """`mkdocs serve` in a subprocess; its log is kept to find the lines it prints."""

    def __init__(self, config: Path, port: int, dirty: bool = True) -> None:
        self.url = f"http://127.0.0.1:{port}/"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(config)]
        command += ["--dev-addr", f"127.0.0.1:{port}", *(["--dirty"] if dirty else [])]
        self.process = subprocess.Popen(
            command,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            start_new_session=True,
        )
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.append(line.rstrip())

    def wait_for(self, text: str, timeout: float = 600) -> None:
        deadline = time.monotonic() + timeout
        while not any(text in line for line in self.lines):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("mkdocs serve stopped or hung:\n" + "\n".join(self.lines[-20:]))
            time.sleep(0.05)

    def front_page(self, path: str = "") -> str:
        with urllib.request.urlopen(self.url + path, timeout=10) as response:
            return response.read().decode("utf-8")

    def article_path(self, text: str) -> str:
        """The address of the article of `text` (its slug), as the front page links to it."""
        slug = next(line for line in text.split("\n") if line.startswith("slug:"))[5:].strip()
        found = re.search(rf'href="(?:\./|/)?([^"]*/{re.escape(slug)}/)"', self.front_page())
        if found is None:
            raise SystemExit(f"the front page does not link to {slug}")
        return found[1]

    def stop(self) -> None:
        os.killpg(self.process.pid, signal.SIGINT)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)


def time_until_reloaded(
    server: Server, path: Path, text: str, title: str, page_path: str = ""
) -> float:
    """Save `text` and wait as the browser's livereload script does (a request that returns
    when a newer build is visible), then check the page at `page_path` shows `title`."""
    page = server.front_page(page_path)
    epoch = re.search(r"livereload\((\d+),\s*(\d+)\)", page)
    if epoch is None:
        raise SystemExit("the served page has no livereload script")
    started = time.perf_counter()
    path.write_text(text, encoding="utf-8")
    waited = f"{server.url}livereload/{epoch[1]}/{epoch[2]}"
    with urllib.request.urlopen(waited, timeout=120) as response:
        newer = int(response.read()) > int(epoch[1])
    shown = server.front_page(page_path)
    seconds = time.perf_counter() - started
    if not newer or (title in shown) != (title in text):
        raise SystemExit(f"the page served after the reload does not show the edit ({title!r})")
    return seconds


def measure(
    site: Path, native: bool, edits: int, port: int, dirty: bool, edit: str = "headline"
) -> tuple[list[float], list[float]]:
    """Seconds from each save to the page reloaded, and the plugin's own account of each
    rebuild ("took N s" in its closing line)."""
    config = variant_config(site, native)
    article = newest_article(site)
    original = article.read_text(encoding="utf-8")
    server = Server(config, port, dirty)
    times = []
    try:
        server.wait_for("Serving on")
        page_path = server.article_path(original) if edit != "headline" else ""
        for number in range(edits):
            time.sleep(1.0)  # between saves, as an editor would be
            text, shown = edited(original, edit, number)
            times.append(time_until_reloaded(server, article, text, shown, page_path))
            time.sleep(1.0)
            times.append(time_until_reloaded(server, article, original, shown, page_path))
    finally:
        article.write_text(original, encoding="utf-8")
        server.stop()
        config.unlink(missing_ok=True)
    builds = [float(m[1]) for line in server.lines if (m := re.search(r"; took ([0-9.]+) s", line))]
    return times, builds[1:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--edits", type=int, default=6)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--plain", action="store_true", help="mkdocs serve without --dirty")
    parser.add_argument("--edit", choices=["headline", "body", "tags"], default="headline")
    args = parser.parse_args()
    results = {}
    for mode, native in MODES.items():
        times, builds = measure(args.site, native, args.edits, args.port, not args.plain, args.edit)
        results[mode] = times
        shown = ", ".join(f"{t:.2f}" for t in times)
        print(
            f"{mode:8} median {statistics.median(times):.2f} s, "
            f"max {max(times):.2f} s, {sum(t <= 1.0 for t in times)} of {len(times)} "
            f"within 1 s: {shown}; Newsroom's rebuilds (its closing line): "
            + ", ".join(f"{t:.1f}" for t in builds),
            flush=True,
        )
    ratio = statistics.median(results["polling"]) / statistics.median(results["native"])
    print(f"native watcher: {ratio:.2f}x faster from save to page (medians)")


if __name__ == "__main__":
    main()
