"""What the GUI and the CLI use of e-mail: the outbox, the test e-mail and the worker."""

from __future__ import annotations

import re
from typing import Any

from peewee import Database

from sofa_scim_desktop.domain.errors import QT_TRANSLATE_NOOP
from sofa_scim_desktop.domain.errors import DomainError
from sofa_scim_desktop.services.mail import outbox
from sofa_scim_desktop.services.mail import templates
from sofa_scim_desktop.services.mail.outbox import OutboxEntry
from sofa_scim_desktop.services.mail.smtp import SmtpConfig
from sofa_scim_desktop.services.mail.worker import MailWorker
from sofa_scim_desktop.services.settings import Settings
from sofa_scim_desktop.storage.database import immediate

TEST = "test"
_ADDRESS = re.compile(r"^[^@\s]+@[^@\s]+$")


class Mail:
    def __init__(self, db: Database, settings: Settings) -> None:
        self.db = db
        self.settings = settings
        self.worker: MailWorker | None = None

    def start_worker(self, **options: Any) -> MailWorker:
        """The background sender (`serve` and the GUI start it; stop it when quitting)."""
        self.worker = MailWorker(self.db, self.settings, **options).start()
        return self.worker

    def stop_worker(self) -> None:
        if self.worker is not None:
            self.worker.stop()
            self.worker = None

    def outbox(self, limit: int = 500) -> list[OutboxEntry]:
        """Newest first: waiting, sent and failed messages with their last error."""
        return outbox.entries(limit)

    def smtp_config(self) -> SmtpConfig:
        return SmtpConfig.load(self.settings, self.settings.secrets)

    def send_test(self, to: str) -> int:
        """Queues a test e-mail (and wakes the worker); returns the message id to follow."""
        address = to.strip()
        if not _ADDRESS.match(address):
            raise DomainError(
                QT_TRANSLATE_NOOP("Errors", "'{email}' is not an e-mail address."), email=to
            )
        language = templates.setting_language()
        message = templates.render(TEST, language)
        with immediate(self.db):
            message_id = outbox.enqueue(address, message.subject, message.body, TEST, language)
        if self.worker is not None:
            self.worker.wake()
        return message_id

    def entry(self, message_id: int) -> OutboxEntry | None:
        return outbox.entry(message_id)
