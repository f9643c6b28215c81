"""Writes that stay right with several server processes on one PostgreSQL database (SPEC §8.4).

SQLite serializes writers by itself: a write transaction begins IMMEDIATE and holds the
database's write lock. PostgreSQL runs transactions side by side at READ COMMITTED, so:
- a read-modify-write reads its row `FOR NO KEY UPDATE` (`for_update()`): the second writer
  waits for the first, then reads what it committed, and both changes survive;
- work that reads many rows to derive others (Sofa memberships from Entra groups) takes a
  transaction-scoped advisory lock per synchronization (`serialize()`);
- a deadlock, a serialization failure or a unique violation (two creates of one name) rolls
  the transaction back and `write()` runs it again: the second attempt sees the other's
  commit, so a colliding create is answered 409 by the domain's own check, never 500.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from typing import TypeVar

from peewee import Database
from peewee import DatabaseError
from peewee import InterfaceError

from sofa_scim_desktop.domain.errors import Uniqueness
from sofa_scim_desktop.storage import sql
from sofa_scim_desktop.storage.database import connection_broken
from sofa_scim_desktop.storage.database import immediate
from sofa_scim_desktop.storage.database import is_postgresql
from sofa_scim_desktop.storage.tables import database

log = logging.getLogger("sofa.storage")
T = TypeVar("T")
ATTEMPTS = 8
UNIQUE_ATTEMPTS = 3  # a unique violation that persists is a real duplicate

# Advisory lock classes: (class, key) pairs, so that ours never meet another application's.
MEMBERSHIPS = 0x50FA01  # key: the synchronization's id
NOTICES = 0x50FA02  # key: 0; composing failure e-mails and daily warnings
REFUSALS = 0x50FA03  # key: the synchronization's id
MIGRATIONS = 0x50FA04  # key: 0; session-scoped: storage.database.MIGRATION_LOCK

_RETRIED_STATES = {"40001": "serialization failure", "40P01": "deadlock"}
_UNIQUE_VIOLATION = "23505"
# A row referenced while another server deleted it: the next attempt no longer finds it.
_FOREIGN_KEY_VIOLATION = "23503"


def sqlstate(error: BaseException) -> str | None:
    """The PostgreSQL error code behind a Peewee error (psycopg's `sqlstate`), if any."""
    seen: set[int] = set()
    stack: list[BaseException | None] = [error]
    while stack:
        current = stack.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        state = getattr(current, "sqlstate", None)
        if isinstance(state, str):
            return state
        stack += [a for a in current.args if isinstance(a, BaseException)]
        stack += [current.__cause__, current.__context__]
    return None


def is_unique_violation(error: BaseException) -> bool:
    """A duplicate key: PostgreSQL's 23505, SQLite's "UNIQUE constraint failed"."""
    return sqlstate(error) == _UNIQUE_VIOLATION or "UNIQUE constraint failed" in str(error)


def one_line(error: BaseException) -> str:
    """A database error as one line for a log or a terminal, without its traceback."""
    text = " ".join(str(error).split())
    return text or type(error).__name__


def connection_lost(db: Database) -> bool:
    """Whether this thread's connection is gone (the server restarted, a backend ended)."""
    if not is_postgresql(db) or db.is_closed():
        return False
    return connection_broken(db.connection())


def discard_lost_connection(db: Database) -> None:
    """Drops a connection that is gone, so that the next statement opens a new one."""
    if not db.in_transaction() and connection_lost(db):
        try:
            db.close()
        except Exception:  # closing a dead connection may fail; it is dropped all the same.
            log.debug("closing a lost connection failed", exc_info=True)


def write(db: Database, work: Callable[[], T], again: Callable[[], None] | None = None) -> T:
    """Runs `work` in a write transaction, again after a conflict that PostgreSQL resolved by
    rolling it back; `again` resets what the attempt kept in memory. Inside a transaction
    already, `work` joins it (the outer writer retries).
    """
    if db.in_transaction():
        return work()
    attempt = 0
    while True:
        attempt += 1
        try:
            with immediate(db):
                return work()
        except (DatabaseError, InterfaceError) as error:
            state = sqlstate(error)
            lost = connection_lost(db)
            retry = _worth_retrying(state, lost, attempt)
            if state == _UNIQUE_VIOLATION and not retry:
                raise Uniqueness("The value is already used by another resource.") from error
            if not retry:
                raise
            discard_lost_connection(db)
            why = "the connection was lost" if lost else _RETRIED_STATES.get(state or "", state)
            log.info("write attempt %d rolled back (%s); trying again", attempt, why)
            time.sleep(random.uniform(0.002, 0.02) * attempt)  # apart, not in lockstep
            if again is not None:
                again()


def _worth_retrying(state: str | None, lost: bool, attempt: int) -> bool:
    if lost:
        return attempt < 2  # once: a new connection; if the database is down, it says so.
    if state in (_UNIQUE_VIOLATION, _FOREIGN_KEY_VIOLATION):
        return attempt < UNIQUE_ATTEMPTS
    return state in _RETRIED_STATES and attempt < ATTEMPTS


def for_update() -> str:
    """The clause that locks the rows a read-modify-write reads (PostgreSQL; SQLite's write
    transaction holds the whole database). NO KEY: rows that only reference the row (a group
    member naming the user) do not wait for it.
    """
    return " FOR NO KEY UPDATE" if is_postgresql(database.obj) else ""


def serialize(lock_class: int, key: int) -> None:
    """Waits until no other transaction holds this lock, then holds it until commit (PG)."""
    if is_postgresql(database.obj):
        sql.execute("SELECT pg_advisory_xact_lock(?::int4, ?::int4)", (lock_class, key))
