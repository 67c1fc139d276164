"""`newsroom init`: a new, small portal in an empty folder, ready to build and publish.

The files are in `starter/` beside this module: `mkdocs.yml`, the authors file, a sample story
and an About page, `overrides/main.html`, the publishing workflow and the desk's README, with
`@@NAME@@` markers filled in here; `.gitignore` and `.github/` are stored without their dots
(a package's data files are not hidden files). `requirements.txt` pins the Newsroom that runs
this command, so that the workflow builds with the same one.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from .. import __version__
from ..problems import NewsroomError
from ..settings.loading import load_timezone
from ..slugs import slugify

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import datetime

STARTER = Path(__file__).with_name("starter")
DISTRIBUTION = "mkdocs-newsroom"
DEFAULT_SECTIONS = ("World", "Politics", "Business", "Sport", "Technology", "Culture")
# in the starter folder -> in the portal
RENAMED = {"gitignore": ".gitignore", "github": ".github"}
# Files a folder may hold and still count as empty: a repository made before the portal
IGNORED = {".git"}


@dataclass(frozen=True)
class Portal:
    """What `newsroom init` was told about the new site."""

    name: str
    url: str = "https://example.org/"
    timezone: str = "UTC"
    sections: tuple[str, ...] = DEFAULT_SECTIONS
    author: str = ""  # the one author's name; default: "<name> desk"


@dataclass(frozen=True)
class Written:
    folder: Path
    written: tuple[Path, ...]  # relative to `folder`
    kept: tuple[Path, ...]  # already there (--force), left as they were
    section: str  # the first section's id, for the commands printed next
    author: str  # the author's id


def init_portal(folder: Path, portal: Portal, date: datetime, *, force: bool) -> Written:
    """Write the portal's files into `folder`; with `force`, only the missing ones."""
    if folder.exists() and not folder.is_dir():
        raise NewsroomError(f"{folder} is a file, not a folder")
    present = (
        sorted(p.name for p in folder.iterdir() if p.name not in IGNORED) if folder.exists() else []
    )
    if present and not force:
        shown = ", ".join(present[:5]) + (", ..." if len(present) > 5 else "")
        raise NewsroomError(
            f"{folder} is not empty ({shown}); newsroom init writes a portal into an empty "
            "folder: give a new folder's name, or add --force to write only the missing files"
        )
    timezone = load_timezone(portal.timezone)  # refuses an unknown zone
    sections = _sections(portal.sections)
    author_name = portal.author or f"{portal.name} desk"
    author_id = slugify(author_name, fallback_prefix="author")
    first = next(iter(sections))
    local = date.astimezone(timezone).replace(second=0, microsecond=0)
    values = {
        "SITE_NAME": _yaml(portal.name),
        "SITE_NAME_TEXT": portal.name,
        "SITE_NAME_XML": html.escape(portal.name),
        "INITIAL": html.escape(portal.name.strip()[:1].upper() or "N"),
        "SITE_DESCRIPTION": _yaml(f"News from {portal.name}"),
        "SITE_URL": _yaml(portal.url if portal.url.endswith("/") else f"{portal.url}/"),
        "TIMEZONE": _yaml(portal.timezone),
        "SECTIONS": "\n".join(
            f"        {section_id}: {{title: {_yaml(title)}, order: {order}}}"
            for order, (section_id, title) in enumerate(sections.items(), 1)
        ),
        "AUTHOR_ID": author_id,
        "AUTHOR_NAME": _yaml(author_name),
        "FIRST_SECTION": first,
        "WELCOME_TITLE": _yaml(f"Welcome to {portal.name}"),
        "WELCOME_SLUG": _yaml(slugify(f"Welcome to {portal.name}", fallback_prefix="article")),
        "DATE": local.isoformat(),
    }
    files = {**_starter_files(local), Path("requirements.txt"): requirements()}
    written, kept = [], []
    for target, text in sorted(files.items(), key=lambda item: item[0].as_posix()):
        path = folder / target
        if path.exists():
            kept.append(target)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_filled(text, values), encoding="utf-8")
        written.append(target)
    return Written(folder, tuple(written), tuple(kept), first, author_id)


def _starter_files(date: datetime) -> dict[Path, str]:
    """Each starter file's text, by its path in the portal (the sample story in this
    month's folder, as `newsroom new` would place it)."""
    files = {}
    for source in sorted(STARTER.rglob("*")):
        if not source.is_file() or "__pycache__" in source.parts:
            continue
        parts = list(source.relative_to(STARTER).parts)
        parts[0] = RENAMED.get(parts[0], parts[0])
        if parts[:2] == ["content", "articles"]:
            parts[2:2] = [f"{date:%Y}", f"{date:%m}"]
        files[Path(*parts)] = source.read_text(encoding="utf-8")
    return files


def requirements() -> str:
    """requirements.txt, pinning the Newsroom installed here: its version, or the commit of
    the repository it was installed from (PEP 610), which a runner can install too."""
    pin = f"{DISTRIBUTION}=={__version__}"
    try:
        direct = metadata.distribution(DISTRIBUTION).read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        direct = None
    if direct:
        origin = json.loads(direct)
        vcs = origin.get("vcs_info", {})
        if vcs.get("vcs") == "git" and vcs.get("commit_id"):
            pin = f"{DISTRIBUTION} @ git+{origin['url']}@{vcs['commit_id']}"
    return (
        "# What the site is built with; the publishing workflow installs this file. Newsroom\n"
        "# brings ProperDocs, MkDocs and Material for MkDocs with it.\n"
        f"{pin}\n"
    )


def _sections(titles: Sequence[str]) -> dict[str, str]:
    """Section ids (slugs) and titles, in the order given."""
    sections: dict[str, str] = {}
    for title in titles:
        title = " ".join(title.split())
        if not title:
            continue
        title = title[0].upper() + title[1:]
        section_id = slugify(title, fallback_prefix="section")
        if section_id in sections:
            raise NewsroomError(f"--sections: '{title}' is the same section as another")
        sections[section_id] = title
    if not sections:
        raise NewsroomError("--sections: give at least one section, such as 'World,Sport'")
    return sections


def _yaml(text: str) -> str:
    """`text` as a YAML scalar: a JSON string is one, quoted and escaped."""
    return json.dumps(text, ensure_ascii=False)


def _filled(text: str, values: dict[str, str]) -> str:
    for name, value in values.items():
        text = text.replace(f"@@{name}@@", value)
    return text
