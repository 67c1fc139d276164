"""`newsroom check`: every problem a build would warn about, found without building."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from .workspace import Workspace


@dataclass
class CheckResult:
    articles: int = 0  # article files read
    problems: list[str] = field(default_factory=list)  # `path:line:col: message` each
    notes: list[str] = field(default_factory=list)  # what a build says, but not as a fault


def check_site(workspace: Workspace, say: Callable[[str], None] | None = None) -> CheckResult:
    """The configuration, the authors file and every article (drafts and scheduled ones
    too: they go live later), read the way `mkdocs build` reads them."""
    result = CheckResult(problems=list(workspace.config_warnings))
    reading = workspace.read(say)
    result.articles = len(reading.catalogue.articles) + reading.failed
    for problem in reading.problems:
        found = result.notes if problem.level == "info" else result.problems
        found.append(workspace.located(problem))
    return result
