"""Ending what kept an old Entra configuration working (SPEC §8.3): the alias of a renamed
synchronization at the first authenticated call on its new URL, and the replaced key's grace
at the first authenticated call with the new key. Each is one conditional write, done once:
afterwards the call's own read no longer finds anything to end.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from sofa_scim_desktop.services.journal import Journal
from sofa_scim_desktop.services.journal import SyncRef
from sofa_scim_desktop.storage import sql
from sofa_scim_desktop.storage import transactions
from sofa_scim_desktop.storage.tables import database
from sofa_scim_desktop.storage.tables import utcnow
from sofa_scim_desktop.storage.transactions import one_line

log = logging.getLogger("sofa.scim")

_END_ALIASES = """
UPDATE sync_alias SET ended_at = ? WHERE sync_id = ? AND ended_at IS NULL
RETURNING identifier"""

_END_GRACE = """
UPDATE access_key SET previous_valid_until = ? WHERE sync_id = ? AND previous_valid_until > ?"""


def end_aliases(sync: SyncRef, identifier: str) -> None:
    """Entra called `identifier`, the new one: the old Tenant URLs stop working."""

    def ended() -> None:
        old = sql.column(_END_ALIASES, (utcnow(), sync.id))
        if old:
            Journal(sync).info(
                "sync.alias_ended",
                f"Entra called the new Tenant URL ({identifier}); the old identifier "
                f"{', '.join(old)} no longer works.",
                {"identifier": identifier, "aliases": old},
            )

    _write(ended, "end the old identifier")


def end_grace(sync: SyncRef) -> None:
    """Entra called with the new key: the replaced one is refused from now on."""

    def ended() -> None:
        now = utcnow()
        if sql.execute(_END_GRACE, (now, sync.id, now)).rowcount:
            Journal(sync).info(
                "key.previous_ended",
                "Entra called with the new access key; the previous key no longer works.",
            )

    _write(ended, "end the previous key")


def _write(work: Callable[[], None], what: str) -> None:
    try:
        transactions.write(database.obj, work)
    except Exception as error:  # the call itself is fine; the next one tries again.
        log.warning("could not %s: %s", what, one_line(error))
