"""SettingsView: the application settings (SPEC §7) as a page, each field checked by the
validator the CLI uses, with the reason shown next to it; Save writes only valid values.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtCore import Slot
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QGroupBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QScrollArea
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from sofa_scim_desktop.domain import public_url
from sofa_scim_desktop.domain.errors import DomainError
from sofa_scim_desktop.gui.error_texts import error_text
from sofa_scim_desktop.gui.labels import problem_label
from sofa_scim_desktop.gui.mail_test_box import MailTestBox
from sofa_scim_desktop.gui.public_url_warning import PublicUrlWords
from sofa_scim_desktop.gui.smtp_password import PasswordField
from sofa_scim_desktop.gui.support_box import SupportBox
from sofa_scim_desktop.services.settings import SETTINGS

SERVER_KEYS = ("server.host", "server.port", "server.trusted_proxy")
SMTP_KEYS = ("smtp.host", "smtp.port", "smtp.security", "smtp.user", "smtp.sender")
GENERAL_KEYS = ("logs.retention_days", "language", "gui.on_close")
EDITABLE_KEYS = ("public_base_url", *SERVER_KEYS, *GENERAL_KEYS, *SMTP_KEYS)
PASSWORD = "smtp.password"


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


class SettingsView(QWidget):
    """Emits `serverSettingsChanged` after a save that changed the bind host, port or trusted
    proxy: the main window restarts the embedded server on it.
    """

    serverSettingsChanged = Signal()
    saved = Signal()

    def __init__(self, services: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self._settings = services.settings
        self._mail = services.mail
        self.fields: dict[str, QWidget] = {}
        self._shown: dict[str, str] = {}  # what each field was last given (not typed)
        self.errors: dict[str, QLabel] = {}
        self._labels: list[QLabel] = []
        self.public_base_url = self._line("public_base_url", "https://sofa.example.com")
        self.host = self._line("server.host", "127.0.0.1")
        self.port = self._line("server.port", "8080")
        self.trusted_proxy = self._line("server.trusted_proxy", self.tr("e.g. 10.0.0.5"))
        self.retention = self._line("logs.retention_days", "90")
        self.language = self._combo(
            "language",
            [("system", self.tr("System")), ("en", self.tr("English")), ("cs", self.tr("Czech"))],
        )
        self.on_close = self._combo(
            "gui.on_close",
            [
                ("ask", self.tr("Ask")),
                ("tray", self.tr("Keep serving in the system tray")),
                ("quit", self.tr("Quit and stop the server")),
            ],
        )
        self.smtp_host = self._line("smtp.host", "smtp.example.com")
        self.smtp_port = self._line("smtp.port", "587")
        self.smtp_security = self._combo(
            "smtp.security",
            [("none", self.tr("None")), ("starttls", "STARTTLS"), ("tls", "TLS")],
        )
        self.smtp_user = self._line("smtp.user")
        self.smtp_sender = self._line("smtp.sender", "sofa@example.com")
        self.smtp_password = PasswordField(self._settings)
        self.fields[PASSWORD] = self.smtp_password
        self.errors[PASSWORD] = problem_label(hidden=True)
        self.smtp_password.problem.connect(lambda text: self._show_error(PASSWORD, text))
        self.smtp_password.removed.connect(self._password_removed)
        self.test_mail = MailTestBox(self._mail)
        self.test_mail.unsaved = self._smtp_unsaved
        # NOTE: here, not on a synchronization's toolbar: the bundle covers the whole app, and
        # Settings is where an admin looks for what concerns the installation.
        self.support = SupportBox(services)
        self.url_words = PublicUrlWords(self)
        self.endpoint_preview = _note("")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save"))
        self.revert_button = QPushButton(self.tr("Revert"))
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.load)
        self.public_base_url.textChanged.connect(self._preview_endpoint)
        self._lay_out()
        self.load()

    # --- Building ---------------------------------------------------------------------------

    def _line(self, key: str, placeholder: str = "") -> QLineEdit:
        field = QLineEdit()
        field.setPlaceholderText(placeholder)
        field.editingFinished.connect(lambda: self.check(key))
        self.fields[key] = field
        self.errors[key] = problem_label(hidden=True)
        return field

    def _combo(self, key: str, choices: list[tuple[str, str]]) -> QComboBox:
        field = QComboBox()
        for value, text in choices:
            field.addItem(text, value)
        self.fields[key] = field
        self.errors[key] = problem_label(hidden=True)
        return field

    def _row(self, form: QFormLayout, label: str, key: str, note: str = "") -> None:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.fields[key])
        layout.addWidget(self.errors[key])
        if note:
            layout.addWidget(_note(note))
        variable = self._settings.environment_override(key) if key != PASSWORD else None
        if variable:  # SPEC §8.4: the environment wins, so a typed value would never apply
            self.fields[key].setEnabled(False)
            layout.addWidget(
                _note(
                    self.tr(
                        "Set by the environment variable %1, which wins over Settings."
                    ).replace("%1", variable)
                )
            )
        form.addRow(self._label(label), box)

    def _label(self, text: str) -> QLabel:
        label = QLabel(text)
        self._labels.append(label)
        return label

    def _align_labels(self) -> None:
        """One label width on every box, so that the fields line up from box to box."""
        width = max(label.sizeHint().width() for label in self._labels)
        for label in self._labels:
            label.setMinimumWidth(width)

    def _lay_out(self) -> None:
        body = QWidget()
        # Two columns: a 1100-pixel page shows every field without scrolling.
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(self._endpoint_box())
        left.addWidget(self._server_box())
        left.addWidget(self.support)
        left.addStretch(1)
        right.addWidget(self._general_box())
        right.addWidget(self._smtp_box())
        right.addWidget(self.test_mail)
        right.addStretch(1)
        layout = QHBoxLayout(body)
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)
        self._align_labels()
        self.scroll_area = scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addLayout(buttons)

    def _endpoint_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Public address"))
        form = QFormLayout(box)
        self._row(
            form,
            self.tr("Public base URL"),
            "public_base_url",
            self.tr(
                "The public HTTPS address of this server, as Entra reaches it through your "
                "reverse proxy. It builds each synchronization's Endpoint URL (Entra's Tenant "
                "URL); Entra only calls HTTPS addresses."
            ),
        )
        form.addRow("", self.endpoint_preview)
        return box

    def _server_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Embedded server"))
        form = QFormLayout(box)
        self._row(form, self.tr("Bind host"), "server.host")
        self._row(form, self.tr("Port"), "server.port", self.tr("0 picks any free port."))
        self._row(
            form,
            self.tr("Trusted proxy"),
            "server.trusted_proxy",
            self.tr(
                "Address of the reverse proxy in front of the server: forwarded headers are "
                "honoured from it only. Empty: from nobody."
            ),
        )
        form.addRow("", _note(self.tr("Saving a change here restarts the embedded server.")))
        return box

    def _general_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("General"))
        form = QFormLayout(box)
        self._row(
            form,
            self.tr("Keep logs (days)"),
            "logs.retention_days",
            self.tr("Older log entries are deleted so the database does not grow without end."),
        )
        self._row(
            form,
            self.tr("Language"),
            "language",
            self.tr("The language changes when you restart the app."),
        )
        self._row(
            form,
            self.tr("Closing the window"),
            "gui.on_close",
            self.tr(
                "While the server is stopped, Entra's provisioning calls fail. Without a "
                "system tray, keeping the server minimises the window."
            ),
        )
        return box

    def _smtp_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("E-mail (SMTP)"))
        form = QFormLayout(box)
        form.addRow(
            _note(
                self.tr(
                    "Until a host and a sender are set, e-mail waits in the Mail outbox; "
                    "nothing is lost."
                )
            )
        )
        self._row(form, self.tr("SMTP host"), "smtp.host")
        port_note = self.tr("Usually 587 (STARTTLS) or 465 (TLS).")
        self._row(form, self.tr("Port"), "smtp.port", port_note)
        self._row(form, self.tr("Security"), "smtp.security")
        self._row(form, self.tr("User"), "smtp.user", self.tr("Empty: no login."))
        self._row(form, self.tr("Password"), "smtp.password")
        self._row(form, self.tr("Sender"), "smtp.sender")
        return box

    # --- Behaviour --------------------------------------------------------------------------

    def focus_field(self, key: str) -> None:
        """Puts the cursor in `key`'s field, its text selected to be typed over (the Connect
        Entra panel's "Change it in Settings…" asks so for the public base URL).
        """
        if self.value(key) == self._shown.get(key):  # not edited: show what is stored now
            self._set_value(key, self._settings.get(key))  # (e.g. set by sofa-scim meanwhile)
        field = self.fields[key]
        self.scroll_area.ensureWidgetVisible(field)
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(field, QLineEdit):
            field.selectAll()

    @Slot()
    def load(self) -> None:
        """Shows the stored values, dropping what was typed and not saved."""
        for key in EDITABLE_KEYS:
            self._set_value(key, self._settings.get(key))
            self._show_error(key, "")
        self.smtp_password.load()
        self._show_error(PASSWORD, "")
        self.status.setText("")

    def value(self, key: str) -> str:
        field = self.fields[key]
        if isinstance(field, QComboBox):
            return str(field.currentData())
        assert isinstance(field, QLineEdit)
        return field.text().strip()

    def check(self, key: str) -> bool:
        """Shows why the value typed for `key` is refused; True when it is valid."""
        try:
            SETTINGS[key][0](self.value(key))
        except DomainError as error:
            self._show_error(key, error_text(error))
            return False
        self._show_error(key, "")
        return True

    @Slot()
    def save(self) -> bool:
        """Writes every valid value that changed; invalid ones stay typed, with the reason.
        True when everything was saved.
        """
        changed: list[str] = []
        refused = [key for key in EDITABLE_KEYS if not self.check(key)]
        for key in EDITABLE_KEYS:
            if key in refused or self.value(key) == self._settings.get(key):
                continue
            try:
                self._set_value(key, self._settings.set(key, self.value(key)))
            except DomainError as error:  # e.g. the database refused: keep what was typed
                self._show_error(key, error_text(error))
                refused.append(key)
                continue
            changed.append(key)
        if self.smtp_password.changed():
            (changed if self.smtp_password.save() else refused).append(PASSWORD)
        self._report(changed, refused)
        if changed:
            self.saved.emit()
        if any(key in SERVER_KEYS for key in changed):
            self.serverSettingsChanged.emit()
        if any(key.startswith("smtp.") for key in changed) and self._mail.worker is not None:
            self._mail.worker.wake()  # mail that waited for these settings goes out now
        return not refused

    def _report(self, changed: list[str], refused: list[str]) -> None:
        if refused:
            text = self.tr("Not saved: correct the values marked in red, then save again.")
            if changed:
                text = self.tr("The other values were saved. ") + text
        elif any(key in SERVER_KEYS for key in changed):
            text = self.tr("Saved. The embedded server restarts with the new settings.")
        elif changed:
            text = self.tr("Saved.")
        else:
            text = self.tr("Nothing changed.")
        self.status.setText(text)

    def _set_value(self, key: str, value: str) -> None:
        self._shown[key] = value
        field = self.fields[key]
        if isinstance(field, QComboBox):
            field.setCurrentIndex(max(0, field.findData(value)))
        elif isinstance(field, QLineEdit):
            field.setText(value)

    def _show_error(self, key: str, text: str) -> None:
        self.errors[key].setText(text)
        self.errors[key].setVisible(bool(text))

    def _smtp_unsaved(self) -> bool:
        typed = any(self.value(key) != self._settings.get(key) for key in SMTP_KEYS)
        return typed or self.smtp_password.changed()

    def _password_removed(self) -> None:
        self.status.setText(self.tr("The SMTP password was removed."))

    def _preview_endpoint(self, text: str) -> None:
        base = text.strip().rstrip("/") or "https://…"
        preview = self.tr("Endpoint URL of a synchronization: %1/scim/v2/<identifier>")
        preview = preview.replace("%1", base)
        found = public_url.classify(base)
        if text.strip() and not found.reachable:
            # Allowed (a local test), but Entra cannot reach it: say why before it is saved.
            preview += "".join(f"\n• {reason}" for reason in self.url_words.reasons(found))
        self.endpoint_preview.setText(preview)
