"""Draw the Windows icon build_spec/pal_desktop.ico: a rounded blue square with a white "PAL" mark.

    python build_spec/make_icon.py            # rewrites build_spec/pal_desktop.ico (commit the result)
    python build_spec/make_icon.py --png X    # also writes a 256 px PNG of the same mark

Every size (16-256 px) is drawn separately rather than scaled down from 256 px, so the small sizes stay
crisp; below 32 px the mark is a single "P" (three letters would be a blur). Uses Pillow (ReportLab
already depends on it) and the bundled DejaVu Sans Bold; nothing is downloaded.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
FONT = ROOT / "resources" / "fonts" / "DejaVuSans-Bold.ttf"
ICO = Path(__file__).resolve().parent / "pal_desktop.ico"
SIZES = (16, 20, 24, 32, 40, 48, 64, 96, 128, 256)
BACKGROUND = (23, 92, 160, 255)     # a calm office blue
ACCENT = (242, 181, 46, 255)        # the underline: a warm yellow
FOREGROUND = (255, 255, 255, 255)
SUPERSAMPLE = 4


def draw(size: int) -> Image.Image:
    """The mark at ``size`` x ``size`` pixels (drawn 4x larger, then reduced with a good filter)."""
    big = size * SUPERSAMPLE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    canvas = ImageDraw.Draw(image)
    margin = 0 if size <= 24 else big // 32
    radius = big // 5
    canvas.rounded_rectangle((margin, margin, big - 1 - margin, big - 1 - margin), radius=radius,
                             fill=BACKGROUND)
    text = "P" if size < 32 else "PAL"
    inner = big - 2 * margin
    target_width = inner * (0.56 if text == "P" else 0.78)
    font_size = big
    font = ImageFont.truetype(str(FONT), font_size)
    while font_size > 4:
        font = ImageFont.truetype(str(FONT), font_size)
        left, top, right, bottom = canvas.textbbox((0, 0), text, font=font)
        if right - left <= target_width and bottom - top <= inner * 0.6:
            break
        font_size -= max(1, font_size // 50)
    left, top, right, bottom = canvas.textbbox((0, 0), text, font=font)
    width, height = right - left, bottom - top
    x = (big - width) / 2 - left
    y = (big - height) / 2 - top - inner * 0.05
    canvas.text((x, y), text, font=font, fill=FOREGROUND)
    if size >= 32:  # a short accent bar under the letters
        bar_top = (big + height) / 2 + inner * 0.04
        bar_height = max(SUPERSAMPLE, inner * 0.07)
        canvas.rounded_rectangle((big / 2 - width / 2, bar_top, big / 2 + width / 2, bar_top + bar_height),
                                 radius=bar_height / 2, fill=ACCENT)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def write_ico(path: Path = ICO) -> Path:
    images = [draw(size) for size in SIZES]
    largest = images[-1]
    largest.save(path, format="ICO", sizes=[(s, s) for s in SIZES], append_images=images[:-1])
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--png", type=Path, metavar="FILE.png", help="also write the 256 px mark as PNG")
    args = parser.parse_args()
    print(f"wrote {write_ico()}")
    if args.png:
        draw(256).save(args.png)
        print(f"wrote {args.png}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
