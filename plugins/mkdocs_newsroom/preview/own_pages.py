"""MkDocs' own pages (about.md) and the files it copies (a picture) under `mkdocs serve
--dirty`, which MkDocs writes again only when their source is newer than their output, and
never removes (under `mkdocs build --dirty`, every own page is written again).

Every such page shows what Newsroom adds to the navigation (its tabs), the configuration and
the templates. When any of those changes, the pages' outputs are removed before MkDocs reads
the pages, so that it reads and writes them all again. A page whose source is gone is removed
from the site folder, and from the search index Material carries over from the last build; so
is the copy of a file deleted, or left out since (`exclude_docs`, an article's picture no
article shows any more).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..outputs.files import remove_files

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable

    from mkdocs.structure.files import File

    from ..problems import Problem


class OwnPages:
    """What the last build showed on every MkDocs page, and which pages it wrote."""

    def __init__(self) -> None:
        self._shown: str | None = None
        self._written: dict[str, str] = {}  # page's output path (in the site) -> its URL
        self._copied: set[str] = set()  # the output paths of the other files

    def before_reading(
        self, files: Iterable[File], shown: str, site_dir: str
    ) -> tuple[set[str], list[Problem]]:
        """Remove what must be written again (every page when `shown` changed) and the pages
        of sources gone: the URLs of the pages removed or to be written again, whose search
        entries of the last build must go, and what could not be removed."""
        served = [file for file in files if file.abs_src_path and file.inclusion.is_in_serve()]
        pages = {file.dest_uri: file.url for file in served if file.is_documentation_page()}
        copied = {file.dest_uri for file in served if not file.is_documentation_page()}
        stale = set(pages) if self._shown not in (None, shown) else set()
        gone = set(self._written) - set(pages)
        urls = {self._written[path] for path in gone} | {pages[path] for path in stale}
        removed = remove_files(site_dir, sorted(stale | gone | (self._copied - copied)))
        self._shown, self._written, self._copied = shown, pages, copied
        return urls, removed[1]


def write_again(files: Iterable[File], site_dir: str) -> list[Problem]:
    """`mkdocs build --dirty`: remove the outputs of MkDocs' own pages, so that it reads and
    writes them all again. A new process does not know what the last build's pages showed:
    the tabs may have lost a page held back since, or a renamed section; the options or the
    templates may have changed; and Material's search index keeps only the pages it reads.
    What could not be removed (MkDocs would not write it again)."""
    pages = [
        file.dest_uri
        for file in files
        if file.abs_src_path and file.is_documentation_page() and file.inclusion.is_included()
    ]
    return remove_files(site_dir, pages)[1]


def forget_in_search(plugins: Iterable[Any], urls: set[str]) -> None:
    """Drop the pages at `urls` from the search index Material's search plugin carries over
    from the last `--dirty` build (`search_index_prev`); it would keep them otherwise."""
    if not urls:
        return
    for plugin in plugins:
        kept = getattr(plugin, "search_index_prev", None)
        entries = getattr(kept, "entries", None)
        if isinstance(entries, list):
            kept.entries = [  # type: ignore[union-attr]
                entry
                for entry in entries
                if str(entry.get("location", "")).split("#")[0] not in urls
            ]


def drop_reported_outputs(
    files: Iterable[File], reported: Collection[str], site_dir: str
) -> list[Problem]:
    """Remove the outputs of MkDocs' files whose source the watcher reported: `--dirty`
    copies or writes a file again only when its source is newer than its output, which a
    file restored with its time (`cp -p`, `tar`) is not. What could not be removed."""
    if not reported:
        return []
    outputs = [file.dest_uri for file in files if file.abs_src_path in reported]
    return remove_files(site_dir, outputs)[1]
