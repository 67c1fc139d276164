"""Which of the site's media a text names, read as a browser reads the addresses in it
(Markdown's backslash escapes, HTML's character references and URL escapes undone).

Held-back copy is read broadly: a draft, a scheduled story, an article skipped for a mistake
or a page left out names a file by its name alone, anywhere and in any spelling (`photo.jpg`
holds back every `photo.jpg` of the site that published copy does not show). Published copy
names a file by its path, from the content folder or from the text's own folder
(`images/a/photo.jpg`, `../images/a/photo.jpg`, the site's own URL), outside HTML comments:
a published story that shows another folder's `photo.jpg`, mentions the name in its prose, or
comments the picture out until the embargo lifts does not publish a draft's picture. When in
doubt, a file is held back."""

from __future__ import annotations

import html
import posixpath
import re
from typing import TYPE_CHECKING
from urllib.parse import unquote

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable

# A backslash before ASCII punctuation: Markdown's escape (CommonMark), `images/p\_1.jpg`
_MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)


def as_read(text: str) -> str:
    """`text` with its escapes undone, as a browser reads the addresses in it."""
    return unquote(html.unescape(_MARKDOWN_ESCAPE.sub(r"\1", text)))


def without_comments(text: str) -> str:
    """`text` without its HTML comments, which no reader sees (one never closed runs on to
    the end, as it does in a browser)."""
    return _COMMENT.sub("", text) if "<!--" in text else text


def named_by_name(texts: Iterable[str], paths: Iterable[str]) -> frozenset[str]:
    """Those of `paths` (from the content folder) whose file name the texts name, whole."""
    names: dict[str, set[str]] = {}
    for path in paths:
        names.setdefault(posixpath.basename(path), set()).add(path)
    return _found(names, "\n".join(map(as_read, texts)))


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
            relative = posixpath.relpath(path, folder) if folder else path
            if not relative.startswith("../"):
                spellings.setdefault(relative, set()).add(path)
        found |= _found(spellings, "\n".join(group))
    return frozenset(found)


def names_pattern(names: Iterable[str]) -> re.Pattern[str]:
    """A search for any of the file `names` (or paths) named whole, not inside a longer name
    (`favicon.png` does not name `icon.png`, nor `emb.png.bak` `emb.png`), in a decoded text
    (`my%20pic.png` names `my pic.png` once decoded)."""
    alternatives = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
    return re.compile(rf"(?<![\w.-])(?:{alternatives})(?![\w.-]*\w)")


def _found(spellings: dict[str, set[str]], text: str) -> frozenset[str]:
    if not spellings or not text:
        return frozenset()
    named = set(names_pattern(spellings).findall(text))
    return frozenset(path for spelling in named for path in spellings[spelling])
