"""What search engines and social sites read: NewsArticle, WebSite, Organization and
ProfilePage JSON-LD, Open Graph, Twitter cards.

Built as plain data from the raw model; the templates serialise it (`tojson` escapes `<`, `>`,
`&` and `'` inside `<script>`; attribute values are escaped by autoescape), once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from babel.core import get_global

from ..reading.images import ImageFacts, mime_type, shared_picture
from ..urls import absolute_url

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from ..model import Article, Author, Edition, Rendition


@dataclass(frozen=True)
class SharedImage:
    """A picture as cards and structured data show it: its absolute URL and what is known
    of the file."""

    url: str
    alt: str
    facts: ImageFacts


@dataclass(frozen=True)
class Publisher:
    name: str
    logo: str  # absolute URL
    site_url: str
    logo_facts: ImageFacts | None = None
    default_image: SharedImage | None = None  # for stories without a picture of their own
    images: Mapping[str, ImageFacts] = field(default_factory=dict)  # lead images, by `src`

    def url(self, path: str) -> str:
        return absolute_url(self.site_url, path)


# Where Facebook, which reads og:locale, names a locale otherwise: Sorani Kurdish (CLDR's
# `ckb`, Material's `ku-IQ`) is its `cb_IQ`
FACEBOOK_LOCALES = {"ckb_IQ": "cb_IQ", "ku_IQ": "cb_IQ"}


def og_locale(tag: str) -> str:
    """A BCP 47 tag as Open Graph names a locale, language_TERRITORY: 'fa-AF' -> 'fa_AF',
    'ps' -> 'ps_AF' and 'en' -> 'en_US' (the territory Unicode's likely subtags give)."""
    parts = tag.replace("_", "-").split("-")
    language = parts[0].lower()
    region = next((part.upper() for part in parts[1:] if len(part) == 2), "")
    if not region:
        likely = get_global("likely_subtags").get(language, "")
        region = likely.rsplit("_", 1)[-1] if likely.count("_") else ""
    locale = f"{language}_{region}" if region else language
    return FACEBOOK_LOCALES.get(locale, locale)


def shared_image(article: Article, publisher: Publisher) -> SharedImage | None:
    """The picture shared for an article: its lead image, unless that is an SVG (which no
    social site or search engine shows), else the site's default image."""
    image = article.image
    shared = shared_picture(image, publisher.images) if image is not None else None
    if image is None or shared is None:
        return publisher.default_image
    return SharedImage(publisher.url(shared[0]), image.alt, shared[1])


def _article_images(article: Article, publisher: Publisher) -> dict[str, Any]:
    """An article's `image` in JSON-LD: the 16:9, 4:3 and 1:1 crops of its photograph that
    Google asks for when the build made them, else the one picture shared."""
    crops = article.image.crops if article.image is not None else ()
    if crops:
        return {"image": [_rendition_object(crop, publisher) for crop in crops]}
    image = shared_image(article, publisher)
    return {"image": [_image_object(image)]} if image is not None else {}


def _rendition_object(rendition: Rendition, publisher: Publisher) -> dict[str, Any]:
    return {
        "@type": "ImageObject",
        "url": publisher.url(rendition.path),
        "width": rendition.width,
        "height": rendition.height,
    }


def _image_object(image: SharedImage) -> dict[str, Any]:
    data: dict[str, Any] = {"@type": "ImageObject", "url": image.url}
    if image.facts.width and image.facts.height:
        data["width"] = image.facts.width
        data["height"] = image.facts.height
    return data


def _logo(publisher: Publisher) -> dict[str, Any]:
    facts = publisher.logo_facts or ImageFacts(mime_type(publisher.logo))
    return _image_object(SharedImage(publisher.logo, publisher.name, facts))


def organization(publisher: Publisher) -> dict[str, Any]:
    return {
        "@type": "Organization",
        "name": publisher.name,
        "url": publisher.url(""),
        "logo": _logo(publisher),
    }


def author_data(author: Author, publisher: Publisher) -> dict[str, Any]:
    """A byline as schema.org names it: a Person, or an Organization (a news agency); its own
    website, if any, as `sameAs`."""
    data: dict[str, Any] = {
        "@type": "Organization" if author.is_organization else "Person",
        "name": author.name,
        "url": publisher.url(author.url),
    }
    if author.website:
        data["sameAs"] = [publisher.url(author.website)]
    return data


def news_article(article: Article, publisher: Publisher, edition: Edition) -> dict[str, Any]:
    """schema.org NewsArticle, with the properties Google's Article documentation recommends.

    Left out, as the page says them already and every byte is repeated on every article: the
    description (the meta description and og:description), `mainEntityOfPage` (`url`, the
    canonical link and og:url name the page) and `contentLocation` (the `dateline`)."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "datePublished": article.date.isoformat(),
        "dateModified": article.modified.isoformat(),
        "url": publisher.url(article.url),
        "author": [author_data(author, publisher) for author in article.authors],
        "publisher": organization(publisher),
        "wordCount": article.word_count,
        "inLanguage": edition.search_language_of(article),
    }
    data.update(_article_images(article, publisher))
    if article.section:
        data["articleSection"] = article.section.title
    if article.tags:
        data["keywords"] = [tag.name for tag in article.tags]
    if article.location:
        data["dateline"] = article.location
    agencies = [author for author in article.authors if author.is_organization]
    if article.syndicated and agencies:
        data["sourceOrganization"] = [author_data(agency, publisher) for agency in agencies]
    return data


def _image_properties(image: SharedImage | None) -> list[tuple[str, str]]:
    if image is None:
        return []
    properties = [("og:image", image.url)]
    if image.facts.type:
        properties.append(("og:image:type", image.facts.type))
    if image.facts.width and image.facts.height:
        properties.append(("og:image:width", str(image.facts.width)))
        properties.append(("og:image:height", str(image.facts.height)))
    if image.alt:
        properties.append(("og:image:alt", image.alt))
    return properties


def open_graph(
    article: Article,
    publisher: Publisher,
    edition: Edition,
    translations: Sequence[tuple[Article, Edition]] = (),
) -> list[tuple[str, str]]:
    """Open Graph `property` / `content` pairs for an article, in order. No `article:section`
    or `article:tag`, which no social site shows: the JSON-LD's `articleSection` and
    `keywords` say them once."""
    properties = [
        ("og:type", "article"),
        ("og:title", article.title),
        ("og:description", article.excerpt),
        ("og:url", publisher.url(article.url)),
        ("og:site_name", publisher.name),
        ("og:locale", og_locale(edition.search_language_of(article))),
    ]
    locales = dict.fromkeys(
        og_locale(other_edition.search_language_of(other)) for other, other_edition in translations
    )
    locales.pop(properties[-1][1], None)  # never the page's own
    properties += [("og:locale:alternate", locale) for locale in locales]
    properties.append(("article:published_time", article.date.isoformat()))
    if article.modified != article.date:
        properties.append(("article:modified_time", article.modified.isoformat()))
    properties += _image_properties(shared_image(article, publisher))
    properties += [("article:author", publisher.url(author.url)) for author in article.authors]
    return properties


def twitter_card(image: SharedImage | None) -> list[tuple[str, str]]:
    """Twitter (X) falls back on Open Graph for title, description and image: only the card
    type and the image's alt text are its own."""
    tags = [("twitter:card", "summary_large_image" if image else "summary")]
    if image is not None and image.alt:
        tags.append(("twitter:image:alt", image.alt))
    return tags


def article_card(article: Article, publisher: Publisher) -> list[tuple[str, str]]:
    return twitter_card(shared_image(article, publisher))


def website(
    publisher: Publisher, edition: Edition, name: str, description: str
) -> list[dict[str, Any]]:
    """The front page's JSON-LD: the site (in the edition's language) and its publisher."""
    site = {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": name,
        "url": publisher.url(edition.path),
        "inLanguage": edition.search_language,
        "publisher": {"@type": "Organization", "name": publisher.name},
    }
    if description:
        site["description"] = description
    return [site, {"@context": "https://schema.org", **organization(publisher)}]


def listing_graph(
    publisher: Publisher,
    edition: Edition,
    *,
    kind: str,
    title: str,
    url: str,
    description: str,
) -> list[tuple[str, str]]:
    """Open Graph of a listing: `website` for the front page and the indexes, `profile` for an
    author's page."""
    properties = [
        ("og:type", kind),
        ("og:title", title),
        ("og:url", publisher.url(url)),
        ("og:site_name", publisher.name),
        ("og:locale", og_locale(edition.search_language)),
    ]
    if description:
        properties.append(("og:description", description))
    return properties + _image_properties(publisher.default_image)


def _photo(author: Author) -> str:
    """An author's photo: its widest copy in its own format, which carries none of the
    file's metadata (a camera's GPS position), else the file as given."""
    picture = author.picture
    copies = picture.of_type(picture.type) if picture is not None else ()
    return copies[-1].path if copies else author.avatar


def profile_page(author: Author, publisher: Publisher, description: str) -> dict[str, Any]:
    """An author's page as Google reads a profile: a ProfilePage about a Person (or an
    Organization, for an agency)."""
    about = author_data(author, publisher)
    if description:
        about["description"] = description
    if author.avatar:
        about["image"] = publisher.url(_photo(author))
    return {
        "@context": "https://schema.org",
        "@type": "ProfilePage",
        "url": publisher.url(author.url),
        "mainEntity": about,
    }
