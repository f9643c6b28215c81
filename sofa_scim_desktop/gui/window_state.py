"""The main window's size, position and splitters as the admin left them, kept in the app's
settings location (QSettings: on Linux ~/.config/Sofa/Sofa SCIM Desktop.conf), not in the
database: they belong to this computer's screen, not to the data folder.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow
from PySide6.QtWidgets import QSplitter

ORGANIZATION = "Sofa"
APPLICATION = "Sofa SCIM Desktop"


def settings() -> QSettings:
    return QSettings(ORGANIZATION, APPLICATION)


def save(window: QMainWindow, splitters: dict[str, QSplitter]) -> None:
    store = settings()
    store.setValue("window/geometry", window.saveGeometry())
    for name, splitter in splitters.items():
        store.setValue(f"splitters/{name}", splitter.saveState())
    store.sync()


def restore(window: QMainWindow, splitters: dict[str, QSplitter]) -> bool:
    """False when nothing was saved yet (the window keeps its default size)."""
    store = settings()
    geometry = store.value("window/geometry")
    for name, splitter in splitters.items():
        state = store.value(f"splitters/{name}")
        if isinstance(state, QByteArray):
            splitter.restoreState(state)
    return isinstance(geometry, QByteArray) and window.restoreGeometry(geometry)
