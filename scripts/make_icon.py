#!/usr/bin/env python3
"""Draw the application icon: ``resources/images/balai.png`` and ``balai.ico``.

    python scripts/make_icon.py

A plain drawing of our own (no official emblem): a pavilion ("balai") with a
two-tier roof in white on a deep blue rounded square, a rising sun behind it.
Drawn at 1024 px and scaled down; the .ico holds 16 to 256 px. Needs Pillow
(installed with reportlab). The files are committed; run this only to change them.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "images"
SIZE = 1024
ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]

BLUE_TOP = (47, 102, 144)  # #2f6690, the sidebar's selection colour
BLUE_BOTTOM = (31, 58, 95)  # #1f3a5f, the sidebar's colour
SUN = (242, 177, 52)  # #f2b134
WHITE = (255, 255, 255)


def _background() -> Image.Image:
    gradient = Image.new("RGB", (1, SIZE))
    for y in range(SIZE):
        t = y / (SIZE - 1)
        gradient.putpixel((0, y), tuple(round(a + (b - a) * t) for a, b in zip(BLUE_TOP, BLUE_BOTTOM)))
    gradient = gradient.resize((SIZE, SIZE))
    mask = Image.new("L", (SIZE, SIZE), 0)
    ImageDraw.Draw(mask).rounded_rectangle((0, 0, SIZE - 1, SIZE - 1), radius=200, fill=255)
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    image.paste(gradient, (0, 0), mask)
    return image


def draw() -> Image.Image:
    image = _background()
    d = ImageDraw.Draw(image)
    # The sun, rising behind the roof.
    d.ellipse((352, 150, 672, 470), fill=SUN)
    # Upper roof tier (steep), then the wide lower tier with flared eaves.
    d.polygon([(512, 214), (700, 400), (324, 400)], fill=WHITE)
    d.polygon([(300, 430), (724, 430), (880, 560), (144, 560)], fill=WHITE)
    # Ridge gap between the tiers, so they read as two at small sizes too.
    d.rectangle((300, 400, 724, 430), fill=BLUE_TOP)
    # Pillars.
    for x in (250, 405, 560, 715):
        d.rectangle((x, 590, x + 60, 790), fill=WHITE)
    # Raised floor.
    d.rounded_rectangle((170, 800, 854, 860), radius=18, fill=WHITE)
    return image


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    image = draw()
    image.resize((256, 256), Image.Resampling.LANCZOS).save(OUT / "balai.png", optimize=True)
    large = image.resize((256, 256), Image.Resampling.LANCZOS)
    large.save(OUT / "balai.ico", sizes=[(s, s) for s in ICO_SIZES])
    print(f"make_icon.py: wrote {OUT / 'balai.png'} and {OUT / 'balai.ico'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
