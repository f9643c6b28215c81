"""The label that gives the reason beside a field, the same in every window."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

PROBLEM_STYLE = "color: #b00020;"


def problem_label(hidden: bool = False) -> QLabel:
    """Red, wrapping; `hidden` for forms that show it only when there is a problem."""
    label = QLabel()
    label.setObjectName("fieldError")
    label.setStyleSheet(PROBLEM_STYLE)
    label.setWordWrap(True)
    if hidden:
        label.hide()
    return label
