"""The user list as a lazily fetching table model: pages of 200 users from the directory
service, fetched as the view scrolls, so that tens of thousands of users never freeze it; a
typed search runs on a worker thread (it reads every row: ~100 ms at 100,000 users).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QModelIndex
from PySide6.QtCore import QPersistentModelIndex
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from sofa_scim_desktop.gui.table_model import RowsTableModel
from sofa_scim_desktop.services.directory import Directory
from sofa_scim_desktop.services.directory import UserRow

AnyIndex = QModelIndex | QPersistentModelIndex
USER_NAME_ROLE = Qt.ItemDataRole.UserRole
# The directory's orders, by column (storage.directory.USER_ORDERS).
COLUMN_ORDERS = ("user_name", "display_name", "email", "department", "source", "state")


class UsersModel(RowsTableModel):
    """Columns: User name, Display name, E-mail, Department, Source, State."""

    PAGE = 200
    fetched = Signal()  # after each page, so that a "shown of total" label can follow
    # From the search worker, queued to the GUI thread: the generation whose answer is ready.
    # WORKAROUND: PySide6 6.12 aborted (none_dealloc) on Python objects in a signal queued
    # from a plain thread; the answer waits in `_answers` instead.
    _found = Signal(int)

    def __init__(self, directory: Directory, parent: Any = None) -> None:
        super().__init__(parent)
        self._directory = directory
        self._rows: list[UserRow] = []
        self._search = ""
        self._wanted = ""  # the search last asked for; `_search` is the one shown
        self._order = (0, Qt.SortOrder.AscendingOrder)
        self._complete = False
        self._total: int | None = None
        # Each search or reset is a generation: a worker's answer to an older one is dropped.
        self._generation = 0
        self._answers: dict[int, tuple[str, list[UserRow], int]] = {}
        # NOTE: its idle thread ends with the interpreter (concurrent.futures joins it at exit);
        # a shutdown from `destroyed` ran during finalization and crashed PySide6 6.12.
        self._worker = ThreadPoolExecutor(1, thread_name_prefix="sofa-user-search")
        self._found.connect(self._show_found)
        self._headers = [
            self.tr("User name"),
            self.tr("Display name"),
            self.tr("E-mail"),
            self.tr("Department"),
            self.tr("Source"),
            self.tr("State"),
        ]

    # --- Loading ----------------------------------------------------------------------------

    def search(self) -> str:
        return self._search

    def set_search(self, text: str) -> None:
        """Starts over with the users matching `text`, and loads their first page."""
        self._generation += 1
        self._wanted = text
        self.beginResetModel()
        self._rows = []
        self._search = text
        self._complete = False
        self._total = None
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def reload(self) -> None:
        """Again, for the search last asked for (a worker's pending one included: a refresh
        or a sort while it runs must not bring the previous search back).
        """
        self.set_search(self._wanted)

    def search_in_background(self, text: str) -> None:
        """As set_search, the queries on a worker: the window stays live while SQLite reads
        every row. The rows shown stay until the answer comes.
        """
        self._generation += 1
        self._wanted = text
        column, order = self._order
        descending = order == Qt.SortOrder.DescendingOrder
        self._worker.submit(
            self._search_job, self._generation, text, COLUMN_ORDERS[column], descending
        )

    def _search_job(self, generation: int, text: str, order: str, descending: bool) -> None:
        page = self._directory.user_page(text, None, self.PAGE, order, descending)
        total = self._directory.count_users(text) if len(page) == self.PAGE else len(page)
        self._answers[generation] = (text, page, total)  # one key per job: no lock needed
        self._found.emit(generation)

    def _show_found(self, generation: int) -> None:
        text, page, total = self._answers.pop(generation)
        if generation != self._generation:
            return  # the admin typed on, or the list was reset meanwhile
        self.beginResetModel()
        self._rows = list(page)
        self._search = text
        self._complete = len(page) < self.PAGE
        self._total = total
        self.endResetModel()
        self.fetched.emit()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A click on a header: the directory sorts (the rows loaded so far are only the first
        pages), and the list starts over in that order.
        """
        if 0 <= column < len(COLUMN_ORDERS) and (column, order) != self._order:
            self._order = (column, order)
            self.reload()

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._complete

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._complete:
            return
        after = self._rows[-1] if self._rows else None
        column, order = self._order
        descending = order == Qt.SortOrder.DescendingOrder
        page = self._directory.user_page(
            self._search, after, self.PAGE, COLUMN_ORDERS[column], descending
        )
        self._complete = len(page) < self.PAGE
        if page:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()
        self.fetched.emit()

    def total(self) -> int:
        """How many users match the search, loaded or not (one COUNT query per search)."""
        if self._complete:
            return len(self._rows)
        if self._total is None:
            self._total = self._directory.count_users(self._search)
        return self._total

    def headers(self) -> list[str]:
        return self._headers

    def user_name(self, row: int) -> str | None:
        return self._rows[row].user_name if 0 <= row < len(self._rows) else None

    def row_of(self, user_name: str) -> int | None:
        for number, row in enumerate(self._rows):
            if row.user_name == user_name:
                return number
        return None

    # --- QAbstractTableModel ----------------------------------------------------------------

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() < 3:
            return self._cell(row, index.column())  # names and addresses may be elided
        if role == USER_NAME_ROLE:
            return row.user_name
        if role == Qt.ItemDataRole.ForegroundRole and (row.removed or not row.active):
            # Deactivated and removed users stay listed, but read as inactive.
            return QApplication.palette().brush(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
            )
        return None

    def _cell(self, row: UserRow, column: int) -> str | None:
        values = (
            row.user_name,
            row.display_name,
            row.email,
            row.department,
            row.source or self.tr("Local"),
            state_text(row.active, row.removed),
        )
        return values[column] if 0 <= column < len(values) else None


def state_text(active: bool, removed: bool) -> str:
    """Active / Deactivated / Removed (removed: deleted by its synchronization, SPEC §4)."""
    if removed:
        return QCoreApplication.translate("UserState", "Removed")
    if active:
        return QCoreApplication.translate("UserState", "Active")
    return QCoreApplication.translate("UserState", "Deactivated")
