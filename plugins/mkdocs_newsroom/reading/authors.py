"""The authors registry: `authors.yml`, id -> name, bio, avatar, url, role."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import yaml

from ..directions import (
    INVALID_CHARACTERS,
    balanced,
    character_codes,
    invalid_removed,
    left_open,
    visible,
)
from ..model import Author
from ..problems import ArticleError, FieldError, Problem
from ..urls import author_url
from .decoding import decode_source
from .frontmatter import FilePlaces, load_document
from .links import check_link

_FIELDS = ("name", "bio", "avatar", "url", "role", "type")
# what an author may be, as authors.yml spells it (either spelling of organisation)
_TYPES = {"person": "person", "organization": "organization", "organisation": "organization"}


class Authors(dict[str, Author]):
    """The authors by id, and `refused`: each id the file gives that was refused because it
    would share a page with an author kept (`lena` beside `Lena`, `café` written in two
    Unicode forms), mapped to that author's id. An article naming a refused id is never
    credited to the author kept: that author is left off it, with a warning."""

    def __init__(self) -> None:
        super().__init__()
        self.refused: dict[str, str] = {}

    def __repr__(self) -> str:  # the articles' cache key: a change to `refused` reads them again
        return f"Authors({dict.__repr__(self)}, refused={self.refused!r})"


Place = tuple[int, int] | tuple[None, None]  # line and column from 1, if known
_NOWHERE: Place = (None, None)
_ID_SHOWN = " (the id is shown until then)"


@dataclass(frozen=True)
class Repeat:
    """An author id given again on `line`, first on `first`."""

    key: str
    line: int
    first: int


@dataclass
class _Places:
    """Where the authors file's entries stand: each id (as read), the keys of each entry, and
    each id given again (the last entry of an id is the one used, and placed)."""

    place: FilePlaces
    ids: dict[object, Place] = field(default_factory=dict)
    keys: dict[object, dict[str, Place]] = field(default_factory=dict)
    repeats: list[Repeat] = field(default_factory=list)

    def read(self, root: yaml.MappingNode, construct: Callable[[yaml.Node], Any]) -> None:
        first_lines: dict[str, int] = {}
        for key_node, value_node in root.value:
            if not isinstance(key_node, yaml.ScalarNode):
                continue
            key = construct(key_node)
            self.ids[key] = self.place(key_node.start_mark)
            if isinstance(value_node, yaml.MappingNode):
                self.keys[key] = {
                    str(inner.value): self.place(inner.start_mark)
                    for inner, _ in value_node.value
                    if isinstance(inner, yaml.ScalarNode)
                }
            name, line = str(key_node.value), key_node.start_mark.line + 1
            if name in first_lines:
                self.repeats.append(Repeat(name, line, first_lines[name]))
            else:
                first_lines[name] = line

    def of(self, key: object, part: str = "") -> Place:
        """Where the entry of id `key` stands, or its key `part`."""
        if part:
            return self.keys.get(key, {}).get(part, self.of(key))
        return self.ids.get(key, _NOWHERE)


# The end of the line of an authors file that cannot be used at all, as a build says it
UNUSABLE = "; fix it. Until then the articles are published without their authors"


def load_authors(path: str, data: bytes) -> tuple[Authors | None, list[Problem]]:
    """Read the authors file; None for a file that cannot be used at all (the articles are
    then published without their authors: one bad file does not stop the presses)."""
    decoded = decode_source(path, data)
    problems = list(decoded.notices)
    places = _Places(FilePlaces(decoded.text, first_line=1))
    try:
        document = load_document(path, decoded.text, inspect=places.read)
    except ArticleError as error:
        problem = error.problem
        message = problem.message.removeprefix("it is not valid YAML").removeprefix("the file ")
        problems.append(
            replace(problem, message=f"the authors file {_yaml_problem(message)}{UNUSABLE}")
        )
        return None, problems
    if document is None:
        return Authors(), problems
    if not isinstance(document, Mapping):
        problems.append(
            Problem(
                path,
                "the authors file must map each author id to their details, for example "
                f"'jdoe: {{name: Jane Doe}}'{UNUSABLE}",
            )
        )
        return None, problems
    problems += [
        Problem(
            path,
            f"author '{INVALID_CHARACTERS.sub('', repeat.key)}' is given twice (first on line "
            f"{repeat.first}); the last one is used",
            repeat.line,
        )
        for repeat in places.repeats
    ]
    authors = Authors()
    by_page: dict[str, str] = {}  # an author page's URL -> the id that has it
    for key, entry in document.items():
        author_id = INVALID_CHARACTERS.sub("", str(key)).strip()
        refusal = _refusal(key, author_id, entry)
        if refusal:
            problems.append(Problem(path, f"{refusal}; it was left out", *places.of(key)))
            continue
        author, entry_problems = _read_author(path, author_id, entry, places, key)
        problems.extend(entry_problems)
        holder = by_page.setdefault(author.url, author_id)
        if holder != author_id:
            problems.append(
                Problem(
                    path,
                    f"author '{author_id}' would share the page {author.url} with author "
                    f"'{holder}' (ids that differ only in case or punctuation); '{author_id}' "
                    "was ignored, and left off the articles that name it: give one of them "
                    "another id",
                    *places.of(key),
                )
            )
            authors.refused.setdefault(author_id, holder)
            continue
        authors[author_id] = author
    return authors, problems


def _refusal(key: object, author_id: str, entry: object) -> str:
    """Why an entry of the authors file is no author ('' if it is one): its id is not a word
    (`null:`, `true:`, `'':`), or it gives a bare name where its details belong."""
    if not isinstance(key, str | int) or isinstance(key, bool):
        written = "null" if key is None else str(key).lower() if isinstance(key, bool) else str(key)
        return (
            f"the author id '{written}' is read by YAML as {type(key).__name__}, not a word: "
            f'quote it ("{written}":) or give another id'
        )
    if not author_id:
        return "an author has an empty id: give it one, such as 'jdoe:'"
    if isinstance(entry, str):
        return (
            f"author '{author_id}' is given as a bare string; write its details under it, "
            f"such as '{author_id}: {{name: {entry.strip()[:40]}}}'"
        )
    if entry is not None and not isinstance(entry, Mapping):
        kind = "a list" if isinstance(entry, list) else "a single value"
        return (
            f"author '{author_id}' is given as {kind}; write its details under it, such as "
            f"'{author_id}: {{name: Jane Doe}}'"
        )
    return ""


def _unseen(name: str) -> str:
    """The characters of a name a reader cannot see (U+200B...), where it has no other."""
    if any(visible(character) for character in name):
        return ""
    return character_codes(name)


def _read_author(
    path: str, author_id: str, entry: object, places: _Places, key: object
) -> tuple[Author, list[Problem]]:
    """The author of the entry `entry` of id `key`, and what is wrong with it, each at its
    place in the file (`places`)."""
    problems: list[Problem] = []
    if not isinstance(entry, Mapping):
        entry = {}
    fields = {
        part: str(entry[part]).strip()
        for part in _FIELDS
        if isinstance(entry.get(part), str | int | float)
    }
    problems += [
        Problem(
            path,
            f"author '{author_id}': '{part}' must be a single line of text, not a list or "
            f"mapping; it was ignored{_ID_SHOWN * (part == 'name')}",
            *places.of(key, part),
        )
        for part in _FIELDS
        if isinstance(entry.get(part), Mapping | list)
    ]
    name_refused = isinstance(entry.get("name"), Mapping | list)  # said above: once is enough
    for part, text in fields.items():
        fields[part], found = invalid_removed(text)
        if found:
            problems.append(
                Problem(
                    path,
                    f"author '{author_id}': '{part}' held the character {found}, which cannot "
                    "appear in web pages or feeds; it was removed (and any others like it)",
                    *places.of(key, part),
                )
            )
    for part, text in fields.items():
        fields[part], opened = balanced(text)
        if opened:
            said = left_open(f"author '{author_id}': '{part}'", opened)
            problems.append(Problem(path, said, *places.of(key, part)))
    for part in entry:
        if part not in _FIELDS:
            where = places.of(key, str(part))
            problems.append(
                Problem(path, f"author '{author_id}': unknown field '{part}' was ignored", *where)
            )
    unseen = _unseen(fields.get("name", ""))
    if unseen:
        said = f"author '{author_id}': 'name' is made only of {unseen}, which a reader cannot read"
        problems.append(
            Problem(path, f"{said}: write it in letters{_ID_SHOWN}", *places.of(key, "name"))
        )
        fields["name"], name_refused = "", True
    if not fields.get("name") and not name_refused:
        problems.append(
            Problem(
                path,
                f"author '{author_id}' has no 'name': add one{_ID_SHOWN}",
                *places.of(key),
            )
        )
    for part in ("avatar", "url"):
        if fields.get(part):
            try:
                fields[part] = check_link(fields[part], f"author '{author_id}': '{part}'")
            except FieldError as error:
                problems.append(Problem(path, f"{error}; it was ignored", *places.of(key, part)))
                del fields[part]
    if not fields.get("name"):
        fields["name"] = author_id
    kind = _TYPES.get(fields.get("type", "person").lower())
    if kind is None:
        problems.append(
            Problem(
                path,
                f"author '{author_id}': 'type' is '{fields['type']}'; write 'person' or "
                "'organization' (a news agency); it was read as a person",
                *places.of(key, "type"),
            )
        )
    author = Author(
        id=author_id,
        name=fields["name"],
        bio=fields.get("bio", ""),
        avatar=fields.get("avatar", ""),
        website=fields.get("url", ""),
        role=fields.get("role", ""),
        url=author_url(author_id),
        type="organization" if kind == "organization" else "person",
    )
    return author, problems


def _yaml_problem(message: str) -> str:
    """'is not valid YAML (...)' for a parse error, or what else load_document says of the
    file ('repeats values with YAML aliases...'), without its advice."""
    if message.startswith((" (", ": ")):
        return f"is not valid YAML{message}"
    return message.removesuffix("; write its values out")
