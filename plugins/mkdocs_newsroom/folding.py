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


# The letters of Arabic script in the order of the Persian, Pashto and Urdu alphabets, each
# language's own after the letter it comes from (پ after ب, ټ and ٹ after ت); Unicode puts
# them after the whole Arabic alphabet. Written here rather than read from a collation
# library: pyuca (the Unicode Collation Algorithm, pure Python) orders them so, but weighs
# 8 MB and takes 0.13 s to load in every build.
_ARABIC_ALPHABET = (
    "\u0621\u0627\u0628\u067e\u062a\u067c\u0679\u062b\u062c\u0681\u0686\u0685\u062d"
    "\u062e\u062f\u0689\u0688\u0630\u0631\u0693\u0691\u0632\u0698\u0696\u0633\u0634"
    "\u069a\u0635\u0636\u0637\u0638\u0639\u063a\u0641\u0642\u06a9\u06af\u0644\u0645"
    "\u0646\u06bc\u06ba\u0648\u0647\u06cc\u06d0\u06cd\u06d2"
)  # ء ا ب پ ت ټ ٹ ث ج ځ چ څ ح خ د ډ ڈ ذ ر ړ ڑ ز ژ ږ س ش ښ ص ض ط ظ ع غ ف ق ک گ ل م ن ڼ ں و ه ی ې ۍ ے
# Latin letters Unicode does not decompose into a letter and a mark
_LATIN_LETTERS = {"æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "ı": "i", "đ": "d", "ð": "d", "þ": "th"}
_IN_INDEX_ORDER: dict[int, str | None] = {
    **{ord(letter): chr(0xF0000 + place) for place, letter in enumerate(_ARABIC_ALPHABET)},
    **{ord(letter): plain for letter, plain in _LATIN_LETTERS.items()},
}


def index_order(name: str) -> str:
    """Where `name` goes in an index readers look a name up in: its letters without their
    accents and marks, in any case ('Árbitros' among the A's, 'ética' among the e's: not
    after 'Zonas', where their code points would put them), Arabic script's in its
    alphabets' order (پاکستان before هرات), without the characters that show nothing (a
    zero-width space, a direction mark)."""
    letters = unicodedata.normalize("NFKD", name).translate(_UNMARKED)
    shown = "".join(c for c in letters if unicodedata.category(c) != "Cf").casefold()
    return shown.translate(_IN_INDEX_ORDER)
