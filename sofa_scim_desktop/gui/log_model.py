"""The transaction log as a table model (Vorta's event_log_table_model, simplified)."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QAbstractTableModel
from PySide6.QtCore import QModelIndex
from PySide6.QtCore import QPersistentModelIndex
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtGui import QColor

from sofa_scim_desktop.gui.dates import local_seconds
from sofa_scim_desktop.services.journal import LogRecord

TIME, LEVEL, EVENT, MESSAGE = range(4)
_Index = QModelIndex | QPersistentModelIndex


class LogTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.records: list[LogRecord] = []

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
        self.records = records
        self.endResetModel()
        return True

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else MESSAGE + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [self.tr("Time"), self.tr("Level"), self.tr("Event"), self.tr("Message")][
                section
            ]
        return None

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
