"""How a language writes what Newsroom puts together: a list of names (a byline) and a
count, by CLDR's rules through Babel, with the few that Babel does not read written here (each
with the CLDR data it stands for)."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import TYPE_CHECKING

from babel.core import Locale
from babel.numbers import format_decimal

from .dates import babel_locale

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

# the sound /i/ at a word's start (its accents taken off), before which Spanish writes 'e'
# for 'y' ('hie' is /je/)
_SPANISH_I_SOUND = re.compile(r"h?i(?![aeiou])")
_NOT_A_LETTER = "\"'«»“”‘’¡¿([ \u00a0"


def name_joints(names: Sequence[str], locale: str) -> list[str]:
    """What goes between each two of `names` as `locale` lists them, by CLDR's list patterns
    ('A, B et C', 'A وB وC', 'A، B، او C'; English without the serial comma, as British and AP
    style write it), Spanish writing 'e' for 'y' before an /i/ sound ('Ana e Isabel')."""
    if len(names) < 2:
        return []
    patterns = _list_patterns(locale)
    kinds = ["2"] if len(names) == 2 else ["start"] + ["middle"] * (len(names) - 3) + ["end"]
    joints = [patterns[kind].split("{0}", 1)[-1].split("{1}", 1)[0] for kind in kinds]
    return [
        _spanish_and(joint, following) for joint, following in zip(joints, names[1:], strict=True)
    ]


def names_joined(names: Sequence[str], locale: str) -> str:
    """`names` in one line, as `locale` lists them (`name_joints`)."""
    if not names:
        return ""
    joints = ["", *name_joints(names, locale)]
    return "".join(joint + name for joint, name in zip(joints, names, strict=True))


@cache
def _list_patterns(locale: str) -> Mapping[str, str]:
    language = babel_locale(locale)
    if language.language == "en":
        language = Locale("en", "GB")
    patterns: Mapping[str, str] = language.list_patterns["standard"]
    return patterns


def _spanish_and(joint: str, following: str) -> str:
    """'y' as 'e' before an /i/ sound: 'Ana e Isabel', 'Luis e Hilario', not 'y Hierro'."""
    if joint.strip() != "y":
        return joint
    letters = unicodedata.normalize("NFD", following.lstrip(_NOT_A_LETTER).casefold())
    bare = "".join(letter for letter in letters if not unicodedata.combining(letter))
    return joint.replace("y", "e") if _SPANISH_I_SOUND.match(bare) else joint


def written_count(count: int, locale: str) -> str:
    """`count` as `locale` writes it; in a language that groups no number of four digits
    (CLDR's minimum grouping of 2, which Babel does not read: `1234`, `12.345` in Spanish)."""
    language = babel_locale(locale)
    grouped = abs(count) >= 10_000 or not _grouped_from_five_digits(language)
    return str(format_decimal(count, locale=language, group_separator=grouped))


def _grouped_from_five_digits(language: Locale) -> bool:
    """CLDR's minimumGroupingDigits of 2, which Babel does not read: Spain's Spanish, Polish,
    Portuguese outside Brazil (`pt` is Brazil's)."""
    code, territory = language.language, language.territory
    return (
        code == "pl"
        or (code == "es" and territory in (None, "ES"))
        or (code == "pt" and territory not in (None, "BR"))
    )
