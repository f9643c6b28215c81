"""What each synchronization's calls come to (SPEC §8.1): last call, last success, and calls,
failures and refusals per hour, counted in memory and written in one short transaction every
few seconds, so that a lookup costs no write of its own.

A change of outcome (the first refusal after successes, say) is written at once: the list the
admin watches turns red with the call that broke, not five seconds later. Writes add to what
is stored, so several server processes on one database count together.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from dataclasses import dataclass
from dataclasses import field
from datetime import UTC
from datetime import datetime

from sofa_scim_desktop.domain.call_outcome import FAILED
from sofa_scim_desktop.domain.call_outcome import OK
from sofa_scim_desktop.domain.call_outcome import REFUSED
from sofa_scim_desktop.services.refusals import RefusalLog
from sofa_scim_desktop.storage import sql
from sofa_scim_desktop.storage import transactions
from sofa_scim_desktop.storage.tables import database
from sofa_scim_desktop.storage.transactions import one_line

log = logging.getLogger("sofa.scim")
MAX_UNKNOWN_PER_FLUSH = 50
UNKNOWN_QUEUE = 10_000  # calls to unknown identifiers kept between two flushes
IDENTIFIER_CHARS = 64


@dataclass
class _Tally:
    """One synchronization's calls since the last write."""

    hours: dict[datetime, list[int]] = field(default_factory=dict)  # [calls, failed, refused]
    last: dict[str, datetime] = field(default_factory=dict)  # column -> time
    failure: str | None = None
    refusal: str | None = None

    def add(self, at: datetime, outcome: str, why: str | None) -> None:
        counts = self.hours.setdefault(at.replace(minute=0, second=0, microsecond=0), [0, 0, 0])
        counts[0] += 1
        self.last["last_call_at"] = at
        if outcome == OK:
            self.last["last_success_at"] = at
        elif outcome == FAILED:
            counts[1] += 1
            self.last["last_failed_at"], self.failure = at, why
        else:
            counts[2] += 1
            self.last["last_refused_at"], self.refusal = at, why


class CallRecorder:
    """Counts calls per synchronization; `interval` 0 writes every call at once (tests).

    # PERF: a call only appends to a deque (atomic, no lock: four workers contending for one
    cost more than the counting) with the time as a float; the flush turns them into rows.
    """

    def __init__(self, interval: float = 5.0) -> None:
        self.interval = interval
        self.refusals = RefusalLog()
        self._calls: deque[tuple[int, str, str | None, float]] = deque()
        self._unknown: deque[tuple[str, float]] = deque(maxlen=UNKNOWN_QUEUE)
        self._written_outcome: dict[int, str] = {}
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def call(self, sync_id: int, outcome: str, why: str | None = None) -> None:
        """`why`: the failure's sentence, or the refusal's reason code."""
        self._calls.append((sync_id, outcome, why, time.time()))
        urgent = self._written_outcome.get(sync_id) != outcome
        if urgent:
            self._written_outcome[sync_id] = outcome
        if urgent or self.interval <= 0:
            self.flush()

    def refused(
        self, sync_id: int, reason: str, method: str, path: str, agent: str, counted: bool = True
    ) -> None:
        """Logged (folded); `counted` False leaves it out of the health figures."""
        self.refusals.refused(sync_id, reason, method, path, agent)
        if counted:
            self.call(sync_id, REFUSED, reason)

    def unknown_identifier(self, identifier: str) -> None:
        # NOTE: PostgreSQL text cannot hold NUL; a URL's %00 is shown as U+FFFD instead.
        shown = identifier[:IDENTIFIER_CHARS].replace("\x00", "\ufffd")
        self._unknown.append((shown, time.time()))
        if self.interval <= 0:
            self.flush()

    # --- Writing ------------------------------------------------------------------------

    def flush(self) -> None:
        tallies = self._drain_calls()
        unknown = self._drain_unknown()
        if not (tallies or unknown or self.refusals.dirty()):
            return

        def counted() -> None:
            # NOTE: rows in one order (synchronization, hour; identifier) in every process,
            # so that two servers flushing at once wait for each other instead of deadlocking.
            for sync_id in sorted(tallies):
                _write_tally(sync_id, tallies[sync_id])
            for identifier in sorted(unknown):
                calls, last_at = unknown[identifier]
                sql.execute(_UNKNOWN, (identifier, calls, last_at))
            if unknown:
                sql.execute(_KEEP_RECENT_UNKNOWN)

        try:
            transactions.write(database.obj, counted)
            if self.refusals.dirty():
                transactions.write(database.obj, self.refusals.flush)
        except Exception as error:  # counting must never fail a call; the next flush retries.
            log.warning("could not write the call counts: %s", one_line(error))

    def _drain_calls(self) -> dict[int, _Tally]:
        tallies: dict[int, _Tally] = {}
        calls = self._calls
        for _ in range(len(calls)):
            sync_id, outcome, why, at = calls.popleft()
            tallies.setdefault(sync_id, _Tally()).add(_utc(at), outcome, why)
        return tallies

    def _drain_unknown(self) -> dict[str, tuple[int, datetime]]:
        """Counted per identifier, at most MAX_UNKNOWN_PER_FLUSH of them (a client trying
        random identifiers must not grow the table or the memory).
        """
        found: dict[str, tuple[int, datetime]] = {}
        queue = self._unknown
        for _ in range(len(queue)):
            identifier, at = queue.popleft()
            calls, _ = found.get(identifier, (0, None))
            if calls or len(found) < MAX_UNKNOWN_PER_FLUSH:
                found[identifier] = (calls + 1, _utc(at))
        return found

    def start(self) -> None:
        """Writes what is pending every `interval` seconds from a thread of its own."""
        if self.interval > 0 and self._thread is None:
            self._thread = threading.Thread(target=self._run, name="call-stats", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        self.flush()

    def _run(self) -> None:
        try:
            while not self._stop.wait(self.interval):
                self.flush()
        finally:
            database.obj.close()  # this thread's own connection.


_COUNT = """
INSERT INTO call_count (sync_id, hour, calls, failed, refused) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (sync_id, hour) DO UPDATE SET calls = call_count.calls + excluded.calls,
  failed = call_count.failed + excluded.failed, refused = call_count.refused + excluded.refused"""

_UNKNOWN = """
INSERT INTO unknown_identifier_call (identifier, calls, last_at) VALUES (?, ?, ?)
ON CONFLICT (identifier) DO UPDATE SET calls = unknown_identifier_call.calls + excluded.calls,
  last_at = excluded.last_at"""

_KEEP_RECENT_UNKNOWN = """
DELETE FROM unknown_identifier_call WHERE identifier NOT IN
  (SELECT identifier FROM unknown_identifier_call ORDER BY last_at DESC LIMIT 200)"""


def _utc(moment: float) -> datetime:
    """A `time.time()` as the naive UTC datetime the tables hold, to the microsecond: a
    success within the same millisecond as the refusal before it must still read as later.
    """
    return datetime.fromtimestamp(moment, UTC).replace(tzinfo=None)


def _write_tally(sync_id: int, tally: _Tally) -> None:
    for hour, (calls, failed, refused) in sorted(tally.hours.items()):
        sql.execute(_COUNT, (sync_id, hour, calls, failed, refused))
    # Only ever forward: another process may have written a later call already.
    sets = [f"{c} = CASE WHEN {c} IS NULL OR {c} < ? THEN ? ELSE {c} END" for c in tally.last]
    params: list[object] = [v for at in tally.last.values() for v in (at, at)]
    if tally.failure is not None:
        sets.append("last_failure = ?")
        params.append(tally.failure)
    if tally.refusal is not None:
        sets.append("last_refusal = ?")
        params.append(tally.refusal)
    sql.execute(f"UPDATE synchronization SET {', '.join(sets)} WHERE id = ?", (*params, sync_id))
