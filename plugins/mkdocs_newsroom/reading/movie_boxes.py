"""Where a video (MP4, MOV, 3GP, M4V, a phone's M4A recording) keeps the place it was recorded:
boxes of metadata (`udta`, `meta`, `uuid`) at its top, in its `moov` and in each of its
tracks, read by their structure, never its media data (`mdat`) or its tracks' sample tables.

A place is a point in ISO 6709 ('+34.5200+069.1800/', '+48.8566+2.3522/': Android's media
library writes no leading zeros) in a `©xyz` box (Android, Samsung, old iPhones' `@xyz`, an
iTunes-style item), or in the value of Apple's `com.apple.quicktime.location.ISO6709` key; a
3GPP `loci` box; a Nikon camera's GPS tags (`NCDT`). XMP and EXIF in those boxes are looked
for as in a photo's metadata (positions.py). Boxes are read by their structure, so a box
blanked by renaming it (`free`) is no place.

Not read: a place kept with the media data (a GoPro's or a drone's track of positions), a
metadata box larger than what is left of 16 MB, boxes past the first thousand of a box, a
video in another container (AVI, MKV, WebM)."""

from __future__ import annotations

import re
import struct
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from collections.abc import Iterator

# a QuickTime file's first box, where it has no `ftyp` (an old MOV)
QUICKTIME_STARTS = (b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot")
_METADATA = (b"udta", b"meta", b"uuid")  # boxes whose data is read, with their header
_MOST_BOXES = 1_000  # looked at, at each level: a video has a few dozen
_PLACE_NAMES = (b"\xa9xyz", b"@xyz")
_APPLE_KEY = b"location.ISO6709"  # com.apple.quicktime.location.ISO6709, or shorter
_NIKON_PLACE = {0x1200002, 0x1200004}  # GPS latitude and longitude, of GPS tags 0x12000nn
_NIKON_SIZES = {3: 2, 4: 4, 5: 8, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8}  # bytes a value, by format
# degrees, or with minutes, or with seconds, then the longitude's, with or without zeros
_ISO_6709 = re.compile(rb"[+-]\d{1,6}(?:\.\d+)?[+-]\d{1,7}(?:\.\d+)?")
_TWO_NUMBERS = re.compile(rb"\d[\d.]*[^\d.]+\d")


def movie_metadata(file: BinaryIO, most_bytes: int) -> list[bytes]:
    """The metadata boxes of the video in `file`, each with its 8-byte header, as much as
    `most_bytes` in all."""
    found: list[bytes] = []
    left = most_bytes
    end = file.seek(0, 2)
    for kind, start, stop in _boxes(file, 0, end):
        inside = _boxes(file, start, stop) if kind == b"moov" else iter([(kind, start, stop)])
        for inner, inner_start, inner_stop in inside:
            if inner == b"trak":
                wanted = list(_boxes(file, inner_start, inner_stop))
            else:
                wanted = [(inner, inner_start, inner_stop)]
            for box, data_start, data_end in wanted:
                if box in _METADATA and data_end - data_start <= left:
                    file.seek(data_start)
                    found.append(b"\x00\x00\x00\x00" + box + file.read(data_end - data_start))
                    left -= data_end - data_start
    return found


def _boxes(file: BinaryIO, at: int, end: int) -> Iterator[tuple[bytes, int, int]]:
    """The boxes from `at` to `end`: each one's kind, and where its data starts and ends."""
    for _box in range(_MOST_BOXES):
        if at + 8 > end:
            return
        file.seek(at)
        size, kind = struct.unpack(">I4s", file.read(8))
        header = 8
        if size == 1:  # a 64-bit size follows
            size, header = int.from_bytes(file.read(8), "big"), 16
        elif size == 0:  # to the end of the file
            size = end - at
        if size < header:
            return  # not a box: what follows cannot be read
        yield kind, at + header, min(at + size, end)
        at += size


def movie_position(part: bytes) -> bool:
    """Whether a metadata box of a video (its header first) holds the place it was
    recorded."""
    kind, data = part[4:8], part[8:]
    if kind == b"udta":
        return any(_place_box(name, value) for name, value in _children(data))
    return kind == b"meta" and _meta_place(data)


def _children(data: bytes) -> Iterator[tuple[bytes, bytes]]:
    at = 0
    for _box in range(_MOST_BOXES):
        if at + 8 > len(data):
            return
        size, kind = struct.unpack_from(">I4s", data, at)
        if size < 8:
            return
        yield kind, data[at + 8 : at + size]
        at += size


def _place_box(name: bytes, value: bytes) -> bool:
    """Whether a box of a `udta` is a place: a point (after its text's length and language,
    or without them; written loosely, still a place), a 3GPP location (a version, flags, a
    language, a name, a role, then the coordinates), an iTunes-style `meta`, a Nikon
    camera's GPS tags."""
    if name in _PLACE_NAMES:  # ISO 6709, or any two numbers: '37.3318,-122.0312'
        return _TWO_NUMBERS.search(value[4:] if value[:1] == b"\x00" else value) is not None
    if name == b"loci":
        name_end = value.find(b"\x00", 6)
        return value[:1] in (b"\x00", b"\x01") and name_end != -1 and len(value) >= name_end + 14
    if name == b"meta":
        return _meta_place(value)
    if name == b"NCDT":
        return _nikon_place(dict(_children(value)).get(b"NCTG", b""))
    return False


def _meta_place(data: bytes) -> bool:
    """A `meta` box's place: the value of Apple's location key (`keys` names the keys in
    order, `ilst` holds each value in a box whose kind is the key's number), or an item
    `©xyz` of `ilst` (iTunes-style). A value is a `data` box: a type and a locale, then it."""
    if data[4:8] != b"hdlr":  # an ISO meta box: a version and flags before its boxes
        data = data[4:]
    children = dict(_children(data))
    items = dict(_children(children.get(b"ilst", b"")))
    keys = _children(children.get(b"keys", b"")[8:])  # after a version, flags and a count
    named = [struct.pack(">I", n) for n, (_, key) in enumerate(keys, 1) if key.endswith(_APPLE_KEY)]
    for item in (*named, *_PLACE_NAMES):
        value = dict(_children(items.get(item, b""))).get(b"data", b"")
        if _ISO_6709.match(value, 8):
            return True
    return False


def _nikon_place(tags: bytes) -> bool:
    """A latitude and a longitude among a Nikon camera's tags (NCTG: a number, a format and
    a count, then the value), each degrees, minutes and seconds as three fractions."""
    found = set()
    at = 0
    for _tag in range(_MOST_BOXES):
        if at + 8 > len(tags):
            break
        number, kind, count = struct.unpack_from(">IHH", tags, at)
        size = count * _NIKON_SIZES.get(kind, 1)
        if number in _NIKON_PLACE and kind == 5 and count == 3 and at + 8 + size <= len(tags):
            fractions = struct.unpack_from(">6I", tags, at + 8)
            if any(fractions[1::2]):  # not all undefined (0/0)
                found.add(number)
        at += 8 + size
    return found == _NIKON_PLACE
