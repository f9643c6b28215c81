"""The "Send test e-mail" box: queues a test message, then follows it live until it is sent."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtCore import Slot
from PySide6.QtWidgets import QGroupBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QVBoxLayout

from sofa_scim_desktop.domain.errors import DomainError
from sofa_scim_desktop.gui.colours import text_colour
from sofa_scim_desktop.gui.error_texts import error_text
from sofa_scim_desktop.gui.outbox_model import TONES
from sofa_scim_desktop.services.mail.outbox import OutboxEntry

POLL_MS = 300
FOLLOW_SECONDS = 30.0  # SMTP's own timeout: by then the worker has an answer or an error


class MailTestBox(QGroupBox):
    def __init__(self, mail: Any, parent: Any = None) -> None:
        super().__init__(self.tr("Test e-mail"), parent)
        self._mail = mail
        self.message_id: int | None = None
        self._deadline = 0.0
        self.recipient = QLineEdit()
        self.recipient.setPlaceholderText(self.tr("Recipient, e.g. admin@example.com"))
        self.send_button = QPushButton(self.tr("Send test e-mail"))
        self.send_button.clicked.connect(self.send)
        self.recipient.returnPressed.connect(self.send)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.hide()  # until there is something to say
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        row = QHBoxLayout()
        row.addWidget(self.recipient, 1)
        row.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.result)
        # The page says whether SMTP fields were changed and not saved: the worker sends
        # with the saved settings, so a test of typed ones would test something else.
        self.unsaved: Callable[[], bool] = lambda: False

    @Slot()
    def send(self) -> None:
        if self.unsaved():
            text = self.tr("Save the changed e-mail settings first: the test uses the saved ones.")
            self._show(text, "error")
            return
        try:
            self.message_id = self._mail.send_test(self.recipient.text())
        except DomainError as error:
            self._show(error_text(error), "error")
            return
        self._deadline = time.monotonic() + FOLLOW_SECONDS
        self._show(self.tr("Sending…"), "")
        self.timer.start()

    @Slot()
    def poll(self) -> None:
        entry = self._mail.entry(self.message_id) if self.message_id is not None else None
        if entry is None:  # pruned or never there: nothing left to follow
            self.timer.stop()
            return
        finished = entry.state != "queued" or time.monotonic() >= self._deadline
        if finished:
            self.timer.stop()
        self._show_entry(entry, finished)

    def _show_entry(self, entry: OutboxEntry, finished: bool) -> None:
        if entry.state == "sent":
            text = self.tr("Sent to %1. Check that it arrived.").replace("%1", entry.to)
        elif entry.state == "failed":
            text = self.tr("Failed: %1").replace("%1", entry.last_error or "")
        elif entry.last_error:
            text = self.tr("Waiting in the mail outbox; it is retried. Last error: %1")
            text = text.replace("%1", entry.last_error)
        elif finished:
            text = self.tr("Still waiting in the mail outbox; it is retried.")
        else:
            text = self.tr("Sending…")
        tone = TONES[entry.state] if entry.state != "queued" or entry.last_error else ""
        self._show(text, tone)

    def _show(self, text: str, tone: str) -> None:
        """`tone`: one of gui/colours.py's, or "" for the palette's text."""
        self.result.setText(text)
        self.result.setStyleSheet(f"color: {text_colour(tone).name()};" if tone else "")
        self.result.setVisible(bool(text))
