"""Draw the demo portal's lead photograph: a wheat field at sunset, 2400 x 1600 pixels.

    .venv/bin/python tools/demo_photo.py                  # content/images/wheat-harvest.jpg
    .venv/bin/python tools/demo_photo.py --output x.jpg

No photograph was copied: the picture is drawn with Pillow alone, from a fixed seed, so that it
compresses the way a photograph does (sky gradients, clouds, grain, fine detail in the wheat)
and the demo can show what Newsroom makes of a real-sized lead image. Drawing it again gives
the same pixels (the JPEG's bytes may differ with another libjpeg).
"""

from __future__ import annotations

import argparse
import math
import random
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter

WIDTH, HEIGHT = 2400, 1600
HORIZON = int(HEIGHT * 0.46)
SEED = 19
OUTPUT = Path(__file__).resolve().parent.parent / "content" / "images" / "wheat-harvest.jpg"


def noise(rng: random.Random, size: tuple[int, int], scale: tuple[int, int]) -> Image.Image:
    """Smooth random greys: random values on a coarse grid, enlarged."""
    columns, rows = max(2, size[0] // scale[0]), max(2, size[1] // scale[1])
    coarse = Image.frombytes("L", (columns, rows), rng.randbytes(columns * rows))
    return coarse.resize(size, Image.Resampling.BICUBIC)


def fractal(
    rng: random.Random, size: tuple[int, int], scales: list[tuple[int, int]]
) -> Image.Image:
    """Noise at several scales, the coarse ones strongest."""
    layers = [noise(rng, size, scale) for scale in scales]
    result = layers[0]
    for depth, layer in enumerate(layers[1:], 1):
        result = Image.blend(result, layer, 0.5 / depth)
    return result


def gradient(
    size: tuple[int, int], top: tuple[int, int, int], bottom: tuple[int, int, int]
) -> Image.Image:
    ramp = Image.linear_gradient("L").resize(size)
    channels = [
        ramp.point(lambda v, a=a, b=b: a + (b - a) * v // 255)
        for a, b in zip(top, bottom, strict=True)
    ]
    return Image.merge("RGB", channels)


def sky(rng: random.Random) -> Image.Image:
    size = (WIDTH, HORIZON + 60)
    picture = gradient(size, (38, 62, 122), (246, 170, 92))
    clouds = fractal(rng, size, [(400, 90), (150, 40), (50, 16)])
    clouds = clouds.point(lambda v: max(0, v - 120) * 3).filter(ImageFilter.GaussianBlur(6))
    lit = gradient(size, (200, 170, 190), (255, 214, 170))
    picture = Image.composite(lit, picture, clouds)
    glow = Image.new("L", size, 0)
    sun = (int(WIDTH * 0.68), HORIZON - 120)
    ImageDraw.Draw(glow).ellipse((sun[0] - 70, sun[1] - 70, sun[0] + 70, sun[1] + 70), fill=255)
    halo = glow.filter(ImageFilter.GaussianBlur(160)).point(lambda v: min(255, v * 3))
    picture = Image.composite(Image.new("RGB", size, (255, 236, 190)), picture, halo)
    return Image.composite(
        Image.new("RGB", size, (255, 250, 235)), picture, glow.filter(ImageFilter.GaussianBlur(3))
    )


def hills(rng: random.Random, picture: Image.Image) -> None:
    for depth, (colour, base, height) in enumerate(
        [((92, 84, 112), HORIZON - 30, 90), ((70, 66, 70), HORIZON + 5, 60)]
    ):
        mask = Image.new("L", picture.size, 0)
        points = [(0, HEIGHT)]
        phase = rng.random() * 6
        for x in range(0, WIDTH + 40, 40):
            wave = math.sin(x / (380 - depth * 120) + phase) * height / 2
            points.append((x, int(base - height / 2 - wave + rng.randint(-6, 6))))
        points.append((WIDTH, HEIGHT))
        ImageDraw.Draw(mask).polygon(points, fill=255)
        texture = fractal(rng, picture.size, [(60, 30), (12, 8)])
        shaded = ImageChops.multiply(
            Image.new("RGB", picture.size, colour),
            Image.merge("RGB", [texture.point(lambda v: 180 + v // 4)] * 3),
        )
        picture.paste(shaded, (0, 0), mask.filter(ImageFilter.GaussianBlur(1.5)))


def wheat(rng: random.Random) -> Image.Image:
    """The field: gold stalks, finer towards the horizon, darker in the furrows."""
    size = (WIDTH, HEIGHT - HORIZON)
    field = gradient(size, (196, 148, 70), (150, 98, 36))
    # stalks finer towards the horizon: three scales, each fading into the next
    fine, middle, coarse = (noise(rng, size, scale) for scale in [(3, 30), (5, 60), (8, 120)])
    depth = Image.linear_gradient("L").resize(size)
    stalks = Image.composite(middle, fine, depth.point(lambda v: min(255, v * 3)))
    stalks = Image.composite(coarse, stalks, depth.point(lambda v: max(0, v * 2 - 255)))
    field = ImageChops.overlay(field, Image.merge("RGB", [stalks.filter(ImageFilter.SHARPEN)] * 3))
    rows = Image.new("L", size, 0)
    draw = ImageDraw.Draw(rows)
    vanishing = WIDTH * 0.45
    for row in range(-40, 41):
        draw.line((vanishing + row * 18, 0, vanishing + row * 260, size[1]), fill=90, width=7)
    field = Image.composite(
        ImageChops.multiply(field, Image.new("RGB", size, (200, 170, 140))),
        field,
        rows.filter(ImageFilter.GaussianBlur(4)),
    )
    light = Image.new("L", size, 0)
    ImageDraw.Draw(light).ellipse((int(WIDTH * 0.4), -400, int(WIDTH * 0.98), 500), fill=120)
    return Image.composite(
        ImageChops.screen(field, Image.new("RGB", size, (120, 80, 30))),
        field,
        light.filter(ImageFilter.GaussianBlur(120)),
    )


def tree(picture: Image.Image, rng: random.Random, x: int, y: int, scale: float) -> None:
    draw = ImageDraw.Draw(picture)
    draw.rectangle((x - 6 * scale, y - 120 * scale, x + 6 * scale, y), fill=(40, 30, 24))
    for _ in range(60):
        dx, dy = rng.gauss(0, 55 * scale), rng.gauss(-170 * scale, 45 * scale)
        r = rng.uniform(14, 34) * scale
        shade = rng.randint(24, 46)
        draw.ellipse(
            (x + dx - r, y + dy - r, x + dx + r, y + dy + r), fill=(shade, shade + 14, shade - 6)
        )


def sacks(picture: Image.Image, rng: random.Random) -> None:
    """Sacks of grain by a cart at the edge of the field."""
    draw = ImageDraw.Draw(picture)
    base = int(HEIGHT * 0.86)
    draw.polygon(
        [(300, base - 150), (720, base - 150), (760, base - 40), (260, base - 40)],
        fill=(92, 60, 36),
    )
    for wheel in (360, 660):
        draw.ellipse(
            (wheel - 70, base - 110, wheel + 70, base + 30), outline=(50, 34, 22), width=14
        )
    for index in range(9):
        x = 310 + (index % 5) * 90 + (index // 5) * 45
        y = base - 170 - (index // 5) * 70
        tone = rng.randint(200, 228)
        draw.rounded_rectangle(
            (x, y - 80, x + 86, y + 10), radius=28, fill=(tone, tone - 12, tone - 40)
        )
        draw.line((x + 20, y - 70, x + 66, y - 70), fill=(150, 120, 80), width=5)


def finish(picture: Image.Image, rng: random.Random) -> Image.Image:
    """Lens softness, a vignette and film grain."""
    picture = picture.filter(ImageFilter.GaussianBlur(0.8))
    vignette = (
        Image.radial_gradient("L").resize(picture.size).point(lambda v: 255 - max(0, v - 150))
    )
    picture = ImageChops.multiply(picture, Image.merge("RGB", [vignette] * 3))
    grain = Image.frombytes("L", picture.size, rng.randbytes(WIDTH * HEIGHT)).point(
        lambda v: 118 + v // 24
    )
    return ImageChops.overlay(picture, Image.merge("RGB", [grain] * 3))


def draw() -> Image.Image:
    rng = random.Random(SEED)
    picture = Image.new("RGB", (WIDTH, HEIGHT))
    picture.paste(sky(rng), (0, 0))
    hills(rng, picture)
    picture.paste(wheat(rng), (0, HORIZON))
    tree(picture, rng, int(WIDTH * 0.18), HORIZON + 30, 1.0)
    tree(picture, rng, int(WIDTH * 0.86), HORIZON + 12, 0.55)
    sacks(picture, rng)
    return finish(picture, rng)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    draw().save(args.output, "JPEG", quality=88, optimize=True, progressive=True)
    print(f"wrote {args.output} ({args.output.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
