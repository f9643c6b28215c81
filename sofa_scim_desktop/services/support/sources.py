"""Where the bundle reads each synchronization's health and the server's status from: the
same services as `sync list --json` and `sofa-scim status`, so that the bundle says the same.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sofa_scim_desktop.services import status as server_status
from sofa_scim_desktop.services.synchronizations import overview


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") + "Z" if moment else None


def health_by_identifier(public_base_url: str) -> dict[str, dict[str, Any]]:
    """SPEC §8.1's health fields of each synchronization, by identifier."""
    return {
        s.identifier: {
            "health": s.health.state,
            "health_reason": s.health.reason,
            "endpoint_url": f"{public_base_url}/scim/v2/{s.identifier}",
            "last_call": _iso(s.last_call_at),
            "last_success": _iso(s.figures.last_success),
            "calls_24h": s.figures.calls_24h,
            "failed_24h": s.figures.failed_24h,
            "refused_24h": s.figures.refused_24h,
        }
        for s in overview()
    }


def status() -> dict[str, Any]:
    """What `sofa-scim status --json` says."""
    return server_status.snapshot()
