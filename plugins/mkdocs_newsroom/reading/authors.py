"""The authors registry: `authors.yml`, id -> name, bio, avatar, url, role."""

from __future__ import annotations

from collections.abc import Mapping

import yaml

from ..model import Author
from ..problems import Problem, SourceError
from ..urls import author_url
from .decoding import decode_source
from .fields import FieldError, check_link

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FIELDS = ("name", "bio", "avatar", "url", "role")


def load_authors(path: str, data: bytes) -> tuple[dict[str, Author], list[Problem]]:
    """Read the authors file. A file that is not a YAML mapping stops the build."""
    decoded = decode_source(path, data)
    problems = list(decoded.notices)
    try:
        document = yaml.load(decoded.text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        raise SourceError(
            Problem(
                path,
                f"the authors file is not valid YAML ({error.problem}); fix it",
                mark.line + 1 if mark else None,
                mark.column + 1 if mark else None,
            )
        ) from None
    except yaml.YAMLError as error:
        raise SourceError(Problem(path, f"the authors file is not valid YAML ({error})")) from None
    if document is None:
        return {}, problems
    if not isinstance(document, Mapping):
        raise SourceError(
            Problem(
                path,
                "the authors file must map each author id to their details, "
                "for example 'jdoe: {name: Jane Doe}'",
            )
        )
    authors: dict[str, Author] = {}
    for key, entry in document.items():
        author_id = str(key)
        author, entry_problems = _read_author(path, author_id, entry)
        problems.extend(entry_problems)
        authors[author_id] = author
    return authors, problems


def _read_author(path: str, author_id: str, entry: object) -> tuple[Author, list[Problem]]:
    problems: list[Problem] = []
    if isinstance(entry, str):
        entry = {"name": entry}
    if not isinstance(entry, Mapping):
        entry = {}
    fields = {
        key: str(entry[key]).strip()
        for key in _FIELDS
        if isinstance(entry.get(key), str | int | float)
    }
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
                check_link(fields[key], f"author '{author_id}': '{key}'")
            except FieldError as error:
                problems.append(Problem(path, f"{error}; it was ignored"))
                del fields[key]
    author = Author(
        id=author_id,
        name=fields["name"],
        bio=fields.get("bio", ""),
        avatar=fields.get("avatar", ""),
        website=fields.get("url", ""),
        role=fields.get("role", ""),
        url=author_url(author_id),
    )
    return author, problems
