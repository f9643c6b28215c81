"""The "New local user" dialog: user name, e-mail, first name, surname, with the reason for a
refusal shown next to the field it concerns (a fresh install needs someone to get e-mails).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from sofa_scim_desktop.domain.errors import Conflict
from sofa_scim_desktop.domain.errors import DomainError
from sofa_scim_desktop.domain.resource import EMAIL_PATTERN
from sofa_scim_desktop.gui.error_texts import error_text
from sofa_scim_desktop.gui.labels import problem_label
from sofa_scim_desktop.services.directory import Directory


def show_error(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


class NewUserDialog(QDialog):
    def __init__(self, directory: Directory, parent: Any = None) -> None:
        super().__init__(parent)
        self._directory = directory
        self.created: str | None = None
        self.setWindowTitle(self.tr("New local user"))
        self.user_name = QLineEdit()
        self.email = QLineEdit()
        self.first_name = QLineEdit()
        self.surname = QLineEdit()
        self.user_name_error = problem_label(hidden=True)
        self.email_error = problem_label(hidden=True)
        self.general_error = problem_label(hidden=True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create user"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()

    def _lay_out(self) -> None:
        intro = QLabel(
            self.tr(
                "A local user is kept in Sofa and never changed by a synchronization. Give them "
                "the Administrator role to receive the failure e-mails."
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("User name"), _stacked(self.user_name, self.user_name_error))
        form.addRow(self.tr("E-mail"), _stacked(self.email, self.email_error))
        form.addRow(self.tr("Name"), self.first_name)
        form.addRow(self.tr("Surname"), self.surname)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    @classmethod
    def create_user(cls, directory: Directory, parent: Any = None) -> str | None:
        """Runs the dialog; the user name created, or None when cancelled (tests replace this)."""
        dialog = cls(directory, parent)
        dialog.exec()
        return dialog.created

    def submit(self) -> None:
        """Creates the user, or shows why not next to the field and keeps what was typed."""
        for label in (self.user_name_error, self.email_error, self.general_error):
            show_error(label, "")
        if not self._valid():
            return
        user_name = self.user_name.text().strip()
        try:
            self._directory.create_user(
                user_name,
                self.email.text().strip(),
                self.first_name.text().strip() or None,
                self.surname.text().strip() or None,
            )
        except Conflict:
            show_error(
                self.user_name_error,
                self.tr("A user named %1 already exists.").replace("%1", user_name),
            )
            return
        except DomainError as error:
            show_error(self.general_error, error_text(error))
            return
        self.created = user_name
        self.accept()

    def _valid(self) -> bool:
        valid = True
        if not self.user_name.text().strip():
            show_error(self.user_name_error, self.tr("The user name is required."))
            valid = False
        email = self.email.text().strip()
        if not email:
            show_error(self.email_error, self.tr("The e-mail address is required."))
            valid = False
        elif not EMAIL_PATTERN.match(email):
            show_error(
                self.email_error,
                self.tr("This is not an e-mail address (such as jan.novak@example.com)."),
            )
            valid = False
        return valid


def _stacked(field: QWidget, error: QLabel) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    layout.addWidget(error)
    return box
