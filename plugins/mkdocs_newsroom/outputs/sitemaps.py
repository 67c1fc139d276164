"""sitemap.xml (every published page, with real modification dates), the Google News sitemap
and robots.txt. Written with ElementTree, which escapes every value for XML.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from ..urls import SITEMAP, absolute_url

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence
    from datetime import datetime

    from ..model import Article

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
MAX_URLS = 50_000  # per sitemap file (sitemaps.org)
NEWS_MAX = 1_000
NEWS_WINDOW = timedelta(days=2)
X_DEFAULT = "x-default"  # the hreflang of the version for readers of any other language


@dataclass(frozen=True)
class Entry:
    """One page of the site: its site-relative URL, when its content last changed, and the
    same page in other languages, as (hreflang, URL) pairs including itself."""

    url: str
    lastmod: datetime | None = None
    alternates: tuple[tuple[str, str], ...] = ()


def _document(root: ET.Element) -> str:
    ET.indent(root, space=" ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")


def sitemap_files(entries: Iterable[Entry], site_url: str) -> dict[str, str]:
    """sitemap.xml, or, past 50,000 URLs, a sitemap index over sitemap-1.xml, sitemap-2.xml..."""
    unique: dict[str, Entry] = {}
    for entry in entries:
        unique.setdefault(entry.url, entry)
    ordered = sorted(unique.values(), key=lambda e: e.url)
    chunks = [ordered[i : i + MAX_URLS] for i in range(0, len(ordered), MAX_URLS)] or [[]]
    if len(chunks) == 1:
        return {SITEMAP: _urlset(chunks[0], site_url)}
    files = {f"sitemap-{n}.xml": _urlset(chunk, site_url) for n, chunk in enumerate(chunks, 1)}
    index = ET.Element("sitemapindex", xmlns=SITEMAP_NS)
    for name, chunk in zip(files, chunks, strict=True):
        sitemap = ET.SubElement(index, "sitemap")
        ET.SubElement(sitemap, "loc").text = absolute_url(site_url, name)
        dates = [e.lastmod for e in chunk if e.lastmod]
        if dates:
            ET.SubElement(sitemap, "lastmod").text = max(dates).isoformat()
    files[SITEMAP] = _document(index)
    return files


def _urlset(entries: Sequence[Entry], site_url: str) -> str:
    root = ET.Element("urlset", xmlns=SITEMAP_NS)
    if any(entry.alternates for entry in entries):
        root.set("xmlns:xhtml", XHTML_NS)
    for entry in entries:
        url = ET.SubElement(root, "url")
        ET.SubElement(url, "loc").text = absolute_url(site_url, entry.url)
        if entry.lastmod is not None:
            ET.SubElement(url, "lastmod").text = entry.lastmod.isoformat()
        for hreflang, href in entry.alternates:
            link = {"rel": "alternate", "hreflang": hreflang, "href": absolute_url(site_url, href)}
            ET.SubElement(url, "xhtml:link", link)
    return _document(root)


def news_sitemap(
    articles: Sequence[Article],
    site_url: str,
    publication: str,
    language: Callable[[Article], str],
    now: datetime,
) -> str:
    """Google News sitemap: articles of the 2 days before `now`, newest first, at most 1,000;
    `language` names each one's language as search engines do. '' when there is none: the
    sitemap protocol's `urlset` holds at least one `url`."""
    root = ET.Element("urlset", {"xmlns": SITEMAP_NS, "xmlns:news": NEWS_NS})
    recent = [a for a in articles if now - NEWS_WINDOW <= a.date <= now][:NEWS_MAX]
    if not recent:
        return ""
    for article in recent:
        url = ET.SubElement(root, "url")
        ET.SubElement(url, "loc").text = absolute_url(site_url, article.url)
        news = ET.SubElement(url, "news:news")
        source = ET.SubElement(news, "news:publication")
        ET.SubElement(source, "news:name").text = publication
        ET.SubElement(source, "news:language").text = news_language(language(article))
        ET.SubElement(news, "news:publication_date").text = article.date.isoformat()
        ET.SubElement(news, "news:title").text = article.title
    return _document(root)


# Chinese written in traditional characters: its script, or a region that writes them
_TRADITIONAL = frozenset({"hant", "tw", "hk", "mo"})
# ISO 639's withdrawn codes, which BCP 47 still reads, by their current ones
_CURRENT_CODE = {"iw": "he", "ji": "yi", "in": "id"}


def news_language(tag: str) -> str:
    """Google wants an ISO 639 code, but zh-cn for Chinese in simplified characters and
    zh-tw in traditional: 'fa-AF' -> 'fa', 'zh-Hant-HK' -> 'zh-tw', 'zh' -> 'zh-cn'."""
    language, *rest = tag.lower().split("-")
    if language == "zh":
        return "zh-tw" if _TRADITIONAL.intersection(rest) else "zh-cn"
    return _CURRENT_CODE.get(language, language)


# robots.txt's first line: a comment for whoever opens it, and the mark by which a later
# `--dirty` build knows the file as Newsroom's, to remove when no longer written (build/stale.py)
ROBOTS_MARK = "# Written by Newsroom; a robots.txt in the content folder replaces it"


def robots_txt(site_url: str, sitemaps: Iterable[str]) -> str:
    lines = [ROBOTS_MARK, "User-agent: *", "Allow: /", ""]
    lines += [f"Sitemap: {absolute_url(site_url, name)}" for name in sitemaps]
    return "\n".join(lines) + "\n"
