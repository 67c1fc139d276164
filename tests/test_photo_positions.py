"""A photo the site publishes that says where it was taken (the GPS position a phone writes
into it) is a warning naming the file: the build's copies carry no metadata, but MkDocs
publishes the original as it is, and anyone can read the position from it."""

from __future__ import annotations

import io
import os
import struct
import warnings
import zlib
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort
from PIL import ExifTags, Image
from PIL.TiffImagePlugin import IFDRational

from mkdocs_newsroom.build.photo_positions import POSITION_PUBLISHED, published_positions
from mkdocs_newsroom.memo import MadeBefore
from mkdocs_newsroom.reading.positions import carries_position
from mkdocs_newsroom.settings.checked import PictureSettings

from .commands import newsroom
from .sites import article, build_site, photo

UNDEFINED = IFDRational(0, 0)
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


def _exif_block(gps: dict[int, object] | None = None, endian: str = ">") -> bytes:
    exif = Image.Exif()
    exif.endian = endian
    exif.get_ifd(ExifTags.IFD.GPSInfo).update(KABUL if gps is None else gps)
    return exif.tobytes().removeprefix(b"Exif\x00\x00")  # a TIFF structure, as EXIF is


def _canon_gps_block() -> bytes:
    """A Canon CR3's `CMT4` box: a TIFF structure whose first directory holds the GPS tags."""
    exif = Image.Exif()
    for tag, value in KABUL.items():
        exif[tag] = value
    block = exif.tobytes().removeprefix(b"Exif\x00\x00")
    return struct.pack(">I", len(block) + 8) + b"CMT4" + block


def _xmp(properties: str) -> bytes:
    return (
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description '
        f"{properties}/></rdf:RDF></x:xmpmeta>"
    ).encode()


def _xmp_jpeg(properties: str) -> bytes:
    return _with_segment(photo(64, 48), b"http://ns.adobe.com/xap/1.0/\x00" + _xmp(properties))


def _with_segment(jpeg: bytes, payload: bytes, marker: bytes = b"\xff\xe1") -> bytes:
    """`jpeg` with one more segment (an APP1 by default) right after its start."""
    return jpeg[:2] + marker + struct.pack(">H", len(payload) + 2) + payload + jpeg[2:]


def _behind_zero_points(jpeg: bytes, count: int, size: int) -> bytes:
    """`jpeg` (its EXIF saying where it was taken) behind `count` EXIF blocks of about `size`
    bytes each saying 0°N 0°E."""
    exif = Image.Exif()
    exif.get_ifd(ExifTags.IFD.GPSInfo).update({2: (0.0, 0.0, 0.0), 4: (0.0, 0.0, 0.0)})
    exif[ExifTags.Base.ImageDescription] = "x" * size
    for _block in range(count):
        jpeg = _with_segment(jpeg, exif.tobytes())
    return jpeg


def _before_tables(jpeg: bytes, segments: bytes) -> bytes:
    """`jpeg` with `segments` after its APP segments (before its quantization tables)."""
    at = jpeg.index(b"\xff\xdb")
    return jpeg[:at] + segments + jpeg[at:]


_MARKED_SEGMENTS = b"".join(
    b"\xff\xed" + struct.pack(">H", 60_006) + b"II*\x00" + bytes(60_000) for _ in range(4)
)


def _webp_past_pillows_limit() -> bytes:
    """A WebP of 16,000 x 12,000 pixels as its header says (Pillow opens none above 179
    million), its EXIF block after the image, where WebP puts it."""
    size = (15_999).to_bytes(3, "little") + (11_999).to_bytes(3, "little")
    chunks = b"VP8X" + struct.pack("<I", 10) + b"\x08\x00\x00\x00" + size
    exif = _exif_block()
    chunks += b"VP8 " + struct.pack("<I", 4) + b"\x00" * 4
    chunks += b"EXIF" + struct.pack("<I", len(exif)) + exif
    return b"RIFF" + struct.pack("<I", len(chunks) + 4) + b"WEBP" + chunks


def _png(*chunks: tuple[bytes, bytes]) -> bytes:
    header = struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0)
    parts = [(b"IHDR", header), *chunks, (b"IEND", b"")]
    return b"\x89PNG\r\n\x1a\n" + b"".join(_png_chunk(kind, data) for kind, data in parts)


IDAT = (b"IDAT", zlib.compress(b"\x00" * 200))
XMP_KEY = b"XML:com.adobe.xmp"
DJI_XMP = (
    b'<x:xmpmeta><rdf:Description drone-dji:GpsLatitude="34.5" drone-dji:GpsLongitude="69.1"/>'
)


def _raw_profile(data: bytes) -> bytes:
    """EXIF as ImageMagick writes it in a PNG: a text chunk of hexadecimal."""
    return f"\nexif\n{len(data)}\n{data.hex()}\n".encode()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        # a JPEG whose first EXIF block has no position and whose second has one
        ("second.jpg", _with_segment(located(gps={5: 0}), b"Exif\x00\x00" + _exif_block())),
        ("old-camera.jpg", _with_segment(photo(64, 48), b"Exif\x00\xff" + _exif_block())),
        ("drone.jpg", _with_segment(photo(64, 48), b"http://ns.adobe.com/xap/1.0/\x00" + DJI_XMP)),
        ("a.jfif", located()),
        # behind blocks saying 0°N 0°E that spend the file's tries, in bytes or in number
        ("behind-zeros.jpg", _behind_zero_points(located(), 3, 65_000)),
        ("behind-many-zeros.jpg", _behind_zero_points(located(), 70, 10)),
        # on the equator: a latitude of zero, a longitude other than zero
        (
            "equator.jpg",
            _with_segment(
                photo(64, 48),
                b"Exif\x00\x00" + _exif_block({1: "N", 2: (0.0, 0.0, 0.0), 4: (32.0, 35.0, 0.0)}),
            ),
        ),
        # its EXIF (big-endian) first, then segments of other data that holds little-endian
        # TIFF marks: tried in the order they come, the EXIF is read before they spend the
        # file's tries
        ("after-others.jpg", _before_tables(located(), _MARKED_SEGMENTS)),
        ("a.jpe", located()),
        ("no-extension", located()),
        ("huge.webp", _webp_past_pillows_limit()),
        ("after-pixels.png", _png(IDAT, (b"eXIf", _exif_block()))),
        ("text-xmp.png", _png((b"tEXt", XMP_KEY + b"\x00" + XMP), IDAT)),
        ("ztxt-xmp.png", _png((b"zTXt", XMP_KEY + b"\x00\x00" + zlib.compress(XMP)), IDAT)),
        (
            "imagemagick.png",
            _png(
                (
                    b"zTXt",
                    b"Raw profile type exif\x00\x00"
                    + zlib.compress(_raw_profile(b"Exif\x00\x00" + _exif_block())),
                ),
                IDAT,
            ),
        ),
        (
            "large-text-first.png",  # 2 MB of text Pillow refuses to decompress, then EXIF
            _png(
                (b"zTXt", b"Comment\x00\x00" + zlib.compress(b" " * 2_000_000)),
                (b"eXIf", _exif_block()),
                IDAT,
            ),
        ),
        (
            "iphone.heic",
            b"\x00\x00\x00\x18ftypheic" + b"\x00" * 12 + b"Exif\x00\x00" + _exif_block(),
        ),
        ("raw.dng", _exif_block()),  # a TIFF file is an EXIF block: a DNG's position is its own
        ("olympus.orf", b"IIRO" + _exif_block(endian="<")[4:]),  # a TIFF under another mark
        ("canon.cr3", b"\x00\x00\x00\x18ftypcrx " + b"\x00" * 12 + _canon_gps_block()),
        (
            "a.jxl",
            b"\x00\x00\x00\x0cJXL \r\n\x87\n"
            + struct.pack(">I", len(_exif_block()) + 12)
            + b"Exif\x00\x00\x00\x00"
            + _exif_block(),
        ),
        ("old-drone.jpg", _xmp_jpeg('drone-dji:Latitude="34.5" drone-dji:GpsLongtitude="69.1"')),
        (
            "darwin-core.jpg",
            _xmp_jpeg(
                "><dwc:decimalLatitude>-34.5</dwc:decimalLatitude><dwc:decimalLongitude>"
                "69.1</dwc:decimalLongitude></rdf:Description"
            ),
        ),
        ("late-ztxt.png", _png(IDAT, (b"zTXt", XMP_KEY + b"\x00\x00" + zlib.compress(XMP)))),
        (
            "late-imagemagick.png",
            _png(
                IDAT,
                (
                    b"zTXt",
                    b"Raw profile type APP1\x00\x00"
                    + zlib.compress(_raw_profile(b"Exif\x00\x00" + _exif_block())),
                ),
            ),
        ),
        ("IMG_0001.xmp", b"<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?>" + XMP),
    ],
)
def test_positions_where_pillow_does_not_look_are_found(
    tmp_path: Path, name: str, data: bytes
) -> None:
    assert carries_position(_write(tmp_path, data, name))


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("text.jpg", _xmp_jpeg('dc:description="We removed GPSLatitude and GPSLongitude"')),
        ("comment.jpg", _with_segment(photo(64, 48), b"GPSLatitude 1 GPSLongitude 2", b"\xff\xfe")),
        ("references.jpg", _xmp_jpeg('exif:GPSLatitudeRef="N" exif:GPSLongitudeRef="E"')),
        # a caption that quotes coordinates: XMP writes no property without a prefix
        (
            "caption.jpg",
            _xmp_jpeg(
                '><dc:description><rdf:Alt><rdf:li xml:lang="x-default">Set latitude="12" '
                'longitude="13" in the form</rdf:li></rdf:Alt></dc:description></rdf:Description'
            ),
        ),
        ("empty.jpg", _xmp_jpeg('exif:GPSLatitude="" exif:GPSLongitude=""')),
        # a camera without a fix: degrees, minutes and seconds all undefined (0/0)
        (
            "no-fix.jpg",
            _with_segment(
                photo(64, 48),
                b"Exif\x00\x00" + _exif_block({2: (UNDEFINED,) * 3, 4: (UNDEFINED,) * 3}),
            ),
        ),
        # a camera without a fix may write zeros: 0°N 0°E, open sea
        (
            "null-island.jpg",
            _with_segment(
                photo(64, 48),
                b"Exif\x00\x00" + _exif_block({2: (0.0, 0.0, 0.0), 4: (0.0, 0.0, 0.0)}),
            ),
        ),
    ],
)
def test_what_only_names_a_position_is_none(tmp_path: Path, name: str, data: bytes) -> None:
    assert not carries_position(_write(tmp_path, data, name))


AUTHORS = "jdoe: {name: Jane Doe, avatar: images/jane.jpg}\n"


def _files() -> dict[str, str | bytes]:
    image = {"src": "images/lead.jpg", "alt": "A market"}
    return {
        "articles/a.md": article(
            "A story", authors=["jdoe"], image=image, body="![A map](/images/inline.webp)"
        ),
        "articles/draft.md": article("Not yet", draft=True, body="![Held](/images/held.jpg)"),
        "articles/unused.jpg": located(),  # of the articles folder, and no story shows it
        "images/jane.jpg": located(),
        "images/lead.jpg": located(quality=90),
        "images/inline.webp": located("WEBP"),
        "images/clean.jpg": photo(64, 48),
        "images/held.jpg": located(),  # only a draft shows it: not published yet
        "images/scan.jfif": located(),  # a photo by its bytes, whatever its name
        "images/no-extension": located(),
        "images/notes.md": "A page, never opened as a photo",
    }


def _site(root: Path, **options: object) -> dict[str, object]:
    """The site's other folders: the theme's `custom_dir` with a photo of its own (MkDocs
    publishes it too), and a folder linked from outside the site (it publishes nothing)."""
    (root / "overrides" / "assets").mkdir(parents=True, exist_ok=True)
    (root / "overrides" / "assets" / "masthead.jpg").write_bytes(located())
    outside = root.parent / f"{root.name}-outside"  # of the folder of mkdocs.yml
    outside.mkdir(exist_ok=True)
    (outside / "secret.jpg").write_bytes(located())
    (root / "content").mkdir(parents=True, exist_ok=True)
    if not (root / "content" / "linked").exists():
        (root / "content" / "linked").symlink_to(outside)
    theme = {"name": "material", "font": False, "custom_dir": "overrides"}
    plugin = {"picture_cache_dir": str(root / "cache"), **options}
    return {"plugin": plugin, "config": {"theme": theme}, "authors": AUTHORS}


WARNED = [
    "../overrides/assets/masthead.jpg",  # named from the content folder, as every file
    "images/inline.webp",
    "images/jane.jpg",
    "images/lead.jpg",
    "images/no-extension",
    "images/scan.jfif",
]


def test_each_published_photo_with_a_position_is_one_warning_and_the_build_goes_on(
    tmp_path: Path,
) -> None:
    root = tmp_path / "paper"
    site = build_site(root, _files(), **_site(root))  # type: ignore[arg-type]
    said = sorted(w for w in site.warnings if POSITION_PUBLISHED in w)
    assert said == [f"newsroom: {path}: {POSITION_PUBLISHED}" for path in WARNED]
    others = [w for w in site.warnings if POSITION_PUBLISHED not in w]
    assert all("linked" in w for w in others), others  # the linked folder, left out
    for path in WARNED[1:]:
        assert (site.site_dir / path).is_file()  # published as it is: the build went on
    assert (site.site_dir / "assets" / "masthead.jpg").is_file()
    for path in ("images/held.jpg", "articles/unused.jpg", "linked/secret.jpg"):
        assert not (site.site_dir / path).exists(), path
    strict = tmp_path / "strict"
    with pytest.raises(Abort):
        build_site(strict, _files(), strict=True, **_site(strict))  # type: ignore[arg-type]
    # newsroom check says it of the same files, and of the draft's photo: it goes live later
    checked = newsroom(root, "check")
    assert checked.returncode == 1
    lines = [line for line in checked.stdout.splitlines() if POSITION_PUBLISHED in line]
    named = sorted(line.split(": ", 1)[0] for line in lines)
    assert named == sorted([*WARNED, "images/held.jpg"]), lines


def test_positions_published_on_purpose_are_no_warning(tmp_path: Path) -> None:
    root = tmp_path / "paper"
    site = build_site(root, _files(), **_site(root, publish_photo_positions=True))  # type: ignore[arg-type]
    assert [w for w in site.warnings if "linked" not in w] == []
    published = (site.site_dir / "images" / "jane.jpg").read_bytes()
    assert published == (root / "content" / "images" / "jane.jpg").read_bytes()
    assert POSITION_PUBLISHED not in newsroom(root, "check").stdout


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
        assert (
            len(published_positions([file], PictureSettings(), memory, str(tmp_path), drafts=True))
            == 1
        )
    assert len(asked) == 1
    path.write_bytes(photo(64, 48))  # saved again without its position
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert published_positions([file], PictureSettings(), memory, str(tmp_path), drafts=True) == []
    assert len(asked) == 2
    # a photo of the same size put in its place with the same time of change: told apart
    # by the time its inode changed
    located_photo = located()
    # the pointer to the GPS data under another tag's number (Pillow writes big-endian EXIF)
    unlocated = located_photo.replace(b"\x88\x25\x00\x04", b"\x88\x26\x00\x04", 1)
    assert len(unlocated) == len(located_photo) and not carries_position(
        _write(tmp_path, unlocated, "other.jpg")
    )
    path.write_bytes(unlocated)
    published_positions([file], PictureSettings(), memory, str(tmp_path), drafts=True)
    before = path.stat()
    path.write_bytes(located_photo)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    assert (
        len(published_positions([file], PictureSettings(), memory, str(tmp_path), drafts=True)) == 1
    )


def test_a_file_made_of_exif_beginnings_is_tried_a_few_times_and_says_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each place an EXIF block could begin is tried as one: a file of nothing else would
    have it tried 130,000 times, each time over what follows, were the tries not bounded;
    and what Pillow warns of damaged metadata reaches no one's terminal."""
    tries: list[int] = []
    load = Image.Exif.load

    def counted(exif: Image.Exif, data: bytes) -> None:
        tries.append(len(data))
        load(exif, data)

    monkeypatch.setattr(Image.Exif, "load", counted)
    for name, data in [
        ("beginnings.tif", b"II*\x00" * 65_536 + b"MM\x00*" * 65_536),
        ("beginnings.png", _png((b"tEXt", b"Comment\x00" + b"II*\x00\x08\x00\x00\x00" * 30_000))),
        # each of 20,000 chunks or 100,000 boxes tried in turn: seconds, without a bound on
        # the tries of the whole file
        ("countless.png", _png(*[(b"tEXt", b"Comment\x00" + b"MM\x00*" * 8)] * 20_000)),
        ("countless.mp4", b"\x00\x00\x00\x10ftypisom\x00\x00\x02\x00" + COUNTLESS_BOXES),
    ]:
        tries.clear()
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert not carries_position(_write(tmp_path, data, name))
        assert 0 < len(tries) <= 64 and max(tries) <= 64 * 1024, (name, len(tries))
        assert sum(tries) <= 192 * 1024, name  # a crafted block of 64 KB takes 50 ms


COUNTLESS_BOXES = (struct.pack(">I", 40) + b"uuid" + b"MM\x00*" * 8) * 100_000
