"""Which of the site's files a text names, read as a browser reads the addresses in it
(Markdown's backslash escapes, HTML's character references and URL escapes undone).

Held-back copy is read broadly: a draft, a scheduled story, an article skipped for a mistake
or a page left out names a file by its name alone, anywhere and in any spelling (`photo.jpg`
holds back every `photo.jpg` that published copy does not show). Published copy names a file
by its path, from the content folder or from the text's own folder (`images/a/photo.jpg`,
`../photo.jpg`, the site's own URL), outside HTML comments: a published story that shows
another folder's `photo.jpg`, mentions the name in its prose, or comments the picture out
until the embargo lifts does not publish a draft's picture. A path counts wherever an address
ends with it: when in doubt on the published side, a page may show the file."""

from __future__ import annotations

import html
import posixpath
import re
from contextlib import suppress
from typing import TYPE_CHECKING
from urllib.parse import unquote

import yaml

from ..reading.decoding import decode_source

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable

# A backslash before ASCII punctuation: Markdown's escape (CommonMark), `images/p\_1.jpg`
_MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# Closed only: `<!--` written as text (in code) hides nothing after it
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
# What browsers take out of an address: tabs and line breaks
_TAB_OR_LINE_BREAK = re.compile(r"[\t\n\r]")
_FRONT_MATTER = re.compile(r"---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_NAME_CHARACTER = re.compile(r"[\w.-]")
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
    any spelling: an address broken over lines, or by a tab, too."""
    names: dict[str, set[str]] = {}
    for path in paths:
        names.setdefault(posixpath.basename(path), set()).add(path)
    read = "\n".join(map(as_read, texts))
    return _Spellings(names).found(f"{read}\n{_TAB_OR_LINE_BREAK.sub('', read)}")


def named_by_path(texts: Iterable[tuple[str, str]], paths: Collection[str]) -> frozenset[str]:
    """Those of `paths` (from the content folder) that the texts, each given with its folder
    (from the content folder; '' for the site's root), name by their path from the content
    folder or from the text's folder, outside HTML comments."""
    by_folder: dict[str, list[str]] = {}
    for folder, text in texts:
        by_folder.setdefault(folder, []).append(as_read(without_comments(text)))
    found: set[str] = set()
    for folder, group in by_folder.items() if paths else ():
        spellings: dict[str, set[str]] = {}
        for path in paths:
            spellings.setdefault(path, set()).add(path)
            if folder:
                spellings.setdefault(posixpath.relpath(path, folder), set()).add(path)
        found |= _Spellings(spellings).found("\n".join(group))
    return frozenset(found)


def names_pattern(names: Iterable[str]) -> re.Pattern[str]:
    """A search for any of the file `names` (or paths) named whole, not inside a longer name
    (`favicon.png` does not name `icon.png`, nor `emb.png.bak` `emb.png`), in a decoded text
    (`my%20pic.png` names `my pic.png` once decoded)."""
    alternatives = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
    return re.compile(rf"(?<![\w.-])(?:{alternatives})(?![\w.-]*\w)")


class _Spellings:
    """Spellings of the site's files (each with the paths it stands for), found whole in a
    text by their suffixes: the text is searched once for the suffixes (`.jpg`), and each
    place one ends is looked up for a spelling of each length that ends with it, so that the
    time follows the text, not the text times the number of files (a regular expression of
    20,000 names took 18 s over 1 MB of drafts)."""

    def __init__(self, spellings: dict[str, set[str]]) -> None:
        self._paths = spellings
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

    def found(self, text: str) -> frozenset[str]:
        named: set[str] = set()
        for match in self._suffixes.finditer(text) if self._suffixes else ():
            end = match.end()
            for length in self._lengths[match[1]]:
                start = end - length
                if start >= 0 and text[start:end] in self._paths and not _continues(text, start):
                    named.add(text[start:end])
        if self._others is not None:
            named.update(self._others.findall(text))
        return frozenset(path for spelling in named for path in self._paths[spelling])


def _continues(text: str, start: int) -> bool:
    """Whether a name that starts at `start` would be the end of a longer one."""
    return start > 0 and _NAME_CHARACTER.match(text[start - 1]) is not None
