"""The label that gives the reason beside a field, the same in every window."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from sofa_scim_desktop.gui.colours import text_style


def problem_style() -> str:
    """The error tone of the palette in use (gui/colours.py)."""
    return text_style("error")


def problem_label(hidden: bool = False) -> QLabel:
    """Red, wrapping; `hidden` for forms that show it only when there is a problem."""
    label = QLabel()
    label.setObjectName("fieldError")
    label.setStyleSheet(problem_style())
    label.setWordWrap(True)
    if hidden:
        label.hide()
    return label
