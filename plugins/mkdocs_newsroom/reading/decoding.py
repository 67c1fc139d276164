"""Turn the bytes of a reporter's file into clean text, saying what had to be repaired.

Files arrive from wire services, scrapers and every text editor there is: with byte-order marks,
Windows line ends, stray Latin-1 bytes and control characters. None of that should cost us the
article, and none of it should pass silently either.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field

from ..directions import INVALID_CHARACTERS, first_invalid
from ..problems import Problem

_CP1252_FALLBACK = "newsroom-cp1252"


def _decode_bytes_as_cp1252(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: read each byte that is not UTF-8 as Windows-1252. The five bytes
    Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) have no letter: they become
    U+FFFD, the replacement character, rather than a control character."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return bad.decode("cp1252", errors="replace"), error.end


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
    """'UTF-16-LE' or 'UTF-16-BE' for a file that reads as UTF-16 without its byte-order mark,
    else '': a NUL byte beside each Latin letter, space, digit or punctuation mark (which
    UTF-8 text never has) on one side of the pairs only, and the pairs read as text. A story
    in Arabic script has few of them (its letters are U+06xx): a twentieth of its pairs."""
    sample = data[:2048]
    pairs = len(sample) // 2
    if pairs < 2 or len(data) % 2:
        return ""
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > pairs * 0.05 and even < pairs * 0.01:
        encoding = "UTF-16-LE"
    elif even > pairs * 0.05 and odd < pairs * 0.01:
        encoding = "UTF-16-BE"
    else:
        return ""
    return encoding if _reads_as_text(sample.decode(encoding, errors="replace")) else ""


def _reads_as_text(text: str) -> bool:
    """Whether nearly all of `text` is letters, marks, spaces and the line ends of a text (a
    file of another kind, read as UTF-16, is controls, lone surrogates, unassigned code)."""
    unseen = sum(1 for c in text if not c.isprintable() and c not in "\t\n\r\f\u200c\u200d")
    return unseen <= len(text) * 0.02


# The first bytes of the files most often saved under a story's name by mistake
_SIGNATURES = (
    (b"\x89PNG", "a PNG picture"),
    (b"\xff\xd8\xff", "a JPEG picture"),
    (b"GIF8", "a GIF picture"),
    (b"%PDF-", "a PDF"),
    (b"PK\x03\x04", "a zip file (a Word or OpenDocument file is one)"),
    (b"\xd0\xcf\x11\xe0", "an old Word or Excel file"),
)


# Bytes no text has (controls but tab, line feed, form feed and carriage return): a tenth of
# a file's start made of them is no text with a stray one (random bytes are an eighth)
_CONTROL_BYTES = bytes([*range(9), 11, *range(14, 32), 127])
_SAMPLE = 8192


def not_text(data: bytes) -> str:
    """What a file is if it is no text ('a PDF', 'binary data'); '' for a text, however
    damaged (a front matter's opening line, or UTF-16 and UTF-32, which are full of NUL
    bytes, say it is one). Said in one line, not as the repairs decoding it would take."""
    found = next((kind for signature, kind in _SIGNATURES if data.startswith(signature)), "")
    if found or data.startswith((b"---", codecs.BOM_UTF8)):
        return found
    sample = data[:_SAMPLE]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls * 10 <= len(sample) or _wide_encoding(data) or _utf16_without_bom(data):
        return ""
    return "binary data (more than a tenth of its first bytes are control characters)"


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
