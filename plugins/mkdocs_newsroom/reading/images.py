"""What search engines, social sites and feed readers are told about an image: its type, its
size in pixels and in bytes, read from the file (Pillow reads only the header of a JPEG, PNG,
WebP or GIF; an SVG's size is its root element's `width` and `height`, or its `viewBox`)."""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from defusedxml import ElementTree
from PIL import Image, UnidentifiedImageError

from ..problems import Problem
from .links import local_path

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping
    from pathlib import Path

    from ..model import Article
    from ..model import Image as LeadImage
    from ..settings.checked import Settings

# What each kind of image is called in HTTP, by extension; the kinds social sites and search
# engines show in cards and results are the raster ones, not SVG
MIME_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
    ".gif": "image/gif",
    ".avif": "image/avif",
    ".svg": "image/svg+xml",
}
SVG = "image/svg+xml"
_PIXELS = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*(?:px)?\s*$")


@dataclass(frozen=True)
class ImageFacts:
    """An image as a card or a feed describes it; a size that cannot be read is None."""

    type: str
    width: int | None = None
    height: int | None = None
    length: int | None = None  # bytes


def mime_type(src: str) -> str:
    """The type of an image by its name ('' if it is not a kind we know)."""
    name = src.split("?", 1)[0].split("#", 1)[0].lower()
    extension = name[name.rfind(".") :] if "." in name.rpartition("/")[2] else ""
    return MIME_TYPES.get(extension, "")


def is_svg(src: str) -> bool:
    return mime_type(src) == SVG


def measure(path: Path, src: str) -> ImageFacts:
    """What the file at `path` (the image `src` of the site) is; its type alone for a file
    that cannot be read."""
    kind = mime_type(src)
    try:
        length = path.stat().st_size
    except OSError:
        return ImageFacts(kind)
    if kind == SVG:
        width, height = _svg_size(path)
        return ImageFacts(kind, width, height, length)
    try:
        with warnings.catch_warnings():
            # only the header is read: a picture claiming too many pixels is no danger here
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
                kind = Image.MIME.get(image.format or "", kind)
    except (OSError, UnidentifiedImageError, ValueError, Image.DecompressionBombError):
        return ImageFacts(kind, length=length)
    return ImageFacts(kind, width, height, length)


def _svg_size(path: Path) -> tuple[int | None, int | None]:
    try:
        root = ElementTree.parse(path).getroot()
    except Exception:  # an SVG that is not well-formed XML, or refused as hostile
        return None, None
    if root is None:
        return None, None
    width, height = _pixels(root.get("width")), _pixels(root.get("height"))
    if width and height:
        return width, height
    box = (root.get("viewBox") or "").replace(",", " ").split()
    if len(box) == 4:
        try:
            return round(float(box[2])), round(float(box[3]))
        except ValueError:
            return None, None
    return None, None


def _pixels(value: str | None) -> int | None:
    found = _PIXELS.match(value or "")
    return round(float(found.group(1))) if found else None


def shared_picture(
    image: LeadImage, lead: Mapping[str, ImageFacts]
) -> tuple[str, ImageFacts] | None:
    """What social sites, search engines and feed readers are given of a lead image: its path
    (or URL) and what is known of it. That is the JPEG the build made of it, when it made one;
    else the image itself, measured beforehand (`lead`, by `src`); None for an SVG, which none
    of them shows, and for a file of the site whose size cannot be read (no picture, or a
    decompression bomb: more pixels than Pillow opens at all)."""
    shared = image.shared
    if shared is not None:
        return shared.path, ImageFacts(shared.type, shared.width, shared.height, shared.length)
    facts = lead.get(image.src)  # None for an address of another site
    if is_svg(image.src) or (facts is not None and not facts.width):
        return None
    return image.src, facts or ImageFacts(mime_type(image.src))


def site_image(docs_dir: Path, src: str) -> ImageFacts | None:
    """The facts of an image of the site (`src` as front matter or mkdocs.yml gives it);
    None for a URL, whose file is elsewhere."""
    path = local_path(src)
    if path is None:
        return None
    return measure(docs_dir / path, src)


LOGO_SIDE = 112  # pixels: the smallest logo Google takes for a publisher


@dataclass(frozen=True)
class SiteImages:
    """The pictures a site gives search engines and social sites: its publisher logo (the
    favicon if none is set), its default picture for stories without one, and what is known
    of every local lead image, by its `src`."""

    logo: str
    logo_facts: ImageFacts | None
    default_image: str = ""
    default_facts: ImageFacts | None = None
    lead: dict[str, ImageFacts] | None = None


def site_images(
    docs_dir: Path,
    settings: Settings,
    favicon: str,
    articles: Iterable[Article] = (),
    config_name: str = "mkdocs.yml",
) -> tuple[SiteImages, list[Problem]]:
    """Read the logo, the default picture and the articles' lead images (those the build made
    no copies of: the copies are known already); what is wrong with the logo and the default
    picture is a problem of the configuration (`config_name`)."""
    logo, default_image = settings.publisher_logo, settings.default_image
    lead_images = (a.image.src for a in articles if a.image and not a.image.shared)
    problems: list[Problem] = []

    def warn(message: str) -> None:
        problems.append(Problem(config_name, message))

    if not logo:
        warn(
            f"publisher_logo is not set, so search engines are given the favicon ({favicon}) "
            f"as the publisher's logo; set publisher_logo to a logo at least {LOGO_SIDE} "
            "pixels wide and high"
        )
    logo, logo_facts = _checked(docs_dir, logo, "publisher_logo", warn)
    if not logo:
        logo, logo_facts = favicon, site_image(docs_dir, favicon)
    width, height = (logo_facts.width, logo_facts.height) if logo_facts else (None, None)
    if width and height and min(width, height) < LOGO_SIDE:
        warn(
            f"the publisher logo {logo} is {width}×{height} pixels; Google takes a logo at "
            f"least {LOGO_SIDE} pixels on each side: set publisher_logo to a larger one"
        )
    default_image, default_facts = _checked(docs_dir, default_image, "default_image", warn)
    if default_image and is_svg(default_image):
        warn(
            f"default_image {default_image} is an SVG, which Google, social sites and feed "
            "readers do not show; give a JPEG, PNG or WebP picture"
        )
        default_image, default_facts = "", None
    lead = {}
    for src in sorted(set(lead_images)):
        facts = site_image(docs_dir, src)
        if facts is not None:
            lead[src] = facts
    return SiteImages(logo, logo_facts, default_image, default_facts, lead), problems


def _checked(
    docs_dir: Path, src: str, option: str, warn: Callable[[str], None]
) -> tuple[str, ImageFacts | None]:
    """`src` and its facts if it is an http(s) URL or an image file of the site; else ('',
    None) and a warning: a page must never point search engines at what is not there."""
    if not src:
        return "", None
    scheme = urlsplit(src).scheme.lower()
    if scheme in ("http", "https"):
        return src, None
    why = _not_an_image(docs_dir, src, scheme)
    if why:
        problem, _, advice = why.partition("; ")
        warn(f"{option} {src} {problem}, so search engines are not given it; {advice}")
        return "", None
    return src, site_image(docs_dir, src)


def _not_an_image(docs_dir: Path, src: str, scheme: str) -> str:
    """Why the local image `src` cannot be given to search engines ('' if it can)."""
    if scheme or src.startswith("//"):
        return "is neither an http(s) URL nor a path of the site; give one of them"
    depth = 0
    for segment in unquote(urlsplit(src).path).split("/"):
        depth += -1 if segment == ".." else segment not in ("", ".")
        if depth < 0:
            return f"leads outside the site; give its path from {docs_dir.name}/"
    path = docs_dir / (local_path(src) or "")
    if not path.is_file() or not path.resolve().is_relative_to(docs_dir.resolve()):
        return f"is not a file of the site; give its path from {docs_dir.name}/"
    facts = measure(path, src)
    if facts.type != SVG and facts.width is None:
        return "is not a picture Pillow can read; give a JPEG, PNG or WebP picture"
    return ""
