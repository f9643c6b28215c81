"""The Users page: a debounced search, the lazily fetched user table, the detail pane of the
selected user, and "New local user".
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale
from PySide6.QtCore import QModelIndex
from PySide6.QtCore import Qt
from PySide6.QtCore import QTimer
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QHeaderView
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QSplitter
from PySide6.QtWidgets import QTableView
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from sofa_scim_desktop.gui.column_widths import ColumnWidths
from sofa_scim_desktop.gui.directory.new_user_dialog import NewUserDialog
from sofa_scim_desktop.gui.directory.user_detail import UserDetailPane
from sofa_scim_desktop.gui.directory.users_model import UsersModel
from sofa_scim_desktop.services.directory import Directory

SEARCH_DELAY_MS = 300
# Typical values of the short columns, for their widths; the names share what is left.
COLUMN_SAMPLES = ("", "", "", "Finance", "Contoso_HQ", "Deactivated")


class UsersPage(QWidget):
    changed = Signal()  # a user created, or a grant or withdrawal

    def __init__(self, directory: Directory, parent: Any = None) -> None:
        super().__init__(parent)
        self._directory = directory
        self.model = UsersModel(directory, self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search user name, name, e-mail or department"))
        self.search.setClearButtonEnabled(True)
        self.new_user_button = QPushButton(self.tr("New local user…"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Show what synchronizations changed meanwhile."))
        self.count_label = QLabel()
        self.table = self._table()
        self.detail = UserDetailPane(directory)
        # Debounced: one query when the admin pauses typing, not one per key.
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self._search_now)
        self.new_user_button.clicked.connect(self.new_user)
        self.detail.changed.connect(self.changed)
        self.refresh_button.clicked.connect(self.refresh)
        self.model.fetched.connect(self._update_count)
        self.model.modelReset.connect(lambda: self.detail.show_user(None))
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        self._lay_out()
        self.model.set_search("")

    def _table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        # PERF: fixed row heights and column widths: no measuring of 10,000 rows.
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        self.column_widths = ColumnWidths(table, COLUMN_SAMPLES, stretch=(0, 1, 2))
        # The model sorts in the directory: a click on a header reloads in that order.
        table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)
        return table

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.new_user_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([660, 320])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

    def _search_now(self) -> None:
        """Enter: at once, and the rows are there when it returns."""
        self._search_timer.stop()
        self.model.set_search(self.search.text())

    def _apply_search(self) -> None:
        self.model.search_in_background(self.search.text())

    def _update_count(self) -> None:
        locale = QLocale()
        shown, total = self.model.rowCount(), self.model.total()
        if shown == total == 1:
            text = self.tr("1 user")
        elif shown == total:
            text = self.tr("%1 users").replace("%1", locale.toString(total))
        else:
            text = (
                self.tr("%1 of %2 users shown; scroll for more")
                .replace("%1", locale.toString(shown))
                .replace("%2", locale.toString(total))
            )
        self.count_label.setText(text)

    def _selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.detail.show_user(self.model.user_name(current.row()) if current.isValid() else None)

    def select_user(self, user_name: str) -> bool:
        """Selects `user_name` when it is among the rows loaded so far."""
        row = self.model.row_of(user_name)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def new_user(self) -> None:
        created = NewUserDialog.create_user(self._directory, self)
        if created is None:
            return
        self.changed.emit()
        # Show the new user: search for it, so it is on the first page whatever its name.
        self.search.setText(created)
        self._search_now()
        self.select_user(created)

    def refresh(self) -> None:
        """Reloads the list and the selected user's detail (after changes elsewhere), keeping
        the admin's place: as many rows loaded as before, the same user selected, the same
        scroll position.
        """
        selected = self.detail.user_name()
        loaded = self.model.rowCount()
        scrolled = self.table.verticalScrollBar().value()
        self.model.reload()
        while self.model.rowCount() < loaded and self.model.canFetchMore():
            self.model.fetchMore()
        row = self.model.row_of(selected) if selected is not None else None
        if row is not None:
            self.table.selectRow(row)
        elif selected is not None:
            self.detail.show_user(selected)  # beyond the loaded rows, or just removed
        self.table.verticalScrollBar().setValue(scrolled)
