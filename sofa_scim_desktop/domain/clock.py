"""The time as the tables hold it: naive UTC, to the millisecond."""

from __future__ import annotations

import time
from datetime import datetime
from datetime import timedelta

_EPOCH = datetime(1970, 1, 1)


def utcnow() -> datetime:
    """Now, to the millisecond: what SCIM's meta shows, so `meta.created eq "…"` finds it."""
    # PERF: a fifth of `datetime.now(UTC).replace(...)`'s cost, and exact: whole milliseconds.
    return _EPOCH + timedelta(milliseconds=time.time_ns() // 1_000_000)
