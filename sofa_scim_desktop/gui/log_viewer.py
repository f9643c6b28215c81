"""'Display the logs': one synchronization's transaction log, filtered, refreshing while open."""

from __future__ import annotations

import csv
import logging

from PySide6.QtCore import Qt
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QSplitter
from PySide6.QtWidgets import QTableView
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from sofa_scim_desktop.bootstrap import Services
from sofa_scim_desktop.gui import prompts
from sofa_scim_desktop.gui.error_texts import error_text
from sofa_scim_desktop.gui.log_detail import LogDetail
from sofa_scim_desktop.gui.log_model import TIME
from sofa_scim_desktop.gui.log_model import LogTableModel
from sofa_scim_desktop.gui.sorting import make_sortable
from sofa_scim_desktop.gui.sorting import source_row
from sofa_scim_desktop.gui.sorting import view_row
from sofa_scim_desktop.services import journal
from sofa_scim_desktop.services.journal import LogRecord
from sofa_scim_desktop.services.refusals import EVENT as REFUSED

REFRESH_MS = 3000
# NOTE: a refused call is a warning (SPEC §8.1), yet it is what "Errors only" is for: the calls
# Entra made that did not get through.
PROBLEMS = (REFUSED,)


class LogViewer(QDialog):
    def __init__(self, services: Services, identifier: str, parent: QWidget | None = None):
        super().__init__(parent)
        sync = services.synchronizations.get(identifier)
        self.sync_id = sync.id
        self.setWindowTitle(self.tr("Logs – %1").replace("%1", sync.name))
        self.level = QComboBox()
        for text, level in self._level_choices():
            self.level.addItem(text, level)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search the messages"))
        self.search.setClearButtonEnabled(True)
        self.export_button = QPushButton(self.tr("Export to CSV…"))
        self.export_button.setEnabled(False)  # until there is an entry to export
        self.count = QLabel()
        self.model = LogTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        make_sortable(self.table, TIME, Qt.SortOrder.DescendingOrder)  # newest first
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.detail = LogDetail(self.model.texts)
        self._layout()
        self.level.currentIndexChanged.connect(self.refresh)
        self.search.textChanged.connect(self.refresh)
        self.export_button.clicked.connect(self.export)
        self.table.selectionModel().selectionChanged.connect(self._show_details)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh)
        self.timer.start(REFRESH_MS)
        self.resize(1000, 640)
        self.refresh()
        for column, width in enumerate((150, 95, 175)):
            self.table.setColumnWidth(column, width)

    def _level_choices(self) -> list[tuple[str, tuple[int, tuple[str, ...]]]]:
        """Each choice: its text, the lowest level shown and the events shown at any level."""
        return [
            (self.tr("All levels"), (0, ())),
            (self.tr("Information and above"), (logging.INFO, ())),
            (self.tr("Warnings and errors"), (logging.WARNING, ())),
            (self.tr("Errors only"), (logging.ERROR, PROBLEMS)),
        ]

    def _layout(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Level:")))
        filters.addWidget(self.level)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.count)
        filters.addWidget(self.export_button)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setSizes([330, 270])  # the three panes of a call want the height
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter)

    @classmethod
    def open_for(cls, services: Services, identifier: str, parent: QWidget | None) -> LogViewer:
        """Shows it without blocking, so the admin can keep working. Tests replace this."""
        viewer = cls(services, identifier, parent)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.show()
        return viewer

    def refresh(self) -> None:
        selected = self.selected()
        level, also = self.level.currentData()
        # NOTE: the search reads what the admin reads (the worded entries, in the GUI's
        # language), so it filters here rather than in the database.
        records = journal.read(self.sync_id, level, also=also)
        if self.model.set_records(records, self.search.text()):
            self.count.setText(self._count_text(self.model.rowCount()))
            self.export_button.setEnabled(self.model.rowCount() > 0)
            if selected is not None:  # keep the admin's place across refreshes
                row = next((i for i, r in enumerate(self.model.records) if r.id == selected.id), -1)
                if row >= 0:
                    self.table.selectRow(view_row(self.table, row))
            self._show_details()

    def _count_text(self, count: int) -> str:
        # NOTE: the singular is a text of its own so that English needs no plural catalog.
        return self.tr("1 entry") if count == 1 else self.tr("%n entries", "", count)

    def selected(self) -> LogRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.records[source_row(self.table, rows[0])] if rows else None

    def _show_details(self) -> None:
        record = self.selected()
        self.detail.show_record(record, self.model.worded(record) if record else None)

    def export(self) -> None:
        path = prompts.save_path(
            self, self.tr("Export the log"), "sofa-scim-log.csv", self.tr("CSV files (*.csv)")
        )
        if not path:
            return
        try:
            write_csv(path, self.model.records)
        except OSError as error:
            prompts.inform(self, self.tr("Export the log"), error_text(error))


def write_csv(path: str, records: list[LogRecord]) -> None:
    """What the viewer shows, in UTC ISO 8601 so a spreadsheet sorts it; UTF-8 with BOM so
    Excel reads Czech names right.
    """
    with open(path, "w", newline="", encoding="utf-8-sig") as file:
        writer = csv.writer(file)
        writer.writerow(["time_utc", "level", "event", "message", "detail"])
        for r in records:
            writer.writerow(
                [
                    r.at.isoformat(timespec="seconds") + "Z",
                    r.level_name,
                    r.event,
                    r.message,
                    r.detail or "",
                ]
            )
