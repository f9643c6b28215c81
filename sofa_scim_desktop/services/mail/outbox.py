"""The outbox (SPEC §5): every message is stored before it is sent, and nothing is lost."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from datetime import timedelta

from sofa_scim_desktop.storage import sql
from sofa_scim_desktop.storage.tables import MailMessage
from sofa_scim_desktop.storage.tables import PasswordToken
from sofa_scim_desktop.storage.tables import utcnow

QUEUED = "queued"
SENT = "sent"
FAILED = "failed"


@dataclass(frozen=True)
class OutboxEntry:
    """A message as the GUI and `mail outbox` show it."""

    id: int
    to: str
    subject: str
    kind: str
    state: str
    attempts: int
    last_error: str | None
    created_at: datetime
    sent_at: datetime | None
    next_attempt_at: datetime


@dataclass(frozen=True)
class Outgoing:
    """A message the worker is about to send."""

    id: int
    recipient: str
    subject: str
    body_text: str
    body_html: str | None
    kind: str
    language: str
    user_id: int | None
    created_at: datetime
    attempts: int
    next_attempt_at: datetime


# PERF: run inside provisioning's transaction: one statement, no Peewee query building.
_INSERT = (
    "INSERT INTO mail_message (recipient, subject, body_text, body_html, kind, language, "
    "user_id, created_at, state, attempts, next_attempt_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"
)


def enqueue(
    recipient: str,
    subject: str,
    body_text: str,
    kind: str,
    language: str,
    user_id: int | None = None,
    body_html: str | None = None,
) -> int:
    """Stores a message to send; call inside a write transaction (storage.database.immediate)."""
    now = utcnow()
    params = (recipient, subject, body_text, body_html, kind, language, user_id, now, QUEUED, 0)
    return sql.insert(_INSERT, (*params, now))


def _entry(m: MailMessage) -> OutboxEntry:
    return OutboxEntry(
        m.id, m.recipient, m.subject, m.kind, m.state, m.attempts, m.last_error,
        m.created_at, m.sent_at, m.next_attempt_at,
    )  # fmt: skip


def entries(limit: int = 500) -> list[OutboxEntry]:
    """Newest first."""
    return [_entry(m) for m in MailMessage.select().order_by(MailMessage.id.desc()).limit(limit)]


def entry(message_id: int) -> OutboxEntry | None:
    row = MailMessage.get_or_none(MailMessage.id == message_id)
    return _entry(row) if row else None


def due(now: datetime, limit: int = 50) -> list[Outgoing]:
    query = (
        MailMessage.select()
        .where((MailMessage.state == QUEUED) & (MailMessage.next_attempt_at <= now))
        .order_by(MailMessage.next_attempt_at, MailMessage.id)
        .limit(limit)
    )
    return [
        Outgoing(
            m.id, m.recipient, m.subject, m.body_text, m.body_html, m.kind, m.language,
            m.user_id, m.created_at, m.attempts, m.next_attempt_at,
        )
        for m in query
    ]  # fmt: skip


def claim(message: Outgoing, due_at: datetime, until: datetime) -> bool:
    """Takes the message for one attempt; False when another worker (the GUI and `serve` on
    one database) took it first.
    """
    taken = (
        MailMessage.update(next_attempt_at=until)
        .where(
            (MailMessage.id == message.id)
            & (MailMessage.state == QUEUED)
            & (MailMessage.next_attempt_at == due_at)
        )
        .execute()
    )
    return bool(taken)


def mark_sent(message_id: int, now: datetime) -> None:
    MailMessage.update(
        state=SENT, sent_at=now, attempts=MailMessage.attempts + 1, last_error=None
    ).where(MailMessage.id == message_id).execute()


def mark_failed_attempt(
    message: Outgoing, error: str, now: datetime, retry_at: datetime | None
) -> None:
    """`retry_at` None: given up for good."""
    MailMessage.update(
        attempts=message.attempts + 1,
        last_error=error[:1000],
        state=QUEUED if retry_at else FAILED,
        next_attempt_at=retry_at or now,
    ).where(MailMessage.id == message.id).execute()


def note_waiting(reason: str) -> None:
    """Tells the admin why queued mail waits (no SMTP server), without counting an attempt."""
    MailMessage.update(last_error=reason).where(
        (MailMessage.state == QUEUED) & (MailMessage.attempts == 0)
        & (MailMessage.last_error.is_null())
    ).execute()  # fmt: skip


def prune(before: datetime) -> int:
    """Sent and failed messages older than `before` go, with links that can no longer be used."""
    deleted: int = (
        MailMessage.delete()
        .where((MailMessage.state != QUEUED) & (MailMessage.created_at < before))
        .execute()
    )
    PasswordToken.delete().where(PasswordToken.expires_at < before).execute()
    return deleted


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential back-off: 1 min doubling to 1 h; given up ~2 days after it was queued."""

    first: timedelta = timedelta(minutes=1)
    longest: timedelta = timedelta(hours=1)
    give_up_after: timedelta = timedelta(days=2)

    def next_attempt(self, message: Outgoing, now: datetime) -> datetime | None:
        if now - message.created_at >= self.give_up_after:
            return None
        delay = min(self.first * (2 ** min(message.attempts, 20)), self.longest)
        return now + delay
