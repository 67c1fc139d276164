"""What `newsroom check` sees in git: an article whose address would move with the changes not
yet committed (a new slug, date or section), without an alias for the address it has now; an
article file renamed (staged, as `git mv` does) whose feed id follows its path."""

from __future__ import annotations

import subprocess
from typing import TYPE_CHECKING

from ..catalogue.placement import article_url, choose_edition
from ..problems import Problem
from ..reading.reach import first_path

if TYPE_CHECKING:
    from pathlib import Path

    from ..catalogue.site import Reading
    from ..model import Article
    from ..reading.articles import ArticleReader
    from ..settings.checked import Settings


def _git(folder: Path, *args: str) -> bytes | None:
    """The output of a git command run in `folder`; None where git or a repository is not."""
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), *args], capture_output=True, check=False, timeout=60
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None


def moved_articles(
    docs_dir: Path, reading: Reading, reader: ArticleReader, settings: Settings
) -> list[Problem]:
    """Each published article whose address at the last commit is not its address now, nor
    one of its aliases: the old address would answer 404, so an alias is offered."""
    changed = _git(docs_dir, "diff", "--name-only", "--relative", "HEAD", "--", ".")
    if not changed:
        return []
    paths = set(changed.decode("utf-8", "replace").splitlines())
    problems = []
    for article in reading.catalogue.articles:
        if article.held_back or article.source not in paths:
            continue
        committed = _git(docs_dir, "show", f"HEAD:./{article.source}")
        before = reader.read(article.source, committed).article if committed else None
        if before is None or before.draft:
            continue
        old = _address(before, settings)
        if old != article.url and old not in article.aliases:
            problems.append(
                Problem(
                    article.source,
                    f"its address moves from /{old} (at the last commit) to /{article.url}; "
                    f"add 'aliases: [/{old}]' so that links to the old one keep working",
                )
            )
    return problems


def _address(article: Article, settings: Settings) -> str:
    """Where the article was, as its front matter placed it (a suffix a collision gave it
    aside)."""
    edition = choose_edition(article.lang, settings.editions) or settings.editions[0]
    section = edition.sections.get(article.section.id) if article.section else None
    return edition.path + article_url(settings.article_url, article, section)


def renamed_articles(docs_dir: Path, reading: Reading) -> list[Problem]:
    """Each article file renamed since the last commit (as git sees a rename: staged) whose
    feed id comes from its path, which the rename changes: feed readers would show it again."""
    changed = _git(docs_dir, "diff", "-z", "--name-status", "-M", "--relative", "--cached", "HEAD")
    if not changed:
        return []
    fields = changed.decode("utf-8", "replace").split("\0")
    renames = {}
    at = 0
    while at < len(fields) - 1:
        status = fields[at]
        if status[:1] in ("R", "C"):  # a copy leaves the first file where it was
            if status[:1] == "R":
                renames[fields[at + 2]] = fields[at + 1]
            at += 3
        else:
            at += 2
    return [
        Problem(
            article.source,
            f"its file was {renames[article.source]} at the last commit, and feeds know a story "
            "by its file's first path: add 'uid: "
            f"{first_path(renames[article.source])}' so that feed readers keep its item",
        )
        for article in reading.catalogue.articles
        if article.source in renames and article.uid == first_path(article.source)
    ]
