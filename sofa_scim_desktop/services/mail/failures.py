"""Calls Sofa could not apply: recorded on the request path (one INSERT), reported by the
worker in batches, so that a burst of failures is one e-mail (SPEC §5).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from datetime import timedelta

from peewee import fn

from sofa_scim_desktop.services.mail import outbox
from sofa_scim_desktop.services.mail import templates
from sofa_scim_desktop.services.mail.recipients import administrators
from sofa_scim_desktop.storage import sql
from sofa_scim_desktop.storage.tables import CallFailure
from sofa_scim_desktop.storage.tables import MailNotice
from sofa_scim_desktop.storage.tables import ScimUser
from sofa_scim_desktop.storage.tables import Synchronization

KIND = "failures"
_USER_PATH = re.compile(r"/Users/([^/?]+)")
LISTED = 20  # failures listed in one message; the count says how many there were.

_INSERT = (
    "INSERT INTO call_failure (sync_id, at, method, path, status, detail, user_name) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)"
)


def record(
    sync_id: int, at: datetime, method: str, path: str, status: int, detail: str,
    user_name: str | None,
) -> None:  # fmt: skip
    """On the request path: call inside a write transaction."""
    sql.execute(_INSERT, (sync_id, at, method, path[:2000], status, detail[:2000], user_name))


@dataclass(frozen=True)
class Batching:
    """The first failure waits `gather` for others; later ones at most one message a `window`."""

    gather: timedelta = timedelta(seconds=30)
    window: timedelta = timedelta(hours=1)


def compose_due(now: datetime, batching: Batching) -> int:
    """Turns the failures whose time has come into messages; returns how many were queued.
    Call inside a write transaction.
    """
    queued = 0
    pending = (
        CallFailure.select(CallFailure.sync_id, fn.MIN(CallFailure.at))
        .group_by(CallFailure.sync_id)
        .tuples()
    )
    for sync_id, first_at in list(pending):
        first = sql.timestamp(first_at)
        notice = MailNotice.get_or_none(MailNotice.key == f"{KIND}:{sync_id}")
        due_at = first + batching.gather
        if notice is not None:
            due_at = max(due_at, notice.sent_at + batching.window)
        if now >= due_at:
            queued += _compose(sync_id, now)
    return queued


def _compose(sync_id: int, now: datetime) -> int:
    failures = list(
        CallFailure.select().where(CallFailure.sync_id == sync_id).order_by(CallFailure.id)
    )
    CallFailure.delete().where(CallFailure.id.in_([f.id for f in failures])).execute()
    sync = Synchronization.get_or_none(Synchronization.id == sync_id)
    if sync is None or not sync.notify_failures or not failures:
        return 0
    MailNotice.insert(key=f"{KIND}:{sync_id}", sent_at=now).on_conflict(
        conflict_target=[MailNotice.key], update={MailNotice.sent_at: now}
    ).execute()
    language = templates.setting_language()
    message = templates.render(
        KIND, language, sync_name=sync.name, sync_identifier=sync.identifier,
        count=len(failures), first_at=_minute(failures[0].at), last_at=_minute(failures[-1].at),
        lines=_lines(failures, language),
    )  # fmt: skip
    recipients = administrators()
    for recipient in recipients:
        outbox.enqueue(recipient, message.subject, message.body, KIND, language)
    return len(recipients)


def _minute(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def _user_named_in(path: str) -> str | None:
    """The userName of `…/Users/{id}` when that user still exists (resolved here, not on the
    request path, where a failed call is only one INSERT).
    """
    match = _USER_PATH.search(path)
    if match is None:
        return None
    row = ScimUser.get_or_none(ScimUser.scim_id == match.group(1))
    return row.user_name if row else None


def _lines(failures: list[CallFailure], language: str) -> str:
    user = "uživatel" if language == "cs" else "user"
    lines = []
    for f in failures[:LISTED]:
        name = f.user_name or _user_named_in(f.path)
        who = f" ({user} {name})" if name else ""
        lines.append(f"- {_minute(f.at)}  {f.method} {f.path} → {f.status}{who}: {f.detail}")
    if len(failures) > LISTED:
        more = "a dalších" if language == "cs" else "and"
        tail = "" if language == "cs" else " more"
        lines.append(f"- … {more} {len(failures) - LISTED}{tail}")
    return "\n".join(lines)
