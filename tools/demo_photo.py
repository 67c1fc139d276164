"""Draw the demo portal's lead photographs, 2400 x 1600 pixels each: a wheat field at sunset
(the wheat story) and a night bus in a lit street (the front page's lead story).

    .venv/bin/python tools/demo_photo.py                  # both, into content/images/
    .venv/bin/python tools/demo_photo.py --scene wheat-harvest --output x.jpg

No photograph was copied: the pictures are drawn with Pillow alone, from a fixed seed, so that
they compress the way photographs do (gradients, clouds, lights, grain, fine detail) and the
demo can show what Newsroom makes of real-sized lead images. Drawing them again gives the same
pixels (the JPEG's bytes may differ with another libjpeg).
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
IMAGES = Path(__file__).resolve().parent.parent / "content" / "images"


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


def draw_wheat_harvest() -> Image.Image:
    rng = random.Random(SEED)
    picture = Image.new("RGB", (WIDTH, HEIGHT))
    picture.paste(sky(rng), (0, 0))
    hills(rng, picture)
    picture.paste(wheat(rng), (0, HORIZON))
    tree(picture, rng, int(WIDTH * 0.18), HORIZON + 30, 1.0)
    tree(picture, rng, int(WIDTH * 0.86), HORIZON + 12, 0.55)
    sacks(picture, rng)
    return finish(picture, rng)


def glows(size: tuple[int, int], lights: list[tuple[int, int, int]], blur: int) -> Image.Image:
    """Round lights (x, y, radius), blurred into glows, as a mask."""
    mask = Image.new("L", size, 0)
    draw = ImageDraw.Draw(mask)
    for x, y, radius in lights:
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=255)
    return mask.filter(ImageFilter.GaussianBlur(blur))


def draw_night_bus() -> Image.Image:
    """A bus with lit windows in a street at night: buildings with lit windows, street lights,
    their reflections on a wet road."""
    rng = random.Random(SEED + 1)
    size = (WIDTH, HEIGHT)
    street = int(HEIGHT * 0.62)
    picture = gradient(size, (8, 14, 38), (44, 40, 70))
    haze = fractal(rng, size, [(300, 120), (90, 40)]).point(lambda v: max(0, v - 140))
    picture = Image.composite(Image.new("RGB", size, (70, 60, 90)), picture, haze)
    draw = ImageDraw.Draw(picture)
    x = -40
    while x < WIDTH:  # buildings, each with its own rows of windows
        width, top = rng.randint(160, 360), rng.randint(int(HEIGHT * 0.12), int(HEIGHT * 0.4))
        shade = rng.randint(14, 30)
        draw.rectangle((x, top, x + width, street), fill=(shade, shade, shade + 8))
        for wy in range(top + 30, street - 60, 56):
            for wx in range(x + 18, x + width - 30, 44):
                if rng.random() < 0.45:
                    warm = rng.randint(170, 255)
                    draw.rectangle((wx, wy, wx + 24, wy + 32), fill=(warm, warm - 50, 70))
        x += width + rng.randint(4, 30)
    road = gradient((WIDTH, HEIGHT - street), (36, 36, 48), (14, 14, 20))
    wet = fractal(rng, road.size, [(8, 40), (3, 12)]).point(lambda v: 90 + v // 3)
    picture.paste(ImageChops.multiply(road, Image.merge("RGB", [wet] * 3)), (0, street))
    lamps = [(x, int(HEIGHT * 0.3), 26) for x in range(120, WIDTH, 520)]
    for lamp_x, lamp_y, _radius in lamps:
        draw.rectangle((lamp_x - 7, lamp_y, lamp_x + 7, street + 20), fill=(30, 30, 34))
    light = glows(size, lamps, 50)
    reflections = glows(size, [(x, street + 260, 60) for x, _y, _r in lamps], 70)
    amber = Image.new("RGB", size, (255, 190, 110))
    picture = Image.composite(amber, picture, light.point(lambda v: min(255, v * 2)))
    picture = Image.composite(amber, picture, reflections.point(lambda v: v // 2))
    draw = ImageDraw.Draw(picture)
    bus = (420, int(HEIGHT * 0.43), 1880, int(HEIGHT * 0.8))
    draw.rounded_rectangle(bus, radius=50, fill=(176, 24, 32))
    draw.rectangle((bus[0], bus[3] - 70, bus[2], bus[3] - 40), fill=(120, 16, 24))
    for index in range(10):
        left = bus[0] + 60 + index * 135
        draw.rectangle((left, bus[1] + 50, left + 105, bus[1] + 210), fill=(255, 226, 150))
    draw.rectangle((bus[2] - 130, bus[1] + 50, bus[2] - 40, bus[3] - 90), fill=(255, 236, 180))
    for wheel in (bus[0] + 240, bus[2] - 300):
        draw.ellipse((wheel - 95, bus[3] - 110, wheel + 95, bus[3] + 80), fill=(12, 12, 14))
        draw.ellipse((wheel - 40, bus[3] - 55, wheel + 40, bus[3] + 25), fill=(70, 70, 76))
    headlight = glows(size, [(bus[2] - 20, bus[3] - 120, 30)], 40)
    picture = Image.composite(Image.new("RGB", size, (255, 250, 220)), picture, headlight)
    return finish(picture, rng)


SCENES = {"wheat-harvest": draw_wheat_harvest, "night-bus": draw_night_bus}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scene", choices=sorted(SCENES), help="one picture (default: both)")
    parser.add_argument("--output", type=Path, help="where to write it (with --scene)")
    args = parser.parse_args()
    scenes = [args.scene] if args.scene else list(SCENES)
    for scene in scenes:
        output = args.output if args.output and args.scene else IMAGES / f"{scene}.jpg"
        SCENES[scene]().save(output, "JPEG", quality=88, optimize=True, progressive=True)
        print(f"wrote {output} ({output.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
