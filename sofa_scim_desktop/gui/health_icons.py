"""An icon per health state, drawn: a coloured disc with a white sign (✓ ✕ ! ‖ ? –), so that
the state does not rest on colour alone, and discs of a middle lightness that stand out from a
light and from a dark palette alike.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtGui import QIcon
from PySide6.QtGui import QPainter
from PySide6.QtGui import QPainterPath
from PySide6.QtGui import QPen
from PySide6.QtGui import QPixmap

# NOTE: each of a relative luminance between 0.17 and 0.3: a contrast of at least 3:1 (WCAG
# 1.4.11) against white and against a dark window (#2b2b2b), and under the white sign.
COLOURS = {
    "ok": "#388e3c",
    "failing": "#e53935",
    "refused": "#e65100",
    "silent": "#a66f00",
    "never_called": "#1e88e5",
    "disabled": "#757575",
}
SIZES = (16, 20, 24, 32, 48)


def _sign(state: str, s: float) -> QPainterPath:
    """The white sign of `state` on a disc of size `s` (coordinates in pixels)."""
    path = QPainterPath()
    if state == "ok":
        path.moveTo(0.28 * s, 0.52 * s)
        path.lineTo(0.44 * s, 0.68 * s)
        path.lineTo(0.72 * s, 0.36 * s)
    elif state == "failing":
        path.moveTo(0.33 * s, 0.33 * s)
        path.lineTo(0.67 * s, 0.67 * s)
        path.moveTo(0.67 * s, 0.33 * s)
        path.lineTo(0.33 * s, 0.67 * s)
    elif state == "refused":
        path.moveTo(0.5 * s, 0.25 * s)
        path.lineTo(0.5 * s, 0.58 * s)
        path.moveTo(0.5 * s, 0.74 * s)
        path.lineTo(0.5 * s, 0.75 * s)
    elif state == "silent":  # a pause
        for x in (0.39, 0.61):
            path.moveTo(x * s, 0.31 * s)
            path.lineTo(x * s, 0.69 * s)
    elif state == "never_called":  # a question mark
        path.moveTo(0.36 * s, 0.38 * s)
        path.cubicTo(0.36 * s, 0.2 * s, 0.66 * s, 0.2 * s, 0.65 * s, 0.38 * s)
        path.cubicTo(0.64 * s, 0.5 * s, 0.5 * s, 0.48 * s, 0.5 * s, 0.6 * s)
        path.moveTo(0.5 * s, 0.75 * s)
        path.lineTo(0.5 * s, 0.76 * s)
    else:  # disabled: a bar, as on a "no entry" sign
        path.moveTo(0.3 * s, 0.5 * s)
        path.lineTo(0.7 * s, 0.5 * s)
    return path


def _pixmap(state: str, size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(COLOURS[state]))
    margin = max(0.5, size / 32)
    painter.drawEllipse(QRectF(margin, margin, size - 2 * margin, size - 2 * margin))
    pen = QPen(QColor("white"), max(1.6, size * 0.12))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(_sign(state, float(size)))
    painter.end()
    return pixmap


@cache
def health_icon(state: str) -> QIcon:
    """The icon of `state` (one of services.health.STATES), drawn once per run."""
    icon = QIcon()
    for size in SIZES:
        icon.addPixmap(_pixmap(state, size))
    return icon
