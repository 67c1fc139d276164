"""Feeds: RSS 2.0 and Atom for the site, each section, tag and author; JSON Feed for the site.

XML feeds are written by `feedgenerator` (the library Pelican uses), which escapes every value
for XML exactly once; we hand it raw values from the model. What it does not do is
added here: several `<author>`s per Atom entry, a plain-text Atom summary (it marks every
summary as HTML, which would make a reader interpret a `<` in a summary as markup), each
entry's own `xml:lang` (a tag's feed mixes the editions' languages), and the lead picture as
Media RSS `media:content`. What each item would repeat of its feed is said once: the Dublin
Core namespace on the RSS root, not on every byline (as the library writes it); an Atom
entry's language only where it differs from its feed's, and no attribute that says Atom's
default (a summary's `type="text"`, a link's `rel="alternate"`). A tag's feed lists a story
in two formats, so each byte of an item is written some 30,000 times at 10,000 articles.
"""

from __future__ import annotations

import html
import io
import json
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

import feedgenerator
from feedgenerator.django.utils.xmlutils import SimplerXMLGenerator

from ..reading.images import ImageFacts, shared_picture
from ..reading.permalinks import without_permalinks
from ..reading.reach import is_uri
from ..rendering.language_rules import names_joined
from ..rendering.strings import footnote_labels
from ..slugs import slugify
from ..urls import ATOM_FILE, JSON_FILE, RSS_FILE, absolute_url, rebased_links, site_path

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from datetime import datetime

    from ..model import Article, Edition


@dataclass(frozen=True)
class FeedSpec:
    """One feed: what it lists, and where its HTML listing and its files live."""

    title: str
    description: str
    listing_url: str  # site-relative, '' for the whole site
    articles: Sequence[Article]
    language: str  # as search engines name it; '' for a feed whose stories mix languages
    fallback_date: datetime  # "updated" of a feed with no articles (feed_files._last_news)
    is_front: bool = False  # the feed of a whole edition (JSON Feed is made for these only)

    def path(self, filename: str) -> str:
        return f"{self.listing_url}{filename}"


@dataclass(frozen=True)
class FeedOptions:
    site_url: str
    site_name: str
    length: int = 50
    full_content: bool = False
    editions: Mapping[str, Edition] = field(default_factory=dict)  # by id
    images: Mapping[str, ImageFacts] = field(default_factory=dict)  # lead images, by `src`
    # each story's item as written once, by feed format, story id, address and the item's
    # attributes (_WrittenOnce)
    written: dict[tuple[str, ...], str] = field(default_factory=dict, compare=False)
    items: dict[int, dict[str, Any]] = field(default_factory=dict, compare=False)  # _item

    def language(self, article: Article) -> str:
        """An article's language as search engines name it."""
        edition = self.editions.get(article.edition)
        return edition.search_language_of(article) if edition else article.lang

    def locale(self, article: Article) -> str:
        """The locale of an article's edition: the words its item has besides the story's."""
        edition = self.editions.get(article.edition)
        return edition.locale if edition else "en"

    def byline(self, article: Article) -> str | None:
        """An article's authors' names, as its edition's language joins them."""
        names = [author.name for author in article.authors]
        return names_joined(names, self.locale(article)) if names else None

    def picture(self, article: Article) -> tuple[str, ImageFacts] | None:
        """The absolute URL of the article's lead picture, and what is known of it; None
        for none, or an SVG (which feed readers, like social sites, do not show)."""
        image = article.image
        shared = shared_picture(image, self.images) if image is not None else None
        if shared is None or not shared[1].type:
            return None
        return absolute_url(self.site_url, shared[0]), shared[1]


class _DatedByItems:
    """A feed dated by its newest item, or by `fallback_date` when it has none (the library
    would use the clock, and two builds would differ)."""

    items: list[dict[str, Any]]

    def __init__(self, *args: Any, fallback_date: datetime, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._fallback_date = fallback_date

    def latest_post_date(self) -> datetime:
        dates = [item["updateddate"] or item["pubdate"] for item in self.items]
        return max(dates) if dates else self._fallback_date


class _WrittenOnce:
    """Each story's item written once per format, then copied into every feed that lists it:
    a story is in the site's feed, its section's, each of its tags' and authors' (seven
    feeds on average in bench/generate.py's sites, where writing each item afresh was a
    sixth of a build's work). The copy is the library's own output, escaped as it escapes."""

    items: list[dict[str, Any]]
    written: dict[tuple[str, ...], str]
    element = "item"

    if TYPE_CHECKING:  # the feed classes' own, which this goes before

        def item_attributes(self, item: dict[str, Any]) -> dict[str, str]: ...

        def add_item_elements(self, handler: Any, item: dict[str, Any]) -> None: ...

    def write_items(self, handler: Any) -> None:
        for item in self.items:
            attributes = self.item_attributes(item)  # an entry's language, in some feeds
            key = (self.element, item["unique_id"], item["link"], *attributes.values())
            text = self.written.get(key)
            if text is None:
                stream = io.StringIO()
                writer = SimplerXMLGenerator(stream, "utf-8", short_empty_elements=True)
                writer.startElement(self.element, attributes)
                self.add_item_elements(writer, item)
                writer.endElement(self.element)
                text = self.written[key] = stream.getvalue()
            handler.ignorableWhitespace(text)  # written as it is: XML already


MEDIA_NS = "http://search.yahoo.com/mrss/"
# What every feed names as its generator, before its first item: how `mkdocs build --dirty`
# tells Newsroom's feeds from the site's own (build/stale.py)
GENERATOR = "Newsroom"
DUBLIN_CORE_NS = "http://purl.org/dc/elements/1.1/"


def _media_attributes(url: str, facts: ImageFacts) -> dict[str, str]:
    attributes = {"url": url, "type": facts.type, "medium": "image"}
    if facts.width and facts.height:
        attributes |= {"width": str(facts.width), "height": str(facts.height)}
    return attributes


class _Rss(_WrittenOnce, _DatedByItems, feedgenerator.Rss201rev2Feed):  # type: ignore[misc]
    """RSS 2.0 with each item's picture as Media RSS `media:content` (what feed readers show)
    besides the `enclosure` RSS has for it."""

    def rss_attributes(self) -> dict[str, str]:
        return {**super().rss_attributes(), "xmlns:dc": DUBLIN_CORE_NS, "xmlns:media": MEDIA_NS}

    def add_root_elements(self, handler: Any) -> None:
        super().add_root_elements(handler)
        handler.addQuickElement("generator", GENERATOR)

    def add_item_elements(self, handler: Any, item: dict[str, Any]) -> None:
        super().add_item_elements(handler, item)  # told no author: it would declare dc: again
        if item["byline"]:
            handler.addQuickElement("dc:creator", item["byline"])
        if item.get("picture"):
            handler.addQuickElement("media:content", "", _media_attributes(*item["picture"]))


class _Atom(_WrittenOnce, _DatedByItems, feedgenerator.Atom1Feed):  # type: ignore[misc]
    """Atom with every author of an entry, summaries as plain text, each entry in its own
    language, and its picture as an enclosure."""

    element = "entry"

    def root_attributes(self) -> dict[str, str]:
        attributes: dict[str, str] = super().root_attributes()
        if not self.feed["language"]:
            attributes.pop("xml:lang", None)
        return attributes

    def add_root_elements(self, handler: Any) -> None:
        super().add_root_elements(handler)
        handler.addQuickElement("generator", GENERATOR)

    def item_attributes(self, item: dict[str, Any]) -> dict[str, str]:
        if not item.get("lang") or item["lang"] == self.feed["language"]:
            return {}  # the feed's own, which the entry inherits
        return {"xml:lang": item["lang"]}

    def add_item_elements(self, handler: Any, item: dict[str, Any]) -> None:
        handler.addQuickElement("title", item["title"])
        handler.addQuickElement("link", "", {"href": item["link"]})
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
            handler.addQuickElement("summary", item["description"])
        if item["content"] is not None:
            handler.addQuickElement("content", item["content"], {"type": "html"})
        for category in item["categories"]:
            handler.addQuickElement("category", "", {"term": category})
        for enclosure in item["enclosures"]:
            link = {"rel": "enclosure", "href": enclosure.url, "type": enclosure.mime_type}
            if enclosure.length:
                link["length"] = enclosure.length
            handler.addQuickElement("link", "", link)


def _feed_kwargs(spec: FeedSpec, options: FeedOptions, filename: str) -> dict[str, Any]:
    return {
        "title": spec.title,
        "link": absolute_url(options.site_url, spec.listing_url),
        "description": spec.description or spec.title,
        "language": spec.language or None,
        "feed_url": absolute_url(options.site_url, spec.path(filename)),
        "feed_guid": absolute_url(options.site_url, spec.path(filename)),
        "fallback_date": spec.fallback_date,
    }


def item_id(article: Article, site_url: str) -> str:
    """What every feed identifies the story by, for good: made from its `uid` (which no new
    headline, date or section changes) and the site, not from its URL. A `uid` that is a URI
    already (the id an older feed gave the story) is kept as it is."""
    uid = article.uid or article.source
    if is_uri(uid):
        return uid
    site = urlsplit(absolute_url(site_url, ""))
    # the host's case is no part of it (https://EXAMPLE.org/ is https://example.org/)
    name = f"{urlunsplit(site._replace(netloc=site.netloc.lower()))}#{uid}"
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}"


def _item(article: Article, options: FeedOptions) -> dict[str, Any]:
    """What the feed library is told of a story, made once for all the feeds that list it
    (by the story's identity: the articles outlive the build's feeds)."""
    item = options.items.get(id(article))
    if item is None:
        item = options.items[id(article)] = _item_kwargs(article, options)
    return item


def _item_kwargs(article: Article, options: FeedOptions) -> dict[str, Any]:
    link = absolute_url(options.site_url, article.url)
    named = [article.section.title] if article.section else []
    categories: dict[str, str] = {}  # a tag named as the section is one category
    for name in [*named, *(tag.name for tag in article.tags)]:
        categories.setdefault(slugify(name, fallback_prefix="tag", fold=True), name)
    picture = options.picture(article)
    enclosures = []
    if picture is not None and picture[1].length:  # RSS asks for the size in bytes
        url, facts = picture
        enclosures.append(feedgenerator.Enclosure(url, str(facts.length), facts.type))
    return {
        "title": article.title,
        "link": link,
        "unique_id": item_id(article, options.site_url),
        "unique_id_is_permalink": False,
        "pubdate": article.date,
        "updateddate": article.updated,
        "categories": list(categories.values()),
        "byline": options.byline(article),
        "authors": [
            (author.name, absolute_url(options.site_url, author.url)) for author in article.authors
        ],
        # a feed reader reads the text away from the page: its addresses are made absolute,
        # and the headings' permalinks, which the page shows only under the pointer, go
        "content": (
            rebased_links(
                footnote_labels(
                    without_permalinks(article.body_html, article.permalink),
                    options.locale(article),
                ),
                site_path(options.site_url),
                link,
            )
            if options.full_content
            else None
        ),
        "enclosures": enclosures,
        "picture": picture,
        "lang": options.language(article),
    }


def rss_feed(spec: FeedSpec, options: FeedOptions) -> str:
    feed = _Rss(**_feed_kwargs(spec, options, RSS_FILE))
    feed.written = options.written
    for article in spec.articles[: options.length]:
        item = _item(article, options)
        # RSS descriptions are HTML: the plain-text summary is escaped here, once, and the
        # feed library escapes that for XML.
        description = html.escape(article.excerpt, quote=False)
        if options.full_content:
            description = item["content"]
        feed.add_item(description=description, **item)
    return str(feed.writeString("utf-8"))


def atom_feed(spec: FeedSpec, options: FeedOptions) -> str:
    # The publisher is the feed's author, so that an entry without a byline is still valid.
    feed = _Atom(
        author_name=options.site_name,
        author_link=options.site_url,
        **_feed_kwargs(spec, options, ATOM_FILE),
    )
    feed.written = options.written
    for article in spec.articles[: options.length]:
        feed.add_item(description=article.excerpt, **_item(article, options))
    return str(feed.writeString("utf-8"))


def json_feed(spec: FeedSpec, options: FeedOptions) -> str:
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1)."""
    items = []
    for article in spec.articles[: options.length]:
        link = absolute_url(options.site_url, article.url)
        item: dict[str, Any] = {
            "id": item_id(article, options.site_url),
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
        picture = options.picture(article)
        if picture is not None:
            item["image"] = picture[0]
        if options.full_content:
            item["content_html"] = _item(article, options)["content"]
        else:
            item["content_text"] = article.excerpt
        item["language"] = options.language(article)
        items.append(item)
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": spec.title,
        "home_page_url": absolute_url(options.site_url, spec.listing_url),
        "feed_url": absolute_url(options.site_url, spec.path(JSON_FILE)),
        "description": spec.description or spec.title,
        "_newsroom": {"generator": GENERATOR},  # an extension (JSON Feed has no generator)
        "items": items,
    }
    if spec.language:
        document["language"] = spec.language
    return json.dumps(document, ensure_ascii=False, indent=1)
