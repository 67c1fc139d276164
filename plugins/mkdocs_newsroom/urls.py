"""Where the plugin's own pages live, relative to the site root (directory URLs ending in '/')."""

from __future__ import annotations

import ipaddress
import re
from functools import lru_cache
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

import idna

from .slugs import slugify

TAGS_INDEX = "tags/"
AUTHORS_INDEX = "authors/"

# The files a build writes beside the pages: at the site's root, and (the feeds) at the root
# of each edition. No article and no alias may take their names.
BUILD_RECORD = "newsroom-build.json"
PICTURES_DIR = "pictures"  # where the copies of lead photographs go
SITEMAP = "sitemap.xml"
NEWS_SITEMAP = "news-sitemap.xml"
ROBOTS_TXT = "robots.txt"
RSS_FILE = "feed.xml"
ATOM_FILE = "atom.xml"
JSON_FILE = "feed.json"
SITE_FILES = frozenset(
    {BUILD_RECORD, SITEMAP, f"{SITEMAP}.gz", NEWS_SITEMAP, ROBOTS_TXT, "404.html", "search"}
)
EDITION_FILES = frozenset({RSS_FILE, ATOM_FILE, JSON_FILE})
NUMBERED_SITEMAP = re.compile(r"sitemap-\d+\.xml")


def built_file(path: str, edition_paths: tuple[str, ...] = ("",)) -> str:
    """The file or folder a build writes that the site-relative `path` (an address that
    would be a folder, 'feed.xml/', or a file) would be in, or stand for: '' if none. Names are
    compared in any case, as some file systems do."""
    lowered = path.lower()
    first = lowered.split("/", 1)[0]
    if first in SITE_FILES or NUMBERED_SITEMAP.fullmatch(first):
        return first
    for edition in edition_paths:
        if lowered.startswith(edition.lower()):
            name = lowered[len(edition) :].split("/", 1)[0]
            if name in EDITION_FILES:
                return f"{edition}{name}"
    return ""


def shown(address: str) -> str:
    """An address of the site (`tags/x/`) as a reporter writes it in `aliases` and in links,
    for messages: from the site's root (`/tags/x/`)."""
    return f"/{address}"


def tag_url(slug: str) -> str:
    return f"tags/{slug}/"


def section_url(section_id: str) -> str:
    return f"section/{section_id}/"


def author_url(author_id: str) -> str:
    return f"authors/{slugify(author_id, fallback_prefix='author', fold=True)}/"


def archive_url(year: int | None = None, month: int | None = None) -> str:
    if year is None:
        return "archive/"
    if month is None:
        return f"archive/{year:04d}/"
    return f"archive/{year:04d}/{month:02d}/"


def page_url(listing_url: str, number: int) -> str:
    """Page N >= 2 of a listing lives at <listing>/page/N/."""
    return listing_url if number <= 1 else f"{listing_url}page/{number}/"


def absolute_url(site_url: str, path: str) -> str:
    """The full URL of a site-relative path (percent-encoded), or `path` if already absolute."""
    if path.lower().startswith(("http://", "https://")):
        return path
    base = site_url if site_url.endswith("/") else f"{site_url}/"
    return base + quote(path.lstrip("/"), safe="/%")


# A start tag, its quoted values whole (text holds no '<' but a tag's: it is written '&lt;')
_START_TAG = re.compile(
    r"""<[A-Za-z][^\s/>]*(?:\s+[^\s=>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*\s*/?>"""
)
# One attribute of a start tag: the space before it, its name, and its value, if any
_ATTRIBUTE = re.compile(r"""(\s+)([^\s=>/]+)(?:(\s*=\s*)("[^"]*"|'[^']*'|[^\s>]+))?""")
_ADDRESSES = frozenset({"src", "href", "poster"})
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def has_scheme(link: str) -> bool:
    """Whether `link` starts with a scheme (`https:`, `javascript:`...), not a path."""
    return _SCHEME.match(link) is not None


@lru_cache(maxsize=8)
def site_path(site_url: str) -> str:
    """The path of the site at `site_url` from its host's root: '/', or '/repo/' for a
    project site."""
    path = urlsplit(site_url).path or "/"
    return path if path.endswith("/") else f"{path}/"


def srcset_candidates(value: str) -> list[tuple[str, str]]:
    """A `srcset`'s candidates, each its URL and its descriptor, as the HTML standard reads
    them: a URL is what runs to the next white space (a comma inside it is part of it, one
    at its end ends the candidate); a descriptor runs to the next comma."""
    candidates: list[tuple[str, str]] = []
    position, end = 0, len(value)
    while True:
        while position < end and (value[position].isspace() or value[position] == ","):
            position += 1
        if position >= end:
            return candidates
        start = position
        while position < end and not value[position].isspace():
            position += 1
        url, descriptor = value[start:position], ""
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            comma = value.find(",", position)
            stop = end if comma < 0 else comma
            descriptor, position = value[position:stop].strip(), stop
        candidates.append((url, descriptor))


def rebased_links(html: str, root: str, page: str = "") -> str:
    """An article's text (HTML) with the addresses its writer gave from the site's root
    (`/images/x.jpg`) under the site's path `root` (`/news/` for a project site) unless they
    are under it already; with `page` (the article's address, for a feed), every address
    made absolute from it. Only the addresses of links, pictures and posters change."""
    if root == "/" and not page:
        return html
    home = root.rstrip("/")

    def rebased(written: str) -> str:
        url = written.strip()  # as browsers read it
        under = url.startswith(root) or url == home or url.startswith((f"{home}?", f"{home}#"))
        if url.startswith("/") and not url.startswith(("//", "/\\")) and not under:
            url = root + url[1:]
        if page and url and not has_scheme(url):
            url = urljoin(page, url)
        return url

    def value(name: str, quoted: str) -> str:
        quote = quoted[0] if quoted[0] in "\"'" else ""
        inner = quoted[1:-1] if quote else quoted
        if name == "srcset":
            candidates = srcset_candidates(inner)
            inner = ", ".join(f"{rebased(url)} {said}".strip() for url, said in candidates)
        else:
            inner = rebased(inner)
        return f"{quote}{inner}{quote}"

    def attribute(match: re.Match[str]) -> str:
        name = match[2].lower()
        if match[4] is None or (name not in _ADDRESSES and name != "srcset"):
            return match[0]
        return f"{match[1]}{match[2]}{match[3]}{value(name, match[4])}"

    def tag(match: re.Match[str]) -> str:
        text = match[0]
        name_end = re.match(r"<[^\s/>]*", text)
        at = name_end.end() if name_end else 1
        return text[:at] + _ATTRIBUTE.sub(attribute, text[at:])

    return _START_TAG.sub(tag, html)


# What RFC 3986 lets a path hold besides letters, digits and '-._~', and '%' for the escapes
# a URL already has; a query or fragment may also hold '?'
_PATH_SAFE = "/:@!$&'()*+,;=%"
_QUERY_SAFE = _PATH_SAFE + "?"
_LONE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def site_url_fault(url: str) -> str:
    """Why `url` cannot be a site's address, of which every address of the site is made, and
    what to write instead; '' if it can (mkdocs.yml's `site_url`, `newsroom init --url`)."""
    parts = urlsplit(url)
    if parts.query or parts.fragment or url.rstrip("/").endswith(("?", "#")):
        alone = urlunsplit(parts._replace(query="", fragment=""))
        return (
            "has a query or a fragment ('?', '#'), which would be inside every address of the "
            f"site; give the address alone, such as '{alone}'"
        )
    try:
        port = parts.port  # raises for a port past 65535
    except ValueError:
        port = 0
    if port == 0 or parts.netloc.endswith(":"):  # past 65535, 0, or none after the colon
        return "has a port no server listens on; give one from 1 to 65535, or none"
    if not _reachable_host(parts.hostname or ""):
        return (
            f"has no host name a browser can reach ('{parts.hostname or ''}'); give one such "
            "as 'news.example.org'"
        )
    if parts.username is not None:
        return (
            "holds a user name or a password, which every address of the site would show; "
            "give the address without them"
        )
    return ""


# A host name as DNS writes it: labels of letters, digits and hyphens (and underscores, which
# some internal hosts have), separated by dots
_HOST_NAME = re.compile(
    r"(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)*[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.?",
    re.I,
)


def _reachable_host(host: str) -> bool:
    """Whether `host` (a URL's, without its port) is a host name (in any script: IDNA writes
    it in ASCII) or an IP address."""
    try:
        ipaddress.ip_address(host)
    except ValueError:
        ascii_host = _ascii_host(host)
        return len(ascii_host) <= 253 and _HOST_NAME.fullmatch(ascii_host) is not None
    return True


def as_sent(url: str) -> str:
    """`url` as a browser sends it, and as feeds, sitemaps and structured data must carry it:
    the host in ASCII (IDNA: `bücher.example` is `xn--bcher-kva.example`), and every
    character a URL may not hold (a space, a quote, '<', a letter past ASCII, a '%' that
    starts no escape) percent-encoded. What it may hold, escapes made already among them,
    stays as written. A host that IDNA cannot write is left as it is."""
    parts = urlsplit(_LONE_PERCENT.sub("%25", url))
    return urlunsplit(
        parts._replace(
            netloc=_ascii_host(parts.netloc),
            path=quote(parts.path, safe=_PATH_SAFE),
            query=quote(parts.query, safe=_QUERY_SAFE),
            fragment=quote(parts.fragment, safe=_QUERY_SAFE),
        )
    )


def _ascii_host(netloc: str) -> str:
    if netloc.isascii():
        return netloc
    userinfo, at, host_port = netloc.rpartition("@")
    host, colon, port = host_port.rpartition(":")
    if not colon or not port.isdigit():
        host, colon, port = host_port, "", ""
    try:  # as browsers map it (UTS #46, not transitional): 'faß' is not 'fass'
        host = idna.encode(host, uts46=True, transitional=False).decode("ascii")
    except (idna.IDNAError, UnicodeError):
        return netloc
    return f"{quote(userinfo, safe=_PATH_SAFE)}{at}{host}{colon}{port}"
