"""Pillow's part: open a lead image with care, and encode its copies.

A file is opened only by the JPEG, PNG and WebP decoders, and only if it has at most the
recipe's number of pixels (a decompression bomb claims billions in a few bytes); it is
decoded in full, so that a truncated file is found here and not by a reader. Copies are
turned as the photograph's EXIF orientation says, keep its colour profile, and carry none of
its other metadata (a phone's GPS position stays out of them).
"""

from __future__ import annotations

import io
import math
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PIL import Image as PillowImage
from PIL import UnidentifiedImageError

from .recipe import FORMATS, KIND_OF, READABLE, file_name

if TYPE_CHECKING:
    from .recipe import Cut, Recipe

_ORIENTATION = 0x0112
_T = PillowImage.Transpose
# EXIF orientation -> how to turn the stored picture upright (Pillow's ImageOps.exif_transpose,
# without its rewriting of the EXIF, which raises on some malformed tags)
_UPRIGHT = {
    2: _T.FLIP_LEFT_RIGHT,
    3: _T.ROTATE_180,
    4: _T.FLIP_TOP_BOTTOM,
    5: _T.TRANSPOSE,
    6: _T.ROTATE_270,
    7: _T.TRANSVERSE,
    8: _T.ROTATE_90,
}
_TURNED = {5, 6, 7, 8}  # EXIF orientations that swap width and height
_ALPHA_MODES = {"RGBA", "LA", "PA", "RGBa", "La"}
# What Pillow raises on a file it cannot decode, besides OSError (truncated, bad data)
_DAMAGED = (OSError, SyntaxError, ValueError, EOFError, IndexError, TypeError)


class Unusable(Exception):
    """Why a picture cannot be resized, as a reporter would be told ("it is truncated");
    `lasting` when it is the file's fault, and the cache may remember it (not when the build
    ran short of memory, nor when the file is over a limit the site may raise)."""

    def __init__(self, why: str, *, lasting: bool = True) -> None:
        super().__init__(why)
        self.lasting = lasting


SHORT_OF_MEMORY = (
    "the build ran short of memory while opening it (it is tried again at the next build; "
    "build with fewer processes, or on a machine with more memory)"
)
# Pillow's words when the decoder could not get the memory it needs (an OSError)
_RESOURCE_WORDS = ("could not create decoder object", "out of memory", "cannot allocate")


def short_of_memory(error: BaseException) -> bool:
    """Whether `error` says the machine ran short of memory, not that the file is bad."""
    if isinstance(error, MemoryError):
        return True
    return isinstance(error, OSError) and any(
        words in str(error).lower() for words in _RESOURCE_WORDS
    )


@dataclass(frozen=True)
class Opened:
    """A picture as readers see it: its size (turned as EXIF says) and format."""

    width: int
    height: int
    kind: str  # "jpeg", "png" or "webp"
    animated: bool = False
    orientation: int = 1  # as its EXIF says (1, or unreadable: shown as stored)


@dataclass(frozen=True)
class Encoded:
    """One copy: its file name in the cache, its size, its format, its bytes."""

    name: str
    width: int
    height: int
    kind: str
    data: bytes


def inspect(data: bytes, recipe: Recipe) -> Opened:
    """Open and decode the picture, or say why it cannot be used; nothing is encoded."""
    image, opened = _open(data, recipe)
    with image:
        if not opened.animated:
            _decode(image, None, 1)  # decoded to find damage; no need to turn it
    return opened


def resize(
    data: bytes, recipe: Recipe, kinds: tuple[str, ...]
) -> tuple[Opened, list[Encoded], list[Encoded]]:
    """The picture, its copies for screens (in each of `kinds`, the formats this Pillow can
    write, then the original's own; none heavier than the original file) and its copies for
    sharing. An animated picture gets none: it is published as it is."""
    image, opened = _open(data, recipe)
    try:
        if opened.animated:
            return opened, [], []
        screens, shared = _copies(image, opened, data, recipe, kinds)
    finally:
        image.close()
    return opened, screens, shared


def _copies(
    image: PillowImage.Image, opened: Opened, data: bytes, recipe: Recipe, kinds: tuple[str, ...]
) -> tuple[list[Encoded], list[Encoded]]:
    widths = recipe.screen_widths(opened.width, opened.height)
    cuts = [cut for shape in recipe.shared if (cut := shape.cut(opened.width, opened.height))]
    # the whole picture as wide as the largest copy needs it (a crop: at its scale)
    largest = max([*widths, *(math.ceil(cut.scale * opened.width) for cut in cuts)])
    turned = (opened.width, opened.height) != image.size
    needed = (max(1, opened.height * largest // opened.width), largest)
    decoded = _decode(image, needed if turned else needed[::-1], opened.orientation)
    icc_profile = decoded.info.get("icc_profile") if decoded.mode != "CMYK" else None
    picture = _comparable(decoded)
    offered = [kind for kind in recipe.kinds_for(opened.kind) if kind in (*kinds, opened.kind)]
    scaled = {width: _scaled(picture, width, _height(opened, width)) for width in widths}
    screens = []
    for kind in offered:
        copies = []
        for width in widths:
            if not FORMATS[kind].holds(width, _height(opened, width)):
                continue  # a WebP is at most 16,383 pixels high: the other formats still are
            copy = _encoded(scaled[width], kind, icc_profile)
            if len(copy.data) < len(data):  # never heavier than what it replaces
                copies.append(copy)
        # A modern format without its widest copy is not offered: a browser that takes it
        # would show its narrower copies blurred on a wide screen. The original's own format
        # is (making.py offers the original itself in place of its widest copy).
        if kind == opened.kind or (copies and copies[-1].width == max(widths)):
            screens += copies
    shared = [
        _encoded(_cut(picture, opened, cut), shape.kind, icc_profile)
        for shape in recipe.shared
        if (cut := shape.cut(opened.width, opened.height))
    ]
    return screens, shared


def _open(data: bytes, recipe: Recipe) -> tuple[PillowImage.Image, Opened]:
    try:
        with warnings.catch_warnings():
            # the recipe's own limit applies below; Pillow's error above twice its own stays
            warnings.simplefilter("ignore", PillowImage.DecompressionBombWarning)
            image = PillowImage.open(io.BytesIO(data), formats=READABLE)
    except PillowImage.DecompressionBombError:
        raise Unusable(
            "it claims more pixels than Pillow opens at all, the mark of a decompression "
            "bomb; check the file"
        ) from None
    except UnidentifiedImageError:
        raise Unusable("it is not a JPEG, PNG or WebP picture, or it is damaged") from None
    except (*_DAMAGED, MemoryError) as error:
        if short_of_memory(error):
            raise Unusable(SHORT_OF_MEMORY, lasting=False) from None
        raise Unusable(f"it is damaged ({said(error)})") from None
    width, height = image.size
    if width * height > recipe.max_pixels:
        image.close()
        raise Unusable(
            f"it is {width} × {height} pixels ({width * height / 1e6:.0f} million), more "
            f"than the {recipe.max_pixels / 1e6:g} million Newsroom opens (picture_max_pixels, "
            "a guard against decompression bombs); make it smaller",
            lasting=False,
        )
    orientation = _orientation(image)
    if orientation in _TURNED:
        width, height = height, width
    kind = KIND_OF[str(image.format)]
    animated = bool(getattr(image, "is_animated", False)) and image.format != "MPO"
    return image, Opened(width, height, kind, animated, orientation)


def _orientation(image: PillowImage.Image) -> int:
    """The picture's EXIF orientation; 1 (shown as it is stored) when its EXIF cannot be
    read, whatever Pillow raises on it (struct.error, KeyError... on malformed tags)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "Corrupt EXIF data"
            value = image.getexif().get(_ORIENTATION)
    except Exception:
        return 1
    return value if isinstance(value, int) and value in _UPRIGHT else 1


def _decode(
    image: PillowImage.Image, needed: tuple[int, int] | None, orientation: int
) -> PillowImage.Image:
    """Decode the whole picture (a JPEG at a smaller scale when `needed`, the size the
    largest copy needs, allows), turned as its EXIF orientation says."""
    if needed is not None and image.format in ("JPEG", "MPO"):
        image.draft(image.mode, needed)
    try:
        image.load()
    except (*_DAMAGED, MemoryError) as error:
        if short_of_memory(error):
            raise Unusable(SHORT_OF_MEMORY, lasting=False) from None
        raise Unusable(f"it is damaged or cut short ({said(error)})") from None
    method = _UPRIGHT.get(orientation)
    return image if method is None else image.transpose(method)


def _comparable(image: PillowImage.Image) -> PillowImage.Image:
    """The picture in RGB, or RGBA when it has transparency."""
    if image.mode in ("I", "I;16", "I;16B", "I;16L", "F"):  # 16-bit or float greys
        image = image.convert("I").point(lambda value: value / 256).convert("L")
    transparent = image.mode in _ALPHA_MODES or "transparency" in image.info
    wanted = "RGBA" if transparent else "RGB"
    return image if image.mode == wanted else image.convert(wanted)


def _height(opened: Opened, width: int) -> int:
    return max(1, round(width * opened.height / opened.width))


def _cut(image: PillowImage.Image, opened: Opened, cut: Cut) -> PillowImage.Image:
    """The copy `cut` says, of the picture decoded (perhaps at a smaller scale than
    `opened`, the picture as readers see it)."""
    if cut.box == (0, 0, opened.width, opened.height):
        return _scaled(image, *cut.size)
    across, down = image.width / opened.width, image.height / opened.height
    left, top, right, bottom = cut.box
    box = (left * across, top * down, right * across, bottom * down)
    return image.resize(cut.size, PillowImage.Resampling.LANCZOS, box=box, reducing_gap=2.0)


def _scaled(image: PillowImage.Image, width: int, height: int) -> PillowImage.Image:
    if image.size == (width, height):
        return image
    return image.resize((width, height), PillowImage.Resampling.LANCZOS, reducing_gap=2.0)


def _encoded(image: PillowImage.Image, kind: str, icc_profile: bytes | None) -> Encoded:
    form = FORMATS[kind]
    if image.mode == "RGBA" and not form.alpha:
        flat = PillowImage.new("RGB", image.size, "white")
        flat.paste(image, mask=image.getchannel("A"))
        image = flat
    buffer = io.BytesIO()
    extra = {"icc_profile": icc_profile} if icc_profile else {}
    image.save(buffer, form.pillow, **form.options, **extra)
    width, height = image.size
    return Encoded(file_name(width, height, kind), width, height, kind, buffer.getvalue())


def said(error: BaseException) -> str:
    """Pillow's own words for what is wrong, on one line."""
    text = " ".join(str(error).split()) or type(error).__name__
    return text[:160]
