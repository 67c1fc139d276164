"""Whether a photograph carries the place it was taken: the GPS position a phone or a camera
writes into it (EXIF's GPS latitude and longitude, or XMP's), which anyone who downloads the
file can read and put on a map. Only what Pillow reads with the header is looked at: the
pixels are never decoded (a PNG's `eXIf` chunk after its image data goes unread)."""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING

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

# the extensions of the files that may carry one, as Pillow reads them
PHOTO_EXTENSIONS = (".jpg", ".jpeg", ".png", ".webp", ".avif", ".tif", ".tiff")
_LATITUDE, _LONGITUDE = ExifTags.GPS.GPSLatitude, ExifTags.GPS.GPSLongitude
# each format's own reader, which reads the header without counting the pixels
_HEADER_READERS = (
    JpegImagePlugin.JpegImageFile,
    PngImagePlugin.PngImageFile,
    WebPImagePlugin.WebPImageFile,
    AvifImagePlugin.AvifImageFile,
    TiffImagePlugin.TiffImageFile,
)


def carries_position(path: Path) -> bool:
    """Whether the photo at `path` says where it was taken; False for a file Pillow cannot
    read (its type, or its damage, is said elsewhere where it matters)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a claimed size or damaged metadata: read on
            with _opened(path) as image:
                return _in_exif(image) or _in_xmp(image.info.get("xmp"))
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


def _in_exif(image: Image.Image) -> bool:
    if image.format == "TIFF":
        exif = image.getexif()  # a TIFF's own tags, read with its header
    else:
        data = image.info.get("exif")  # not getexif(): a PNG's would decode the pixels
        if not data:
            return False
        exif = Image.Exif()
        exif.load(data)
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    return _LATITUDE in gps and _LONGITUDE in gps


def _in_xmp(xmp: object) -> bool:
    if isinstance(xmp, str):
        xmp = xmp.encode("utf-8", "replace")
    return isinstance(xmp, bytes) and b"GPSLatitude" in xmp and b"GPSLongitude" in xmp
