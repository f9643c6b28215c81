"""SCIM Groups: their canonical JSON and the columns filters use (members: members.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sofa_scim_desktop.domain.resource import Resource
from sofa_scim_desktop.storage import sql
from sofa_scim_desktop.storage.scim_query import GROUP_FILTER
from sofa_scim_desktop.storage.scim_store.documents import dump
from sofa_scim_desktop.storage.scim_store.documents import meta_time
from sofa_scim_desktop.storage.scim_store.documents import new_id
from sofa_scim_desktop.storage.scim_store.pages import Page
from sofa_scim_desktop.storage.scim_store.pages import Query
from sofa_scim_desktop.storage.scim_store.pages import page
from sofa_scim_desktop.storage.tables import utcnow
from sofa_scim_desktop.storage.transactions import for_update


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
    created: str  # as SCIM shows it (documents.meta_time)
    last_modified: str
    version: int


_GROUP_COLUMNS = (
    "g.id, g.scim_id, g.sync_id, g.display_name, g.display_name_key, g.external_id, "
    "g.remote_key, g.resource, g.created, g.last_modified, g.version"
)


def _group(row: tuple[Any, ...] | None) -> GroupRow | None:
    if row is None:
        return None
    pk, scim_id, sync_id, name, key, external, remote, res, c, m, v = row
    return GroupRow(
        pk, scim_id, sync_id, name, key, external, remote, res,
        meta_time(c), meta_time(m), v,
    )  # fmt: skip


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
        pk,
        scim_id,
        sync_id,
        name,
        name_key,
        external_id,
        remote_key,
        text,
        meta_time(now),
        meta_time(now),
        1,
    )


def update_group(row: GroupRow, resource: Resource, members_changed: bool) -> GroupRow:
    columns = _group_columns(resource)
    if columns[-1] == row.resource and not members_changed:
        return row
    now = utcnow()
    sql.execute(_UPDATE_GROUP, (*columns, now, row.version + 1, row.id))
    row.display_name, row.display_name_key, row.external_id, row.remote_key = columns[:4]
    row.resource, row.last_modified, row.version = columns[4], meta_time(now), row.version + 1
    return row


def delete_group(row: GroupRow) -> None:
    sql.execute("DELETE FROM scim_group WHERE id = ?", (row.id,))


def get_group(sync_id: int, scim_id: str, lock: bool = False) -> GroupRow | None:
    """`lock`: for a change of the group or its members, until the transaction ends, so that
    concurrent member changes each bump `meta.version` and a rename is not lost.
    """
    locking = for_update() if lock else ""
    return _group(
        sql.one(
            f"SELECT {_GROUP_COLUMNS} FROM scim_group g WHERE g.scim_id = ? AND g.sync_id = ?"
            + locking,
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
    total, found = page("scim_group g", _GROUP_COLUMNS, sync_id, GROUP_FILTER, request)
    return Page(total, [_group(row) for row in found])
