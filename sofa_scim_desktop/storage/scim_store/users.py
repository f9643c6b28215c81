"""SCIM Users: their canonical JSON, the columns filters use, and the rows of their
multi-valued attributes (`emails[type eq "work"].value eq "…"` is an index lookup).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import orjson

from sofa_scim_desktop.domain.resource import Resource
from sofa_scim_desktop.domain.schema import ENTERPRISE_SCHEMA
from sofa_scim_desktop.storage import sql
from sofa_scim_desktop.storage.scim_query import USER_FILTER
from sofa_scim_desktop.storage.scim_store.documents import dump
from sofa_scim_desktop.storage.scim_store.documents import meta_time
from sofa_scim_desktop.storage.scim_store.documents import new_id
from sofa_scim_desktop.storage.scim_store.pages import Page
from sofa_scim_desktop.storage.scim_store.pages import Query
from sofa_scim_desktop.storage.scim_store.pages import page
from sofa_scim_desktop.storage.tables import utcnow
from sofa_scim_desktop.storage.transactions import for_update

_MULTI_VALUED = ("emails", "phoneNumbers", "addresses")


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
    created: str  # as SCIM shows it (documents.meta_time)
    last_modified: str
    version: int


_USER_COLUMNS = (
    "u.id, u.scim_id, u.sync_id, u.sofa_user_id, u.user_name, u.user_name_key, u.external_id, "
    "u.active, u.manager_ref, u.resource, u.created, u.last_modified, u.version"
)


def _user(row: tuple[Any, ...] | None) -> UserRow | None:
    if row is None:
        return None
    (pk, scim_id, sync_id, sofa, name, key, external, active, manager, res, c, m, v) = row
    return UserRow(
        pk, scim_id, sync_id, sofa, name, key, external, bool(active), manager, res,
        meta_time(c), meta_time(m), v,
    )  # fmt: skip


@dataclass(slots=True)
class ListedUser:
    """A SCIM User as a list answer shows it (documents.Shown).

    PERF: a page of 100 reads these 6 columns, not a UserRow's 13: a third of its fetch.
    """

    id: int
    scim_id: str
    resource: str
    created: str
    last_modified: str
    version: int


_LISTED_COLUMNS = "u.id, u.scim_id, u.resource, u.created, u.last_modified, u.version"


def _listed(row: tuple[Any, ...]) -> ListedUser:
    pk, scim_id, resource, created, modified, version = row
    return ListedUser(pk, scim_id, resource, meta_time(created), meta_time(modified), version)


_USER_FIELDS = (
    "user_name", "user_name_key", "external_id", "display_name", "title", "given_name",
    "family_name", "formatted_name", "honorific_prefix", "honorific_suffix",
    "preferred_language", "active", "employee_number", "department", "manager_ref", "resource",
)  # fmt: skip
_INSERT_USER = (
    f"INSERT INTO scim_user (scim_id, sync_id, sofa_user_id, created, last_modified, version, "
    f"{', '.join(_USER_FIELDS)}) VALUES ({sql.marks(6 + len(_USER_FIELDS))}) RETURNING id"
)
# Indexed columns of _USER_FIELDS, each also a UserRow field of the same name.
# PERF: SQLite rewrites the entry of every index whose column an UPDATE sets, changed or not,
# a page of the WAL each; an UPDATE names these only when they change, as most PATCHes do not.
_INDEXED = ("user_name_key", "external_id", "manager_ref")


@lru_cache(maxsize=1 << len(_INDEXED))
def _update_user_sql(unchanged: tuple[str, ...]) -> str:
    names = [name for name in _USER_FIELDS if name not in unchanged]
    return (
        f"UPDATE scim_user SET {', '.join(f'{name} = ?' for name in names)}, "
        "last_modified = ?, version = ? WHERE id = ?"
    )


_INSERT_VALUE = (
    'INSERT INTO scim_user_value (user_id, attribute, type, "primary", value, value_key) '
    "VALUES (?, ?, ?, ?, ?, ?)"
)
_STORED_VALUES = (
    'SELECT id, attribute, type, "primary", value, value_key FROM scim_user_value '
    "WHERE user_id = ? ORDER BY id"
)
_UPDATE_VALUE = (
    'UPDATE scim_user_value SET attribute = ?, type = ?, "primary" = ?, value = ?, '
    "value_key = ? WHERE id = ?"
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
        columns[14], columns[15], meta_time(now), meta_time(now), 1,
    )  # fmt: skip


def update_user(row: UserRow, resource: Resource) -> UserRow:
    columns = _user_columns(resource)
    if columns[-1] == row.resource:
        return row  # nothing changed: keep lastModified and version (RFC 7644 §3.14).
    now = utcnow()
    new = dict(zip(_USER_FIELDS, columns, strict=True))
    unchanged = tuple(name for name in _INDEXED if new[name] == getattr(row, name))  # as read
    changed = [value for name, value in new.items() if name not in unchanged]
    sql.execute(_update_user_sql(unchanged), (*changed, now, row.version + 1, row.id))
    values = _value_rows(resource)
    if values != _value_rows(orjson.loads(row.resource)):  # PERF: most PATCHes leave them be.
        _rewrite_values(row.id, values)
    row.user_name, row.user_name_key, row.external_id = columns[0], columns[1], columns[2]
    row.active, row.manager_ref, row.resource = bool(columns[11]), columns[14], columns[15]
    row.last_modified, row.version = meta_time(now), row.version + 1
    return row


def _rewrite_values(user_pk: int, values: list[tuple[Any, ...]]) -> None:
    """The user's value rows become `values`: rows that stay are left alone, changed ones are
    updated in place, and only a surplus is deleted or inserted.

    PERF: deleting every row and inserting them again rewrote both indexes and a new table
    page for a changed work e-mail; an UPDATE by id leaves the user_id index alone.
    """
    stored = sql.rows(_STORED_VALUES, (user_pk,))
    wanted = list(values)
    spare = []
    for pk, *columns in stored:
        kept = tuple(columns)
        if kept in wanted:  # SQLite's 1 for true equals True
            wanted.remove(kept)
        else:
            spare.append(pk)
    for pk, value in zip(spare, wanted, strict=False):
        sql.execute(_UPDATE_VALUE, (*value, pk))
    for pk in spare[len(wanted) :]:
        sql.execute("DELETE FROM scim_user_value WHERE id = ?", (pk,))
    _insert_values(user_pk, wanted[len(spare) :])


def _insert_values(user_pk: int, values: list[tuple[Any, ...]]) -> None:
    for value in values:
        sql.execute(_INSERT_VALUE, (user_pk, *value))


def delete_user(row: UserRow) -> None:
    """Its value rows and group memberships go with it (ON DELETE CASCADE)."""
    sql.execute("DELETE FROM scim_user WHERE id = ?", (row.id,))
    _count_users(row.sync_id, -1)


def _user_count(sync_id: int) -> int:
    """The count kept with every insert and delete (schema 2): no COUNT of 100,000 rows."""
    row = sql.one("SELECT scim_user_count FROM synchronization WHERE id = ?", (sync_id,))
    return int(row[0]) if row else 0


def _count_users(sync_id: int, change: int) -> None:
    sql.execute(
        "UPDATE synchronization SET scim_user_count = scim_user_count + ? WHERE id = ?",
        (change, sync_id),
    )


def get_user(sync_id: int, scim_id: str, lock: bool = False) -> UserRow | None:
    """`lock`: for a read-modify-write, until the transaction ends (storage.transactions)."""
    locking = for_update() if lock else ""
    return _user(
        sql.one(
            f"SELECT {_USER_COLUMNS} FROM scim_user u WHERE u.scim_id = ? AND u.sync_id = ?"
            + locking,
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
    total, found = page(
        "scim_user u", _LISTED_COLUMNS, sync_id, USER_FILTER, request, count_all=_user_count
    )
    return Page(total, [_listed(row) for row in found])


def user_names(scim_user_pks: list[int], known: dict[int, str] | None = None) -> list[str]:
    """The userNames of these SCIM users, sorted (what the log names); `known` names are not
    read again.
    """
    known = known or {}
    unique = set(scim_user_pks)
    missing = [pk for pk in unique if pk not in known]
    names = [known[pk] for pk in unique if pk in known]
    if missing:
        query = f"SELECT user_name FROM scim_user WHERE id IN ({sql.marks(len(missing))})"
        names += sql.column(query, missing)
    return sorted(names)
