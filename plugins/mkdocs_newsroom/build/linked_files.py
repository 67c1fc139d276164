"""Files of the content folder that are links to where the site must not publish from.

MkDocs copies a linked file as the file it leads to. A picture or page linked to a file
outside the site's folder (the folder of mkdocs.yml) publishes that file of the machine that
builds: on a CI runner, whatever the link names (`/etc/passwd`, a key), which no one reviewing
the repository sees. And a file linked to a story of the articles folder (`images/x.jpg` to
`articles/draft.md`) publishes the story's text as it is, draft or not. Both are left out, one
line each. Articles themselves may be links (a wire folder kept elsewhere): they are read as
articles, whatever they lead to, and published only as stories are. A folder seen twice
through links (a loop, a second way in) is read once (`seen_twice`)."""

from __future__ import annotations

import os
import posixpath
from typing import TYPE_CHECKING

from ..problems import Problem
from ..reading.files import article_kind

if TYPE_CHECKING:
    from collections.abc import Iterable

    from mkdocs.structure.files import File


def linked_away(
    files: Iterable[File], docs_dir: str, site_folder: str, articles_dir: str
) -> tuple[list[File], list[File], list[Problem]]:
    """The files to publish of `files` (pages, assets, the articles' attachments), those
    left out, and a line for each: a link out of `site_folder`, or to a story of
    `articles_dir`."""
    links = FolderLinks(docs_dir)
    inside = os.path.realpath(site_folder) + os.sep
    stories = os.path.realpath(f"{docs_dir}/{articles_dir}") + os.sep
    kept: list[File] = []
    left_out: list[File] = []
    problems: list[Problem] = []
    for file in files:
        path = file.abs_src_path
        target = _target(links, file.src_uri, path) if path and file.src_dir == docs_dir else None
        if target is None:
            kept.append(file)
        elif not target.startswith(inside):
            left_out.append(file)
            problems.append(_outside(file.src_uri, target))
        elif target.startswith(stories) and article_kind(target):
            left_out.append(file)
            story = posixpath.join(articles_dir, target.removeprefix(stories).replace(os.sep, "/"))
            problems.append(_story(file.src_uri, story))
        else:
            kept.append(file)
    return kept, left_out, problems


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
    for link in sorted({links.first_in(way) or way for way in repeated}):
        real = kept.get(links.real(link), "") or "the content folder itself"
        problems.append(
            Problem(
                link,
                f"it is a link to a folder the site already holds ({real}), so what is seen "
                "through it was left out (each folder is read once); remove the link",
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
            is_link = self._is_link.get(way)
            if is_link is None:
                is_link = os.path.islink(f"{self._docs_dir}/{way}")  # noqa: PTH114 - as _checked
                self._is_link[way] = is_link
            if is_link:
                return way
        return None

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


def _outside(src_uri: str, target: str) -> Problem:
    return Problem(
        src_uri,
        f"it is a link to {target}, outside the site's folder, which a build elsewhere (CI) "
        "would publish from that machine; it was left out of the site. Copy the file into the "
        "content folder",
    )


def _story(src_uri: str, story: str) -> Problem:
    return Problem(
        src_uri,
        f"it is a link to the story {story}, whose text is published only as its article "
        "(never as a file, draft or not); it was left out of the site. Remove the link",
    )
