"""`newsroom check`: every problem a build would warn about, found without building."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..problems import SourceError

if TYPE_CHECKING:
    from collections.abc import Callable

    from .workspace import Workspace


@dataclass
class CheckResult:
    articles: int = 0  # article files read
    problems: list[str] = field(default_factory=list)  # `path:line:col: message` each


def check_site(workspace: Workspace, say: Callable[[str], None] | None = None) -> CheckResult:
    """The configuration, the authors file and every article (drafts and scheduled ones
    too: they go live later), read the way `mkdocs build` reads them."""
    result = CheckResult(problems=list(workspace.config_warnings))
    try:
        reading = workspace.read(say)
    except SourceError as error:  # the authors file cannot be read: a build stops here
        result.problems.append(workspace.located(error.problem))
        return result
    result.articles = len(reading.catalogue.articles) + reading.failed
    result.problems.extend(workspace.located(problem) for problem in reading.problems)
    return result
