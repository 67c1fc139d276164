"""`mkdocs build --dirty`: what an earlier build wrote and this one no longer publishes.

MkDocs leaves in the site folder every file a `--dirty` build does not write again, so the
page of a story now held back (a draft, scheduled, expired, excluded or deleted) would stay
online, with the listing of a tag no story has any more and the redirect of an alias gone.
`mkdocs serve --dirty` remembers what it wrote and removes what is gone
(preview/rendered_pages.py, the outputs' memory); a build is a new process that remembers
nothing, so the site folder itself is read: each page Newsroom made (its generator mark)
that this build did not write is removed, with the feeds beside it; what was written for a
page this build leaves out because its front matter holds it back (build/held_pages.py); and
the media only stories held back now use (the copies of lead photographs:
outputs/pictures/making.py).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from ..outputs.files import remove_with_empty_folders
from ..outputs.pictures.making import remove_unpublished_copies
from ..outputs.redirects import MARKER
from ..problems import first_and_more
from ..urls import ATOM_FILE, JSON_FILE, RSS_FILE

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Iterable

    from mkdocs.structure.files import File

    from .sources import SortedFiles

# What the head of every page Newsroom renders (templates/news/base.html) or redirects with
# (outputs/redirects.py) holds, and how far into the file it stands at most
MARKS = (b'<meta name="generator" content="newsroom, ', MARKER.encode())
HEAD_BYTES = 65536
FEED_FILES = (RSS_FILE, ATOM_FILE, JSON_FILE)


def remove_stale(
    site_dir: str, files: Iterable[File], outputs: Iterable[str], say: Callable[[str], None]
) -> None:
    """Remove the pages of `site_dir` that Newsroom made and this build did not write (it
    wrote `files`, and `outputs`: feeds, sitemaps, redirects), and `say` what went."""
    written = [*(file.dest_uri for file in files), *outputs]
    removed = remove_stale_pages(site_dir, written)
    pages = [path for path in removed if path.endswith(".html")]
    if pages:
        say(
            f"--dirty: removed {len(pages):,} page(s) an earlier build wrote that are no longer "
            "published (a story held back or deleted, a listing or alias gone): "
            f"{first_and_more(pages)}"
        )
    elif removed:
        say(
            f"--dirty: removed {len(removed):,} feed(s) an earlier build wrote that this one "
            f"does not (listing_feeds): {first_and_more(removed)}"
        )


def remove_stale_pages(site_dir: str, written: Iterable[str]) -> list[str]:
    """Remove each page of `site_dir` that Newsroom made and that is not among `written`
    (this build's files, relative to the site folder), and the listing feeds beside it, or
    beside a listing it wrote again, that are not written either (`listing_feeds` took them
    away); the paths removed, sorted."""
    kept = {path.replace(os.sep, "/") for path in written}
    root = Path(site_dir)
    removed: list[str] = []
    for folder, _folders, names in os.walk(root):
        here = Path(folder)
        relative = here.relative_to(root).as_posix()
        prefix = "" if relative == "." else f"{relative}/"
        for name in names:
            path = f"{prefix}{name}"
            if name.endswith(".html") and path not in kept and _made_by_newsroom(here / name):
                removed.append(path)
                if name == "index.html":
                    removed += [f"{prefix}{feed}" for feed in FEED_FILES if feed in names]
        left = [feed for feed in FEED_FILES if feed in names and f"{prefix}{feed}" not in kept]
        page = here / "index.html"
        if left and f"{prefix}index.html" in kept and _made_by_newsroom(page):
            removed += [f"{prefix}{feed}" for feed in left]
    removed = sorted(path for path in dict.fromkeys(removed) if path not in kept)
    for path in removed:
        remove_with_empty_folders(root / path)
    return removed


def _made_by_newsroom(path: Path) -> bool:
    try:
        with path.open("rb") as file:
            head = file.read(HEAD_BYTES)
    except OSError:
        return False
    return any(mark in head for mark in MARKS)


HELD_PAGES = "for a file left out now (its front matter holds it back, or it is a link)"
HELD_MEDIA = "that this one does not publish (no story it shows uses it)"


def remove_held_outputs(
    site_dir: str, outputs: Iterable[str], say: Callable[[str], None], why: str = HELD_PAGES
) -> None:
    """`--dirty`: remove from `site_dir` what an earlier build wrote for the files left out
    now (`outputs`, relative to it), and `say` what went and `why`."""
    root = Path(site_dir)
    removed = [path for path in sorted(outputs) if (root / path).is_file()]
    for path in removed:
        remove_with_empty_folders(root / path)
    if removed:
        listed = ", ".join(removed)
        say(f"--dirty: removed {len(removed):,} file(s) an earlier build wrote {why}: {listed}")


def remove_held_media(
    site_dir: str,
    found: SortedFiles,
    published: Collection[str],
    withheld: Collection[str],
    say: Callable[[str], None],
) -> None:
    """`--dirty`: remove what an earlier build copied of the media this one does not publish:
    files outside the articles folder only held-back stories use (`withheld`), and files of
    the articles folder that are not `published`."""
    media = [file.dest_uri for file in found.keep if file.src_uri in withheld]
    media += [file.dest_uri for path, file in found.attachments.items() if path not in published]
    remove_held_outputs(site_dir, media, say, HELD_MEDIA)


def remove_stale_copies(
    site_dir: str, published: Iterable[str], files: Iterable[File], say: Callable[[str], None]
) -> None:
    """`mkdocs build --dirty`: remove the copies of photographs an earlier build wrote
    that this one does not publish (`published`); none of MkDocs' `files`."""
    kept = {file.dest_uri for file in files}
    removed = remove_unpublished_copies(site_dir, published, kept)
    if removed:
        say(
            f"--dirty: removed {len(removed):,} copies of photographs an earlier build wrote "
            f"that this one does not publish: {first_and_more(removed)}"
        )
