"""The transaction log as a table model (Vorta's event_log_table_model, simplified)."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QModelIndex
from PySide6.QtCore import QPersistentModelIndex
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtGui import QColor

from sofa_scim_desktop.gui.dates import local_seconds
from sofa_scim_desktop.gui.table_model import RowsTableModel
from sofa_scim_desktop.services.journal import LogRecord

TIME, LEVEL, EVENT, MESSAGE = range(4)
_Index = QModelIndex | QPersistentModelIndex


class LogTableModel(RowsTableModel):
    @property
    def records(self) -> list[LogRecord]:
        return self._rows

    def headers(self) -> list[str]:
        return [self.tr("Time"), self.tr("Level"), self.tr("Event"), self.tr("Message")]

    def level_text(self, level: int) -> str:
        if level >= logging.CRITICAL:
            return self.tr("Critical")
        if level >= logging.ERROR:
            return self.tr("Error")
        if level >= logging.WARNING:
            return self.tr("Warning")
        if level >= logging.INFO:
            return self.tr("Information")
        return self.tr("Debug")

    def set_records(self, records: list[LogRecord]) -> bool:
        if records == self.records:
            return False
        self.beginResetModel()
        self._rows = records
        self.endResetModel()
        return True

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self.records[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                local_seconds(record.at),
                self.level_text(record.level),
                record.event,
                record.message.splitlines()[0] if record.message else "",
            ][index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == LEVEL:
            if record.level >= logging.ERROR:
                return QBrush(QColor("#b00020"))
            if record.level >= logging.WARNING:
                return QBrush(QColor("#8a5a00"))
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == MESSAGE:
            return record.message
        return None
