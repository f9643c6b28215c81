"""How far the admin has come in connecting Entra to one synchronization, from what Sofa has
seen (the manual's "Provisioning a connection" steps, for the GUI's Connect Entra checklist):
a key to paste, a call that carried it (Entra's "Test connection" is a GET /Users?filter=…),
the first user and the first group provisioned, and the last provisioning cycle (a recent
success with something provisioned: a Test connection alone is no cycle).

One query of the synchronization's own row, its key and two indexed look-ups (EXISTS, COUNT
over the groups): cheap enough for the list's 2 s poll.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from datetime import timedelta

from sofa_scim_desktop.domain.errors import QT_TRANSLATE_NOOP
from sofa_scim_desktop.domain.errors import NotFound
from sofa_scim_desktop.storage import sql
from sofa_scim_desktop.storage.tables import utcnow

# Entra provisions about every 40 minutes: a success within a day means the cycles run.
CYCLE_RECENT = timedelta(hours=24)

_PROGRESS = """
SELECT s.last_call_at, s.last_success_at, s.last_failed_at, s.scim_user_count,
       k.created_at, k.expires_at,
       (SELECT COUNT(*) FROM scim_group g WHERE g.sync_id = s.id)
FROM synchronization s LEFT JOIN access_key k ON k.sync_id = s.id
WHERE s.identifier = ?"""


@dataclass(frozen=True)
class EntraProgress:
    key_created_at: datetime | None
    key_expires_at: datetime | None
    last_call_at: datetime | None  # any call, refused ones too
    last_authenticated_at: datetime | None  # the last call that carried a valid key
    last_success_at: datetime | None
    users: int  # provisioned by this synchronization and not deleted
    groups: int

    def key_valid(self, now: datetime | None = None) -> bool:
        """Step 1: there is a key to paste into Secret Token (and it has not expired)."""
        return self.key_expires_at is not None and self.key_expires_at > (now or utcnow())

    @property
    def test_connection_seen(self) -> bool:
        """Step 2: an authenticated call arrived; Entra's Test connection is one."""
        return self.last_authenticated_at is not None

    @property
    def user_provisioned(self) -> bool:
        return self.users > 0

    @property
    def group_provisioned(self) -> bool:
        return self.groups > 0

    def success_recent(self, now: datetime | None = None) -> bool:
        """A call succeeded within the last day (a Test connection is one)."""
        success = self.last_success_at
        return success is not None and success >= (now or utcnow()) - CYCLE_RECENT

    @property
    def provisioned(self) -> bool:
        """Sofa holds users or groups that Entra provisioned."""
        return self.user_provisioned or self.group_provisioned

    def cycles_running(self, now: datetime | None = None) -> bool:
        """Step 5: provisioning cycles succeed (one within the last day). A Test connection
        alone (a lookup) is no cycle, and a cycle with nothing assigned makes no calls: so
        the success must come with something provisioned.
        """
        return self.success_recent(now) and self.provisioned


def entra_progress(identifier: str) -> EntraProgress:
    """What Sofa has seen of synchronization `identifier`; NotFound if it does not exist."""
    row = sql.one(_PROGRESS, (identifier,))
    if row is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("Errors", "No synchronization with the identifier '{identifier}'."),
            identifier=identifier,
        )
    call, success, failed, users, key_created, key_expires, groups = row
    success_at, failed_at = _at(success), _at(failed)
    # A failed call passed the key check (refusals are counted apart): it is authenticated.
    authenticated = max((t for t in (success_at, failed_at) if t is not None), default=None)
    return EntraProgress(
        key_created_at=_at(key_created),
        key_expires_at=_at(key_expires),
        last_call_at=_at(call),
        last_authenticated_at=authenticated,
        last_success_at=success_at,
        users=int(users or 0),
        groups=int(groups or 0),
    )


def _at(value: object) -> datetime | None:
    return None if value is None else sql.timestamp(value)
