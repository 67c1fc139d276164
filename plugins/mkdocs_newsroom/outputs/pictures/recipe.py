"""What the build makes of a lead photograph: the formats (with how each is encoded), the
widths, the copies for sharing, and the names the files get in the site.

A picture of width W gets, in each format offered (AVIF where Pillow can write it, WebP,
then the original's own format), one copy at each configured width below W (and at W itself
when W is at most the widest configured width), and a JPEG of min(W, 1200) pixels for
Open Graph and JSON-LD. A picture at least 1200 pixels wide also gets the 16:9, 4:3 and 1:1
crops of its middle Google asks for in an article's structured data, JPEGs at most 1200
pixels wide (a crop under Google's 50,000 pixels is not made). Copies for screens that come
out heavier than the original file are dropped; when the widest of its own format is among
them, the original itself is offered at its own width in its place, and a modern format that
lost its widest copy is not offered (making.py), so that a light chart is never shown blurred.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PIL import Image as PillowImage
from PIL import __version__ as PILLOW_VERSION
from PIL import features

from ...hashing import fingerprint
from ...slugs import slugify
from ...urls import PICTURES_DIR

if TYPE_CHECKING:
    from ...settings.checked import PictureSettings

SHARE_WIDTH = 1200  # Open Graph and Google's structured data ask for 1200 pixels
CROPS = ((16, 9), (4, 3), (1, 1))  # the aspect ratios of Google's article images
MIN_CROP_PIXELS = 50_000  # width x height: Google takes no smaller image
# Changes whenever what is made of a file changes (encoders' settings, resampling), so that
# the cache and the URLs follow.
RECIPE_VERSION = "2"


@dataclass(frozen=True)
class Format:
    pillow: str  # Pillow's name for it
    mime: str
    suffix: str
    options: dict[str, Any] = field(default_factory=dict)
    alpha: bool = True  # keeps transparency
    max_side: int = 65_535  # the longest side, in pixels, a file of the format can hold

    def holds(self, width: int, height: int) -> bool:
        return max(width, height) <= self.max_side


# The formats by their kind, each with the settings it is encoded with: quality a reader
# does not notice at the sizes a page shows, and the encoder's speed a build can afford
# (AVIF at speed 8 costs about what WebP at method 4 does; see docs/output.md).
FORMATS: dict[str, Format] = {
    "avif": Format("AVIF", "image/avif", ".avif", {"quality": 55, "speed": 8}),
    "webp": Format("WEBP", "image/webp", ".webp", {"quality": 80, "method": 4}, max_side=16_383),
    "jpeg": Format(
        "JPEG",
        "image/jpeg",
        ".jpg",
        {"quality": 82, "optimize": True, "progressive": True},
        alpha=False,
    ),
    "png": Format("PNG", "image/png", ".png", {"compress_level": 7}, max_side=2**31 - 1),
}
_SITE_NAME = re.compile(
    rf"{PICTURES_DIR}/[^/]+-[0-9a-f]{{10}}-[0-9]+x[0-9]+"
    rf"(?:{'|'.join(re.escape(form.suffix) for form in FORMATS.values())})"
)
READABLE = ("JPEG", "PNG", "WEBP")  # the only decoders a lead image is opened with
# Pillow's format -> kind; MPO is how Pillow names a camera's JPEG that carries a second,
# smaller picture (a preview): the first picture is the photograph
KIND_OF = {"JPEG": "jpeg", "MPO": "jpeg", "PNG": "png", "WEBP": "webp"}


@dataclass(frozen=True)
class Shape:
    """One copy for sharing: a JPEG `width` pixels wide (at most the original's), of the
    whole picture, or of its middle cut to `ratio` (width, height), made only of a picture at
    least `width` pixels wide."""

    width: int
    kind: str = "jpeg"
    ratio: tuple[int, int] | None = None

    def cut(self, width: int, height: int) -> Cut | None:
        """What this copy takes of a picture of `width` x `height` (as readers see it), and
        its size; None for a crop this picture gets none of."""
        if self.ratio is None:
            size = min(self.width, width)
            return Cut((0, 0, width, height), (size, max(1, round(size * height / width))))
        if width < self.width:
            return None
        across, down = self.ratio
        box_width = min(width, height * across // down)
        box_height = min(height, box_width * down // across)
        left, top = (width - box_width) // 2, (height - box_height) // 2
        size = min(self.width, box_width)
        copy = (size, round(size * down / across))
        if copy[0] * copy[1] < MIN_CROP_PIXELS:
            return None
        return Cut((left, top, left + box_width, top + box_height), copy)


@dataclass(frozen=True)
class Cut:
    """A copy's part of the picture (left, top, right, bottom, in the picture's pixels as
    readers see it) and its size."""

    box: tuple[int, int, int, int]
    size: tuple[int, int]

    @property
    def scale(self) -> float:
        """How much smaller than the picture the copy is."""
        return self.size[0] / (self.box[2] - self.box[0])


SHAPES = (Shape(SHARE_WIDTH), *(Shape(SHARE_WIDTH, ratio=ratio) for ratio in CROPS))


@dataclass(frozen=True)
class Recipe:
    """What is made of every picture: `widths` for screens in each of `formats` (modern
    formats, offered before the original's own), `shared` copies, and the largest picture
    (in pixels) that is opened at all."""

    widths: tuple[int, ...] = (480, 960, 1600)
    formats: tuple[str, ...] = ("avif", "webp")
    shared: tuple[Shape, ...] = SHAPES
    max_pixels: int = 90_000_000
    # the widths are those of a square box the picture covers (an author's photo in its
    # circle, `object-fit: cover`): its shorter side is made that long
    cover: bool = False

    @property
    def key(self) -> str:
        """Everything the recipe says (what tells one build's recipe from the next's)."""
        options = {kind: FORMATS[kind].options for kind in sorted(FORMATS)}
        return f"{RECIPE_VERSION}:{self!r}:{options!r}:{PILLOW_VERSION}"

    def made_key(self, kinds: tuple[str, ...]) -> str:
        """What the files made of a picture depend on, besides its bytes: the widths, the
        formats actually written (`kinds`: installing AVIF support later makes the copies
        again, with AVIF), the copies for sharing, whether copies cover a box, the encoders'
        settings and Pillow's version. Not the order the formats are offered in (making.py
        orders the copies), nor the largest picture opened (a picture over it is not kept in
        the cache)."""
        options = {kind: FORMATS[kind].options for kind in sorted(FORMATS)}
        # `cover` said only when set: the lead images' keys, and the copies' names, stay
        cover = ("cover",) if self.cover else ()
        made = (sorted(set(self.widths)), sorted(set(kinds)), self.shared, *cover)
        return f"{RECIPE_VERSION}:{made!r}:{options!r}:{PILLOW_VERSION}"

    def screen_widths(self, width: int, height: int) -> list[int]:
        """The widths of the copies for screens of a picture `width` x `height` pixels."""
        side = min(width, height) if self.cover else width
        narrower = [size for size in self.widths if size < side]
        sides = [*narrower, side] if side <= max(self.widths) else narrower
        return [round(size * width / side) for size in sides] if self.cover else sides

    def kinds_for(self, original: str) -> list[str]:
        """The formats of the copies for screens, in the order they are offered."""
        return list(dict.fromkeys([*self.formats, original]))


def recipe_of(settings: PictureSettings) -> Recipe:
    return Recipe(settings.widths, settings.formats, max_pixels=settings.max_pixels)


# An author's photo is shown in a circle at most 96 CSS pixels wide (their page; 40 in the
# index of authors): copies that cover it, and twice that for screens of two pixels to the
# point
AVATAR_WIDTHS = (96, 192)


def avatar_recipe(settings: PictureSettings) -> Recipe:
    """What is made of an author's photo: copies that cover its circle (their shorter side as
    long as the circle is wide), in the lead images' formats, and none for sharing (the
    profile's structured data names the widest copy)."""
    return Recipe(
        AVATAR_WIDTHS, settings.formats, shared=(), max_pixels=settings.max_pixels, cover=True
    )


def writable(kinds: tuple[str, ...]) -> tuple[str, ...]:
    """The formats among `kinds` that this Pillow can write. AVIF comes with Pillow's own
    wheels from 11.3, or from pillow-avif-plugin when Pillow was built without it."""
    return tuple(kind for kind in kinds if _can_write(FORMATS[kind]))


def _can_write(form: Format) -> bool:
    PillowImage.init()
    if form.pillow in PillowImage.SAVE:
        return True
    if form.pillow == "AVIF" and not features.check("avif"):
        try:
            importlib.import_module("pillow_avif")  # registers itself with Pillow
        except ImportError:
            return False
    return form.pillow in PillowImage.SAVE


def cache_key(data: bytes, recipe: Recipe, kinds: tuple[str, ...]) -> str:
    """The key of a file's copies: its bytes, the recipe and the formats written (`kinds`)."""
    return fingerprint(data, recipe.made_key(kinds))


def site_name(source: str, key: str, width: int, height: int, kind: str) -> str:
    """The path of a copy in the site: 'pictures/<name>-<key>-<width>x<height>.<suffix>',
    named after the source file (in letters a URL keeps as they are, without commas or
    spaces, which a srcset would split on)."""
    stem = source.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    name = slugify(stem, fallback_prefix="picture")[:60].strip("-") or "picture"
    return f"{PICTURES_DIR}/{name}-{key[:10]}-{width}x{height}{FORMATS[kind].suffix}"


def is_site_name(path: str) -> bool:
    """Whether `path` (in the site folder) is named as `site_name` names a copy."""
    return _SITE_NAME.fullmatch(path) is not None


def file_name(width: int, height: int, kind: str) -> str:
    """The name of a copy in its folder of the cache."""
    return f"{width}x{height}{FORMATS[kind].suffix}"
