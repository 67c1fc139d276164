"""Pages that say they are held back. MkDocs publishes a Markdown page outside the articles
folder whatever its front matter says, so a story saved in the content folder's root with
`draft: true` would be online. A page whose front matter (as MkDocs reads it) has a field
that would hold an article back (`draft`, an `expires`, an embargo, or a name that looks like
one: `Draft`, Jekyll's `published`) is left out, with one warning: when in doubt, do not
publish. `draft: false` keeps a page, and so does a `date` (Newsroom schedules no page).
A page that reads like a story (a `date` with a `section` or `authors`) is told, in one info
line, that it is published as a plain page."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from mkdocs.utils.meta import get_data

from ..problems import Problem
from ..reading.said import holds_back, meant

if TYPE_CHECKING:
    from collections.abc import Iterable

    from mkdocs.structure.files import File

# A page's front matter is at its top: no more of it is read
HEAD_BYTES = 65536
_NOT_HELD = (False, None, 0, "", "false", "no", "off", "0")
_STORY_FIELDS = frozenset({"section", "author", "authors"})


def held_back_pages(
    files: Iterable[File], docs_dir: str, articles_dir: str
) -> tuple[list[File], list[Problem]]:
    """The files of `files` to publish, and a line for each page of the content folder
    `docs_dir` left out or read like a story."""
    kept: list[File] = []
    problems: list[Problem] = []
    for file in files:
        meta = _front_matter(file) if file.src_dir == docs_dir else {}
        held = [str(name) for name, value in meta.items() if _holds_page_back(str(name), value)]
        if held:
            problems.append(_left_out(file.src_uri, held[0], articles_dir))
            continue
        if "date" in meta and _STORY_FIELDS & meta.keys():
            problems.append(_reads_like_a_story(file.src_uri, articles_dir))
        kept.append(file)
    return kept, problems


def _front_matter(file: File) -> dict[str, object]:
    if not file.is_documentation_page() or not file.abs_src_path:
        return {}
    try:
        with open(file.abs_src_path, "rb") as source:  # noqa: PTH123 - as MkDocs reads it
            head = source.read(HEAD_BYTES).decode("utf-8", errors="replace")
        return dict(get_data(head)[1])
    except (OSError, ValueError):  # MkDocs says what it cannot read
        return {}


def _holds_page_back(name: str, value: object) -> bool:
    folded = unicodedata.normalize("NFKC", name).casefold()
    if folded == "draft":
        return str(value).casefold() not in _NOT_HELD and value not in _NOT_HELD
    return holds_back(name) and folded != "date" and meant(name) != ""


def _left_out(path: str, field: str, articles_dir: str) -> Problem:
    return Problem(
        path,
        f"it is a page, not a story (it is outside {articles_dir}/), and its '{field}' would "
        "hold a story back: a page is published as it is, so it was left out; move it into "
        f"{articles_dir}/ to publish it as a story, or remove '{field}'",
    )


def _reads_like_a_story(path: str, articles_dir: str) -> Problem:
    return Problem(
        path,
        f"it has a story's 'date' and section or authors, but it is outside {articles_dir}/, "
        f"so it is published as a plain page; move it into {articles_dir}/ to publish it as "
        "a story",
        level="info",
    )
