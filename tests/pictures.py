"""Pictures for the tests of responsive photographs, made with Pillow, and readers of what a
build made of them."""

from __future__ import annotations

import io
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

from PIL import Image
from selectolax.lexbor import LexborNode

from .sites import Site, photo, reached

ORIENTATION, DESCRIPTION = 0x0112, 0x010E
PILLOW_FORMAT = {"image/avif": "AVIF", "image/webp": "WEBP", "image/jpeg": "JPEG"}
PILLOW_FORMAT["image/png"] = "PNG"


def turned_jpeg(width: int, height: int, secret: str) -> bytes:
    """A portrait `width` x `height` with a red band along its top, stored on its side as
    phones store them: a JPEG whose EXIF says to turn it a quarter clockwise (orientation 6),
    with `secret` in its EXIF description."""
    portrait = Image.open(io.BytesIO(photo(width, height, seed=3)))
    portrait.paste((220, 0, 0), (0, 0, width, height // 8))
    stored = portrait.transpose(Image.Transpose.ROTATE_90)  # counter-clockwise
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif[DESCRIPTION] = secret
    buffer = io.BytesIO()
    stored.save(buffer, "JPEG", quality=92, exif=exif.tobytes())
    return buffer.getvalue()


def half_transparent_png(width: int, height: int) -> bytes:
    """A PNG whose left half is transparent."""
    picture = Image.open(io.BytesIO(photo(width, height, seed=2))).convert("RGBA")
    alpha = Image.new("L", picture.size, 255)
    alpha.paste(0, (0, 0, width // 2, height))
    picture.putalpha(alpha)
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    return buffer.getvalue()


def animated_png(width: int, height: int) -> bytes:
    frames = [Image.open(io.BytesIO(photo(width, height, seed=seed))) for seed in (6, 7)]
    buffer = io.BytesIO()
    frames[0].save(buffer, "PNG", save_all=True, append_images=frames[1:], duration=500)
    return buffer.getvalue()


def camera_mpo(width: int, height: int) -> bytes:
    """A JPEG as some cameras write it (MPO): the photograph, then a smaller second picture."""
    first = Image.open(io.BytesIO(photo(width, height, seed=12)))
    second = Image.new("RGB", (width // 8, height // 8), "blue")
    buffer = io.BytesIO()
    first.save(buffer, "MPO", save_all=True, append_images=[second], quality=92)
    return buffer.getvalue()


def claimed_png(width: int, height: int) -> bytes:
    """A few hundred bytes of PNG that claim `width` x `height` pixels: a decompression bomb."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    body = zlib.compress(b"\x00" * 4096)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")
    )


@dataclass(frozen=True)
class Candidate:
    """One URL of a srcset, and the file it names in the site."""

    url: str
    width: int  # its `w` descriptor
    file: Path


def candidates(site: Site, page_url: str, srcset: str) -> list[Candidate]:
    found = []
    for item in srcset.split(","):
        url, descriptor = item.split()
        assert descriptor.endswith("w"), item
        found.append(Candidate(url, int(descriptor[:-1]), site.file(reached(page_url, url))))
    return found


def picture_problems(
    site: Site, page_url: str, picture: LexborNode, original: bytes, size: tuple[int, int]
) -> list[str]:
    """What is wrong with the copies a <picture> offers: every srcset candidate must exist,
    be of the type its <source> says (the <img>'s: the original's), as wide as its descriptor
    and never wider than the original (`size`, as shown), keep its proportions, and weigh
    less than the original file (or be the original itself, offered at its own width when
    its copies as wide would weigh more)."""
    problems = []
    original_type = Image.open(io.BytesIO(original)).format
    original_type = "JPEG" if original_type == "MPO" else original_type  # a camera's JPEG
    offers = [(node.attributes.get("type"), node) for node in picture.css("source, img")]
    for mime, node in offers:
        srcset = node.attributes.get("srcset") or ""
        expected = PILLOW_FORMAT[mime] if mime else original_type
        for candidate in candidates(site, page_url, srcset) if srcset else []:
            if not candidate.file.is_file():
                problems.append(f"{candidate.url}: no such file")
                continue
            data = candidate.file.read_bytes()
            if data == original and candidate.width == size[0]:
                continue
            with Image.open(candidate.file) as copy:
                width, height = copy.size
                kind = copy.format
            if kind != expected:
                problems.append(f"{candidate.url}: {kind}, not {expected}")
            if width != candidate.width or width > size[0]:
                problems.append(f"{candidate.url}: {width} wide, said {candidate.width}w")
            if abs(height - width * size[1] / size[0]) > 1:
                problems.append(f"{candidate.url}: {width} x {height} is out of proportion")
            if len(data) >= len(original):
                problems.append(f"{candidate.url}: {len(data)} bytes, the original {len(original)}")
    return problems


def malformed_exif_jpeg(width: int, height: int) -> bytes:
    """A JPEG whose EXIF says to turn it a quarter clockwise (orientation 6) and holds a tag
    Pillow reads but cannot write back (a JPEG offset as one character): Pillow's
    ImageOps.exif_transpose raises struct.error on it."""

    def entry(tag: int, kind: int, value: bytes) -> bytes:
        return struct.pack(">HHI", tag, kind, 1) + value.ljust(4, b"\0")

    entries = [entry(ORIENTATION, 3, struct.pack(">H", 6)), entry(0x0201, 2, b"\x00\x01")]
    ifd = struct.pack(">H", len(entries)) + b"".join(entries) + b"\0\0\0\0"
    exif = b"Exif\x00\x00MM\x00*" + struct.pack(">I", 8) + ifd
    buffer = io.BytesIO()
    Image.open(io.BytesIO(photo(width, height, seed=10))).save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def flat_chart(width: int, height: int) -> bytes:
    """A chart as a newsroom draws one: a few flat colours, a PNG far lighter than a photo."""
    chart = Image.new("RGB", (width, height), "white")
    for bar in range(8):
        left = width // 10 + bar * width // 10
        chart.paste(
            (30 * bar, 90, 200 - 20 * bar), (left, height // (bar + 2), left + width // 20, height)
        )
    buffer = io.BytesIO()
    chart.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def widths(site: Site, page_url: str, node: LexborNode) -> list[int]:
    return [c.width for c in candidates(site, page_url, node.attributes["srcset"] or "")]
