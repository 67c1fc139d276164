"""A photo the site publishes that says where it was taken (the GPS position a phone writes
into it) is a warning naming the file: the build's copies carry no metadata, but MkDocs
publishes the original as it is, and anyone can read the position from it."""

from __future__ import annotations

import io
import os
import struct
import zlib
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort
from PIL import ExifTags, Image

from mkdocs_newsroom.build.photo_positions import POSITION_PUBLISHED, published_positions
from mkdocs_newsroom.memo import MadeBefore
from mkdocs_newsroom.reading.positions import carries_position
from mkdocs_newsroom.settings.checked import PictureSettings

from .commands import newsroom
from .sites import article, build_site, photo

KABUL = {1: "N", 2: (34.0, 31.0, 12.5), 3: "E", 4: (69.0, 11.0, 0.0)}
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
    b'xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="34,31.2N" '
    b'exif:GPSLongitude="69,11.0E"/></rdf:RDF></x:xmpmeta>'
)


def located(kind: str = "JPEG", gps: dict[int, object] | None = None, **options: object) -> bytes:
    """A small photo of `kind` whose EXIF holds `gps` (Kabul's position by default)."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Phone"
    exif.get_ifd(ExifTags.IFD.GPSInfo).update(KABUL if gps is None else gps)
    out = io.BytesIO()
    Image.open(io.BytesIO(photo(64, 48))).save(out, kind, exif=exif, **options)
    return out.getvalue()


def _write(tmp_path: Path, data: bytes, name: str = "photo.jpg") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("kind", ["JPEG", "WEBP", "PNG", "AVIF"])
def test_a_position_is_found_in_each_kind_of_photo(tmp_path: Path, kind: str) -> None:
    assert carries_position(_write(tmp_path, located(kind), f"a.{kind.lower()}"))
    plain = io.BytesIO()
    Image.open(io.BytesIO(photo(64, 48))).save(plain, kind)
    assert not carries_position(_write(tmp_path, plain.getvalue(), f"b.{kind.lower()}"))


def test_only_a_latitude_and_a_longitude_are_a_position(tmp_path: Path) -> None:
    altitude_only = located(gps={5: 0, 6: 1800.0})  # a height and no place
    assert not carries_position(_write(tmp_path, altitude_only))
    assert not carries_position(_write(tmp_path, located(gps={1: "N", 2: (34.0, 0.0, 0.0)})))


def test_a_position_in_xmp_is_found(tmp_path: Path) -> None:
    out = io.BytesIO()
    Image.open(io.BytesIO(photo(64, 48))).save(out, "JPEG", xmp=XMP)
    assert carries_position(_write(tmp_path, out.getvalue()))


def test_damaged_or_strange_files_are_no_position_and_no_crash(tmp_path: Path) -> None:
    good = located()
    broken_exif = good.replace(b"Exif\x00\x00", b"Exif\x00\x00\xff\xff\xff\xff", 1)
    for data in (
        b"",
        b"not a photo at all",
        good[:40],  # cut short in its metadata
        broken_exif,
        b"\xff\xd8\xff\xe1\x00\x10Exif\x00\x00MM\x00*\xff\xff\xff\xff",
    ):
        assert carries_position(_write(tmp_path, data)) is False
    assert carries_position(tmp_path / "missing.jpg") is False


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def test_a_png_claiming_billions_of_pixels_is_read_from_its_header_alone(tmp_path: Path) -> None:
    """Its pixels are never decoded (getexif() of a PNG would decode them to look for an
    eXIf chunk after them)."""
    exif = Image.Exif()
    exif.get_ifd(ExifTags.IFD.GPSInfo).update(KABUL)
    header = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2, 0, 0, 0)
    data = (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"eXIf", exif.tobytes())
        + _png_chunk(b"IDAT", zlib.compress(b"\x00" * 1000))
        + _png_chunk(b"IEND", b"")
    )
    assert carries_position(_write(tmp_path, data, "huge.png"))


AUTHORS = "jdoe: {name: Jane Doe, avatar: images/jane.jpg}\n"


def _files() -> dict[str, str | bytes]:
    image = {"src": "images/lead.jpg", "alt": "A market"}
    return {
        "articles/a.md": article(
            "A story", authors=["jdoe"], image=image, body="![A map](/images/inline.webp)"
        ),
        "articles/draft.md": article("Not yet", draft=True, body="![Held](/images/held.jpg)"),
        "images/jane.jpg": located(),
        "images/lead.jpg": located(quality=90),
        "images/inline.webp": located("WEBP"),
        "images/clean.jpg": photo(64, 48),
        "images/held.jpg": located(),  # only a draft shows it: not published yet
    }


WARNED = ["images/inline.webp", "images/jane.jpg", "images/lead.jpg"]


def test_each_published_photo_with_a_position_is_one_warning_and_the_build_goes_on(
    tmp_path: Path,
) -> None:
    plugin = {"picture_cache_dir": str(tmp_path / "cache")}
    site = build_site(tmp_path, _files(), authors=AUTHORS, plugin=plugin)
    said = sorted(w for w in site.warnings if POSITION_PUBLISHED in w)
    assert said == [f"newsroom: {path}: {POSITION_PUBLISHED}" for path in WARNED]
    assert len(site.warnings) == len(said), site.warnings
    for path in WARNED:
        assert (site.site_dir / path).is_file()  # published as it is: the build went on
    assert not (site.site_dir / "images" / "held.jpg").exists()
    with pytest.raises(Abort):
        build_site(tmp_path / "strict", _files(), authors=AUTHORS, plugin=plugin, strict=True)
    # newsroom check says it too, for the draft's photo as well: it goes live later
    checked = newsroom(tmp_path, "check")
    assert checked.returncode == 1
    lines = [line for line in checked.stdout.splitlines() if POSITION_PUBLISHED in line]
    named = sorted(line.split(": ", 1)[0] for line in lines)
    assert named == sorted([*WARNED, "images/held.jpg"]), lines


def test_positions_published_on_purpose_are_no_warning(tmp_path: Path) -> None:
    plugin = {"picture_cache_dir": str(tmp_path / "cache"), "publish_photo_positions": True}
    site = build_site(tmp_path, _files(), authors=AUTHORS, plugin=plugin, strict=True)
    assert site.warnings == []
    published = (site.site_dir / "images" / "jane.jpg").read_bytes()
    assert published == (tmp_path / "content" / "images" / "jane.jpg").read_bytes()


def test_a_preview_asks_a_photo_again_only_once_it_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mkdocs.structure.files import File

    from mkdocs_newsroom.build import photo_positions

    path = _write(tmp_path, located())
    file = File("photo.jpg", str(tmp_path), str(tmp_path / "site"), use_directory_urls=True)
    asked: list[Path] = []

    def counted(source: Path) -> bool:
        asked.append(source)
        return carries_position(source)

    monkeypatch.setattr(photo_positions, "carries_position", counted)
    memory: MadeBefore[bool] = MadeBefore()
    for _ in range(2):
        assert len(published_positions([file], PictureSettings(), memory, drafts=True)) == 1
    assert len(asked) == 1
    path.write_bytes(photo(64, 48))  # saved again without its position
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert published_positions([file], PictureSettings(), memory, drafts=True) == []
    assert len(asked) == 2
