"""Build real MkDocs sites into temporary folders, the way `mkdocs build` does, and read them."""

from __future__ import annotations

import logging
import os
import re
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from selectolax.lexbor import LexborHTMLParser

REPO = Path(__file__).resolve().parent.parent


def _shared_folder() -> Path:
    """The workplace's `shared/` folder (sample story, corpora) beside the project: beside this
    checkout, or beside the repository it was cloned from (a fresh clone in a temporary
    folder), or where NEWSROOM_SHARED says. Its data is read by path, never copied here."""
    candidates = [Path(os.environ["NEWSROOM_SHARED"])] if "NEWSROOM_SHARED" in os.environ else []
    candidates.append(REPO.parent / "shared")
    origin = subprocess.run(
        ["git", "-C", str(REPO), "config", "--get", "remote.origin.url"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    if origin and "://" not in origin and Path(origin).is_dir():
        candidates.append(Path(origin).resolve().parent / "shared")
    for candidate in candidates:
        if (candidate / "corpus").is_dir():
            return candidate
    raise RuntimeError(
        "the shared/ folder with the corpus is not beside the project "
        f"(looked in: {', '.join(map(str, candidates))}); set NEWSROOM_SHARED to its path"
    )


SHARED = _shared_folder()
SEED = SHARED / "seed" / "khaama-nato-peace-deal.txt"
CORPUS = SHARED / "corpus"

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

SECTIONS = {
    "world": {"title": "World", "order": 1},
    "politics": {"title": "Politics", "order": 2},
    "business": {"title": "Business", "order": 3},
}
AUTHORS = """\
jdoe: {name: Jane Doe, role: Reporter, bio: Covers everything}
asmith: {name: Ali Smith}
"""


@dataclass
class Site:
    root: Path
    warnings: list[str] = field(default_factory=list)
    infos: list[str] = field(default_factory=list)

    @property
    def site_dir(self) -> Path:
        return self.root / "site"

    @property
    def docs_dir(self) -> Path:
        return self.root / "content"

    @property
    def summary(self) -> str:
        """The line the plugin ends every build with, without the time it took."""
        line = next(line for line in self.infos if line.startswith("newsroom: published"))
        return re.sub(r"; took \d+\.\d s$", "", line)

    def file(self, url: str) -> Path:
        """The output file of a site-relative URL ('2024/05/01/x/' -> .../index.html)."""
        path = self.site_dir / unquote(url.lstrip("/"))
        return path / "index.html" if url.endswith("/") or url == "" else path

    def html(self, url: str) -> str:
        return self.file(url).read_text(encoding="utf-8")

    def dom(self, url: str) -> LexborHTMLParser:
        return LexborHTMLParser(self.html(url))

    def pages(self) -> list[str]:
        """Site-relative URLs of every directory page that was written."""
        urls = []
        for path in self.site_dir.rglob("index.html"):
            folder = path.parent.relative_to(self.site_dir).as_posix()
            urls.append("" if folder == "." else f"{folder}/")
        return sorted(urls)


def article(
    title: str = "A headline",
    date: str = "2024-05-01T10:00:00+00:00",
    body: str = "The body of the story.",
    **fields: Any,
) -> str:
    """The text of an article file with the given front matter."""
    meta: dict[str, Any] = {"title": title, "date": date, **fields}
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n{body}\n"


def write_tree(root: Path, files: dict[str, str | bytes]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


class _Collector(logging.Handler):
    def __init__(self, site: Site) -> None:
        super().__init__(logging.INFO)
        self.site = site

    def emit(self, record: logging.LogRecord) -> None:
        target = self.site.warnings if record.levelno >= logging.WARNING else self.site.infos
        target.append(record.getMessage())


@contextmanager
def _collecting_logs(site: Site) -> Iterator[None]:
    """MkDocs' INFO and WARNING lines go into `site.infos` and `site.warnings`."""
    handler = _Collector(site)
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def _build(cfg: Any, command: str = "build") -> None:
    """What `mkdocs build` (or one build of `mkdocs serve`) does with a loaded config."""
    cfg.plugins.on_startup(command=command, dirty=False)
    try:
        build(cfg, serve_url="http://127.0.0.1:8000/" if command == "serve" else None)
    finally:
        cfg.plugins.on_shutdown()


def build_repo_site(site_dir: Path, *, strict: bool = True) -> Site:
    """Build the demo portal (the repository's own mkdocs.yml and content/) into `site_dir`."""
    site = Site(site_dir.parent)
    config_file = str(REPO / "mkdocs.yml")
    with _collecting_logs(site):
        _build(load_config(config_file=config_file, site_dir=str(site_dir), strict=strict))
    return site


def build_site(
    root: Path,
    files: dict[str, str | bytes],
    *,
    plugin: dict[str, Any] | None = None,
    config: dict[str, Any] | None = None,
    authors: str | None = AUTHORS,
    strict: bool = False,
    command: str = "build",
) -> Site:
    """Write `files` under root/content, build with real MkDocs + Material, return the site."""
    docs = root / "content"
    docs.mkdir(parents=True, exist_ok=True)
    if authors is not None:
        files = {"authors.yml": authors, **files}
    write_tree(docs, files)
    plugin_config = {"sections": SECTIONS, **(plugin or {})}
    settings: dict[str, Any] = {
        "site_name": "Test Gazette",
        "site_url": "https://news.example.org/",
        "docs_dir": "content",
        "theme": {"name": "material", "font": False},
        "plugins": ["search", {"newsroom": plugin_config}],
        **(config or {}),
    }
    config_file = root / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    site = Site(root)
    with _collecting_logs(site):
        _build(load_config(config_file=str(config_file), strict=strict), command)
    return site
