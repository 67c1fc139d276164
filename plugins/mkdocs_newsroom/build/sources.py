"""The newsroom's sources among MkDocs' files: the authors file and the articles, each with
its bytes, and the URLs of the site's other pages."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from ..reading.site import SiteSources, split_sources

if TYPE_CHECKING:
    from collections.abc import Iterable

    from mkdocs.structure.files import File

    from ..memo import MadeBefore
    from ..settings.checked import Settings


def site_sources(
    files: Iterable[File], settings: Settings, read_before: MadeBefore[bytes] | None = None
) -> tuple[SiteSources, list[File]]:
    """The newsroom's sources among MkDocs' files, and the other files (the site's pages,
    assets...), which MkDocs keeps. `read_before` keeps the files' contents between builds
    (`mkdocs serve`): a file whose size and modification time did not change is not read."""
    by_path = {file.src_uri: file for file in files}
    articles, authors, others = split_sources(by_path, settings)
    keep = [by_path[path] for path in others]
    if read_before is not None:
        read_before.start(None)
    sources = SiteSources(
        (authors, _content(by_path[authors], read_before)) if authors else None,
        [(path, _content(by_path[path], read_before)) for path in articles],
        _page_urls(keep),
    )
    if read_before is not None:
        read_before.finish()
    return sources, keep


def _content(file: File, read_before: MadeBefore[bytes] | None) -> bytes:
    path = file.abs_src_path
    if not path:
        return file.content_bytes
    if read_before is None:
        return Path(path).read_bytes()
    # os.stat, not Path.stat: making a Path costs more than the stat itself, 50 ms of every
    # preview at 10,000 articles
    stat = os.stat(path)  # noqa: PTH116
    changed = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
    return read_before.get(path, changed, lambda: Path(path).read_bytes())


def _page_urls(files: Iterable[File]) -> dict[str, str]:
    """URLs of the site's own pages, which an article must not overwrite."""
    taken = {}
    for file in files:
        if file.dest_uri.endswith("index.html"):
            taken[file.dest_uri[: -len("index.html")]] = file.src_uri
    return taken
