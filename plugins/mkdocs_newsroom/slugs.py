"""Slugs: the one URL path segment that names an article or a tag.

A slug is always a single safe path segment: lower-case letters and digits of any script,
separated by single hyphens. It never contains '/', '\\', '.', or spaces, so it cannot climb out
of the site folder, and it is never empty. Latin letters lose their accents ("Café" -> "cafe");
letters of other scripts stay as they are, so a Pashto or Persian headline gets a readable
Unicode slug. Zero-width joiners and non-joiners inside Persian words are dropped. The slugs
of tags and authors also fold Arabic script as search does (folding.py): `كابل` and `کابل`
are one tag.
"""

from __future__ import annotations

import functools
import hashlib
import unicodedata

from .folding import fold_arabic_script

MAX_SLUG_LENGTH = 80
# A slug is a file or folder name (with '-2' and '.md' after it, or '/index.html' below it):
# 80 letters of some scripts take 320 bytes, more than the 255 a file system holds in a name
MAX_SLUG_BYTES = 200
_MARK_CATEGORIES = {"Mn", "Mc", "Me"}
_END_OF_LATIN = 0x0250  # after NFKD, accented Latin letters are a base below this + marks


def slugify(text: str, *, fallback_prefix: str = "item", fold: bool = False) -> str:
    """Make a slug of `text`; text with no letters or digits gets a stable hashed fallback.
    With `fold` (tags, authors: one name written several ways is one page), Arabic script
    is folded as search folds it; an article's slug is left as its headline has it, so that
    no URL of an existing story moves."""
    return _slug(str(text), fallback_prefix, fold)


# A site's tags and authors come back in article after article: each is made a slug once
@functools.lru_cache(maxsize=1 << 16)
def _slug(text: str, fallback_prefix: str, fold: bool) -> str:
    words: list[str] = []
    current: list[str] = []
    text = fold_arabic_script(text) if fold else unicodedata.normalize("NFKD", text)
    for char in text.lower():
        category = unicodedata.category(char)
        if category == "Cf":  # ZWNJ, ZWJ, bidi controls: invisible, never part of a slug
            continue
        if category in _MARK_CATEGORIES:
            # Accents on Latin letters go ("é" -> "e"); marks of other scripts stay attached.
            if current and ord(current[-1]) >= _END_OF_LATIN:
                current.append(char)
            continue
        if char.isalnum():
            current.append(char)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    slug = _truncate(unicodedata.normalize("NFC", "-".join(words)))
    if not slug:
        digest = hashlib.sha1(str(text).encode("utf-8", "surrogatepass")).hexdigest()[:8]
        slug = f"{fallback_prefix}-{digest}"
    return slug


def _truncate(slug: str) -> str:
    if (
        len(slug) <= MAX_SLUG_LENGTH
        and len(slug.encode("utf-8", "surrogatepass")) <= MAX_SLUG_BYTES
    ):
        return slug
    cut = slug[:MAX_SLUG_LENGTH]
    while len(cut.encode("utf-8", "surrogatepass")) > MAX_SLUG_BYTES:
        cut = cut[:-1]
    if "-" in cut and len(cut) < len(slug):
        cut = cut[: cut.rindex("-")]
    return cut


def numbered(slug: str, number: int) -> str:
    """`slug` with `-number` after it, words cut from its end where it would be longer than
    a slug may be."""
    suffix = f"-{number}"
    base = slug
    while base and not is_slug(f"{base}{suffix}"):
        base = base.rsplit("-", 1)[0] if "-" in base else base[:-1]
    return f"{base or 'article'}{suffix}"


def is_slug(text: str) -> bool:
    """True if `text` is already a slug (so a reporter's `slug:` can be used unchanged)."""
    return bool(text) and slugify(text) == text


# Names Windows keeps for devices, in any case and with any extension ('con.md', 'Nul.txt'):
# a clone there cannot check such a file out, nor a build there write such a folder
WINDOWS_RESERVED = frozenset(
    ("con", "prn", "aux", "nul", *(f"{port}{n}" for port in ("com", "lpt") for n in range(1, 10)))
)


def windows_reserved(name: str) -> bool:
    """Whether Windows keeps the file or folder name `name` for a device."""
    return name.split(".", 1)[0].rstrip(" ").lower() in WINDOWS_RESERVED


def windows_safe(slug: str) -> str:
    """`slug`, with '-story' after it if it is a name Windows keeps ('con' -> 'con-story')."""
    return f"{slug}-story" if windows_reserved(slug) else slug


def device_free(name: str) -> str:
    """A file name ('con.md'), with '-story' after its stem if Windows keeps that name
    ('con-story.md')."""
    stem, dot, suffix = name.partition(".")
    return f"{windows_safe(stem.rstrip(' '))}{dot}{suffix}" if windows_reserved(name) else name


def not_a_slug(text: str) -> tuple[str, str]:
    """Why `text` is not a slug, for the line that refuses it, and one to write instead;
    where the two would look alike on screen, what tells them apart."""
    suggested = slugify(text, fallback_prefix="article")
    unseen = [c for c in text if unicodedata.category(c) == "Cf"]
    if unseen:
        codes = ", ".join(dict.fromkeys(f"U+{ord(c):04X}" for c in unseen))
        why = f" (it holds characters nobody sees: {codes})"
    elif unicodedata.normalize("NFC", text) != text:
        why = " (its letters are written apart from their marks, as Unicode's NFD does)"
    else:
        why = ""
    return f"'{text}' is not a single lower-case URL segment{why}", suggested
