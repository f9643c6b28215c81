"""The synchronization list as a table model: one row per SyncSummary, with its health at a
glance (an icon, a few words, the full reason and fix as a tooltip) and key expiry flagged.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import QModelIndex
from PySide6.QtCore import QPersistentModelIndex
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QStyle

from sofa_scim_desktop.domain.clock import utcnow
from sofa_scim_desktop.domain.keys import EXPIRY_WARNING_DAYS
from sofa_scim_desktop.gui.colours import background_colour
from sofa_scim_desktop.gui.colours import text_colour_on_background
from sofa_scim_desktop.gui.dates import local_date
from sofa_scim_desktop.gui.dates import local_text
from sofa_scim_desktop.gui.health_icons import health_icon
from sofa_scim_desktop.gui.health_texts import HealthWords
from sofa_scim_desktop.gui.relative_time import ago
from sofa_scim_desktop.gui.sorting import SORT_ROLE
from sofa_scim_desktop.gui.sorting import moment_key
from sofa_scim_desktop.gui.table_model import RowsTableModel
from sofa_scim_desktop.services.synchronizations import SyncSummary

(
    NAME,
    IDENTIFIER,
    TYPE,
    HEALTH,
    USERS,
    LAST_CALL,
    LAST_SUCCESS,
    LAST_DAY,
    KEY_EXPIRES,
    DESCRIPTION,
) = range(10)
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
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.words = HealthWords(self)

    def headers(self) -> list[str]:
        return [
            self.tr("Name"),
            self.tr("Identifier"),
            self.tr("Type"),
            self.tr("Health"),
            self.tr("Users"),
            self.tr("Last call"),
            self.tr("Last success"),
            self.tr("Last 24 hours"),
            self.tr("Key expires"),
            self.tr("Description"),
        ]

    def set_rows(self, rows: list[SyncSummary]) -> bool:
        """Shows `rows`; returns whether anything changed. The same synchronizations in the same
        order only repaint (dataChanged), so the selection survives the periodic refresh.
        """
        if rows == self._rows:
            self._repaint(LAST_CALL, LAST_SUCCESS)  # "5 min ago" grows older by itself
            return False
        same_keys = [r.identifier for r in rows] == [r.identifier for r in self._rows]
        if same_keys:
            self._rows = rows
            self._repaint(0, DESCRIPTION)
        else:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
        return True

    def _repaint(self, first: int, last: int) -> None:
        if self._rows:
            bottom = self.index(len(self._rows) - 1, last)
            self.dataChanged.emit(self.index(0, first), bottom)

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
        if role == SORT_ROLE:
            return self._sort_value(row, column)
        if column == KEY_EXPIRES:
            return self._key_decoration(row, role)
        if column == HEALTH:
            return self._health_decoration(row, role)
        if column in (LAST_CALL, LAST_SUCCESS) and role == Qt.ItemDataRole.ToolTipRole:
            moment = row.last_call_at if column == LAST_CALL else row.figures.last_success
            return local_text(moment) or None  # the exact time behind "5 min ago"
        if column == LAST_DAY and role == Qt.ItemDataRole.ToolTipRole:
            return self.words.last_day_tooltip(row.figures)
        if column in (USERS, LAST_DAY) and role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if column == DESCRIPTION and role == Qt.ItemDataRole.ToolTipRole:
            return row.description or None
        return None

    def _sort_value(self, row: SyncSummary, column: int) -> Any:
        if column == USERS:
            return row.users
        if column == LAST_CALL:
            return moment_key(row.last_call_at)
        if column == LAST_SUCCESS:
            return moment_key(row.figures.last_success)
        if column == KEY_EXPIRES:
            return moment_key(row.key_expires_at)
        return None  # the text shown

    def _text(self, row: SyncSummary, column: int) -> str:
        if column == NAME:
            return row.name
        if column == IDENTIFIER:
            return row.identifier
        if column == TYPE:
            return row.type.upper()
        if column == HEALTH:
            return self.words.short_text(row.health)
        if column == USERS:
            return str(row.users)
        if column == LAST_CALL:
            return ago(row.last_call_at) if row.last_call_at else self.tr("Never")
        if column == LAST_SUCCESS:
            success = row.figures.last_success
            return ago(success) if success else self.tr("Never")
        if column == LAST_DAY:
            return self.words.last_day(row.figures)
        if column == KEY_EXPIRES:
            # The day is what matters; the tooltip says what to do about it.
            expires = row.key_expires_at
            return local_date(expires) if expires else self.tr("No key")
        return row.description.splitlines()[0] if row.description else ""

    def _health_decoration(self, row: SyncSummary, role: int) -> Any:
        if role == Qt.ItemDataRole.DecorationRole:
            return health_icon(row.health.state)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.words.tooltip(row.health)
        if role == Qt.ItemDataRole.ForegroundRole and row.health.state == "disabled":
            return QApplication.palette().brush(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
            )
        return None

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
            return QBrush(background_colour("error" if state == "expired" else "warning"))
        if role == Qt.ItemDataRole.ForegroundRole and state in ("expired", "expiring"):
            return QBrush(text_colour_on_background())  # never the view's own on a fixed one
        if role == Qt.ItemDataRole.DecorationRole and state in ("expired", "expiring"):
            icon = (
                QStyle.StandardPixmap.SP_MessageBoxCritical
                if state == "expired"
                else QStyle.StandardPixmap.SP_MessageBoxWarning
            )
            return QApplication.style().standardIcon(icon)
        return None
