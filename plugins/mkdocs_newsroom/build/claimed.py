"""The site's own files that would land where Newsroom writes: its feeds (at the root of each
edition, and of each listing of the kinds `listing_feeds` names), its sitemaps, its build
record, its search index folder, its listing pages (sections, tags, authors, archive) and its
style sheet, search worker and icons (`assets/newsroom/`: the theme's `custom_dir` may replace
them, as it may any of the theme's files).
Newsroom's file wins, as it does over an article or an alias with such an address; the
site's file is left out with one warning naming it. Two are the site's own as ever:
robots.txt (Newsroom writes none beside it) and each edition's front page (index.md at the
edition's root), which Newsroom does not make. Any other file that would land where Newsroom
makes a front page (`ps.md` and `ps/README.md` are `ps/index.html` to MkDocs, as is a file
`ps/index.html`) is left out, with one line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.structure.files import File

from ..problems import Problem
from ..rendering.theme import TEMPLATES
from ..settings.article_url import RESERVED_PREFIXES
from ..urls import ATOM_FILE, AUTHORS_INDEX, ROBOTS_TXT, RSS_FILE, TAGS_INDEX, built_file

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable

# The site's own: robots.txt is not written beside it, and 404.html is the theme's page
_THE_SITES = frozenset({ROBOTS_TXT, "404.html"})
# Newsroom's own style sheet, search worker and icons (a theme's overrides/ may replace them)
OWN_ASSETS = "assets/newsroom/"
# where the listings live; the site's assets/ folder (styles, scripts, pictures) is its own
_LISTINGS = tuple(prefix for prefix in RESERVED_PREFIXES if prefix != "assets/")
# the folder of each kind of listing that may have feeds (`listing_feeds`), and their files
_FEED_FOLDERS = {"section": "section/", "tag": TAGS_INDEX, "author": AUTHORS_INDEX}
_LISTING_FEED_FILES = (RSS_FILE, ATOM_FILE)


def claimed_by_newsroom(
    files: Iterable[File],
    edition_paths: tuple[str, ...],
    docs_dir: str,
    front_pages: bool,
    listing_feeds: Collection[str],
) -> tuple[list[File], list[Problem]]:
    """The files of `files` that no generated file replaces, and a warning for each other
    file of the content folder `docs_dir` (the theme's and other plugins' are theirs).
    With `front_pages`, Newsroom makes the front page of each edition without an index.md;
    the listings of the kinds in `listing_feeds` have feeds."""
    feed_folders = {_FEED_FOLDERS[kind] for kind in listing_feeds}
    files = list(files)
    own = {file.src_uri for file in files if file.src_dir == docs_dir}
    fronts = {
        f"{edition}index.html".lower(): edition
        for edition in edition_paths
        if front_pages and f"{edition}index.md" not in own
    }
    kept: list[File] = []
    problems: list[Problem] = []
    for file in files:
        mine = file.src_dir == docs_dir
        front = fronts.get(file.dest_uri.lower()) if mine else None
        what = f"front page ({front or '/'})" if front is not None else ""
        what = what or (_claimed(file, edition_paths, feed_folders) if mine else "")
        if not what:
            kept.append(file)
            continue
        kept += _own_asset(file)
        hint = f" (to make it the front page, name it {front}index.md)" if front is not None else ""
        problems.append(
            Problem(
                file.src_uri,
                f"it would be where the build writes its own {what}, so it was left out of "
                f"the site; rename or move it{hint}",
            )
        )
    return kept, problems


def _own_asset(file: File) -> list[File]:
    """Newsroom's own file at the place of `file`, one of the content folder that MkDocs took
    in its stead (a file of the content folder wins over the theme's): none elsewhere."""
    if (
        not file.dest_uri.lower().startswith(OWN_ASSETS)
        or not (TEMPLATES / file.dest_uri).is_file()
    ):
        return []
    return [File(file.dest_uri, str(TEMPLATES), file.dest_dir, file.use_directory_urls)]


def _claimed(file: File, edition_paths: tuple[str, ...], feed_folders: Collection[str]) -> str:
    """What Newsroom writes where `file` would land ('' if nothing): a listing's feeds only
    in a listing's own folder (`tags/kabul/feed.xml`), of a kind in `feed_folders`."""
    dest = file.dest_uri
    lowered = dest.lower()
    if lowered in _THE_SITES:
        return ""
    built = built_file(dest, edition_paths)
    if built:
        return "search index (search/)" if built == "search" else built
    if lowered.startswith(OWN_ASSETS):  # its style sheet, search worker and icons
        return f"style sheet, scripts and icons ({OWN_ASSETS})"
    name = lowered.rsplit("/", 1)[-1]
    for edition in edition_paths:
        for prefix in _LISTINGS:
            if not lowered.startswith(f"{edition.lower()}{prefix}"):
                continue
            if file.is_documentation_page() or name == "index.html":
                return f"listing page ({edition}{prefix})"
            inside = lowered[len(edition) + len(prefix) :]
            if prefix in feed_folders and name in _LISTING_FEED_FILES and inside.count("/") == 1:
                return f"listing feed ({dest})"
    return ""
