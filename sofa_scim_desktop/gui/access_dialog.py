"""Access details: the key's expiry, generating a key, and showing it with the URL once."""

from __future__ import annotations

from datetime import datetime
from datetime import timedelta

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QGroupBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QSpinBox
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from sofa_scim_desktop.bootstrap import Services
from sofa_scim_desktop.domain.clock import utcnow
from sofa_scim_desktop.domain.keys import EXPIRY_WARNING_DAYS
from sofa_scim_desktop.domain.keys import MAX_VALIDITY_DAYS
from sofa_scim_desktop.domain.keys import MIN_VALIDITY_DAYS
from sofa_scim_desktop.gui import key_question
from sofa_scim_desktop.gui.clipboard import copy_from_button
from sofa_scim_desktop.gui.colours import text_style
from sofa_scim_desktop.gui.dates import local_date
from sofa_scim_desktop.gui.dates import local_text
from sofa_scim_desktop.gui.public_url_warning import PublicUrlWarning

DEFAULT_VALIDITY_DAYS = 365


def endpoint_url(services: Services, identifier: str) -> str:
    """Entra's Tenant URL (SPEC §3)."""
    return f"{services.settings.get('public_base_url')}/scim/v2/{identifier}"


class AccessDialog(QDialog):
    def __init__(self, services: Services, identifier: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.identifier = identifier
        sync = services.synchronizations.get(identifier)
        self.setWindowTitle(self.tr("Access details – %1").replace("%1", sync.name))
        self.expiry = QLabel()
        self.expiry.setWordWrap(True)
        self.previous_key = QLabel()  # SPEC §8.3: while the replaced key is in its grace
        self.previous_key.setWordWrap(True)
        self.previous_key.setStyleSheet("color: #8a5a00;")
        self.show_generate = QPushButton(self.tr("+ Generate key"))
        self.show_generate.setFlat(True)
        self.days = QSpinBox()
        # NOTE: wider than the rule, which days_error() tells beside the box: a spin box held
        # to 90..730 silently turned a typed 30 into 365 and 1000 into 100.
        self.days.setRange(1, 9999)
        self.days.setValue(DEFAULT_VALIDITY_DAYS)
        self.days.setSuffix(self.tr(" days"))
        self.days_error = QLabel()
        self.days_error.setWordWrap(True)
        self.days_error.hide()
        self.generate_button = QPushButton(self.tr("Generate key"))
        self.days.valueChanged.connect(self._check_days)
        self.generate_box = self._generate_box()
        self.url = self._read_only()
        self.key = self._read_only()
        self.copy_url = QPushButton(self.tr("Copy URL to clipboard"))
        self.copy_key = QPushButton(self.tr("Copy key to clipboard"))
        self.result_box = self._result_box()
        # Before the key is made: the admin fixes the address first, then copies both.
        self.url_warning = PublicUrlWarning()
        self.url_warning.show_for(services.settings.get("public_base_url"))
        self.url_warning.settingsRequested.connect(self._open_settings)
        self.settings_wanted = False
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        heading = QLabel(
            self.tr("Synchronization “%1”, identifier %2")
            .replace("%1", sync.name)
            .replace("%2", sync.identifier)
        )
        heading.setStyleSheet("font-weight: bold;")
        generate_row = QHBoxLayout()
        generate_row.addWidget(self.show_generate)
        generate_row.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.url_warning)
        layout.addWidget(self.expiry)
        layout.addWidget(self.previous_key)
        layout.addLayout(generate_row)
        layout.addWidget(self.generate_box)
        layout.addWidget(self.result_box)
        layout.addWidget(close)
        self.show_generate.clicked.connect(self._open_generate)
        self.generate_button.clicked.connect(self.generate)
        self.copy_url.clicked.connect(lambda: copy_from_button(self.copy_url, self.url.text()))
        self.copy_key.clicked.connect(lambda: copy_from_button(self.copy_key, self.key.text()))
        self.generate_box.hide()
        self.result_box.hide()
        self._show_expiry()
        self.setMinimumWidth(720)
        self.adjustSize()

    @classmethod
    def show_for(cls, services: Services, identifier: str, parent: QWidget | None) -> bool:
        """Opens it modally; True when the admin asked to change the public base URL in
        Settings. Tests replace this.
        """
        dialog = cls(services, identifier, parent)
        dialog.exec()
        dialog.deleteLater()  # NOTE: by Qt, not Python's GC (see SyncEditor.edit)
        return dialog.settings_wanted

    def _open_settings(self) -> None:
        """Closes, for the caller to show Settings (a modal dialog cannot leave it open)."""
        self.settings_wanted = True
        self.accept()

    def _read_only(self) -> QLineEdit:
        edit = QLineEdit()
        edit.setReadOnly(True)
        edit.setFont(QFont("monospace"))
        edit.setMinimumWidth(380)
        return edit

    def _generate_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Generate key"))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Key validity:")))
        row.addWidget(self.days)
        row.addWidget(
            QLabel(
                self.tr("(%1 to %2 days)")
                .replace("%1", str(MIN_VALIDITY_DAYS))
                .replace("%2", str(MAX_VALIDITY_DAYS))
            )
        )
        row.addStretch()
        row.addWidget(self.generate_button)
        column = QVBoxLayout(box)
        column.addLayout(row)
        column.addWidget(self.days_error)
        return box

    def _check_days(self) -> None:
        """The rule of domain.keys, said beside the box while the number breaks it."""
        days = self.days.value()
        valid = MIN_VALIDITY_DAYS <= days <= MAX_VALIDITY_DAYS
        self.days_error.setText(
            ""
            if valid
            else self.tr("A key is valid for %1 to %2 days, not %3.")
            .replace("%1", str(MIN_VALIDITY_DAYS))
            .replace("%2", str(MAX_VALIDITY_DAYS))
            .replace("%3", str(days))
        )
        self.days_error.setVisible(not valid)
        self.generate_button.setEnabled(valid)

    def _result_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("The new key"))
        form = QFormLayout(box)
        url_row = QHBoxLayout()
        url_row.addWidget(self.url)
        url_row.addWidget(self.copy_url)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key)
        key_row.addWidget(self.copy_key)
        form.addRow(self.tr("Endpoint URL:"), url_row)
        form.addRow(self.tr("Access key:"), key_row)
        self.warning = QLabel(
            self.tr(
                "Copy both now and store them safely: enter the Endpoint URL as the Tenant URL "
                "and the key as the Secret token in Entra. Sofa keeps only a fingerprint of the "
                "key and cannot show it again after you close this dialog."
            )
        )
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(text_style("warning") + " font-weight: bold;")
        form.addRow(self.warning)
        return box

    def _current_expiry(self) -> datetime | None:
        sync = self.services.synchronizations.get(self.identifier)
        return self.services.synchronizations.key_expiry(sync)

    def _show_expiry(self) -> None:
        expires = self._current_expiry()
        if expires is None:
            text = self.tr("No key yet: generate one and enter it in Entra as the Secret token.")
        elif expires <= utcnow():
            text = self.tr("The key expired on %1: Entra's calls are refused. Generate a new one.")
            text = text.replace("%1", local_text(expires))
        elif expires - utcnow() <= timedelta(days=EXPIRY_WARNING_DAYS):
            text = self.tr(
                "The current key expires on %1: generate a new one and enter it in Entra in time."
            ).replace("%1", local_date(expires))
        else:
            text = self.tr("The current key expires on %1.").replace("%1", local_date(expires))
        warn = expires is not None and expires - utcnow() <= timedelta(days=EXPIRY_WARNING_DAYS)
        self.expiry.setStyleSheet(text_style("warning") + " font-weight: bold;" if warn else "")
        self.expiry.setText(text)
        self._show_previous_key()

    def _show_previous_key(self) -> None:
        sync = self.services.synchronizations.get(self.identifier)
        until = self.services.synchronizations.previous_key_valid_until(sync)
        self.previous_key.setVisible(until is not None)
        if until is not None:
            self.previous_key.setText(
                self.tr(
                    "The previous key still works until %1, or until Entra's first call with "
                    "the new key."
                ).replace("%1", local_text(until))
            )

    def _open_generate(self) -> None:
        self.show_generate.hide()  # the box below is what it opens
        self.generate_box.show()
        self.adjustSize()
        self.days.setFocus()

    def generate(self) -> None:
        revoke_old = False
        if self._current_expiry() is not None:
            choice = key_question.ask_key_replacement(self)
            if choice is None:
                return
            revoke_old = choice == key_question.REVOKE_OLD
        issued = self.services.synchronizations.issue_key(
            self.identifier, self.days.value(), revoke_old=revoke_old
        )
        self.url.setText(endpoint_url(self.services, self.identifier))
        self.key.setText(issued.key)
        for edit in (self.url, self.key):
            edit.setCursorPosition(0)
        self.result_box.show()
        self.generate_box.hide()
        self.show_generate.show()
        self.copy_key.setFocus()
        self._show_expiry()
        self.adjustSize()
