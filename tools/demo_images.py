"""Draw the demo portal's pictures for search engines and social sites with Pillow: the
Gazette's logo and the picture it shares for stories without one (the lead photographs are
tools/demo_photo.py's). Run from the repository's root: `.venv/bin/python tools/demo_images.py`;
the same pictures come out every time."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

IMAGES = Path(__file__).resolve().parent.parent / "content" / "images"
RED, NIGHT, PAPER, INK = "#c0392b", "#101a33", "#f7f4ec", "#1b1b1b"


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def logo() -> Image.Image:
    """A 512-pixel square: the Gazette's G on the paper's red."""
    picture = Image.new("RGB", (512, 512), RED)
    draw = ImageDraw.Draw(picture)
    draw.text((256, 270), "G", font=_font(380), fill=PAPER, anchor="mm")
    return picture


def share_card() -> Image.Image:
    """1200 x 630, the size social sites show large: the masthead on paper."""
    picture = Image.new("RGB", (1200, 630), PAPER)
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, 0, 1200, 24), fill=RED)
    draw.rectangle((0, 606, 1200, 630), fill=RED)
    draw.text((600, 270), "The Newsroom Gazette", font=_font(92), fill=INK, anchor="mm")
    draw.line((240, 350, 960, 350), fill=INK, width=3)
    draw.text(
        (600, 410), "Independent news from Kabul to Kampala", font=_font(40), fill=INK, anchor="mm"
    )
    return picture


def main() -> None:
    logo().save(IMAGES / "logo.png", optimize=True)
    share_card().save(IMAGES / "share.png", optimize=True)


if __name__ == "__main__":
    main()
