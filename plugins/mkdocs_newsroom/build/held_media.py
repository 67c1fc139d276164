"""The media only stories held back use: not published, under no name, and what an earlier
`mkdocs build --dirty` copied of them removed.

A picture in the content folder that only a draft or a scheduled story shows is left out of
the site (its copies are the story's), unless the site's other pages, its styles and scripts,
the authors file or the theme's settings name it, as a whole file name (`icon.png` is not
named by `favicon.png`); pages MkDocs leaves out (`exclude_docs`, `draft_docs`) name nothing.
A file of the articles folder no published story uses is left out too. A second name for
either (a link, a hard link), in the content folder or the theme's `custom_dir`, goes with
it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .linked_files import without_second_names
from .stale import HELD_MEDIA, remove_held_media, remove_held_outputs

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Iterable

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File

    from ..problems import Problem
    from ..reading.site import SiteSources
    from .sources import SortedFiles


def published_files(
    found: SortedFiles,
    held_media: frozenset[str],
    attached: Collection[str],
    config: MkDocsConfig,
    dirty: bool,
    say: Callable[[str], None],
) -> tuple[list[File], list[Problem]]:
    """The files MkDocs publishes: `found`'s, but the media only stories held back use
    (`held_media`, unless another page names it) and the files of the articles folder no
    published story uses (not `attached`), under any name; a line for each second name left
    out. With `dirty`, what an earlier build copied of them is removed."""
    withheld = held_media - used_by_other_pages(held_media, found.keep, config, found.sources)
    unpublished = withheld | (found.attachments.keys() - set(attached))
    folders = [config.docs_dir, *([config.theme.custom_dir] if config.theme.custom_dir else [])]
    kept, dropped, said = without_second_names(found.keep, unpublished, config.docs_dir, folders)
    if dirty:
        remove_held_media(config.site_dir, found, attached, withheld, say)
        remove_held_outputs(config.site_dir, [file.dest_uri for file in dropped], say, HELD_MEDIA)
    keep = [
        *(file for file in kept if file.src_uri not in withheld),
        *(found.attachments[path] for path in sorted(attached)),
    ]
    return keep, said


def used_by_other_pages(
    paths: frozenset[str], files: Iterable[File], config: MkDocsConfig, sources: SiteSources
) -> frozenset[str]:
    """Those of `paths` (media only held-back articles use) that the site's other pages, its
    styles and scripts, the authors file (avatars) or the theme's settings (logo, favicon)
    name, as a whole file name: published as ever."""
    if not paths:
        return frozenset()
    texts = [repr(dict(config.theme.items())), repr(config.extra)]
    if sources.authors is not None:
        texts.append(sources.authors[1].decode("utf-8", "replace"))
    for file in files:
        if not file.inclusion.is_included():  # exclude_docs, draft_docs: never published
            continue
        if file.src_uri.endswith(_TEXT_SUFFIXES) and file.src_uri not in paths:
            try:
                texts.append(file.content_string)
            except (OSError, ValueError):
                continue
    text = "\n".join(texts)
    return frozenset(path for path in paths if _named(path.rsplit("/", 1)[-1], text))


def _named(name: str, text: str) -> bool:
    """Whether `text` names the file `name` whole: not inside a longer name."""
    return re.search(rf"(?<![\w.-]){re.escape(name)}(?![\w-])", text) is not None


_TEXT_SUFFIXES = (".md", ".markdown", ".html", ".htm", ".css", ".js", ".json", ".yml", ".txt")
