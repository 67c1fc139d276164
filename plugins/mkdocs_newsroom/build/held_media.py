"""The files only held-back copy names: not published, under no name, and what an earlier
`mkdocs build --dirty` copied of them removed.

A picture (or any file a story may show or link) of the content folder that only held-back
copy names (a draft, a scheduled or expired story, a story skipped for a mistake, a page left
out by its front matter, `exclude_docs` or `draft_docs`) is left out of the site (its copies
are the held-back copy's), unless published copy names it by its path: a published story, the
site's other files (pages, styles, scripts), the authors file, mkdocs.yml's settings or the
theme's `custom_dir` (catalogue/named_media.py says how each side is read). A file of the
articles folder no published story uses is left out too. A second name for either (a link, a
hard link), in the content folder or the theme's `custom_dir`, goes with it."""

from __future__ import annotations

import posixpath
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from ..catalogue.attachments import credited_texts, named_by_shown
from ..catalogue.named_media import named_by_name, named_by_path
from ..problems import first_and_more
from ..reading.files import is_text, may_be_held
from .linked_files import without_second_names
from .stale import HELD_MEDIA, remove_held_media, remove_held_outputs, remove_newsroom_files_at

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File

    from ..catalogue.site import Reading
    from ..model import Article
    from ..problems import Problem
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
    them is removed, and what Newsroom wrote where one of the files published is now."""
    attached = reading.attachments
    shown = reading.catalogue.articles
    held_media = reading.withheld | shown_only_by_held_pages(found, shown, config)
    authors = credited_texts(reading.authors or {}, shown)
    withheld = held_media - used_by_other_pages(held_media, found.keep, config, authors)
    if withheld:
        say(
            f"held back {len(withheld):,} file(s) that only held-back copy names (a draft, a "
            "scheduled or expired story, one skipped for an error, a page left out), until a "
            f"published story uses them: {first_and_more(sorted(withheld))}"
        )
    unpublished = withheld | (found.attachments.keys() - set(attached))
    folders = [config.docs_dir, *([config.theme.custom_dir] if config.theme.custom_dir else [])]
    kept, dropped, said = without_second_names(found.keep, unpublished, config.docs_dir, folders)
    if dropped:  # seldom: a second name a published story or page uses is published
        names = frozenset(file.src_uri for file in dropped)
        used = named_by_shown(reading.catalogue.articles, names, config.site_url or "")
        used |= used_by_other_pages(names, found.keep, config, authors)
        kept += [file for file in dropped if file.src_uri in used]
        dropped = [file for file in dropped if file.src_uri not in used]
        said = [problem for problem in said if problem.path not in used]
    if dirty:
        said += remove_held_media(config.site_dir, found, attached, withheld, say)
        gone = [file.dest_uri for file in dropped]
        said += remove_held_outputs(config.site_dir, gone, say, HELD_MEDIA)
    keep = [
        *(file for file in kept if file.src_uri not in withheld),
        *(found.attachments[path] for path in sorted(attached)),
    ]
    if dirty:  # the site's own files where an earlier build wrote Newsroom's
        said += remove_newsroom_files_at(config.site_dir, keep)
    return keep, said


def used_by_other_pages(
    paths: frozenset[str], files: Iterable[File], config: MkDocsConfig, authors: Sequence[str]
) -> frozenset[str]:
    """Those of `paths` (media only held-back copy names) that the site's other published
    files (pages, styles, scripts...), what the authors file says of the authors stories
    credit (`authors`: their photos and bios), mkdocs.yml's settings (the theme's logo and
    favicon, the nav, the copyright, the plugins' options: Newsroom's `publisher_logo`) or
    the theme's folder name by their path (catalogue/named_media.py): published as ever."""
    if not paths:
        return frozenset()
    texts = [("", text) for text in [*_settings(config), *authors]]
    # the content folder's (exclude_docs, draft_docs: never published); the theme's own do
    # not name the site's files, but its custom_dir's may
    texts += _texts(
        file
        for file in files
        if file.src_dir == config.docs_dir
        and file.inclusion.is_included()
        and file.src_uri not in paths
    )
    texts += _theme_texts(config.theme.custom_dir)
    return named_by_path(texts, paths, config.site_url or "")


def shown_only_by_held_pages(
    found: SortedFiles, shown: Sequence[Article], config: MkDocsConfig
) -> frozenset[str]:
    """The files of the content folder (not its pages, styles and scripts) that the files
    left out (by their front matter, `draft_docs` or `exclude_docs`) name and no published
    story does."""
    texts = [text for _folder, text in _texts(found.held_pages, any_kind=True)]
    if not texts:
        return frozenset()
    files = [file.src_uri for file in found.keep if file.src_dir == config.docs_dir]
    named = named_by_name(texts, [path for path in files if may_be_held(path)])
    return named - named_by_shown(shown, named, config.site_url or "")


def _settings(config: MkDocsConfig) -> list[str]:
    plugins = [dict(plugin.config) for plugin in config.plugins.values()]
    settings = (dict(config.theme.items()), config.extra, config.nav, plugins)
    return [*map(repr, settings), str(config.copyright or "")]


def _texts(files: Iterable[File], *, any_kind: bool = False) -> list[tuple[str, str]]:
    """The texts of the files of a kind that names others (pages, markup, styles, scripts,
    data: reading/files.py, TEXTS; `any_kind`: whatever their name) up to MAX_TEXT_BYTES,
    each with its folder."""
    texts: list[tuple[str, str]] = []
    for file in files:
        if (any_kind or is_text(file.src_uri)) and (text := _text(file.abs_src_path)):
            # a page's Markdown links are read from its file, its HTML from its address
            folders = {posixpath.dirname(file.src_uri), posixpath.dirname(file.dest_uri)}
            texts += [(folder, text) for folder in sorted(folders)]
    return texts


def _theme_texts(custom_dir: str | None) -> list[tuple[str, str]]:
    """The texts of the theme's `custom_dir` (its templates, which name pictures too), each
    with its folder there (a template's: the root)."""
    if not custom_dir:
        return []
    texts: list[tuple[str, str]] = []
    for path in Path(custom_dir).rglob("*"):
        if is_text(path.name) and (text := _text(str(path))):
            folder = path.parent.relative_to(custom_dir).as_posix()
            # a template writes its addresses from the site's root, wherever it is
            template = path.suffix.lower() in (".html", ".htm")
            texts.append(("" if folder == "." or template else folder, text))
    return texts


def _text(path: str | None) -> str:
    """The text of the file at `path`, up to MAX_TEXT_BYTES ('' if it cannot be read): a
    video given a text's name is not read whole."""
    with suppress(OSError), open(path or "", "rb") as file:  # noqa: PTH123 - a path string
        return file.read(MAX_TEXT_BYTES).decode("utf-8", "replace")
    return ""


# What is read of a text that may name the site's files (the largest page of a site is some
# hundred KB; a data file past this names pictures in its first part, if at all)
MAX_TEXT_BYTES = 4 * 1024 * 1024
