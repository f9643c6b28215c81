"""The transaction log as a table model (Vorta's event_log_table_model, simplified), each entry
worded for the admin (gui/log_texts.py).
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QModelIndex
from PySide6.QtCore import QPersistentModelIndex
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush

from sofa_scim_desktop.gui.colours import text_colour
from sofa_scim_desktop.gui.dates import local_seconds
from sofa_scim_desktop.gui.log_texts import LogTexts
from sofa_scim_desktop.gui.log_texts import Worded
from sofa_scim_desktop.gui.sorting import SORT_ROLE
from sofa_scim_desktop.gui.sorting import moment_key
from sofa_scim_desktop.gui.table_model import RowsTableModel
from sofa_scim_desktop.services.journal import LogRecord

TIME, LEVEL, EVENT, MESSAGE = range(4)
_Index = QModelIndex | QPersistentModelIndex


class LogTableModel(RowsTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.texts = LogTexts(self)
        # PERF: each entry is worded once, not at every paint; a refusal whose count grew is
        # another record (and another wording).
        self._worded: dict[LogRecord, Worded] = {}

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

    def set_records(self, records: list[LogRecord], needle: str = "") -> bool:
        """Shows the records whose text (as worded) contains `needle`, whatever the case;
        False when that is what it already shows.
        """
        self._worded = {r: self._worded[r] for r in records if r in self._worded}
        wanted = needle.strip().casefold()
        shown = [r for r in records if wanted in self.shown_text(r)] if wanted else records
        if shown == self.records:
            return False
        self.beginResetModel()
        self._rows = shown
        self.endResetModel()
        return True

    def worded(self, record: LogRecord) -> Worded:
        found = self._worded.get(record)
        if found is None:
            found = self._worded[record] = self.texts.word(record)
        return found

    def shown_text(self, record: LogRecord) -> str:
        """All the admin can read of an entry, and its codes, for the search."""
        worded = self.worded(record)
        parts = (worded.event, *worded.lines, record.event, record.message)
        return "\n".join(parts).casefold()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self.records[index.row()]
        if role == SORT_ROLE and index.column() in (TIME, LEVEL):
            return moment_key(record.at) if index.column() == TIME else record.level
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == TIME:
                return local_seconds(record.at)
            if index.column() == LEVEL:
                return self.level_text(record.level)
            worded = self.worded(record)
            return worded.event if index.column() == EVENT else worded.message
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == LEVEL:
            if record.level >= logging.ERROR:
                return QBrush(text_colour("error"))
            if record.level >= logging.WARNING:
                return QBrush(text_colour("warning"))
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == MESSAGE:
            return "\n".join(self.worded(record).lines)
        return None
