"""`newsroom check`: every problem a build would warn about, found without building, and an
article whose address the changes not yet committed would move (git); with `--fix-slugs`,
the slug each article has today written into its front matter."""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..catalogue.publishing import DRAFT
from ..reading.frontmatter import slug_line
from ..rendering.strings import broken_translations
from .history import moved_articles

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from pathlib import Path

    from ..catalogue.site import Reading
    from .workspace import Workspace


ZENSICAL = "zensical.toml"  # Zensical's own configuration, beside mkdocs.yml


@dataclass
class CheckResult:
    articles: int = 0  # article files read
    problems: list[str] = field(default_factory=list)  # `path:line:col: message` each
    notes: list[str] = field(default_factory=list)  # what a build says, but not as a fault
    fixed: list[str] = field(default_factory=list)  # `path: slug: …` written by --fix-slugs


def check_site(
    workspace: Workspace,
    say: Callable[[str], None] | None = None,
    paths: Sequence[str] = (),
    *,
    fix_slugs: bool = False,
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
    result.problems += workspace.image_problems()
    locales = [edition.locale for edition in workspace.settings.editions]
    result.problems += map(str, broken_translations(locales))  # the package's own files
    reading = workspace.read(say)
    if fix_slugs and _pin_slugs(workspace, reading, result.fixed):
        reading = workspace.read(say)  # the files as they are now, lines and all
    result.articles = sum(1 for path in reading.sources if wanted(path))
    reader = workspace.reader(reading.authors)
    moved = moved_articles(workspace.docs_dir, reading, reader, workspace.settings)
    for problem in [*reading.problems, *moved]:
        if not wanted(problem.path):
            continue
        found = result.notes if problem.level == "info" else result.problems
        found.append(workspace.located(problem))
    return result


def _inside(path: str, folder: str) -> bool:
    """Whether `path` is `folder` or inside it (both from the content folder; '' is it)."""
    return not folder or path == folder or path.startswith(f"{folder}/")


def _pin_slugs(workspace: Workspace, reading: Reading, fixed: list[str]) -> bool:
    """Write `slug:` into every article the build would warn about (the slug its URL has
    today, so that nothing moves); True if any was written."""
    pinned = False
    for article in sorted(reading.catalogue.articles, key=lambda a: a.source):
        if article.slug_given or article.held_back == DRAFT:
            continue
        path = workspace.docs_dir / article.source
        if _write_slug(path, article.slug):
            pinned = True
            fixed.append(f"{workspace.shown(path)}: slug: {article.slug}")
    return pinned


def _write_slug(path: Path, slug: str) -> bool:
    """Add `slug: …` as the front matter's last line, leaving every other byte as it was;
    False for a file that is not UTF-8 (a build reads it, but this command would not write
    it back the same)."""
    data = path.read_bytes()
    bom = codecs.BOM_UTF8 if data.startswith(codecs.BOM_UTF8) else b""
    try:
        text = data[len(bom) :].decode("utf-8")
    except UnicodeDecodeError:
        return False
    lines = text.split("\n")
    closing = next((n for n in range(1, len(lines)) if lines[n].rstrip() in ("---", "...")), None)
    if closing is None or lines[0].rstrip() != "---":
        return False
    ending = "\r" if lines[closing].endswith("\r") else ""
    lines.insert(closing, slug_line(slug) + ending)
    path.write_bytes(bom + "\n".join(lines).encode("utf-8"))
    return True
