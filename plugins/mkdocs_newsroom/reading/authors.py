"""The authors registry: `authors.yml`, id -> name, bio, avatar, url, role."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from ..model import Author
from ..problems import ArticleError, FieldError, Problem
from ..urls import author_url
from .decoding import INVALID_CHARACTERS, decode_source, invalid_character
from .frontmatter import Repeat, load_document
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


def load_authors(path: str, data: bytes) -> tuple[Authors | None, list[Problem]]:
    """Read the authors file; None for a file that cannot be used at all (the articles are
    then published without their authors: one bad file does not stop the presses)."""
    decoded = decode_source(path, data)
    problems = list(decoded.notices)
    unusable = "; fix it. Until then the articles are published without their authors"
    repeats: list[Repeat] = []
    key_lines: dict[object, int] = {}
    try:
        document = load_document(path, decoded.text, repeats=repeats, key_lines=key_lines)
    except ArticleError as error:
        problem = error.problem
        message = problem.message.removeprefix("it is not valid YAML").removeprefix("the file ")
        problems.append(
            replace(problem, message=f"the authors file {_yaml_problem(message)}{unusable}")
        )
        return None, problems
    if document is None:
        return Authors(), problems
    if not isinstance(document, Mapping):
        problems.append(
            Problem(
                path,
                "the authors file must map each author id to their details, for example "
                f"'jdoe: {{name: Jane Doe}}'{unusable}",
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
        for repeat in repeats
    ]
    authors = Authors()
    by_page: dict[str, str] = {}  # an author page's URL -> the id that has it
    for key, entry in document.items():
        author_id = INVALID_CHARACTERS.sub("", str(key)).strip()
        refusal = _refusal(key, author_id, entry)
        if refusal:
            problems.append(Problem(path, f"{refusal}; it was left out", key_lines.get(key)))
            continue
        author, entry_problems = _read_author(path, author_id, entry)
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
    return ""


def _read_author(path: str, author_id: str, entry: object) -> tuple[Author, list[Problem]]:
    problems: list[Problem] = []
    if not isinstance(entry, Mapping):
        entry = {}
    fields = {
        key: str(entry[key]).strip()
        for key in _FIELDS
        if isinstance(entry.get(key), str | int | float)
    }
    problems += [
        Problem(
            path,
            f"author '{author_id}': '{key}' must be a single line of text, not a list or "
            "mapping; it was ignored",
        )
        for key in _FIELDS
        if isinstance(entry.get(key), Mapping | list)
    ]
    for key, text in fields.items():
        if found := invalid_character(text):
            fields[key] = INVALID_CHARACTERS.sub("", text)
            problems.append(
                Problem(
                    path,
                    f"author '{author_id}': '{key}' held the character {found}, which cannot "
                    "appear in web pages or feeds; it was removed (and any others like it)",
                )
            )
    for key in entry:
        if key not in _FIELDS:
            problems.append(
                Problem(path, f"author '{author_id}': unknown field '{key}' was ignored")
            )
    if not fields.get("name"):
        problems.append(
            Problem(
                path,
                f"author '{author_id}' has no 'name'; add one (the id is shown until then)",
            )
        )
        fields["name"] = author_id
    for key in ("avatar", "url"):
        if fields.get(key):
            try:
                fields[key] = check_link(fields[key], f"author '{author_id}': '{key}'")
            except FieldError as error:
                problems.append(Problem(path, f"{error}; it was ignored"))
                del fields[key]
    kind = _TYPES.get(fields.get("type", "person").lower())
    if kind is None:
        problems.append(
            Problem(
                path,
                f"author '{author_id}': 'type' is '{fields['type']}'; write 'person' or "
                "'organization' (a news agency); it was read as a person",
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
    if message.startswith(" ("):
        return f"is not valid YAML{message}"
    return message.removesuffix("; write its values out")
