"""A video the site publishes that says where it was recorded (the place a phone writes into
it: Android's `©xyz`, Apple's location key, 3GPP's `loci`, XMP) is the same warning as such a
photo: MkDocs publishes the file as it is, and anyone can read the place from it. The videos
here are laid out box by box as phones and cameras write them; exiftool, what a newsroom would
check a file with, reads each position from them and its advice clears it."""

from __future__ import annotations

import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from mkdocs_newsroom.build.photo_positions import POSITION_PUBLISHED
from mkdocs_newsroom.reading import positions
from mkdocs_newsroom.reading.positions import carries_position

from .commands import newsroom
from .sites import article, build_site

KABUL_ISO_6709 = b"+34.5200+069.1800/"


def box(kind: bytes, data: bytes = b"") -> bytes:
    return struct.pack(">I", 8 + len(data)) + kind + data


def large_box(kind: bytes, data: bytes) -> bytes:
    """A box whose size is written in 64 bits, as a camera writes hours of media data."""
    return struct.pack(">I", 1) + kind + struct.pack(">Q", 16 + len(data)) + data


def _movie_header() -> bytes:
    matrix = struct.pack(">9I", 0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000)
    return box(
        b"mvhd",
        bytes(12) + struct.pack(">IIIH", 600, 600, 0x10000, 0x100) + bytes(10) + matrix,
    ) + bytes(0)


def _with_track(size: int = 64) -> bytes:
    """A track: its sample tables grow with the video's length."""
    return box(b"trak", box(b"stbl", bytes(size)))


FTYP_MP4 = box(b"ftyp", b"isom\x00\x00\x02\x00isomiso2avc1mp41")
FTYP_MOV = box(b"ftyp", b"qt  \x00\x00\x00\x00qt  ")
FTYP_3GP = box(b"ftyp", b"3gp4\x00\x00\x00\x003gp4isom")
FTYP_M4A = box(b"ftyp", b"M4A \x00\x00\x00\x00M4A isom")
MEDIA = box(b"mdat", bytes(2048))


def android_place(point: bytes = KABUL_ISO_6709) -> bytes:
    """moov/udta/©xyz: the text's length and language, then the point."""
    return box(b"udta", box(b"\xa9xyz", struct.pack(">HH", len(point), 0x15C7) + point))


def apple_place(point: bytes = b"+34.5200+069.1800+1800.000/") -> bytes:
    """moov/meta: a handler, the keys (the first: the location's), their values."""
    key = b"com.apple.quicktime.location.ISO6709"
    keys = box(b"keys", bytes(4) + struct.pack(">I", 1) + box(b"mdta", key))
    value = box(struct.pack(">I", 1), box(b"data", struct.pack(">II", 1, 0) + point))
    handler = box(b"hdlr", bytes(8) + b"mdta" + bytes(13))
    return box(b"meta", handler + keys + box(b"ilst", value))


def loci_place() -> bytes:
    """moov/udta/loci (3GPP): version and flags, language, a name, a role, then longitude,
    latitude and altitude in 16.16 fixed point, the celestial body and notes."""
    where = struct.pack(">iii", int(69.18 * 65536), int(34.52 * 65536), 1800 << 16)
    return box(
        b"udta",
        box(b"loci", bytes(4) + b"\x15\xc7" + b"Home\x00" + b"\x00" + where + b"earth\x00\x00"),
    )


def xmp_place() -> bytes:
    """A top-level uuid box of XMP, as Adobe's tools write it into an MP4."""
    xmp = (
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
        b'xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="34,31.2N" '
        b'exif:GPSLongitude="69,10.8E"/></rdf:RDF></x:xmpmeta>'
    )
    return box(b"uuid", bytes.fromhex("be7acfcb97a942e89c71999491e3afac") + xmp)


def movie(ftyp: bytes, *inside: bytes, before: bytes = b"", after: bytes = MEDIA) -> bytes:
    return ftyp + before + box(b"moov", _movie_header() + _with_track() + b"".join(inside)) + after


LOCATED = {
    "android.mp4": movie(FTYP_MP4, android_place()),
    "iphone.mov": movie(FTYP_MOV, apple_place()),
    # a camera writes its media first and the moov after it, the media's size in 64 bits
    "camera.mp4": FTYP_MP4
    + large_box(b"mdat", bytes(4096))
    + box(b"moov", _movie_header() + _with_track() + android_place()),
    "phone.3gp": movie(FTYP_3GP, loci_place()),
    "edited.mp4": movie(FTYP_MP4, before=xmp_place()),
    "Voice memo.m4a": movie(FTYP_M4A, android_place()),
    # an old QuickTime file: no ftyp box, the moov first
    "old.mov": box(b"moov", _movie_header() + android_place()) + MEDIA,
    "no-extension": movie(FTYP_MP4, android_place()),
    # the media data to the end of the file: a size of 0
    "to-the-end.mp4": movie(
        FTYP_MP4, android_place(), after=struct.pack(">I", 0) + b"mdat" + bytes(64)
    ),
}


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("name", sorted(LOCATED))
def test_a_video_says_where_it_was_recorded(tmp_path: Path, name: str) -> None:
    assert carries_position(_write(tmp_path, name, LOCATED[name]))


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("plain.mp4", movie(FTYP_MP4)),
        ("plain.mov", movie(FTYP_MOV, box(b"udta", box(b"\xa9nam", b"\x00\x05\x15\xc7Title")))),
        ("empty-place.mp4", movie(FTYP_MP4, android_place(b""))),
        ("words-for-a-place.mp4", movie(FTYP_MP4, android_place(b"Kabul"))),
        ("apple-key-no-value.mov", movie(FTYP_MOV, apple_place(b""))),
        # the word in a text, and a box name in a title: no box of a location's shape
        (
            "velocity.mp4",
            movie(
                FTYP_MP4, box(b"udta", box(b"\xa9cmt", b"\x00\x20\x15\xc7velocity +34.52+069.18/"))
            ),
        ),
        ("truncated.mp4", movie(FTYP_MP4, android_place())[:40]),
        ("not-a-box.mp4", FTYP_MP4 + struct.pack(">I", 3) + b"moov" + bytes(100)),
        ("zeros.mp4", FTYP_MP4 + bytes(4096)),
    ],
)
def test_a_video_without_a_place_is_none(tmp_path: Path, name: str, data: bytes) -> None:
    assert not carries_position(_write(tmp_path, name, data))


def test_the_place_of_a_long_video_is_found_past_its_tracks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hours of video make a moov of tens of megabytes, nearly all its tracks' sample tables:
    past the most read at once, its other boxes are read, never the tracks."""
    monkeypatch.setattr(positions, "_MOST_METADATA", 4096)
    read: list[int] = []
    original = positions._read_boxes

    def counted(file, at, end, found, left, tracks):  # type: ignore[no-untyped-def]
        left = original(file, at, end, found, left, tracks)
        read.append(sum(len(part) for part in found))
        return left

    monkeypatch.setattr(positions, "_read_boxes", counted)
    long_video = movie(FTYP_MP4, _with_track(100_000), android_place())
    assert carries_position(_write(tmp_path, "long.mp4", long_video))
    assert max(read) <= 4096
    many_boxes = (
        FTYP_MP4 + box(b"free") * 200_000 + movie(FTYP_MP4, android_place())[len(FTYP_MP4) :]
    )
    assert not carries_position(_write(tmp_path, "boxes.mp4", many_boxes))  # read no further


def _exiftool(*arguments: str) -> str:
    tool = shutil.which("exiftool")
    assert tool, "exiftool is missing: tools/install-system-deps installs it"
    return subprocess.run(
        [tool, *arguments], capture_output=True, text=True, check=True, timeout=60
    ).stdout


def test_exiftool_reads_each_place_and_its_advice_clears_it(tmp_path: Path) -> None:
    paths = [_write(tmp_path, name, data) for name, data in LOCATED.items()]
    for path in paths:
        said = _exiftool("-n", "-GPSCoordinates", "-GPSLatitude", "-GPSPosition", str(path))
        assert "34.5" in said and "69.1" in said, (path.name, said)
    advice = POSITION_PUBLISHED.split("exiftool ", 1)[1].split(" on the file")[0].split()
    _exiftool(*advice, *(str(path) for path in paths))
    for path in paths:
        assert "34.5" not in _exiftool("-n", "-GPSCoordinates", "-GPSLatitude", str(path))
        assert not carries_position(path), path.name


def test_a_published_video_with_its_place_is_a_warning_and_a_check_says_it(
    tmp_path: Path,
) -> None:
    root = tmp_path / "paper"
    files: dict[str, str | bytes] = {
        "articles/a.md": article("A story", body="<video src='/media/interview.mp4'></video>"),
        "media/interview.mp4": LOCATED["android.mp4"],
        "media/street.mov": LOCATED["iphone.mov"],
        "media/plain.mp4": movie(FTYP_MP4),
        "media/notes.txt": "Recorded in Kabul at +34.52+069.18, said in words",
    }
    site = build_site(root, files)
    said = sorted(w for w in site.warnings if POSITION_PUBLISHED in w)
    assert said == [
        f"newsroom: media/{name}: {POSITION_PUBLISHED}" for name in ("interview.mp4", "street.mov")
    ]
    assert (site.site_dir / "media" / "interview.mp4").is_file()  # the build went on
    checked = newsroom(root, "check")
    named = sorted(
        line.split(": ", 1)[0] for line in checked.stdout.splitlines() if POSITION_PUBLISHED in line
    )
    assert named == ["media/interview.mp4", "media/street.mov"], checked.stdout
    quiet = build_site(tmp_path / "public", files, plugin={"publish_photo_positions": True})
    assert [w for w in quiet.warnings if POSITION_PUBLISHED in w] == []
