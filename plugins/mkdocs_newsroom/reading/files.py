"""What each file of the articles folder is: an article (Markdown or plain text, whatever the
case of its extension), media an article may show, an editor's leftover, or something else.
Only articles, and the media published articles use, reach the site."""

from __future__ import annotations

import os
import posixpath
import stat
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from pathlib import Path

Kind = Literal["md", "txt"]

MARKDOWN = frozenset({".md", ".markdown", ".mdown", ".mkdn", ".mkd"})
PLAIN_TEXT = frozenset({".txt"})
PICTURES = frozenset({".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif"})
# Pictures that can carry scripts, which run on the site's own address when the file is opened
# (a link, a shared URL): never an article's media, whether in an <img> or not
SCRIPTED_PICTURES = frozenset({".svg", ".svgz"})
SCRIPTED_PICTURE = (
    "an SVG can carry scripts, which would run on the site's own address when the file is "
    "opened, so Newsroom never publishes one as an article's media; convert it to PNG or WebP"
)
MEDIA = frozenset(
    PICTURES
    | {".mp3", ".m4a", ".ogg", ".oga", ".wav", ".mp4", ".webm", ".ogv", ".mov"}  # sound, video
    | {".pdf", ".vtt"}  # documents, subtitles
)
# Pictures the build makes smaller copies of (outputs/pictures/): the raster formats of
# photographs. GIF (often animated) and AVIF are published as they are.
RESIZABLE = frozenset({".jpg", ".jpeg", ".png", ".webp"})
# Backups, swap and lock files editors and merge tools leave beside the file being edited
LEFTOVER_SUFFIXES = frozenset(
    {".bak", ".swp", ".swo", ".swx", ".orig", ".rej", ".tmp", ".part", ".crdownload"}
)


def _suffix(path: str) -> str:
    return posixpath.splitext(path)[1].lower()


def not_utf8(name: str) -> bool:
    """Whether a file name read from the disk holds bytes that are not UTF-8 (Python keeps
    them as lone surrogates, which no page, feed or URL can hold): such a file is never part
    of the site (the build reports it)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def article_kind(path: str) -> Kind | None:
    """'md' or 'txt' for an article file (`.md`, `.MD`, `.markdown`, `.Txt`...), else None."""
    suffix = _suffix(path)
    if suffix in MARKDOWN:
        return "md"
    if suffix in PLAIN_TEXT:
        return "txt"
    return None


def picture_suffix(path: str) -> str | None:
    """The suffix of `path` if it is not a picture's ('' for none), else None."""
    suffix = _suffix(path)
    return None if suffix in PICTURES else suffix


def is_scripted_picture(path: str) -> bool:
    """An SVG (`.svg`, `.svgz`, any case): a picture that can run scripts."""
    return _suffix(path) in SCRIPTED_PICTURES


def is_media(path: str) -> bool:
    return _suffix(path) in MEDIA


# Files no text is read from: pictures, sound, video, documents, fonts, archives
_BINARY = frozenset({
    ".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".ico", ".bmp", ".tif", ".tiff", ".heic",
    ".pdf", ".mp3", ".mp4", ".m4a", ".ogg", ".oga", ".ogv", ".webm", ".wav", ".flac", ".mov",
    ".woff", ".woff2", ".ttf", ".otf", ".eot", ".zip", ".gz", ".tar", ".7z",
})  # fmt: skip


def is_binary(path: str) -> bool:
    return _suffix(path) in _BINARY


# The site's pages, styles and scripts: a page is held back by its own front matter
# (build/held_pages.py), never because held-back copy names it
_SITE_CODE = MARKDOWN | {".css", ".js", ".mjs"}
# What may name a file of the site: pages, markup, styles, scripts, data, pictures of text
TEXTS = MARKDOWN | PLAIN_TEXT | {
    ".text", ".mdx", ".html", ".htm", ".xhtml", ".shtml", ".css", ".js", ".mjs", ".cjs", ".svg",
    ".json", ".jsonld", ".webmanifest", ".xml", ".xsl", ".yml", ".yaml",
}  # fmt: skip


def may_be_held(path: str) -> bool:
    """Whether held-back copy holds a file of the content folder back by naming it: a
    picture, a document or data a story shows or links. Not a page, style sheet or script,
    nor one without a suffix, nor one of `.well-known/`, nor at the content folder's root
    any but pictures, sound, video and PDFs: what hosts and browsers ask for by name stays
    (CNAME, _redirects, robots.txt, ads.txt, favicon.ico, apple-touch-icon.png)."""
    folder, name = posixpath.split(path)
    suffix = _suffix(path)
    if not suffix or suffix in _SITE_CODE or folder.startswith(".well-known"):
        return False
    return bool(folder) or (suffix in MEDIA and not name.lower().startswith(_ASKED_BY_NAME))


# Pictures browsers and phones ask a site's root for by their names alone
_ASKED_BY_NAME = ("favicon", "apple-touch-icon", "android-chrome", "mstile", "safari-pinned")


def is_text(path: str) -> bool:
    return _suffix(path) in TEXTS


def is_resizable(path: str) -> bool:
    return _suffix(path) in RESIZABLE


def is_leftover(path: str) -> bool:
    """A file an editor or a tool made beside another, or a hidden one (its name or a folder
    it is in starts with a dot): never part of the site."""
    *folders, name = path.split("/")
    return (
        is_editor_leftover(name)
        or name.startswith(".")
        or any(folder.startswith(".") for folder in folders)
    )


# Vim tries whether it may write in a file's folder with a file of its own, `4913` (or the
# next number free), made and deleted as it saves
VIM_WRITE_TESTS = frozenset(str(number) for number in range(4913, 4923))


def is_editor_leftover(path: str) -> bool:
    """A backup, swap, lock or merge file (`story.md~`, `#story.md#`, `.#story.md`, `.bak`,
    `.swp`, `.orig`, Vim's `4913`...): never part of the site, in the articles folder or
    anywhere else."""
    name = posixpath.basename(path)
    return (
        name.endswith("~")
        or name.startswith(("#", ".#"))
        or _suffix(name) in LEFTOVER_SUFFIXES
        or name in VIM_WRITE_TESTS
    )


def is_dots_only(path: str) -> bool:
    """Whether the file's name is nothing but dots and the extension of an article or page
    (`..md`, `.md`, `...txt`): MkDocs takes it for a hidden file, and leaves it out, yet
    nobody hides a story that way."""
    name = posixpath.basename(path)
    stem, dot, extension = name.rpartition(".")
    return bool(dot) and not stem.strip(".") and article_kind(f"x.{extension}") is not None


def is_publishable(path: str) -> bool:
    """Whether a file of the articles folder may reach the site when a shown article uses
    it: media of an allowed type, never a leftover (nor an article: those are read)."""
    return is_media(path) and not is_leftover(path) and article_kind(path) is None


def leads_outside(path: Path, folder: Path) -> bool:
    """Whether `path`, a file under `folder`, is another file outside it once its symbolic
    links (its own, or a linked folder's) are followed."""
    try:
        path.resolve().relative_to(folder.resolve())
    except (ValueError, OSError, RuntimeError):  # elsewhere, or a loop of links
        return True
    return False


class NotRead(Exception):
    """Why a file was not read: one line, after its path."""


NOT_REGULAR = "it is not a regular file (a pipe, a socket or a device)"


def read_regular_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of the file at `path`, read only if it is a regular file of at most
    `max_bytes`; raises `NotRead` saying why not. Opened without waiting: reading a pipe
    would wait for ever for a writer, and a file of gigabytes would fill the memory first."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise NotRead(f"it cannot be read ({error.strerror})") from None
    with os.fdopen(descriptor, "rb") as file:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise NotRead(NOT_REGULAR)
        data = b"" if status.st_size > max_bytes else file.read(max_bytes + 1)
        if status.st_size > max_bytes or len(data) > max_bytes:  # grown since: still too big
            raise NotRead(too_large_words(max(status.st_size, len(data)), max_bytes))
    return data


def too_large_words(size: int, max_bytes: int) -> str:
    """'the file is 10.5 MB, more than max_article_size (10.0 MB)'; in bytes for a limit
    under a megabyte, or where megabytes would show the two sizes alike."""
    shown, most = f"{size / 1_000_000:.1f} MB", f"{max_bytes / 1_000_000:.1f} MB"
    if shown == most or max_bytes < 1_000_000:
        shown, most = f"{size:,} bytes", f"{max_bytes:,} bytes"
    return f"the file is {shown}, more than max_article_size ({most})"
