"""Render the app icon SVG to the PNG sizes the freedesktop icon theme spec expects.

    python packaging/render_icons.py            # (re)write resources/icons/hicolor/*/apps/*.png
    python packaging/render_icons.py --check    # fail if a committed PNG differs from the SVG
    python packaging/render_icons.py --preview sheet.png   # every size, blown up, side by side

Runs Qt offscreen (QSvgRenderer); needs PySide6 and no display.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

APP_ID = "org.serumdesk.SerumDesk"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
REPO = Path(__file__).resolve().parent.parent
ICONS = REPO / "resources" / "icons"
SVG = ICONS / f"{APP_ID}.svg"
# Hand-fitted to a 16 px grid: the full icon's label and badge turn to mush below 32 px.
SMALL_SVG = ICONS / f"{APP_ID}-small.svg"
SMALL_SIZES = (16, 24)
# A rendering may differ by a rounding step between Qt builds; more than this is a real change.
MAX_CHANNEL_DIFF = 8


def png_path(size: int) -> Path:
    return ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def differs(a: QImage, b: QImage) -> bool:
    a = a.convertToFormat(QImage.Format.Format_ARGB32)
    b = b.convertToFormat(QImage.Format.Format_ARGB32)
    if a.size() != b.size():
        return True
    for y in range(a.height()):
        for x in range(a.width()):
            p, q = a.pixelColor(x, y), b.pixelColor(x, y)
            if (
                max(
                    abs(p.red() - q.red()),
                    abs(p.green() - q.green()),
                    abs(p.blue() - q.blue()),
                    abs(p.alpha() - q.alpha()),
                )
                > MAX_CHANNEL_DIFF
            ):
                return True
    return False


def preview(images: dict[int, QImage], out: Path) -> None:
    """Each size scaled up 4x (16..64) or shown as is, on light and dark strips."""
    cells = [
        img.scaled(img.width() * 4, img.height() * 4) if s <= 64 else img
        for s, img in images.items()
        if s <= 256
    ]
    width = sum(c.width() for c in cells) + 20 * (len(cells) + 1)
    height = max(c.height() for c in cells) + 40
    sheet = QImage(width, height * 2, QImage.Format.Format_ARGB32)
    painter = QPainter(sheet)
    for row, bg in enumerate(("#ffffff", "#2d2d2d")):
        painter.fillRect(0, row * height, width, height, QColor(bg))
        x = 20
        for c in cells:
            painter.drawImage(x, row * height + 20, c)
            x += c.width() + 20
    painter.end()
    sheet.save(str(out))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    parser.add_argument("--preview", type=Path, metavar="PNG", help="also write a contact sheet")
    args = parser.parse_args()

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - keeps Qt up
    renderers = {svg: QSvgRenderer(str(svg)) for svg in (SVG, SMALL_SVG)}
    for svg, renderer in renderers.items():
        if not renderer.isValid():
            print(f"render_icons: {svg} is not a valid SVG", file=sys.stderr)
            return 1
    images = {size: render(renderers[SMALL_SVG if size in SMALL_SIZES else SVG], size) for size in SIZES}
    stale = []
    for size, image in images.items():
        path = png_path(size)
        if args.check:
            committed = QImage(str(path))
            status = "missing" if committed.isNull() else ("differs" if differs(image, committed) else "ok")
            print(f"  {path.relative_to(REPO)}: {status}")
            if status != "ok":
                stale.append(path)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            if not image.save(str(path), "PNG"):
                print(f"render_icons: could not write {path}", file=sys.stderr)
                return 1
            print(f"  wrote {path.relative_to(REPO)}")
    if args.preview:
        preview(images, args.preview)
        print(f"  preview {args.preview}")
    if stale:
        print("render_icons: PNGs out of date with the SVG; run packaging/render_icons.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
