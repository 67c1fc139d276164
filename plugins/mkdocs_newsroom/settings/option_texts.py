"""Bidi controls a value of mkdocs.yml leaves open (a section's title, an edition's, the
publisher's or the site's name), and characters no page or feed may hold (a YAML escape such
as "\\a" makes them): removed where Newsroom uses the value, as they are from an article's
fields (mkdocs_newsroom.directions), with one line for each option."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..directions import balanced, held_character, invalid_removed, left_open


@dataclass
class OptionTexts:
    """Texts of mkdocs.yml, cleaned; `notices`, one line for each option that was."""

    notices: list[str] = field(default_factory=list)

    def text(self, value: str, option: str, *inside: str) -> str:
        """`value`, of `option` (inside it at the keys `inside`), without open controls and
        characters no page may hold."""
        cleaned, code = balanced(value)
        where = f" ({' '.join(repr(key) for key in inside)})" if inside else ""
        if code:
            self.notices.append(left_open(f"option '{option}'{where} of mkdocs.yml", code))
        cleaned, found = invalid_removed(cleaned)
        if found:
            self.notices.append(held_character(f"option '{option}'{where} of mkdocs.yml", found))
        return cleaned

    def texts(self, values: dict[str, str], option: str, *inside: str) -> dict[str, str]:
        """`values` (by language), each `text`."""
        return {key: self.text(value, option, *inside, key) for key, value in values.items()}
