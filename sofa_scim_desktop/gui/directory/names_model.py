"""Groups or roles as a table: name, members, the synchronizations that map them, built-in."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel
from PySide6.QtCore import QModelIndex
from PySide6.QtCore import QPersistentModelIndex
from PySide6.QtCore import Qt

from sofa_scim_desktop.services.directory import NamedItem

AnyIndex = QModelIndex | QPersistentModelIndex


class NamesModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[NamedItem] = []
        self._headers = [self.tr("Name"), self.tr("Members"), self.tr("Mapped by")]

    def set_items(self, items: list[NamedItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int) -> NamedItem | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of(self, name: str) -> int | None:
        for number, item in enumerate(self._items):
            if item.name == name:
                return number
        return None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return super().headerData(section, orientation, role)

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
            return self.tr("%1 (built-in)").replace("%1", item.name) if item.builtin else item.name
        if column == 1:
            return item.members
        if column == 2:
            return ", ".join(item.mapped_by) or "—"
        return None
