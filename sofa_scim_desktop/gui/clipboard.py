"""The functions through which the app uses the clipboard (qutebrowser's habit), and the
"Copied" a copy button shows.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton


def copy_text(text: str) -> None:
    QGuiApplication.clipboard().setText(text)


def clipboard_text() -> str:
    return QGuiApplication.clipboard().text()


COPIED_MS = 2000


def copy_from_button(button: QAbstractButton, text: str) -> None:
    """Copies `text` and says so on `button` ("Copied") for two seconds: the clipboard itself
    shows nothing.
    """
    copy_text(text)
    label = button.property(_LABEL) or button.text()
    button.setProperty(_LABEL, label)
    button.setText(QCoreApplication.translate("Clipboard", "Copied"))

    def restore() -> None:
        button.setText(label)
        button.setProperty(_LABEL, None)

    QTimer.singleShot(COPIED_MS, button, restore)


_LABEL = "sofaLabelBeforeCopied"  # the button's own text while "Copied" shows
