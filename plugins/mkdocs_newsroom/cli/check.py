"""`newsroom check`: every problem a build would warn about, found without building."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from .workspace import Workspace


ZENSICAL = "zensical.toml"  # Zensical's own configuration, beside mkdocs.yml


@dataclass
class CheckResult:
    articles: int = 0  # article files read
    problems: list[str] = field(default_factory=list)  # `path:line:col: message` each
    notes: list[str] = field(default_factory=list)  # what a build says, but not as a fault


def check_site(
    workspace: Workspace, say: Callable[[str], None] | None = None, paths: Sequence[str] = ()
) -> CheckResult:
    """The configuration, the authors file and every article (drafts and scheduled ones
    too: they go live later), read the way `mkdocs build` reads them. With `paths` (files or
    folders, from here or from the content folder), only their problems are told."""
    within = [workspace.content_path(path) for path in paths]

    def wanted(path: str) -> bool:
        return not within or any(_inside(path, folder) for folder in within)

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
    result.articles = sum(1 for path in reading.sources if wanted(path))
    for problem in reading.problems:
        if not wanted(problem.path):
            continue
        found = result.notes if problem.level == "info" else result.problems
        found.append(workspace.located(problem))
    return result


def _inside(path: str, folder: str) -> bool:
    """Whether `path` is `folder` or inside it (both from the content folder; '' is it)."""
    return not folder or path == folder or path.startswith(f"{folder}/")
