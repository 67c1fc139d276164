"""The newsroom's model: articles, their authors, sections, tags and images (with the pictures
the build made of them), and the editions they are published in.

Plain frozen dataclasses that know nothing of MkDocs. Every string holds the raw value as the
reporter wrote it; escaping happens where a value is written out (templates, feeds, JSON-LD),
exactly once, for the context it lands in.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property, total_ordering
from typing import TYPE_CHECKING, Literal

from babel.core import Locale, UnknownLocaleError

from .directions import text_direction

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from datetime import datetime

# Languages written right to left (primary subtags) that Babel does not know: Dari, Western
# Punjabi (and the rest, for a tag Babel cannot read: Arabic, Persian, Pashto, Urdu, Hebrew,
# Yiddish, Sorani Kurdish, Sindhi, Uyghur, Dhivehi, Kashmiri; iw and ji, Hebrew's and
# Yiddish's withdrawn codes, which BCP 47 still reads)
RTL_LANGUAGES = frozenset(
    {"ar", "fa", "ps", "prs", "ur", "he", "yi", "ckb", "sd", "ug", "dv", "ks", "pnb", "iw", "ji"}
)


# How search engines and social sites name languages they do not know by their own tag: Google's
# hreflang and News sitemap and Facebook's locales have no Dari (`prs`), only Persian (`fa`);
# Serbo-Croatian's `sh` (Material's) is a withdrawn code, Serbian in Latin letters to CLDR
SEO_LANGUAGE_OF = {"prs": "fa-AF", "sh": "sr-Latn"}

# What reads `.md` articles (`markdown_engine`): Python-Markdown, MkDocs' own, with the site's
# markdown_extensions (the default), or CommonMark with GitHub's (reading/commonmark.py)
MARKDOWN_ENGINES = PYTHON_MARKDOWN, COMMONMARK = ("python-markdown", "commonmark")
# The listings that may have feeds of their own (`listing_feeds`, as mkdocs.yml names them),
# and the `kind` of each one's listings
LISTING_FEEDS = ("sections", "tags", "authors")
FEED_KINDS = {name: name.removesuffix("s") for name in LISTING_FEEDS}


# Scripts written right to left (ISO 15924), as a tag may name them (`pa-Arab`, `ar-Latn`)
RTL_SCRIPTS = frozenset(
    {"arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg", "mand", "samr", "mend"}
)


@cache
def is_rtl(lang: str) -> bool:
    """Whether text in `lang` (a BCP 47 tag) runs right to left: by the script it names, else
    the one CLDR takes it to be in (Kurdish of Iraq, `ku-IQ`, is in Arabic letters; Punjabi
    in Indian ones, unless `pa-PK`), else by its language."""
    parts = lang.lower().split("-")
    script = next((part for part in parts[1:] if len(part) == 4 and part.isalpha()), None)
    if script is not None:
        return script in RTL_SCRIPTS
    try:
        return bool(Locale.parse(lang.replace("-", "_")).character_order == "right-to-left")
    except (ValueError, TypeError, UnknownLocaleError):
        return parts[0] in RTL_LANGUAGES


def last_change(articles: Iterable[Article]) -> datetime | None:
    """The latest `modified` of `articles` (the first of equal ones), None if there are none:
    what the date of a page listing them is. By each article's timestamp, made once:
    comparing two dates of different zones goes through their offsets (the 40,000 dates of
    a preview's tag pages at 10,000 stories, in seven zones: 75 ms with `max`, 65 ms by
    timestamps made each time, 15-35 ms by the kept ones)."""
    found = max(articles, key=_modified_at, default=None)
    return None if found is None else found.modified


def _modified_at(article: Article) -> float:
    return article.modified_at


@dataclass(frozen=True)
class Author:
    """A reporter from `authors.yml`. `url` is their page on this site; `website` their own."""

    id: str
    name: str
    bio: str = ""
    avatar: str = ""
    website: str = ""
    role: str = ""
    url: str = ""
    # "organization" for a news agency or a desk that signs as one (schema.org Organization)
    type: Literal["person", "organization"] = "person"
    # what the build made of `avatar`, a local JPEG, PNG or WebP file it could read
    picture: Picture | None = None

    @property
    def is_organization(self) -> bool:
        return self.type == "organization"

    @property
    def direction(self) -> str:
        """The direction of the name: a byline of the other direction isolates it, as
        'Reuters 24' among Pashto names would otherwise take the line's order."""
        return text_direction(self.name)


@dataclass(frozen=True)
class Section:
    """A section of the paper. `titles` names it in other editions: (edition id or lang,
    title) pairs; `lang` is the language of `title` when it is not the edition's own (an
    edition without a title of its own for the section shows the first edition's)."""

    id: str
    title: str
    description: str = ""
    order: int = 0
    url: str = ""
    titles: tuple[tuple[str, str], ...] = ()
    lang: str = ""
    descriptions: tuple[tuple[str, str], ...] = ()  # like `titles`, for `description`


@dataclass(frozen=True)
class Edition:
    """One site, several languages: an edition has its own front page, section fronts,
    archive and feeds (tag and author pages are shared). The first edition lives at the site
    root, the others under their folder (`path`: '' or 'ps/').

    `lang` is its BCP 47 tag, `locale` the Babel locale of its dates, `languages` every
    `lang` an article may give to belong here, `sections` the sections as this edition names
    and links them."""

    id: str
    title: str
    lang: str
    locale: str
    path: str
    languages: tuple[str, ...]
    sections: Mapping[str, Section]
    description: str = ""
    copyright: str = ""  # the site's copyright line in this edition's language
    # the language as search engines and social sites name it (hreflang, news sitemap,
    # og:locale): Dari is `prs` to browsers and screen readers, `fa-AF` to Google and Facebook
    seo_language: str = ""

    @property
    def search_language(self) -> str:
        return self.seo_language or self.lang

    def search_language_of(self, article: Article) -> str:
        """An article's language as search engines name it: the edition's, unless the
        article gives another of its own (`lang: fa-AF` in the Dari edition)."""
        lang = article.lang
        if not lang or lang.lower() == self.lang.lower():
            return self.search_language
        return SEO_LANGUAGE_OF.get(lang.lower(), lang)

    @property
    def rtl(self) -> bool:
        return is_rtl(self.lang)

    def url(self, path: str) -> str:
        """A site-relative URL inside this edition."""
        return f"{self.path}{path}"

    def accepts(self, lang: str) -> bool:
        return lang.lower() in {language.lower() for language in self.languages}


@total_ordering
@dataclass(frozen=True)
class Tag:
    """A tag is identified by its slug: two spellings that slug alike are one tag, which the
    catalogue shows with one spelling in each edition (catalogue.tags.unify_tags): `name`, as
    the article's edition writes it; `page_name`, its page's title (the spelling most used in
    all editions) when that is another. Tags sort by slug."""

    name: str
    slug: str
    url: str = ""
    page_name: str = ""

    @property
    def heading(self) -> str:
        """The tag as its own page names it."""
        return self.page_name or self.name

    def __lt__(self, other: Tag) -> bool:
        return self.slug < other.slug


@dataclass(frozen=True)
class Rendition:
    """One file the build made from a picture: `path` from the site's root, its size in
    pixels, its MIME type (`image/avif`, `image/webp`, `image/jpeg`, `image/png`) and its
    length in bytes (what an RSS enclosure gives)."""

    path: str
    width: int
    height: int
    type: str
    length: int = 0


@dataclass(frozen=True)
class Picture:
    """What the build made of a local photograph (outputs/pictures/): its size as readers see
    it (its EXIF orientation applied) and its MIME type; `renditions`, the smaller copies for
    screens, by type in the order they are offered (modern types first, the original's type
    last), narrowest first; `shared`, the copies for Open Graph, JSON-LD and feeds: a JPEG of
    the whole picture at most 1200 pixels wide, then (of a picture at least that wide) its
    16:9, 4:3 and 1:1 crops. A picture published as it is (animated) has no renditions."""

    width: int
    height: int
    type: str
    renditions: tuple[Rendition, ...] = ()
    shared: tuple[Rendition, ...] = ()

    def types(self) -> tuple[str, ...]:
        """The MIME types of the renditions, in the order they are offered."""
        return tuple(dict.fromkeys(rendition.type for rendition in self.renditions))

    def of_type(self, mime: str) -> tuple[Rendition, ...]:
        return tuple(rendition for rendition in self.renditions if rendition.type == mime)


@dataclass(frozen=True)
class Image:
    """An article's lead image as the reporter gave it; `picture`, what the build made of it
    when it is a local JPEG, PNG or WebP file it could read."""

    src: str
    alt: str
    caption: str = ""
    credit: str = ""
    picture: Picture | None = None

    @property
    def shared(self) -> Rendition | None:
        """The copy for social sites, search engines and feed readers (a JPEG at most 1200
        pixels wide), if the build made one."""
        picture = self.picture
        return picture.shared[0] if picture is not None and picture.shared else None

    @property
    def crops(self) -> tuple[Rendition, ...]:
        """The crops of the picture for search engines (16:9, 4:3, 1:1), if the build made
        them; one path each (a crop that is the whole picture is the shared copy itself)."""
        picture = self.picture
        crops = picture.shared[1:] if picture is not None else ()
        return tuple({crop.path: crop for crop in crops}.values())


@dataclass(frozen=True)
class Permalink:
    """The link `toc`'s `permalink` puts in each heading of a site's `.md` articles, as their
    Markdown writes it: `opening`, the heading's id, `closing`; at the heading's end, or at
    its start (`leading`). The page's furniture, which search and feeds leave out."""

    opening: str  # '<a class="headerlink" href="#'
    closing: str  # '" title="Permanent link">¶</a>'
    leading: bool = False


@dataclass(frozen=True)
class Correction:
    date: datetime
    text: str


@dataclass(frozen=True, eq=False)
class Article:
    """One published (or publishable) story.

    `source` is the file's path relative to `docs_dir`; `url` is where the catalogue put the
    article, relative to the site root, always a directory URL ending in '/'. An article is
    equal only to itself: a story read or placed differently is a new object, and what was
    made from an unchanged one can be kept by identity (catalogue.placement.PlacedArticles).
    """

    source: str
    kind: Literal["md", "txt"]
    title: str
    date: datetime
    body_html: str
    excerpt: str  # the summary if given, else the opening of the body: for listings and meta
    text: str  # the body as plain text if not the HTML's own text ('' then: search.site)
    word_count: int
    reading_minutes: int
    slug: str
    summary: str = ""  # the reporter's own summary, shown as the standfirst
    updated: datetime | None = None
    authors: tuple[Author, ...] = ()
    section: Section | None = None
    tags: tuple[Tag, ...] = ()
    location: str = ""
    image: Image | None = None
    draft: bool = False
    featured: bool = False
    breaking: bool = False
    lang: str = ""
    corrections: tuple[Correction, ...] = ()
    url: str = ""
    fingerprint: str = ""  # of the source file and the settings it was read with
    edition: str = ""  # the id of the edition it belongs to
    translation: str = ""  # a key its translations in other editions share
    expires: datetime | None = None  # when it comes off the site
    held_back: str = ""  # why it is not published (catalogue.publishing), in a preview
    # old site-relative addresses ('2019/05/03/old-slug/', 'old/story.html'), each to
    # redirect here
    aliases: tuple[str, ...] = ()
    aliases_line: int | None = None  # where its 'aliases' are, for messages
    # what feeds identify the story by, which no new headline, date or section changes: the
    # front matter's `uid`, else its `wire_id`, else the file's first path (reading/articles.py)
    uid: str = ""
    slug_given: bool = False  # its front matter pins the slug (a new headline moves nothing)
    slug_refused: bool = False  # its 'slug' was refused (said): the headline's is used
    syndicated: bool = False  # agency copy published as it came (`syndicated: true`)
    permalink: Permalink | None = None  # what its headings' permalinks look like, if any
    # where its body starts, when nothing is written below the front matter: a story not yet
    # written, which only a published story is told of (catalogue/publishing.py)
    unwritten_line: int = 0

    @cached_property
    def card_key(self) -> str:
        """Everything a card, a link or a headline of this article shows (for the signatures
        that tell `mkdocs serve` which pages changed)."""
        tags = "|".join(f"{tag.name}>{tag.url}" for tag in self.tags)
        return f"{self.fingerprint}:{self.url}:{self.held_back}:{tags}"

    @property
    def modified(self) -> datetime:
        """When the article last changed: `updated` if given, else its publication date."""
        return self.updated or self.date

    @cached_property
    def modified_at(self) -> float:
        """`modified` as a timestamp, for comparing many (see `last_change`)."""
        return self.modified.timestamp()

    @cached_property
    def _newest_first(self) -> tuple[float, str]:
        return (-self.date.timestamp(), self.source)

    def sort_key(self) -> tuple[float, str]:
        """Newest first, then by source path, so that equal dates keep a stable order."""
        return self._newest_first

    def differs_beyond_copy(self, other: Article) -> bool:
        """Whether `other`, the same file read again, differs from this article in anything
        but its copy (COPY_FIELDS)."""
        return any(
            not _same(getattr(self, name), getattr(other, name))
            for name in self.__dataclass_fields__
            if name not in COPY_FIELDS
        )

    def take_copy(self, other: Article) -> None:
        """Become `other` (`differs_beyond_copy` false), in place: a preview that rebuilds
        from copy edits alone keeps the article's identity, by which every listing, page and
        feed holding it is found (build/copy_edits.py). The one place an article changes
        after it is made."""
        for name in COPY_FIELDS:
            object.__setattr__(self, name, getattr(other, name))
        self.__dict__.pop("card_key", None)  # the only cached value made of the copy


def _same(value: object, other: object) -> bool:
    """Equal, and shown alike: two times of one instant in other zones are equal, yet a page
    shows each in its own."""
    return value == other and repr(value) == repr(other)


# An article's copy: its headline, summary and body, and what reading makes of them (and
# where its aliases are written, for messages: a longer summary moves them). A new headline
# moves no story whose slug is pinned; where it would, the slug differs too.
COPY_FIELDS = frozenset(
    (
        "title",
        "summary",
        "body_html",
        "text",
        "excerpt",
        "word_count",
        "reading_minutes",
        "fingerprint",
        "aliases_line",
        "unwritten_line",
    )
)
