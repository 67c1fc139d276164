"""What an article's front matter costs it with search engines, news apps and feed readers,
said as the article is read: a headline they cut, a lead image they do not show; and what
feeds identify the story by when its front matter gives no `uid`."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..problems import Problem

if TYPE_CHECKING:
    from collections.abc import Mapping

    from .frontmatter import Field

# What a feed's id may be as it is: a web address with a host, a URN with its namespace and a
# name in it (RFC 8141: not `urn:uuid:` alone), a tag URI (RFC 4151)
_URI = re.compile(
    r"^(?:https?://[^/\s?#]+\S*|urn:[a-z0-9][a-z0-9-]{0,30}[a-z0-9]:\S+|tag:[^\s,]+,[0-9-]+:\S*)$",
    re.IGNORECASE,
)
MAX_HEADLINE = 110  # characters: the longest headline Google's Article data took


def reach_problems(
    source: str, values: Mapping[str, Any], fields: Mapping[str, Field]
) -> list[Problem]:
    """A headline over MAX_HEADLINE characters, one line naming the file and the field's
    line (an SVG lead image is refused as the field is read)."""
    problems = []
    title = values.get("title", "")
    if len(title) > MAX_HEADLINE:
        problems.append(
            Problem(
                source,
                f"the headline is {len(title)} characters long; search engines and news "
                f"apps cut a headline after {MAX_HEADLINE}: shorten it",
                fields["title"].line,
            )
        )
    if values.get("syndicated") and not any(
        author.is_organization for author in values.get("authors", ())
    ):
        problems.append(
            Problem(
                source,
                "it is syndicated, but none of its authors is an agency (type: organization "
                "in the authors file), so its structured data names no sourceOrganization; "
                "add the agency among its authors",
                fields["syndicated"].line,
                level="info",
            )
        )
    return problems


def first_path(source: str) -> str:
    """An article's path without its extension: what identifies it in feeds when its front
    matter gives no `uid` (a file is named once, when the story is written or imported)."""
    stem, dot, extension = source.rpartition(".")
    return stem if dot and "/" not in extension else source


def is_uri(uid: str) -> bool:
    """Whether a `uid` is a URI already (the id an older feed gave the story), kept as it is."""
    return bool(_URI.match(uid))


def story_uid(values: Mapping[str, Any], source: str) -> str:
    """What feeds identify the story by: its `uid`, else its `wire_id`, else its first path. A
    `uid` that is a path is one however written: `/articles/a.md` is `articles/a`."""
    given = values.get("uid") or ""
    if given and not is_uri(given):
        given = given.lstrip("/").removesuffix(".md").removesuffix(".txt")
    return given or values.get("wire_id") or first_path(source)
