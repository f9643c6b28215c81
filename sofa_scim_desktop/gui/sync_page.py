"""'Sofa 365 Bridge → User synchronization': the list, its toolbar and its context menu."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint
from PySide6.QtCore import Qt
from PySide6.QtCore import QTimer
from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QHeaderView
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QMenu
from PySide6.QtWidgets import QTableView
from PySide6.QtWidgets import QToolBar
from PySide6.QtWidgets import QToolButton
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from sofa_scim_desktop.bootstrap import Services
from sofa_scim_desktop.domain.errors import DomainError
from sofa_scim_desktop.gui import prompts
from sofa_scim_desktop.gui.access_dialog import AccessDialog
from sofa_scim_desktop.gui.connect_panel import ConnectEntraPanel
from sofa_scim_desktop.gui.connection_check_view import ConnectionCheckDialog
from sofa_scim_desktop.gui.connection_check_view import LocalUrl
from sofa_scim_desktop.gui.disable_question import confirm_disable
from sofa_scim_desktop.gui.editor.dialog import SyncEditor
from sofa_scim_desktop.gui.error_texts import error_text
from sofa_scim_desktop.gui.health_texts import HealthWords
from sofa_scim_desktop.gui.log_viewer import LogViewer
from sofa_scim_desktop.gui.sorting import make_sortable
from sofa_scim_desktop.gui.sorting import source_row
from sofa_scim_desktop.gui.sorting import view_row
from sofa_scim_desktop.gui.sync_model import DESCRIPTION
from sofa_scim_desktop.gui.sync_model import TYPE
from sofa_scim_desktop.gui.sync_model import SyncTableModel
from sofa_scim_desktop.gui.tray import worst
from sofa_scim_desktop.services import synchronizations as syncs
from sofa_scim_desktop.services.synchronizations import SyncSummary

# NOTE: the list polls the database instead of hearing from the server: the server stays
# Qt-free and untouched (the lead is tuning scim/), and a poll also sees calls served by a
# separate `sofa-scim serve` process on the same database. Every 2 s: four small queries for
# the list (health included), two for the selected synchronization's Connect Entra panel.
POLL_MS = 2000


class SyncPage(QWidget):
    """Emits `settingsRequested` when the admin asks to change the public base URL, and
    `healthChanged(state, sentence)` when the worst health among the synchronizations
    changes (for the tray): the state as services.health names it, the sentence translated.
    """

    settingsRequested = Signal()
    healthChanged = Signal(str, str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.model = SyncTableModel(self)
        self.table = self._table()
        self.panel = ConnectEntraPanel(services)
        self.words = HealthWords(self)
        self.health: tuple[str, str] = ("ok", "")  # the worst, as last told
        self.add_action = QAction(self.tr("+ Add SCIM synchronization"), self)
        self.edit_action = QAction(self.tr("&Edit synchronization"), self)
        self.delete_action = QAction(self.tr("&Delete synchronization"), self)
        self.access_action = QAction(self.tr("&Access details"), self)
        self.toggle_action = QAction(self.tr("E&nable synchronization"), self)
        self.logs_action = QAction(self.tr("Display the &logs"), self)
        self.check_action = QAction(self.tr("&Check the connection"), self)
        # This computer's server, for the check to compare with (MainWindow sets it).
        self.local_url: LocalUrl | None = None
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        # NOTE: Add sits beside the title, apart from the row actions: all seven do not fit
        # one toolbar at 1100 px, and it is the one action that needs no selection.
        for action in self.actions_in_order()[1:]:
            self.toolbar.addAction(action)
        self.add_button = QToolButton()
        self.add_button.setDefaultAction(self.add_action)
        self.add_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.empty_hint = QLabel(
            self.tr("No synchronization yet. Click “+ Add SCIM synchronization” to set one up.")
        )
        title = QLabel(self.tr("User synchronization"))
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        heading = QHBoxLayout()
        heading.addWidget(title)
        heading.addStretch()
        heading.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.panel)
        self._connect()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh)
        self.timer.start(POLL_MS)
        self.refresh()
        # NOTE: an empty first list resets nothing: without this every row action looked
        # enabled until the first synchronization came.
        self._update_actions()

    def _table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        make_sortable(table)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.verticalHeader().setVisible(False)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        # NOTE: the type is always SCIM here (one type at a time, SPEC §2): its column would
        # only take the width that health and the last day's figures need at 1100 px.
        table.setColumnHidden(TYPE, True)
        return table

    def actions_in_order(self) -> list[QAction]:
        return [
            self.add_action,
            self.edit_action,
            self.delete_action,
            self.access_action,
            self.toggle_action,
            self.logs_action,
            self.check_action,
        ]

    def _connect(self) -> None:
        for action, slot in (
            (self.add_action, self.add),
            (self.edit_action, self.edit),
            (self.delete_action, self.delete),
            (self.access_action, self.access),
            (self.toggle_action, self.toggle),
            (self.logs_action, self.logs),
            (self.check_action, self.check_connection),
        ):
            action.triggered.connect(lambda _checked=False, slot=slot: self._guarded(slot))
        self.panel.checkRequested.connect(lambda: self._guarded(self.check_connection))
        self.panel.settingsRequested.connect(self.settingsRequested)
        self.table.doubleClicked.connect(lambda _index: self._guarded(self.edit))
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.table.selectionModel().selectionChanged.connect(self._show_panel)
        self.model.modelReset.connect(self._update_actions)
        self.model.dataChanged.connect(self._update_actions)

    def _guarded(self, slot: Callable[[], None]) -> None:
        """Runs an action; a refusal (e.g. the synchronization was deleted meanwhile by
        `sofa-scim` on the same database) is told to the admin, and the list catches up.
        """
        try:
            slot()
        except DomainError as error:
            prompts.inform(self, self.tr("User synchronization"), error_text(error))
            self.refresh()

    def refresh(self) -> None:
        rows = syncs.overview()
        self.model.set_rows(rows)
        self.empty_hint.setVisible(not rows)
        self.panel.setVisible(bool(rows))
        self._show_panel()
        self._tell_health(rows)

    def _tell_health(self, rows: list[SyncSummary]) -> None:
        """The worst health, from the rows just read (no query of its own)."""
        state, text = worst([(r.health.state, self.words.sentence(r.name, r.health)) for r in rows])
        if state == "ok" and rows:  # all well: no one name stands for all of them
            text = self.words.all_ok()
        if (state, text) != self.health:
            self.health = (state, text)
            self.healthChanged.emit(state, text)

    def _show_panel(self) -> None:
        self.panel.show_sync(self.selected())

    def selected(self) -> SyncSummary | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(source_row(self.table, rows[0])) if rows else None

    def select(self, identifier: str) -> None:
        row = self.model.row_of(identifier)
        if row >= 0:
            self.table.selectRow(view_row(self.table, row))

    def _update_actions(self) -> None:
        current = self.selected()
        for action in self.actions_in_order()[1:]:
            action.setEnabled(current is not None)
        enabled = current is not None and current.enabled
        self.toggle_action.setText(
            self.tr("D&isable synchronization") if enabled else self.tr("E&nable synchronization")
        )

    def _context_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        menu.addActions(self.actions_in_order())
        menu.popup(self.table.viewport().mapToGlobal(position))

    # --- The actions ----------------------------------------------------------------------

    def add(self) -> None:
        conflict = syncs.type_conflict()
        if conflict:  # say so before the admin fills in four tabs
            prompts.inform(self, self.tr("Add SCIM synchronization"), conflict)
            return
        self._refresh_and_select(SyncEditor.edit(self.services, None, self))

    def edit(self) -> None:
        current = self.selected()
        if current:
            self._refresh_and_select(SyncEditor.edit(self.services, current.identifier, self))

    def _refresh_and_select(self, saved: str | None) -> None:
        """After a save: the saved row selected (new, or renamed), ready for Access details."""
        if saved:
            self.refresh()
            self.select(saved)

    def delete_question(self, row: SyncSummary) -> tuple[str, str, str]:
        """Title, text and the confirming button's label of the delete confirmation."""
        title = self.tr("Delete synchronization")
        text = self.tr(
            "Delete the synchronization “%1” with all its settings, access key and mappings?"
        ).replace("%1", row.name)
        users = self.tr(
            "The %n users it created stay in Sofa, deactivated and detached from it. "
            "Entra's calls to its endpoint will be refused.",
            "",
            row.users,
        )
        return title, f"{text}\n\n{users}", self.tr("Delete synchronization")

    def delete(self) -> None:
        current = self.selected()
        if current is None or not prompts.confirm(self, *self.delete_question(current)):
            return
        self.services.synchronizations.delete(current.identifier)
        self.refresh()

    def access(self) -> None:
        current = self.selected()
        if current:
            wants_settings = AccessDialog.show_for(self.services, current.identifier, self)
            self.refresh()
            if wants_settings:  # its warning's "Change it in Settings…"
                self.settingsRequested.emit()

    def toggle(self) -> None:
        current = self.selected()
        if current is None or (current.enabled and not confirm_disable(self, current.name)):
            return
        syncs.set_enabled(current.identifier, not current.enabled)
        self.refresh()

    def logs(self) -> None:
        current = self.selected()
        if current:
            LogViewer.open_for(self.services, current.identifier, self)

    def check_connection(self) -> None:
        current = self.selected()
        if current:
            ConnectionCheckDialog.show_for(self.services, current.identifier, self.local_url, self)
