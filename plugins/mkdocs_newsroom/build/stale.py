"""`mkdocs build --dirty`: what an earlier build wrote and this one no longer publishes.

MkDocs leaves in the site folder every file a `--dirty` build does not write again, so the
page of a story now held back (a draft, scheduled, expired, excluded or deleted) would stay
online, with the listing of a tag no story has any more and the redirect of an alias gone.
`mkdocs serve --dirty` remembers what it wrote and removes what is gone
(preview/rendered_pages.py, the outputs' memory); a build is a new process that remembers
nothing, so the site folder itself is read: each page Newsroom made (its generator mark, in
its head), each feed it wrote (it names Newsroom as its generator, and its own address),
each of its sitemaps and its robots.txt (marked in its first line) that this build did not
write is removed, and any of them where one of MkDocs' files is published now, before MkDocs
writes; what was written for a page this build leaves out because its front matter holds it
back (build/held_pages.py); and the media only stories held back now use (the copies of lead
photographs: outputs/pictures/making.py). A plain build does the same with what MkDocs,
emptying the site folder, could not delete. Nothing is removed through a link that leads
out of the site folder, and what the file system keeps is said, file by file.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from ..outputs.build_record import BuildRecord
from ..outputs.feeds import GENERATOR
from ..outputs.files import leads_out, remove_files
from ..outputs.pictures.making import unpublished_copies
from ..outputs.redirects import MARKER, is_redirect
from ..outputs.sitemaps import ROBOTS_MARK
from ..problems import LEFT_THERE, Problem, first_and_more
from ..urls import BUILD_RECORD, EDITION_FILES, NEWS_SITEMAP, NUMBERED_SITEMAP, ROBOTS_TXT

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Iterable

    from mkdocs.structure.files import File

    from .sources import SortedFiles

# What the head of every page Newsroom renders (templates/news/base.html) or redirects with
# (outputs/redirects.py) holds: anywhere in it, which a long description can stretch
MARKS = (b'<meta name="generator" content="newsroom, ', MARKER.encode())
# either of them, with or without the quotes a minifier takes away (mkdocs-minify-plugin's
# htmlmin does)
_MARK = re.compile(b"|".join(re.escape(mark).replace(b'"', b"[\"']?") for mark in MARKS))
HEAD_END = (b"</head>",)
GIT_FOLDER = ".git"  # a publishing branch's checkout in the site folder: never Newsroom's
NOT_LEFT = frozenset({".nojekyll", ".gitignore", "CNAME"})  # kept there for the host
ANOTHER_SITE = (
    "left alone: it holds the build record of another site (newsroom-build.json), "
    "built into this one's folder"
)
PAGES = (".html", ".htm")  # and redirects at an alias' own name (old/story.HTM)
HEAD_LIMIT = 16 << 20  # bytes of a file read for its head at most
# Where a feed says where it lives (RSS's atom:link, Atom's link, JSON Feed's feed_url), which
# comes before its first item
FEED_HEAD_END = (b"<item>", b"<entry>", b"<entry ", b'"items":')
_LINK = re.compile(rb"<(?:atom:)?link\b[^>]*>")
_HREF = re.compile(rb'\bhref="([^"]*)"')
_FEED_URL = re.compile(rb'"feed_url": *"([^"]*)"')
# The generator every feed of Newsroom's names (outputs/feeds.py): RSS's and Atom's element,
# JSON Feed's extension
_FEED_MARK = re.compile(
    rb"<generator>%s</generator>|\"_newsroom\": *\{\s*\"generator\": *\"%s\""
    % (re.escape(GENERATOR.encode()), re.escape(GENERATOR.encode()))
)
CHUNK = 65536


def left_after_cleaning(site_dir: str) -> list[str]:
    """What the site folder still holds after MkDocs emptied it for a clean build: MkDocs
    says nothing of what it could not delete (a file made immutable, a folder of another
    user's), and it keeps hidden files (`.well-known/`, where an alias may have put a
    redirect), which may show a story held back since. A checkout of the publishing branch
    (`.git`) and `.nojekyll` are not an earlier build's."""
    left = []
    for folder, folders, names in os.walk(site_dir):
        folders[:] = [name for name in folders if name != GIT_FOLDER]
        relative = os.path.relpath(folder, site_dir)
        left += [
            name if relative == "." else f"{relative}/{name}"
            for name in names
            if not (relative == "." and name in NOT_LEFT)
        ]
    return sorted(left)


def _still_left(site_dir: str, left: Iterable[str], told: Iterable[Problem]) -> list[Problem]:
    """What MkDocs' cleaning left (`left`) that the build neither wrote again, nor removed,
    nor `told` of already, said in one line."""
    named = {os.path.relpath(problem.path, site_dir) for problem in told}
    still = [path for path in left if path not in named and os.path.lexists(Path(site_dir, path))]
    if not still:
        return []
    return [
        Problem(
            site_dir,
            f"{len(still):,} file(s) an earlier build wrote are still in the site folder, "
            f"which MkDocs could not empty ({first_and_more(still)}); {LEFT_THERE}",
        )
    ]


def remove_stale(
    site_dir: str,
    files: Iterable[File],
    outputs: Iterable[str],
    aliases: Iterable[str],
    say: Callable[[str], None],
    site_url: str = "",
    left: Collection[str] = (),
) -> list[Problem]:
    """Remove the pages, feeds and copies of photographs in `site_dir` that Newsroom made and
    this build did not write (it wrote `files`, and `outputs`: feeds, sitemaps, pictures),
    and `say` what went; what could not be removed. Under `--dirty`; or, with `left`, what
    MkDocs could not delete as it emptied the folder, of which what stays and is not
    written again is said in one line. Called before the redirects are written at `aliases`:
    a redirect of an earlier build there stays (it is written again), a page there goes (a
    story moved: its old address is its alias now)."""
    root = Path(site_dir)
    aliases = list(aliases)
    redirects = [path for path in aliases if is_redirect(root / path)]
    written = {*(file.dest_uri for file in files), *outputs, *redirects}
    removed, problems = remove_stale_files(site_dir, written, site_url)
    pages = [path for path in removed if path.lower().endswith(PAGES)]
    feeds = [path for path in removed if not path.lower().endswith(PAGES)]
    mode = "" if left else "--dirty: "
    counts = [f"{len(pages):,} page(s)"] if pages else []
    counts += [f"{len(feeds):,} feed(s) or sitemap(s)"] if feeds else []
    if removed:
        say(
            f"{mode}removed {' and '.join(counts)} an earlier build wrote that are no "
            "longer published (a story held back or deleted, a listing, alias or feed gone): "
            f"{first_and_more([*pages, *feeds])}"
        )
    copies, more = remove_files(root, unpublished_copies(site_dir, written))
    if copies:
        say(
            f"{mode}removed {len(copies):,} copies of photographs an earlier build wrote "
            f"that this one does not publish: {first_and_more(copies)}"
        )
    unwritten = [path for path in left if path not in written and path not in aliases]
    return [*problems, *more, *_still_left(site_dir, unwritten, [*problems, *more])]


def remove_stale_files(
    site_dir: str, written: Iterable[str], site_url: str = ""
) -> tuple[list[str], list[Problem]]:
    """Remove each page of `site_dir` that Newsroom made, and each feed it wrote, that is not
    among `written` (this build's files, relative to the site folder); the paths removed,
    sorted, and what could not be removed (and, said, the folders left alone). A feed is
    known by its generator and its own address (one of the site's own, put there by hand,
    names another generator or none). A folder with another site's build record is that
    site's (a second newsroom built into `site/weekly/`), and left alone."""
    kept = {path.replace(os.sep, "/") for path in written}
    ours = {folder.as_posix() for path in kept for folder in PurePosixPath(path).parents}
    root = Path(site_dir)
    stale: list[str] = []
    others: list[Problem] = []
    links: dict[str, str] = {}  # a linked folder's place -> the place it leads to, inside
    for folder, folders, names in os.walk(root):
        here = Path(folder)
        relative = here.relative_to(root).as_posix()
        prefix = "" if relative == "." else f"{relative}/"
        folders[:] = [name for name in folders if name != GIT_FOLDER]
        links |= _links_inside(root, here, prefix, folders)
        theirs = [
            name
            for name in folders
            if f"{prefix}{name}" not in ours
            and _another_build(here / name / BUILD_RECORD, site_url, f"{prefix}{name}")
        ]
        folders[:] = [name for name in folders if name not in theirs]
        others += [Problem(str(here / name), ANOTHER_SITE, level="info") for name in theirs]
        for name in names:
            path = f"{prefix}{name}"
            if path not in kept and _made_by_newsroom(here / name, path):
                stale.append(path)
    stale = [path for path in stale if not _written_through(path, links, kept)]
    removed, problems = remove_files(root, sorted(stale))
    return removed, [*others, *problems]


def _links_inside(root: Path, here: Path, prefix: str, folders: list[str]) -> dict[str, str]:
    """The folders among `folders` (in `here`) that are links to another folder of the site
    folder, and where each leads (`site/2026` a link to `site/y`: this build wrote its pages
    through it, into `y/`), from the site folder."""
    found = {}
    for name in folders:
        if (here / name).is_symlink() and not leads_out(root, here / name):
            target = (here / name).resolve().relative_to(root.resolve()).as_posix()
            found[f"{prefix}{name}"] = target
    return found


def _written_through(path: str, links: dict[str, str], kept: Collection[str]) -> bool:
    """Whether this build wrote `path` by another name, through a link inside the site."""
    return any(
        path.startswith(f"{target}/") and f"{link}{path[len(target) :]}" in kept
        for link, target in links.items()
    )


def _another_build(record: Path, site_url: str, folder: str) -> bool:
    """Whether `record` is the build record of another site built into `folder` of this
    one's (at the address this site gives that folder: `site_url` and `weekly/`), rather than
    any file of that name, a copy of this site's own record, or one of a site that could not
    be at that address (a stray copy, which would shield a story held back since)."""
    try:
        found = BuildRecord.from_json(record.read_text("utf-8")) if record.is_file() else None
    except (OSError, ValueError, UnicodeDecodeError):
        return False
    if found is None or found.site in ("", site_url):
        return False
    return not site_url or found.site.rstrip("/") == f"{site_url.rstrip('/')}/{folder}"


def remove_newsroom_files_at(site_dir: str, files: Iterable[File]) -> list[Problem]:
    """`--dirty`: what an earlier build of Newsroom's wrote where one of MkDocs' `files` is
    published now (the site's own feed or front page, which Newsroom's took the place of
    until an option changed), removed before MkDocs writes: MkDocs copies or renders a file
    only when it is newer than the one in the site folder, and would leave Newsroom's. What
    could not be removed."""
    root = Path(site_dir)
    made = [
        file.dest_uri for file in files if _made_by_newsroom(root / file.dest_uri, file.dest_uri)
    ]
    return remove_files(root, made)[1]


def _made_by_newsroom(file: Path, path: str) -> bool:
    """Whether Newsroom made `file`, at `path` in the site: a page with its mark in its head,
    a sitemap of its own name at the root, robots.txt with its mark, or a feed that names
    Newsroom as its generator and itself as the one at `path`.
    Only a file as Newsroom writes them: not a link, a pipe or a device."""
    page = path.lower().endswith(PAGES)
    # its sitemaps besides sitemap.xml, which every build writes, at the site's root
    sitemap = path == NEWS_SITEMAP or NUMBERED_SITEMAP.fullmatch(path) is not None
    feed = path.rsplit("/", 1)[-1] in EDITION_FILES
    robots = path == ROBOTS_TXT
    if not (page or sitemap or feed or robots) or file.is_symlink() or not file.is_file():
        return False
    if page:
        return _MARK.search(_head(file, HEAD_END)) is not None
    if robots:
        return _head(file, (b"\n",)).startswith(ROBOTS_MARK.encode())
    if sitemap:
        return b"<urlset" in _head(file, (b"<url>",))
    head = _head(file, FEED_HEAD_END)
    if _FEED_MARK.search(head) is None:  # a feed of the site's own, or another generator's
        return False
    for address in _own_addresses(head):
        url = html.unescape(address.decode("utf-8", "replace"))
        if unquote(urlsplit(url).path).endswith(f"/{path}"):
            return True
    return False


def _own_addresses(head: bytes) -> list[bytes]:
    """The addresses a feed's head gives as its own."""
    links = [_HREF.search(link) for link in _LINK.findall(head) if b'rel="self"' in link]
    return [found[1] for found in links if found] + _FEED_URL.findall(head)


def _head(path: Path, ends: tuple[bytes, ...]) -> bytes:
    """The start of the file at `path`, up to the first of `ends` (or all of it)."""
    data = bytearray()
    try:
        with path.open("rb") as file:
            while len(data) < HEAD_LIMIT and (chunk := file.read(CHUNK)):
                searched = bytes(data[-16:]) + chunk  # an end may straddle two chunks
                data += chunk
                if any(end in searched for end in ends):
                    break
    except OSError:
        return b""
    return bytes(data)


HELD_PAGES = "for a file left out now (its front matter holds it back, or it is a link)"
HELD_MEDIA = "that this one does not publish (no story it shows uses it)"


def remove_held_outputs(
    site_dir: str, outputs: Iterable[str], say: Callable[[str], None], why: str = HELD_PAGES
) -> list[Problem]:
    """`--dirty`: remove from `site_dir` what an earlier build wrote for the files left out
    now (`outputs`, relative to it), and `say` what went and `why`; what could not go."""
    root = Path(site_dir)
    removed, problems = remove_files(root, [p for p in sorted(outputs) if (root / p).is_file()])
    if removed:
        listed = ", ".join(removed)
        say(f"--dirty: removed {len(removed):,} file(s) an earlier build wrote {why}: {listed}")
    return problems


def remove_held_media(
    site_dir: str,
    found: SortedFiles,
    published: Collection[str],
    withheld: Collection[str],
    say: Callable[[str], None],
) -> list[Problem]:
    """`--dirty`: remove what an earlier build copied of the media this one does not publish:
    files outside the articles folder only held-back stories use (`withheld`), and files of
    the articles folder that are not `published`; what could not be removed."""
    media = [file.dest_uri for file in found.keep if file.src_uri in withheld]
    media += [file.dest_uri for path, file in found.attachments.items() if path not in published]
    return remove_held_outputs(site_dir, media, say, HELD_MEDIA)
