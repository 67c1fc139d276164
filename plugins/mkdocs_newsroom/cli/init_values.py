"""What `newsroom init` is told, checked as the build will read it: a name the build refuses
or warns about (blank, a control character, a direction control left open, too long for the
sample story's headline) would make a portal that fails `mkdocs build --strict` out of the box,
so `init` refuses it in one line instead."""

from __future__ import annotations

from ..directions import first_invalid, unbalanced_controls, visible
from ..problems import NewsroomError
from ..reading.texts import trimmed

# Characters of a site's name at most: it leads every page's title and the sample story's
# headline ("Welcome to …", within the 110 a headline may have), and the desk's id is made of
# it (within the 80 of a slug)
MAX_SITE_NAME = 60


def checked_name(text: str, option: str, longest: int = MAX_SITE_NAME) -> str:
    """`text` (the value of `option`: the site's name, the author's) without spaces and
    invisible characters at its ends; NewsroomError for one the build would not take."""
    value = trimmed(text.strip())
    if not any(visible(character) for character in value):
        raise NewsroomError(f"{option} is blank (it shows nothing a reader can read): give a name")
    if "\n" in value or "\r" in value:
        raise NewsroomError(f"{option} holds a line break: give the name on one line")
    if (invalid := first_invalid(value)) is not None:
        code = f"U+{ord(invalid.group()):04X}"
        raise NewsroomError(
            f"{option} holds the control character {code}, which no page may show: give the "
            "name without it"
        )
    if unbalanced_controls(value):
        raise NewsroomError(
            f"{option} holds a direction control it leaves open (U+202A-U+202E, "
            "U+2066-U+2068), which would reorder all that a page shows after it: close it, or "
            "give the name without it"
        )
    if len(value) > longest:
        raise NewsroomError(
            f"{option} is {len(value)} characters long, more than the {longest} it may have "
            "(it leads pages' titles, and the sample story's headline): give a shorter one"
        )
    return value


# What Markdown reads as markup inside a line of text (a name never opens a line there: '-',
# '+' and '.' are plain), written as a reference to the character it stands for
_MARKDOWN_MARKUP = {ord(c): f"&#{ord(c)};" for c in "\\`*_{}[]<>#&|~"}


def markdown_text(text: str) -> str:
    """`text` as Markdown shows it as it is (the site's name in about.md and the README):
    each character Markdown could read as markup written as a character reference, which
    Python-Markdown and CommonMark alike show as the character."""
    return text.translate(_MARKDOWN_MARKUP)
