"""The question before a new key replaces the current one (SPEC §8.3): keep the old key working
for up to 24 hours while the admin pastes the new one into Entra (the default), or revoke it now
(a leaked key); each choice explained in one sentence.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QRadioButton
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

KEEP_OLD, REVOKE_OLD = "keep_old", "revoke_old"


class KeyReplaceQuestion(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Replace the access key?"))
        self.keep_old = QRadioButton(self.tr("Keep the old key working for up to 24 hours"))
        self.revoke_old = QRadioButton(self.tr("Revoke the old key now"))
        self.keep_old.setChecked(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.replace_button = buttons.addButton(
            self.tr("Replace key"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("What should happen to the current key?")))
        for choice, note in (
            (
                self.keep_old,
                self.tr(
                    "Entra keeps provisioning with it until its first call with the new key, "
                    "at most 24 hours, while you paste the new key into Entra."
                ),
            ),
            (
                self.revoke_old,
                self.tr(
                    "For a key that may have leaked: Entra's calls are refused until you paste "
                    "the new key into Entra."
                ),
            ),
        ):
            layout.addWidget(choice)
            explanation = QLabel(note)
            explanation.setWordWrap(True)
            explanation.setContentsMargins(24, 0, 0, 6)
            layout.addWidget(explanation)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def choice(self) -> str:
        return REVOKE_OLD if self.revoke_old.isChecked() else KEEP_OLD


def ask_key_replacement(parent: QWidget | None) -> str | None:
    """KEEP_OLD, REVOKE_OLD, or None when the admin cancelled; tests replace it."""
    question = KeyReplaceQuestion(parent)
    try:
        return question.choice() if question.exec() == QDialog.DialogCode.Accepted else None
    finally:
        question.deleteLater()
