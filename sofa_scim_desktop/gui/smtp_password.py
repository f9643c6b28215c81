"""The SMTP password field: typed to store it in the OS keyring, never shown once stored."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtCore import Slot
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QWidget

from sofa_scim_desktop.domain.errors import DomainError
from sofa_scim_desktop.gui.error_texts import error_text
from sofa_scim_desktop.services.secrets import ENV_SMTP_PASSWORD

KEY = "smtp.password"


class PasswordField(QWidget):
    """Empty means "keep what is stored"; "Remove" deletes the stored password at once.

    Emits `problem` with the reason to show next to the field ("" when all is well), e.g. the
    KeyringUnavailable message that names the environment-variable alternative.
    """

    problem = Signal(str)
    removed = Signal()

    def __init__(self, settings: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.edit = QLineEdit()
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Delete the stored password from the keyring."))
        self.remove_button.clicked.connect(self.remove)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.remove_button)
        self.load()

    def is_set(self) -> bool:
        return bool(self._settings.get(KEY) == "(set)")

    @Slot()
    def load(self) -> None:
        """Drops what was typed; the placeholder tells whether one is stored, and where."""
        self.edit.clear()
        stored = self.is_set()
        self.edit.setPlaceholderText(self._where(stored))
        replace = self.tr("Type a new password to replace the stored one; empty keeps it.")
        self.edit.setToolTip(replace if stored else "")
        self.remove_button.setEnabled(stored)

    def _where(self, stored: bool) -> str:
        if self._settings.secrets.smtp_password_in_environment():
            return self.tr("Given in %1").replace("%1", ENV_SMTP_PASSWORD)  # it wins
        return self.tr("Stored in the system keyring") if stored else self.tr("Not set")

    def changed(self) -> bool:
        return bool(self.edit.text())

    def save(self) -> bool:
        """Stores what was typed (nothing typed: nothing to do). False when refused."""
        if not self.changed():
            return True
        return self._write(self.edit.text())

    @Slot()
    def remove(self) -> None:
        if self._write(""):
            self.removed.emit()

    def _write(self, value: str) -> bool:
        try:
            self._settings.set(KEY, value)
        except DomainError as error:  # KeyringUnavailable: its message says what to do instead
            self.problem.emit(error_text(error))
            return False
        self.problem.emit("")
        self.load()
        return True
