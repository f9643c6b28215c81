"""The mail outbox as a table model: newest first, the state coloured, the full error as a tip."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QModelIndex
from PySide6.QtCore import QPersistentModelIndex
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush

from sofa_scim_desktop.gui.colours import text_colour
from sofa_scim_desktop.gui.dates import local_text
from sofa_scim_desktop.gui.outbox_texts import outbox_error_text
from sofa_scim_desktop.gui.sorting import SORT_ROLE
from sofa_scim_desktop.gui.sorting import moment_key
from sofa_scim_desktop.gui.table_model import RowsTableModel
from sofa_scim_desktop.services.mail.outbox import OutboxEntry

# The last error last: the one column that stretches to the window's width.
CREATED, TO, SUBJECT, KIND, STATE, ATTEMPTS, SENT, LAST_ERROR = range(8)
_Index = QModelIndex | QPersistentModelIndex
TONES = {"queued": "warning", "sent": "success", "failed": "error"}  # gui/colours.py


def state_text(entry: OutboxEntry) -> str:
    texts = {
        "queued": QCoreApplication.translate("MailState", "Waiting"),
        "sent": QCoreApplication.translate("MailState", "Sent"),
        "failed": QCoreApplication.translate("MailState", "Failed"),
    }
    return texts.get(entry.state, entry.state)


def kind_text(kind: str) -> str:
    texts = {
        "welcome": QCoreApplication.translate("MailKind", "Welcome"),
        "password_link": QCoreApplication.translate("MailKind", "Password link"),
        "failures": QCoreApplication.translate("MailKind", "Failures"),
        "key_expiry": QCoreApplication.translate("MailKind", "Key expiry"),
        "idle": QCoreApplication.translate("MailKind", "No calls"),
        "test": QCoreApplication.translate("MailKind", "Test"),
    }
    return texts.get(kind, kind)


def state_tip(entry: OutboxEntry) -> str:
    if entry.state == "sent":
        return QCoreApplication.translate("MailState", "Handed to the SMTP server.")
    if entry.state == "failed":
        return QCoreApplication.translate(
            "MailState", "Given up after repeated attempts; see the last error."
        )
    text = QCoreApplication.translate(
        "MailState", "Not sent yet; next attempt at %1. Sending is retried until it succeeds."
    )
    return text.replace("%1", local_text(entry.next_attempt_at))


class OutboxModel(RowsTableModel):
    @property
    def entries(self) -> list[OutboxEntry]:
        return self._rows

    def set_entries(self, entries: list[OutboxEntry]) -> bool:
        if entries == self.entries:
            return False  # a refresh that changed nothing keeps the selection and scroll
        self.beginResetModel()
        self._rows = entries
        self.endResetModel()
        return True

    def headers(self) -> list[str]:
        return [
            self.tr("Created"), self.tr("To"), self.tr("Subject"), self.tr("Kind"),
            self.tr("State"), self.tr("Attempts"), self.tr("Sent"), self.tr("Last error"),
        ]  # fmt: skip

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, column)
        if role == SORT_ROLE:
            sort_values = {
                CREATED: moment_key(entry.created_at),
                SENT: moment_key(entry.sent_at),
                ATTEMPTS: entry.attempts,
            }
            return sort_values.get(column)
        if role == Qt.ItemDataRole.ForegroundRole and column == STATE:
            return QBrush(text_colour(TONES[entry.state])) if entry.state in TONES else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == STATE:
                return state_tip(entry)
            if column == LAST_ERROR:
                return outbox_error_text(entry.last_error)
            if column == SUBJECT:
                return entry.subject
            if column in (CREATED, SENT):
                return local_text(entry.created_at if column == CREATED else entry.sent_at)
        return None

    def entry_at(self, row: int) -> OutboxEntry | None:
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def _text(self, entry: OutboxEntry, column: int) -> str:
        if column == STATE:
            return state_text(entry)
        if column == LAST_ERROR:
            text = outbox_error_text(entry.last_error)
            return text.splitlines()[0] if text else ""
        values = {
            CREATED: local_text(entry.created_at),
            TO: entry.to,
            SUBJECT: entry.subject,
            KIND: kind_text(entry.kind),
            ATTEMPTS: str(entry.attempts),
            SENT: local_text(entry.sent_at),
        }
        return values[column]
