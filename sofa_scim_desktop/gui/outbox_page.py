"""The "Mail outbox" page: every message the app sends, its state and last error, live."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtCore import QTimer
from PySide6.QtCore import Slot
from PySide6.QtGui import QHideEvent
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QStackedWidget
from PySide6.QtWidgets import QTableView
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from sofa_scim_desktop.gui.outbox_model import CREATED
from sofa_scim_desktop.gui.outbox_model import LAST_ERROR
from sofa_scim_desktop.gui.outbox_model import SUBJECT
from sofa_scim_desktop.gui.outbox_model import TO
from sofa_scim_desktop.gui.outbox_model import OutboxModel
from sofa_scim_desktop.gui.outbox_texts import outbox_error_text
from sofa_scim_desktop.gui.sorting import make_sortable
from sofa_scim_desktop.gui.sorting import source_row

REFRESH_MS = 2000
WIDEST = 220  # pixels for the To and Subject columns (the tooltip has the whole subject)
ERROR_WIDTH = 200  # what the last error keeps of the width when the window is narrow


class OutboxPage(QWidget):
    """Refreshes every REFRESH_MS while shown; "Send now" wakes the mail worker."""

    def __init__(self, services: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self._mail = services.mail
        self.model = OutboxModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        make_sortable(self.table, CREATED, Qt.SortOrder.DescendingOrder)  # newest first
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)  # the last error
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)
        self.empty = QLabel(
            self.tr(
                "No e-mail yet. Messages the app sends (welcome e-mails, password links, "
                "failure notifications, test e-mails) are listed here. When SMTP is not "
                "configured they wait here and are sent once it is: nothing is lost."
            )
        )
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: palette(placeholder-text);")
        self.empty.setMaximumWidth(560)  # a short paragraph, not one line across the page
        empty_box = QWidget()
        centred = QHBoxLayout(empty_box)
        centred.addWidget(self.empty)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(empty_box)
        self.summary = QLabel()
        self.send_button = QPushButton(self.tr("Send now"))
        self.send_button.setToolTip(
            self.tr(
                "Sends the waiting messages that are due now, without waiting for the next "
                "pass. A message retried after an error waits for its next attempt (tooltip "
                "of its state)."
            )
        )
        self.send_button.clicked.connect(self.send_now)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self._lay_out()
        self.refresh()

    def _lay_out(self) -> None:
        title = QLabel(self.tr("Mail outbox"))
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")  # as the other pages
        heading = QHBoxLayout()
        heading.addWidget(title, 1)
        heading.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.summary)

    @Slot()
    def refresh(self) -> None:
        entries = self._mail.outbox()
        if self.model.set_entries(entries):
            self._fit_columns()
        self._show_detail()
        self.stack.setCurrentIndex(0 if entries else 1)
        waiting = sum(1 for entry in entries if entry.state == "queued")
        self.summary.setText(self.tr("Waiting: %1").replace("%1", str(waiting)))
        self.send_button.setEnabled(waiting > 0)

    def _fit_columns(self) -> None:
        """To contents, but long addresses and subjects leave room for the last error."""
        for column in range(LAST_ERROR):
            self.table.resizeColumnToContents(column)
        for column in (TO, SUBJECT):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), WIDEST))
        used = sum(self.table.columnWidth(column) for column in range(LAST_ERROR))
        spare = self.table.viewport().width() - used - ERROR_WIDTH
        if spare < 0:  # a narrow window: the subject gives way (its tooltip has it whole)
            subject = max(self.table.columnWidth(SUBJECT) + spare, 120)
            self.table.setColumnWidth(SUBJECT, subject)

    @Slot()
    def _show_detail(self) -> None:
        entry = self.model.entry_at(source_row(self.table, self.table.currentIndex()))
        if entry is None or not entry.last_error:
            self.detail.setText("")
            self.detail.hide()
            return
        reason = outbox_error_text(entry.last_error)
        self.detail.setText(self.tr("Last error: %1").replace("%1", reason))
        self.detail.show()

    @Slot()
    def send_now(self) -> None:
        worker = self._mail.worker
        if worker is None:  # only when the app runs without its server control (tests, tools)
            self.summary.setText(self.tr("The mail sender is not running."))
            return
        worker.wake()
        self.summary.setText(self.tr("Sending…"))
        QTimer.singleShot(500, self.refresh)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        self.refresh()
        self._fit_columns()  # the viewport has its real width only now
        self.timer.start()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        self.timer.stop()  # no database reads for a page nobody looks at
        super().hideEvent(event)
