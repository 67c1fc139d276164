"""The media only stories held back use: not published, under no name, and what an earlier
`mkdocs build --dirty` copied of them removed.

A picture in the content folder that only a draft or a scheduled story shows, or only a page
left out (by its front matter, `exclude_docs` or `draft_docs`), by any address (the site's own
URL too), is left out of the site (its copies are the held-back copy's), unless a published
story, the site's other pages, its styles and scripts, the authors file or the theme's
settings name it, as a whole file name (`icon.png` is not named by `favicon.png`).
A file of the articles folder no published story uses is left out too. A second name for
either (a link, a hard link), in the content folder or the theme's `custom_dir`, goes with
it."""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

from ..catalogue.attachments import named_by, names_pattern, used_by
from ..reading.files import is_media
from .linked_files import without_second_names
from .stale import HELD_MEDIA, remove_held_media, remove_held_outputs

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File

    from ..catalogue.site import Reading
    from ..model import Article
    from ..problems import Problem
    from ..reading.site import SiteSources
    from .sources import SortedFiles


def published_files(
    found: SortedFiles,
    reading: Reading,
    config: MkDocsConfig,
    dirty: bool,
    say: Callable[[str], None],
) -> tuple[list[File], list[Problem]]:
    """The files MkDocs publishes: `found`'s, but the media only stories held back use
    (unless another page names it) and the files of the articles folder no published story
    uses, under any name their own (a second name a published story or page uses is its
    own); a line for each second name left out. With `dirty`, what an earlier build copied of
    them is removed."""
    attached = reading.attachments
    held_media = reading.withheld | shown_only_by_held_pages(found, reading.catalogue.articles)
    withheld = held_media - used_by_other_pages(held_media, found.keep, config, found.sources)
    unpublished = withheld | (found.attachments.keys() - set(attached))
    folders = [config.docs_dir, *([config.theme.custom_dir] if config.theme.custom_dir else [])]
    kept, dropped, said = without_second_names(found.keep, unpublished, config.docs_dir, folders)
    if dropped:  # seldom: a second name a published story or page uses is published
        names = frozenset(file.src_uri for file in dropped)
        used = used_by(reading.catalogue.articles).keys() & names
        used |= used_by_other_pages(names, found.keep, config, found.sources)
        kept += [file for file in dropped if file.src_uri in used]
        dropped = [file for file in dropped if file.src_uri not in used]
        said = [problem for problem in said if problem.path not in used]
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
    # exclude_docs, draft_docs: never published
    texts += _texts(
        file for file in files if file.inclusion.is_included() and file.src_uri not in paths
    )
    texts += _theme_texts(config.theme.custom_dir)
    return _named_in(texts, paths)


def shown_only_by_held_pages(found: SortedFiles, shown: Sequence[Article]) -> frozenset[str]:
    """The site's media (paths from the content folder) that pages left out (by their front
    matter, `draft_docs` or `exclude_docs`) name and no published story does."""
    texts = _texts(found.held_pages)
    if not texts:
        return frozenset()
    named = _named_in(texts, [file.src_uri for file in found.keep if is_media(file.src_uri)])
    return named - named_by(shown, named)


def _named_in(texts: list[str], paths: Iterable[str]) -> frozenset[str]:
    """Those of `paths` that the texts name, as a whole file name, by any address."""
    names = {path: path.rsplit("/", 1)[-1] for path in paths}
    if not names:
        return frozenset()
    found = set(names_pattern(names.values()).findall(unquote("\n".join(texts))))
    return frozenset(path for path, name in names.items() if name in found)


def _texts(files: Iterable[File]) -> list[str]:
    texts: list[str] = []
    for file in files:
        if file.src_uri.endswith(_TEXT_SUFFIXES):
            with suppress(OSError, ValueError):
                texts.append(file.content_string)
    return texts


def _theme_texts(custom_dir: str | None) -> list[str]:
    """The texts of the theme's `custom_dir` (its templates, which name pictures too)."""
    texts: list[str] = []
    for path in Path(custom_dir).rglob("*") if custom_dir else ():
        if path.suffix.lower() in _TEXT_SUFFIXES and path.is_file():
            with suppress(OSError, UnicodeDecodeError):
                texts.append(path.read_text(encoding="utf-8"))
    return texts


_TEXT_SUFFIXES = (
    ".md", ".markdown", ".html", ".htm", ".css", ".js", ".mjs", ".json", ".webmanifest", ".svg",
    ".xml", ".yml", ".txt",
)  # fmt: skip
