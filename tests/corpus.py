"""The BBC News corpus (../shared/corpus/bbc, 2,225 raw articles) as Newsroom articles.

The corpus is read by path at test time and converted into a temporary folder; it is never
copied into the repository (research use only, see ../shared/corpus/README.md). Each raw file
is a title line, a blank line and one paragraph per line; the category is the folder.

Each file becomes `articles/<folder>/<NNN>.txt` (the corpus path, so a warning names the corpus
file), a plain-text article whose body is the raw bytes after the title line, unchanged: the
stray Latin-1 byte of sport/199.txt, the leftover HTML character references, the flattened
lists, blank lines and trailing spaces all reach the plugin as the corpus has them. The front
matter is made, the same on every run:

- `title`: line 1 as it is, character references included (`&#163;1.8m indecency fine…`):
  decoding them once is the plugin's job for plain-text articles;
- `date`: a moment in 2004-2005 drawn from a hash of the corpus path (not of the order);
- `authors`: one author, `bbc-news`;
- `section`: the folder (`tech` is the section `technology`);
- `slug`: the headline's, as `newsroom import` writes it;
- `tags`: the names of TAGS whose pattern matches the title (most articles have none).

bench/bbc.py converts the same corpus for the benchmarks, but it is not imported here: it
decodes the character references of titles itself (which would hide the plugin's own decoding
from these tests), it puts bench/ on sys.path and imports bench/generate.py as a top-level
module when imported, and no test imports bench/ (test_importing.py runs generate.py
as a script, in a subprocess).
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import yaml

from mkdocs_newsroom.slugs import slugify

from .sites import corpus_folder

COUNT = 2225

# corpus folder -> (section id, title, description)
FOLDERS = {
    "business": ("business", "Business", "Markets, companies and the economy"),
    "entertainment": ("entertainment", "Entertainment", "Film, music, books and television"),
    "politics": ("politics", "Politics", "Governments, parliaments and elections"),
    "sport": ("sport", "Sport", "Results, transfers and the stories behind them"),
    "tech": ("technology", "Technology", "Software, hardware and the internet"),
}
SECTIONS = {
    sid: {"title": title, "description": description, "order": order}
    for order, (sid, title, description) in enumerate(FOLDERS.values(), 1)
}
AUTHOR = "bbc-news"
AUTHORS_YML = f"{AUTHOR}: {{name: BBC News, role: Wire copy, bio: The BBC News dataset}}\n"

START = datetime(2004, 1, 1, tzinfo=UTC)
MINUTES = 731 * 24 * 60  # 2004-01-01 to 2005-12-31
NOW = datetime(2006, 1, 1, tzinfo=UTC)  # the build's "now" (SOURCE_DATE_EPOCH)

# Tag name -> pattern searched in the title. Names with '&' test escaping in tag pages & feeds.
TAGS = {
    "Tony Blair": r"\bBlair\b",
    "Labour": r"\bLabour\b",
    "Conservatives": r"\b(?:Tory|Tories|Conservatives?)\b",
    "Apple": r"\b(?:Apple|iPod)\b",
    "Microsoft": r"\bMicrosoft\b",
    "Chelsea": r"\bChelsea\b",
    "Arsenal": r"\bArsenal\b",
    "England": r"\bEngland\b",
    "Oscars": r"\bOscars?\b",
    "Q&A": r"\bQ&A\b",
    "M&S": r"\bM&S\b",
}
# Numeric and named character references, decoded once (as the plugin promises to).
REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


@dataclass(frozen=True)
class Story:
    source: str  # the corpus path, "sport/199.txt"
    section: str
    raw_title: str  # line 1 as stored
    date: datetime
    tags: tuple[str, ...]
    body: bytes  # the raw bytes after the title line

    @property
    def path(self) -> str:
        """Where the article is written, relative to the site's docs_dir."""
        return f"articles/{self.source}"

    @property
    def title(self) -> str:
        """The headline a reader should see: references decoded once."""
        return decode_references(self.raw_title)

    def article(self) -> bytes:
        front = {
            "title": self.raw_title,
            "date": self.date.isoformat(),
            "authors": [AUTHOR],
            "section": self.section,
            "slug": slugify(self.title, fallback_prefix="article"),  # as newsroom import writes
        }
        lines = [f"{key}: {_flow(value)}" for key, value in front.items()]
        if self.tags:
            lines.append(f"tags: {_flow(list(self.tags))}")
        head = "---\n" + "\n".join(lines) + "\n---\n"
        return head.encode("utf-8") + self.body


def decode_references(text: str) -> str:
    return REFERENCE.sub(lambda match: html.unescape(match.group()), text)


def _flow(value: object) -> str:
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10**9)
    return text.removesuffix("\n").removesuffix("\n...")


def _date(source: str) -> datetime:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return START + timedelta(minutes=int.from_bytes(digest[:8], "big") % MINUTES)


def bbc_folder() -> Path:
    """The raw corpus, ../shared/corpus/bbc (a test that calls this needs ../shared)."""
    return corpus_folder() / "bbc"


def read_corpus(root: Path | None = None) -> list[Story]:
    """Every article of the corpus (`root`: the bbc/ folder), in folder and number order."""
    root = bbc_folder() if root is None else root
    stories = []
    for folder, (section, _, _) in FOLDERS.items():
        for path in sorted((root / folder).glob("*.txt")):
            first, _, rest = path.read_bytes().partition(b"\n")
            title = first.decode("utf-8").strip()
            source = f"{folder}/{path.name}"
            tags = tuple(name for name, pattern in TAGS.items() if re.search(pattern, title))
            stories.append(Story(source, section, title, _date(source), tags, rest))
    return stories


def site_files(stories: list[Story]) -> dict[str, str | bytes]:
    """The files of content/ (besides authors.yml, which build_site writes) for build_site."""
    return {story.path: story.article() for story in stories}


def plugin_config() -> dict[str, object]:
    return {
        "sections": SECTIONS,
        "timezone": "Europe/London",
        # One URL per headline in a section: the 98 byte-identical pairs and the 29 pairs that
        # share a headline collide for certain, so the collision handling is exercised.
        "article_url": "{section}/{slug}/",
    }
