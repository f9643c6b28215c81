"""`call.refused` entries (SPEC §8.1), folded: at most one per synchronization, reason and
minute, whose `detail.count` grows with the repeats, so that a misconfigured or hostile client
cannot flood the transaction log.

The first refusal of a minute is written at once (the admin sees it with the call); repeats
are counted in memory and added to the entry by the next flush. An entry another server
process wrote for the same minute is found and added to, not doubled.
"""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass
from datetime import datetime

from sofa_scim_desktop.domain.call_outcome import refusal_fix
from sofa_scim_desktop.domain.call_outcome import refusal_text
from sofa_scim_desktop.storage import sql
from sofa_scim_desktop.storage import transactions
from sofa_scim_desktop.storage.database import immediate
from sofa_scim_desktop.storage.tables import database
from sofa_scim_desktop.storage.tables import utcnow
from sofa_scim_desktop.storage.transactions import REFUSALS
from sofa_scim_desktop.storage.transactions import for_update
from sofa_scim_desktop.storage.transactions import serialize

EVENT = "call.refused"


@dataclass
class _Fold:
    minute: datetime
    entry_id: int
    added: int = 0  # repeats not yet written
    last_at: datetime | None = None


class RefusalLog:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._folds: dict[tuple[int, str], _Fold] = {}

    def refused(self, sync_id: int, reason: str, method: str, path: str, agent: str) -> None:
        now = utcnow()
        minute = now.replace(second=0, microsecond=0)
        # NOTE: one lock around the first write of a minute, so that two threads refused at
        # once do not both start an entry; repeats only count in memory.
        with self._lock:
            fold = self._folds.get((sync_id, reason))
            if fold is not None and fold.minute == minute:
                fold.added += 1
                fold.last_at = now
                return
            if fold is not None and fold.added:  # the last minute's repeats, before moving on
                with immediate(database.obj):
                    _add_to_entry(fold.entry_id, fold.added, fold.last_at or fold.minute)

            def first_of_minute() -> tuple[int, bool]:
                # NOTE: the lock makes another server process refused in the same minute
                # find this entry instead of starting a second one.
                serialize(REFUSALS, sync_id)
                found, known = _entry_of_minute(sync_id, reason, minute)
                if found is None:
                    found = _write_entry(sync_id, reason, now, method, path, agent)
                return found, known

            entry_id, known = transactions.write(database.obj, first_of_minute)
            self._folds[(sync_id, reason)] = _Fold(
                minute, entry_id, int(known), now if known else None
            )

    def dirty(self) -> bool:
        return any(fold.added for fold in self._folds.values())

    def flush(self) -> None:
        """Adds the repeats to their entries; called inside the recorder's transaction."""
        with self._lock:
            pending = [f for f in self._folds.values() if f.added]
            for fold in pending:
                _add_to_entry(fold.entry_id, fold.added, fold.last_at or fold.minute)
                fold.added = 0


def _message(reason: str, count: int) -> str:
    calls = "" if count == 1 else f" ({count} calls in this minute)"
    return f"Call refused{calls}: {refusal_text(reason)}."


_FIND = "SELECT id, detail FROM log_entry WHERE sync_id = ? AND at >= ? AND event = ? ORDER BY id"


def _entry_of_minute(sync_id: int, reason: str, minute: datetime) -> tuple[int | None, bool]:
    """An entry for this minute and reason (another process's), and whether one was found."""
    for entry_id, detail in sql.rows(_FIND, (sync_id, minute, EVENT)):
        if json.loads(detail or "{}").get("reason") == reason:
            return int(entry_id), True
    return None, False


def _write_entry(
    sync_id: int, reason: str, at: datetime, method: str, path: str, agent: str
) -> int:
    detail = {
        "reason": reason,
        "count": 1,
        "method": method,
        "path": path,
        "user_agent": agent[:200],
        "first_at": at.isoformat(),
        "last_at": at.isoformat(),
        "fix": refusal_fix(reason),
    }
    return sql.insert(
        "INSERT INTO log_entry (sync_id, at, level, event, message, detail) "
        "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        (sync_id, at, logging.WARNING, EVENT, _message(reason, 1), json.dumps(detail)),
    )


def _add_to_entry(entry_id: int, added: int, last_at: datetime) -> None:
    row = sql.one(f"SELECT detail FROM log_entry WHERE id = ?{for_update()}", (entry_id,))
    if row is None:  # pruned or its synchronization deleted meanwhile
        return
    detail = json.loads(row[0] or "{}")
    detail["count"] = int(detail.get("count", 1)) + added
    detail["last_at"] = last_at.isoformat()
    sql.execute(
        "UPDATE log_entry SET detail = ?, message = ? WHERE id = ?",
        (json.dumps(detail), _message(detail["reason"], detail["count"]), entry_id),
    )
