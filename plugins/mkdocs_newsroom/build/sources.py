"""The newsroom's sources among MkDocs' files: the authors file and the articles, each with
its bytes, and the URLs of the site's other pages.

Only regular files are read. A broken or looping link, a pipe, a device or a file that cannot
be read is reported by its path inside the content folder and left out, so that no such file
can stop a build or make it hang (MkDocs would copy it, or wait on it forever); a file that
vanished since MkDocs listed the folder (a branch switch, an editor's lock file) is simply
gone. Each real folder is read once: a link to a folder the site already holds (a loop,
or a second way into a folder) is reported and what is seen through it left out. Articles
MkDocs' `exclude_docs` leaves out are nowhere; those its `draft_docs` names are drafts. A
file whose name is not UTF-8 is reported and left out: no page, feed or URL could name it.
"""

from __future__ import annotations

import os
import posixpath
import re
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.structure.files import InclusionLevel

from ..problems import Problem
from ..reading.files import NOT_REGULAR, article_kind, is_dots_only, is_text, not_utf8
from ..reading.site import SiteSources, misspelt, split_sources
from ..slugs import device_free, windows_reserved
from .claimed import claimed_by_newsroom
from .held_pages import held_back_pages, nav_paths
from .linked_files import Withheld, identity, linked_away, seen_twice

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable
    from datetime import datetime

    from mkdocs.structure.files import File

    from ..memo import MadeBefore
    from ..settings.checked import Settings


@dataclass
class SortedFiles:
    """MkDocs' files sorted out: the sources Newsroom reads, the files MkDocs keeps, and the
    other files of the articles folder, which reach the site only if an article uses them."""

    sources: SiteSources
    keep: list[File]
    attachments: dict[str, File] = field(default_factory=dict)
    held_outputs: list[str] = field(default_factory=list)  # what pages left out write
    embargoes: list[datetime] = field(default_factory=list)  # when they are due, if dated
    held_pages: list[File] = field(default_factory=list)  # left out: the media they show too


def site_sources(
    files: Iterable[File],
    settings: Settings,
    docs_dir: str,
    read_before: MadeBefore[bytes] | None = None,
    reported: Collection[str] = (),
    nav: object = None,  # mkdocs.yml's: a page left out there is said
    now: datetime | None = None,  # a page that reads like a story dated after it is left out
    site_folder: str | None = None,  # mkdocs.yml's (else the content folder's parent)
    theme_folder: str | None = None,  # the theme's custom_dir, the site's own too
) -> SortedFiles:
    """The newsroom's sources among MkDocs' files, and the other files (the site's pages,
    assets...), which MkDocs keeps. `read_before` keeps the files' contents between builds
    (`mkdocs serve`): a file whose size and modification time did not change is not read,
    unless the file watcher `reported` it."""
    problems: list[Problem] = []
    usable: dict[str, tuple[File, os.stat_result | None]] = {}
    excluded: list[File] = []
    unnamed: list[File] = []  # files whose names are not UTF-8, left out
    files = list(files)
    # every build, a preview's rebuilds too (a folder locked since the last one): the walk
    # costs 1 ms at 1,000 articles, 5 to 9 ms at 10,000 (bench/generate.py sites)
    problems += unreadable_folders(docs_dir)
    repeated = seen_twice(files, docs_dir, problems)
    for file in files:
        if posixpath.dirname(file.src_uri) in repeated and file.src_dir == docs_dir:
            continue
        if file.inclusion == InclusionLevel.EXCLUDED:
            excluded.append(file)
            if file.src_dir == docs_dir and is_dots_only(file.src_uri):
                problems.append(Problem(file.src_uri, DOTS_ONLY))
            continue
        if file.src_dir == docs_dir and not_utf8(file.src_uri):
            problems.append(_not_utf8(file))
            unnamed.append(file)
            continue
        if file.src_dir == docs_dir and _unportable(file.src_uri):
            problems.append(_unportable_name(file, settings.articles_dir))
        usable_file, status = _checked(file, docs_dir, problems)
        if usable_file:
            usable[file.src_uri] = (file, status)
    paths = split_sources(usable, settings)
    problems += misspelt(paths, settings)
    articles_dir = f"{docs_dir}/{settings.articles_dir}"
    if not (paths.articles or paths.misspelt) and not os.path.isdir(articles_dir):  # noqa: PTH112
        problems.append(
            Problem(
                settings.articles_dir,
                "the articles folder is not in the content folder, so no article was "
                "published; create it, or set articles_dir in mkdocs.yml to the folder of "
                "the articles",
            )
        )
    keep = [usable[path][0] for path in paths.others]
    editions = tuple(edition.path for edition in settings.editions)
    keep, claimed = claimed_by_newsroom(
        keep, editions, docs_dir, settings.front_page, settings.listing_feeds
    )
    dated = (now, settings.timezone) if now is not None else None
    held = held_back_pages(
        keep, docs_dir, settings.articles_dir, nav_paths(nav), dated, theme_folder
    )
    still = {id(file) for file in held.kept}
    drafts = [file for file, _status in usable.values() if file.inclusion == InclusionLevel.DRAFT]
    held_back = [file for file in keep if id(file) not in still]
    withheld = _withheld(usable, paths.articles, [*held_back, *drafts], [*excluded, *unnamed])
    folder = site_folder or os.path.dirname(docs_dir)  # noqa: PTH120
    own = (docs_dir, *([theme_folder] if theme_folder else []))
    statuses = {path: status for path, (_file, status) in usable.items()}
    keep, linked, said = linked_away(held.kept, folder, own, withheld, statuses)
    attached, linked_too, said_too = linked_away(
        (usable[path][0] for path in paths.attachments), folder, own, withheld, statuses
    )
    # what an earlier build wrote for them, MkDocs' own leaving out too (`--dirty` removes it)
    held.outputs += [file.dest_uri for file in [*linked, *linked_too, *excluded, *drafts]]
    problems += [*claimed, *held.problems, *said, *said_too]
    problems += [
        Problem(
            path,
            "it is an editor's leftover (a backup, swap or lock file), so it was not "
            "published; delete it",
            level="info",
        )
        for path in paths.leftovers
    ]
    if read_before is not None:
        read_before.start(None)
    # A file past max_article_size is told by its size, never read (1 GB would be)
    oversized = _oversized(
        [*paths.articles, *([paths.authors] if paths.authors else [])],
        usable,
        settings.read_options.max_bytes,
    )
    contents = {
        path: _content(*usable[path], problems, read_before, reported)
        for path in [*paths.articles, *([paths.authors] if paths.authors else [])]
        if path not in oversized
    }
    if read_before is not None:
        read_before.finish()
    authors = contents.get(paths.authors) if paths.authors else None
    sources = SiteSources(
        (paths.authors, authors) if paths.authors and authors is not None else None,
        [(path, data) for path in paths.articles if (data := contents.get(path)) is not None],
        _page_urls(keep),
        files=frozenset(usable).difference(file.src_uri for file in [*linked, *linked_too]),
        own=frozenset(path for path, (file, _status) in usable.items() if file.src_dir == docs_dir),
        drafts=frozenset(
            path for path in paths.articles if usable[path][0].inclusion == InclusionLevel.DRAFT
        ),
        problems=problems,
        attachments=tuple(file.src_uri for file in attached),
        oversized=oversized,
    )
    attachments = {file.src_uri: file for file in attached}
    held_pages = [*held_back, *drafts, *(file for file in excluded if is_text(file.src_uri))]
    return SortedFiles(
        sources, [*keep, *excluded], attachments, held.outputs, held.embargoes, held_pages
    )


def _withheld(
    usable: dict[str, tuple[File, os.stat_result | None]],
    articles: Iterable[str],
    held_back: Iterable[File],
    excluded: Iterable[File],
) -> Withheld:
    """The files of the pages left out (`held_back`: by their front matter, or MkDocs'
    `draft_docs`), of those MkDocs' `exclude_docs` leaves out or whose names are not UTF-8
    (`excluded`), and of the articles (named by the article where one is also another), by
    device and inode."""
    found = [(identity(file.abs_src_path or ""), file.src_uri) for file in [*held_back, *excluded]]
    found += [(_identity(usable[path][1]), path) for path in articles]
    return Withheld({key: path for key, path in found if key is not None})


def _identity(status: os.stat_result | None) -> tuple[int, int] | None:
    return None if status is None else (status.st_dev, status.st_ino)


def _oversized(
    articles: Iterable[str],
    usable: dict[str, tuple[File, os.stat_result | None]],
    max_bytes: int,
) -> dict[str, int]:
    """The articles of the content folder whose size is past `max_bytes`, with their sizes."""
    return {
        path: status.st_size
        for path in articles
        if (status := usable[path][1]) is not None and status.st_size > max_bytes
    }


def _checked(
    file: File, docs_dir: str, problems: list[Problem]
) -> tuple[bool, os.stat_result | None]:
    """Whether the file can be used (a regular file of the content folder, or one MkDocs
    made or a theme's), and the status of one of the content folder. One that cannot be used
    is reported, unless it is gone."""
    path = file.abs_src_path
    if not path or file.src_dir != docs_dir:
        return True, None
    try:
        # os.stat, not Path.stat: a Path costs more than the stat (50 ms a preview at 10,000)
        status = os.stat(path)  # noqa: PTH116
    except FileNotFoundError:
        if os.path.islink(path):  # noqa: PTH114 - as above
            problems.append(_left_out(file, "it is a link to a file that does not exist"))
        return False, None  # otherwise gone since MkDocs listed the folder: nothing to say
    except OSError as error:
        problems.append(_left_out(file, f"it cannot be opened ({error.strerror})"))
        return False, None
    if not stat.S_ISREG(status.st_mode):
        problems.append(_left_out(file, NOT_REGULAR))
        return False, None
    if not os.access(path, os.R_OK):
        problems.append(_left_out(file, "it cannot be read (permission denied)"))
        return False, None
    return True, status


def unreadable_folders(docs_dir: str) -> list[Problem]:
    """The folders of the content folder that cannot be listed: MkDocs passes over them
    without a word, and every article in them would be missing. Hidden folders and links
    to folders are not entered (MkDocs leaves the first out; the second are its own)."""
    problems: list[Problem] = []

    def report(error: OSError) -> None:
        if isinstance(error, FileNotFoundError) or not error.filename:
            return  # gone since its parent was listed
        folder = Path(error.filename).relative_to(docs_dir).as_posix()
        why = "permission denied" if isinstance(error, PermissionError) else error.strerror
        problems.append(
            Problem(
                folder,
                f"the folder cannot be read ({why}), so every file in it was left out of the "
                "site; make it readable, or move the files out of it",
            )
        )

    for _top, folders, _files in os.walk(docs_dir, onerror=report):
        folders[:] = [name for name in folders if not name.startswith(".")]
    return sorted(problems, key=lambda problem: problem.path)


def _not_utf8(file: File) -> Problem:
    return Problem(
        file.src_uri,
        "its name is not UTF-8 (each byte that is not is shown as \\xNN), so it was left out "
        "of the site; rename it with a name in UTF-8",
    )


# What a file name on Windows may not hold: a clone of the site there fails to check it out
_WINDOWS_CANNOT_HOLD = re.compile(r'[<>:"|?*\\]')


def _unportable(path: str) -> bool:
    return bool(_WINDOWS_CANNOT_HOLD.search(path)) or any(map(windows_reserved, path.split("/")))


def _unportable_name(file: File, articles_dir: str) -> Problem:
    """A file kept, whose name a clone on Windows cannot check out: said, with a name to give
    it (an article's URL follows its slug, so renaming it moves nothing)."""
    path = file.src_uri
    found = " ".join(f"'{c}'" for c in dict.fromkeys(_WINDOWS_CANNOT_HOLD.findall(path)))
    reserved = next((name for name in path.split("/") if windows_reserved(name)), "")
    held = f"holds {found}, which Windows cannot hold in a file name" if found else ""
    held = held or f"'{reserved}' is a name Windows keeps for a device"
    parts = _WINDOWS_CANNOT_HOLD.sub("-", path).split("/")
    renamed = "/".join(device_free(part) for part in parts)
    article = path.startswith(f"{articles_dir}/") and article_kind(path) is not None
    return Problem(
        path,
        f"its name {held} (a clone of the site there fails to check it out); rename it, for "
        f"example to '{renamed}'"
        + " (its URL follows its slug, not its file name: renaming it moves nothing)"
        * article,
    )


DOTS_ONLY = (
    "its name is only dots and an extension, so MkDocs takes it for a hidden file and it was "
    "left out of the site; rename it, for example to story.md"
)


def _left_out(file: File, why: str) -> Problem:
    return Problem(file.src_uri, f"{why}; it was left out of the site. Replace it with a file")


def _content(
    file: File,
    status: os.stat_result | None,
    problems: list[Problem],
    read_before: MadeBefore[bytes] | None,
    reported: Collection[str],
) -> bytes | None:
    path = file.abs_src_path
    if not path or status is None:
        return file.content_bytes
    try:
        if read_before is None:
            return Path(path).read_bytes()
        version = _version(status)
        if path in reported:
            version = (*version, object())  # equal to nothing: read again
        return read_before.get(path, version, lambda: Path(path).read_bytes())
    except FileNotFoundError:
        return None  # gone since it was listed
    except OSError as error:
        problems.append(_left_out(file, f"it cannot be read ({error.strerror})"))
        return None


# A file changed this recently may change again within the resolution of its time stamp (two
# autosaves in one second, filesystems that keep whole or even seconds), so that its size and
# time would not tell the second change from the first.
AMBIGUOUS_NS = 2_000_000_000


def _version(status: os.stat_result) -> tuple[object, ...]:
    """What tells a file's contents apart from one build to the next: its time, size and
    inode, unless it changed too recently for them to be trusted; it is then read again
    (a file whose bytes did not change costs a read, nothing more)."""
    version: tuple[object, ...] = (status.st_mtime_ns, status.st_size, status.st_ino)
    if time.time_ns() - status.st_mtime_ns < AMBIGUOUS_NS:
        version = (*version, object())  # equal to nothing: never taken as unchanged
    return version


def _page_urls(files: Iterable[File]) -> dict[str, str]:
    """URLs of the site's own pages, which an article must not overwrite."""
    taken = {}
    for file in files:
        if file.dest_uri.endswith("index.html"):
            taken[file.dest_uri[: -len("index.html")]] = file.src_uri
    return taken
