#!/usr/bin/env python3
"""Draws the app icon (a newspaper page with a red masthead) as RGBA PNGs in icons/, and the same
images packed as Windows' icon.ico and macOS' icon.icns (both formats hold PNGs as they are).

Standard library only, so it runs on a bare machine. Re-run after changing the design.
"""
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "icons")


def pixel(x, y, n):
    u, v = x / n, y / n
    margin = 0.12
    if not (margin <= u <= 1 - margin and margin * 0.8 <= v <= 1 - margin * 0.8):
        return (0, 0, 0, 0)
    if v < 0.32:
        return (200, 30, 45, 255)  # the masthead
    for row in (0.42, 0.52, 0.62, 0.72, 0.82):
        if row <= v <= row + 0.045 and u <= 1 - margin - 0.08 * ((row * 10) % 2):
            return (60, 60, 70, 255)  # lines of text
    return (250, 248, 240, 255)  # the page


def png(n):
    raw = bytearray()
    for y in range(n):
        raw.append(0)
        for x in range(n):
            raw.extend(pixel(x + 0.5, y + 0.5, n))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", n, n, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b""))


def ico(sizes):
    """A Windows icon: a directory of entries, each naming a PNG by size and offset."""
    images = [png(n) for n in sizes]
    head = struct.pack("<HHH", 0, 1, len(images))
    offset = len(head) + 16 * len(images)
    entries = b""
    for n, data in zip(sizes, images):
        # A width or height of 256 is written as 0.
        entries += struct.pack("<BBBBHHII", n % 256, n % 256, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return head + entries + b"".join(images)


def icns(kinds):
    """A macOS icon: 'icns', the total length, then each image as type, length and PNG."""
    body = b""
    for kind, n in kinds:
        data = png(n)
        body += kind + struct.pack(">I", 8 + len(data)) + data
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


os.makedirs(OUT, exist_ok=True)
files = {name: png(size) for name, size in
         (("32x32.png", 32), ("128x128.png", 128), ("128x128@2x.png", 256), ("icon.png", 512))}
files["icon.ico"] = ico((16, 24, 32, 48, 64, 256))
files["icon.icns"] = icns(((b"icp4", 16), (b"icp5", 32), (b"ic07", 128), (b"ic08", 256), (b"ic09", 512),
                           (b"ic10", 1024)))
for name, data in files.items():
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)
