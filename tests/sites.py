"""Build real MkDocs sites into temporary folders, the way `mkdocs build` does, and read them."""

from __future__ import annotations

import json
import logging
import os
import re
import subprocess
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urljoin
from zoneinfo import ZoneInfo

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from selectolax.lexbor import LexborHTMLParser

from mkdocs_newsroom.model import Article
from mkdocs_newsroom.slugs import slugify

REPO = Path(__file__).resolve().parent.parent

# The demo portal's "now" (SOURCE_DATE_EPOCH) in every test that builds it: the morning after
# its newest story (2026-11-25T21:10+04:30), so that every story is out, none is breaking any
# more, and the news sitemap lists those of the last two days. A build never reads the clock
# of the machine the tests run on: conftest.py pins this moment for every other build too.
DEMO_NOW = datetime(2026, 11, 26, 9, 0, tzinfo=ZoneInfo("Asia/Kabul"))
# What write_site gives every test site as its `site_url` (pages link from its root)
SITE_URL = "https://news.example.org/"


def reached(page_url: str, link: str, site_url: str = SITE_URL) -> str:
    """Where `link` on the page at the site-relative `page_url` leads, as a browser reads it
    (against the page's address under `site_url`): a site-relative URL, its escapes decoded,
    or the address itself when it is not in the site."""
    target = urljoin(site_url + quote(page_url, safe="/%"), link)
    return unquote(target[len(site_url) :]) if target.startswith(site_url) else target


def epoch(moment: datetime) -> str:
    """`moment` as SOURCE_DATE_EPOCH spells it."""
    return str(int(moment.timestamp()))


# --------------------------------------------------------------------------------------------
# The workplace's shared/ folder, found only when a test asks for it
# --------------------------------------------------------------------------------------------


class SharedFolderMissing(RuntimeError):
    """The corpus and the sample story are not where the tests look for them."""


def find_shared_folder(environ: Mapping[str, str] = os.environ) -> Path:
    """The workplace's `shared/` folder (sample story, corpora) beside the project: where
    NEWSROOM_SHARED says, else beside this checkout, else beside the repository it was cloned
    from (a fresh clone in a temporary folder). NEWSROOM_SHARED_SEARCH=off looks nowhere but
    NEWSROOM_SHARED. Its data is read by path, never copied here."""
    candidates = [Path(environ["NEWSROOM_SHARED"])] if environ.get("NEWSROOM_SHARED") else []
    search = environ.get("NEWSROOM_SHARED_SEARCH", "").strip().lower() != "off"
    if search:
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
    looked = ", ".join(map(str, candidates)) or "nowhere"
    why = "" if search else " (NEWSROOM_SHARED_SEARCH=off: only NEWSROOM_SHARED is tried)"
    raise SharedFolderMissing(
        "this test reads the workplace's shared/ folder (the corpus, the sample story), which "
        f"was not found: no corpus/ folder in {looked}{why}; set NEWSROOM_SHARED to its path"
    )


@cache
def shared_folder() -> Path:
    """`find_shared_folder()`, looked up once a session (a failed look-up is tried again)."""
    return find_shared_folder()


def seed_story() -> Path:
    """The sample wire story from Khaama Press."""
    return shared_folder() / "seed" / "khaama-nato-peace-deal.txt"


def corpus_folder() -> Path:
    """The corpora: bbc/ and voa-pashto-ps/."""
    return shared_folder() / "corpus"


os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

# The demo's Pashto story, at its URL in the Pashto edition
PASHTO_STORY = "ps/2026/11/24/د-کابل-ښاري-شورا-د-شپې-د-بسونو-یو-کلن-آزمېښتي-پروګرام-تصویب-کړ/"

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

    def shell_script(self, url: str) -> str:
        """The script a news page names before Material's bundle: it puts in Material's
        configuration and the search dialog's inside (rendering/shell_assets.py)."""
        script = self.dom(url).css_first('script[src*="assets/newsroom/shell-"]')
        assert script is not None, f"no shell script on {url or '/'}"
        return self.file(reached(url, script.attributes["src"] or "")).read_text(encoding="utf-8")

    def search_dialog(self, url: str) -> LexborHTMLParser:
        """Material's search dialog on a news page, as the page's shell script puts it in,
        its links relative to the page again."""
        found = re.search(r'innerHTML=("(?:[^"\\]|\\.)*")', self.shell_script(url))
        assert found is not None, f"the shell script of {url or '/'} makes no search dialog"
        return LexborHTMLParser(json.loads(found[1]).replace("\x00", "../" * url.count("/")))

    def material_config(self, url: str) -> dict[str, Any]:
        """Material's configuration (`__config`) of a page: in the page, or on a news page
        from its shell script (its addresses then start at the site's root)."""
        config = self.dom(url).css_first("script#__config")
        if config is not None:
            return dict(json.loads(config.text()))
        found = re.search(r"JSON.stringify\((\{.*?\})\)\.split", self.shell_script(url))
        assert found is not None, f"the shell script of {url or '/'} has no configuration"
        return dict(json.loads(found[1]))

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
    """The text of an article file with the given front matter; its `slug` is the headline's,
    as `newsroom new` writes it, unless given (`slug=None`: none, as in older files)."""
    fields.setdefault("slug", slugify(title, fallback_prefix="article"))
    if fields["slug"] is None:
        del fields["slug"]
    meta: dict[str, Any] = {"title": title, "date": date, **fields}
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n{body}\n"


def photo(
    width: int, height: int, kind: str = "JPEG", *, seed: int = 0, mode: str = "RGB", **options: Any
) -> bytes:
    """A picture of `width` x `height` that compresses like a photograph (shapes on a noisy
    gradient, not a flat colour), as the bytes of a `kind` file (Pillow's format name)."""
    import io
    import random

    from PIL import Image, ImageDraw, ImageFilter

    rng = random.Random(seed)
    small = Image.effect_noise((max(2, width // 8), max(2, height // 8)), 60 + seed % 40)
    texture = small.resize((width, height), Image.Resampling.BICUBIC)
    tint = tuple(rng.randrange(40, 200) for _ in range(3))
    picture = Image.merge("RGB", [texture.point(lambda v, t=t: (v + t) // 2) for t in tint])
    draw = ImageDraw.Draw(picture)
    for _ in range(12):
        x, y = rng.randrange(width), rng.randrange(height)
        r = rng.randrange(4, max(5, width // 6))
        colour = tuple(rng.randrange(256) for _ in range(3))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
    grain = Image.effect_noise((width, height), 18).convert("RGB")
    picture = Image.blend(picture, grain, 0.15).filter(ImageFilter.GaussianBlur(0.6))
    if mode != "RGB":
        picture = picture.convert(mode)
    buffer = io.BytesIO()
    picture.save(buffer, kind, **options)
    return buffer.getvalue()


# A small picture a build publishes as it is (it makes no copies of a GIF): a lead image whose
# markup is the plain <img>
GIF = photo(8, 6, "GIF")


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
def collecting_logs(site: Site) -> Iterator[None]:
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


def load_config_anew(**options: Any) -> MkDocsConfig:
    """mkdocs.yml loaded as a new `mkdocs build` or `mkdocs serve` process loads it. MkDocs
    keeps the plugins that have `on_startup` from one load to the next, in the process, for
    a server's rebuilds: an earlier test's, Material's search plugin after a `serve --dirty`,
    would add its index to this site's."""
    MkDocsConfig.plugins.plugin_cache.clear()
    return load_config(**options)


def _build(cfg: Any, command: str = "build") -> None:
    """What `mkdocs build` (or one build of `mkdocs serve`) does with a loaded config."""
    cfg.plugins.on_startup(command=command, dirty=False)
    try:
        build(cfg, serve_url="http://127.0.0.1:8000/" if command == "serve" else None)
    finally:
        cfg.plugins.on_shutdown()


def build_repo_site(site_dir: Path, *, strict: bool = True, now: datetime = DEMO_NOW) -> Site:
    """Build the demo portal (the repository's own mkdocs.yml and content/) into `site_dir`,
    as if it were `now`. Its picture cache goes beside `site_dir`, never into the repository."""
    site = Site(site_dir.parent)
    config_file = str(REPO / "mkdocs.yml")
    with pytest.MonkeyPatch.context() as monkey, collecting_logs(site):
        monkey.setenv("SOURCE_DATE_EPOCH", epoch(now))
        monkey.setenv("NEWSROOM_CACHE_DIR", str(site_dir.parent / "picture-cache"))
        _build(load_config_anew(config_file=config_file, site_dir=str(site_dir), strict=strict))
    return site


def write_site(
    root: Path,
    files: dict[str, str | bytes],
    *,
    plugin: dict[str, Any] | None = None,
    config: dict[str, Any] | None = None,
    authors: str | None = AUTHORS,
) -> Path:
    """Write a site (mkdocs.yml, `files` under root/content) without building it; its
    mkdocs.yml."""
    docs = root / "content"
    docs.mkdir(parents=True, exist_ok=True)
    if authors is not None:
        files = {"authors.yml": authors, **files}
    write_tree(docs, files)
    # a logo at a URL is not measured: the tests of the logo give their own
    plugin_config = {
        "sections": SECTIONS,
        "publisher_logo": "https://news.example.org/logo.png",
        **(plugin or {}),
    }
    settings: dict[str, Any] = {
        "site_name": "Test Gazette",
        "site_url": SITE_URL,
        "docs_dir": "content",
        "theme": {"name": "material", "font": False},
        "plugins": ["search", {"newsroom": plugin_config}],
        **(config or {}),
    }
    config_file = root / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    return config_file


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
    config_file = write_site(root, files, plugin=plugin, config=config, authors=authors)
    site = Site(root)
    with collecting_logs(site):
        _build(load_config_anew(config_file=str(config_file), strict=strict), command)
    return site


def story(source: str, title: str = "", day: int = 1, **fields: Any) -> Article:
    """An `Article` made directly, for tests of what comes after reading: dated 2024-05-`day`,
    at the URL `source/`."""
    from datetime import UTC, datetime

    values: dict[str, Any] = {
        "source": source,
        "kind": "md",
        "title": title or source,
        "date": datetime(2024, 5, day, tzinfo=UTC),
        "body_html": "",
        "text": "",
        "excerpt": "",
        "word_count": 1,
        "reading_minutes": 1,
        "slug": source,
        "url": f"{source}/",
    }
    return Article(**{**values, **fields})


def lock_folders_named_locked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run as root, who lists every folder: the permission is denied here by hand, to
    MkDocs and Newsroom alike."""
    real_scandir = os.scandir

    def scandir(path: str = ".") -> object:
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
