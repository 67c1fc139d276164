"""Write the BBC News corpus (2,225 raw articles) as a Newsroom site or as a Material blog.

    python bench/bbc.py OUTDIR --format newsroom|material [--corpus ../shared/corpus/bbc]
                        [--material-titles heading|front-matter]

The corpus is read by path at run time and never copied into the repository (its licence
allows research use only; see ../shared/corpus/README.md). Each raw file is a title line, a
blank line and one paragraph per line; the category is the folder. Files are named by
category and number, never by title (98 pairs of files are duplicates, 29 more share a title).
Titles have their HTML character references (`&#163;`) decoded once; bodies are left alone.

Newsroom: OUTDIR/content/articles/<section>/<NNN>.txt, plain-text bodies written as the raw
bytes of the file (sport/199.txt keeps its stray Latin-1 byte: the plugin reads bytes that are
not UTF-8 as Windows-1252 and says so), front matter with the title (YAML-quoted by
yaml.safe_dump), a synthetic deterministic date in 2004-2005, the section from the folder
(tech -> technology) and one synthetic author.

Material: OUTDIR/docs/blog/posts/<section>-<NNN>.md, the same text decoded (UTF-8, falling
back to Windows-1252 for the one stray byte), Markdown's special characters escaped so the
text stays literal, the title as the first `# ` heading (as Material's documentation writes
posts; `title:` with --material-titles front-matter), the category from the folder and
Material's excerpt separator after the first paragraph. Both formats get the same titles, dates
and sections.
"""

from __future__ import annotations

import argparse
import codecs
import html
import random
import re
import sys
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import (
    STAMP,
    TITLE_STYLES,
    material_body,
    material_config,
    material_pages,
    newsroom_config,
    prepare,
    scalar,
    source_digest,
    write,
)

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bbc"
SECTIONS = [
    # folder, section id, title, description
    ("business", "business", "Business", "Markets, companies and the economy"),
    ("entertainment", "entertainment", "Entertainment", "Film, music, books and television"),
    ("politics", "politics", "Politics", "Governments, parliaments and elections"),
    ("sport", "sport", "Sport", "Results, transfers and the stories behind them"),
    ("tech", "technology", "Technology", "Software, hardware and the internet"),
]
AUTHOR_ID = "bbc-news"
AUTHOR_NAME = "BBC News"
SEED = "bbc-2225"
START = datetime(2004, 1, 1, tzinfo=UTC)
DAYS = 731  # 2004-01-01 to 2005-12-31
# Numeric character references and the three named ones the corpus holds, decoded once in titles
ENTITY = re.compile(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|amp|lt|gt|quot);")


@dataclass(frozen=True)
class Raw:
    folder: str
    number: str  # "001"
    section: str
    category: str  # the section's title, Material's category
    title: str
    date: datetime
    body: bytes  # everything after the title line and the blank line, as stored


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: each byte that is not UTF-8 read as Windows-1252 (else Latin-1)."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    chars = []
    for byte in error.object[error.start : error.end]:
        try:
            chars.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            chars.append(chr(byte))
    return "".join(chars), error.end


codecs.register_error("bench-cp1252", _cp1252_fallback)


def decode(data: bytes) -> str:
    """UTF-8, reading the bytes that are not UTF-8 (one in sport/199.txt) as Windows-1252."""
    return data.decode("utf-8", errors="bench-cp1252")


def read_corpus(corpus: Path = CORPUS) -> list[Raw]:
    """Every article of the corpus, in folder and number order, with its synthetic date."""
    paths = []
    for folder, *_ in SECTIONS:
        paths.extend(sorted((corpus / folder).glob("*.txt")))
    if len(paths) != 2225:
        print(f"warning: {corpus} holds {len(paths)} articles, not 2,225", file=sys.stderr)
    rng = random.Random(SEED)
    sections = {folder: (sid, title) for folder, sid, title, _ in SECTIONS}
    articles = []
    for path in paths:
        data = path.read_bytes()
        first, _, rest = data.partition(b"\n")
        title = ENTITY.sub(lambda m: html.unescape(m.group(0)), decode(first).strip())
        minutes = rng.randrange(DAYS * 24 * 60)
        section, category = sections[path.parent.name]
        articles.append(
            Raw(
                folder=path.parent.name,
                number=path.stem,
                section=section,
                category=category,
                title=title,
                date=START + timedelta(minutes=minutes),
                body=rest.lstrip(b"\n"),
            )
        )
    return articles


def newsroom_article(raw: Raw) -> bytes:
    front = "\n".join(
        [
            "---",
            f"title: {scalar(raw.title)}",
            f"date: {raw.date.isoformat()}",
            f"authors: [{AUTHOR_ID}]",
            f"section: {raw.section}",
            "---",
            "",
        ]
    )
    return front.encode("utf-8") + raw.body


MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]])")


def to_markdown(text: str) -> str:
    """Plain text as Markdown that renders the same words: specials escaped, `<` as an entity."""
    text = MARKDOWN_SPECIAL.sub(r"\\\1", text).replace("<", "&lt;")
    return re.sub(r"(?m)^(\s*)([#>+]|\d+\.)", r"\1\\\2", text)


def material_post(raw: Raw, titles: str = "heading") -> str:
    paragraphs = [p for p in re.split(r"\n\s*\n", decode(raw.body)) if p.strip()]
    blocks = [to_markdown(p.rstrip()) for p in paragraphs]
    lines = ["---"]
    if titles == "front-matter":
        lines.append(f"title: {scalar(raw.title)}")
    lines += [
        f"date: {raw.date.isoformat()}",
        f"authors: [{AUTHOR_ID}]",
        f"categories: {scalar([raw.category])}",
        "---",
        "",
    ]
    return "\n".join(lines) + material_body(to_markdown(raw.title), blocks, titles)


def convert(outdir: Path, fmt: str, corpus: Path = CORPUS, titles: str = "heading") -> bool:
    """Write the site; False if `outdir` already held the same site (nothing written).

    `titles`: where Material posts carry their title, as in generate.generate().
    """
    here = Path(__file__).resolve().parent
    digest = source_digest(Path(__file__), here / "generate.py")
    style = f" titles={titles}" if fmt == "material" else ""
    stamp = f"bbc {fmt} corpus={corpus.resolve()}{style} source={digest}\n"
    if not prepare(outdir, stamp):
        return False
    articles = read_corpus(corpus)
    site_name = f"BBC News ({len(articles):,} articles)"
    if fmt == "newsroom":
        sections = [(sid, title, description) for _, sid, title, description in SECTIONS]
        write(outdir / "mkdocs.yml", newsroom_config(site_name, sections, "Europe/London"))
        authors = {AUTHOR_ID: {"name": AUTHOR_NAME, "role": "Wire copy", "bio": "BBC dataset"}}
        write(outdir / "content" / "authors.yml", yaml.safe_dump(authors, sort_keys=False))
        for raw in articles:
            path = outdir / "content" / "articles" / raw.section / f"{raw.number}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(newsroom_article(raw))
    else:
        write(outdir / "mkdocs.yml", material_config(site_name))
        docs = outdir / "docs"
        for name, text in material_pages(site_name).items():
            write(docs / name, text)
        authors = {
            "authors": {
                AUTHOR_ID: {
                    "name": AUTHOR_NAME,
                    "description": "Wire copy",
                    "avatar": "https://example.org/avatars/bbc-news.png",
                }
            }
        }
        write(docs / "blog" / ".authors.yml", yaml.safe_dump(authors, sort_keys=False))
        for raw in articles:
            name = f"{raw.section}-{raw.number}.md"
            write(docs / "blog" / "posts" / name, material_post(raw, titles))
    (outdir / STAMP).write_text(stamp, encoding="utf-8")
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", type=Path, help="folder to write the site into")
    parser.add_argument("--format", choices=["newsroom", "material"], default="newsroom")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the bbc/ folder")
    parser.add_argument(
        "--material-titles",
        choices=TITLE_STYLES,
        default="heading",
        help="Material posts: title as a '# ' heading (Material's docs) or as 'title:'",
    )
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        parser.error(f"no corpus at {args.corpus}")
    written = convert(args.outdir, args.format, args.corpus, args.material_titles)
    state = "wrote" if written else "already up to date:"
    print(f"{state} BBC corpus ({args.format}) in {args.outdir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
