"""What a wire text says of itself before it is imported: front matter in any of the forms a
site generator reads (it is an article, not wire copy: refused), and an embargo or hold notice
(imported as a draft until the embargo lifts)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..directions import character_codes
from ..reading.fields import FIELDS
from ..reading.frontmatter import UNSEEN
from ..reading.said import named_field

_FRONT_MATTER_TO_DO = "copy it into content/articles/ as it is, or remove the front matter"
_REWRITE = (
    "rewrite them as YAML between '---' lines and copy it into content/articles/, or remove them"
)
# MkDocs' own reading of MultiMarkdown header lines (mkdocs.utils.meta.get_data)
_META_LINE = re.compile(r"[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
_META_MORE = re.compile(r"([ ]{4}|\t)\s*\S")
_FIRST_LINES = 3  # the headline and the two lines below it: where a wire notice stands
# A notice opens its line (after punctuation, and a 'DRAFT -' before it): 'EMBARGOED UNTIL
# 00:01 GMT', 'EMBARGO: ...', 'NOT FOR PUBLICATION'. EMBARGO must be followed by nothing, a
# separator (': - ( ] *'...), or until/till/before, so that "Embargo on oil lifted" is a
# headline, not a notice.
_NOTICE = re.compile(
    r"^\W*(?:draft\W+)?(?P<words>(?:embargo(?:ed)?(?=\s*$|\s*[:\-–—()\[\]*|/]|\s+(?:until|till|"
    r"before)\b))|not\s+for\s+publication\b|hold\s+for\s+release\b|do\s+not\s+publish\b)",
    re.IGNORECASE,
)


def front_matter_form(lines: list[str]) -> str:
    """What to say of a wire text (its `lines`) that opens with front matter in any form the
    site generators read: YAML's '---' (behind invisible characters too), Hugo's TOML '+++', or
    MultiMarkdown 'Key: value' lines naming a Newsroom field. '' for wire copy."""
    opening = next((line for line in lines if line.strip(UNSEEN)), "")
    if opening.strip() == "---":
        return f"it already has front matter (its first line is '---'): {_FRONT_MATTER_TO_DO}"
    if opening.strip(UNSEEN) == "---":
        hidden = character_codes(opening.replace("-", "").replace(" ", ""))
        return (
            f"it already has front matter (its first line is '---' behind characters nobody "
            f"sees: {hidden}): remove them and {_FRONT_MATTER_TO_DO}"
        )
    if opening.strip(UNSEEN) == "+++":
        return f"it already has front matter (Hugo's TOML, between '+++' lines): {_REWRITE}"
    keys = _header_keys(lines)
    fields = [named_field(key) for key in keys]
    # one line alone is a header only if it could hold the story back ('Draft: true'); not a
    # headline such as 'Breaking: Minister resigns', nor a notice ('Embargo: 09:00 Friday')
    alone = len(keys) == 1 and fields[0] and FIELDS[fields[0]].holds_back
    if any(fields) and (len(keys) > 1 or (alone and not _NOTICE.match(opening))):
        named = ", ".join(dict.fromkeys(keys))
        return (
            f"it already has front matter (MultiMarkdown 'Key: value' lines at its top: "
            f"{named}): {_REWRITE}"
        )
    return ""


def _header_keys(lines: list[str]) -> list[str]:
    """The keys of the MultiMarkdown header lines the text opens with (blank lines aside), as
    MkDocs reads them: every line up to the next blank one a 'Key: value' line or its
    indented continuation."""
    keys: list[str] = []
    start = next((n for n, line in enumerate(lines) if line.strip()), len(lines))
    for line in lines[start:]:
        if not line.strip():
            break
        if match := _META_LINE.match(line):
            keys.append(match["key"])
        elif not (keys and _META_MORE.match(line)):
            return []
    return keys


@dataclass(frozen=True)
class Notice:
    """An embargo or hold notice: its words, as written, and its line (1-based)."""

    words: str
    line: int

    def message(self) -> str:
        return (
            f"it says '{' '.join(self.words.split())}', a notice that it is not to be "
            "published yet: it is imported as a draft; remove 'draft: true' when the embargo "
            "lifts"
        )


def embargo_notice(lines: list[str]) -> Notice | None:
    """The first embargo or hold notice of a wire text: one that opens its headline or one of
    its first lines, or a paragraph of one line anywhere. None for a story free to publish
    (one about an embargo among them)."""
    filled = [n for n, line in enumerate(lines) if line.strip()]
    alone = [
        n
        for n in filled[_FIRST_LINES:]
        if not lines[n - 1].strip() and (n + 1 == len(lines) or not lines[n + 1].strip())
    ]
    for n in filled[:_FIRST_LINES] + alone:
        if match := _NOTICE.match(lines[n]):
            return Notice(match["words"], n + 1)
    return None
