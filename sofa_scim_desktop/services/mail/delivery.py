"""One pass of delivery: the due messages of the outbox over one SMTP connection."""

from __future__ import annotations

import logging
import smtplib
from collections.abc import Callable
from datetime import datetime
from datetime import timedelta

from peewee import Database

from sofa_scim_desktop.domain import plurals
from sofa_scim_desktop.services.mail import outbox
from sofa_scim_desktop.services.mail.new_users import LINK_PLACEHOLDER
from sofa_scim_desktop.services.mail.new_users import PASSWORD_LINK
from sofa_scim_desktop.services.mail.outbox import Outgoing
from sofa_scim_desktop.services.mail.outbox import RetryPolicy
from sofa_scim_desktop.services.mail.smtp import SmtpConfig
from sofa_scim_desktop.services.mail.smtp import build_message
from sofa_scim_desktop.services.mail.smtp import connect
from sofa_scim_desktop.services.passwords import TOKEN_VALIDITY
from sofa_scim_desktop.services.passwords import mint
from sofa_scim_desktop.storage.database import immediate

log = logging.getLogger("sofa.mail")
NOT_CONFIGURED = "Waiting: no SMTP server is set up (settings smtp.host and smtp.sender)."
Connect = Callable[[SmtpConfig], smtplib.SMTP]
# A claimed message is another worker's for this long (a crash mid-send: retried after it).
CLAIM = timedelta(minutes=5)


def _reason(error: Exception) -> str:
    """What went wrong, for the outbox; never the password (smtplib errors do not hold it)."""
    if isinstance(error, smtplib.SMTPResponseException):
        text = error.smtp_error.decode("utf-8", "replace") if isinstance(
            error.smtp_error, bytes) else str(error.smtp_error)  # fmt: skip
        return f"{type(error).__name__}: {error.smtp_code} {text}"
    return f"{type(error).__name__}: {error}"


class Delivery:
    def __init__(
        self, db: Database, config: Callable[[], SmtpConfig], base_url: Callable[[], str],
        policy: RetryPolicy, connect_to: Connect = connect,
    ) -> None:  # fmt: skip
        self.db = db
        self.config = config
        self.base_url = base_url
        self.policy = policy
        self.connect_to = connect_to

    def run(self, now: datetime, only: int | None = None) -> int:
        """Sends what is due (or just message `only`); returns how many were sent."""
        due = [m for m in outbox.due(now) if only is None or m.id == only]
        if not due:
            return 0
        config = self.config()
        if not config.configured:
            with immediate(self.db):
                outbox.note_waiting(NOT_CONFIGURED)
            return 0
        due = self._claim(due, now)
        if not due:
            return 0
        try:
            client = self.connect_to(config)
        except (OSError, smtplib.SMTPException) as error:
            self._failed(due, _reason(error), now)
            return 0
        with client:
            return self._send_all(client, config, due, now)

    def _claim(self, due: list[Outgoing], now: datetime) -> list[Outgoing]:
        with immediate(self.db):
            return [m for m in due if outbox.claim(m, m.next_attempt_at, now + CLAIM)]

    def _send_all(
        self, client: smtplib.SMTP, config: SmtpConfig, due: list[Outgoing], now: datetime
    ) -> int:
        sent = 0
        for index, message in enumerate(due):
            try:
                self._send(client, config, message)
            except smtplib.SMTPServerDisconnected as error:
                self._failed(due[index:], _reason(error), now)
                break
            except (OSError, smtplib.SMTPException) as error:
                self._failed([message], _reason(error), now)
                continue
            with immediate(self.db):
                outbox.mark_sent(message.id, now)
            sent += 1
        return sent

    def _send(self, client: smtplib.SMTP, config: SmtpConfig, message: Outgoing) -> None:
        text = message.body_text
        if message.kind == PASSWORD_LINK and message.user_id is not None:
            with immediate(self.db):
                token = mint(message.user_id, message.language, message.id, TOKEN_VALIDITY)
            text = text.replace(LINK_PLACEHOLDER, f"{self.base_url()}/password/{token}")
        email = build_message(config.sender, message.recipient, message.subject, text,
                              message.body_html)  # fmt: skip
        client.send_message(email)
        log.info("sent %s e-mail #%d", message.kind, message.id)

    def _failed(self, messages: list[Outgoing], reason: str, now: datetime) -> None:
        with immediate(self.db):
            for message in messages:
                retry_at = self.policy.next_attempt(message, now)
                outbox.mark_failed_attempt(message, reason, now, retry_at)
        count = len(messages)
        mails = plurals.choose("en", count, ["e-mail", "e-mails"])
        log.warning("could not send %d %s: %s", count, mails, reason)
