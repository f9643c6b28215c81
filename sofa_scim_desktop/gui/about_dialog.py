"""About: the version and where this copy keeps its data, its database and its server."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit
from urllib.parse import urlunsplit

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QVBoxLayout

from sofa_scim_desktop import __version__


def without_password(url: str) -> str:
    """`postgresql://sofa:secret@db/sofa` as `postgresql://sofa@db/sofa`: safe to show."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{parts.username}@{host}" if parts.username else host
    if parts.port:
        netloc += f":{parts.port}"
    return urlunsplit(parts._replace(netloc=netloc))


class AboutDialog(QDialog):
    def __init__(
        self, data_dir: str, database_url: str, server: str | None, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Sofa SCIM Desktop"))
        title = QLabel(self.tr("Sofa SCIM Desktop %1").replace("%1", __version__))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        self.values = {
            "version": __version__,
            "data_dir": data_dir,
            "database": without_password(database_url),
            "server": server or self.tr("Stopped"),
        }
        form = QFormLayout()
        labels = {
            "version": self.tr("Version"),
            "data_dir": self.tr("Data folder"),
            "database": self.tr("Database"),
            "server": self.tr("SCIM server"),
        }
        for key, label in labels.items():
            value = QLabel(self.values[key])
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, value)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(buttons)
