"""`newsroom check --fix-slugs`: the slug an article has today written into its front matter,
only where the file reads back as it was plus that slug, and written whole or not at all."""

from __future__ import annotations

import codecs
import os
import re
import tempfile
from pathlib import Path
from typing import Any

import yaml

from .writing import slug_line

# a top-level `slug:` line (its value empty, `~` or one the build refused)
_SLUG_KEY = re.compile(r"^(?:slug|'slug'|\"slug\")\s*:(?:\s|$)")


class NotWritten(Exception):
    """Why a slug was not written into a file: one line, after its path."""


def write_slug(path: Path, docs_dir: Path, slug: str) -> None:
    """Write `slug:` into the front matter of the article at `path`, leaving every other byte
    as it was; raise `NotWritten` saying why not."""
    target = _inside(path, docs_dir)
    try:
        data = target.read_bytes()
    except OSError as error:
        raise NotWritten(f"it could not be read ({error.strerror})") from None
    bom = codecs.BOM_UTF8 if data.startswith(codecs.BOM_UTF8) else b""
    try:
        text = data[len(bom) :].decode("utf-8")
    except UnicodeDecodeError:
        raise NotWritten("it is not UTF-8, so it could not be written back the same") from None
    if "\n" not in text and "\r" in text:
        raise NotWritten("its lines end in CR alone (old Mac), which this command does not edit")
    lines = text.split("\n")
    closing = next((n for n in range(1, len(lines)) if lines[n].rstrip() in ("---", "...")), None)
    if closing is None or lines[0].rstrip() != "---":
        raise NotWritten("its front matter has no '---' line at each end")
    before = _mapping("\n".join(lines[1:closing]))
    if before is None:
        raise NotWritten("its front matter is not one YAML mapping of unique keys")
    wanted = {**before, "slug": slug}
    for candidate in _candidates(lines, closing, slug):
        if _mapping("\n".join(candidate[1 : _closing(candidate)])) == wanted:
            _replace(target, bom + "\n".join(candidate).encode("utf-8"))
            return
    raise NotWritten(
        "its front matter is not written one 'key: value' a line (a {…} mapping, or a 'slug' "
        f"this command cannot replace), so it was left as it is; add 'slug: {slug}' by hand"
    )


def _inside(path: Path, docs_dir: Path) -> Path:
    """The file `path` stands for, if it is inside the content folder."""
    target = path.resolve()
    if not target.is_relative_to(docs_dir.resolve()):
        raise NotWritten(f"it is a link to {target}, outside the content folder; left as it is")
    return target


def _mapping(text: str) -> dict[Any, Any] | None:
    """The front matter's mapping, or None if it is not one or names a key twice (where YAML
    would keep the last one silently)."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        loaded = yaml.safe_load(text)
    except yaml.YAMLError:
        return None
    if not isinstance(node, yaml.MappingNode) or not isinstance(loaded, dict):
        return None
    keys = [key.value for key, _ in node.value]
    return loaded if len(keys) == len(set(keys)) else None


def _closing(lines: list[str]) -> int:
    return next(n for n in range(1, len(lines)) if lines[n].rstrip() in ("---", "..."))


def _candidates(lines: list[str], closing: int, slug: str) -> list[list[str]]:
    """The file with the slug's line in each place it may go: instead of a `slug:` line there
    is, else last (as `newsroom new` writes it), else first, indented as the first key is."""
    ending = "\r" if lines[closing].endswith("\r") else ""
    first = next((line for line in lines[1:closing] if line.strip()), "")
    indent = first[: len(first) - len(first.lstrip(" "))]
    line = indent + slug_line(slug) + ending
    candidates = []
    for number in range(1, closing):
        if _SLUG_KEY.match(lines[number][len(indent) :]) and lines[number].startswith(indent):
            candidates.append([*lines[:number], line, *lines[number + 1 :]])
    candidates.append([*lines[:closing], line, *lines[closing:]])
    candidates.append([lines[0], line, *lines[1:]])
    return candidates


def _replace(path: Path, data: bytes) -> None:
    """Write `data` to `path` whole or not at all (a temporary file renamed over it), keeping
    the file's mode."""
    mode = path.stat().st_mode & 0o7777
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    except OSError as error:
        raise NotWritten(f"it could not be written ({error.strerror})") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        Path(temporary).chmod(mode)
        Path(temporary).replace(path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise NotWritten(f"it could not be written ({error.strerror})") from None
