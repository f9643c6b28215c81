"""`sofa-scim status`: the server's state as the database shows it (SPEC §8.1): the schema,
each synchronization's health, the outbox, and calls to identifiers that do not exist.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sofa_scim_desktop import __version__
from sofa_scim_desktop.services.synchronizations import SyncSummary
from sofa_scim_desktop.services.synchronizations import overview
from sofa_scim_desktop.storage import sql

RECENT_UNKNOWN = 10


def snapshot() -> dict[str, Any]:
    return {
        "version": __version__,
        "schema_version": schema_version(),
        "synchronizations": [_sync(s) for s in overview()],
        "outbox": dict(sql.rows("SELECT state, COUNT(*) FROM mail_message GROUP BY state")),
        **unknown_identifier_calls(),
    }


def schema_version() -> int:
    """The number of the newest applied migration (`0004_call_health` is 4)."""
    names = sql.column("SELECT name FROM schema_migration")
    return max((int(n.split("_", 1)[0]) for n in names), default=0)


def unknown_identifier_calls() -> dict[str, Any]:
    total = sql.one("SELECT COALESCE(SUM(calls), 0) FROM unknown_identifier_call")
    recent = sql.rows(
        "SELECT identifier, calls, last_at FROM unknown_identifier_call "
        "ORDER BY last_at DESC LIMIT ?",
        (RECENT_UNKNOWN,),
    )
    return {
        "unknown_identifier_calls": int(total[0]) if total else 0,
        "unknown_identifiers": [
            {"identifier": i, "calls": c, "last_at": _iso(sql.timestamp(at))} for i, c, at in recent
        ],
    }


def _sync(summary: SyncSummary) -> dict[str, Any]:
    figures = summary.figures
    return {
        "identifier": summary.identifier,
        "name": summary.name,
        "health": summary.health.state,
        "health_reason": summary.health.reason,
        "last_call": _iso(summary.last_call_at),
        "last_success": _iso(figures.last_success),
        "calls_24h": figures.calls_24h,
        "failed_24h": figures.failed_24h,
        "refused_24h": figures.refused_24h,
        "key_expires_at": _iso(summary.key_expires_at),
    }


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat(timespec="seconds") + "Z"
