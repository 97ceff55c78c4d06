"""Draw Audit Trail's brand icon (a ledger page whose rows are linked into a chain, with a check).

Pure standard library (zlib + struct), so it runs on any Python: `python3 scripts/draw_icon.py`.
Writes custom_components/audit_trail/brand/icon.png (256x256) and icon@2x.png (512x512).
"""

from __future__ import annotations

import math
import struct
import zlib
from pathlib import Path

BRAND = Path(__file__).resolve().parent.parent / "custom_components" / "audit_trail" / "brand"
SAMPLES = 3  # supersampling per axis, for smooth edges

PAGE = (25, 118, 210)
ROW = (255, 255, 255)
LINK = (144, 202, 249)
BADGE = (67, 160, 71)


def rounded_rect(x: float, y: float, box: tuple[float, float, float, float], r: float) -> bool:
    """Whether (x, y) lies in the rectangle box=(x0, y0, x1, y1) with corner radius r."""
    x0, y0, x1, y1 = box
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def ring(x: float, y: float, c: tuple[float, float], r_out: float, r_in: float) -> bool:
    """Whether (x, y) lies in the ring around c."""
    d = math.hypot(x - c[0], y - c[1])
    return r_in <= d <= r_out


def segment(x: float, y: float, a: tuple[float, float], b: tuple[float, float], w: float) -> bool:
    """Whether (x, y) lies within w/2 of the segment a-b."""
    ax, ay = a
    bx, by = b
    t = max(
        0.0,
        min(1.0, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
    )
    return math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) <= w / 2


def colour_at(x: float, y: float) -> tuple[int, int, int, int] | None:  # noqa: PLR0911
    """Return the colour of the unit-square icon at (x, y), or None for transparent."""
    if math.hypot(x - 0.76, y - 0.76) <= 0.2:
        check = segment(x, y, (0.67, 0.76), (0.74, 0.83), 0.05) or segment(
            x, y, (0.74, 0.83), (0.86, 0.69), 0.05
        )
        return (*ROW, 255) if check else (*BADGE, 255)
    if math.hypot(x - 0.76, y - 0.76) <= 0.235:
        return None  # a clear margin around the badge
    for i in range(4):
        cy = 0.24 + i * 0.155
        if rounded_rect(x, y, (0.34, cy - 0.035, 0.74, cy + 0.035), 0.035):
            return (*ROW, 255)
        if ring(x, y, (0.24, cy), 0.05, 0.028):
            return (*LINK, 255)
        if i < 3 and rounded_rect(x, y, (0.23, cy + 0.045, 0.25, cy + 0.11), 0.01):
            return (*LINK, 255)
    if rounded_rect(x, y, (0.1, 0.08, 0.84, 0.92), 0.08):
        return (*PAGE, 255)
    return None


def render(size: int) -> bytes:
    """Render the icon as RGBA PNG bytes."""
    rows = []
    n = SAMPLES * SAMPLES
    for py in range(size):
        row = bytearray([0])
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(SAMPLES):
                for sx in range(SAMPLES):
                    c = colour_at(
                        (px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size
                    )
                    if c is not None:
                        for k in range(3):
                            acc[k] += c[k] * c[3]
                        acc[3] += c[3]
            alpha = acc[3] / n
            rgb = [round(acc[k] / acc[3]) if acc[3] else 0 for k in range(3)]
            row += bytes([*rgb, round(alpha)])
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


def main() -> None:
    """Write both icon sizes."""
    BRAND.mkdir(parents=True, exist_ok=True)
    (BRAND / "icon.png").write_bytes(render(256))
    (BRAND / "icon@2x.png").write_bytes(render(512))


if __name__ == "__main__":
    main()
