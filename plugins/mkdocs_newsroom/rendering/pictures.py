"""What a template prints for a lead image: a `<picture>` with one `<source>` per modern
format and an `<img>` in the original's format, each with a `srcset` of the copies the build
made and `sizes` matched to where the page shows the image; and the `<img>`'s width and
height (the picture's), so that the page keeps its place before the image arrives.

An image the build made no copies of (a URL, an SVG or GIF, a file it could not read) is the
`<img>` alone, as the reporter gave it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote

from ..model import Image
from ..reading.links import local_path

if TYPE_CHECKING:
    from ..model import Author, Rendition

# How wide each place shows an image, in CSS pixels, for the browser to choose a copy before it
# lays out the page: measured in chromium on newsroom.css over Material's layout, where a rem
# is 20 px (22 px from 100em, 24 px from 125em), the page has 16 px margins (24 px from
# 76.25em) and the grid is at most 61rem wide (tests/test_pictures.py checks the choice):
# - an article's figure spans the text column, at most 42rem;
# - the front page's lead story takes two thirds of the grid from 60em, all of it below;
# - other cards share a grid of columns at least 15rem wide with 1.5rem between them: one
#   column below 662 px, two below 992 px, three from there.
SIZES = {
    "figure": "(min-width: 125em) 1008px, (min-width: 100em) 924px, (min-width: 872px) 840px, "
    "calc(100vw - 32px)",
    "lead": "(min-width: 125em) 926px, (min-width: 100em) 849px, (min-width: 76.25em) 772px, "
    "(min-width: 60em) calc((100vw - 64px) * 2 / 3), calc(100vw - 32px)",
    "card": "(min-width: 125em) 451px, (min-width: 100em) 414px, (min-width: 76.25em) 376px, "
    "(min-width: 992px) calc((100vw - 92px) / 3), (min-width: 662px) calc((100vw - 62px) / 2), "
    "calc(100vw - 32px)",
}
# An author's photo: a circle this many pixels wide (newsroom.css) on their page, and in the
# index of authors, which the photo covers (`object-fit: cover`)
CIRCLES = {"avatar": 96, "avatar-index": 40}
# Cards in listings never need more than this (a card is at most about 370 px wide, twice
# that on a high-density screen)
CARD_WIDEST = 960


@dataclass(frozen=True)
class Source:
    type: str
    srcset: str


@dataclass(frozen=True)
class PictureView:
    """`src`, `srcset` and `sizes` of the `<img>` (`srcset` empty: `src` alone), the
    `<source>`s before it, and its width and height when known."""

    src: str
    srcset: str = ""
    sources: tuple[Source, ...] = ()
    sizes: str = ""
    width: int | None = None
    height: int | None = None


def picture_view(image: Image, root: str, place: str = "figure") -> PictureView:
    """The markup's values for `image` shown at `place` (a key of SIZES, or the `sizes`
    itself), its links starting with `root` (the page's way back to the site's root)."""
    original = site_link(image.src, root)
    picture = image.picture
    if picture is None:
        return PictureView(original)
    sizes = SIZES.get(place, place)
    narrow = place == "card"
    sources = []
    fallback: tuple[Rendition, ...] = ()
    for mime in picture.types():
        copies = _chosen(picture.of_type(mime), narrow)
        if mime == picture.type:
            fallback = copies
        else:
            sources.append(Source(mime, _srcset(copies, root)))
    if not fallback:  # every copy in its own format was heavier than the original
        return PictureView(
            original, "", tuple(sources), sizes if sources else "", picture.width, picture.height
        )
    src = max(
        (copy for copy in fallback if copy.width <= CARD_WIDEST),
        default=fallback[0],
        key=lambda copy: copy.width,
    )
    return PictureView(
        _path_link(root, src.path),
        _srcset(fallback, root),
        tuple(sources),
        sizes,
        picture.width,
        picture.height,
    )


def avatar_view(author: Author, root: str, place: str = "avatar") -> PictureView:
    """The markup's values for an author's photo at `place` (a key of CIRCLES): as wide as
    it is shown when it covers its circle (a landscape photo is wider than the circle)."""
    src = local_path(author.avatar)
    image = Image(author.avatar if src is None else src, "", picture=author.picture)
    picture, circle = author.picture, CIRCLES[place]
    sides = (picture.width, picture.height) if picture is not None else (1, 1)
    shown = math.ceil(circle * sides[0] / min(sides))
    return picture_view(image, root, f"{shown}px")


def site_link(src: str, root: str) -> str:
    """An image's `src` as the reporter gave it (a URL, or a link from the site's root)."""
    return src if "://" in src else root + src


def _path_link(root: str, path: str) -> str:
    """A file the build made as a link: its path percent-encoded, so that a space or a comma
    in a name does not split a `srcset`."""
    return root + quote(path.lstrip("/"), safe="/")


def _chosen(copies: tuple[Rendition, ...], narrow: bool) -> tuple[Rendition, ...]:
    if not narrow:
        return copies
    return tuple(copy for copy in copies if copy.width <= CARD_WIDEST) or copies[:1]


def _srcset(copies: tuple[Rendition, ...], root: str) -> str:
    return ", ".join(f"{_path_link(root, copy.path)} {copy.width}w" for copy in copies)
