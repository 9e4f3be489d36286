"""The app icons as PNG, drawn from the same shapes as static/icons/icon.svg, and the covers'
icons (pwa/covers.py) as PNG and SVG from one drawing each.

A calm blue tile with a white arrow, like a signpost: nothing on the home screen hints at
violence. A cover's icon looks like the everyday app it is: a keypad, a list, two arrows.
Run `python -m pwa.icons` (or `make icons`) after changing the shapes; the files are
committed. Standard library only: the shapes are filled by scanline with 8 sub-rows per pixel
and exact coverage along each row, so the edges are smooth.
"""

from __future__ import annotations

import math
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

from pwa.settings import ROOT

Point = tuple[float, float]
Ring = list[Point]
Colour = tuple[int, int, int]

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


def _rounded_rect(x: float, y: float, w: float, h: float, radius: float, steps: int = 24) -> Ring:
    points: list[Point] = []
    right, bottom = x + w - radius, y + h - radius
    corners = [(right, y + radius, -90), (right, bottom, 0), (x + radius, bottom, 90), (x + radius, y + radius, 180)]
    for cx, cy, start in corners:
        for i in range(steps + 1):
            angle = math.radians(start + 90 * i / steps)
            points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return points


@dataclass(frozen=True)
class Drawing:
    """A tile of one colour and shapes on it, each a colour and its rings, painted in order."""

    background: Colour
    shapes: tuple[tuple[Colour, tuple[Ring, ...]], ...]


def _rect(x: float, y: float, w: float, h: float) -> Ring:
    return [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]


APP = Drawing(BLUE, ((WHITE, (ARROW,)),))

# The covers' drawings, each within the maskable safe zone (the centred circle of 40 %).
_KEYS = [_rounded_rect(19 + 10 * col, 28 + 8 * row, 6, 6, 1.5, steps=6) for row in range(3) for col in range(3)]
COVER_DRAWINGS: dict[str, Drawing] = {
    "calculator": Drawing((0x3C, 0x40, 0x43), (
        (WHITE, (_rounded_rect(19, 13, 26, 10, 2, steps=6), *_KEYS[:-1])),
        ((0xF2, 0x99, 0x00), (_KEYS[-1],)),
    )),
    "shopping-list": Drawing((0x2E, 0x6B, 0x30), (
        (WHITE, (
            _rect(16, 17, 8, 8),
            _rect(16, 29, 8, 8), _rect(18, 31, 4, 4),
            _rect(16, 41, 8, 8), _rect(18, 43, 4, 4),
            *(_rect(28, y + 2.5, 20, 3) for y in (17, 29, 41)),
        )),
    )),
    "converter": Drawing((0x00, 0x69, 0x5C), (
        (WHITE, (
            [(17, 21), (37, 21), (37, 15), (47, 23.5), (37, 32), (37, 26), (17, 26)],
            [(47, 38), (27, 38), (27, 32), (17, 40.5), (27, 49), (27, 43), (47, 43)],
        )),
    )),
}


def _coverage(rings: list[Ring], size: int) -> list[float]:
    """The share of each pixel inside the rings (even-odd rule, so a ring inside another cuts
    a hole), row by row."""
    scale = size / GRID
    edges = [
        ((x1 * scale, y1 * scale), (x2 * scale, y2 * scale))
        for ring in rings
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1])
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


def pixels(size: int, rounded: bool, drawing: Drawing = APP) -> bytes:
    """RGBA rows of one icon, unfiltered."""
    tile = _coverage([_rounded_rect(0, 0, GRID, GRID, CORNER)], size) if rounded else [1.0] * (size * size)
    shapes = [(colour, _coverage(list(rings), size)) for colour, rings in drawing.shapes]
    out = bytearray()
    for i in range(size * size):
        alpha = min(tile[i], 1.0)
        if alpha <= 0:
            out += b"\0\0\0\0"
            continue
        colour = [float(c) for c in drawing.background]
        for shape_colour, cover in shapes:
            share = min(cover[i], alpha) / alpha
            colour = [c + (s - c) * share for c, s in zip(colour, shape_colour)]
        out += bytes(round(c) for c in colour)
        out.append(round(alpha * 255))
    return bytes(out)


def _hex(colour: Colour) -> str:
    return "#" + "".join(f"{c:02x}" for c in colour)


def svg(drawing: Drawing) -> str:
    """The drawing as the SVG icon: the rounded tile and each shape as one even-odd path."""
    def number(value: float) -> str:
        return f"{round(value, 2):g}"

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {GRID} {GRID}">',
             f'<rect width="{GRID}" height="{GRID}" rx="{CORNER}" fill="{_hex(drawing.background)}"/>']
    for colour, rings in drawing.shapes:
        path = "".join("M" + "L".join(f"{number(x)} {number(y)}" for x, y in ring) + "Z" for ring in rings)
        parts.append(f'<path d="{path}" fill="{_hex(colour)}" fill-rule="evenodd"/>')
    return "".join(parts) + "</svg>\n"


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


def cover_icons() -> dict[str, tuple[str, int, bool]]:
    """The covers' PNG files: file name -> (cover, size in px, rounded?)."""
    return {
        f"{cover}{suffix}": (cover, size, rounded)
        for cover in COVER_DRAWINGS
        for suffix, size, rounded in (("-192.png", 192, True), ("-512.png", 512, True), ("-maskable-512.png", 512, False))
    }


def write_all(directory: Path = ROOT / "static" / "icons") -> list[Path]:
    written = []
    for name, (size, rounded) in ICONS.items():
        path = directory / name
        path.write_bytes(png(size, pixels(size, rounded)))
        written.append(path)
    for name, (cover, size, rounded) in cover_icons().items():
        path = directory / name
        path.write_bytes(png(size, pixels(size, rounded, COVER_DRAWINGS[cover])))
        written.append(path)
    for cover, drawing in COVER_DRAWINGS.items():
        path = directory / f"{cover}.svg"
        path.write_text(svg(drawing), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for written_path in write_all():
        print(written_path.relative_to(ROOT), written_path.stat().st_size, "bytes")
