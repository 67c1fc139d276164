"""Letters written in more than one way, folded into one, as search and slugs both read them:
Arabic and Persian forms of the same letter (ي and ی, ك and ک), digits of three scripts, and
the diacritics and marks that do not change which word it is."""

from __future__ import annotations

import unicodedata

ARABIC_MARKS: tuple[tuple[int, int], ...] = (
    (0x0610, 0x061A),  # Arabic signs above and below
    (0x0640, 0x0640),  # tatweel
    (0x064B, 0x065F),  # harakat, tanwin, shadda, sukun, hamza and madda above/below
    (0x0670, 0x0670),  # superscript alef
    (0x06D6, 0x06DC),  # Quranic annotation signs
    (0x06DF, 0x06E4),
    (0x06E7, 0x06E8),
    (0x06EA, 0x06ED),
)
DIACRITICS: tuple[tuple[int, int], ...] = (
    (0x0300, 0x036F),  # combining diacritical marks (accents, after NFKD)
    *ARABIC_MARKS,
    (0x1AB0, 0x1AFF),  # combining diacritical marks extended
    (0x1DC0, 0x1DFF),  # combining diacritical marks supplement
    (0x20D0, 0x20FF),  # combining marks for symbols
    (0xFE20, 0xFE2F),  # combining half marks
)

LETTER_VARIANTS: tuple[tuple[str, str], ...] = (
    ("\u064a", "\u06cc"),  # ي Arabic yeh -> ی Farsi yeh
    ("\u0649", "\u06cc"),  # ى alef maksura -> ی
    ("\u0643", "\u06a9"),  # ك Arabic kaf -> ک keheh
    ("\u0629", "\u0647"),  # ة teh marbuta -> ه heh
    ("\u06d5", "\u0647"),  # ە ae -> ه (ۀ decomposes to it)
    ("\u06c1", "\u0647"),  # ہ heh goal -> ه
    ("\u06be", "\u0647"),  # ھ heh doachashmee -> ه
    ("\u0671", "\u0627"),  # ٱ alef wasla -> ا alef
    ("\u06ab", "\u06af"),  # ګ Pashto gaf -> گ gaf
    *((chr(0x0660 + d), str(d)) for d in range(10)),  # Arabic-Indic digits
    *((chr(0x06F0 + d), str(d)) for d in range(10)),  # Persian (extended) digits
)

_ARABIC_FOLDED: dict[int, str | None] = {
    **{code: None for low, high in ARABIC_MARKS for code in range(low, high + 1)},
    **{ord(variant): plain for variant, plain in LETTER_VARIANTS},
}


def fold_arabic_script(text: str) -> str:
    """`text` in Unicode NFKD with the marks of Arabic script dropped and its letter
    variants folded (what slugs fold; search folds the marks of every script)."""
    return unicodedata.normalize("NFKD", text).translate(_ARABIC_FOLDED)


_UNMARKED: dict[int, str | None] = {
    **{code: None for low, high in DIACRITICS for code in range(low, high + 1)},
    **{ord(variant): plain for variant, plain in LETTER_VARIANTS},
}


def index_order(name: str) -> str:
    """Where `name` goes in an index readers look a name up in: its letters without their
    accents and marks, in any case ('Árbitros' among the A's, 'ética' among the e's: not
    after 'Zonas', where their code points would put them), without the characters that show
    nothing (a zero-width space, a direction mark)."""
    letters = unicodedata.normalize("NFKD", name).translate(_UNMARKED)
    return "".join(c for c in letters if unicodedata.category(c) != "Cf").casefold()
