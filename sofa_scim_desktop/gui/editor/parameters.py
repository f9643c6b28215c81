"""The Parameters tab: name, the identifier derived from it and validated as typed, flags."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QGroupBox
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPlainTextEdit
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from sofa_scim_desktop.domain.identifiers import IDENTIFIER_MAX_LENGTH
from sofa_scim_desktop.domain.identifiers import IDENTIFIER_PATTERN
from sofa_scim_desktop.domain.identifiers import derive_identifier
from sofa_scim_desktop.gui.colours import text_style
from sofa_scim_desktop.gui.labels import problem_label
from sofa_scim_desktop.services.synchronizations import FLAGS
from sofa_scim_desktop.services.synchronizations import SyncSettings


def stacked(*widgets: QWidget) -> QWidget:
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    for widget in widgets:
        column.addWidget(widget)
    return box


class ParametersTab(QWidget):
    def __init__(
        self, taken: set[str], aliases: set[str] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._taken = {t.lower() for t in taken}  # identifiers of the other synchronizations
        # Their old identifiers that still work (SPEC §8.3): Entra may be calling them.
        self._aliases = {a.lower() for a in aliases or ()}
        self._original: str | None = None  # the saved identifier, when editing
        self._follow_name = True
        self._reveal = False  # "required" is not shouted at an empty new form
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Used for the synchronization in lists"))
        self.name_problem = problem_label()
        self.identifier = QLineEdit()
        self.identifier.setMaxLength(IDENTIFIER_MAX_LENGTH + 10)  # longer input gets a reason
        self.identifier_problem = problem_label()
        self.rename_note = QLabel()
        self.rename_note.setWordWrap(True)
        self.rename_note.setStyleSheet("color: #8a5a00;")
        self.rename_note.hide()
        self.description = QPlainTextEdit()
        self.description.setMaximumHeight(70)
        self.flags = {flag: QCheckBox() for flag in FLAGS}
        self._layout()
        self.name.textChanged.connect(self._name_changed)
        self.name.textEdited.connect(self._touched)
        # textEdited fires for the admin's typing only, not for the derivation's setText.
        self.identifier.textEdited.connect(self._identifier_edited)
        self.identifier.textChanged.connect(lambda _text: self.validate())
        self.flags["enabled"].setChecked(True)
        self.validate()

    def _layout(self) -> None:
        hint = QLabel(
            self.tr(
                "The last part of the endpoint URL: starts with a letter, then English letters, "
                "digits and underscores."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(placeholder-text);")
        form = QFormLayout()
        # A field and its notes share one row: a hidden note in a row of its own still
        # leaves the form's row spacing behind.
        form.addRow(self.tr("Name:"), stacked(self.name, self.name_problem))
        form.addRow(
            self.tr("Identifier:"),
            stacked(self.identifier, self.identifier_problem, self.rename_note, hint),
        )
        form.addRow(self.tr("Description:"), self.description)
        more = QGroupBox(self.tr("More settings"))
        box = QVBoxLayout(more)
        for flag, (label, explanation) in self._flag_texts().items():
            self.flags[flag].setText(label)
            note = QLabel(explanation)
            note.setWordWrap(True)
            note.setContentsMargins(24, 0, 0, 6)
            if flag == "password_link":
                note.setStyleSheet(text_style("warning"))
            box.addWidget(self.flags[flag])
            box.addWidget(note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(more)
        layout.addStretch()

    def _flag_texts(self) -> dict[str, tuple[str, str]]:
        return {
            "enabled": (
                self.tr("Enable synchronization"),
                self.tr("Active as soon as it is saved; a disabled one refuses Entra's calls."),
            ),
            "notify_failures": (
                self.tr("Send an e-mail if synchronization fails"),
                self.tr("Notifies the users in the Administrator and Subject manager roles."),
            ),
            "welcome_email": (
                self.tr("Send e-mail to new users"),
                self.tr("A welcome message to each user the synchronization creates."),
            ),
            "password_link": (
                self.tr("Send a link for setting the password to new users"),
                self.tr(
                    "Only for login with a name and a password. If users sign in with SSO only, "
                    "leave this off; in general it is not recommended."
                ),
            ),
        }

    def _name_changed(self, text: str) -> None:
        if self._follow_name:
            self.identifier.setText(derive_identifier(text))
        self.validate()

    def _touched(self) -> None:
        self._reveal = True

    def _identifier_edited(self, text: str) -> None:
        self._reveal = True
        # Emptying the field hands it back to the derivation from the name.
        self._follow_name = not text
        if not text:
            self.identifier.setText(derive_identifier(self.name.text()))

    def identifier_reason(self, text: str) -> str | None:
        if not text:
            return self.tr("The identifier is required.")
        if len(text) > IDENTIFIER_MAX_LENGTH:
            return self.tr(
                "The identifier may have at most %n characters.", "", IDENTIFIER_MAX_LENGTH
            )
        if not (text[0].isascii() and text[0].isalpha()):
            return self.tr("The identifier must start with a letter of the English alphabet.")
        if not IDENTIFIER_PATTERN.match(text):
            return self.tr(
                "The identifier may only contain English letters, digits and underscores."
            )
        if text.lower() in self._taken:
            return self.tr("Another synchronization already uses this identifier.")
        if text.lower() in self._aliases:
            return self.tr(
                "This is the old identifier of another synchronization, which Entra may still "
                "call; drop that alias first."
            )
        return None

    def renamed_from(self) -> str | None:
        """The saved identifier, when the admin has changed it."""
        changed = self._original is not None and self.identifier.text() != self._original
        return self._original if changed else None

    def _show_rename_note(self, valid: bool) -> None:
        old = self.renamed_from()
        self.rename_note.setVisible(bool(old) and valid)
        if old:
            self.rename_note.setText(
                self.tr(
                    "Entra's old Tenant URL, ending in /scim/v2/%1, keeps working as an alias "
                    "until Entra calls the new one."
                ).replace("%1", old)
            )

    def validate(self, final: bool = False) -> str | None:
        """Shows each field's reason under it; returns the first one, or None. `final` (Save)
        also reveals the "required" reasons an untouched new form keeps quiet about.
        """
        self._reveal = self._reveal or final
        name_reason = None if self.name.text().strip() else self.tr("The name is required.")
        id_reason = self.identifier_reason(self.identifier.text())
        show_id = bool(id_reason) and (self._reveal or bool(self.identifier.text()))
        self.name_problem.setText(name_reason or "")
        self.name_problem.setVisible(bool(name_reason) and self._reveal)
        self.identifier_problem.setText(id_reason or "")
        self.identifier_problem.setVisible(show_id)
        self._show_rename_note(id_reason is None)
        return name_reason or id_reason

    def load(self, settings: SyncSettings) -> None:
        self._follow_name = False  # renaming an existing one keeps Entra's URL working
        self._original = settings.identifier
        self.name.setText(settings.name)
        self.identifier.setText(settings.identifier)
        self.description.setPlainText(settings.description)
        for flag, box in self.flags.items():
            box.setChecked(getattr(settings, flag))
        self.validate()

    def values(self, log_level: str) -> SyncSettings:
        return SyncSettings(
            name=self.name.text().strip(),
            identifier=self.identifier.text(),
            description=self.description.toPlainText(),
            log_level=log_level,
            **{flag: box.isChecked() for flag, box in self.flags.items()},
        )
