"""Modal questions, each one function that tests replace (never `exec()` a dialog in a test)."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QWidget


def confirmation_box(parent: QWidget | None, title: str, text: str, accept: str) -> QMessageBox:
    """A question whose "yes" button says what will happen (`accept`); Cancel is the default."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    box.addButton(accept, QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box


def confirm(parent: QWidget | None, title: str, text: str, accept: str) -> bool:
    box = confirmation_box(parent, title, text, accept)
    box.exec()
    confirmed = box.buttonRole(box.clickedButton()) == QMessageBox.ButtonRole.DestructiveRole
    box.deleteLater()
    return confirmed


def inform(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def save_path(parent: QWidget | None, title: str, suggested: str, filters: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return path or None
