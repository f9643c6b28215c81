"""The one pair of functions through which the app uses the clipboard (qutebrowser's habit)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication


def copy_text(text: str) -> None:
    QGuiApplication.clipboard().setText(text)


def clipboard_text() -> str:
    return QGuiApplication.clipboard().text()
