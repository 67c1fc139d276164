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
import re
import shlex
import urllib.parse
from dataclasses import dataclass, replace
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from .. import __version__
from ..problems import NewsroomError
from ..reading.authors import load_authors
from ..reading.files import NotRead, read_regular_file
from ..settings.checked import ReadOptions
from ..settings.languages import LOCALE_OF, babel_knows, cased_tag
from ..settings.loading import load_timezone
from ..slugs import MAX_SLUG_LENGTH, slugify
from ..urls import as_sent, site_url_fault
from .init_values import checked_name, markdown_text

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
    language: str = "en"  # the site's (Material's `language`), a code Babel knows


@dataclass(frozen=True)
class Written:
    folder: Path
    written: tuple[Path, ...]  # relative to `folder`
    kept: tuple[Path, ...]  # already there (--force), left as they were
    section: str  # the first section's id, for the commands printed next
    author: str  # the author's id
    warnings: tuple[str, ...] = ()  # what the editor must still do


def _check_language(language: str) -> None:
    tag = cased_tag(language)
    if not babel_knows(LOCALE_OF.get(tag, tag)):
        raise NewsroomError(
            f"'{language}' is not a language Newsroom knows: give a code such as en, es, fr, "
            "ps or prs"
        )


def init_portal(folder: Path, portal: Portal, date: datetime, *, force: bool) -> Written:
    """Write the portal's files into `folder`; with `force`, only the missing ones."""
    _check_folder(folder)
    url = _site_url(portal.url)
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
    _check_language(portal.language)
    sections = _sections(portal.sections)
    name = checked_name(portal.name, "the site's name (--name, or the folder's)")
    author = checked_name(portal.author, "--author", MAX_SLUG_LENGTH) if portal.author else ""
    portal = replace(portal, name=name, author=author)
    author_name = portal.author or f"{portal.name} desk"
    author_id = slugify(author_name, fallback_prefix="author")
    author_id, lacking = _kept_author(folder / AUTHORS_FILE, author_id)
    first = next(iter(sections))
    local = date.astimezone(timezone).replace(second=0, microsecond=0)
    pin, warning = requirement_pin()
    values = {
        "SITE_NAME": _yaml(portal.name),
        "SITE_NAME_TEXT": markdown_text(portal.name),
        "SITE_NAME_XML": html.escape(portal.name),
        "INITIAL": html.escape(_initial(portal.name)),
        "COPYRIGHT": _yaml(f"© {portal.name}"),
        "SITE_DESCRIPTION": _yaml(f"News from {portal.name}"),
        "SITE_URL": _yaml(url),
        "TIMEZONE": _yaml(portal.timezone),
        "SECTIONS": "\n".join(
            f"        {_yaml_key(section_id)}: {{title: {_yaml(title)}, order: {order}}}"
            for order, (section_id, title) in enumerate(sections.items(), 1)
        ),
        "AUTHOR_ID": author_id,
        "AUTHOR_KEY": _yaml_key(author_id),
        "FIRST_SECTION_KEY": _yaml_key(first),
        "AUTHOR_NAME": _yaml(author_name),
        "LANGUAGE": _yaml(cased_tag(portal.language)),
        "AUTHOR_TYPE": "person" if portal.author else "organization",  # a desk
        "AUTHOR_ROLE": "Editor" if portal.author else "News desk",
        "AUTHOR_BIO": _yaml(
            "Edits the news and writes some of it."
            if portal.author
            else f"The stories {portal.name}'s newsroom writes together."
        ),
        "FIRST_SECTION": first,
        "WELCOME_TITLE": _yaml(f"Welcome to {portal.name}"),
        "WELCOME_SLUG": _yaml(slugify(f"Welcome to {portal.name}", fallback_prefix="article")),
        "DATE": local.isoformat(),
        "DOCS": docs_address(pin),
        "INSTALL": install_commands(not warning),
    }
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise NewsroomError(
            f"{folder} cannot be made ({error.strerror or error}): give a folder you can write in"
        ) from None
    files = {**_starter_files(local), Path("requirements.txt"): requirements(pin)}
    if force and (folder / "mkdocs.yml").exists():  # a portal already: no sample story again
        files = {path: text for path, text in files.items() if path.parts[1:2] != ("articles",)}
    written, kept = [], []
    for target, text in sorted(files.items(), key=lambda item: item[0].as_posix()):
        path = folder / target
        if path.exists() or path.is_symlink():
            kept.append(target)
            continue
        _write(path, _filled(text, values))
        written.append(target)
    warnings = (warning,) if warning and Path("requirements.txt") in written else ()
    return Written(folder, tuple(written), tuple(kept), first, author_id, (*warnings, *lacking))


AUTHORS_FILE = Path("content/authors.yml")


def _kept_author(path: Path, author_id: str) -> tuple[str, tuple[str, ...]]:
    """The author the sample story credits: with an authors file already there (`--force`
    keeps it), its first author, else `author_id`; and what to do when it names none."""
    if not path.exists():
        return author_id, ()
    try:  # never a pipe's read, nor a file of gigabytes
        data = read_regular_file(path, ReadOptions.max_bytes)
    except NotRead:
        data = b""
    authors, _problems = load_authors(AUTHORS_FILE.name, data)
    if authors:  # read as a build reads it: an id the build refuses is never credited
        return next(iter(authors)), ()
    return author_id, (
        f"{AUTHORS_FILE.as_posix()} was there already, and names no author the sample story "
        f"can credit: add one ({author_id}: {{name: …}}), or the story is skipped",
    )


# Words a paper's name may begin with that its logo's letter skips ("The Portal": P)
_ARTICLES = frozenset(
    {
        *("the", "a", "an"),  # English
        *("el", "la", "los", "las", "le", "les", "il", "lo"),  # Spanish, French, Italian
        *("der", "die", "das", "de", "het"),  # German, Dutch
        *("o", "os", "as"),  # Portuguese
    }
)


def _initial(name: str) -> str:
    """The letter of the portal's logo: its name's first, past an article."""
    words = name.split()
    if len(words) > 1 and words[0].lower() in _ARTICLES:
        words = words[1:]
    return (words[0][:1].upper() if words else "") or "N"


def init_notes(timezone: str | None, url: str | None, language: str) -> list[str]:
    """What `init` chose for the portal that its editors should know before publishing
    (None: the option was not given)."""
    notes = []
    if timezone is None:
        notes.append(
            "the time zone is UTC: dates written without a zone are read in it, and pages show "
            "times in it; set 'timezone' in mkdocs.yml (an IANA name such as Asia/Kabul), or "
            "give --timezone"
        )
    if url is None:
        notes.append(
            f"the site's address is {Portal.url} until you give --url or set site_url in "
            "mkdocs.yml: the publishing workflow gives the site GitHub Pages' own address, but "
            "a site you upload yourself needs its real one (links, feeds and sitemaps use it)"
        )
    if not language.lower().startswith("en"):
        notes.append(
            f"the site speaks {language}, but the starter's story, About page, desk and "
            "description are in English: translate them (content/, mkdocs.yml)"
        )
    return notes


def _check_folder(folder: Path) -> None:
    """Refuse, in one line saying what to do, a folder the portal cannot be written into."""
    if folder.is_symlink() and not folder.exists():
        raise NewsroomError(
            f"{folder} is a symbolic link to {folder.readlink()}, which does not exist: "
            "make that folder, remove the link, or give another folder"
        )
    if folder.exists() and not folder.is_dir():
        raise NewsroomError(f"{folder} is a file, not a folder: give a folder's name")
    for parent in folder.absolute().parents:
        if parent.exists():
            if not parent.is_dir():
                raise NewsroomError(f"{parent} is a file, not a folder: give another folder")
            break


def _write(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise NewsroomError(
            f"{path} cannot be written ({error.strerror or error}): give a folder you can write in"
        ) from None


def _site_url(url: str) -> str:
    """The site's address as browsers send it, ending in '/'; an address without http(s)
    or a host is refused."""
    try:
        parts = urllib.parse.urlsplit(url)
        usable = parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:
        usable = False
    if not usable:
        raise NewsroomError(
            f"--url {url}: give the site's whole address, with http:// or https:// and a "
            "host, such as https://news.example.org/"
        )
    fault = site_url_fault(url)
    if fault:
        raise NewsroomError(f"--url {url} {fault}")
    return as_sent(url if url.endswith("/") else f"{url}/")


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


LOCAL_PIN = (
    "# Newsroom was installed here from {url}, a file or folder on this machine, which the\n"
    "# publishing workflow cannot install. Put on the next line where it can be installed\n"
    "# from, such as mkdocs-newsroom @ git+https://github.com/OWNER/REPO@COMMIT (a commit\n"
    "# pushed there), or mkdocs-newsroom==VERSION from your package index.\n"
    "# mkdocs-newsroom @ git+https://github.com/OWNER/REPO@COMMIT"
)


def _origin() -> object:
    """Where the Newsroom running here was installed from: PEP 610's direct_url.json (none for
    a package index, a commit for git, a URL for an archive or folder)."""
    try:
        direct = metadata.distribution(DISTRIBUTION).read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        direct = None
    try:
        return json.loads(direct) if direct else {}
    except ValueError:
        return {"url": "an unknown place"}


def requirement_pin() -> tuple[str, str]:
    """The line of requirements.txt that installs the Newsroom running here, and a warning
    when there is none a runner can install."""
    origin = _origin()
    if not isinstance(origin, dict) or not origin:
        return f"{DISTRIBUTION}=={__version__}", ""  # from a package index
    url = str(origin.get("url", ""))
    vcs = origin.get("vcs_info")
    on_the_web = url.startswith(("https://", "http://", "ssh://", "git@"))
    if on_the_web and isinstance(vcs, dict) and vcs.get("vcs") == "git" and vcs.get("commit_id"):
        return f"{DISTRIBUTION} @ git+{url}@{vcs['commit_id']}", ""
    if on_the_web and "archive_info" in origin:
        return f"{DISTRIBUTION} @ {url}", ""
    warning = (
        f"requirements.txt: Newsroom was installed here from {url or 'a local copy'}, which "
        "the publishing workflow cannot install; write where it can be installed from on its "
        "last line (a git URL and commit, or a version on your package index)"
    )
    return LOCAL_PIN.format(url=url or "a local copy"), warning


def install_commands(installable: bool) -> str:
    """What the portal's README says to run to install what builds it: requirements.txt, and,
    when it cannot install Newsroom (`installable` False: installed here from a folder or a
    file), Newsroom from that place, if it is one of this machine's."""
    commands = "pip install -r requirements.txt"
    if installable:
        return commands
    origin = _origin()
    url = str(origin.get("url", "")) if isinstance(origin, dict) else ""
    place = urllib.parse.urlsplit(url)
    folder = urllib.parse.unquote(place.path) if place.scheme == "file" else "/path/to/newsroom"
    return f"{commands}\npip install {shlex.quote(folder)}   # Newsroom itself, for now: see below"


# A pin of a commit of a GitHub repository: its docs/ folder is beside the code
_GITHUB_PIN = re.compile(
    rf"{DISTRIBUTION} @ git\+(https://github\.com/[\w.-]+/[\w.-]+?)(?:\.git)?@([0-9a-f]{{7,40}})"
)


def docs_address(pin: str) -> str:
    """Where Newsroom's documentation (the docs/ folder of its repository) can be read: at the
    commit the portal installs, when that is a GitHub repository's; else the form to fill."""
    found = _GITHUB_PIN.fullmatch(pin)
    if found is None:
        return "https://github.com/OWNER/REPO/tree/main/docs"
    return f"{found[1]}/tree/{found[2]}/docs"


def requirements(pin: str | None = None) -> str:
    """requirements.txt, pinning the Newsroom installed here (`requirement_pin`)."""
    return (
        "# What the site is built with; the publishing workflow installs this file. Newsroom\n"
        "# brings ProperDocs, MkDocs and Material for MkDocs with it.\n"
        f"{pin if pin is not None else requirement_pin()[0]}\n"
    )


def _sections(titles: Sequence[str]) -> dict[str, str]:
    """Section ids (slugs) and titles, in the order given, as given (`iPhone`, not
    `IPhone`)."""
    sections: dict[str, str] = {}
    for title in titles:
        title = " ".join(title.split())
        if not title:
            continue
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


def _yaml_key(text: str) -> str:
    """`text` as a YAML key or plain value: as it is when YAML reads it back as that text
    (`world`), quoted when it would read as something else (`no`, `2026`, `null`)."""
    return text if yaml.safe_load(text) == text else _yaml(text)


def _filled(text: str, values: dict[str, str]) -> str:
    """`text` with each @@NAME@@ replaced, in one pass: a value holding a marker is kept as
    it is."""
    return MARKER.sub(lambda found: values.get(found[1], found[0]), text)


MARKER = re.compile(r"@@([A-Z_]+)@@")
