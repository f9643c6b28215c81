"""Table columns that never cut their headers: each at least as wide as its header and a typical
value, the names sharing what is left; a table narrower than that scrolls sideways.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent
from PySide6.QtCore import QObject
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView
from PySide6.QtWidgets import QTableView

# Room beside a header's text for the margins and the sort arrow.
HEADER_PADDING = 30
CELL_PADDING = 12


class ColumnWidths(QObject):
    """Sizes `table`'s columns on every resize of its viewport (Qt's Stretch mode would share
    the width equally and cut "Display name" to "isplay nam").
    """

    def __init__(self, table: QTableView, samples: Sequence[str], stretch: Sequence[int]) -> None:
        super().__init__(table)
        self._table = table
        self._samples = samples
        self._stretch = tuple(stretch)
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        for column in range(len(samples)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        table.viewport().installEventFilter(self)
        self.fit()

    def minimum_widths(self) -> list[int]:
        metrics = self._table.fontMetrics()
        model = self._table.model()
        widths = []
        for column, sample in enumerate(self._samples):
            label = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            widths.append(
                max(
                    metrics.horizontalAdvance(label) + HEADER_PADDING,
                    metrics.horizontalAdvance(sample) + CELL_PADDING,
                )
            )
        return widths

    def fit(self) -> None:
        widths = self.minimum_widths()
        extra = self._table.viewport().width() - sum(widths)
        if extra > 0 and self._stretch:
            share, rest = divmod(extra, len(self._stretch))
            for number, column in enumerate(self._stretch):
                widths[column] += share + (1 if number < rest else 0)
        for column, width in enumerate(widths):
            self._table.setColumnWidth(column, width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return super().eventFilter(watched, event)
