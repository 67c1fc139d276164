"""Writing an imported archive into the site: the authors it needs (added to the authors
file, whose entries are never changed), then one `.md` article per post not imported before,
each checked as a build reads it, under a file name nobody has."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import yaml

from ...clock import now
from ...directions import balanced, left_open
from ...problems import ArticleError, NewsroomError
from ...reading.authors import load_authors
from ...reading.bodies import neutralise_snippets
from ...reading.frontmatter import load_document, parse_front_matter
from ...reading.reach import is_uri
from ..writing import (
    Addresses,
    Assignment,
    article_path,
    check_assignment,
    front_matter,
    not_written,
    plain_message,
    read_back,
    write_new_file,
)
from .placing import Sections, author_ids, check_sections, checked_author, place

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence
    from pathlib import Path

    from ...model import Author
    from ...problems import Problem
    from ...reading.articles import ArticleReader
    from ..workspace import Workspace
    from .posts import Archive, Post, SourceAuthor


@dataclass(frozen=True)
class ImportOptions:
    """What the editor said: sections for categories, and the authors of posts that name
    none (`--author`), the language of every post (`--lang`)."""

    sections: Sections
    authors: tuple[str, ...] = ()
    lang: str = ""


@dataclass
class Outcome:
    """What happened to one post: written to `path`, or skipped (`reason`); `notes`: what
    of it could not be brought over."""

    origin: str
    path: Path | None = None
    reason: str = ""
    notes: list[str] = field(default_factory=list)
    held_back: str = ""  # 'draft' or 'scheduled'


def import_ids(workspace: Workspace) -> dict[str, Path]:
    """The `import_id` of every article of the site, and its file."""
    found: dict[str, Path] = {}
    for path, written in workspace.front_matters():
        recorded = written.fields.get("import_id")
        if recorded is not None and recorded.text:
            found.setdefault(recorded.text.strip(), path)
    return found


def import_archive(
    workspace: Workspace, archive: Archive, options: ImportOptions, say: Callable[[str], None]
) -> Iterator[Outcome]:
    """Write every post of `archive` that the site does not hold yet; the authors file gets
    the authors they need first (`say` tells which). Refuses everything, before writing, if
    a post would have no section or a default author is unknown."""
    site_authors = workspace.authors()
    settings = workspace.settings
    if options.authors:
        check_assignment(
            Assignment("", next(iter(settings.sections), ""), options.authors),
            settings.sections,
            site_authors,
            workspace.authors_shown,
        )
    seen = import_ids(workspace)
    pending = [post for post in archive.posts if post.import_id not in seen]
    check_sections(pending, options.sections)
    keys = [key for post in pending for key in post.authors]
    ids, found = author_ids(keys, archive.authors, site_authors)
    new_authors = []
    for author_id, author in found:
        checked, notes = checked_author(author_id, author)
        new_authors.append((author_id, checked))
        for note in notes:
            say(f"{archive.source}: author '{author.key}': {note}")
    authors_file = _AuthorsFile(workspace, dict(new_authors), archive, say)
    reader = workspace.reader(site_authors | authors_file.planned())
    addresses: Addresses | None = None  # read when a first post is to be written
    moment = now()
    for post in archive.posts:
        earlier = seen.get(post.import_id)
        if earlier is not None:
            yield Outcome(post.origin, reason=f"already imported as {workspace.shown(earlier)}")
            continue
        outcome = Outcome(post.origin, notes=list(post.notes))
        authors = tuple(ids[key] for key in post.authors) or options.authors
        if not authors:
            outcome.notes.append("it names no author; give --author ID to credit one")
        try:
            addresses = addresses or Addresses(workspace)  # never one the site gives out
            outcome.path = _write_post(
                workspace, reader, post, (authors, authors_file), options, addresses, outcome
            )
        except NewsroomError as error:
            outcome.reason = str(error)
        else:
            seen[post.import_id] = outcome.path
            if post.draft:
                outcome.held_back = "draft"
            elif post.date > moment:
                outcome.held_back = "scheduled"
        yield outcome


# What a post cannot do without; any other field a build would ignore is left out instead
_NEEDED = frozenset({"title", "date", "section", "authors", "import_id"})


@dataclass
class _AuthorsFile:
    """The authors an import adds to the authors file: each one just before the first
    article that names it is written, so that the file never gets an author whose articles
    could not be written. Whether the file can take them all is known before anything is
    written."""

    workspace: Workspace
    new: dict[str, SourceAuthor]  # by id, in order
    archive: Archive
    say: Callable[[str], None]

    def planned(self) -> dict[str, Author]:
        """The new authors as a build will read them; refused (NewsroomError) if the file
        cannot take them."""
        if not self.new:
            return {}
        path, addition = _addition(self.workspace, list(self.new.items()))
        authors, _problems = load_authors(path.name, addition.encode("utf-8"))
        return {key: author for key, author in (authors or {}).items() if key in self.new}

    def add(self, ids: Sequence[str]) -> None:
        """Add those of `ids` that are new and not in the file yet, and say so."""
        adding = [(key, self.new.pop(key)) for key in dict.fromkeys(ids) if key in self.new]
        if not adding:
            return
        path = add_authors(self.workspace, adding)
        for author_id, author in adding:
            unlisted = author.key not in self.archive.authors
            why = ": not among the export's authors, named by its id; give a name" * unlisted
            self.say(
                f"{self.workspace.shown(path)}: added author '{author_id}' ({author.name}){why}"
            )


def _write_post(
    workspace: Workspace,
    reader: ArticleReader,
    post: Post,
    credits: tuple[tuple[str, ...], _AuthorsFile],
    options: ImportOptions,
    addresses: Addresses,
    outcome: Outcome,
) -> Path:
    authors, authors_file = credits
    section, other_categories = options.sections.choose(post.categories)
    where = place(post, (options.lang, section), addresses)
    if where.note:
        outcome.notes.append(where.note)
    tags = _limited(tuple(dict.fromkeys((*other_categories, *post.tags))), workspace, outcome)
    post.body, snippets = neutralise_snippets(post.body)
    if snippets:
        outcome.notes.append(
            f"{len(snippets)} snippet include line(s) ('--8<--') would read other files of the "
            "site; they were made text: copy in what they included, if it belongs to the story"
        )
    if not post.body.strip() and not post.draft:
        post.draft = True
        outcome.notes.append("it has no text; it is held back as a draft")
    post.title, opened = balanced(post.title)  # as a build would read it, said
    if opened:
        outcome.notes.append(left_open("its title", opened))
    assignment = Assignment(post.title, section, authors, tags, draft=post.draft, lang=options.lang)
    more = _more_fields(post, where.slug, where.alias)
    path, number = article_path(workspace, post.date, where.slug, ".md"), 1
    while path.exists():
        number += 1
        path = article_path(workspace, post.date, f"{where.slug}-{number}", ".md")
    text = front_matter(assignment, post.date, **more) + post.body
    while problems := read_back(workspace, reader, path, text):
        dropped = _droppable(path.name, text, problems)
        if not dropped:
            raise not_written(problems)
        for name, message in dropped.items():
            outcome.notes.append(f"its '{name}' was left out: {message}")
            more.pop(name, None)
            if name == "tags":
                assignment = replace(assignment, tags=())
            elif name == "lang":
                assignment = replace(assignment, lang="")
        text = front_matter(assignment, post.date, **more) + post.body
    write_new_file(path, text)
    try:
        authors_file.add(authors)
    except (NewsroomError, OSError):
        path.unlink()  # never an article whose authors the site does not know
        raise
    return path


def _limited(tags: tuple[str, ...], workspace: Workspace, outcome: Outcome) -> tuple[str, ...]:
    limit = workspace.settings.read_options.max_tags
    if len(tags) > limit:
        outcome.notes.append(
            f"{len(tags):,} tags, more than max_tags_per_article ({limit}); only the first "
            f"{limit} were kept"
        )
    return tags[:limit]


def _more_fields(post: Post, slug: str, alias: str) -> dict[str, object]:
    more: dict[str, object] = {}
    if post.updated is not None and post.updated > post.date:
        more["updated"] = post.updated
    more["summary"] = post.summary
    more["slug"] = slug
    if post.image:
        more["image"] = post.image
    if post.featured:
        more["featured"] = True
    if alias:
        more["aliases"] = [f"/{alias}"]
    more["import_id"] = post.import_id
    if is_uri(post.guid):  # the old feed's id: subscribers keep their items
        more["uid"] = post.guid
    return more


def _droppable(name: str, text: str, problems: Sequence[Problem]) -> dict[str, str]:
    """The fields of `text` that `problems` are about and that a post can do without, with
    what is wrong with each; {} if any problem is about something else."""
    lines = {field.line: key for key, field in parse_front_matter(name, text).fields.items()}
    dropped: dict[str, str] = {}
    for problem in problems:
        key = lines.get(problem.line) if problem.line is not None else None
        if key is None or key in _NEEDED:
            return {}
        dropped[key] = plain_message(problem)
    return dropped


def add_authors(workspace: Workspace, authors: Sequence[tuple[str, SourceAuthor]]) -> Path:
    """Add entries for `authors` at the end of the authors file (made if missing); what is
    in it stays as it is. Refused, with nothing written, if the file would not read back
    with every old and new entry."""
    path, whole = _addition(workspace, authors)
    if not path.exists():
        write_new_file(path, whole)
        return path
    existing = path.read_text(encoding="utf-8-sig")
    with path.open("a", encoding="utf-8", newline="\n") as file:
        file.write(whole[len(existing) :])
    return path


def _addition(
    workspace: Workspace, authors: Sequence[tuple[str, SourceAuthor]]
) -> tuple[Path, str]:
    """The authors file, and its text with entries for `authors` at its end; a NewsroomError
    if it would not read back with every old and new entry."""
    path = workspace.docs_dir / workspace.settings.authors_file
    entries = {author_id: _entry(author) for author_id, author in authors}
    addition = yaml.safe_dump(entries, sort_keys=False, allow_unicode=True, width=1_000_000)
    existing = path.read_text(encoding="utf-8-sig") if path.exists() else ""
    if existing and not existing.endswith("\n"):
        addition = "\n" + addition
    try:
        before = load_document(path.name, existing) or {}
        after = load_document(path.name, existing + addition)
    except ArticleError:
        before, after = None, None
    if not isinstance(before, dict) or not isinstance(after, dict) or after != before | entries:
        ids = ", ".join(entries)
        raise NewsroomError(
            f"{workspace.shown(path)} cannot take the new authors ({ids}) at its end (it is "
            "not a plain list of 'id:' entries); add them by hand, or fix it. Nothing was "
            "imported"
        )
    return path, existing + addition


def _entry(author: SourceAuthor) -> dict[str, str]:
    entry = {"name": author.name or author.key}
    for key, value in (
        ("role", author.role),
        ("bio", author.bio),
        ("avatar", author.avatar),
        ("url", author.url),
    ):
        if value:
            entry[key] = value
    return entry
