"""Which of the site's files a text names, read as a browser reads the addresses in it
(Markdown's backslash escapes, HTML's character references and URL escapes undone).

Held-back copy is read broadly: a draft, a scheduled story, an article skipped for a mistake
or a page left out names a file by its name alone, anywhere, in any spelling and any case
(`photo.jpg` holds back every `photo.jpg` and `Photo.JPG` that published copy does not
show). Published copy names a file by its path, where a browser would read it so: from the
text's own folder (`photo.jpg`, `../photo.jpg`), from the site's root (`/images/a/photo.jpg`,
the site's own URL), outside HTML comments: a published story that shows another folder's
`photo.jpg` or another host's `/images/photo.jpg`, mentions the name in its prose, or
comments the picture out until the embargo lifts does not publish a draft's picture."""

from __future__ import annotations

import html
import posixpath
import re
from contextlib import suppress
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

import yaml

from ..reading.decoding import decode_source
from ..urls import site_path

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable, Iterator

# A backslash before ASCII punctuation: Markdown's escape (CommonMark), `images/p\_1.jpg`
_MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# Closed only: `<!--` written as text (in code) hides nothing after it
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
# What browsers take out of an address: tabs and line breaks
_TAB_OR_LINE_BREAK = re.compile(r"[\t\n\r]")
_FRONT_MATTER = re.compile(r"---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_NAME_CHARACTER = re.compile(r"[\w.-]")
_ADDRESS_CHARACTER = re.compile(r"[\w.~%/-]")
_SUFFIX = re.compile(r"\.([^\W_]{1,16})\Z")


def story_text(path: str, data: bytes) -> str:
    """An article file's text as held-back copy is read: decoded as the reader decodes it
    (UTF-16 too), and its front matter's values as YAML reads them (`"caf\\xE9.jpg"` is
    `café.jpg`): scanned, not composed, so that neither a mistake nor an alias bomb stops it."""
    text = decode_source(path, data).text
    block = _FRONT_MATTER.match(text)
    if block is None:
        return text
    values: list[str] = []
    with suppress(yaml.YAMLError):
        for token in yaml.scan(block[1], Loader=yaml.SafeLoader):
            if isinstance(token, yaml.ScalarToken):
                values.append(token.value)
    return "\n".join([text, *values])


def as_read(text: str) -> str:
    """`text` with its escapes undone, as a browser reads the addresses in it."""
    return unquote(html.unescape(_MARKDOWN_ESCAPE.sub(r"\1", text)))


def without_comments(text: str) -> str:
    """`text` without its HTML comments, which no reader sees."""
    return _COMMENT.sub("", text) if "<!--" in text else text


def named_by_name(texts: Iterable[str], paths: Iterable[str]) -> frozenset[str]:
    """Those of `paths` (from the content folder) whose file name the texts name, whole, in
    any spelling: in another case too (`heldpic.jpg` shows `HeldPic.jpg` on a Mac's disk, and
    on a web server that ignores case), an address broken over lines, or by a tab."""
    names: dict[str, set[str]] = {}
    for path in paths:
        names.setdefault(posixpath.basename(path).lower(), set()).add(path)
    read = "\n".join(map(as_read, texts)).lower()
    spellings = _Spellings(names)
    text = f"{read}\n{_TAB_OR_LINE_BREAK.sub('', read)}"
    return frozenset(path for _start, name in spellings.places(text) for path in names[name])


def named_by_path(
    texts: Iterable[tuple[str, str]], paths: Collection[str], site_url: str = ""
) -> frozenset[str]:
    """Those of `paths` (from the content folder) that the texts, each given with its folder
    (from the content folder; '' for the site's root), name as a browser would read the
    address, outside HTML comments: from the text's folder (`photo.jpg`, `../x/photo.jpg`),
    from the site's root (`/images/photo.jpg`, and `images/photo.jpg` in a text of the root),
    or by the site's own address (`site_url`). Another host's `/images/photo.jpg`, or a longer
    path ending with it, does not name the site's `images/photo.jpg`."""
    by_folder: dict[str, list[str]] = {}
    for folder, text in texts:
        by_folder.setdefault(folder, []).append(as_read(without_comments(text)))
    roots = _site_roots(site_url)
    found: set[str] = set()
    for folder, group in by_folder.items() if paths else ():
        spellings: dict[str, set[str]] = {}
        for path in paths:
            spellings.setdefault(path, set()).add(path)
            if folder:
                spellings.setdefault(posixpath.relpath(path, folder), set()).add(path)
        text = "\n".join(group)
        for start, spelling in _Spellings(spellings).places(text):
            found.update(
                path
                for path in spellings[spelling]
                if _reads_as(text, start, from_root=path == spelling, folder=folder, roots=roots)
            )
    return frozenset(found)


def _site_roots(site_url: str) -> tuple[str, ...]:
    """What may stand before a path from the site's root, lowered: the site's address, in
    either scheme or none (`//host/`), and a project site's path (`/repo/`)."""
    host = urlsplit(site_url).netloc
    if not host:
        return ()
    path = site_path(site_url)
    root = f"{host}{path}".lower()
    return (f"https://{root}", f"http://{root}", f"//{root}", *([path] if path != "/" else []))


def _reads_as(
    text: str, start: int, *, from_root: bool, folder: str, roots: tuple[str, ...]
) -> bool:
    """Whether the spelling at `start` names the file it spells: from the text's folder (a
    relative address, `./` too) or, `from_root`, from the site's root (after a `/` that
    begins the address, or the site's address; as it stands in a text of the root)."""
    relative = _begins_address(text, start) or (
        text.startswith("./", start - 2) and _begins_address(text, start - 2)
    )
    if not from_root or (relative and not folder):
        return relative
    if text.startswith("/", start - 1) and _begins_address(text, start - 1):
        return True
    before = text[max(0, start - 300) : start].lower()
    return any(before.endswith(root) and _begins_address(text, start - len(root)) for root in roots)


def _begins_address(text: str, start: int) -> bool:
    """Whether an address may begin at `start`: not inside a name or a longer path."""
    return start <= 0 or _ADDRESS_CHARACTER.match(text[start - 1]) is None


def names_pattern(names: Iterable[str]) -> re.Pattern[str]:
    """A search for any of the file `names` (or paths) named whole, not inside a longer name
    (`favicon.png` does not name `icon.png`, nor `emb.png.bak` `emb.png`), in a decoded text
    (`my%20pic.png` names `my pic.png` once decoded)."""
    alternatives = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
    return re.compile(rf"(?<![\w.-])(?:{alternatives})(?![\w.-]*\w)")


class _Spellings:
    """Spellings of the site's files, found whole in a text by their suffixes: the text is
    searched once for the suffixes (`.jpg`), and each place one ends is looked up for a
    spelling of each length that ends with it, so that the time follows the text, not the
    text times the number of files (a regular expression of 20,000 names took 18 s over
    1 MB of drafts)."""

    def __init__(self, spellings: Collection[str]) -> None:
        self._spellings = frozenset(spellings)
        self._lengths: dict[str, set[int]] = {}
        others = []
        for spelling in spellings:
            suffix = _SUFFIX.search(spelling)
            if suffix is not None:
                self._lengths.setdefault(suffix[1], set()).add(len(spelling))
            else:
                others.append(spelling)
        self._others = names_pattern(others) if others else None
        suffixes = "|".join(map(re.escape, self._lengths))
        self._suffixes = re.compile(rf"\.({suffixes})(?![\w.-]*\w)") if suffixes else None

    def places(self, text: str) -> Iterator[tuple[int, str]]:
        """Where each spelling stands whole in `text`, and which."""
        for match in self._suffixes.finditer(text) if self._suffixes else ():
            end = match.end()
            for length in self._lengths[match[1]]:
                start = end - length
                if (
                    start >= 0
                    and text[start:end] in self._spellings
                    and not _continues(text, start)
                ):
                    yield start, text[start:end]
        for match in self._others.finditer(text) if self._others is not None else ():
            yield match.start(), match[0]


def _continues(text: str, start: int) -> bool:
    """Whether a name that starts at `start` would be the end of a longer one."""
    return start > 0 and _NAME_CHARACTER.match(text[start - 1]) is not None
