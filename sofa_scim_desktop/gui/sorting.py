"""Lists sorted by a click on a column header: a proxy between a table model and its view that
compares each model's own sort keys (a time, not its "5 min ago"; a count, not its text).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QModelIndex
from PySide6.QtCore import QPersistentModelIndex
from PySide6.QtCore import QSize
from PySide6.QtCore import QSortFilterProxyModel
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView
from PySide6.QtWidgets import QStyle
from PySide6.QtWidgets import QTableView

AnyIndex = QModelIndex | QPersistentModelIndex
# What a model answers for this role is compared instead of the text shown.
SORT_ROLE = Qt.ItemDataRole.UserRole + 40


class SortProxy(QSortFilterProxyModel):
    def lessThan(self, left: AnyIndex, right: AnyIndex) -> bool:  # noqa: N802
        return sort_key(left) < sort_key(right)


class SortHeader(QHeaderView):
    """Room for the sort arrow in the sorted column only: Qt widens every header by it, and the
    synchronization list then no longer fit 1100 px in Czech (two-line headers: ~40 px each).
    """

    def sectionSizeFromContents(self, logical: int) -> QSize:  # noqa: N802
        size = super().sectionSizeFromContents(logical)
        if self.isSortIndicatorShown() and logical != self.sortIndicatorSection():
            margin = self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, self)
            # What QHeaderView adds for the arrow: the header's height and a margin.
            size.setWidth(max(size.width() - size.height() - margin, 0))
        return size


def sort_key(index: AnyIndex) -> tuple[int, Any]:
    """Empty values first, numbers before texts, texts ignoring case."""
    value = index.data(SORT_ROLE)
    if value is None:
        value = index.data(Qt.ItemDataRole.DisplayRole)
    if value is None or value == "":
        return (0, 0)
    if isinstance(value, (int, float)):
        return (1, value)
    return (2, str(value).casefold())


def moment_key(moment: datetime | None) -> float | None:
    """A stored time as a sort key (None: sorts first, as an empty cell)."""
    return moment.timestamp() if moment is not None else None


def make_sortable(
    table: QTableView, column: int = 0, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder
) -> SortProxy:
    """Puts a SortProxy between `table` and its model, sorted by `column` until the admin
    clicks another header. Map view rows with `source_row`.
    """
    proxy = SortProxy(table)
    proxy.setSourceModel(table.model())
    header = SortHeader(Qt.Orientation.Horizontal, table)
    header.setSectionsClickable(True)  # a QTableView's own header is; a new one is not
    header.setHighlightSections(True)
    table.setHorizontalHeader(header)
    proxy.setDynamicSortFilter(True)
    table.setModel(proxy)
    table.horizontalHeader().setSortIndicator(column, order)
    table.setSortingEnabled(True)
    return proxy


def source_row(table: QTableView, index: QModelIndex) -> int:
    """The model's row behind a view index (the same when the view is not sorted)."""
    model = table.model()
    if isinstance(model, QSortFilterProxyModel):
        return model.mapToSource(model.index(index.row(), 0)).row()
    return index.row()


def view_row(table: QTableView, row: int) -> int:
    """The view's row showing the model's `row`."""
    model = table.model()
    if isinstance(model, QSortFilterProxyModel):
        return model.mapFromSource(model.sourceModel().index(row, 0)).row()
    return row
