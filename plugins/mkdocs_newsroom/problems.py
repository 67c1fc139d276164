"""What can go wrong with a reporter's file, said so that the reporter can fix it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one source file, located as precisely as we know.

    `path` is relative to `docs_dir`; `line` and `column` are 1-based.
    """

    path: str
    message: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


class NewsroomError(Exception):
    """The only exception type Newsroom's own code raises on bad input: the plugin hands it
    to MkDocs as a PluginError, the `newsroom` command prints it."""


class SourceError(NewsroomError):
    """A problem with one file that stops it from being used at all."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


class ArticleError(SourceError):
    """A problem that stops one article from being published."""
