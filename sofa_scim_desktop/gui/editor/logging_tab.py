"""The Logging tab: the logging level, each with what it records (SPEC §6)."""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup
from PySide6.QtWidgets import QGroupBox
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QRadioButton
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from sofa_scim_desktop.services.journal import LEVELS


class LoggingTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons: dict[str, QRadioButton] = {}
        self._group = QButtonGroup(self)
        box = QGroupBox(self.tr("Logging level"))
        inner = QVBoxLayout(box)
        for level, (label, explanation) in self._texts().items():
            button = QRadioButton(label)
            note = QLabel(explanation)
            note.setWordWrap(True)
            note.setContentsMargins(24, 0, 0, 8)
            self.buttons[level] = button
            self._group.addButton(button)
            inner.addWidget(button)
            inner.addWidget(note)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("How much the synchronization writes to its transaction log:"))
        )
        layout.addWidget(box)
        layout.addStretch()
        self.set_level("information")

    def _texts(self) -> dict[str, tuple[str, str]]:
        texts = {
            "warning": (
                self.tr("Warning"),
                self.tr("The lowest level: only warnings, errors and critical errors."),
            ),
            "information": (
                self.tr("Information"),
                self.tr(
                    "Also one entry per operation: user created, updated or disabled, "
                    "group membership changed."
                ),
            ),
            "debug": (
                self.tr("Debug"),
                self.tr(
                    "The highest level: also each request and answer in detail, with keys and "
                    "passwords hidden. Use it to solve problems."
                ),
            ),
        }
        assert set(texts) == set(LEVELS)
        return texts

    def set_level(self, level: str) -> None:
        self.buttons.get(level, self.buttons["information"]).setChecked(True)

    def level(self) -> str:
        return next(name for name, button in self.buttons.items() if button.isChecked())
