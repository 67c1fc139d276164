"""Files of the site's own folders (the content folder, the theme's `custom_dir`) that are
links, or second names, to what the site must not publish.

MkDocs copies a linked file as the file it leads to. A picture or page linked to a file
outside the site's folder (the folder of mkdocs.yml) publishes that file of the machine that
builds: on a CI runner, whatever the link names (`/etc/passwd`, a key), which no one reviewing
the repository sees; one linked to a hidden file of the site's folder, `.git/config`, the
token CI's checkout writes there. And a file that is a story, or a page left out, under
another name (`images/x.jpg` linked to `articles/draft.md`, or a hard link to it: the same
file, by device and inode, however the links run) publishes its text as it is, draft or not.
Each is left out, with one line. Articles themselves may be links (a wire folder kept
elsewhere): they are read as articles, whatever they lead to, and published only as stories
are. A folder seen twice through links (a loop, a second way in) is read once
(`seen_twice`); a link to a folder that holds the content folder (`/`) stops the build before
MkDocs reads through it (`refuse_links_around`)."""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..problems import NewsroomError, Problem

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable, Iterator, Mapping

    from mkdocs.structure.files import File


@dataclass(frozen=True)
class Withheld:
    """What no other file of the site may publish under another name: the files of the
    articles (published only as stories) and those of the pages left out, by identity
    (device, inode), each with its path for the message."""

    files: Mapping[tuple[int, int], str]

    def holder(self, path: str, status: os.stat_result | None = None) -> str | None:
        """Which of these files the file at `path` is, if any (`status`: its own, if known)."""
        found = identity(path) if status is None else (status.st_dev, status.st_ino)
        return None if found is None else self.files.get(found)


def identity(path: str) -> tuple[int, int] | None:
    """The device and inode of the file at `path` (its links followed); None if it cannot be
    had (the file is said where it is read)."""
    try:
        status = os.stat(path)  # noqa: PTH116 - as sources.py's
    except OSError:
        return None
    return status.st_dev, status.st_ino


def linked_away(
    files: Iterable[File],
    site_folder: str,
    own: Collection[str],
    withheld: Withheld,
    statuses: Mapping[str, os.stat_result | None],
) -> tuple[list[File], list[File], list[Problem]]:
    """The files to publish of `files` (pages, assets, the articles' attachments, the
    theme's own files), those left out, and a line for each. Of the files of the folders
    `own` (the content folder, the theme's `custom_dir`): one that is a story or a page left
    out under another name (a link, a hard link), and one linked out of `site_folder` or to
    a hidden file of it (`.git/config`). `statuses`: what the content folder's files were
    found to be (`os.stat`), not asked again."""
    inside = os.path.realpath(site_folder) + os.sep
    links = {folder: FolderLinks(folder) for folder in own}
    kept: list[File] = []
    left_out: list[File] = []
    problems: list[Problem] = []
    # the lines of the files that a link to a folder leads out, by that link
    through: dict[tuple[FolderLinks, str], list[Problem]] = {}
    for file in files:
        path, folder_links = file.abs_src_path, links.get(file.src_dir or "")
        known = statuses.get(file.src_uri)  # a content folder's file's; a theme's: None
        said = _why_not(file.src_uri, path, folder_links, inside, withheld, known) if path else None
        if said is None:
            kept.append(file)
            continue
        left_out.append(file)
        line = Problem(file.src_uri, f"{said[0]}; it was left out of the site. {said[1]}")
        folder = _linked_folder(folder_links, file.src_uri, path or "") if said[2] else None
        if folder_links is None or folder is None:
            problems.append(line)
        else:
            through.setdefault((folder_links, folder), []).append(line)
    for (folder_links, folder), lines in through.items():
        many = len(lines) > MANY_FILES
        problems += [_folder_out(folder, folder_links.real(folder), lines)] if many else lines
    return kept, left_out, problems


MANY_FILES = 3  # of a folder a link leads out of the site's folder: past these, one line


def _linked_folder(links: FolderLinks | None, src_uri: str, path: str) -> str | None:
    """The link to a folder by which the file at `path` is reached, if it is not a link
    itself."""
    if links is None or os.path.islink(path):  # noqa: PTH114
        return None
    return links.first_in(posixpath.dirname(src_uri))


def _folder_out(folder: str, target: str, lines: list[Problem]) -> Problem:
    """One line for every file of `folder`, a link to `target`, out of the site's folder."""
    return Problem(
        folder,
        f"it is a link to {target}, outside the site's folder, which a build elsewhere (CI) "
        f"would publish from that machine; its {len(lines):,} files were left out of the site "
        f"(the first: {lines[0].path}). Copy the files into the content folder",
    )


def _why_not(
    src_uri: str,
    path: str,
    links: FolderLinks | None,
    inside: str,
    withheld: Withheld,
    status: os.stat_result | None,
) -> tuple[str, str, bool] | None:
    """Why the file at `path` is not published, what to do, and whether it is because a
    link leads out of the site's folder; None if it is published."""
    if links is None:
        return None  # a file of an installed theme
    holder = withheld.holder(path, status)
    if holder is not None and holder != src_uri:
        return (
            f"it is the file {holder} under another name (a link to it, or a second name for "
            "it), which is published only as a story, or not at all",
            "Remove it",
            False,
        )
    target = _target(links, src_uri, path)
    if target is None:
        return None
    if not target.startswith(inside):
        return (
            f"it is a link to {target}, outside the site's folder, which a build elsewhere "
            "(CI) would publish from that machine",
            "Copy the file into the content folder",
            True,
        )
    hidden = target.removeprefix(inside)
    if any(part.startswith(".") for part in Path(hidden).parts):
        return (
            f"it is a link to {hidden}, a hidden file of the site's folder (Git's settings "
            "hold a token on CI)",
            "Copy what the site should show into the content folder",
            False,
        )
    return None


def without_second_names(
    files: Iterable[File], withheld: Collection[str], docs_dir: str, own: Collection[str]
) -> tuple[list[File], list[File], list[Problem]]:
    """`files` but those of the folders `own` (the content folder, the theme's `custom_dir`)
    that are, under another name (a link, a hard link), a file of the content folder among
    `withheld` (media the site does not publish); those, and a line for each."""
    identities = ((identity(f"{docs_dir}/{path}"), path) for path in sorted(withheld, reverse=True))
    held = Withheld({found: path for found, path in identities if found is not None})
    kept: list[File] = []
    dropped: list[File] = []
    problems: list[Problem] = []
    for file in files:
        holder = None
        mine = file.src_dir in own and not (file.src_dir == docs_dir and file.src_uri in withheld)
        if held.files and mine:
            holder = held.holder(file.abs_src_path or "")
        if holder is None:
            kept.append(file)
            continue
        dropped.append(file)
        problems.append(
            Problem(
                file.src_uri,
                f"it is the file {holder} under another name (a link to it, or a second name "
                "for it), which the site does not publish (no story it shows uses it); it was "
                "left out of the site with it",
            )
        )
    return kept, dropped, problems


def seen_twice(files: Iterable[File], docs_dir: str, problems: list[Problem]) -> set[str]:
    """The folders (paths from the content folder) that are another way into a folder the
    site already holds, through a link: a loop (MkDocs follows it some forty times) or a
    second link. Each link is reported once; the real folder's own path is kept."""
    folders = {
        posixpath.dirname(file.src_uri)
        for file in files
        if file.abs_src_path and file.src_dir == docs_dir
    }
    links = FolderLinks(docs_dir)
    if not any(links.first_in(folder) for folder in folders):
        return set()  # no link on the way to any folder: each is read once
    by_real: dict[str, list[str]] = {}
    for folder in folders:
        by_real.setdefault(links.real(folder), []).append(folder)
    kept = {real: links.first_way(ways) for real, ways in by_real.items()}
    repeated = {way for real, ways in by_real.items() for way in ways if way != kept[real]}
    root = links.real("")

    def culprit(way: str) -> str:
        """The link that makes `way` a second one: the first on it that leads to a folder
        the site holds by another way (`ext/b` to `ext/a`, not `ext`, which leads out)."""
        for link in links.on_the_way(way):
            leads_to = links.real(link)
            if leads_to == root or kept.get(leads_to, link) != link:
                return link
        return links.first_in(way) or way

    for link in sorted({culprit(way) for way in repeated}):
        leads_to = links.real(link)
        real = "the content folder itself" if leads_to == root else kept.get(leads_to)
        problems.append(
            Problem(
                link,
                f"it is a link to a folder the site already holds ({real or leads_to}), so "
                "what is seen through it was left out (each folder is read once); remove the "
                "link",
            )
        )
    return repeated


class FolderLinks:
    """The links among the folders of the content folder, each path looked at once: an
    lstat a folder, where resolving every folder's real path would cost 40 µs each (60 ms
    a preview rebuild at 1,500 folders)."""

    def __init__(self, docs_dir: str) -> None:
        self._docs_dir = docs_dir
        self._real_docs = os.path.realpath(docs_dir)
        self._is_link: dict[str, bool] = {}

    def first_in(self, folder: str) -> str | None:
        """The first link on the way from the content folder to `folder`, if any."""
        way = ""
        for part in folder.split("/") if folder else ():
            way = f"{way}/{part}" if way else part
            if self._link(way):
                return way
        return None

    def on_the_way(self, folder: str) -> Iterator[str]:
        """The links on the way from the content folder to `folder`, the first first."""
        parts = folder.split("/") if folder else []
        for end in range(1, len(parts) + 1):
            if self._link(way := "/".join(parts[:end])):
                yield way

    def _link(self, way: str) -> bool:
        if way not in self._is_link:
            self._is_link[way] = os.path.islink(f"{self._docs_dir}/{way}")  # noqa: PTH114
        return self._is_link[way]

    def real(self, folder: str) -> str:
        """Where a folder really is (a loop of links is not followed)."""
        if self.first_in(folder) is None:
            return f"{self._real_docs}/{folder}" if folder else self._real_docs
        return os.path.realpath(f"{self._docs_dir}/{folder}")

    def first_way(self, ways: list[str]) -> str:
        """The way into a folder that is kept: its own path, else the shortest."""
        if len(ways) == 1:
            return ways[0]
        return min(ways, key=lambda way: (self.first_in(way) is not None, len(way), way))


def _target(links: FolderLinks, src_uri: str, path: str) -> str | None:
    """Where the file at `path` really is, when a link leads to it; None when none does."""
    if os.path.islink(path):  # noqa: PTH114 - an lstat, as sources.py's
        return os.path.realpath(path)
    folder = posixpath.dirname(src_uri)
    if links.first_in(folder) is None:
        return None
    return f"{links.real(folder)}{os.sep}{posixpath.basename(src_uri)}"


def refuse_links_around(docs_dir: str) -> None:
    """Raise NewsroomError for a link in the content folder to a folder that holds it (`/`,
    the home folder, the site's folder): MkDocs follows links as it lists the content
    folder, and would read the whole disk through it, round and round (a build hung)."""
    real_docs = os.path.realpath(docs_dir)
    for top, folders, _files in os.walk(docs_dir):
        for name in folders:
            path = os.path.join(top, name)  # noqa: PTH118 - as os.walk gives it
            if not os.path.islink(path):  # noqa: PTH114
                continue
            target = os.path.realpath(path)
            if target != real_docs and f"{real_docs}{os.sep}".startswith(
                f"{target.rstrip(os.sep)}{os.sep}"
            ):
                shown = os.path.relpath(path, docs_dir).replace(os.sep, "/")
                raise NewsroomError(
                    f"newsroom: {shown}: it is a link to {target}, a folder that holds the "
                    "content folder itself, so MkDocs would read all of it through the link, "
                    "round and round; remove the link, or link only what the site needs"
                )
