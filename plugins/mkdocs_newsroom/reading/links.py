"""What a link in an article may be: an http(s) URL or a path of this site, read as a browser
reads it, and what it names: a file of the site, or the old address an alias redirects from."""

from __future__ import annotations

import posixpath
import re
import unicodedata
from urllib.parse import unquote, urlsplit

from ..problems import FieldError
from ..urls import as_sent, has_scheme, site_path, srcset_candidates

_TAB_OR_LINE_BREAK = re.compile(r"[\t\n\r]")
_C0_OR_SPACE = "".join(map(chr, range(0x21)))
_DOT_DOT = {"..", ".%2e", "%2e.", "%2e%2e"}
# '/', '\\' and '.' percent-encoded: servers and browsers read them apart ('/a%2fb/' is one
# name to a server, two folders to the file written), so an alias may not hide them
_ENCODED_SEPARATOR = re.compile(r"%(2f|5c|2e)", re.IGNORECASE)
# What hides or reorders what a path says: bidi controls, zero-width and other format
# characters (but ZWNJ and ZWJ, which Persian, Pashto and emoji spell with), line separators
_SPELLING_JOINERS = frozenset("\u200c\u200d")

# What a file system holds: a name of at most 255 bytes (ext4, APFS, NTFS...), and a path
# well within the 4,096 of Linux, with the site folder before it
MAX_NAME_BYTES = 255
MAX_ALIAS_BYTES = 1_024


def attribute_urls(name: str, value: str) -> list[str]:
    """The URLs an HTML attribute gives, as the browser reads them: each candidate of a
    `srcset` (its URL, before the width or density), or the whole value of any other."""
    if name.lower() != "srcset":
        return [value.strip()] if value.strip() else []
    return [url for url, _descriptor in srcset_candidates(value) if url]


def page_link_path(url: str, page_url: str) -> str | None:
    """The file of the site (from the content folder) that `url` on the page at `page_url`
    asks for, as a browser reads it; None when it is another site's or none (a fragment)."""
    if not url or has_scheme(url) or url.startswith("//"):
        return None
    path = link_path(url)
    if not path:
        return None
    return normal_path(path if path.startswith("/") else f"/{page_url}{path}")


def own_path(url: str, site_url: str) -> str | None:
    """The file of the site (from the content folder) that `url`, an address with a host,
    names on the site at `site_url` (in either scheme, the host in any case, its default
    port written or not); None for another site's address or none."""
    if not site_url or not (has_scheme(url) or url.startswith("//")):
        return None
    try:
        parts, site = urlsplit(url.replace("\\", "/")), urlsplit(site_url)
        same_host = (parts.hostname or "").rstrip(".") == (site.hostname or "").rstrip(".")
        port = parts.port
    except ValueError:  # a port past 65535, a broken IPv6 address
        return None
    if parts.scheme.lower() not in ("", "http", "https") or not same_host:
        return None
    if port not in (None, site.port, {"http": 80, "https": 443}.get(parts.scheme.lower())):
        return None
    path = normal_path(unquote(parts.path))
    inside = site_path(site_url).lstrip("/")
    return path[len(inside) :] if path.startswith(inside) else None


def link_path(url: str) -> str:
    """The path of a link, escapes decoded, backslashes read as browsers read them."""
    return unquote(urlsplit(url.replace("\\", "/")).path)


def normal_path(path: str) -> str:
    """`path` without `.` and `..` parts, from the site's root."""
    return posixpath.normpath(f"/{path}").lstrip("/")


def check_link(text: str, what: str) -> str:
    """A link we may print into `src` or `href`: an http(s) URL, or a path that stays inside
    the site. It is read as a browser reads it (the WHATWG URL standard): tabs and line
    breaks anywhere are dropped, spaces and controls around it trimmed, backslashes are
    slashes, so `/\\host/x`, `//host/x` or `java\tscript:` cannot reach another host or
    run a script. Returns the link as the browser will read it, and as it sends it
    (`as_sent`: a space is '%20'), the form every page, feed and sitemap must carry."""
    link = _as_browser_reads(text)
    if not _site_or_web(link):
        raise FieldError(f"{what} must be a path inside the site or an http(s) URL, not '{text}'")
    if has_scheme(link):
        if urlsplit(link).username is not None:
            raise FieldError(
                f"{what} '{text}' holds a user name or a password, which browsers do not load "
                "and no page should show: write the address without them"
            )
        return as_sent(link)
    depth = 0
    for segment in urlsplit(link).path.split("/"):
        if segment.lower() in _DOT_DOT:
            depth -= 1
            if depth < 0:
                raise FieldError(f"{what} '{text}' leaves the site: write a path inside it")
        elif segment not in ("", "."):
            depth += 1
    return as_sent(link)


def loads_from_site_or_web(text: str) -> bool:
    """Whether a browser loads `text`, written in a page's HTML, from an http(s) URL or from
    this site: a path relative to the page may climb with `..` (it stays on the host)."""
    return _site_or_web(_as_browser_reads(text))


def _as_browser_reads(text: str) -> str:
    return _TAB_OR_LINE_BREAK.sub("", text).strip(_C0_OR_SPACE).replace("\\", "/")


def _site_or_web(link: str) -> bool:
    if has_scheme(link):
        try:
            parts = urlsplit(link)
            host = parts.hostname
        except ValueError:  # 'https://[host/': not a URL a browser could follow
            return False
        try:
            parts.port  # noqa: B018 - raises for a port past 65535
        except ValueError:
            return False
        return parts.scheme.lower() in ("http", "https") and bool(host)
    return bool(link) and not link.startswith("//")


def local_path(link: str) -> str | None:
    """The file a link checked by `check_link` names inside the site (relative to its
    root, as MkDocs names files), or None for an http(s) URL."""
    if has_scheme(link):
        return None
    path = unquote(urlsplit(link).path)
    segments: list[str] = []
    for segment in path.split("/"):
        if segment == "..":
            segments = segments[:-1]
        elif segment not in ("", "."):
            segments.append(segment)
    return "/".join(segments)


# Folders a published site never holds: actions/upload-pages-artifact leaves them out
_NEVER_SERVED = frozenset({".git", ".github"})


def alias_path(text: str) -> str:
    """An old address of an article as the site-relative path of the redirect page written
    there: a folder ('2019/05/03/old-slug/', as a web server reads it, percent-escapes
    decoded) or a '.html' file. Refused: a URL of another site, a path that leaves this one,
    a query (a static site serves paths only), the front page, and any other kind of file."""
    what = f"alias '{text}'"
    link = check_link(text, "alias")
    if has_scheme(link):
        raise FieldError(f"{what} must be a path of this site such as /2019/05/03/old-slug/")
    if "?" in link or "#" in link:
        raise FieldError(
            f"{what} has a query or a fragment ('?' or '#'), which a static site cannot "
            "redirect; write the path alone"
        )
    path = local_path(link) or ""
    folder = link.endswith("/") or "." not in path.rpartition("/")[2]
    if not folder and path.lower().endswith(("/index.html", "/index.htm")):
        path, folder = path.rpartition("/")[0], True
    elif path.lower() in ("index.html", "index.htm"):
        path, folder = "", True
    if not path:
        raise FieldError(f"{what} is the site's front page; write the old address of the article")
    if any(unicodedata.category(character) == "Cc" for character in path):
        raise FieldError(f"{what} holds a control character; write the path as a reader sees it")
    _check_alias_spelling(text, path, what)
    left_out = next((part for part in path.split("/") if part.lower() in _NEVER_SERVED), "")
    if left_out:
        raise FieldError(
            f"{what} is inside '{left_out}', a folder GitHub Pages' upload leaves out (and "
            "servers refuse), so the redirect would never be online; write the old address "
            "without it"
        )
    if any(
        len(segment.encode("utf-8", "surrogatepass")) > MAX_NAME_BYTES
        for segment in path.split("/")
    ):
        raise FieldError(
            f"{what} has a part longer than {MAX_NAME_BYTES} bytes, more than a file system "
            "holds in one name; it cannot be a page of a static site"
        )
    if len(path.encode("utf-8", "surrogatepass")) > MAX_ALIAS_BYTES:
        raise FieldError(
            f"{what} is longer than {MAX_ALIAS_BYTES:,} bytes; it cannot be a page of a static site"
        )
    if folder:
        return f"{path}/"
    if not path.lower().endswith((".html", ".htm")):
        raise FieldError(
            f"{what}: a redirect page can only be written at a folder (ending in '/') or at "
            "a '.html' page"
        )
    return path


# What no URL holds unescaped (RFC 3986) and no file name on Windows: a redirect's folder
_NEVER_IN_A_PATH = frozenset('"<>|')


def _check_alias_spelling(text: str, path: str, what: str) -> None:
    """Refuse what would put the redirect elsewhere than the address a reader sees: a '/',
    '\\' or '.' percent-encoded, a backslash, an invisible or direction character."""
    encoded = _ENCODED_SEPARATOR.search(text)
    if encoded:
        raise FieldError(
            f"{what} percent-encodes '{unquote(encoded.group())}' ({encoded.group()}), which "
            "servers and browsers read apart; write the path plainly"
        )
    if "\\" in text:
        raise FieldError(
            f"{what} holds a backslash, which browsers read as '/' and servers do not; write "
            "the path with '/'"
        )
    unsafe = next((c for c in path if c in _NEVER_IN_A_PATH), None)
    if unsafe is not None:
        raise FieldError(
            f"{what} holds '{unsafe}', which an address never carries as it is and Windows "
            "cannot hold in a file name (a clone of the published site there fails); write "
            "the old address without it"
        )
    hidden = next((c for c in path if _hides_spelling(c)), None)
    if hidden is not None:
        raise FieldError(
            f"{what} holds the invisible character U+{ord(hidden):04X} "
            f"({unicodedata.name(hidden, 'unnamed')}), which hides what the path says; write "
            "the path as a reader sees it"
        )


def _hides_spelling(character: str) -> bool:
    category = unicodedata.category(character)
    if category == "Cf":
        return character not in _SPELLING_JOINERS
    return category in ("Zl", "Zp", "Cs")
