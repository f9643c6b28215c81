"""Hand-written SQL for the paths Entra calls thousands of times a minute.

# PERF: Peewee builds a query's SQL text anew on every call; for the SCIM hot paths that cost
several times more than running the query (bench/app_profile.py: a userName lookup spent most
of its time composing two SELECTs). The statements here are written once, with `?` for each
parameter, and run as they are. Peewee still owns the schema, the migrations and everything
the admin does; both speak to the same connection and transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any

from sofa_scim_desktop.storage.tables import database

Params = Sequence[Any]


@lru_cache(maxsize=512)
def _dialect(sql: str, param: str) -> str:
    # NOTE: our statements contain no "?" other than parameters (no string literals with one).
    return sql if param == "?" else sql.replace("?", param)


def execute(sql: str, params: Params = ()) -> Any:
    """Runs one statement on the current thread's connection (and transaction)."""
    db = database.obj
    return db.execute_sql(_dialect(sql, db.param), params)


def rows(sql: str, params: Params = ()) -> list[tuple[Any, ...]]:
    result: list[tuple[Any, ...]] = execute(sql, params).fetchall()
    return result


def one(sql: str, params: Params = ()) -> tuple[Any, ...] | None:
    row: tuple[Any, ...] | None = execute(sql, params).fetchone()
    return row


def column(sql: str, params: Params = ()) -> list[Any]:
    return [row[0] for row in execute(sql, params).fetchall()]


def insert(sql: str, params: Params = ()) -> int:
    """An INSERT … RETURNING id (SQLite ≥ 3.35 and PostgreSQL both have it)."""
    row = one(sql, params)
    assert row is not None
    return int(row[0])


def marks(count: int) -> str:
    """`?, ?, …` for an IN list of `count` values."""
    return ", ".join("?" * count)


def timestamp(value: Any) -> datetime:
    """A DATETIME column as read: SQLite gives Peewee's text, PostgreSQL a datetime."""
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)
