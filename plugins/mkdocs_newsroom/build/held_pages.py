"""Pages that say they are held back. MkDocs publishes a Markdown page outside the articles
folder whatever its front matter says, so a story saved in the content folder's root with
`draft: true` would be online; and it copies as they are the files it does not read as pages
(`story.txt`, `upper.MD`, `desk/story.text`), front matter and all. A page, or any other
file opening with a front matter (a picture, sound, video, font or archive aside), whose front
matter has a field that would hold an article back (`draft`, an
`expires`, an embargo, or a name that looks like one: `Draft`, Jekyll's `published`) is left
out, with one warning: when in doubt, do not publish. The front matter is read as MkDocs
reads it (UTF-8 with or without a BOM, any line ends, to its closing line however long); one
MkDocs cannot read is searched line by line for such a field, and a `draft` that is empty or
given twice, once not false, holds the page back as it holds an article back. `draft: false`
keeps a page, and so does a `date` (Newsroom schedules no page), but in a page that reads
like a story (a `date` with a `section` or `authors`, in any case): one dated after the build,
or with a `date` that is no date, is left out, `draft: false` or not (an embargo); one already
due is told, in one info line, that it is published as a plain page. `mkdocs build --dirty`
removes what an earlier build wrote for a page left out now (build/stale.py)."""

from __future__ import annotations

import posixpath
import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING

import yaml
from mkdocs.utils.meta import YAML_RE, get_data

from ..problems import FieldError, Problem
from ..reading.files import article_kind, is_binary
from ..reading.frontmatter import UNSEEN
from ..reading.said import holds_back, meant
from ..reading.texts import parse_datetime

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable

    from mkdocs.structure.files import File

# The first read of a file; a front matter longer than that is read on, to its closing line
HEAD_BYTES = 65536
_NOT_HELD = (False, 0, "false", "no", "off", "0")
_STORY_FIELDS = frozenset({"section", "author", "authors"})
# A front-matter block: its opening line, and a closing line (even one at the file's end,
# which MkDocs does not take for one: the block is then in doubt)
_OPENING = re.compile(r"-{3}[ \t]*\n")
_BLOCK = re.compile(r"-{3}[ \t]*\n(.*?\n)?(?:\.{3}|-{3})[ \t]*(?:\n|\Z)", re.DOTALL)
_CLOSING = re.compile(r"\n(?:\.{3}|-{3})[ \t]*\n")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# A `key: value` line of a front matter, its key quoted or not, in a list or not
_RAW_FIELD = re.compile(
    r"""^(?P<indent>[ \t]*(?:-[ \t]+)*)"""
    r"""(?P<quote>["']?)(?P<key>[^\s:"'#][^:"'\n]*?)(?P=quote)[ \t]*:"""
    r"""(?:[ \t]+(?P<value>[^\n]*?))?[ \t]*$""",
    re.MULTILINE,
)


@dataclass
class HeldPages:
    """The files to publish, a line for each file left out or read like a story, and where
    the files left out would have been written in the site folder."""

    kept: list[File] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    outputs: list[str] = field(default_factory=list)
    embargoes: list[datetime] = field(default_factory=list)  # when pages left out are due


@dataclass(frozen=True)
class _Hold:
    field: str
    why: str  # "" for a field as MkDocs reads it, else what put it in doubt


def held_back_pages(
    files: Iterable[File],
    docs_dir: str,
    articles_dir: str,
    in_nav: Collection[str] = (),
    now: tuple[datetime, tzinfo] | None = None,
    theme_folder: str | None = None,
) -> HeldPages:
    """The files of `files` to publish, and a line for each page (or file opening with a
    front matter) of the content folder `docs_dir`, or of the theme's `theme_folder`, left
    out or read like a story (saying that
    mkdocs.yml's nav lists it, if among `in_nav`). With `now` (the moment, and the zone of a
    date written without one), a page that reads like a story dated after it is left out:
    an embargoed story saved outside the articles folder."""
    held = HeldPages()
    for file in files:
        own = file.src_dir == docs_dir or (theme_folder and file.src_dir == theme_folder)
        meta, hold = _read(file) if own else ({}, None)
        folded = {_folded(str(name)): value for name, value in meta.items()}
        story = "date" in folded and _STORY_FIELDS & folded.keys()
        if hold is None and now is not None and story:
            hold, due = _embargo(folded["date"], *now)
            held.embargoes += [due] if due is not None else []
        if hold is not None:
            left_out = _left_out(file.src_uri, hold, articles_dir, file.is_documentation_page())
            held.problems.append(_in_nav(left_out) if file.src_uri in in_nav else left_out)
            held.outputs.append(file.dest_uri)
            continue
        if story:
            held.problems.append(_reads_like_a_story(file.src_uri, articles_dir))
        held.kept.append(file)
    return held


def _embargo(value: object, now: datetime, zone: tzinfo) -> tuple[_Hold | None, datetime | None]:
    """What holds a page that reads like a story back: a `date` after `now` (and when it
    is due), or one that cannot be read as a date (when in doubt, do not publish)."""
    if isinstance(value, dict):  # Material's blog: {created: …, updated: …}
        value = value.get("created")
    if isinstance(value, datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=zone)
    elif isinstance(value, date):
        moment = datetime(value.year, value.month, value.day, tzinfo=zone)
    else:
        try:
            moment = parse_datetime(str(value), zone)
        except FieldError:
            return _Hold("date", "no date"), None
    return (_Hold("date", "future"), moment) if moment > now else (None, None)


def _folded(name: str) -> str:
    return unicodedata.normalize("NFKC", name).casefold()


def nav_paths(nav: object) -> frozenset[str]:
    """The files mkdocs.yml's `nav` lists (`story.md`, `{Title: story.md}`, sections)."""
    if isinstance(nav, str):
        return frozenset({posixpath.normpath(nav.strip()).lstrip("/")})
    if isinstance(nav, dict):
        nav = list(nav.values())
    if isinstance(nav, list):
        return frozenset().union(*(nav_paths(item) for item in nav))
    return frozenset()


def _in_nav(problem: Problem) -> Problem:
    return replace(
        problem,
        message=f"{problem.message}; mkdocs.yml's nav lists it: remove it there too, or its "
        "link leads nowhere",
    )


def _read(file: File) -> tuple[dict[str, object], _Hold | None]:
    """The front matter of `file` as MkDocs reads it, and what holds the file back, if any.
    Besides pages and files named as articles, any file but a picture, sound, video, font or
    archive that opens with a front matter's line (`desk/story.text`, `notes.rst`, `story`)."""
    page = file.is_documentation_page()
    if not file.abs_src_path or not (
        page or article_kind(file.src_uri) or _opens_front_matter(file.abs_src_path)
    ):
        return {}, None
    try:
        text = read_front(file.abs_src_path, multimarkdown=page)
    except OSError:  # MkDocs says what it cannot read
        return {}, None
    block = _BLOCK.match(text)
    if block is None and (unread := _unread_block(text)) is not None:
        return {}, _doubtful(unread)  # MkDocs reads no front matter: it publishes the lines
    meta = _mkdocs_meta(text) if page or block else {}
    if block and not (YAML_RE.match(text) and meta):
        return meta, _doubtful(block.group(1) or "")
    named = [str(name) for name, value in meta.items() if _holds_page_back(str(name), value)]
    if named:
        empty = named[0].casefold() == "draft" and meta[named[0]] in (None, "")
        return meta, _Hold(named[0], "empty" if empty else "")
    return meta, _repeated_draft(block.group(1) or "") if block else None


def _opens_front_matter(path: str) -> bool:
    """Whether the file at `path`, not named as a picture or other binary file, opens with
    a front matter's line (`---`, after a byte-order mark)."""
    if is_binary(path):
        return False
    try:
        with open(path, "rb") as source:  # noqa: PTH123 - as read_front
            head = source.read(1024).decode("utf-8", "replace")
    except OSError:
        return False
    return head.lstrip(_UNSEEN_LEAD).startswith("---")


def read_front(path: str, *, multimarkdown: bool) -> str:
    """The top of the file at `path` to its front matter's end (or the whole file), as
    MkDocs reads it: UTF-8 with or without a BOM, every line end a newline. Read by doubling
    chunks: a front matter of 10 MB is read in a few reads, not a thousand."""
    data = b""
    with open(path, "rb") as source:  # noqa: PTH123 - as MkDocs reads it
        while chunk := source.read(max(HEAD_BYTES, len(data))):
            data += chunk
            text = _as_mkdocs_reads(data)
            if _front_matter_read(text, multimarkdown=multimarkdown):
                return text
    return _as_mkdocs_reads(data)


def _as_mkdocs_reads(data: bytes) -> str:
    text = data.decode("utf-8-sig", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _front_matter_read(text: str, *, multimarkdown: bool) -> bool:
    if _OPENING.match(text):
        return _CLOSING.search(text, 3) is not None
    if len(text) < 3 and "---".startswith(text):
        return False  # the opening line is not read yet
    return not multimarkdown or _BLANK_LINE.search(text) is not None


def _mkdocs_meta(text: str) -> dict[str, object]:
    try:
        return dict(get_data(text)[1])
    except (ValueError, yaml.YAMLError):  # pragma: no cover - MkDocs catches its own
        return {}


def _unread_block(text: str) -> str | None:
    """The lines of a front matter MkDocs does not read as one, which it would publish as the
    page's text: one never closed, or one after blank lines, spaces, a NUL or invisible
    characters (a second byte-order mark, a zero-width space), or with them after its `---`.
    They run to the closing line, or else to the first blank line."""
    lead = text.lstrip(_UNSEEN_LEAD)
    opening = _UNREAD_OPENING.match(lead)
    if opening is None:
        return None
    end = _CLOSING.search(lead, opening.end() - 1) or _BLANK_LINE.search(lead, opening.end() - 1)
    return lead[opening.end() : end.start() + 1 if end else len(lead)]


# What may stand before or after a `---` that the article reader takes for a front matter's
# (reading/frontmatter.py), and MkDocs does not
_UNSEEN_LEAD = f"\n\x00{UNSEEN}"
_UNREAD_OPENING = re.compile(f"-{{3}}[{UNSEEN}]*\n")
# A field anywhere in a front matter's lines, in a flow mapping too (`{title: T, draft: 1}`)
_FLOW_FIELD = re.compile(r"""[{,]\s*["']?(?P<key>[^\s:"'{},]+)["']?\s*:(?P<value>[^,}\n]*)""")


def _lines(block: str) -> str:
    """A front matter's lines as an editor shows them, each ended by '\n': a form feed or
    vertical tab (Word's line break), which YAML refuses, and the separators YAML reads as
    line ends (U+0085, U+2028, U+2029) end a line too."""
    return "\n".join(block.splitlines())


def _doubtful(block: str) -> _Hold | None:
    """A front matter MkDocs cannot read: the first field of its lines that would hold a
    story back (when in doubt, do not publish)."""
    block = _lines(block)
    for match in (*_RAW_FIELD.finditer(block), *_FLOW_FIELD.finditer(block)):
        name, value = match["key"], _raw_value(match["value"])
        if _holds_page_back(name, value) or (_is_draft(name) and value == ""):
            return _Hold(name, "unreadable")
    return None


def _repeated_draft(block: str) -> _Hold | None:
    """`draft` given more than once, once not false: YAML keeps the last one, an article is
    held back by any."""
    drafts = [
        match
        for match in _RAW_FIELD.finditer(_lines(block))
        if not match["indent"] and _is_draft(match["key"])
    ]
    values = [_raw_value(match["value"]) for match in drafts]
    if len(drafts) > 1 and any(value == "" or value not in _NOT_HELD for value in values):
        return _Hold(drafts[0]["key"], f"given {len(drafts)} times")
    return None


def _raw_value(value: str | None) -> str:
    value = re.sub(r"[ \t]+#.*$", "", value or "").strip()
    return value.strip("\"'").strip().casefold()


def _is_draft(name: str) -> bool:
    return unicodedata.normalize("NFKC", name).casefold() == "draft"


def _holds_page_back(name: str, value: object) -> bool:
    if _is_draft(name):
        return str(value).casefold() not in _NOT_HELD and value not in _NOT_HELD
    folded = unicodedata.normalize("NFKC", name).casefold()
    return holds_back(name) and folded != "date" and meant(name) != ""


_WHY = {
    "": "its '{field}' would hold a story back",
    "empty": "its '{field}' is empty, which would hold a story back",
    "unreadable": "its front matter cannot be read (MkDocs would publish it as text) but "
    "names '{field}', which would hold a story back",
    "future": "its '{field}' is still to come, which would hold a story back until then (an "
    "embargo)",
    "no date": "its '{field}' cannot be read as a date, which would hold a story back",
}


def _left_out(path: str, hold: _Hold, articles_dir: str, page: bool) -> Problem:
    why = _WHY.get(hold.why, "its '{field}' is {why}, not all false, which would hold a story back")
    what = "a page" if page else "a file MkDocs copies as it is (not a page)"
    fix = "fix its front matter and move" if hold.why == "unreadable" else "move"
    return Problem(
        path,
        f"it is {what}, not a story (it is outside {articles_dir}/), and "
        f"{why.format(field=hold.field, why=hold.why)}: {'a page' if page else 'such a file'} "
        f"is published as it is, so it was left out; {fix} it into {articles_dir}/ to publish "
        f"it as a story, or remove '{hold.field}'",
    )


def _reads_like_a_story(path: str, articles_dir: str) -> Problem:
    return Problem(
        path,
        f"it has a story's 'date' and section or authors, but it is outside {articles_dir}/, "
        f"so it is published as a plain page; move it into {articles_dir}/ to publish it as "
        "a story",
        level="info",
    )
