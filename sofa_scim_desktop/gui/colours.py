"""Every colour the app sets, chosen for the palette in use: on a dark system palette the light
one's dark red on pale yellow became pale yellow under white text. Each pair keeps a contrast of
at least 4.5:1 (WCAG 2.1, 1.4.3) with the palette's own base and text (tests/gui/test_colours.py).
"""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtGui import QGuiApplication
from PySide6.QtGui import QPalette

# Text tones, by the palette's lightness.
TEXT = {
    "light": {"error": "#b00020", "warning": "#8a5a00", "success": "#17692f", "muted": "#595959"},
    "dark": {"error": "#ff8a80", "warning": "#ffcc66", "success": "#81c784", "muted": "#b0b0b0"},
}
# Backgrounds that mark a cell or a box; their text is the palette's own.
BACKGROUND = {
    "light": {"warning": "#fff1c2", "error": "#f8d0d0", "note": "#fff4e5"},
    "dark": {"warning": "#4d3d00", "error": "#5c1f24", "note": "#3d2b12"},
}
NOTE_BORDER = "#e8a33d"


def is_dark(palette: QPalette | None = None) -> bool:
    """A dark palette: its base (where lists and fields draw) is darker than mid grey."""
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def _scheme(palette: QPalette | None) -> str:
    return "dark" if is_dark(palette) else "light"


def text_colour(tone: str, palette: QPalette | None = None) -> QColor:
    """Text in a tone: error, warning, success or muted."""
    return QColor(TEXT[_scheme(palette)][tone])


def background_colour(tone: str, palette: QPalette | None = None) -> QColor:
    """A background in a tone (warning, error or note) behind the palette's own text."""
    return QColor(BACKGROUND[_scheme(palette)][tone])


def text_colour_on_background(palette: QPalette | None = None) -> QColor:
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Text)


def text_style(tone: str) -> str:
    """A style sheet giving a label that tone's text colour."""
    return f"color: {text_colour(tone).name()};"


def contrast_ratio(one: QColor, other: QColor) -> float:
    """WCAG 2.1's contrast ratio, 1 to 21."""
    lighter, darker = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue
