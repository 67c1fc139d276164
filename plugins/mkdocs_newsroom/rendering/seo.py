"""What search engines and social sites read: NewsArticle JSON-LD, Open Graph, Twitter cards.

Built as plain data from the raw model; the templates serialise it (`tojson` escapes `<`, `>`,
`&` and `'` inside `<script>`; attribute values are escaped by autoescape), once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..urls import absolute_url

if TYPE_CHECKING:
    from ..model import Article


@dataclass(frozen=True)
class Publisher:
    name: str
    logo: str  # absolute URL
    site_url: str


def news_article(article: Article, publisher: Publisher) -> dict[str, Any]:
    """schema.org NewsArticle, with the properties Google's Article documentation recommends."""
    url = absolute_url(publisher.site_url, article.url)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.excerpt,
        "datePublished": article.date.isoformat(),
        "dateModified": article.modified.isoformat(),
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "author": [
            {
                "@type": "Person",
                "name": author.name,
                "url": absolute_url(publisher.site_url, author.url),
            }
            for author in article.authors
        ],
        "publisher": {
            "@type": "Organization",
            "name": publisher.name,
            "logo": {"@type": "ImageObject", "url": publisher.logo},
        },
        "wordCount": article.word_count,
    }
    if article.image:
        data["image"] = [absolute_url(publisher.site_url, article.image.shared_src)]
    if article.section:
        data["articleSection"] = article.section.title
    if article.tags:
        data["keywords"] = [tag.name for tag in article.tags]
    if article.lang:
        data["inLanguage"] = article.lang
    if article.location:
        data["contentLocation"] = {"@type": "Place", "name": article.location}
    return data


def open_graph(article: Article, publisher: Publisher) -> list[tuple[str, str]]:
    """Open Graph `property` / `content` pairs for an article, in order."""
    properties = [
        ("og:type", "article"),
        ("og:title", article.title),
        ("og:description", article.excerpt),
        ("og:url", absolute_url(publisher.site_url, article.url)),
        ("og:site_name", publisher.name),
        ("article:published_time", article.date.isoformat()),
    ]
    if article.modified != article.date:
        properties.append(("article:modified_time", article.modified.isoformat()))
    if article.image:
        image = article.image
        properties.append(("og:image", absolute_url(publisher.site_url, image.shared_src)))
        if image.shared is not None:  # the JPEG the build made: its type and size are known
            properties.append(("og:image:type", image.shared.type))
            properties.append(("og:image:width", str(image.shared.width)))
            properties.append(("og:image:height", str(image.shared.height)))
        properties.append(("og:image:alt", image.alt))
    properties += [
        ("article:author", absolute_url(publisher.site_url, author.url))
        for author in article.authors
    ]
    if article.section:
        properties.append(("article:section", article.section.title))
    properties += [("article:tag", tag.name) for tag in article.tags]
    if article.lang:
        properties.append(("og:locale", article.lang.replace("-", "_")))
    return properties


def twitter_card(article: Article, publisher: Publisher) -> list[tuple[str, str]]:
    """Twitter (X) falls back on Open Graph for title, description and image: only the card
    type and the image's alt text are its own."""
    card = "summary_large_image" if article.image else "summary"
    tags = [("twitter:card", card)]
    if article.image:
        tags.append(("twitter:image:alt", article.image.alt))
    return tags
