"""Groups or roles as a table: name, members, the synchronizations that map them, built-in."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex
from PySide6.QtCore import QPersistentModelIndex
from PySide6.QtCore import Qt

from sofa_scim_desktop.gui.role_names import role_name
from sofa_scim_desktop.gui.table_model import RowsTableModel
from sofa_scim_desktop.services.directory import NamedItem

AnyIndex = QModelIndex | QPersistentModelIndex


class NamesModel(RowsTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = [self.tr("Name"), self.tr("Members"), self.tr("Mapped by")]

    def set_items(self, items: list[NamedItem]) -> None:
        if items == self._rows:
            return  # a poll that found nothing new keeps the selection and scroll position
        self.beginResetModel()
        self._rows = list(items)
        self.endResetModel()

    def headers(self) -> list[str]:
        return self._headers

    def item(self, row: int) -> NamedItem | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, name: str) -> int | None:
        for number, item in enumerate(self._rows):
            if item.name == name:
                return number
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item(index.row()) if index.isValid() else None
        if item is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(item, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and item.builtin:
            return self.tr("A built-in role of Sofa: it cannot be renamed or deleted.")
        return None

    def _cell(self, item: NamedItem, column: int) -> Any:
        if column == 0:
            if item.builtin:  # shown in the GUI's language, stored in English
                return self.tr("%1 (built-in)").replace("%1", role_name(item.name))
            return item.name
        if column == 1:
            return item.members
        if column == 2:
            return ", ".join(item.mapped_by) or "—"
        return None
