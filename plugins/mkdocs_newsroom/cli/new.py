"""`newsroom new`: a new article file with complete front matter, so that reporters never have
to remember the fields. The file is checked the way a build reads it before it is written, and
an existing file is never overwritten."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..catalogue.placement import choose_edition
from ..problems import NewsroomError
from ..slugs import is_slug, not_a_slug, slugify, windows_safe
from .writing import (
    Addresses,
    article_path,
    check_assignment,
    check_text,
    front_matter,
    write_new_file,
)

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import datetime
    from pathlib import Path

    from .workspace import Workspace
    from .writing import Assignment


def new_article(
    workspace: Workspace,
    assignment: Assignment,
    date: datetime,
    slug: str = "",
    say: Callable[[str], None] | None = None,
) -> Path:
    """Write a new article dated `date` (in the site's time zone) and return its path. A slug
    whose address is taken (an article's, an alias', a page's) or that the build cannot give
    (inside a folder of the newsroom's own pages) is written with the first free `-2`, `-3`...
    (`say` tells it): two written slugs of one address would make the later one move."""
    if not assignment.headline:
        raise NewsroomError("the headline is empty: write it in quotes after 'newsroom new'")
    authors = workspace.authors()
    check_assignment(assignment, workspace.settings.sections, authors, workspace.authors_shown)
    if slug and not is_slug(slug):
        why, suggested = not_a_slug(slug)
        raise NewsroomError(f"--slug {why}; write for example '{suggested}'")
    local = date.astimezone(workspace.settings.timezone).replace(microsecond=0)
    given = slug
    # the slug is written down, so that a corrected headline never moves the story
    wanted = slug or windows_safe(slugify(assignment.headline, fallback_prefix="article"))
    where = (assignment.lang, assignment.section)
    slug, _url, why = Addresses(workspace).free(wanted, where, local)
    if slug != wanted and say is not None:
        say(
            f"the address of slug '{wanted}' {why}, so the new one has 'slug: {slug}'; change "
            "it in the file if you prefer another"
        )
    more = {"slug": slug}
    path = article_path(workspace, local, slug, ".md")
    if path.exists():
        other = f"another --slug than '{given}'" if given else "another file name with --slug"
        raise NewsroomError(
            f"{workspace.shown(path)} already exists and was left as it is; give the story "
            f"another headline, or {other}"
        )
    text = front_matter(assignment, local, **more) + "\n"
    # The story is still to be written: check the front matter as if it were.
    check_text(workspace, workspace.reader(authors), path, text + "Text.\n")
    write_new_file(path, text)
    editions = workspace.settings.editions
    if assignment.lang and say is not None and choose_edition(assignment.lang, editions) is None:
        say(
            f"no edition of the site is in '{assignment.lang}', so the story is in its "
            f"'{editions[0].lang}' edition, marked as written in '{assignment.lang}'; to give "
            "that language a front page of its own, declare an edition for it under the "
            "newsroom plugin's 'editions' in mkdocs.yml (docs/editions.md)"
        )
    return path
