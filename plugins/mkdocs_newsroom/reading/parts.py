"""The fields made of parts: `image` (src, alt, caption, credit) and `corrections` (date, text).
A part the article cannot use (an unknown key, a list or a mapping where text belongs) is left
out with one line saying so; the rest is kept."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit

import yaml

from ..model import Correction, Image
from ..problems import FieldError, PartlyUsed
from ..urls import has_scheme
from .files import PICTURES, SCRIPTED_PICTURE, is_scripted_picture, picture_suffix
from .links import check_link, local_path
from .texts import Registry, parse_datetime, plain_text, shortened, skipped_local_time

if TYPE_CHECKING:
    from .frontmatter import Field

IMAGE_KEYS = ("src", "alt", "caption", "credit")
CORRECTION_KEYS = ("date", "text")
CORRECTION_LEFT_OUT = "that correction was left out, the others are kept"


def _unknown_keys(value: Mapping[object, object], known: tuple[str, ...], what: str) -> list[str]:
    return [
        f"{what} has no '{shortened(str(key), 40)}' (it has {', '.join(known)}); it was "
        "left out: remove it"
        for key in value
        if key not in known
    ]


def read_image(field: Field, registry: Registry) -> Image:
    value = field.value
    if not isinstance(value, Mapping):
        raise FieldError("'image' needs 'src' and 'alt' lines indented under it")
    left_out = _unknown_keys(value, IMAGE_KEYS, "'image'")
    texts: dict[str, str] = {}
    for key in IMAGE_KEYS:
        if key not in value:
            continue
        try:
            texts[key] = plain_text(value[key], f"'image' '{key}'", registry)
        except FieldError as error:
            if key in ("src", "alt"):
                raise
            left_out.append(f"{error}; it was left out: write it on one line")
    if not texts.get("src"):
        raise FieldError("'image' has no 'src': give the picture's path or URL")
    if not texts.get("alt"):
        raise FieldError("'image' has no 'alt': describe the picture for readers who cannot see it")
    image = Image(
        _picture_link(texts["src"]),
        texts["alt"],
        texts.get("caption", ""),
        texts.get("credit", ""),
    )
    if left_out:
        raise PartlyUsed(image, *left_out)
    return image


def _picture_link(text: str) -> str:
    """An image's `src` as every page and feed gives it: an http(s) URL as browsers send it,
    or the path of a picture of the site from its root as a link (no leading '/', no '.' or
    '..', percent-encoded: `local_path` gives the file), so that the page, its og:image and
    its structured data name one file."""
    link = check_link(text, "'image' 'src'")
    remote = has_scheme(link)
    path = urlsplit(link).path if remote else local_path(link) or ""
    if is_scripted_picture(path):
        raise FieldError(f"'image' 'src' '{text}': {SCRIPTED_PICTURE}")
    suffix = picture_suffix(path)
    if suffix is not None and (suffix or not remote):
        if not remote and ("#" in link or "?" in link):
            raise FieldError(
                f"'image' 'src' '{text}' has a '#' or '?', which starts an address's fragment "
                "or query, so it names the file before it: write a '#' in a file's name as "
                "%23 and a '?' as %3F, or rename the file"
            )
        ends = f"it ends in '{suffix}'" if suffix else "its name has no extension"
        pictures = ", ".join(sorted(PICTURES))
        raise FieldError(f"'image' 'src' '{text}' is not a picture ({ends}, not one of {pictures})")
    return link if remote else quote(path, safe="/")


def read_corrections(field: Field, registry: Registry) -> tuple[Correction, ...]:
    """Each entry that is a correction; each other one left out with its own line, at its
    place in the file and named by its number ('corrections' entry 2)."""
    if not isinstance(field.value, list) or not isinstance(field.node, yaml.SequenceNode):
        raise FieldError("'corrections' must be a list of '- date: …' / 'text: …' entries")
    corrections = []
    left_out: list[FieldError] = []
    for number, (entry, node) in enumerate(zip(field.value, field.node.value, strict=True), 1):
        said = f"'corrections' entry {number}"
        try:
            corrections.append(_correction(entry, node, said, field, registry, left_out))
        except FieldError as error:
            left_out.append(FieldError(f"{error}; it was left out", error.line, error.column))
    kept = tuple(sorted(corrections, key=lambda c: c.date))
    if left_out:
        raise PartlyUsed(kept, *left_out)
    return kept


def _correction(
    entry: object,
    node: yaml.Node,
    said: str,
    field: Field,
    registry: Registry,
    left_out: list[FieldError],
) -> Correction:
    """One entry of 'corrections' (`said` names it); its unknown keys added to `left_out`."""
    if not isinstance(entry, Mapping) or not entry.get("date") or not entry.get("text"):
        raise FieldError(f"{said} needs a 'date' and a 'text'", *field.at(node))
    # where each key and value stands (one a YAML merge brought in: at the entry)
    keys = {str(key.value): key for key, _ in node.value if isinstance(key, yaml.ScalarNode)}
    values = {str(key.value): value for key, value in node.value}
    try:
        when = parse_datetime(str(entry["date"]), registry.timezone)
    except FieldError as error:
        place = field.at(values.get("date", node))
        raise FieldError(f"{said}: 'date': {error}", *place) from None
    if skipped := skipped_local_time(str(entry["date"]), when, registry.timezone):
        left_out.append(
            FieldError(f"{said}: 'date': {skipped}", *field.at(values.get("date", node)))
        )
    try:
        text = plain_text(entry["text"], f"{said}: 'text'", registry)
    except FieldError as error:
        raise FieldError(str(error), *field.at(values.get("text", node))) from None
    for key in entry:
        if key not in CORRECTION_KEYS:
            unknown = _unknown_keys({key: None}, CORRECTION_KEYS, said)[0]
            left_out.append(FieldError(unknown, *field.at(keys.get(str(key), node))))
    return Correction(when, text)
