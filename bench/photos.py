"""Lead photographs for generated sites (`generate.py --photos 2400x1600`): one JPEG per article,
each different, that compresses the way a photograph does.

Article i's picture depends only on the seed, i and the size: one of six textures (smooth
random colour and fine grain, made once per size), shifted, tinted and drawn over with shapes
of its own, saved as a progressive JPEG at quality 85.
"""

from __future__ import annotations

import io
import random
from functools import cache

from PIL import Image, ImageChops, ImageDraw

TEXTURES = 6


@cache
def texture(seed: int, size: tuple[int, int], number: int) -> Image.Image:
    """Broad colour (a smooth field of a dozen random colours), detail (smaller random light
    and shade) and fine grain."""
    rng = random.Random(f"{seed}:texture:{number}:{size}")
    width, height = size

    def field(mode: str, cells: tuple[int, int]) -> Image.Image:
        bands = len(mode)
        data = rng.randbytes(cells[0] * cells[1] * bands)
        return Image.frombytes(mode, cells, data).resize(size, Image.Resampling.BICUBIC)

    colour = field("RGB", (6, 4))
    detail = field("L", (max(2, width // 40), max(2, height // 40))).point(lambda v: 64 + v // 2)
    grain = Image.frombytes("L", size, rng.randbytes(width * height))
    grain = grain.point(lambda value: 116 + value // 10)
    picture = ImageChops.overlay(colour, Image.merge("RGB", [detail] * 3))
    return ImageChops.overlay(picture, Image.merge("RGB", [grain] * 3))


def photo(index: int, size: tuple[int, int], seed: int) -> bytes:
    rng = random.Random(f"{seed}:photo:{index}")
    width, height = size
    picture = ImageChops.offset(
        texture(seed, size, index % TEXTURES), rng.randrange(width), rng.randrange(height)
    )
    tint = Image.new("RGB", size, tuple(rng.randrange(150, 256) for _ in range(3)))
    picture = ImageChops.multiply(picture, tint)
    draw = ImageDraw.Draw(picture)
    for _ in range(rng.randint(8, 20)):
        x, y = rng.randrange(width), rng.randrange(height)
        w, h = rng.randrange(width // 30, width // 4), rng.randrange(height // 30, height // 3)
        colour = tuple(rng.randrange(256) for _ in range(3))
        if rng.random() < 0.5:
            draw.ellipse((x, y, x + w, y + h), fill=colour)
        else:
            draw.rectangle((x, y, x + w, y + h), fill=colour)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=85, progressive=True)
    return buffer.getvalue()
