"""Renders the app's SVG icon into what each platform's bundle wants (build.spec): a
multi-size .ico (Windows), an .icns (macOS) and PNGs for the Linux icon theme. PNG-compressed
entries in both containers (Windows Vista and macOS 10.7 onwards read them).

    .venv/bin/python scripts/build_icons.py [OUT_DIR]     (default: build/icons)
"""

from __future__ import annotations

import os
import struct
import sys
from importlib.resources import as_file
from importlib.resources import files
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer  # noqa: E402
from PySide6.QtCore import QByteArray  # noqa: E402
from PySide6.QtCore import QIODevice  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtGui import QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

NAME = "sofa-scim"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# The icns types that hold a PNG of each size.
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09",
              1024: b"ic10"}  # fmt: skip
THEME_SIZES = (16, 32, 48, 64, 128, 256, 512)


def png(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico(images: dict[int, bytes]) -> bytes:
    header = struct.pack("<HHH", 0, 1, len(images))
    entries, offset = b"", 6 + 16 * len(images)
    for size, data in images.items():
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return header + entries + b"".join(images.values())


def icns(images: dict[int, bytes]) -> bytes:
    chunks = b"".join(ICNS_TYPES[s] + struct.pack(">I", 8 + len(d)) + d for s, d in images.items())
    return b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks


def main(out: Path) -> None:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    with as_file(files("sofa_scim_desktop.resources") / "icons" / f"{NAME}.svg") as svg:
        renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot read the icon {svg}")
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{NAME}.ico").write_bytes(ico({s: png(renderer, s) for s in ICO_SIZES}))
    (out / f"{NAME}.icns").write_bytes(icns({s: png(renderer, s) for s in ICNS_TYPES}))
    for size in THEME_SIZES:
        (out / f"{NAME}-{size}.png").write_bytes(png(renderer, size))
    print(f"icons written to {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "build/icons"))
