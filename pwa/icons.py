"""The app icons as PNG, drawn from the same shapes as static/icons/icon.svg.

A calm blue tile with a white arrow, like a signpost: nothing on the home screen hints at
violence. Run `python -m pwa.icons` (or `make icons`) after changing the shapes; the PNGs are
committed. Standard library only: the shapes are filled by scanline with 8 sub-rows per pixel
and exact coverage along each row, so the edges are smooth.
"""

from __future__ import annotations

import math
import struct
import zlib
from pathlib import Path

from pwa.settings import ROOT

Point = tuple[float, float]

GRID = 64  # the SVG's viewBox is 0 0 64 64
BLUE = (0x24, 0x50, 0x6B)
WHITE = (0xFF, 0xFF, 0xFF)
CORNER = 14  # rx of the SVG's rect
ARROW: list[Point] = [(32, 12), (46, 26), (36, 26), (36, 52), (28, 52), (28, 26), (18, 26)]
SUBROWS = 8

# file name -> (size in px, rounded tile with transparent corners?)
# The maskable icon fills the whole square (the platform cuts its own shape); the arrow already
# lies within the safe zone, the centred circle of 40 % of the size (its farthest point is 32 %).
ICONS = {
    "icon-192.png": (192, True),
    "icon-512.png": (512, True),
    "icon-maskable-512.png": (512, False),
}


def _rounded_square(radius: float, steps: int = 24) -> list[Point]:
    points: list[Point] = []
    corners = [(GRID - radius, radius, -90), (GRID - radius, GRID - radius, 0), (radius, GRID - radius, 90), (radius, radius, 180)]
    for cx, cy, start in corners:
        for i in range(steps + 1):
            angle = math.radians(start + 90 * i / steps)
            points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return points


def _coverage(polygon: list[Point], size: int) -> list[float]:
    """The share of each pixel inside the polygon (even-odd rule), row by row."""
    scale = size / GRID
    edges = [
        ((x1 * scale, y1 * scale), (x2 * scale, y2 * scale))
        for (x1, y1), (x2, y2) in zip(polygon, polygon[1:] + polygon[:1])
        if y1 != y2
    ]
    cover = [0.0] * (size * size)
    weight = 1 / SUBROWS
    for row in range(size):
        base = row * size
        for sub in range(SUBROWS):
            y = row + (sub + 0.5) / SUBROWS
            xs = sorted(
                x1 + (y - y1) * (x2 - x1) / (y2 - y1)
                for (x1, y1), (x2, y2) in edges
                if min(y1, y2) <= y < max(y1, y2)
            )
            for start, end in zip(xs[::2], xs[1::2]):
                start, end = max(start, 0.0), min(end, float(size))
                for px in range(int(start), min(int(math.ceil(end)), size)):
                    overlap = min(end, px + 1) - max(start, px)
                    if overlap > 0:
                        cover[base + px] += overlap * weight
    return cover


def pixels(size: int, rounded: bool) -> bytes:
    """RGBA rows of one icon, unfiltered."""
    tile = _coverage(_rounded_square(CORNER), size) if rounded else [1.0] * (size * size)
    arrow = _coverage(ARROW, size)
    out = bytearray()
    for i in range(size * size):
        alpha = min(tile[i], 1.0)
        white = min(arrow[i], alpha)
        if alpha <= 0:
            out += b"\0\0\0\0"
            continue
        share = white / alpha
        out += bytes(round(b + (w - b) * share) for b, w in zip(BLUE, WHITE))
        out.append(round(alpha * 255))
    return bytes(out)


def png(size: int, rgba: bytes) -> bytes:
    """A minimal RGBA PNG: signature, IHDR, one IDAT, IEND."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    stride = size * 4
    raw = b"".join(b"\0" + rgba[row * stride:(row + 1) * stride] for row in range(size))
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def read_png(data: bytes) -> tuple[int, int, bytes]:
    """Width, height and RGBA rows of a PNG written by `png` (8-bit RGBA, filter 0)."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    offset, width, height, idat = 8, 0, 0, b""
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset:offset + 4])
        kind = data[offset + 4:offset + 8]
        body = data[offset + 8:offset + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            idat += body
        offset += 12 + length
    raw = zlib.decompress(idat)
    stride = width * 4
    rows = [raw[row * (stride + 1) + 1:(row + 1) * (stride + 1)] for row in range(height)]
    return width, height, b"".join(rows)


def write_all(directory: Path = ROOT / "static" / "icons") -> list[Path]:
    written = []
    for name, (size, rounded) in ICONS.items():
        path = directory / name
        path.write_bytes(png(size, pixels(size, rounded)))
        written.append(path)
    return written


if __name__ == "__main__":
    for written_path in write_all():
        print(written_path.relative_to(ROOT), written_path.stat().st_size, "bytes")
