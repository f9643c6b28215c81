"""Asked when the window closes while the server runs: keep serving in the background, or quit."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QCheckBox
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

KEEP, QUIT = "tray", "quit"  # the values of the gui.on_close setting


@dataclass(frozen=True)
class CloseAnswer:
    choice: str  # KEEP or QUIT
    remember: bool  # save it in gui.on_close: do not ask again


class CloseDialog(QDialog):
    """Without a system tray (some desktops have none), keeping the server means minimising
    the window to the taskbar: the admin still gets the window back, and Entra keeps working.
    """

    def __init__(self, url: str, tray: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keep provisioning running?"))
        self.message = QLabel(self._text(url, tray))
        self.message.setWordWrap(True)
        self.remember = QCheckBox(self.tr("Remember my choice (Settings → General)"))
        keep_text = (
            self.tr("Keep serving in the system tray")
            if tray
            else self.tr("Keep serving, minimise the window")
        )
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.keep_button = self._button(keep_text, KEEP)
        self.quit_button = self._button(self.tr("Quit and stop the server"), QUIT)
        self.keep_button.setDefault(True)  # the choice that keeps Entra working
        self.buttons.rejected.connect(self.reject)
        self.choice: str | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.remember)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    def _text(self, url: str, tray: bool) -> str:
        text = self.tr(
            "The SCIM server on %1 runs inside this window. While the server is stopped, "
            "Entra's provisioning calls fail, and Entra quarantines a job whose calls keep "
            "failing."
        ).replace("%1", url)
        if not tray:
            text += "\n\n" + self.tr(
                "This desktop has no system tray: to keep serving, the window is minimised "
                "to the taskbar instead."
            )
        return text

    def _button(self, text: str, choice: str) -> QPushButton:
        button = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
        button.clicked.connect(lambda: self._choose(choice))
        return button

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    def answer(self) -> CloseAnswer | None:
        if self.choice is None:
            return None
        return CloseAnswer(self.choice, self.remember.isChecked())

    @classmethod
    def ask(cls, url: str, tray: bool, parent: QWidget | None) -> CloseAnswer | None:
        """The admin's answer, or None (Cancel: the window stays). Tests replace this."""
        dialog = cls(url, tray, parent)
        dialog.exec()
        answer = dialog.answer()
        dialog.deleteLater()  # NOTE: by Qt, not Python's GC (see SyncEditor.edit)
        return answer
