"""The time as the tables hold it: naive UTC, to the millisecond."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime


def utcnow() -> datetime:
    """Now, to the millisecond: what SCIM's meta shows, so `meta.created eq "…"` finds it."""
    now = datetime.now(UTC)
    return now.replace(tzinfo=None, microsecond=now.microsecond // 1000 * 1000)
