"""`newsroom check`: every problem a build would warn about, found without building, and an
article whose address the changes not yet committed would move (git); with `--fix-slugs`,
the slug each article has today written into its front matter."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..catalogue.placement import slug_gives_url
from ..catalogue.publishing import DRAFT, FIX_SLUGS_WRITES
from ..problems import NewsroomError
from ..rendering.strings import broken_translations
from .history import moved_articles, renamed_articles
from .slug_pinning import NotWritten, write_slug

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from ..catalogue.site import Reading
    from .workspace import Workspace


ZENSICAL = "zensical.toml"  # Zensical's own configuration, beside mkdocs.yml
REQUIREMENTS = "requirements.txt"  # what the publishing workflow installs (cli/init.py)
MAX_REQUIREMENTS_BYTES = 1_000_000
_COMMENT = re.compile(r"(?:^|\s)#.*")
# A line that installs from a folder, a file or an address, which may be Newsroom's
_ELSEWHERE = re.compile(r"(?:\.|/|-e\s|git\+|\w+://)")


@dataclass
class CheckResult:
    articles: int = 0  # article files read
    problems: list[str] = field(default_factory=list)  # `path:line:col: message` each, as built
    # the site's own (its configuration, requirements.txt, logo, translations): the editor's
    setup: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what a build says, but not as a fault
    fixed: list[str] = field(default_factory=list)  # `path: slug: …` written by --fix-slugs
    unfixed: list[str] = field(default_factory=list)  # `path: slug not written: why`
    unchecked: list[str] = field(default_factory=list)  # a path named that is not there
    unpinned: set[str] = field(default_factory=set)  # the articles of `unfixed`

    def counted(self, files_named: bool) -> int:
        """How many problems fail the check. With files named, a reporter checks their
        stories: the site's set-up is the editor's, told but not counted."""
        own = len(self.problems) + len(self.unchecked)
        return own + (0 if files_named else len(self.setup))

    def verdict(self, files_named: bool) -> str:
        """The closing line: what was checked, and how many problems."""
        count = self.counted(files_named) - len(self.unchecked)
        verdict = _problems(count) if count else "no problems"
        if files_named and self.setup:
            verdict += (
                f"; {_problems(len(self.setup))} of the site's set-up, above, for its editor "
                "(counted when no file is named)"
            )
        if self.unchecked:
            missing = len(self.unchecked)
            verdict += f"; {missing:,} path{'s' if missing != 1 else ''} named not checked, above"
        noun = "article" if self.articles == 1 else "articles"
        return f"checked {self.articles:,} {noun}: {verdict}"


def _problems(count: int) -> str:
    return f"{count:,} problem{'s' if count != 1 else ''}"


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
    within, unchecked = _content_paths(workspace, paths)
    if paths and not within:
        return CheckResult(unchecked=unchecked)

    def wanted(path: str) -> bool:
        return not within or any(_inside(path, folder) for folder in within)

    result = CheckResult(setup=list(workspace.config_warnings), unchecked=unchecked)
    zensical = workspace.root / ZENSICAL
    if zensical.is_file():
        result.setup.append(
            f"{workspace.shown(zensical)}:1:1: Zensical would build this site without "
            "Newsroom (it runs only the plugins it re-implemented, and newsroom is not one), "
            "so no article would be published; build with properdocs (or mkdocs) and remove "
            f"{ZENSICAL}"
        )
    result.setup += _uninstalled(workspace)
    result.setup += workspace.image_problems()
    locales = [edition.locale for edition in workspace.settings.editions]
    result.setup += map(str, broken_translations(locales))  # the package's own files
    reading = workspace.read(say)
    if fix_slugs and _pin_slugs(workspace, reading, result, wanted):
        reading = workspace.read(say)  # the files as they are now, lines and all
    result.articles = sum(1 for path in reading.sources if wanted(path))
    reader = workspace.reader(reading.authors)
    moved = moved_articles(workspace.docs_dir, reading, reader, workspace.settings)
    moved += renamed_articles(workspace.docs_dir, reading)
    for problem in [*reading.problems, *moved, *workspace.photo_problems(reading)]:
        if not wanted(problem.path):
            continue
        if problem.path in result.unpinned:  # --fix-slugs said why it did not write it
            problem = replace(problem, message=problem.message.removesuffix(FIX_SLUGS_WRITES))
        found = result.notes if problem.level == "info" else result.problems
        found.append(str(problem))  # the build's own line: the same formatter
    result.notes += _no_articles(workspace, within, reading)
    return result


def _content_paths(workspace: Workspace, paths: Sequence[str]) -> tuple[list[str], list[str]]:
    """The paths named, from the content folder, and a line for each that is not in it: one
    wrong name leaves the others checked."""
    within: list[str] = []
    unchecked: list[str] = []
    for path in paths:
        try:
            within.append(workspace.content_path(path))
        except NewsroomError as error:
            unchecked.append(str(error))
    return within, unchecked


def _no_articles(workspace: Workspace, within: Sequence[str], reading: Reading) -> list[str]:
    """A line for each path named that holds no article (a page of the site's own, a picture,
    a folder of them), which a check would otherwise call clean."""
    read = [*reading.sources, *(problem.path for problem in reading.problems)]
    articles = workspace.shown(workspace.articles_dir)
    return [
        f"{workspace.shown(workspace.docs_dir / path)}: "
        + ("no article in it" if (workspace.docs_dir / path).is_dir() else "not an article")
        + f" (an article is a .md or .txt file in {articles}/), so nothing was checked"
        for path in within
        if not any(_inside(source, path) for source in read)
    ]


def _uninstalled(workspace: Workspace) -> list[str]:
    """A requirements.txt beside mkdocs.yml that installs no Newsroom (a portal made from a
    local copy of Newsroom has its line commented out): the publishing workflow would fail."""
    path = workspace.root / REQUIREMENTS
    try:  # a regular file of a reasonable size (not a pipe, not a device)
        if not path.is_file() or path.stat().st_size > MAX_REQUIREMENTS_BYTES:
            return []
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []
    # pip's comments: a line that begins with '#', or '#' after white space ('#egg=' is not)
    wanted = [_COMMENT.sub("", line).strip() for line in lines]
    if any("newsroom" in line.lower() or _ELSEWHERE.match(line) for line in wanted):
        return []
    return [
        f"{workspace.shown(path)}:{max(1, len(lines))}:1: no line installs Newsroom, so the "
        "publishing workflow cannot build the site; write on this line where it installs "
        "from, such as mkdocs-newsroom @ git+https://github.com/OWNER/REPO@COMMIT (a commit "
        "pushed there) or mkdocs-newsroom==VERSION from your package index"
    ]


def _inside(path: str, folder: str) -> bool:
    """Whether `path` is `folder` or inside it (both from the content folder; '' is it)."""
    return not folder or path == folder or path.startswith(f"{folder}/")


def _pin_slugs(
    workspace: Workspace, reading: Reading, result: CheckResult, wanted: Callable[[str], bool]
) -> bool:
    """Write `slug:` into every article among those `wanted` the build would warn about (the
    slug its URL has today, so that nothing moves); True if any was written."""
    pinned = False
    for article in sorted(reading.catalogue.articles, key=lambda a: a.source):
        if article.slug_given or article.held_back == DRAFT or not wanted(article.source):
            continue
        path = workspace.docs_dir / article.source
        settings = workspace.settings
        if not slug_gives_url(
            settings.article_url, article, article.slug, article.url, settings.editions
        ):
            result.unfixed.append(
                f"{workspace.shown(path)}: slug not written: its URL {article.url} took a "
                "suffix its slug cannot hold; give it a slug of its own by hand"
            )
            continue
        try:
            write_slug(path, workspace.docs_dir, article.slug)
        except NotWritten as why:
            result.unfixed.append(f"{workspace.shown(path)}: slug not written: {why}")
            result.unpinned.add(article.source)
            continue
        pinned = True
        result.fixed.append(f"{workspace.shown(path)}: slug: {article.slug}")
    return pinned
