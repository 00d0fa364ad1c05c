"""Simple illustrations for the demo course, drawn with Pillow (no downloads)."""

import io
import math

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1200, 675
BACKGROUND = (244, 246, 248)
PALETTE = [(107, 44, 145), (0, 96, 122), (163, 65, 11), (31, 78, 121), (23, 104, 58)]


def _circle(draw):
    cx, cy, radius = WIDTH / 2, HEIGHT / 2, 230
    draw.ellipse((cx - 110, cy - 110, cx + 110, cy + 110), fill=(222, 228, 234))
    for i in range(8):
        angle = 2 * math.pi * i / 8
        x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        colour = PALETTE[i % len(PALETTE)]
        draw.rounded_rectangle((x - 38, y - 38, x + 38, y + 38), radius=12, fill=colour)
        draw.ellipse(
            (x - 18, y - 70 if y < cy else y + 32, x + 18, y - 34 if y < cy else y + 68),
            fill=colour,
        )


def _ear(draw):
    draw.rounded_rectangle((140, 170, 560, 420), radius=40, fill=PALETTE[1])
    draw.polygon([(220, 420), (200, 510), (300, 420)], fill=PALETTE[1])
    draw.rounded_rectangle((640, 260, 1060, 500), radius=40, fill=PALETTE[3])
    draw.polygon([(980, 500), (1010, 590), (900, 500)], fill=PALETTE[3])
    for i in range(3):
        draw.ellipse((250 + i * 80, 275, 290 + i * 80, 315), fill=(255, 255, 255))
    draw.line((700, 340, 1000, 340), fill=(255, 255, 255), width=14)
    draw.line((700, 400, 920, 400), fill=(255, 255, 255), width=14)


def _fence(draw):
    draw.rectangle((0, 470, WIDTH, HEIGHT), fill=(208, 226, 205))
    for x in range(60, WIDTH, 90):
        if 480 <= x <= 660:
            continue
        draw.polygon(
            [(x, 250), (x + 25, 220), (x + 50, 250), (x + 50, 520), (x, 520)], fill=PALETTE[2]
        )
    draw.rectangle((0, 300, 470, 320), fill=PALETTE[2])
    draw.rectangle((690, 300, WIDTH, 320), fill=PALETTE[2])
    draw.rectangle((0, 430, 470, 450), fill=PALETTE[2])
    draw.rectangle((690, 430, WIDTH, 450), fill=PALETTE[2])
    draw.polygon([(490, 260), (600, 300), (600, 540), (490, 520)], outline=PALETTE[2], width=10)


def _path(draw):
    draw.rectangle((0, 420, WIDTH, HEIGHT), fill=(208, 226, 205))
    for i in range(7):
        x = 120 + i * 150
        y = 600 - i * 45 + (20 if i % 2 else -20)
        width = 120 - i * 8
        draw.ellipse(
            (x - width / 2, y - width / 4, x + width / 2, y + width / 4), fill=(150, 150, 150)
        )
    draw.ellipse((1020, 90, 1140, 210), fill=(255, 191, 71))


DRAWINGS = {"circle": _circle, "ear": _ear, "fence": _fence, "path": _path}

TITLES = {
    "circle": "Kring van stoelen",
    "ear": "Luisteren en spreken",
    "fence": "Een hek met een open poort",
    "path": "Een pad van stapstenen",
}


def illustration_png(key: str) -> bytes:
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    DRAWINGS[key](ImageDraw.Draw(image))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
