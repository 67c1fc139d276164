"""A video the site publishes that says where it was recorded (the place a phone writes into
it: Android's `©xyz`, Apple's location key, 3GPP's `loci`, XMP) is the same warning as such a
photo: MkDocs publishes the file as it is, and anyone can read the place from it. The videos
here are laid out box by box as phones and cameras write them; exiftool, what a newsroom would
check a file with, reads each position from them and its advice clears it."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from mkdocs_newsroom.build.photo_positions import POSITION_PUBLISHED
from mkdocs_newsroom.reading.movie_boxes import movie_metadata
from mkdocs_newsroom.reading.positions import carries_position

from .commands import newsroom
from .sites import article, build_site

KABUL_ISO_6709 = b"+34.5200+069.1800/"
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
    b'xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="34,31.2N" '
    b'exif:GPSLongitude="69,10.8E"/></rdf:RDF></x:xmpmeta>'
)


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
    )


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


def apple_place(
    point: bytes = b"+34.5200+069.1800+1800.000/",
    key: bytes = b"com.apple.quicktime.location.ISO6709",
    handler_first: bool = True,
    values: int = 1,
) -> bytes:
    """moov/meta: a handler, the keys (the first: the location's), their values (in the
    last of `values` data boxes, and of as many ilst boxes)."""
    keys = box(b"keys", bytes(4) + struct.pack(">I", 1) + box(b"mdta", key))
    data = [box(b"data", struct.pack(">II", 1, 0) + text) for text in [b"-"] * (values - 1)]
    value = box(
        struct.pack(">I", 1), b"".join(data) + box(b"data", struct.pack(">II", 1, 0) + point)
    )
    items = [box(b"ilst", box(struct.pack(">I", 1), box(b"data", bytes(8))))] * (values - 1)
    handler = box(b"hdlr", bytes(8) + b"mdta" + bytes(13))
    boxes = [handler, keys] if handler_first else [keys, handler]
    return box(b"meta", b"".join([*boxes, *items, box(b"ilst", value)]))


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
    return box(b"uuid", bytes.fromhex("be7acfcb97a942e89c71999491e3afac") + XMP)


def movie(ftyp: bytes, *inside: bytes, before: bytes = b"", after: bytes = MEDIA) -> bytes:
    return ftyp + before + box(b"moov", _movie_header() + _with_track() + b"".join(inside)) + after


def itunes_place() -> bytes:
    """udta/meta (a full box)/ilst/©xyz/data, as iTunes-style tags are written."""
    value = box(b"data", struct.pack(">II", 1, 0) + KABUL_ISO_6709)
    handler = box(b"hdlr", bytes(8) + b"mdir" + bytes(13))
    return box(b"meta", bytes(4) + handler + box(b"ilst", box(b"\xa9xyz", value)))


def nikon_tags(fix: bool = True) -> bytes:
    """NCTG: GPS tags 0x1200001-4, each a number, a format, a count and its value (without
    a `fix`, as a camera without one writes them: every fraction 0/0)."""

    def tag(number: int, kind: int, count: int, value: bytes) -> bytes:
        return struct.pack(">IHH", number, kind, count) + value

    def degrees(*parts: int) -> bytes:
        return b"".join(struct.pack(">II", part, 1) if fix else bytes(8) for part in parts)

    return box(
        b"NCTG",
        tag(0x1200001, 2, 2, b"N\x00")
        + tag(0x1200002, 5, 3, degrees(34, 31, 12))
        + tag(0x1200003, 2, 2, b"E\x00")
        + tag(0x1200004, 5, 3, degrees(69, 10, 48)),
    )


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
    ),  # Android's media library writes no leading zeros: Paris, London, New York
    "paris.mp4": movie(FTYP_MP4, android_place(b"+48.8566+2.3522/")),
    "london.mp4": movie(FTYP_MP4, android_place(b"+51.5074-0.1278/")),
    "new-york.mp4": movie(FTYP_MP4, android_place(b"+40.7128-74.0060/")),
    "iphone-3gs.mov": movie(FTYP_MOV, box(b"udta", box(b"@xyz", KABUL_ISO_6709))),
    "loosely.mp4": movie(FTYP_MP4, android_place(b"34.52, 69.18")),
    "itunes.m4v": movie(FTYP_MP4, box(b"udta", itunes_place())),
    "in-a-track.mp4": FTYP_MP4 + box(b"moov", _movie_header() + box(b"trak", android_place())),
    "keys-in-a-track.mov": FTYP_MOV + box(b"moov", _movie_header() + box(b"trak", apple_place())),
    "udta-xmp.mp4": movie(FTYP_MP4, box(b"udta", box(b"XMP_", XMP))),
    "nikon.mov": movie(FTYP_MOV, box(b"udta", box(b"NCDT", box(b"NCHD", b"0100") + nikon_tags()))),
    # a description of eight words holding 'loci' before the place
    # ffmpeg keeping a video's tags (-movflags use_metadata_tags): the key `location`
    "ffmpeg.mp4": movie(FTYP_MP4, apple_place(key=b"location")),
    # a QuickTime meta whose handler is not its first box; a place in the second of two
    # values, of the second of two ilst boxes; a box of the udta with a 64-bit size
    "keys-first.mov": movie(FTYP_MOV, apple_place(handler_first=False)),
    "second-value.mov": movie(FTYP_MOV, apple_place(values=2)),
    "large-size.mp4": movie(
        FTYP_MP4,
        box(
            b"udta",
            struct.pack(">I", 1)
            + b"\xa9xyz"
            + struct.pack(">Q", 34)
            + b"\x00\x12\x15\xc7"
            + KABUL_ISO_6709,
        ),
    ),
    "velocity.3gp": movie(
        FTYP_3GP,
        box(b"udta", box(b"\xa9cmt", b"\x00\x48\x15\xc7" + b"velocity " * 8) + loci_place()[8:]),
    ),
}


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("name", sorted(LOCATED))
def test_a_video_says_where_it_was_recorded(tmp_path: Path, name: str) -> None:
    assert carries_position(_write(tmp_path, name, LOCATED[name]))


WITHOUT_A_PLACE = dict(
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
        # a place blanked by renaming its box, as a tool may do in place
        ("blanked.mp4", movie(FTYP_MP4, box(b"udta", box(b"free", android_place()[16:])))),
        ("blanked.mov", movie(FTYP_MOV, box(b"free", apple_place()[8:]))),
        ("nikon-no-fix.mov", movie(FTYP_MOV, box(b"udta", box(b"NCDT", nikon_tags(fix=False))))),
        ("not-a-box.mp4", FTYP_MP4 + struct.pack(">I", 3) + b"moov" + bytes(100)),
        # figures without a second number: read no further than a place's text goes (a
        # pattern once took seconds over 40 KB of them, and hours over a megabyte)
        ("figures.mp4", movie(FTYP_MP4, box(b"udta", box(b"\xa9xyz", bytes(4) + b"1" * 200_000)))),
        ("zeros.mp4", FTYP_MP4 + bytes(4096)),
    ]
)


@pytest.mark.parametrize("name", sorted(WITHOUT_A_PLACE))
def test_a_video_without_a_place_is_none(tmp_path: Path, name: str) -> None:
    assert not carries_position(_write(tmp_path, name, WITHOUT_A_PLACE[name]))


def test_the_place_of_a_long_video_is_found_past_its_tracks(tmp_path: Path) -> None:
    """Hours of video make a moov of tens of megabytes, nearly all its tracks' sample tables:
    its metadata boxes are read, never the tracks' tables nor the media data."""
    long_video = movie(FTYP_MP4, _with_track(20_000_000), android_place())
    path = _write(tmp_path, "long.mp4", long_video)
    with path.open("rb") as file:
        read = movie_metadata(file, 16 * 1024 * 1024)
    assert [part[4:8] for part in read] == [b"udta"] and len(read[0]) < 100
    assert carries_position(path)


def test_countless_empty_boxes_are_looked_at_no_further_than_a_limit(tmp_path: Path) -> None:
    """Each box counts, however small: a million empty udta boxes in 8 MB took seconds."""
    countless = movie(FTYP_MP4, box(b"udta") * 1_000_000, android_place())
    path = _write(tmp_path, "countless.mp4", countless)
    with path.open("rb") as file:
        assert len(movie_metadata(file, 16 * 1024 * 1024)) < 10_000
    assert not carries_position(path)  # its place, past the limit, is not read


def test_a_moov_nested_a_thousand_deep_is_read_without_a_fault(tmp_path: Path) -> None:
    """Boxes are read at fixed depths: a moov in a moov, 1,200 deep, once ended the build
    with a RecursionError. (Countless boxes: test_photo_positions.py.)"""
    nested = FTYP_MP4 + (struct.pack(">I", 17 << 20) + b"moov") * 1_200 + android_place()
    assert not carries_position(_write(tmp_path, "nested.mp4", nested))


def _exiftool_position(path: Path) -> str:
    """The GPS position exiftool reads from the file at `path`, as its lines say it: two
    numbers at least (not a run of figures it shows as written)."""
    tool = shutil.which("exiftool")
    assert tool, "exiftool is missing: tools/install-system-deps installs it"
    said = subprocess.run(
        # a track's place too ("Track 1 GPS ..."), and ffmpeg's key ("Location")
        [tool, "-n", "-a", "-*GPS*", "-*Location*", str(path)],
        capture_output=True,
        check=False,
        timeout=60,
    ).stdout.decode("utf-8", "replace")
    lines = re.findall(r"^[^:\n]*(?:GPS|Location)[^:\n]*: .*$", said, re.MULTILINE)
    return "\n".join(line for line in lines if re.search(r"\d[\d.]*[^\d.]+\d", line))


def test_exiftool_reads_the_places_found_and_none_of_the_others(tmp_path: Path) -> None:
    """What a newsroom would check a file with agrees with the check on every video here,
    and the warning's advice clears each place."""
    located = [_write(tmp_path, name, data) for name, data in LOCATED.items()]
    for path in located:
        assert _exiftool_position(path), path.name
    for name, data in WITHOUT_A_PLACE.items():
        assert _exiftool_position(_write(tmp_path, name, data)) == "", name
    advice = POSITION_PUBLISHED.split("exiftool ", 1)[1].split(" on the file")[0].split()
    cleared = subprocess.run(
        ["exiftool", *advice, *map(str, located)], capture_output=True, check=False, timeout=120
    )
    assert cleared.returncode in (0, 1), cleared.stderr  # 1: "no writable tags set" as well
    still = {path.name for path in located if _exiftool_position(path)}
    assert still == {path.name for path in located if carries_position(path)}
    # exiftool does not remove a place kept in a track's own udta, or in a box whose size
    # is written in 64 bits (docs/errors.md)
    assert still == {"in-a-track.mp4", "large-size.mp4"}


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
