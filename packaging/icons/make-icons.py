#!/usr/bin/env python3
"""Draws Toonsmith's application icon: a photo's landscape painted as a cel, flat colours and ink outlines.

Writes toonsmith.png (512 px, Linux), toonsmith.ico (Windows) and toonsmith.icns (macOS)
beside this script, and the studio window's icon-32/64/256.png in ui-resources. Needs Debian's python3-pil; the outputs are committed, so packaging needs no Python.

    /usr/bin/python3 packaging/icons/make-icons.py
"""
import os

from PIL import Image, ImageDraw

HERE = os.path.dirname(os.path.abspath(__file__))
SCALE = 4  # drawn at 4x and scaled down, for smooth edges
SIZE = 512
INK = (28, 24, 38)


def draw():
    s = SIZE * SCALE
    ink = 14 * SCALE
    img = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    mask = Image.new("L", (s, s), 0)
    # Inside the outline's middle, so no colour shows beyond the ink at the corners.
    ImageDraw.Draw(mask).rounded_rectangle([ink, ink, s - 1 - ink, s - 1 - ink], radius=s // 5 - ink, fill=255)

    art = Image.new("RGBA", (s, s), (255, 196, 92, 255))  # sky, a flat warm cel
    d = ImageDraw.Draw(art)
    # The sun.
    d.ellipse([s * 0.56, s * 0.14, s * 0.86, s * 0.44], fill=(255, 244, 214), outline=INK, width=ink)
    # Two hills, flat fills with ink outlines.
    d.ellipse([-s * 0.35, s * 0.50, s * 0.75, s * 1.45], fill=(86, 170, 120), outline=INK, width=ink)
    d.ellipse([s * 0.35, s * 0.60, s * 1.45, s * 1.55], fill=(46, 128, 110), outline=INK, width=ink)
    # A paintbrush across the sky: red handle, steel ferrule, inked tip.
    def segment(a, b, width, colour):
        d.line([(s * a[0], s * a[1]), (s * b[0], s * b[1])], fill=INK, width=int(s * width) + 2 * ink)
        d.line([(s * a[0], s * a[1]), (s * b[0], s * b[1])], fill=colour, width=int(s * width))

    segment((0.44, 0.10), (0.27, 0.27), 0.05, (236, 84, 72))
    segment((0.27, 0.27), (0.21, 0.33), 0.07, (200, 206, 214))
    d.polygon([(s * 0.17, s * 0.29), (s * 0.25, s * 0.37), (s * 0.10, s * 0.44)], fill=INK)

    img.paste(art, (0, 0), mask)
    border = ImageDraw.Draw(img)
    border.rounded_rectangle([ink // 2, ink // 2, s - 1 - ink // 2, s - 1 - ink // 2], radius=s // 5, outline=INK,
                             width=ink)
    return img.resize((SIZE, SIZE), Image.LANCZOS)


def main():
    icon = draw()
    icon.save(os.path.join(HERE, "toonsmith.png"))
    icon.save(os.path.join(HERE, "toonsmith.ico"), sizes=[(16, 16), (32, 32), (48, 48), (64, 64), (128, 128),
                                                           (256, 256)])
    icon.save(os.path.join(HERE, "toonsmith.icns"))
    studio = os.path.join(HERE, "..", "..", "ui-resources", "src", "main", "resources", "dev", "toonsmith", "ui")
    for size in (32, 64, 256):
        icon.resize((size, size), Image.LANCZOS).save(os.path.join(studio, "icon-%d.png" % size))
    print("Wrote toonsmith.png, toonsmith.ico, toonsmith.icns and the studio window's icon-*.png")


if __name__ == "__main__":
    main()
