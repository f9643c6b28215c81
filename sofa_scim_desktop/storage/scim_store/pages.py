"""Pages of a list request (RFC 7644 §3.4.2.4): filter, order, startIndex/count, totalResults."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sofa_scim_desktop.domain.filter import AttrRef
from sofa_scim_desktop.domain.filter import Expr
from sofa_scim_desktop.storage import sql
from sofa_scim_desktop.storage.scim_query import Condition
from sofa_scim_desktop.storage.scim_query import SqlFilter
from sofa_scim_desktop.storage.tables import database


@dataclass(frozen=True)
class Query:
    """A list request (RFC 7644 §3.4.2): filter, sorting and 1-based pagination."""

    expr: Expr | None = None
    sort_by: AttrRef | None = None
    descending: bool = False
    start_index: int = 1
    count: int = 100


@dataclass(frozen=True)
class Page:
    total: int
    rows: list[Any]


class _Walks:
    """Where recent walks through the pages got to: for each walk (table, condition, params),
    start index -> the id of the row just before it. Bounded; the oldest walks go first.
    """

    def __init__(self, walks: int = 50, starts: int = 5000) -> None:
        self.walks, self.starts = walks, starts
        self.known: dict[tuple[Any, ...], dict[int, int]] = {}
        self.lock = threading.Lock()

    def nearest(self, walk: tuple[Any, ...], start: int) -> tuple[int, int] | None:
        """The known start at or before `start` nearest to it, and the id before it."""
        starts = self.known.get(walk)
        if not starts:
            return None
        if start in starts:
            return start, starts[start]
        best = max((known for known in list(starts) if known < start), default=None)
        return None if best is None else (best, starts[best])

    def record(self, walk: tuple[Any, ...], start: int, last_id: int) -> None:
        with self.lock:
            starts = self.known.pop(walk, {})
            self.known[walk] = starts  # most recently used last.
            starts[start] = last_id
            if len(starts) > self.starts:
                del starts[next(iter(starts))]
            while len(self.known) > self.walks:
                del self.known[next(iter(self.known))]

    def forget(self) -> None:
        """When a synchronization goes, its id may come back with another one."""
        with self.lock:
            self.known.clear()


_WALKS = _Walks()


def forget_walks() -> None:
    _WALKS.forget()


def page(
    table: str,
    columns: str,
    sync_id: int,
    sql_filter: SqlFilter,
    request: Query,
    count_all: Callable[[int], int] | None = None,
) -> tuple[int, list[tuple[Any, ...]]]:
    """The total and the rows of one page (RFC 7644 §3.4.2.4). `table` is "scim_user u" or
    "scim_group g": the filters name the table by that alias. `count_all`, where a count of
    the synchronization's rows is kept, answers an unfiltered total without a COUNT.
    """
    kept_count = count_all if request.expr is None else None
    alias = table.split()[1]
    condition = Condition(f"{alias}.sync_id = ?", (sync_id,))
    if request.expr is not None:
        condition = condition & sql_filter.where(request.expr)
    source = f"FROM {table} WHERE {condition.sql}"
    if request.count == 0:
        return _total(source, condition, kept_count, sync_id), []
    found = _rows(table, columns, source, condition, sql_filter, request)
    if request.start_index == 1 and len(found) < request.count:
        return len(found), found  # PERF: the page holds all matches (lookups): no COUNT.
    return _total(source, condition, kept_count, sync_id), found


def _rows(
    table: str,
    columns: str,
    source: str,
    condition: Condition,
    sql_filter: SqlFilter,
    request: Query,
) -> list[tuple[Any, ...]]:
    alias = table.split()[1]
    if request.sort_by is not None:
        direction = "DESC" if request.descending else "ASC"
        order = f"{sql_filter.order_by(request.sort_by)} {direction}, {alias}.id"
        return sql.rows(
            f"SELECT {columns} {source} ORDER BY {order} LIMIT ? OFFSET ?",
            (*condition.params, request.count, request.start_index - 1),
        )
    # The insertion order (id) is the stable default order. A walk through the pages goes on
    # from the nearest point this process already reached (the last id of a page served)
    # instead of an OFFSET that counts every row before the page again (5 ms at 100,000 users).
    walk = (database.obj.database, table, condition.sql, condition.params)
    reached = _WALKS.nearest(walk, request.start_index)
    if reached is not None:
        known_start, after = reached
        found = sql.rows(
            f"SELECT {columns} {source} AND {alias}.id > ? ORDER BY {alias}.id LIMIT ? OFFSET ?",
            (*condition.params, after, request.count, request.start_index - known_start),
        )
    else:
        found = sql.rows(
            f"SELECT {columns} {source} ORDER BY {alias}.id LIMIT ? OFFSET ?",
            (*condition.params, request.count, request.start_index - 1),
        )
    if found:
        _WALKS.record(walk, request.start_index + len(found), found[-1][0])
    return found


def _total(
    source: str, condition: Condition, count_all: Callable[[int], int] | None, sync_id: int
) -> int:
    if count_all is not None:
        return count_all(sync_id)
    return _count(source, condition.params)


def _count(source: str, params: tuple[Any, ...]) -> int:
    row = sql.one(f"SELECT COUNT(*) {source}", params)
    return int(row[0]) if row else 0
