"""`newsroom check`: every problem a build would warn about, found without building."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from .workspace import Workspace


ZENSICAL = "zensical.toml"  # Zensical's own configuration, beside mkdocs.yml


@dataclass
class CheckResult:
    articles: int = 0  # article files read
    problems: list[str] = field(default_factory=list)  # `path:line:col: message` each
    notes: list[str] = field(default_factory=list)  # what a build says, but not as a fault


def check_site(workspace: Workspace, say: Callable[[str], None] | None = None) -> CheckResult:
    """The configuration, the authors file and every article (drafts and scheduled ones
    too: they go live later), read the way `mkdocs build` reads them."""
    result = CheckResult(problems=list(workspace.config_warnings))
    zensical = workspace.root / ZENSICAL
    if zensical.is_file():
        result.problems.append(
            f"{workspace.shown(zensical)}:1:1: Zensical would build this site without "
            "Newsroom (it runs only the plugins it re-implemented, and newsroom is not one), "
            "so no article would be published; build with properdocs (or mkdocs) and remove "
            f"{ZENSICAL}"
        )
    reading = workspace.read(say)
    result.articles = len(reading.catalogue.articles) + reading.failed
    for problem in reading.problems:
        found = result.notes if problem.level == "info" else result.problems
        found.append(workspace.located(problem))
    return result
