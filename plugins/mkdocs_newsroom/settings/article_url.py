"""The `article_url` option: a pattern that places each article in the site."""

from __future__ import annotations

import re
import string
from datetime import UTC, datetime
from functools import lru_cache

from ..problems import NewsroomError

DEFAULT_FOLDER = "news"  # {section} of an article without a section
# The folders of the plugin's own listings (in every edition's folder): no article goes there
RESERVED_PREFIXES = ("section/", "tags/", "authors/", "archive/", "search/", "assets/")
# A folder's name may have 255 bytes; a slug has up to 80 characters of up to 3 bytes
MAX_NAME_BYTES = 255
MAX_SLUG_BYTES = 240
FIELDS = "{date:%Y}, {date:%m}, {date:%d}, {slug} and {section}"
# strftime's directives that give letters and digits, the same on every system
_DATE_DIRECTIVES = re.compile(r"%[YmdHMSjyBbAaUWVGuw]")
# A folder named as a page or a feed would be (`{slug}.html` makes `x.html/index.html`)
_FILE_NAME = re.compile(r"\.(?:html?|php|aspx?|xml|json)$", re.IGNORECASE)
# What a URL's path may hold besides letters and digits, unescaped
_URL_SAFE = re.compile(r"[^\w\-./~]")


@lru_cache(maxsize=1 << 16)
def fill_article_url(pattern: str, date: datetime, slug: str, section: str, source: str) -> str:
    """Fill the URL pattern for the article read from `source`; the result is a site-relative
    directory URL, never escaping it."""
    # Cached: filling a date pattern costs 10 µs, and a preview rebuild fills every URL again.
    try:
        path = pattern.format(date=date, slug=slug, section=section)
    except (KeyError, IndexError, ValueError, AttributeError) as error:
        raise NewsroomError(
            f"article_url '{pattern}' cannot be filled ({error!r}); use the fields {FIELDS}"
        ) from None
    segments = [segment for segment in path.replace("\\", "/").split("/") if segment]
    if not segments or any(segment in (".", "..") for segment in segments):
        raise NewsroomError(
            f"article_url '{pattern}' gives '{path}' for {source}, which is not a path "
            "inside the site; build it from {date:…}, {slug} and {section}"
        )
    return "/".join(segments) + "/"


def check_article_url(pattern: str) -> None:
    """Raise NewsroomError now, rather than while the articles are placed, if `pattern`
    cannot place an article: a field other than the date, slug and section, or one read
    through its attributes (`{slug.__class__}`), a date directive that is not the same on
    every system (`%Q`), characters a URL cannot hold, or a folder of the plugin's own."""
    _check_fields(pattern)
    sample = fill_article_url(
        pattern, datetime(2024, 5, 1, tzinfo=UTC), "sample", DEFAULT_FOLDER, "sample"
    )
    if odd := sorted(set(_URL_SAFE.findall(sample))):
        _refuse(pattern, f"gives '{sample}', with {''.join(odd)!r}, which URLs cannot hold")
    if any(_longest_bytes(segment) > MAX_NAME_BYTES for segment in sample.split("/")):
        _refuse(
            pattern,
            f"has a part that could be longer than a folder's name may be ({MAX_NAME_BYTES} "
            f"bytes, with a slug of up to {MAX_SLUG_BYTES})",
        )
    if hidden := [part for part in sample.split("/") if part.startswith(".")]:
        _refuse(
            pattern,
            f"puts articles in {hidden[0]}/, a hidden folder, which GitHub Pages' upload "
            "leaves out and MkDocs never empties",
        )
    if named := [part for part in sample.split("/") if _FILE_NAME.search(part)]:
        _refuse(
            pattern,
            f"makes a folder named like a file ({named[0]}/index.html): every article is a "
            "folder with its page in it, so end the pattern with the slug and a '/'",
        )
    if sample.startswith(RESERVED_PREFIXES):
        folder = sample.split("/")[0]
        _refuse(pattern, f"puts articles in {folder}/, a folder of the newsroom's own pages")


def _longest_bytes(segment: str) -> int:
    """The most bytes a segment of the sample URL can have with the longest slug."""
    slugs = segment.count("sample")
    return len(segment.encode()) + slugs * (MAX_SLUG_BYTES - len("sample"))


def _check_fields(pattern: str) -> None:
    try:
        parsed = list(string.Formatter().parse(pattern))
    except ValueError as error:
        _refuse(pattern, f"cannot be filled ({error})")
    for _text, name, spec, conversion in parsed:
        if name is None:
            continue
        if not name.isidentifier() or conversion:  # {slug.__class__}, {date[0]}, {slug!r}
            _refuse(pattern, f"has the field {{{name}{'!' + conversion if conversion else ''}}}")
        if name in ("slug", "section") and spec:
            _refuse(pattern, f"has a format after {{{name}}}")
        if name == "date" and (odd := _DATE_DIRECTIVES.sub("", spec or "").count("%")):
            _refuse(pattern, f"has {odd} date directive(s) other than %Y, %m, %d, %H, %M, %j")


def _refuse(pattern: str, why: str) -> None:
    raise NewsroomError(f"article_url '{pattern}' {why}; use the fields {FIELDS}")
