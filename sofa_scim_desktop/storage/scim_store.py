"""SCIM Users and Groups of one synchronization: canonical JSON plus the columns and rows that
filters, sorting and membership use. Callers hold the transaction (one per request).

# PERF: every statement here is hand-written SQL (storage.sql); this is the path Entra calls.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import orjson

from sofa_scim_desktop.domain.filter import AttrRef
from sofa_scim_desktop.domain.filter import Expr
from sofa_scim_desktop.domain.resource import Resource
from sofa_scim_desktop.domain.schema import ENTERPRISE_SCHEMA
from sofa_scim_desktop.storage import sql
from sofa_scim_desktop.storage.scim_query import GROUP_FILTER
from sofa_scim_desktop.storage.scim_query import USER_FILTER
from sofa_scim_desktop.storage.scim_query import Condition
from sofa_scim_desktop.storage.scim_query import SqlFilter
from sofa_scim_desktop.storage.tables import database
from sofa_scim_desktop.storage.tables import utcnow

_MULTI_VALUED = ("emails", "phoneNumbers", "addresses")


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


@dataclass(slots=True)
class UserRow:
    """A stored SCIM User: what the server reads of a `scim_user` row."""

    id: int
    scim_id: str
    sync_id: int
    sofa_user_id: int
    user_name: str
    user_name_key: str
    external_id: str | None
    active: bool
    manager_ref: str | None
    resource: str
    created: datetime
    last_modified: datetime
    version: int


@dataclass(slots=True)
class GroupRow:
    id: int
    scim_id: str
    sync_id: int
    display_name: str
    display_name_key: str
    external_id: str | None
    remote_key: str | None
    resource: str
    created: datetime
    last_modified: datetime
    version: int


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


_USER_COLUMNS = (
    "u.id, u.scim_id, u.sync_id, u.sofa_user_id, u.user_name, u.user_name_key, u.external_id, "
    "u.active, u.manager_ref, u.resource, u.created, u.last_modified, u.version"
)
_GROUP_COLUMNS = (
    "g.id, g.scim_id, g.sync_id, g.display_name, g.display_name_key, g.external_id, "
    "g.remote_key, g.resource, g.created, g.last_modified, g.version"
)


def _user(row: tuple[Any, ...] | None) -> UserRow | None:
    if row is None:
        return None
    (pk, scim_id, sync_id, sofa, name, key, external, active, manager, res, c, m, v) = row
    return UserRow(
        pk, scim_id, sync_id, sofa, name, key, external, bool(active), manager, res,
        sql.timestamp(c), sql.timestamp(m), v,
    )  # fmt: skip


def _group(row: tuple[Any, ...] | None) -> GroupRow | None:
    if row is None:
        return None
    pk, scim_id, sync_id, name, key, external, remote, res, c, m, v = row
    return GroupRow(
        pk, scim_id, sync_id, name, key, external, remote, res,
        sql.timestamp(c), sql.timestamp(m), v,
    )  # fmt: skip


def new_id() -> str:
    return str(uuid.uuid4())


def dump(resource: Resource) -> str:
    return orjson.dumps(resource).decode()


def load(row: UserRow | GroupRow) -> Resource:
    resource: Resource = orjson.loads(row.resource)
    return resource


def _page(
    table: str, columns: str, sync_id: int, sql_filter: SqlFilter, request: Query
) -> tuple[int, list[tuple[Any, ...]]]:
    """The total and the rows of one page (RFC 7644 §3.4.2.4). `table` is "scim_user u" or
    "scim_group g": the filters name the table by that alias.
    """
    alias = table.split()[1]
    condition = Condition(f"{alias}.sync_id = ?", (sync_id,))
    if request.expr is not None:
        condition = condition & sql_filter.where(request.expr)
    source = f"FROM {table} WHERE {condition.sql}"
    if request.count == 0:
        return _total(table, source, condition, request), []
    found = _rows(table, columns, source, condition, sql_filter, request)
    if request.start_index == 1 and len(found) < request.count:
        return len(found), found  # PERF: the page holds all matches (lookups): no COUNT.
    return _total(table, source, condition, request), found


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


def _total(table: str, source: str, condition: Condition, request: Query) -> int:
    if table == "scim_user u" and request.expr is None:  # kept with every insert and delete.
        row = sql.one("SELECT scim_user_count FROM synchronization WHERE id = ?", condition.params)
        return int(row[0]) if row else 0
    return _count(source, condition.params)


def _count(source: str, params: tuple[Any, ...]) -> int:
    row = sql.one(f"SELECT COUNT(*) {source}", params)
    return int(row[0]) if row else 0


# --- Users ---------------------------------------------------------------------------------

_USER_FIELDS = (
    "user_name", "user_name_key", "external_id", "display_name", "title", "given_name",
    "family_name", "formatted_name", "honorific_prefix", "honorific_suffix",
    "preferred_language", "active", "employee_number", "department", "manager_ref", "resource",
)  # fmt: skip
_INSERT_USER = (
    f"INSERT INTO scim_user (scim_id, sync_id, sofa_user_id, created, last_modified, version, "
    f"{', '.join(_USER_FIELDS)}) VALUES ({sql.marks(6 + len(_USER_FIELDS))}) RETURNING id"
)
_UPDATE_USER = (
    f"UPDATE scim_user SET {', '.join(f'{name} = ?' for name in _USER_FIELDS)}, "
    "last_modified = ?, version = ? WHERE id = ?"
)
_INSERT_VALUE = (
    'INSERT INTO scim_user_value (user_id, attribute, type, "primary", value, value_key) '
    "VALUES (?, ?, ?, ?, ?, ?)"
)


def _user_columns(resource: Resource) -> tuple[Any, ...]:
    """The values of `_USER_FIELDS`, in order."""
    name = resource.get("name") or {}
    enterprise = resource.get(ENTERPRISE_SCHEMA) or {}
    return (
        resource["userName"],
        resource["userName"].lower(),
        resource.get("externalId"),
        resource.get("displayName"),
        resource.get("title"),
        name.get("givenName"),
        name.get("familyName"),
        name.get("formatted"),
        name.get("honorificPrefix"),
        name.get("honorificSuffix"),
        resource.get("preferredLanguage"),
        resource.get("active", True),
        enterprise.get("employeeNumber"),
        enterprise.get("department"),
        (enterprise.get("manager") or {}).get("value"),
        dump(resource),
    )


def _value_rows(resource: Resource) -> list[tuple[Any, ...]]:
    """(attribute, type, primary, value, value_key) per element of a multi-valued attribute."""
    rows = []
    for attribute in _MULTI_VALUED:
        for element in resource.get(attribute) or []:
            value = element.get("formatted" if attribute == "addresses" else "value")
            kind = (element.get("type") or "").lower() or None
            key = value.lower() if value else None
            rows.append((attribute, kind, bool(element.get("primary")), value, key))
    return rows


def insert_user(sync_id: int, sofa_user_id: int, resource: Resource) -> UserRow:
    now = utcnow()
    columns = _user_columns(resource)
    scim_id = new_id()
    pk = sql.insert(_INSERT_USER, (scim_id, sync_id, sofa_user_id, now, now, 1, *columns))
    _insert_values(pk, _value_rows(resource))
    _count_users(sync_id, +1)
    return UserRow(
        pk, scim_id, sync_id, sofa_user_id, columns[0], columns[1], columns[2], bool(columns[11]),
        columns[14], columns[15], now, now, 1,
    )  # fmt: skip


def update_user(row: UserRow, resource: Resource) -> UserRow:
    columns = _user_columns(resource)
    if columns[-1] == row.resource:
        return row  # nothing changed: keep lastModified and version (RFC 7644 §3.14).
    now = utcnow()
    sql.execute(_UPDATE_USER, (*columns, now, row.version + 1, row.id))
    values = _value_rows(resource)
    if values != _value_rows(orjson.loads(row.resource)):  # PERF: most PATCHes leave them be.
        sql.execute("DELETE FROM scim_user_value WHERE user_id = ?", (row.id,))
        _insert_values(row.id, values)
    row.user_name, row.user_name_key, row.external_id = columns[0], columns[1], columns[2]
    row.active, row.manager_ref, row.resource = bool(columns[11]), columns[14], columns[15]
    row.last_modified, row.version = now, row.version + 1
    return row


def _insert_values(user_pk: int, values: list[tuple[Any, ...]]) -> None:
    for value in values:
        sql.execute(_INSERT_VALUE, (user_pk, *value))


def delete_user(row: UserRow) -> None:
    """Its value rows and group memberships go with it (ON DELETE CASCADE)."""
    sql.execute("DELETE FROM scim_user WHERE id = ?", (row.id,))
    _count_users(row.sync_id, -1)


def _count_users(sync_id: int, change: int) -> None:
    sql.execute(
        "UPDATE synchronization SET scim_user_count = scim_user_count + ? WHERE id = ?",
        (change, sync_id),
    )


def get_user(sync_id: int, scim_id: str) -> UserRow | None:
    return _user(
        sql.one(
            f"SELECT {_USER_COLUMNS} FROM scim_user u WHERE u.scim_id = ? AND u.sync_id = ?",
            (scim_id, sync_id),
        )
    )


def user_by_name(sync_id: int, user_name: str) -> UserRow | None:
    return _user(
        sql.one(
            f"SELECT {_USER_COLUMNS} FROM scim_user u WHERE u.sync_id = ? AND u.user_name_key = ?",
            (sync_id, user_name.lower()),
        )
    )


def user_by_reference(sync_id: int, reference: str) -> UserRow | None:
    """The user a manager reference names: its id, or else its externalId (Entra objectId),
    the only name a manager not yet provisioned here can have.
    """
    return get_user(sync_id, reference) or _user(
        sql.one(
            f"SELECT {_USER_COLUMNS} FROM scim_user u WHERE u.sync_id = ? AND u.external_id = ?",
            (sync_id, reference),
        )
    )


def fills_sofa_user(sofa_user_id: int) -> bool:
    """Whether some synchronization's SCIM User fills this Sofa user."""
    return sql.one("SELECT 1 FROM scim_user WHERE sofa_user_id = ?", (sofa_user_id,)) is not None


def link_reports(sync_id: int, manager_sofa_id: int, *references: str | None) -> None:
    """Sofa users whose manager reference is one of `references` (the manager's id or
    externalId) now point at that manager's Sofa user (SPEC §4: it may arrive after them).
    """
    wanted = [r for r in references if r]
    if wanted:
        sql.execute(
            "UPDATE sofa_user SET manager_id = ? WHERE id IN (SELECT sofa_user_id FROM scim_user "
            f"WHERE sync_id = ? AND manager_ref IN ({sql.marks(len(wanted))}))",
            (manager_sofa_id, sync_id, *wanted),
        )


def sofa_user_ids(scim_user_pks: Iterable[int]) -> list[int]:
    unique = list(set(scim_user_pks))
    result: list[int] = []
    for start in range(0, len(unique), 500):
        chunk = unique[start : start + 500]
        result += sql.column(
            f"SELECT sofa_user_id FROM scim_user WHERE id IN ({sql.marks(len(chunk))})", chunk
        )
    return result


def list_users(sync_id: int, request: Query) -> Page:
    total, found = _page("scim_user u", _USER_COLUMNS, sync_id, USER_FILTER, request)
    return Page(total, [_user(row) for row in found])


# --- Groups --------------------------------------------------------------------------------

_GROUP_FIELDS = ("display_name", "display_name_key", "external_id", "remote_key", "resource")
_INSERT_GROUP = (
    f"INSERT INTO scim_group (scim_id, sync_id, created, last_modified, version, "
    f"{', '.join(_GROUP_FIELDS)}) VALUES ({sql.marks(5 + len(_GROUP_FIELDS))}) RETURNING id"
)
_UPDATE_GROUP = (
    f"UPDATE scim_group SET {', '.join(f'{name} = ?' for name in _GROUP_FIELDS)}, "
    "last_modified = ?, version = ? WHERE id = ?"
)


def _group_columns(resource: Resource) -> tuple[Any, ...]:
    external_id = resource.get("externalId")
    return (
        resource["displayName"],
        resource["displayName"].lower(),
        external_id,
        external_id.lower() if external_id else None,
        dump(resource),
    )


def insert_group(sync_id: int, resource: Resource) -> GroupRow:
    now = utcnow()
    columns = _group_columns(resource)
    scim_id = new_id()
    pk = sql.insert(_INSERT_GROUP, (scim_id, sync_id, now, now, 1, *columns))
    name, name_key, external_id, remote_key, text = columns
    return GroupRow(
        pk, scim_id, sync_id, name, name_key, external_id, remote_key, text, now, now, 1
    )


def update_group(row: GroupRow, resource: Resource, members_changed: bool) -> GroupRow:
    columns = _group_columns(resource)
    if columns[-1] == row.resource and not members_changed:
        return row
    now = utcnow()
    sql.execute(_UPDATE_GROUP, (*columns, now, row.version + 1, row.id))
    row.display_name, row.display_name_key, row.external_id, row.remote_key = columns[:4]
    row.resource, row.last_modified, row.version = columns[4], now, row.version + 1
    return row


def delete_group(row: GroupRow) -> None:
    sql.execute("DELETE FROM scim_group WHERE id = ?", (row.id,))


def get_group(sync_id: int, scim_id: str) -> GroupRow | None:
    return _group(
        sql.one(
            f"SELECT {_GROUP_COLUMNS} FROM scim_group g WHERE g.scim_id = ? AND g.sync_id = ?",
            (scim_id, sync_id),
        )
    )


def group_by_name(sync_id: int, display_name: str) -> GroupRow | None:
    return _group(
        sql.one(
            f"SELECT {_GROUP_COLUMNS} FROM scim_group g "
            "WHERE g.sync_id = ? AND g.display_name_key = ?",
            (sync_id, display_name.lower()),
        )
    )


def list_groups(sync_id: int, request: Query) -> Page:
    total, found = _page("scim_group g", _GROUP_COLUMNS, sync_id, GROUP_FILTER, request)
    return Page(total, [_group(row) for row in found])


@dataclass(frozen=True)
class Member:
    scim_id: str
    type: str  # User | Group
    display: str


_MEMBERS = """
SELECT u.scim_id, u.user_name, s.scim_id, s.display_name
FROM scim_group_member m
LEFT JOIN scim_user u ON m.user_id = u.id
LEFT JOIN scim_group s ON m.subgroup_id = s.id
WHERE m.group_id = ? ORDER BY m.id"""


def members_of(group_pk: int) -> list[Member]:
    return [
        Member(uid, "User", name) if uid else Member(gid, "Group", gname)
        for uid, name, gid, gname in sql.rows(_MEMBERS, (group_pk,))
    ]


@dataclass(frozen=True)
class ResolvedMembers:
    users: dict[str, int]  # scim id -> scim_user pk
    groups: dict[str, int]
    unknown: list[str]


def _pks_by_scim_id(table: str, sync_id: int, ids: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        # PERF: `+sync_id` keeps SQLite off the sync_id index: with it, an IN list reads every
        # user of the synchronization (a batch of 100 members cost 86 ms at 100k users).
        found.update(
            sql.rows(
                f"SELECT scim_id, id FROM {table} "
                f"WHERE +sync_id = ? AND scim_id IN ({sql.marks(len(chunk))})",
                (sync_id, *chunk),
            )
        )
    return found


def resolve_members(sync_id: int, ids: Iterable[str]) -> ResolvedMembers:
    wanted = list(dict.fromkeys(ids))
    users = _pks_by_scim_id("scim_user", sync_id, wanted)
    rest = [i for i in wanted if i not in users]
    groups = _pks_by_scim_id("scim_group", sync_id, rest) if rest else {}
    return ResolvedMembers(users, groups, [i for i in rest if i not in groups])


def _present_users(group_pk: int, user_pks: list[int]) -> list[int]:
    present: list[int] = []
    for start in range(0, len(user_pks), 500):
        chunk = user_pks[start : start + 500]
        present += sql.column(
            "SELECT user_id FROM scim_group_member "
            f"WHERE group_id = ? AND user_id IN ({sql.marks(len(chunk))})",
            (group_pk, *chunk),
        )
    return present


def add_members(group_pk: int, members: ResolvedMembers) -> list[int]:
    """Adds the members not yet present, a row each; returns the user pks that were added."""
    present = set(_present_users(group_pk, list(members.users.values())))
    new_users = [pk for pk in members.users.values() if pk not in present]
    for pk in new_users:
        sql.execute(
            "INSERT INTO scim_group_member (group_id, user_id) VALUES (?, ?)", (group_pk, pk)
        )
    for pk in members.groups.values():
        if pk != group_pk:
            sql.execute(
                "INSERT INTO scim_group_member (group_id, subgroup_id) VALUES (?, ?) "
                "ON CONFLICT DO NOTHING",
                (group_pk, pk),
            )
    return new_users


def remove_members(group_pk: int, members: ResolvedMembers) -> list[int]:
    """Removes the listed members; returns the user pks that were members."""
    removed = _present_users(group_pk, list(members.users.values()))
    for pk in removed:
        sql.execute(
            "DELETE FROM scim_group_member WHERE group_id = ? AND user_id = ?", (group_pk, pk)
        )
    for pk in members.groups.values():
        sql.execute(
            "DELETE FROM scim_group_member WHERE group_id = ? AND subgroup_id = ?", (group_pk, pk)
        )
    return removed


def member_user_pks(group_pk: int) -> list[int]:
    """The scim_user pks of a group's user members (nested groups left out)."""
    return sql.column(
        "SELECT user_id FROM scim_group_member WHERE group_id = ? AND user_id IS NOT NULL",
        (group_pk,),
    )


def remove_all_members(group_pk: int) -> list[int]:
    removed = member_user_pks(group_pk)
    sql.execute("DELETE FROM scim_group_member WHERE group_id = ?", (group_pk,))
    return removed
