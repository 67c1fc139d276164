"""`newsroom import`: a folder of raw wire copy made into plain-text articles with front matter.

Each text is decoded as a build decodes it (UTF-8, stray bytes read as Windows-1252 and
reported), its boilerplate lines (the agency footer) are dropped, and its headline is its first
line or, for copy without one, drawn from its first sentence (the article is then a draft until
an editor writes the headline). A digest of the story's text goes into the front matter as
`wire_id`: a text whose digest is already there, or which is already the text of an article
(published by hand, say), is not imported again.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..problems import NewsroomError, Problem
from ..reading.decoding import decode_source, not_text
from ..reading.files import NotRead, leads_outside, read_regular_file
from ..reading.plaintext import strip_boilerplate, text_lines, without_boilerplate
from ..reading.reach import MAX_HEADLINE
from ..reading.said import cut_by_boilerplate
from ..reading.texts import shortened, trimmed
from ..reading.time_limit import TooSlow, seconds_for, slow_boilerplate, time_limit
from ..slugs import slugify, windows_safe
from .wire_notices import Notice, embargo_notice, front_matter_form
from .writing import (
    Addresses,
    Assignment,
    article_path,
    check_assignment,
    check_text,
    front_matter,
    write_new_file,
)

if TYPE_CHECKING:
    import re as regex
    from collections.abc import Iterator, Sequence
    from datetime import datetime
    from pathlib import Path

    from ..reading.articles import ArticleReader
    from .workspace import Workspace

# a headline drawn from a long first sentence is cut at a word before this, its ellipsis
# included: no longer than a headline may be (reading.reach)
HEADLINE_LENGTH = MAX_HEADLINE - 1
SUB_FOLDER = (
    "it is a folder: wire texts in sub-folders are not imported; import it on its own "
    "(newsroom import FOLDER/SUB), or move its texts up"
)
# what a scraped footer may begin with before its words: spaces, a bullet, a dash
_LEADING_MARKS = re.compile(r"^[\s\u2022\u00b7\u25aa\u2023\u25e6*\-\u2013\u2014]+")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?=\s|$)")
_ABBREVIATIONS = frozenset(  # a full stop after these does not end a sentence
    word
    for words in (
        "mr mrs ms dr st gen sen rep gov lt col capt sgt prof jr sr inc ltd co corp no vs etc",
        "u.s u.k u.n e.g i.e jan feb mar apr jun jul aug sep sept oct nov dec",
    )
    for word in words.split()
)


HIDDEN = (
    "its name begins with '.', the mark of a hidden file (an editor's copy, a system's); "
    "rename it without the '.' if it is wire copy"
)
# The fewest words of a text that, under another headline, is taken for a story sent again:
# a flash's stock line ("More to follow.") is not one
RESENT_WORDS = 30


@dataclass
class WireStory:
    """One file of wire copy, as it will be published."""

    headline: str
    body: str
    wire_id: str  # of the body
    whole_id: str  # of the whole text, headline line and body: what the file holds
    notices: list[Problem] = field(default_factory=list)
    # why it is not imported: it is no text, or it opens with a front matter (an article,
    # not wire copy; imported, its fields, `draft: true` among them, would be its text)
    refused: str = ""
    embargo: Notice | None = None  # it says it is not to be published yet: a draft


@dataclass
class Imported:
    """What happened to one wire file: written to `path`, or skipped (`reason`)."""

    source: Path
    path: Path | None = None
    reason: str = ""
    notices: list[Problem] = field(default_factory=list)
    draft: bool = False  # written as a draft: no headline line, or an embargo notice


def wire_id(body: str, boilerplate: Sequence[regex.Pattern[str]]) -> str:
    """The same story, however it was wrapped or spaced and whatever footer it came with, has
    the same id."""
    text = " ".join(strip_boilerplate(text_lines(body), boilerplate))
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


def first_sentence(text: str, limit: int = HEADLINE_LENGTH) -> str:
    """The first sentence of `text` (not fooled by "Mr." or "U.S."), cut at a word with an
    ellipsis if longer than `limit`."""
    paragraph = " ".join(text.strip().split("\n\n", 1)[0].split())
    sentence = paragraph
    for match in _SENTENCE_END.finditer(paragraph):
        words = paragraph[: match.start()].split()
        last_word = words[-1].lower().strip("\"'“‘(") if words else ""
        if last_word not in _ABBREVIATIONS and not (len(last_word) == 1 and last_word.isalpha()):
            sentence = paragraph[: match.end()]
            break
    if len(sentence) <= limit:
        return sentence.rstrip(".")
    cut = sentence[:limit].rsplit(" ", 1)[0].rstrip(" ,;:.-–—")
    return f"{cut}…"


def read_wire(
    source: str, data: bytes, boilerplate: Sequence[regex.Pattern[str]], title_line: bool
) -> WireStory:
    """One wire text: headline, body (without boilerplate) and id."""
    if binary := not_text(data):
        return WireStory("", "", "", "", refused=f"it is not a text but {binary}")
    decoded = decode_source(source, data)
    lines = text_lines(decoded.text)
    if said := front_matter_form(lines):
        return WireStory("", "", "", "", decoded.notices, refused=said)
    embargo = embargo_notice(lines)
    first = next(((number, line) for number, line in enumerate(lines, 1) if line.strip()), None)
    if kept := _kept_for_leading_marks(source, lines, boilerplate):
        decoded.notices.append(kept)
    lines, cut = without_boilerplate(lines, boilerplate)
    if cut is not None:
        decoded.notices.append(cut_by_boilerplate(source, cut))
    while lines and not lines[0].strip():
        lines.pop(0)
    headline = ""
    if title_line and lines:
        headline = trimmed(" ".join(lines.pop(0).split()))
        while lines and not lines[0].strip():
            lines.pop(0)
        if first is not None and any(pattern.search(first[1]) for pattern in boilerplate):
            decoded.notices.append(_headline_line_dropped(source, *first, headline))
    body = "\n".join(line.rstrip() for line in lines).strip("\n")
    whole = f"{headline}\n{body}" if title_line else body
    if not title_line:
        headline = first_sentence(body)
    ids = wire_id(body, ()), wire_id(whole, ())
    return WireStory(headline, body + "\n", *ids, decoded.notices, embargo=embargo)


def _kept_for_leading_marks(
    source: str, lines: Sequence[str], patterns: Sequence[regex.Pattern[str]]
) -> Problem | None:
    """The first line a pattern would drop but for the spaces or bullet it begins with: a
    pattern written for a footer as it looks, not as the text has it."""
    for number, line in enumerate(lines, 1):
        bare = _LEADING_MARKS.sub("", line)
        if bare == line or any(pattern.search(line) for pattern in patterns):
            continue
        missed = next((pattern for pattern in patterns if pattern.search(bare)), None)
        if missed is not None:
            return Problem(
                source,
                f"'boilerplate' pattern '{shortened(missed.pattern)}' of mkdocs.yml matches this "
                f"line ('{shortened(' '.join(line.split()))}') only without the spaces or bullet "
                "it begins with, so the line was kept; to drop such lines, begin the pattern "
                "with '^\\s*•?\\s*' in place of '^'",
                number,
                level="info",
            )
    return None


def _headline_line_dropped(source: str, number: int, line: str, headline: str) -> Problem:
    return Problem(
        source,
        f"its first line ('{shortened(' '.join(line.split()))}') matches a 'boilerplate' "
        "pattern of mkdocs.yml, so it was dropped and the headline is the next line "
        f"('{shortened(headline)}'); if the first line is the headline, narrow the pattern",
        number,
        level="info",
    )


@dataclass(frozen=True)
class Earlier:
    """An article already in the site: its file and headline."""

    path: Path
    headline: str


def imported_ids(workspace: Workspace) -> dict[str, Earlier]:
    """The id of every story already in the site (its `wire_id`, its text's, and that of its
    headline and text together, which is what a file read with `--no-title-line` gives),
    and where it is."""
    ids: dict[str, Earlier] = {}
    boilerplate = workspace.settings.read_options.boilerplate
    for path, written in workspace.front_matters():
        title = written.fields.get("title")
        earlier = Earlier(path, (title.text or "").strip() if title else "")
        recorded = written.fields.get("wire_id")
        if recorded is not None and recorded.text:
            ids.setdefault(recorded.text.strip(), earlier)
        ids.setdefault(wire_id(written.body, boilerplate), earlier)
        ids.setdefault(wire_id(f"{earlier.headline}\n{written.body}", boilerplate), earlier)
    return ids


def wire_files(folder: Path) -> Iterator[Path]:
    """The files and sub-folders in `folder`, in name order; of the hidden ones (a system's
    `.DS_Store`, an editor's swap file), only texts."""
    if not folder.is_dir():
        raise NewsroomError(f"{folder} is not a folder: name the folder the wire texts are in")
    for path in sorted(folder.iterdir()):
        if not path.name.startswith(".") or path.suffix.lower() == ".txt":
            yield path


def import_wire(
    workspace: Workspace,
    folder: Path,
    assignment: Assignment,
    date: datetime,
    *,
    title_line: bool = True,
) -> Iterator[Imported]:
    """Import every `.txt` file in `folder` as a `.txt` article of `assignment`'s section and
    authors, dated `date`; without `title_line` each one is a draft."""
    authors = workspace.authors()
    check_assignment(assignment, workspace.settings.sections, authors, workspace.authors_shown)
    reader = workspace.reader(authors)
    seen = imported_ids(workspace)
    local = date.astimezone(workspace.settings.timezone).replace(microsecond=0)
    boilerplate = workspace.settings.read_options.boilerplate
    addresses: Addresses | None = None  # read when a first story is to be written
    for source in wire_files(folder):
        if source.is_dir():
            yield Imported(source, reason=SUB_FOLDER)
            continue
        if source.suffix.lower() != ".txt":
            yield Imported(source, reason="not a .txt file")
            continue
        if source.name.startswith("."):
            yield Imported(source, reason=HIDDEN)
            continue
        shown = workspace.shown(source)
        if leads_outside(source, folder):
            outside = f"it is a symbolic link to a file outside {workspace.shown(folder)}"
            yield Imported(source, reason=f"{outside}; copy the file in if it is wire copy")
            continue
        try:
            data = read_regular_file(source, workspace.settings.read_options.max_bytes)
        except NotRead as error:
            yield Imported(source, reason=str(error))
            continue
        seconds = seconds_for(data)
        try:
            with time_limit(seconds):
                story = read_wire(shown, data, boilerplate, title_line)
        except TooSlow:
            yield Imported(source, reason=slow_boilerplate(seconds))
            continue
        result = Imported(source, notices=story.notices)
        # the same file, however it was read (with or without a headline line), or the same
        # text under a new headline
        earlier, retitled = seen.get(story.whole_id), False
        if earlier is None and len(story.body.split()) >= RESENT_WORDS:
            retitled = (earlier := seen.get(story.wire_id)) is not None
        if story.refused:
            result.reason = story.refused
        elif not story.body.strip() and not story.headline:
            result.reason = "it holds no text (it is empty, blank or only boilerplate)"
        elif not story.body.strip():
            result.reason = "it has no text besides its headline"
        elif earlier is not None:
            result.reason = f"already imported as {workspace.shown(earlier.path)}"
            result.notices = []  # said when it was imported; nothing of it is written now
            if retitled and title_line and earlier.headline != story.headline:
                # the same story sent again with a new headline: the editor may want it
                result.reason += f", under another headline ('{earlier.headline}')"
        else:
            try:
                addresses = addresses or Addresses(workspace)
                result.path = _write_story(
                    workspace, reader, story, assignment, local, title_line, addresses
                )
            except NewsroomError as error:
                result.reason = str(error)
            else:
                seen[story.wire_id] = seen[story.whole_id] = Earlier(result.path, story.headline)
                result.draft = not title_line or story.embargo is not None
                if story.embargo is not None:
                    notice = Problem(shown, story.embargo.message(), story.embargo.line)
                    result.notices.append(notice)
        yield result


def _write_story(
    workspace: Workspace,
    reader: ArticleReader,
    story: WireStory,
    assignment: Assignment,
    date: datetime,
    title_line: bool,
    addresses: Addresses,
) -> Path:
    """Write one story under a free file name and address (`-2`, `-3`... if its slug's is
    taken), its `slug` the file's name."""
    wanted = windows_safe(slugify(story.headline, fallback_prefix="article"))

    def free_file(slug: str) -> bool:
        return not article_path(workspace, date, slug, ".txt").exists()

    where = (assignment.lang, assignment.section)
    slug, _url, _held = addresses.free(wanted, where, date, free_file=free_file)
    path = article_path(workspace, date, slug, ".txt")
    # A story with its headline keeps the URL it is published at; a draft waits for the
    # headline an editor writes (its slug is written then: newsroom check --fix-slugs).
    more: dict[str, object] = {"slug": slug} if title_line else {}
    more["wire_id"] = story.wire_id
    if workspace.settings.syndicated_imports:
        more["syndicated"] = True
    held = assignment.draft or not title_line or story.embargo is not None
    headed = replace(assignment, headline=story.headline, draft=held)
    text = front_matter(headed, date, **more) + story.body
    check_text(workspace, reader, path, text)
    write_new_file(path, text)
    return path
