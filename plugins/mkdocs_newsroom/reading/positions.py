"""Whether a photograph carries the place it was taken: the GPS position a phone, a camera or
a drone writes into it (EXIF's GPS latitude and longitude, or XMP's), which anyone who
downloads the file can read and put on a map.

A photo is known by its first bytes, not its name (`.jfif`, `.heic`, a raw `.dng`, no
extension at all). Two readers look, and either finding a position is enough:

- Pillow, from the header (the pixels are never decoded, so a photo of any size is read):
  the EXIF and XMP it reads for the formats it opens, and a PNG's text chunks, compressed or
  not (XMP there, or EXIF as ImageMagick writes it, a "Raw profile" in hexadecimal);
- a scan of the file's first 256 KB and last 64 KB (of a JPEG, the segments before its
  image data, where its metadata is), where Pillow does not look or cannot open the file:
  every EXIF block in them (a JPEG's second one, an old camera's, an HEIC's, a PNG's after
  its pixels, a WebP's past Pillow's limit on pixels), and XMP in any spelling
  (`exif:GPSLatitude`, a DJI drone's `drone-dji:GpsLatitude`), extended or not.

Not read: what follows a JPEG's end (another picture appended to it), positions elsewhere in
a large file, XMP in UTF-16, a video's location (MP4 and MOV files are not looked at), a
picture inside an SVG.

Pillow's readers alone missed all of those (a hostile review put 45 files to them), and no
maintained library reads them all without decoding or a program of its own (exiftool)."""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, BinaryIO

from PIL import (
    AvifImagePlugin,
    ExifTags,
    Image,
    JpegImagePlugin,
    PngImagePlugin,
    TiffImagePlugin,
    WebPImagePlugin,
)

if TYPE_CHECKING:
    from pathlib import Path

HEAD, TAIL = 256 * 1024, 64 * 1024  # what the scan reads of a file's start and end
_CHUNK = 16 * 1024  # a JPEG's segments are read this much at a time
_JPEG = b"\xff\xd8\xff"
# the first bytes of the kinds of file that carry photos' metadata
_PHOTO_SIGNATURES = (
    _JPEG,  # and MPO
    b"\x89PNG\r\n\x1a\n",
    b"II*\x00",  # TIFF, and the raw formats built on it (DNG, NEF, CR2, ARW)
    b"MM\x00*",
    b"IIRO",  # Olympus ORF
    b"IIU\x00",  # Panasonic RW2
    b"FUJIFILMCCD-RAW",
    b"GIF8",
)
_TIFF_STARTS = (b"II*\x00", b"MM\x00*")  # where an EXIF block's TIFF structure begins
_LATITUDE, _LONGITUDE = ExifTags.GPS.GPSLatitude, ExifTags.GPS.GPSLongitude
# each format's own reader, which reads the header without counting the pixels
_HEADER_READERS = (
    JpegImagePlugin.JpegImageFile,
    PngImagePlugin.PngImageFile,
    WebPImagePlugin.WebPImageFile,
    AvifImagePlugin.AvifImageFile,
    TiffImagePlugin.TiffImageFile,
)
_RAW_PROFILES = ("raw profile type exif", "raw profile type app1")  # ImageMagick's PNG text


def is_photo(head: bytes) -> bool:
    """Whether a file that begins with `head` (16 bytes are enough) is a photo's kind of
    file: a JPEG, PNG, TIFF or raw, GIF, WebP, or an HEIF one (HEIC, AVIF, Canon's CR3)."""
    if head.startswith(_PHOTO_SIGNATURES):
        return True
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return True
    return head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"mif1", b"avif", b"crx ")


def carries_position(path: Path) -> bool:
    """Whether the photo at `path` says where it was taken; False for a file that is not a
    photo (by its first bytes) or cannot be read."""
    try:
        with path.open("rb") as file:
            head = file.read(16)
            if not is_photo(head):
                return False
            if head.startswith(_JPEG):  # its metadata is all before its image data
                head, tail = _jpeg_metadata(head, file), b""
            else:
                head += file.read(HEAD)
                read = file.tell()
                file.seek(max(read, file.seek(0, 2) - TAIL))  # past what was read
                tail = file.read(TAIL)
    except OSError:
        return False
    return _in_bytes(head) or _in_bytes(tail) or _read_by_pillow(path)


def _jpeg_metadata(data: bytes, file: BinaryIO) -> bytes:
    """The segments before a JPEG's image data, where all its metadata is (its start of scan
    found segment by segment: an EXIF thumbnail holds one of its own), read on from `data`
    as far as they go, up to HEAD bytes."""
    at = 2
    while True:
        while at + 4 > len(data) and len(data) < HEAD:
            more = file.read(_CHUNK)
            if not more:
                return data
            data += more
        if at + 4 > len(data) or data[at] != 0xFF or data[at + 1] == 0xDA:
            return data[:at]  # the image data, or what is not a segment
        if data[at + 1] == 0xFF:  # a fill byte before a marker
            at += 1
            continue
        at += 2 + int.from_bytes(data[at + 2 : at + 4], "big")


def _read_by_pillow(path: Path) -> bool:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a claimed size or damaged metadata: read on
            with _opened(path) as image:
                if image.format == "TIFF" and _gps_in(image.getexif()):
                    return True  # a TIFF's own tags, read with its header
                return any(_in_bytes(value) for value in _metadata(image.info))
    except Exception:  # damaged metadata raises whatever its parser meets
        return False


def _opened(path: Path) -> Image.Image:
    try:
        return Image.open(path)
    except Image.DecompressionBombError:  # more pixels than Pillow opens: read the header
        for reader in _HEADER_READERS:
            try:
                return reader(path)
            except Exception:  # not this format
                continue
        raise


def _metadata(info: dict[str | tuple[int, int], object]) -> list[bytes]:
    """What Pillow read beside the pixels that may hold a position, as bytes: EXIF, XMP,
    and a PNG's text chunks (decompressed; an ImageMagick raw profile decoded)."""
    found = []
    for key, value in info.items():
        if isinstance(value, bytes):
            found.append(value)
        elif isinstance(value, str):
            if str(key).lower() in _RAW_PROFILES:
                found.append(_raw_profile(value))
            found.append(value.encode("utf-8", "replace"))
    return found


def _raw_profile(text: str) -> bytes:
    """An ImageMagick raw profile: a line naming it, its length, then hexadecimal."""
    digits = "".join(text.strip().split("\n")[2:]).replace(" ", "")
    try:
        return bytes.fromhex("".join(digits.split()))
    except ValueError:
        return b""


def _in_bytes(data: bytes) -> bool:
    return _xmp_position(data) or _exif_position(data)


def _exif_position(data: bytes) -> bool:
    """Whether an EXIF block (a TIFF structure) in `data` has a GPS latitude and longitude."""
    for start in _TIFF_STARTS:
        found = data.find(start)
        while found != -1:
            exif = Image.Exif()
            try:
                exif.load(data[found:])
                if _gps_in(exif):
                    return True
            except Exception:  # not an EXIF block after all, or a damaged one
                pass
            found = data.find(start, found + 1)
    return False


def _gps_in(exif: Image.Exif) -> bool:
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    return _LATITUDE in gps and _LONGITUDE in gps


def _xmp_position(data: bytes) -> bool:
    """Whether `data` names a GPS latitude and longitude as XMP does, in any case:
    `exif:GPSLatitude`, `drone-dji:GpsLatitude`."""
    return _names_gps(data, b"atitude") and _names_gps(data, b"ongitude")


def _names_gps(data: bytes, rest: bytes) -> bool:
    found = data.find(rest)  # fast: a search of the bytes, then a look before each find
    while found != -1:
        if data[max(0, found - 4) : found].lower() == b"gpsl":
            return True
        found = data.find(rest, found + 1)
    return False
