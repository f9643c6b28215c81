"""The editor window (new and edit): four tabs, Back/Next, and an atomic Save."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QMessageBox
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QTabWidget
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from sofa_scim_desktop.bootstrap import Services
from sofa_scim_desktop.domain.errors import DomainError
from sofa_scim_desktop.gui.disable_question import confirm_disable
from sofa_scim_desktop.gui.editor.logging_tab import LoggingTab
from sofa_scim_desktop.gui.editor.mappings import MappingSource
from sofa_scim_desktop.gui.editor.mappings import MappingTab
from sofa_scim_desktop.gui.editor.parameters import ParametersTab
from sofa_scim_desktop.gui.editor.preview import PreviewPanel
from sofa_scim_desktop.gui.error_texts import error_text
from sofa_scim_desktop.gui.labels import problem_label
from sofa_scim_desktop.services import synchronizations as syncs

PARAMETERS, GROUPS, ROLES, LOGGING = range(4)
SAVE, DISCARD, KEEP_EDITING = "save", "discard", "keep"
EditorState = tuple[syncs.SyncSettings, list[tuple[str, str]], list[tuple[str, str]]]


def ask_unsaved(editor: SyncEditor) -> str:
    """Save, Discard or Keep editing (the default, and Esc); tests replace it."""
    box = editor.unsaved_box()
    box.exec()
    role = box.buttonRole(box.clickedButton())
    box.deleteLater()
    if role == QMessageBox.ButtonRole.AcceptRole:
        return SAVE
    return DISCARD if role == QMessageBox.ButtonRole.DestructiveRole else KEEP_EDITING


def _table_around(widget: QWidget | None) -> QAbstractItemView | None:
    """The table whose cell `widget` edits, if any."""
    while widget is not None:
        if isinstance(widget, QAbstractItemView):
            return widget
        widget = widget.parentWidget()
    return None


class SyncEditor(QDialog):
    def __init__(
        self, services: Services, identifier: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.original = identifier
        self.saved_identifier: str | None = None
        others = [s for s in syncs.overview() if s.identifier != identifier]
        existing = {s.identifier for s in others}
        groups, roles = syncs.mapping_targets()
        self.parameters = ParametersTab(existing, {a for s in others for a in s.aliases})
        source = MappingSource(services, identifier)
        self.groups = MappingTab("group", groups, source)
        self.roles = MappingTab("role", roles, source)
        self.preview = PreviewPanel()
        self.logging = LoggingTab()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.parameters, self.tr("Parameters"))
        self.tabs.addTab(self.groups, self.tr("Mapping group memberships"))
        self.tabs.addTab(self.roles, self.tr("Mapping role memberships"))
        self.tabs.addTab(self.logging, self.tr("Logging"))
        self.back_button = QPushButton(self.tr("Back"))
        self.next_button = QPushButton(self.tr("Next"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.save_button = QPushButton(self.tr("Save synchronization"))
        # NOTE: no default button: Enter in a text field must not save the dialog (issue 12);
        # a focused button still takes Enter, and Save is a click.
        for button in (self.back_button, self.next_button, self.cancel_button, self.save_button):
            button.setAutoDefault(False)
        self.problem = problem_label()
        self._layout()
        self.back_button.clicked.connect(lambda: self._step(-1))
        self.next_button.clicked.connect(lambda: self._step(1))
        self.cancel_button.clicked.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        self.preview.confirmed.connect(self._commit)
        self.preview.back.connect(lambda: self._previewing(False))
        self.preview.ready.connect(self._preview_ready)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.resize(760, 600)
        if identifier is None:
            self.setWindowTitle(self.tr("New synchronization"))
        else:
            self._load(identifier)
        self._tab_changed(0)
        self.saved_state = self._state()  # what Cancel, Esc or closing would lose, if changed

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        buttons.addStretch()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.preview)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        self.problem.hide()
        self.preview.hide()

    @classmethod
    def edit(cls, services: Services, identifier: str | None, parent: QWidget | None) -> str | None:
        """Opens the editor modally; the identifier saved (it may have been changed), or None
        when the admin cancelled. Tests replace this.
        """
        dialog = cls(services, identifier, parent)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return dialog.saved_identifier if accepted else None
        finally:
            # NOTE: deleted by Qt, not by Python's garbage collector: a collected dialog
            # (its slots are lambdas on self) made PySide6 6.12 abort at exit.
            dialog.deleteLater()

    def _load(self, identifier: str) -> None:
        row = self.services.synchronizations.get(identifier)
        self.setWindowTitle(self.tr("Edit synchronization – %1").replace("%1", row.name))
        settings = syncs.settings_of(row)
        self.parameters.load(settings)
        self.logging.set_level(settings.log_level)
        group_rows, role_rows = syncs.mappings_of(row.id)
        self.groups.set_rows(group_rows)
        self.roles.set_rows(role_rows)

    def unsaved_box(self) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Unsaved changes"),
            self.tr("This synchronization has changes that are not saved yet."),
            parent=self,
        )
        box.addButton(self.tr("Save"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Discard changes"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        return box

    def _state(self) -> EditorState:
        return (
            self.parameters.values(self.logging.level()),
            self.groups.rows(),
            self.roles.rows(),
        )

    def has_changes(self) -> bool:
        return self._state() != self.saved_state

    def reject(self) -> None:
        """Cancel, Esc and closing the window: changes are not lost without asking."""
        if self.has_changes():
            answer = ask_unsaved(self)
            if answer == SAVE:
                self.save()
            if answer != DISCARD:
                return
        super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802  (Qt's name)
        key = event.key()
        focus = self.focusWidget()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not isinstance(focus, QPushButton):
            event.accept()  # Enter in a field saves nothing (issue 12)
            return
        table = _table_around(focus)
        if key == Qt.Key.Key_Escape and table is not None:
            table.setFocus()  # Esc leaves the cell being edited, not the editor
            event.accept()
            return
        super().keyPressEvent(event)

    def _step(self, delta: int) -> None:
        self.tabs.setCurrentIndex(self.tabs.currentIndex() + delta)

    def _tab_changed(self, index: int) -> None:
        self.back_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < self.tabs.count() - 1)

    def first_problem(self) -> tuple[int, str] | None:
        """The first tab with a problem and its reason; every tab shows its own reasons."""
        found = [
            (tab, reason)
            for tab, reason in (
                (PARAMETERS, self.parameters.validate(final=True)),
                (GROUPS, self.groups.validate()),
                (ROLES, self.roles.validate()),
            )
            if reason
        ]
        return found[0] if found else None

    def save(self) -> None:
        """Refuses invalid input with its reason and keeps everything typed; then shows who
        gains and who loses what (computed off the GUI thread) before saving.
        """
        problem = self.first_problem()
        if problem:
            self.tabs.setCurrentIndex(problem[0])
            self._show_problem(problem[1])
            return
        if self._disabling() and not confirm_disable(self, self.parameters.name.text().strip()):
            return
        self.problem.hide()
        if self.original is None:
            self._commit()  # a new synchronization has no users yet: nobody gains or loses
            return
        syncs_service, original = self.services.synchronizations, self.original
        groups, roles = self.groups.rows(), self.roles.rows()
        self._previewing(True)
        self.preview.start(lambda: syncs_service.preview_mappings(original, groups, roles))

    def _previewing(self, shown: bool) -> None:
        self.tabs.setVisible(not shown)
        self.preview.setVisible(shown)
        for button in (self.back_button, self.next_button, self.save_button):
            button.setVisible(not shown)

    def _preview_ready(self, effects: syncs.MappingEffects) -> None:
        if not effects.gains and not effects.losses:
            self._commit()  # nobody gains or loses anything: nothing to confirm

    def _commit(self) -> None:
        try:
            saved = syncs.save(
                self.services.synchronizations,
                self.original,
                self.parameters.values(self.logging.level()),
                self.groups.rows(),
                self.roles.rows(),
            )
        except DomainError as error:  # e.g. another type already set up (the service's words)
            self._previewing(False)
            self._show_problem(error_text(error))
            return
        self.saved_identifier = saved.identifier
        self.saved_state = self._state()
        self.accept()

    def _disabling(self) -> bool:
        was_enabled = self.original is not None and bool(self.saved_state[0].enabled)
        return was_enabled and not self.parameters.flags["enabled"].isChecked()

    def _show_problem(self, text: str) -> None:
        self.problem.setText(self.tr("Not saved: %1").replace("%1", text))
        self.problem.show()
