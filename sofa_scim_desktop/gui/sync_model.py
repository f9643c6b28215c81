"""The synchronization list as a table model: one row per SyncSummary, key expiry flagged."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import QModelIndex
from PySide6.QtCore import QPersistentModelIndex
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QStyle

from sofa_scim_desktop.domain.keys import EXPIRY_WARNING_DAYS
from sofa_scim_desktop.gui.dates import local_text
from sofa_scim_desktop.gui.table_model import RowsTableModel
from sofa_scim_desktop.services.synchronizations import SyncSummary
from sofa_scim_desktop.storage.tables import utcnow

NAME, IDENTIFIER, TYPE, STATE, USERS, LAST_CALL, KEY_EXPIRES, DESCRIPTION = range(8)
WARNING_COLOUR = QColor("#fff1c2")
EXPIRED_COLOUR = QColor("#f8d0d0")
_Index = QModelIndex | QPersistentModelIndex


def key_state(row: SyncSummary) -> str:
    """'none', 'expired', 'expiring' (within EXPIRY_WARNING_DAYS) or 'valid'."""
    if row.key_expires_at is None:
        return "none"
    now = utcnow()
    if row.key_expires_at <= now:
        return "expired"
    if row.key_expires_at - now <= timedelta(days=EXPIRY_WARNING_DAYS):
        return "expiring"
    return "valid"


class SyncTableModel(RowsTableModel):
    def headers(self) -> list[str]:
        return [
            self.tr("Name"),
            self.tr("Identifier"),
            self.tr("Type"),
            self.tr("State"),
            self.tr("Users"),
            self.tr("Last call"),
            self.tr("Key expires"),
            self.tr("Description"),
        ]

    def set_rows(self, rows: list[SyncSummary]) -> bool:
        """Shows `rows`; returns whether anything changed. The same synchronizations in the same
        order only repaint (dataChanged), so the selection survives the periodic refresh.
        """
        if rows == self._rows:
            return False
        same_keys = [r.identifier for r in rows] == [r.identifier for r in self._rows]
        if same_keys:
            self._rows = rows
            last = self.index(len(rows) - 1, DESCRIPTION)
            self.dataChanged.emit(self.index(0, 0), last)
        else:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
        return True

    def row_at(self, row: int) -> SyncSummary:
        summary: SyncSummary = self._rows[row]
        return summary

    def row_of(self, identifier: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.identifier == identifier), -1)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if column == KEY_EXPIRES:
            return self._key_decoration(row, role)
        if column == STATE and role == Qt.ItemDataRole.ForegroundRole and not row.enabled:
            return QBrush(QColor("#777777"))
        if column == USERS and role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if column == DESCRIPTION and role == Qt.ItemDataRole.ToolTipRole:
            return row.description or None
        return None

    def _text(self, row: SyncSummary, column: int) -> str:
        if column == NAME:
            return row.name
        if column == IDENTIFIER:
            return row.identifier
        if column == TYPE:
            return row.type.upper()
        if column == STATE:
            return self.tr("Enabled") if row.enabled else self.tr("Disabled")
        if column == USERS:
            return str(row.users)
        if column == LAST_CALL:
            return local_text(row.last_call_at, self.tr("Never"))
        if column == KEY_EXPIRES:
            return local_text(row.key_expires_at, self.tr("No key"))
        return row.description.splitlines()[0] if row.description else ""

    def _key_decoration(self, row: SyncSummary, role: int) -> Any:
        state = key_state(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return {
                "none": self.tr("No access key yet: generate one in Access details."),
                "expired": self.tr(
                    "The access key has expired: Entra's calls are refused. "
                    "Generate a new key in Access details."
                ),
                "expiring": self.tr(
                    "The access key expires soon: generate a new one in Access details "
                    "and enter it in Entra in time."
                ),
                "valid": self.tr("The access key is valid."),
            }[state]
        if role == Qt.ItemDataRole.BackgroundRole and state in ("expired", "expiring"):
            return QBrush(EXPIRED_COLOUR if state == "expired" else WARNING_COLOUR)
        if role == Qt.ItemDataRole.DecorationRole and state in ("expired", "expiring"):
            icon = (
                QStyle.StandardPixmap.SP_MessageBoxCritical
                if state == "expired"
                else QStyle.StandardPixmap.SP_MessageBoxWarning
            )
            return QApplication.style().standardIcon(icon)
        return None
