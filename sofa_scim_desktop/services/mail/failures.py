"""Calls Sofa could not apply: recorded on the request path (one INSERT), reported by the
worker in batches, so that a burst of failures is one e-mail (SPEC §5).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from datetime import timedelta

from peewee import fn

from sofa_scim_desktop.services.health import figures_by_sync
from sofa_scim_desktop.services.health import health_of
from sofa_scim_desktop.services.journal import printable
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
    name = printable(user_name) if user_name is not None else None
    row = (sync_id, at, method, printable(path[:2000]), status, printable(detail[:2000]), name)
    sql.execute(_INSERT, row)


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
        lines=_lines(failures, language), warning=_quarantine_warning(sync_id, language),
    )  # fmt: skip
    recipients = administrators()
    for recipient in recipients:
        outbox.enqueue(recipient, message.subject, message.body, KIND, language)
    return len(recipients)


_QUARANTINE = {
    "en": (
        "\nWARNING: {failed} of {calls} calls in the last 24 hours failed. Entra ID puts a\n"
        "provisioning job whose calls mostly fail in quarantine and then calls far less\n"
        "often. Fix the cause above, then choose Restart provisioning in Entra ID if the\n"
        "job is already in quarantine.\n"
    ),
    "cs": (
        "\nPOZOR: v posledních 24 hodinách selhalo {failed} z {calls} volání. Entra ID\n"
        "převede úlohu zřizování, jejíž volání většinou selhávají, do karantény a pak volá\n"
        "mnohem méně často. Odstraňte příčinu uvedenou výše, a je-li úloha už v karanténě,\n"
        "zvolte v Entra ID Restartovat zřizování.\n"
    ),
}


def _quarantine_warning(sync_id: int, language: str) -> str:
    """Before Entra quarantines the job (SPEC §8.1 `failing`): say so, with what to do."""
    figures = figures_by_sync().get(sync_id)
    health = health_of(figures) if figures else None
    if health is None or health.state != "failing":
        return ""
    text = _QUARANTINE.get(language, _QUARANTINE["en"])
    return text.format(failed=health.args["failed"], calls=health.args["calls"])


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
