"""Writing article files for the `newsroom` command: what the reporter says of a story, its
front matter, where it goes, and the check that a build will read it cleanly. An existing file
is never overwritten."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from ..catalogue.placement import choose_edition, reserved_folder, reserved_prefixes
from ..problems import NewsroomError, Problem
from ..reading.unknown_ids import unknown_author, unknown_section
from ..settings.article_url import DEFAULT_FOLDER, fill_article_url
from ..slugs import numbered, windows_safe

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

    from ..model import Author, Section
    from ..reading.articles import ArticleReader
    from .workspace import Workspace


@dataclass(frozen=True)
class Assignment:
    """What the reporter says about a story before writing it."""

    headline: str
    section: str
    authors: tuple[str, ...]
    tags: tuple[str, ...] = ()
    draft: bool = False
    lang: str = ""
    summary: str = ""  # the standfirst; empty, the story's first paragraph stands in


def check_assignment(
    assignment: Assignment,
    sections: Mapping[str, Section],
    authors: Mapping[str, Author],
    authors_file: str,
) -> None:
    """Refuse a story with an unknown section or author."""
    if assignment.section not in sections:
        raise NewsroomError(unknown_section(assignment.section, sections))
    if not assignment.authors:
        raise NewsroomError("name at least one author with --author")
    for author in assignment.authors:
        if author not in authors:
            raise NewsroomError(unknown_author(author, authors, authors_file))


def front_matter(assignment: Assignment, date: datetime, **more: object) -> str:
    fields: dict[str, object] = {
        "title": assignment.headline,
        "date": date,
        "section": assignment.section,
        "authors": list(assignment.authors),
        "tags": list(assignment.tags),
        "summary": assignment.summary,
    }
    if assignment.lang:
        fields["lang"] = assignment.lang
    if assignment.draft:
        fields["draft"] = True
    fields.update(more)
    return write_front_matter(fields)


class Addresses:
    """The addresses a new story may take: none the site gives out (an article's, held back
    or not, an alias', a page's), none inside a folder of the newsroom's own pages (the
    build would skip the story), none a story written here took before."""

    def __init__(self, workspace: Workspace) -> None:
        self._settings = workspace.settings
        self._taken = workspace.taken_urls()
        self._reserved = reserved_prefixes(workspace.settings.editions)

    def __contains__(self, url: str) -> bool:
        return url in self._taken

    def take(self, url: str, holder: str) -> None:
        self._taken[url] = holder

    def free(
        self,
        wanted: str,
        where: tuple[str, str],
        date: datetime,
        origin: str = "new article",
        free_file: Callable[[str], bool] = lambda _slug: True,
    ) -> tuple[str, str, str]:
        """`wanted`, or its first `-2`, `-3`... whose address is free and whose file
        `free_file` says is, for a story of `where` (its language and section) and `date`;
        its address, taken from then on; and what held the address of `wanted`, said for a
        message ('' if nothing)."""
        settings = self._settings
        lang, section = where
        edition = choose_edition(lang, settings.editions) or settings.editions[0]
        section = section or DEFAULT_FOLDER

        def address(slug: str) -> str:
            pattern = settings.article_url
            return edition.path + fill_article_url(pattern, date, slug, section, origin)

        def held(slug: str) -> str:
            url = address(slug)
            if folder := reserved_folder(url, edition.path, self._reserved):
                return f"is inside {folder}, a folder of the newsroom's own pages"
            return f"is taken by {self._taken[url]}" if url in self._taken else ""

        why = held(wanted)
        slug, number = wanted, 1
        while held(slug) or not free_file(slug):
            number += 1
            slug = numbered(wanted, number)
        url = address(slug)
        self.take(url, origin)
        return slug, url, why


def article_path(workspace: Workspace, date: datetime, slug: str, suffix: str) -> Path:
    """Where an article of `date` goes: <articles_dir>/YYYY/MM/<slug><suffix> (never a name
    Windows keeps for a device: 'con-story.md' for the slug 'con')."""
    return workspace.articles_dir / f"{date:%Y}" / f"{date:%m}" / f"{windows_safe(slug)}{suffix}"


def write_new_file(path: Path, text: str) -> None:
    """Create `path` with `text`; never replace a file that is there. What the file system
    refuses (a file where a folder goes, a name too long) is a NewsroomError naming it."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8", newline="\n") as file:
            file.write(text)
    except OSError as error:
        raise NewsroomError(
            f"{_shown(path)} cannot be written ({error.strerror or error}); nothing was "
            "written: make room for it, and run the command again"
        ) from None


def _shown(path: Path) -> str:
    try:
        return path.absolute().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


def read_back(workspace: Workspace, reader: ArticleReader, path: Path, text: str) -> list[Problem]:
    """What a build would warn about in `text`, were it the file `path` (notes aside)."""
    problems = reader.read(workspace.source_path(path), text.encode("utf-8")).problems
    return [problem for problem in problems if problem.level == "warning"]


def check_text(workspace: Workspace, reader: ArticleReader, path: Path, text: str) -> None:
    """A file this command writes must read without a problem, as a build reads it."""
    problems = read_back(workspace, reader, path, text)
    if problems:
        raise not_written(problems)


_CONSEQUENCES = ("; the field was ignored", "; the article was skipped", "; it was ignored")


def plain_message(problem: Problem) -> str:
    """A build's message about a file, without what the build would do about it (which a
    command that writes nothing must not say)."""
    message = problem.message
    for consequence in _CONSEQUENCES:
        message = message.removesuffix(consequence)
    return message


def not_written(problems: Sequence[Problem]) -> NewsroomError:
    return NewsroomError(
        "nothing was written, as a build would not read it cleanly: "
        + "; ".join(plain_message(problem) for problem in problems)
    )


def split_list(values: Sequence[str]) -> tuple[str, ...]:
    """`--tags a,b --tags c` -> ('a', 'b', 'c'): each option once or many times, or a list."""
    items = (item.strip() for value in values for item in value.split(","))
    return tuple(dict.fromkeys(item for item in items if item))


def slug_line(slug: str) -> str:
    """The front-matter line `slug: …`, quoted by YAML if it must be."""
    return write_front_matter({"slug": slug}).split("\n")[1]


class _Dumper(yaml.SafeDumper):
    """YAML's safe dumper, but a text with an apostrophe that must be quoted goes between
    double quotes (`"Minister: 'We will'"`), not single ones, which double each apostrophe
    (`'Minister: ''We will'''`) for a reporter to untangle."""

    def choose_scalar_style(self) -> str:
        style: str = super().choose_scalar_style()
        value = getattr(self.event, "value", "")
        return '"' if style == "'" and "'" in value else style


def write_front_matter(fields: Mapping[str, object]) -> str:
    """Front matter for `fields`, between '---' lines, that `parse_front_matter` reads back
    exactly: values are quoted by YAML where they need it; dates are written as ISO 8601."""
    lines = ["---"]
    for name, value in fields.items():
        if isinstance(value, datetime):
            lines.append(f"{name}: {value.isoformat()}")
        else:
            dumped = yaml.dump(
                {name: value},
                Dumper=_Dumper,
                allow_unicode=True,
                # lists on one line (`tags: [a, b]`), the field itself as a block
                default_flow_style=None if isinstance(value, list | tuple) else False,
                sort_keys=False,
                width=1_000_000,
            )
            lines.append(dumped.rstrip("\n"))
    lines.append("---")
    return "\n".join(lines) + "\n"
