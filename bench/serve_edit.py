"""How long `mkdocs serve` takes to rebuild after one saved article, measured in-process.

    python bench/serve_edit.py SITE_DIR [--edits 3] [--dirty]

SITE_DIR is a Newsroom site (mkdocs.yml + content/), e.g. one written by bench/generate.py.
The script builds it the way `mkdocs serve` does (one plugin instance, `on_startup` with
command "serve", a fresh config for every build, the site folder cleaned each time), then, for
each edit, changes the title of one article (which moves it to a new URL), rebuilds and prints
the rebuild's wall time and how many pages were rendered again; then the same with a sentence
added to the body of one article. Each article file is restored after its edit.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import tempfile
import time
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

SERVE_URL = "http://127.0.0.1:8000/"


class _Lines(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def _build(config_file: Path, site_dir: str, dirty: bool = False) -> tuple[float, str]:
    handler = _Lines()
    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    try:
        started = time.perf_counter()
        config = load_config(config_file=str(config_file), site_dir=site_dir)
        build(config, serve_url=SERVE_URL, dirty=dirty)
        seconds = time.perf_counter() - started
    finally:
        logger.removeHandler(handler)
    rendered = next((line for line in handler.lines if "rendered" in line), "")
    return seconds, rendered


def _retitled(text: str, number: int) -> str:
    """The article with "Edited N" before its title (kept valid YAML, whatever its quoting)."""
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("title:"))
    title = yaml.safe_load(lines[at])["title"]
    lines[at] = f"title: {json.dumps(f'Edited {number} {title}')}"
    return "\n".join(lines)


def _lengthened(text: str, number: int) -> str:
    return f"{text.rstrip()}\n\nA sentence added in preview {number}.\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--dirty", action="store_true", help="as `mkdocs serve --dirty`")
    args = parser.parse_args()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config_file = args.site / "mkdocs.yml"
    articles = sorted((args.site / "content" / "articles").rglob("*.md"))
    site_dir = tempfile.mkdtemp(prefix="newsroom-serve-")
    plugins = load_config(config_file=str(config_file)).plugins
    plugins.on_startup(command="serve", dirty=args.dirty)
    seconds, rendered = _build(config_file, site_dir)
    print(f"first build: {seconds:.2f} s ({rendered})")
    seconds, rendered = _build(config_file, site_dir, args.dirty)
    print(f"rebuild, nothing changed: {seconds:.2f} s ({rendered})")
    edits = [("title", _retitled), ("body", _lengthened)]
    for number in range(args.edits):
        for what, edit in edits:
            target = articles[len(articles) * (number + 1) // (args.edits + 1) + len(what)]
            original = target.read_text(encoding="utf-8")
            try:
                target.write_text(edit(original, number), "utf-8")
                seconds, rendered = _build(config_file, site_dir, args.dirty)
                print(f"rebuild after editing {target.name}'s {what}: {seconds:.2f} s ({rendered})")
            finally:
                target.write_text(original, encoding="utf-8")
    load_config(config_file=str(config_file)).plugins.on_shutdown()


if __name__ == "__main__":
    main()
