"""Where a video (MP4, MOV, 3GP, M4V, a phone's M4A recording) keeps the place it was recorded:
boxes of metadata (`udta`, `meta`, `uuid`) at its top, in its `moov` and in each of its
tracks, read by their structure, never its media data (`mdat`) or its tracks' sample tables.

A place is a point in ISO 6709 ('+34.5200+069.1800/', '+48.8566+2.3522/': Android's media
library writes no leading zeros), or any two numbers, in a `©xyz` box (Android, Samsung, old
iPhones' `@xyz`, an iTunes-style item) or in the value of Apple's
`com.apple.quicktime.location.ISO6709` key (ffmpeg's `location`); a 3GPP `loci` box; a
Nikon camera's GPS tags (`NCDT`). XMP and EXIF in those boxes are looked for as in a photo's
metadata (positions.py). Boxes are read by their structure, so a box blanked by renaming it
(`free`) is no place.

Hand-written, as the photos' readers are: hachoir (3.4, pure Python) reads none of these
places from the test videos, pymediainfo needs the native MediaInfo, exiftool is a program of
its own.

Not read: a place kept with the media data (a GoPro's or a drone's track of positions), a
Pentax camera's `PENT` box, values in UTF-16, a metadata box larger than what is left of 16
MB (every box counts 8 bytes against them), boxes past the file's first 10,000, a video in
another container (AVI, MKV, WebM)."""

from __future__ import annotations

import re
import struct
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from collections.abc import Iterator

# a QuickTime file's first box, where it has no `ftyp` (an old MOV)
QUICKTIME_STARTS = (b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot", b"junk", b"uuid")
_METADATA = (b"udta", b"meta", b"uuid")  # boxes whose data is read, with their header
_MOST_BOXES = 10_000  # of a file, looked at: a video has a few dozen
_HEADER = 8  # bytes a box counts against what is read of a file, however small
_PLACE_NAMES = (b"\xa9xyz", b"@xyz")
_PLACE_TEXT = 64  # bytes of a place's text looked at: a point is some 30
_NIKON_PLACE = {0x1200002, 0x1200004}  # GPS latitude and longitude, of GPS tags 0x12000nn
_NIKON_SIZES = {3: 2, 4: 4, 5: 8, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8}  # bytes a value, by format
_TWO_NUMBERS = re.compile(rb"\d[\d.]*[^\d.]+\d")


class _Walk:
    """What is left to look at and read of one file."""

    def __init__(self, file: BinaryIO, most_bytes: int) -> None:
        self.file = file
        self.boxes = _MOST_BOXES
        self.bytes = most_bytes


def movie_metadata(file: BinaryIO, most_bytes: int) -> list[bytes]:
    """The metadata boxes of the video in `file` (at its top, in its `moov`, in each of its
    tracks), each with an 8-byte header, as much as `most_bytes` in all."""
    walk = _Walk(file, most_bytes)
    found: list[bytes] = []
    for kind, start, stop in _boxes(walk, 0, file.seek(0, 2)):
        inside = _boxes(walk, start, stop) if kind == b"moov" else iter([(kind, start, stop)])
        for inner, inner_start, inner_stop in inside:
            if inner == b"trak":
                wanted = list(_boxes(walk, inner_start, inner_stop))
            else:
                wanted = [(inner, inner_start, inner_stop)]
            for box, data_start, data_end in wanted:
                if box in _METADATA and data_end - data_start <= walk.bytes:
                    file.seek(data_start)
                    found.append(b"\x00\x00\x00\x00" + box + file.read(data_end - data_start))
                    walk.bytes -= data_end - data_start
    return found


def _boxes(walk: _Walk, at: int, end: int) -> Iterator[tuple[bytes, int, int]]:
    """The boxes from `at` to `end`: each one's kind, and where its data starts and ends;
    each counted against what is left of the walk."""
    while at + 8 <= end and walk.boxes > 0 and walk.bytes >= _HEADER:
        walk.boxes -= 1
        walk.bytes -= _HEADER
        walk.file.seek(at)
        head = walk.file.read(16)
        extent = _box_extent(head, at, end)
        if extent is None:
            return  # not a box: what follows cannot be read
        kind, data_start, data_end = extent
        yield kind, data_start, data_end
        at = data_end


def _box_extent(head: bytes, at: int, end: int) -> tuple[bytes, int, int] | None:
    """The kind of the box whose header (at least 8 bytes, 16 where there are) is `head`,
    starting at `at` of a space ending at `end`, and where its data starts and ends; none
    where it is too small to be a box."""
    size, kind = struct.unpack_from(">I4s", head)
    header = 8
    if size == 1 and len(head) >= 16:  # a 64-bit size follows
        size, header = int.from_bytes(head[8:16], "big"), 16
    elif size == 0:  # to the end
        size = end - at
    if size < header:
        return None
    return kind, at + header, min(at + size, end)


def movie_position(part: bytes) -> bool:
    """Whether a metadata box of a video (its header first) holds the place it was
    recorded."""
    kind, data = part[4:8], part[8:]
    if kind == b"udta":
        return any(_place_box(name, value) for name, value in _children(data))
    return kind == b"meta" and _meta_place(data)


def _children(data: bytes) -> list[tuple[bytes, bytes]]:
    """The boxes in `data`: each one's kind and data."""
    found: list[tuple[bytes, bytes]] = []
    at = 0
    while at + 8 <= len(data) and len(found) < _MOST_BOXES:
        extent = _box_extent(data[at : at + 16], at, len(data))
        if extent is None:
            break
        kind, data_start, data_end = extent
        found.append((kind, data[data_start:data_end]))
        at = data_end
    return found


def _place_box(name: bytes, value: bytes) -> bool:
    """Whether a box of a `udta` is a place: a point (after its text's length and language,
    or without them; written loosely, still a place), a 3GPP location (a version, flags, a
    language, a name, a role, then the coordinates), an iTunes-style `meta`, a Nikon
    camera's GPS tags."""
    if name in _PLACE_NAMES:
        return _is_place_text(value[4:] if value[:1] == b"\x00" else value)
    if name == b"loci":
        name_end = value.find(b"\x00", 6)
        return value[:1] in (b"\x00", b"\x01") and name_end != -1 and len(value) >= name_end + 14
    if name == b"meta":
        return _meta_place(value)
    if name == b"NCDT":
        return any(_nikon_place(tags) for kind, tags in _children(value) if kind == b"NCTG")
    return False


def _is_place_text(text: bytes) -> bool:
    """Two numbers in the first bytes of a place's text: '+34.52+069.18/', '34.52, 69.18'."""
    return _TWO_NUMBERS.search(text[:_PLACE_TEXT]) is not None


def _meta_place(data: bytes) -> bool:
    """A `meta` box's place: the value of a location key (Apple's
    `com.apple.quicktime.location.ISO6709`, ffmpeg's `location`; `keys` names the keys in
    order, `ilst` holds each value in a box whose kind is the key's number), or an item
    `©xyz` of `ilst` (iTunes-style). A value is a `data` box: a type and a locale, then it."""
    if data[:4] == b"\x00\x00\x00\x00":  # an ISO meta box: a version and flags first
        data = data[4:]
    children = _children(data)
    keys = [key for kind, body in children if kind == b"keys" for _, key in _children(body[8:])]
    located = {struct.pack(">I", n) for n, key in enumerate(keys, 1) if _is_location_key(key)}
    for kind, body in children:
        for item, values in _children(body) if kind == b"ilst" else ():
            if item in located or item in _PLACE_NAMES:
                texts = (value[8:] for name, value in _children(values) if name == b"data")
                if any(_is_place_text(text) for text in texts):
                    return True
    return False


def _is_location_key(key: bytes) -> bool:
    """Apple's key (`com.apple.quicktime.location.ISO6709`, or shorter), or ffmpeg's
    (`location`, `location-eng`) when it keeps a video's tags."""
    return key.endswith(b"location.ISO6709") or key.split(b"-")[0] == b"location"


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
