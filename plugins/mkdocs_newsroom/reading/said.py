"""What reading an article says about it, in the words a reporter can act on: raw HTML and
media the sanitizer removed, unknown fields, sizes."""

from __future__ import annotations

import difflib
import itertools
import unicodedata
from typing import TYPE_CHECKING

from ..directions import left_open
from ..problems import FieldError, Problem, first_and_more
from .commonmark_losses import CELLS, FOOTNOTE
from .fields import FIELDS, OTHER_NAMES
from .files import too_large_words
from .sanitizing import FRAME_OF, SHOWN_AS_TEXT, is_media_item
from .texts import MAX_LINES_EACH, shortened

if TYPE_CHECKING:
    from collections.abc import Mapping

    from .bodies import Body
    from .frontmatter import Field
    from .plaintext import Cut


def field_problem(source: str, field: Field, said: str | FieldError, after: str = "") -> Problem:
    """What a field's reader said, at the place in the file it names, else at the field."""
    if isinstance(said, FieldError) and said.line is not None:
        return Problem(source, f"{said}{after}", said.line, said.column)
    return Problem(source, f"{said}{after}", field.line)


def removed_html(source: str, removed: tuple[str, ...]) -> list[Problem]:
    """What the sanitizer took out of a body, said: tags shown as text, media of other hosts,
    then the rest."""
    shown = [item.removesuffix(SHOWN_AS_TEXT) for item in removed if item.endswith(SHOWN_AS_TEXT)]
    frames = [item.removeprefix(FRAME_OF) for item in removed if item.startswith(FRAME_OF)]
    removed = tuple(
        item
        for item in removed
        if not item.endswith(SHOWN_AS_TEXT) and not item.startswith(FRAME_OF)
    )
    media = [item for item in removed if is_media_item(item)]
    others = [item for item in removed if not is_media_item(item)]
    problems = []
    if shown:
        problems.append(
            Problem(
                source,
                f"{', '.join(shown)} in the story is never closed, or closed only after the "
                "block it opens in (a paragraph, a heading, a list item, a table cell), and "
                "would have taken the text after it: it is shown as text. Write a tag's name "
                "in backticks (`<template>`) to show it as code",
            )
        )
    if frames:
        named = first_and_more([shortened(address, 60) for address in frames])
        problems.append(
            Problem(
                source,
                f"a frame (<iframe>) that is not an https address of a site embed_hosts names "
                f"was removed from the story: {named}; to show it, write the player's "
                "embed code as it gives it, and have its host (such as www.youtube.com) put in "
                "embed_hosts in mkdocs.yml; or link to it",
            )
        )
    if media:
        problems.append(
            Problem(
                source,
                "media the site must not load (another host's, as a browser reads the address, "
                f"or not a web address) was removed from the story: {', '.join(media)}; give "
                "a path inside the site or an http(s) URL",
            )
        )
    if others:
        problems.append(
            Problem(
                source,
                "raw HTML that could run a script or load another site was removed from the "
                f"story: {', '.join(others)}. Write the story in Markdown, or turn off "
                "sanitize_markdown_html in mkdocs.yml if the site must publish such HTML",
            )
        )
    return problems


def body_problems(
    source: str, body_line: int, body: Body, values: Mapping[str, object]
) -> tuple[Problem, ...]:
    """What rendering a body found to say: HTML removed, snippet includes, a text all
    boilerplate, a bidi control a paragraph left open, a character reference to a character
    no page may hold."""
    problems = (
        *removed_html(source, body.removed),
        *snippet_includes(source, body_line, body.snippets),
    )
    problems += all_boilerplate(source, body_line, body, values)
    if body.cut is not None:
        problems += (cut_by_boilerplate(source, body.cut, body_line),)
    line, code = body.opened
    if code:
        problems += (Problem(source, left_open("its text", code), body_line + line - 1),)
    line, column, reference = body.unpublishable
    if reference:
        message = (
            f"the character reference {reference} stands for a character that cannot appear "
            "in web pages or feeds (a control character or a non-character), so it was "
            "removed, and any others like it; delete it"
        )
        problems += (Problem(source, message, body_line + line - 1, column),)
    line, what = body.left_out
    if what:
        problems += (Problem(source, LEFT_OUT[what], body_line + line - 1),)
    return problems


# What CommonMark leaves out of a page, said (reading/commonmark_losses.py)
LEFT_OUT = {
    FOOTNOTE: "nothing in the text refers to this footnote (or one of the same label comes "
    "first), so CommonMark leaves it out of the page; refer to it where it belongs ([^label] "
    "after the words), or delete it",
    CELLS: "this row of the table has more cells than its header, so CommonMark leaves out "
    "those past the last column (a | splits a cell even inside `code`): write a | that "
    "belongs to a cell as \\|, or give the header more columns",
}


def all_boilerplate(
    source: str, body_line: int, body: Body, values: Mapping[str, object]
) -> tuple[Problem, ...]:
    """A plain text with words whose every line a 'boilerplate' pattern removed: published as
    an article with no text is (reported, not held back, not said of a draft), so that the
    rule is one."""
    if not body.emptied or values.get("draft"):
        return ()
    message = (
        "every line of its text matches a 'boilerplate' pattern of mkdocs.yml, so the article "
        "has no text left; it was published without text: narrow the pattern, or set "
        "'draft: true' until the story is written"
    )
    return (Problem(source, message, body_line),)


def cut_by_boilerplate(source: str, cut: Cut, first_line: int = 1) -> Problem:
    """A line a 'boilerplate' pattern removed from between two lines of text that stay
    (`first_line`: the file's line where the text `cut` counts from starts): said, not a
    fault, since a site may mean it (a scraper's "Advertisement" in the middle of a
    paragraph)."""
    whole_lines = cut.pattern.startswith("^") and cut.pattern.endswith("$")
    advice = (
        "narrow the pattern"
        if whole_lines
        else "anchor the pattern to whole lines ('^...$') so that it matches the footer alone"
    )
    return Problem(
        source,
        f"'boilerplate' pattern '{shortened(cut.pattern)}' of mkdocs.yml removed a line from "
        f"between two lines of the text ('{shortened(cut.text)}'); if that is the story's "
        f"own text, {advice}",
        first_line + cut.line - 1,
        level="info",
    )


def snippet_includes(
    source: str, body_line: int, snippets: tuple[tuple[int, int], ...]
) -> list[Problem]:
    """Each include line of pymdownx.snippets made text, said where it is in the file."""
    return [
        Problem(
            source,
            "a snippet include ('--8<--') would put another file of the machine into the page "
            "(pymdownx.snippets); it was shown as text instead: copy what it should show into "
            "the story",
            body_line + line - 1,
            column,
        )
        for line, column in snippets
    ]


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def unknown_fields(source: str, unknown: list[Field]) -> list[Problem]:
    if len(unknown) <= MAX_LINES_EACH:
        return [Problem(source, _unknown_field_message(f.name), f.line) for f in unknown]
    named = first_and_more([f"'{field.name}'" for field in unknown])
    return [
        Problem(
            source,
            f"{len(unknown):,} unknown fields were ignored ({named}); known fields are: "
            f"{', '.join(FIELDS)}",
            unknown[0].line,
        )
    ]


def _unknown_field_message(name: str) -> str:
    close = meant(name)
    hint = f"did you mean '{close}'?" if close else "known fields are: " + ", ".join(FIELDS)
    return f"unknown field '{name}' was ignored; {hint}"


def named_field(name: str) -> str:
    """The field `name` names exactly, in any case, by Newsroom's name or another generator's
    ('' if none): how the build reads a second block of fields and the importers a header."""
    folded = unicodedata.normalize("NFKC", name).casefold()  # `ｄｒａｆｔ` is `draft`
    return folded if folded in FIELDS else OTHER_NAMES.get(folded, "")


def meant(name: str) -> str:
    """The known field an unknown field name is closest to, in any case ('' if none)."""
    folded = unicodedata.normalize("NFKC", name).casefold()
    if folded in OTHER_NAMES:
        return OTHER_NAMES[folded]
    close = difflib.get_close_matches(folded, list(FIELDS), n=1)
    return close[0] if close else ""


def holds_back(name: str) -> bool:
    """Whether field `name`, or the known field it looks like, can keep an article off the
    site (a draft, a date to come, an expiry)."""
    rule = FIELDS.get(name) or FIELDS.get(meant(name))
    return rule is not None and rule.holds_back


def doubtful_hold_back(
    source: str,
    unknown: list[Field],
    repeated: Mapping[str, tuple[Field, ...]],
    fields: Mapping[str, Field],
) -> Problem | None:
    """The one line that holds an article back when a field that could hold it back is in
    doubt: misspelt (`Draft`, `expire`), or given twice with different values. None if no
    such field is in doubt. When in doubt, do not publish."""
    for field in unknown:
        if holds_back(field.name):
            known = meant(field.name)
            return Problem(
                source,
                f"unknown field '{field.name}' looks like '{known}', which can hold the "
                f"article back; write it '{known}', or remove the line; the article was "
                "skipped",
                field.line,
            )
    for name, earlier in repeated.items():
        last = fields[name]
        if holds_back(name) and any(key.value != last.value for key in earlier):
            return Problem(
                source,
                f"field '{name}' is given twice with different values (first on line "
                f"{earlier[0].line}), and it can hold the article back; keep one of the lines; "
                "the article was skipped",
                last.line,
            )
    return None


def error_summary(error: BaseException) -> str:
    return f"{type(error).__name__}: {' '.join(str(error).split())}"[:300]


def unexpected_failure(source: str, error: Exception) -> Problem:
    return Problem(
        source,
        f"the article could not be read ({error_summary(error)}); it was skipped. This is a "
        "fault in Newsroom: please report it with the file",
    )


def too_large_file(source: str, size: int, max_bytes: int) -> Problem:
    return Problem(
        source,
        f"{too_large_words(size, max_bytes)}; split the article, or raise max_article_size in "
        "mkdocs.yml; the article was skipped",
    )


def given_twice(path: str, earlier: tuple[Field, ...], last: Field) -> list[Problem]:
    """What to say of a field given more than once, whose last value is used: a line at each
    repeat."""
    keys = (*earlier, last)
    return [
        Problem(
            path,
            f"field '{later.name}' is given twice (first on line {before.line}); the last one "
            "is used",
            later.line,
        )
        for before, later in itertools.pairwise(keys)
    ]


def not_a_text(source: str, what: str) -> Problem:
    """An article file that is no text (`what`: 'a PDF'): one line, the article skipped."""
    return Problem(
        source,
        f"it is not a text but {what}; save the story as text (UTF-8) under this name, or "
        "move the file out of the articles folder; the article was skipped",
    )
