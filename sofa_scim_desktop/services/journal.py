"""The transaction log of each synchronization (SPEC §6): entries below the synchronization's
logging level are not written; keys and passwords never reach it.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from datetime import timedelta
from functools import lru_cache
from typing import Any
from typing import Protocol

import orjson
from peewee import fn

from sofa_scim_desktop.storage import sql
from sofa_scim_desktop.storage.database import immediate
from sofa_scim_desktop.storage.database import is_postgresql
from sofa_scim_desktop.storage.tables import LogEntry
from sofa_scim_desktop.storage.tables import Synchronization
from sofa_scim_desktop.storage.tables import database
from sofa_scim_desktop.storage.tables import utcnow

LEVELS = {"debug": logging.DEBUG, "information": logging.INFO, "warning": logging.WARNING}
LEVEL_NAMES = {
    logging.DEBUG: "debug",
    logging.INFO: "information",
    logging.WARNING: "warning",
    logging.ERROR: "error",
    logging.CRITICAL: "critical",
}
_SECRET_WORDS = ("password", "secret", "token", "authorization", "key")
_SECRET_KEYS = re.compile("|".join(_SECRET_WORDS), re.IGNORECASE)
REDACTED = "[redacted]"


@lru_cache(maxsize=1024)
def _is_secret(key: str) -> bool:
    return _SECRET_KEYS.search(key) is not None  # PERF: the same few keys, every write


def redact(value: Any) -> Any:
    """A copy of a JSON value with every secret-looking member replaced, and the value of a
    PATCH operation whose path names a secret (`"path": "password"`).
    """
    if isinstance(value, dict):
        path = value.get("path")
        secret_value = isinstance(path, str) and _is_secret(path)
        return {
            k: REDACTED if _is_secret(str(k)) or (secret_value and k == "value") else redact(v)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [redact(v) for v in value]
    return value


def redacted_json(value: Any) -> str:
    """The JSON text of a detail, secrets redacted. PERF: a key can only name a secret when
    the text holds one of the words, which most writes' details do not: those are serialised
    once and not walked.
    """
    text = orjson.dumps(value, default=str).decode()
    lowered = text.lower()  # NOTE: a regex over the whole text cost more than the walk
    if not any(word in lowered for word in _SECRET_WORDS):
        return text
    return orjson.dumps(redact(value), default=str).decode()


class SyncRef(Protocol):
    """A synchronization as the server's services need it: a table row or a CalledSync."""

    @property
    def id(self) -> int: ...

    @property
    def log_level(self) -> str: ...

    @property
    def welcome_email(self) -> bool: ...

    @property
    def password_link(self) -> bool: ...


_INSERT = (
    "INSERT INTO log_entry (sync_id, at, level, event, message, detail) VALUES (?, ?, ?, ?, ?, ?)"
)


class Journal:
    """Writes log entries for one synchronization, at or above its logging level.

    One journal serves one call: it also keeps what the call did (`applied`: the entries of
    Sofa changes) and the operations as Sofa understood them (`understood`), for the call's
    Debug entry, which shows them beside the request as Entra sent it.
    """

    def __init__(self, sync: SyncRef) -> None:
        self.sync_id = sync.id
        self.threshold = LEVELS.get(sync.log_level, logging.INFO)
        self.applied: list[dict[str, Any]] = []
        self.understood: Any = None

    def enabled_for(self, level: int) -> bool:
        return level >= self.threshold

    def record(self, level: int, event: str, message: str, detail: Any = None) -> None:
        if not self.enabled_for(level):
            return
        text = None if detail is None else redacted_json(detail)
        row = (self.sync_id, utcnow(), level, event, message, text)
        if database.obj.in_transaction():  # PERF: a write's entry joins its transaction as is
            sql.execute(_INSERT, row)
        else:
            with immediate(database.obj):
                sql.execute(_INSERT, row)
        if level == logging.INFO:
            self.applied.append({"event": event, "message": message, "detail": detail})

    def understand(self, described: Callable[[], Any]) -> None:
        """Keeps the request as Sofa understood it, for the Debug entry; PERF: only computed
        when the synchronization logs at Debug.
        """
        if self.enabled_for(logging.DEBUG):
            self.understood = described()

    def info(self, event: str, message: str, detail: Any = None) -> None:
        self.record(logging.INFO, event, message, detail)


def prune(retention_days: int) -> int:
    """Deletes entries older than the retention period."""
    cutoff = utcnow() - timedelta(days=retention_days)
    deleted = 0
    for (sync_id,) in Synchronization.select(Synchronization.id).tuples():  # (sync, at) index
        deleted += (
            LogEntry.delete().where((LogEntry.sync == sync_id) & (LogEntry.at < cutoff)).execute()
        )
    return deleted


# --- Reading the log (the desktop app's "Display the logs"; additive) ------------------------


@dataclass(frozen=True)
class LogRecord:
    id: int
    at: datetime
    level: int
    event: str
    message: str
    detail: str | None

    @property
    def level_name(self) -> str:
        return LEVEL_NAMES.get(self.level, str(self.level))

    def detail_pretty(self) -> str:
        """The detail JSON indented for reading; text that is not JSON as it is."""
        if not self.detail:
            return ""
        try:
            return json.dumps(json.loads(self.detail), ensure_ascii=False, indent=2)
        except ValueError:
            return self.detail


def read(
    sync_id: int,
    min_level: int = 0,
    text: str = "",
    limit: int = 2000,
    also: tuple[str, ...] = (),
) -> list[LogRecord]:
    """Newest first: the entries at `min_level` or above, and those of the events `also` at any
    level; `text` matches the message or the event, whatever the case.
    """
    shown = LogEntry.level >= min_level
    if also:
        shown = shown | LogEntry.event.in_(also)
    query = LogEntry.select().where(LogEntry.sync == sync_id, shown)
    needle = text.strip().lower()
    if needle:
        # NOTE: a position search, not LIKE: "_" and "%" typed by the admin are not wildcards.
        find = fn.strpos if is_postgresql(LogEntry._meta.database) else fn.instr
        query = query.where(
            (find(fn.LOWER(LogEntry.message), needle) > 0)
            | (find(fn.LOWER(LogEntry.event), needle) > 0)
        )
    rows = query.order_by(LogEntry.at.desc(), LogEntry.id.desc()).limit(limit)
    return [LogRecord(r.id, r.at, r.level, r.event, r.message, r.detail) for r in rows]
