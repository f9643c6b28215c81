"""Each synchronization's health at a glance (SPEC §8.1), from what its calls came to
(services.call_stats): one read of the synchronizations and one of the last day's hourly
counts, whatever the size of the log.

The states, worst first: `disabled`, `refused` (recent calls are refused), `failing` (recent
calls fail: Entra quarantines a job whose calls mostly fail, so Sofa warns at a quarter),
`never_called`, `silent` (called, then not for 24 h), `ok`. Each comes with a sentence that
says why and what to do; `reason` and `args` let the GUI say the same in its own language.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from datetime import timedelta
from typing import Any

from sofa_scim_desktop.domain.call_outcome import refusal_fix
from sofa_scim_desktop.domain.call_outcome import refusal_text
from sofa_scim_desktop.storage import sql
from sofa_scim_desktop.storage.tables import utcnow

STATES = ("never_called", "ok", "failing", "refused", "silent", "disabled")
DAY = timedelta(hours=24)
# Entra quarantines a job when most of its calls fail for a while; Sofa warns well before.
FAILING_SHARE = 0.25
FAILING_MINIMUM = 2
QUARANTINE_SHARE = 0.5


@dataclass(frozen=True)
class Health:
    state: str
    reason: str  # one English sentence: why, and what to do
    args: dict[str, Any] = field(default_factory=dict)  # for the GUI's own wording


@dataclass(frozen=True)
class CallFigures:
    """What one synchronization's calls came to, as stored."""

    enabled: bool
    last_call: datetime | None
    last_success: datetime | None
    last_failed: datetime | None
    last_failure: str | None
    last_refused: datetime | None
    last_refusal: str | None
    calls_24h: int = 0
    failed_24h: int = 0
    refused_24h: int = 0


def health_of(figures: CallFigures, now: datetime | None = None) -> Health:
    now = now or utcnow()
    if not figures.enabled:
        return Health(
            "disabled",
            "The synchronization is disabled: Sofa refuses Entra's calls. Enable it when "
            "Entra should provision again.",
        )
    if figures.last_call is None:
        return Health(
            "never_called",
            "Entra has not called yet: paste the Endpoint URL and the key into Entra and "
            "click Test Connection.",
        )
    return _refused(figures, now) or _failing(figures) or _silent(figures, now) or _ok(figures)


def _refused(figures: CallFigures, now: datetime) -> Health | None:
    refused_at, reason = figures.last_refused, figures.last_refusal
    if refused_at is None or reason is None or refused_at < now - DAY:
        return None
    if figures.last_success is not None and figures.last_success > refused_at:
        return None
    return Health(
        "refused",
        f"Entra's calls are refused: {refusal_text(reason)}. {refusal_fix(reason)}",
        {"refusal": reason, "refused_24h": figures.refused_24h},
    )


def _failing(figures: CallFigures) -> Health | None:
    applied = figures.calls_24h - figures.refused_24h
    failed = figures.failed_24h
    if failed < FAILING_MINIMUM or failed < FAILING_SHARE * applied:
        return None
    soon = failed >= QUARANTINE_SHARE * applied
    warning = (
        "Entra will put the job in quarantine if this goes on"
        if soon
        else "Entra quarantines a job whose calls mostly fail"
    )
    last = figures.last_failure or ""
    return Health(
        "failing",
        f"{failed} of {applied} calls in the last 24 hours failed; {warning}. Last failure: {last}",
        {"failed": failed, "calls": applied, "quarantine_soon": soon, "last_failure": last},
    )


def _silent(figures: CallFigures, now: datetime) -> Health | None:
    assert figures.last_call is not None
    if figures.last_call >= now - DAY:
        return None
    hours = int((now - figures.last_call).total_seconds() // 3600)
    return Health(
        "silent",
        f"Entra has not called for {hours} hours (it calls about every 40 minutes): check in "
        "Entra that provisioning is on and not in quarantine.",
        {"hours": hours},
    )


def _ok(figures: CallFigures) -> Health:
    if figures.failed_24h:
        return Health(
            "ok",
            f"Entra's calls are answered; {figures.failed_24h} failed in the last 24 hours "
            "(see the log).",
            {"failed": figures.failed_24h},
        )
    return Health("ok", "Entra's calls are answered.")


# --- Reading the figures ---------------------------------------------------------------------

_SYNCS = """
SELECT id, enabled, last_call_at, last_success_at, last_failed_at, last_failure,
       last_refused_at, last_refusal FROM synchronization"""
_LAST_DAY = """
SELECT sync_id, SUM(calls), SUM(failed), SUM(refused) FROM call_count
WHERE hour >= ? GROUP BY sync_id"""


def figures_by_sync(now: datetime | None = None) -> dict[int, CallFigures]:
    """Every synchronization's figures, in two queries (the list polls this every 2 s)."""
    since = (now or utcnow()) - DAY
    day = {
        sync_id: (int(c), int(f), int(r))
        for sync_id, c, f, r in sql.rows(
            _LAST_DAY, (since.replace(minute=0, second=0, microsecond=0),)
        )
    }
    found = {}
    for sync_id, enabled, *times in sql.rows(_SYNCS):
        call, success, failed, failure, refused, refusal = times
        found[sync_id] = CallFigures(
            bool(enabled), _at(call), _at(success), _at(failed), failure, _at(refused), refusal,
            *day.get(sync_id, (0, 0, 0)),
        )  # fmt: skip
    return found


def _at(value: Any) -> datetime | None:
    return None if value is None else sql.timestamp(value)


def prune_counts(keep: timedelta = timedelta(days=8)) -> int:
    """Hourly counts older than a week are no use to anyone (the support bundle reads 7 days)."""
    cursor = sql.execute("DELETE FROM call_count WHERE hour < ?", (utcnow() - keep,))
    return int(cursor.rowcount or 0)
