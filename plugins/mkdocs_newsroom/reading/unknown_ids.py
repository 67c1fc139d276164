"""What to say of a section or an author an article (or `newsroom new`) names and the site
does not declare: the ids it has, the one most likely meant, and what to add."""

from __future__ import annotations

import difflib
import json
import unicodedata
from typing import TYPE_CHECKING

from ..problems import first_and_more
from ..slugs import slugify

if TYPE_CHECKING:
    from collections.abc import Mapping

_MAX_LISTED_CHOICES = 12


def _one_of(ids: Mapping[str, object]) -> str:
    return f"one of: {first_and_more(sorted(ids), _MAX_LISTED_CHOICES)}"


def _meant(written: str, known: Mapping[str, object], label: str) -> str:
    """The id of `known` that `written` most likely means ('' if none): one whose id or
    shown name (its `label`: a section's title, an author's name) it is in another case, or
    the id closest to it."""
    folded = unicodedata.normalize("NFKC", written).strip().casefold()
    for key, value in known.items():
        if folded in (key.casefold(), str(getattr(value, label, "")).casefold()):
            return key
    by_folded = {key.casefold(): key for key in known}
    close = difflib.get_close_matches(folded, list(by_folded), n=1)
    return by_folded[close[0]] if close else ""


def unknown_section(section_id: str, sections: Mapping[str, object]) -> str:
    """What to say of a section id that mkdocs.yml does not declare."""
    where = "under the newsroom plugin's 'sections' in mkdocs.yml"
    if not sections:
        return f"unknown section '{section_id}': no section is declared yet; declare it {where}"
    meant = _meant(section_id, sections, "title")
    hint = f"did you mean '{meant}'? Use " if meant else "use "
    return f"unknown section '{section_id}': {hint}{_one_of(sections)}, or declare it {where}"


def unknown_author(author_id: str, authors: Mapping[str, object], authors_file: str) -> str:
    """What to say of an author id that the authors file does not hold; one written as a
    name ('Mariam Rahimi') is to be added under an id, with that name."""
    entry = f"'{author_id}'"
    if author_id != author_id.lower() or any(character.isspace() for character in author_id):
        named = json.dumps(author_id, ensure_ascii=False)  # a YAML string, whatever it holds
        entry = f"'{slugify(author_id, fallback_prefix='author')}: {{name: {named}}}'"
    if not authors:
        return f"unknown author '{author_id}': add {entry} to {authors_file}, which has none"
    meant = _meant(author_id, authors, "name")
    if meant and meant == slugify(author_id, fallback_prefix="author"):  # the name of an id
        return f"unknown author '{author_id}': did you mean '{meant}'? Use the id"
    hint = f"did you mean '{meant}'? Use {_one_of(authors)}, or add" if meant else "add"
    use = "" if meant else f", or use {_one_of(authors)}"
    return f"unknown author '{author_id}': {hint} {entry} to {authors_file}{use}"
