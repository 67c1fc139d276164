"""Turn the bytes of a reporter's file into clean text, saying what had to be repaired.

Files arrive from wire services, scrapers and every text editor there is: with byte-order marks,
Windows line ends, stray Latin-1 bytes and control characters. None of that should cost us the
article, and none of it should pass silently either.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from ..problems import Problem

_CP1252_FALLBACK = "newsroom-cp1252"
# Characters no web page, feed or YAML file may hold: C0 controls but tab and line ends, DEL,
# C1 controls, lone surrogates and the Unicode non-characters.
_NON_CHARACTERS = "".join(
    f"\\U{plane << 16 | 0xFFFE:08x}\\U{plane << 16 | 0xFFFF:08x}" for plane in range(17)
)
INVALID_CHARACTERS = re.compile(
    rf"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef{_NON_CHARACTERS}]"
)
# The same, for a text without characters past U+FFFF: a class re checks against one table,
# where the 32 non-characters past U+FFFF are each compared with every character (ten times
# as long over a whole file)
_INVALID_BELOW_PLANE_1 = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]"
)
_PAST_PLANE_0 = re.compile(r"[\U00010000-\U0010ffff]")


def first_invalid(text: str) -> re.Match[str] | None:
    """`INVALID_CHARACTERS.search(text)`, in a tenth of the time unless `text` holds
    characters past U+FFFF (emoji)."""
    if text.isascii() or not _PAST_PLANE_0.search(text):
        return _INVALID_BELOW_PLANE_1.search(text)
    return INVALID_CHARACTERS.search(text)


def _decode_bytes_as_cp1252(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: read each byte that is not UTF-8 as Windows-1252. The five bytes
    Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) have no letter: they become
    U+FFFD, the replacement character, rather than a control character."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return bad.decode("cp1252", errors="replace"), error.end


def invalid_character(text: str) -> str:
    """The first character of `text` that no page, feed or YAML file may hold, as U+XXXX
    (for surrogates too), or '' when there is none."""
    found = first_invalid(text)
    return f"U+{ord(found.group()):04X}" if found else ""


codecs.register_error(_CP1252_FALLBACK, _decode_bytes_as_cp1252)


@dataclass
class DecodedSource:
    text: str
    notices: list[Problem] = field(default_factory=list)


def _position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and (character) column of a byte offset, as an editor shows them."""
    line = data.count(b"\n", 0, offset) + 1
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return line, column


# Byte-order marks of the encodings of two and four bytes a character, the longest first: that
# of UTF-32 little-endian begins with that of UTF-16 little-endian
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


def _wide_encoding(data: bytes) -> str:
    """'UTF-32' or 'UTF-16' for a file that starts with its byte-order mark, else ''."""
    return next((name for bom, name in _WIDE_BOMS if data.startswith(bom)), "")


def _utf16_without_bom(data: bytes) -> str:
    """'UTF-16-LE' or 'UTF-16-BE' for a file that reads as UTF-16 without its byte-order mark
    (a NUL byte beside most Latin letters, which UTF-8 text never has), else ''."""
    sample = data[:2048]
    pairs = len(sample) // 2
    if pairs < 2 or len(data) % 2:
        return ""
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > pairs * 0.3 and even < pairs * 0.05:
        return "UTF-16-LE"
    if even > pairs * 0.3 and odd < pairs * 0.05:
        return "UTF-16-BE"
    return ""


def decode_source(path: str, data: bytes) -> DecodedSource:
    """Decode a source file as UTF-8, repairing (and reporting) what editors and scrapers leave."""
    notices: list[Problem] = []
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
        notices.append(
            Problem(
                path,
                "the file starts with a byte-order mark (BOM), which was ignored; "
                "save it as UTF-8 without BOM",
            )
        )
    elif encoding := _wide_encoding(data) or _utf16_without_bom(data):
        notices.append(
            Problem(path, f"the file is {encoding}; it was converted, but please save it as UTF-8")
        )
        text = data.decode(encoding, errors="replace")
        return _clean_text(path, text, notices)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _position(data, error.start)
        text = data.decode("utf-8", errors=_CP1252_FALLBACK)
        notices.append(
            Problem(
                path,
                f"byte 0x{data[error.start]:02X} is not UTF-8; bytes that are not UTF-8 were read "
                "as Windows-1252 (check the character there, then save the file as UTF-8)",
                line,
                column,
            )
        )
    return _clean_text(path, text, notices)


def _clean_text(path: str, text: str, notices: list[Problem]) -> DecodedSource:
    if "\r" in text:
        windows = text.count("\r\n")
        kinds = ["Windows (CRLF)"] if windows else []
        kinds += ["old Mac (CR)"] if text.count("\r") > windows else []
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        notices.append(
            Problem(
                path,
                f"the file has {' and '.join(kinds)} line ends, which were read as LF; save it "
                "with LF line ends (in git: core.autocrlf=input)",
            )
        )
    found = first_invalid(text)
    if found:
        line = text.count("\n", 0, found.start()) + 1
        column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
        text = INVALID_CHARACTERS.sub("", text)
        notices.append(
            Problem(
                path,
                f"character U+{ord(found.group()):04X} removed (and any others like it): "
                "control characters and non-characters cannot appear in web pages or feeds",
                line,
                column,
            )
        )
    return DecodedSource(text, notices)
