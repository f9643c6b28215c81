"""Where the bundle reads each synchronization's health and the server's status from: one
function each, so that the bundle follows `sync list --json` and `sofa-scim status`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sofa_scim_desktop.services.synchronizations import SyncSummary
from sofa_scim_desktop.services.synchronizations import overview
from sofa_scim_desktop.storage.tables import MailMessage


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") + "Z" if moment else None


def health_by_identifier() -> dict[str, dict[str, Any]]:
    """SPEC §8.1's health fields of each synchronization, by identifier.

    # TODO(issue 9): read services.health once it is on main; until then what
    # synchronizations.overview() knows.
    """
    return {summary.identifier: _summary(summary) for summary in overview()}


def _summary(summary: SyncSummary) -> dict[str, Any]:
    return {
        "enabled": summary.enabled,
        "last_call": _iso(summary.last_call_at),
        "key_expires_at": _iso(summary.key_expires_at),
        "users": summary.users,
    }


def status() -> dict[str, Any]:
    """What `sofa-scim status --json` says.

    # TODO(issue 9): services.status.snapshot() once it is on main.
    """
    counts = MailMessage.select(MailMessage.state).tuples()
    outbox: dict[str, int] = {}
    for (state,) in counts:
        outbox[state] = outbox.get(state, 0) + 1
    return {
        "synchronizations": [{"identifier": s.identifier, **_summary(s)} for s in overview()],
        "outbox": outbox,
    }
