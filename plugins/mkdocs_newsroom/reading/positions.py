"""Whether a photograph or a video carries the place it was taken: the GPS position a phone,
a camera or a drone writes into it, in EXIF (GPS latitude and longitude), XMP
(`exif:GPSLatitude`, a DJI drone's `drone-dji:GpsLatitude`, Darwin Core's `decimalLatitude`...)
or a video's own boxes, which anyone who downloads the file can read and put on a map.

A photo is known by its first bytes, not its name (`.jfif`, `.heic`, a raw `.dng`, none).
Its metadata is read where its format keeps it, and the pixels are never decoded (a photo of
any size is read in a few reads):

- a JPEG: the segments before its image data;
- a PNG: every chunk but the image data, before or after it, compressed text decompressed
  (XMP, or EXIF as ImageMagick writes it: a "Raw profile" in hexadecimal);
- a WebP: its EXIF and XMP chunks, wherever they are;
- an XMP sidecar file (`photo.xmp`): its text;
- a video (MP4, MOV, 3GP, M4V; a phone's M4A recording too): its boxes of metadata, read by
  their structure (movie_boxes.py);
- anything else (TIFF and raw formats, HEIC, AVIF, JPEG XL, GIF): its first 256 KB and last
  64 KB, and what Pillow reads from its header (a TIFF's tags wherever they are).

In all of them, every EXIF block (a TIFF structure) is looked into, the first, a second, a
thumbnail's, as is every XMP property, whatever its prefix, named as a latitude or a
longitude, with a value in figures. Pillow's readers alone missed most of these (two hostile
reviews put a hundred files to them), and no maintained library reads them all without
decoding or a program of its own (exiftool).

Not read: what follows a JPEG's end (another picture appended to it), a TIFF's or a raw
file's position outside its first 256 KB and last 64 KB that Pillow does not read, XMP in
UTF-16, a picture inside an SVG, and what movie_boxes.py does not read of a video."""

from __future__ import annotations

import math
import re
import struct
import warnings
import zlib
from typing import TYPE_CHECKING, BinaryIO

from PIL import ExifTags, Image, TiffImagePlugin

from .movie_boxes import QUICKTIME_STARTS, movie_metadata, movie_position

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

HEAD, TAIL = 256 * 1024, 64 * 1024  # what is read of the start and end of other files
_CHUNK = 16 * 1024  # a JPEG's segments are read this much at a time
_BLOCK = 64 * 1024  # the most an EXIF block is read of, from where it begins
_MOST_BLOCKS = 8  # places an EXIF block could begin, tried in each piece of metadata
_MOST_TRIES = 64  # of a file: thousands of pieces (a PNG's chunks, a video's boxes) each try
_MOST_TRIED_BYTES = 192 * 1024  # of EXIF blocks tried in a file: three of the largest
_MOST_TEXT = 4 * 1024 * 1024  # of a compressed PNG text, decompressed
_MOST_METADATA = 16 * 1024 * 1024  # of a PNG's or WebP's chunks, read
_MOST_CHUNKS = 100_000  # of a PNG or a WebP, looked at
_JPEG = b"\xff\xd8\xff"
_PNG = b"\x89PNG\r\n\x1a\n"
_XMP_STARTS = (b"<?xpacket", b"<x:xmpmeta", b"<rdf:RDF")  # an XMP sidecar file
# the first bytes of the other kinds of file that carry photos' metadata
_OTHER_PHOTOS = (
    b"II*\x00",  # TIFF, and the raw formats built on it (DNG, NEF, CR2, ARW)
    b"MM\x00*",
    b"IIRO",  # Olympus ORF: a TIFF under another mark
    b"IIRS",
    b"IIU\x00",  # Panasonic RW2, likewise
    b"FUJIFILMCCD-RAW",
    b"GIF8",
    b"\xff\x0a",  # JPEG XL
    b"\x00\x00\x00\x0cJXL \r\n\x87\n",
)
# the brands of HEIF and AVIF pictures (and of Canon's CR3): other ftyp brands are videos
_HEIF_BRANDS = frozenset(
    {*b"heic heix heim heis hevc hevx mif1 msf1 avif avis avio".split(), b"crx "}
)
# where an EXIF block's TIFF structure begins, little- or big-endian: tried in the order they
# come, as the file's first is nearly always its EXIF
_TIFF_START = re.compile(rb"II\*\x00|MM\x00\*")
_TIFF_LIKE = (b"IIRO", b"IIRS", b"IIU\x00")
_LATITUDE, _LONGITUDE = ExifTags.GPS.GPSLatitude, ExifTags.GPS.GPSLongitude
# an XMP property named as a latitude or a longitude under a namespace's prefix, as XMP
# writes every property (`exif:GPSLatitude`, `drone-dji:Latitude`, `dwc:decimalLatitude`;
# DJI's old `GpsLongtitude`), as an attribute or an element, whose value begins with a
# figure: not `GPSLatitudeRef`, not an empty one, not a word in a text, not a caption's
# `latitude="12"`
_XMP_PLACE = r'[\w-]:\w*{}\s*(?:=\s*["\']|>)\s*[-+]?\d'
_XMP_LATITUDE = re.compile(_XMP_PLACE.format("latitude").encode(), re.IGNORECASE)
_XMP_LONGITUDE = re.compile(_XMP_PLACE.format("long(?:t?itude)").encode(), re.IGNORECASE)
_RAW_PROFILES = (b"raw profile type exif", b"raw profile type app1")  # ImageMagick's


def carries_position(path: Path) -> bool:
    """Whether the photo or video at `path` says where it was taken; False for a file that is
    neither (by its first bytes) or cannot be read."""
    try:
        with path.open("rb") as file:
            head = file.read(16)
            read = _reader(head)
            if read is None:
                return False
            metadata = read(head, file)
    except (OSError, ValueError, struct.error):  # a file cut short, sizes past any end
        return False
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Pillow's on damaged metadata: nothing to act on
        tries = _Tries()
        if any(_in_bytes(part, tries) for part in metadata):
            return True
        return read is _other_metadata and _read_by_pillow(path)


def _reader(head: bytes) -> Callable[[bytes, BinaryIO], list[bytes]] | None:
    """How the metadata of a file that begins with `head` is read; None for a file that is
    not a photo."""
    if head.startswith(_JPEG):
        return _jpeg_metadata
    if head.startswith(_PNG):
        return _png_metadata
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return _webp_metadata
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(_XMP_STARTS):
        return _xmp_metadata
    if head.startswith(_OTHER_PHOTOS) or (head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS):
        return _other_metadata
    if head[4:8] == b"ftyp" or head[4:8] in QUICKTIME_STARTS:
        return _movie_metadata
    return None


def _jpeg_metadata(head: bytes, file: BinaryIO) -> list[bytes]:
    """The segments before a JPEG's image data, where all its metadata is (its start of scan
    found segment by segment: an EXIF thumbnail holds one of its own), up to HEAD bytes."""
    data, at = head, 2
    while True:
        while at + 4 > len(data) and len(data) < HEAD:
            more = file.read(_CHUNK)
            if not more:
                return [data]
            data += more
        if at + 4 > len(data) or data[at] != 0xFF or data[at + 1] == 0xDA:
            return [data[:at]]  # the image data, or what is not a segment
        if data[at + 1] == 0xFF:  # a fill byte before a marker
            at += 1
            continue
        at += 2 + int.from_bytes(data[at + 2 : at + 4], "big")


def _png_metadata(head: bytes, file: BinaryIO) -> list[bytes]:
    """Every chunk of a PNG but its image data, wherever it is, compressed text
    decompressed."""
    file.seek(len(_PNG))
    found: list[bytes] = []
    total = 0
    for _chunk in range(_MOST_CHUNKS):
        header = file.read(8)
        if len(header) < 8:
            break
        length, kind = struct.unpack(">I4s", header)
        if kind in (b"IDAT", b"fdAT") or length > _MOST_METADATA:
            file.seek(length + 4, 1)  # the pixels, and the checksum
            continue
        text = _png_text(kind, file.read(length))
        file.seek(4, 1)
        total += len(text)  # decompressed: a few KB may hold megabytes
        found.append(text)
        if total > _MOST_METADATA:
            break
    return found


def _png_text(kind: bytes, data: bytes) -> bytes:
    """A chunk's data as its text reads: a compressed text decompressed (as much as
    _MOST_TEXT), an ImageMagick raw profile's hexadecimal as bytes."""
    keyword, _, rest = data.partition(b"\x00")
    if kind == b"zTXt":
        data = keyword + b"\x00" + _decompressed(rest[1:])
    elif kind == b"iTXt" and rest[:1] == b"\x01":  # compressed; then language and keyword
        text = rest[2:].split(b"\x00", 2)
        data = keyword + b"\x00" + _decompressed(text[2] if len(text) == 3 else b"")
    if keyword.lower() in _RAW_PROFILES:
        digits = b"".join(data.partition(b"\x00")[2].strip().split(b"\n")[2:])
        try:
            return bytes.fromhex(digits.decode("ascii", "replace").replace(" ", ""))
        except ValueError:
            return data
    return data


def _decompressed(data: bytes) -> bytes:
    try:
        return zlib.decompressobj().decompress(data, _MOST_TEXT)
    except zlib.error:
        return b""


def _webp_metadata(head: bytes, file: BinaryIO) -> list[bytes]:
    """A WebP's EXIF and XMP chunks (after its image data, as WebP puts them)."""
    file.seek(12)
    found: list[bytes] = []
    for _chunk in range(_MOST_CHUNKS):
        header = file.read(8)
        if len(header) < 8:
            break
        kind, length = struct.unpack("<4sI", header)
        if kind in (b"EXIF", b"XMP ") and length <= _MOST_METADATA:
            found.append(file.read(length))
            file.seek(length % 2, 1)
        else:
            file.seek(length + length % 2, 1)
    return found


def _movie_metadata(head: bytes, file: BinaryIO) -> list[bytes]:
    return movie_metadata(file, _MOST_METADATA)


def _xmp_metadata(head: bytes, file: BinaryIO) -> list[bytes]:
    return [head + file.read(HEAD)]


def _other_metadata(head: bytes, file: BinaryIO) -> list[bytes]:
    """The first HEAD and last TAIL bytes of a file of another kind; of an ORF or RW2, its
    start as the TIFF it is under another mark."""
    head += file.read(HEAD)
    read = file.tell()
    file.seek(max(read, file.seek(0, 2) - TAIL))  # past what was read
    found = [head, file.read(TAIL)]
    if head.startswith(_TIFF_LIKE):
        found.append(b"II*\x00" + head[4:])
    return found


def _read_by_pillow(path: Path) -> bool:
    """What Pillow reads from the header of a file of another kind: a TIFF's tags wherever
    they are, an AVIF's EXIF and XMP."""
    try:
        with _opened(path) as image:
            if image.format == "TIFF" and _gps_in(image.getexif(), _Tries()):
                return True
            values = [v for v in image.info.values() if isinstance(v, bytes)]
            return any(_in_bytes(value, _Tries()) for value in values)
    except Exception:  # damaged metadata, or not a kind Pillow reads
        return False


def _opened(path: Path) -> Image.Image:
    try:
        return Image.open(path)
    except Image.DecompressionBombError:  # more pixels than Pillow opens: a TIFF's reader
        return TiffImagePlugin.TiffImageFile(path)  # reads its header without counting them


class _Tries:
    """What is left to try of EXIF blocks in one file: a number of blocks, and of bytes (a
    crafted block of 64 KB takes Pillow some 50 ms to read)."""

    def __init__(self) -> None:
        self.blocks = _MOST_TRIES
        self.bytes = _MOST_TRIED_BYTES
        # a block said 0°N 0°E: once the tries are spent, the file is taken to carry a
        # position, so that such blocks cannot hide a real one behind them
        self.zero_point = False

    def exif(self, block: bytes) -> Image.Exif | None:
        """The EXIF of `block`, or None once the file's tries are spent."""
        if self.blocks <= 0 or self.bytes <= 0:
            return None
        self.blocks -= 1
        self.bytes -= len(block)
        return _exif(block)


def _in_bytes(data: bytes, tries: _Tries) -> bool:
    return (
        _xmp_position(data)
        or _exif_position(data, tries)
        or _canon_position(data, tries)
        or movie_position(data)
    )


def _exif_position(data: bytes, tries: _Tries) -> bool:
    """Whether an EXIF block (a TIFF structure) in `data` has a GPS latitude and longitude:
    each of the first few places a TIFF structure could begin is tried, in order, as a block
    of at most 64 KB (as in a JPEG), while the file's `tries` last; a file made of such
    beginnings costs no more."""
    for tried, found in enumerate(_TIFF_START.finditer(data)):
        start = found.start()
        exif = None if tried == _MOST_BLOCKS else tries.exif(data[start : start + _BLOCK])
        if exif is None:
            return tries.zero_point
        if _gps_in(exif, tries):
            return True
    return False


def _canon_position(data: bytes, tries: _Tries) -> bool:
    """A Canon CR3's GPS block (`CMT4`): a TIFF structure whose first directory is the GPS
    one."""
    found = data.find(b"CMT4")
    if found == -1:
        return False
    tags = tries.exif(data[found + 4 : found + 4 + _BLOCK])
    if tags is None:
        return tries.zero_point
    return _is_point(tags.get(_LATITUDE), tags.get(_LONGITUDE), tries)


def _exif(block: bytes) -> Image.Exif:
    exif = Image.Exif()
    try:
        exif.load(block)
    except Exception:  # not an EXIF block after all, or a damaged one
        return Image.Exif()
    return exif


def _gps_in(exif: Image.Exif, tries: _Tries) -> bool:
    try:
        gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    except Exception:  # a GPS directory that cannot be read
        return False
    return _is_point(gps.get(_LATITUDE), gps.get(_LONGITUDE), tries)


def _is_point(latitude: object, longitude: object, tries: _Tries) -> bool:
    """Whether an EXIF latitude and longitude (degrees, minutes, seconds) hold a point: some
    figures defined (0/0 is undefined), not all zero, which a camera without a fix may write
    (0°N 0°E is open sea; `tries` are told of it)."""
    latitude_figures, longitude_figures = _defined(latitude), _defined(longitude)
    if not (latitude_figures and longitude_figures):
        return False
    if any(latitude_figures + longitude_figures):
        return True
    tries.zero_point = True
    return False


def _defined(coordinate: object) -> list[float]:
    """The defined figures of an EXIF coordinate; one that is not a number is taken for a
    figure other than zero (NaN), so that a damaged position is still one."""
    if not isinstance(coordinate, tuple):
        return []
    figures = []
    for part in coordinate:
        if getattr(part, "denominator", 1) == 0:
            continue
        try:
            figures.append(float(part))
        except (TypeError, ValueError):
            figures.append(math.nan)
    return figures


def _xmp_position(data: bytes) -> bool:
    """Whether `data` holds an XMP latitude and longitude with values in figures (looked
    for only where the bytes `atitude` are: in few files)."""
    if data.find(b"atitude") == -1 and data.find(b"ATITUDE") == -1:
        return False
    return bool(_XMP_LATITUDE.search(data)) and bool(_XMP_LONGITUDE.search(data))
