"""The clinic's logo as a picture for the sheet: a PNG decoded, or an SVG drawn by Qt SVG.

The bytes were checked by domain/clinic/logo.py (a PNG, or an SVG that refers to nothing
outside itself) when they were kept and again when they were read back.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QImage, QPainter

from serumdesk.domain.clinic.details import LogoKind

RENDER_HEIGHT_PX = 480
"""An SVG is drawn this tall: sharp at 600 dpi for a header about 2 cm high."""
MAX_RENDER_WIDTH_PX = 4 * RENDER_HEIGHT_PX


def logo_image(data: bytes, kind: LogoKind) -> QImage | None:
    """The logo as an image, or None when Qt cannot draw it."""
    if kind == "png":
        image = QImage.fromData(data)
        return None if image.isNull() else image
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(data))
    if not renderer.isValid():
        return None
    size = renderer.defaultSize()
    if size.isEmpty():
        size = QSize(RENDER_HEIGHT_PX, RENDER_HEIGHT_PX)
    width = min(MAX_RENDER_WIDTH_PX, max(1, round(size.width() * RENDER_HEIGHT_PX / size.height())))
    image = QImage(width, RENDER_HEIGHT_PX, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image
