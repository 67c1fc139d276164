"""Where a built site's bytes go, per article: by kind of file, and by part of an article page.

    .venv/bin/python bench/weight.py SITE_DIR            # SITE_DIR: a built Newsroom site
    .venv/bin/python bench/weight.py SITE_DIR --minified # and the same after minify-html

Issue #18 asks for at most 12 KB an article all told (then 80,000 articles fit GitHub Pages'
1 GB): this shows what that total is made of. Bytes are the files' own (apparent) sizes, over
the number of article pages found, in KB of 1,000 bytes (the mean: peers.py gives an article
page's median); an article page's parts are cut at the start of each block Newsroom's and
Material's templates write (a part a page lacks counts with the one before it).

`--minified` runs every HTML page through minify-html (Rust; `pip install minify-html`, not a
project dependency), dropping every optional tag, quote and space the HTML standard allows:
the most that taking out "attributes and whitespace nobody reads" could save, with every
feature kept. Nothing is written: the pages are minified in memory.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path

ARTICLE_PAGE = re.compile(r"^(?:blog/)?\d{4}/\d{2}/\d{2}/[^/]+/index\.html$")
LISTINGS = ("tags", "authors", "section", "archive")
FEED_NAMES = ("feed.xml", "atom.xml", "feed.json")
# The article page's parts, each starting where its tag is first found (in page order). A
# minifier drops quotes and sorts attributes: the patterns allow for both.
PARTS = tuple(
    (name, re.compile(rf"<{tag}\b[^>]*{attribute}"))
    for name, tag, attribute in (
        ("head: title, links, meta", "head", ""),
        ("head: JSON-LD", "script", 'type="?application/ld\\+json'),
        ("head: Open Graph, article:, twitter:", "meta", 'property="?og:'),
        ("Material's header and tabs", "body", ""),
        ("the article's header", "header", 'class="?nr-article__header'),
        ("the story's text", "div", 'class="?nr-body'),
        ("tags", "ul", 'class="?nr-tags'),
        ("section steps", "nav", 'class="?nr-section-steps'),
        ("related stories", "aside", 'class="?nr-related'),
        ("footer and scripts", "/article", ""),
    )
)


def kind_of(relative: str) -> str:
    """The kind of output a file of the site is, from its path."""
    if ARTICLE_PAGE.match(relative):
        return "article pages"
    top, _, rest = relative.partition("/")
    if top in LISTINGS and rest:
        is_feed = relative.rsplit("/", 1)[-1] in FEED_NAMES
        return f"{top}: {'feeds' if is_feed else 'pages'}"
    if top == "search":
        return "search index"
    if top == "assets":
        return "theme assets"
    if top.startswith("sitemap") or top.startswith("news-sitemap"):
        return "sitemaps"
    return "front page, 404, site feeds, other"


def site_files(site: Path) -> Iterator[tuple[str, Path]]:
    for folder, _, names in os.walk(site):
        for name in names:
            path = Path(folder, name)
            yield path.relative_to(site).as_posix(), path


def page_parts(html: str) -> dict[str, int]:
    """The bytes of each part of one article page (UTF-8)."""
    found = sorted(
        (match.start(), name) for name, marker in PARTS if (match := marker.search(html))
    )
    data = html.encode()
    offsets = [(len(html[:position].encode()), name) for position, name in found]
    bounds = [*(offset for offset, _ in offsets), len(data)]
    sizes: dict[str, int] = defaultdict(int)
    sizes["doctype and <html>"] = bounds[0]
    for (start, name), end in zip(offsets, bounds[1:], strict=True):
        sizes[name] += end - start
    return sizes


def measure(
    site: Path, shrink: Callable[[str], str] | None
) -> tuple[int, dict[str, int], dict[str, int]]:
    """(article pages, bytes by kind, bytes by part of an article page)."""
    kinds: dict[str, int] = defaultdict(int)
    parts: dict[str, int] = defaultdict(int)
    articles = 0
    for relative, path in site_files(site):
        kind = kind_of(relative)
        if relative.endswith(".html"):
            html = path.read_text(encoding="utf-8")
            if shrink:
                html = shrink(html)
            kinds[kind] += len(html.encode())
            if kind == "article pages":
                articles += 1
                for name, size in page_parts(html).items():
                    parts[name] += size
        else:
            kinds[kind] += path.stat().st_size
    return articles, kinds, parts


def minifier() -> Callable[[str], str]:
    try:
        import minify_html  # type: ignore[import-not-found]
    except ImportError:
        sys.exit("--minified needs minify-html: pip install minify-html")

    def shrink(html: str) -> str:
        return str(
            minify_html.minify(
                html, minify_css=False, minify_js=False, keep_html_and_head_opening_tags=True
            )
        )

    return shrink


def table(title: str, articles: int, *columns: dict[str, int]) -> None:
    """One row per name of the first column, largest first; a column a figure."""
    heads = ("as built", "minified")[: len(columns)]
    print(f"\n| {title} | " + " | ".join(f"KB an article, {head}" for head in heads) + " |")
    print("|---|" + "---|" * len(columns))
    rows = sorted(columns[0], key=lambda name: -columns[0][name])
    for name in [*rows, "**all**"]:
        sizes = [sum(c.values()) if name == "**all**" else c.get(name, 0) for c in columns]
        print(f"| {name} | " + " | ".join(f"{s / articles / 1000:.2f}" for s in sizes) + " |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a built site folder")
    parser.add_argument("--minified", action="store_true", help="also after minify-html")
    args = parser.parse_args(argv)
    articles, kinds, parts = measure(args.site, None)
    if not articles:
        sys.exit(f"{args.site}: no article pages (YYYY/MM/DD/slug/index.html) found")
    print(f"{args.site}: {articles:,} article pages, {sum(kinds.values()) / 1e6:,.1f} MB")
    kind_columns, part_columns = [kinds], [parts]
    if args.minified:
        _, small_kinds, small_parts = measure(args.site, minifier())
        kind_columns.append(small_kinds)
        part_columns.append(small_parts)
    table("kind of file", articles, *kind_columns)
    table("part of an article page", articles, *part_columns)
    return 0


if __name__ == "__main__":
    sys.exit(main())
