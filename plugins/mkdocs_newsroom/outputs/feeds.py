"""Feeds: RSS 2.0 and Atom for the site, each section, tag and author; JSON Feed for the site.

XML feeds are written by `feedgenerator` (the library Pelican uses), which escapes every value
for XML exactly once; we hand it raw values from the model. Two things it does not do are
added here: several `<author>`s per Atom entry, and a plain-text Atom summary (it marks every
summary as HTML, which would make a reader interpret a `<` in a summary as markup).
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import feedgenerator

from ..urls import ATOM_FILE, JSON_FILE, RSS_FILE, absolute_url

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import datetime

    from ..model import Article


@dataclass(frozen=True)
class FeedSpec:
    """One feed: what it lists, and where its HTML listing and its files live."""

    title: str
    description: str
    listing_url: str  # site-relative, '' for the whole site
    articles: Sequence[Article]
    language: str
    fallback_date: datetime  # "updated" of a feed with no articles: the build's "now"
    is_front: bool = False  # the feed of a whole edition (JSON Feed is made for these only)

    def path(self, filename: str) -> str:
        return f"{self.listing_url}{filename}"


@dataclass(frozen=True)
class FeedOptions:
    site_url: str
    site_name: str
    length: int = 50
    full_content: bool = False


def _names(article: Article) -> str | None:
    names = [author.name for author in article.authors]
    if not names:
        return None
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


class _DatedByItems:
    """A feed dated by its newest item, or by the build's "now" when it has none (the library
    would use the clock, and two builds would differ)."""

    items: list[dict[str, Any]]

    def __init__(self, *args: Any, fallback_date: datetime, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._fallback_date = fallback_date

    def latest_post_date(self) -> datetime:
        dates = [item["updateddate"] or item["pubdate"] for item in self.items]
        return max(dates) if dates else self._fallback_date


class _Rss(_DatedByItems, feedgenerator.Rss201rev2Feed):  # type: ignore[misc]
    pass


class _Atom(_DatedByItems, feedgenerator.Atom1Feed):  # type: ignore[misc]
    """Atom with every author of an entry, and summaries as plain text."""

    def add_item_elements(self, handler: Any, item: dict[str, Any]) -> None:
        handler.addQuickElement("title", item["title"])
        handler.addQuickElement("link", "", {"href": item["link"], "rel": "alternate"})
        handler.addQuickElement("published", feedgenerator.rfc3339_date(item["pubdate"]))
        updated = item["updateddate"] or item["pubdate"]
        handler.addQuickElement("updated", feedgenerator.rfc3339_date(updated))
        for name, link in item["authors"]:
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.addQuickElement("uri", link)
            handler.endElement("author")
        handler.addQuickElement("id", item["unique_id"])
        if item["description"]:
            handler.addQuickElement("summary", item["description"], {"type": "text"})
        if item["content"] is not None:
            handler.addQuickElement("content", item["content"], {"type": "html"})
        for category in item["categories"]:
            handler.addQuickElement("category", "", {"term": category})


def _feed_kwargs(spec: FeedSpec, options: FeedOptions, filename: str) -> dict[str, Any]:
    return {
        "title": spec.title,
        "link": absolute_url(options.site_url, spec.listing_url),
        "description": spec.description or spec.title,
        "language": spec.language,
        "feed_url": absolute_url(options.site_url, spec.path(filename)),
        "feed_guid": absolute_url(options.site_url, spec.path(filename)),
        "fallback_date": spec.fallback_date,
    }


def _item_kwargs(article: Article, options: FeedOptions) -> dict[str, Any]:
    link = absolute_url(options.site_url, article.url)
    categories = [article.section.title] if article.section else []
    categories += [tag.name for tag in article.tags]
    return {
        "title": article.title,
        "link": link,
        "unique_id": link,
        "unique_id_is_permalink": True,
        "pubdate": article.date,
        "updateddate": article.updated,
        "categories": categories,
        "author_name": _names(article),
        "authors": [
            (author.name, absolute_url(options.site_url, author.url)) for author in article.authors
        ],
        "content": article.body_html if options.full_content else None,
    }


def rss_feed(spec: FeedSpec, options: FeedOptions) -> str:
    feed = _Rss(**_feed_kwargs(spec, options, RSS_FILE))
    for article in spec.articles[: options.length]:
        item = _item_kwargs(article, options)
        # RSS descriptions are HTML: the plain-text summary is escaped here, once, and the
        # feed library escapes that for XML.
        description = html.escape(article.excerpt, quote=False)
        if options.full_content:
            description = article.body_html
        feed.add_item(description=description, **item)
    return str(feed.writeString("utf-8"))


def atom_feed(spec: FeedSpec, options: FeedOptions) -> str:
    # The publisher is the feed's author, so that an entry without a byline is still valid.
    feed = _Atom(
        author_name=options.site_name,
        author_link=options.site_url,
        **_feed_kwargs(spec, options, ATOM_FILE),
    )
    for article in spec.articles[: options.length]:
        feed.add_item(description=article.excerpt, **_item_kwargs(article, options))
    return str(feed.writeString("utf-8"))


def json_feed(spec: FeedSpec, options: FeedOptions) -> str:
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1)."""
    items = []
    for article in spec.articles[: options.length]:
        link = absolute_url(options.site_url, article.url)
        item: dict[str, Any] = {
            "id": link,
            "url": link,
            "title": article.title,
            "summary": article.excerpt,
            "date_published": article.date.isoformat(),
            "tags": [tag.name for tag in article.tags],
            "authors": [
                {"name": author.name, "url": absolute_url(options.site_url, author.url)}
                for author in article.authors
            ],
        }
        if article.updated:
            item["date_modified"] = article.updated.isoformat()
        if article.image:
            item["image"] = absolute_url(options.site_url, article.image.shared_src)
        if options.full_content:
            item["content_html"] = article.body_html
        else:
            item["content_text"] = article.excerpt
        if article.lang:
            item["language"] = article.lang
        items.append(item)
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": spec.title,
        "home_page_url": absolute_url(options.site_url, spec.listing_url),
        "feed_url": absolute_url(options.site_url, spec.path(JSON_FILE)),
        "description": spec.description or spec.title,
        "language": spec.language,
        "items": items,
    }
    return json.dumps(document, ensure_ascii=False, indent=1)
