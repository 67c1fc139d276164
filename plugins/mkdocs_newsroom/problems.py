"""What can go wrong with a reporter's file, said so that the reporter can fix it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import PurePath

# Line breaks and other controls a message quotes from a file (or a file's name) are shown as
# escapes: a problem is always one line, and what a terminal would act on (ANSI escapes, the
# bidi controls that reorder what follows them) shows as the text it is.
_BIDI_CONTROLS = (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
_ESCAPED = {
    code: ascii(chr(code))[1:-1]
    for code in (*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x2029, *_BIDI_CONTROLS)
}
# Lone surrogates: those Python makes of the bytes of a file name that are not UTF-8 are
# shown as those bytes (`\xff`), any other as its code (`\ud800`); none can be printed.
_ESCAPED |= {code: ascii(chr(code))[1:-1] for code in range(0xD800, 0xE000)}
_ESCAPED |= {code: f"\\x{code - 0xDC00:02x}" for code in range(0xDC80, 0xDD00)}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one source file, located as precisely as we know.

    `path` is relative to `docs_dir`; `line` and `column` are 1-based.
    """

    path: str
    message: str
    line: int | None = None
    column: int | None = None
    level: Literal["warning", "info"] = "warning"  # info: said, but not a fault

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return one_line(f"{where}: {self.message}")


def first_and_more(names: Sequence[str], shown: int = 3) -> str:
    """The first `shown` of `names`, and how many more, for a line that names what it is
    about: "a, b, c and 12 more"."""
    more = len(names) - shown
    return ", ".join(names[:shown]) + (f" and {more:,} more" if more > 0 else "")


def one_line(text: str) -> str:
    """`text` as one line a terminal shows as it is: line breaks, controls and bidi controls
    as escapes (`\\n`, `\\x1b`, `\\u202e`), the bytes of a file name that are not UTF-8 too
    (`\\xff`). Everything Newsroom prints that quotes a file, a file's name or an export
    goes through it."""
    return text.translate(_ESCAPED)


# What to do about a file of an earlier build the site folder keeps against this build's will
LEFT_THERE = (
    "it may show a story held back since: delete it by hand (or make it writable) and build "
    "again, before the site is published"
)


def unwritable(path: str | PurePath, error: OSError) -> Problem:
    """The line for a file of the site folder the build could not write."""
    fix = (
        "a folder stands in its place: move the folder away"
        if isinstance(error, IsADirectoryError)
        else "make it, or its folder, writable"
    )
    return Problem(
        str(path),
        f"could not be written into the site folder ({error.strerror or error}): {fix} and "
        "build again; until then the site has an earlier build's file there, or none",
    )


def unremovable(path: str | PurePath, error: OSError) -> Problem:
    """The line for a file an earlier build wrote that this one could not remove."""
    return Problem(
        str(path),
        "an earlier build wrote this file and this one does not publish it, but it could not "
        f"be removed ({error.strerror or error}); {LEFT_THERE}",
    )


def linked_out(path: str | PurePath) -> Problem:
    """The line for a place of the site folder a link leads out of it, where the build
    neither writes nor removes anything (another folder's files are not the build's)."""
    return Problem(
        str(path),
        "a link in the site folder leads this out of it, so the build neither wrote nor "
        "removed anything there: remove the link from the site folder and build again",
    )


class FieldError(ValueError):
    """A front-matter value that cannot be used, with what to write instead; `line` and
    `column` (in the file) where the part of the value at fault stands, if not at the
    field's own line."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


class PartlyUsed(FieldError):
    """A front-matter value of which a part cannot be used: `value` is the rest, and each of
    `messages` (one at least) says in a line of its own what was left out and why (the
    article is published with the rest); one given as a `FieldError` carries its place."""

    def __init__(self, value: object, message: str | FieldError, *more: str | FieldError) -> None:
        super().__init__(str(message))
        self.value = value
        self.messages = (message, *more)


class NewsroomError(Exception):
    """The only exception type Newsroom's own code raises on bad input: the plugin hands it
    to MkDocs as a PluginError, the `newsroom` command prints it."""


class ArticleError(NewsroomError):
    """A problem that stops one article from being published."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem
