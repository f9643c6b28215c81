"""Warnings beyond the manual: a synchronization's key expires within 14 days, or Entra has
stopped calling an enabled synchronization for 24 hours. To the same people as failures, for
synchronizations that ask for failure e-mails, at most once a day each.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from datetime import timedelta

from sofa_scim_desktop.services.mail import outbox
from sofa_scim_desktop.services.mail import templates
from sofa_scim_desktop.services.mail.recipients import administrators
from sofa_scim_desktop.storage.tables import AccessKey
from sofa_scim_desktop.storage.tables import MailNotice
from sofa_scim_desktop.storage.tables import Synchronization

KEY_EXPIRY = "key_expiry"
IDLE = "idle"


@dataclass(frozen=True)
class Watch:
    key_warning: timedelta = timedelta(days=14)
    idle_after: timedelta = timedelta(hours=24)
    repeat_after: timedelta = timedelta(days=1)


def check(now: datetime, watch: Watch) -> int:
    """Queues the warnings due; returns how many messages. Call inside a write transaction."""
    queued = 0
    syncs = Synchronization.select().where(
        Synchronization.enabled & Synchronization.notify_failures
    )
    for sync in syncs:
        key = AccessKey.get_or_none(AccessKey.sync == sync.id)
        expires = key.expires_at if key else None
        if expires is not None and now < expires <= now + watch.key_warning:
            days = -(-(expires - now) // timedelta(days=1))  # days begun count
            values = {"expires_on": expires.strftime("%Y-%m-%d"), "days": days}
            queued += _warn(sync, KEY_EXPIRY, now, watch, values)
        last = sync.last_call_at
        if last is not None and now - last >= watch.idle_after:
            queued += _warn(sync, IDLE, now, watch, {"last_call": last.strftime("%Y-%m-%d %H:%M")})
    return queued


def _warn(
    sync: Synchronization, kind: str, now: datetime, watch: Watch, values: dict[str, object]
) -> int:
    key = f"{kind}:{sync.id}"
    notice = MailNotice.get_or_none(MailNotice.key == key)
    if notice is not None and now - notice.sent_at < watch.repeat_after:
        return 0
    MailNotice.insert(key=key, sent_at=now).on_conflict(
        conflict_target=[MailNotice.key], update={MailNotice.sent_at: now}
    ).execute()
    language = templates.setting_language()
    message = templates.render(
        kind, language, sync_name=sync.name, sync_identifier=sync.identifier, **values
    )
    recipients = administrators()
    for recipient in recipients:
        outbox.enqueue(recipient, message.subject, message.body, kind, language)
    return len(recipients)
