"""What a `mkdocs serve` rebuild costs before Newsroom does anything: the floor under a preview.

    python bench/serve_floor.py SITE_DIR [--rebuilds 4]

SITE_DIR is a Newsroom site (mkdocs.yml + content/), e.g. one written by bench/generate.py.
The site is built the way `mkdocs serve --dirty` rebuilds it, with Material and its search
plugin, but with Newsroom replaced by a stand-in that only takes the article files out of
MkDocs' files (as Newsroom does, which renders them itself). Printed: the rebuild time of
MkDocs alone, then with the stand-in also reading and hashing every article file (what
telling changed files from unchanged ones by content costs). A preview pipeline that touched
only what a save changed would add its own work to this floor.
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import os
import tempfile
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files

SERVE_URL = "http://127.0.0.1:8000/"
ARTICLES = "articles/"


class NoOptions(Config):
    pass


class ArticlesAside(BasePlugin[NoOptions]):
    """Takes the articles out of MkDocs' files; with `hash_sources`, hashes each one."""

    def __init__(self) -> None:
        self.hash_sources = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Defined so that MkDocs keeps this instance across rebuilds, like Newsroom's."""

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        kept = []
        for file in files:
            if not file.src_uri.startswith(ARTICLES):
                kept.append(file)
            elif self.hash_sources:
                hashlib.blake2b(Path(file.abs_src_path or "").read_bytes()).digest()
        return Files(kept)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--rebuilds", type=int, default=4)
    args = parser.parse_args()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    site_dir = tempfile.mkdtemp(prefix="newsroom-floor-")
    aside = ArticlesAside()

    def rebuild() -> float:
        config = load_config(
            config_file=str(args.site / "mkdocs.yml"), site_dir=site_dir, plugins=["search"]
        )
        config.plugins["articles-aside"] = aside
        started = time.perf_counter()
        build(config, serve_url=SERVE_URL, dirty=True)
        return time.perf_counter() - started

    articles = sum(1 for _ in (args.site / "content" / "articles").rglob("*.md"))
    print(f"{articles:,} article files; first build {rebuild():.2f} s")
    for hashing in (False, True):
        aside.hash_sources = hashing
        times = ", ".join(f"{rebuild():.2f}" for _ in range(args.rebuilds))
        what = "MkDocs and Material, articles set aside" if not hashing else "... and hashed"
        print(f"{what}: rebuilds {times} s")


if __name__ == "__main__":
    main()
