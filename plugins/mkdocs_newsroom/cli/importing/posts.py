"""What an importer reads from another system, before it is placed in the site: posts,
their authors, and what could not be brought over."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import datetime
    from pathlib import Path


@dataclass(frozen=True)
class SourceAuthor:
    """An author as the other system knows them; `key` is its own id (a WordPress login)."""

    key: str
    name: str
    role: str = ""
    bio: str = ""
    avatar: str = ""
    url: str = ""


@dataclass
class Post:
    """One story of the other system, with its values as Newsroom fields.

    `origin` names it in messages ("post 12 'Title'", "blog/posts/x.md"); `import_id` says
    where it came from, for ever (a second import of it is skipped); `old_path` is its
    address on the old site, relative to the old site's root ('' if it had none, as drafts);
    `slug` is the one it had (not necessarily a valid Newsroom slug)."""

    origin: str
    import_id: str
    title: str
    date: datetime
    body: str  # the text of the .md file
    updated: datetime | None = None
    authors: tuple[str, ...] = ()  # `SourceAuthor.key`s
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    summary: str = ""
    slug: str = ""
    old_path: str = ""
    draft: bool = False
    featured: bool = False
    image: dict[str, str] | None = None
    notes: list[str] = field(default_factory=list)  # what could not be brought over
    guid: str = ""  # what the old site's feed called it (WordPress's <guid>)


@dataclass
class Archive:
    """Everything read from one export: its posts, its authors by key, and what was left
    out, said in one line each and counted."""

    source: Path
    posts: list[Post] = field(default_factory=list)
    authors: dict[str, SourceAuthor] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    # what was read but is not imported, by kind ('post', 'attachment'...): said in the count
    not_imported: Counter[str] = field(default_factory=Counter)
    # the Markdown extensions the posts were written for (a Material blog's mkdocs.yml)
    markdown_extensions: tuple[str, ...] = ()
