"""SCIM Users and Groups of one synchronization: canonical JSON plus the columns and rows that
filters, sorting and membership use. Callers hold the transaction (one per request).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from peewee import JOIN
from peewee import ModelSelect

from sofa_scim_desktop.domain.filter import AttrRef
from sofa_scim_desktop.domain.filter import Expr
from sofa_scim_desktop.domain.resource import Resource
from sofa_scim_desktop.domain.schema import ENTERPRISE_SCHEMA
from sofa_scim_desktop.storage.scim_query import GROUP_FILTER
from sofa_scim_desktop.storage.scim_query import USER_FILTER
from sofa_scim_desktop.storage.scim_query import SqlFilter
from sofa_scim_desktop.storage.tables import ScimGroup
from sofa_scim_desktop.storage.tables import ScimGroupMember
from sofa_scim_desktop.storage.tables import ScimUser
from sofa_scim_desktop.storage.tables import ScimUserValue
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


def new_id() -> str:
    return str(uuid.uuid4())


def dump(resource: Resource) -> str:
    return json.dumps(resource, ensure_ascii=False, separators=(",", ":"))


def load(row: ScimUser | ScimGroup) -> Resource:
    resource: Resource = json.loads(row.resource)
    return resource


def _page(query: ModelSelect, sql_filter: SqlFilter, request: Query, model: Any) -> Page:
    if request.expr is not None:
        query = query.where(sql_filter.where(request.expr))
    if request.count == 0:
        return Page(query.count(), [])
    order = [model.id]  # a stable order: the insertion order breaks ties.
    if request.sort_by is not None:
        key = sql_filter.order_by(request.sort_by)
        order.insert(0, key.desc() if request.descending else key.asc())
    rows = list(query.order_by(*order).offset(request.start_index - 1).limit(request.count))
    if request.start_index == 1 and len(rows) < request.count:
        return Page(len(rows), rows)  # PERF: the page holds all matches (lookups): no COUNT.
    return Page(query.count(), rows)


# --- Users ---------------------------------------------------------------------------------


def _user_columns(resource: Resource) -> dict[str, Any]:
    name = resource.get("name") or {}
    enterprise = resource.get(ENTERPRISE_SCHEMA) or {}
    return {
        "user_name": resource["userName"],
        "user_name_key": resource["userName"].lower(),
        "external_id": resource.get("externalId"),
        "display_name": resource.get("displayName"),
        "title": resource.get("title"),
        "given_name": name.get("givenName"),
        "family_name": name.get("familyName"),
        "formatted_name": name.get("formatted"),
        "honorific_prefix": name.get("honorificPrefix"),
        "honorific_suffix": name.get("honorificSuffix"),
        "preferred_language": resource.get("preferredLanguage"),
        "active": resource.get("active", True),
        "employee_number": enterprise.get("employeeNumber"),
        "department": enterprise.get("department"),
        "manager_ref": (enterprise.get("manager") or {}).get("value"),
        "resource": dump(resource),
    }


def _value_rows(user_pk: int, resource: Resource) -> list[dict[str, Any]]:
    rows = []
    for attribute in _MULTI_VALUED:
        for element in resource.get(attribute) or []:
            value = element.get("formatted" if attribute == "addresses" else "value")
            rows.append(
                {
                    "user": user_pk,
                    "attribute": attribute,
                    "type": (element.get("type") or "").lower() or None,
                    "primary": bool(element.get("primary")),
                    "value": value,
                    "value_key": value.lower() if value else None,
                }
            )
    return rows


def insert_user(sync_id: int, sofa_user_id: int, resource: Resource) -> ScimUser:
    now = utcnow()
    row: ScimUser = ScimUser.create(
        scim_id=new_id(),
        sync=sync_id,
        sofa_user=sofa_user_id,
        created=now,
        last_modified=now,
        **_user_columns(resource),
    )
    _replace_values(row.id, resource)
    return row


def update_user(row: ScimUser, resource: Resource) -> ScimUser:
    columns = _user_columns(resource)
    if columns["resource"] == row.resource:
        return row  # nothing changed: keep lastModified and version (RFC 7644 §3.14).
    columns.update(last_modified=utcnow(), version=row.version + 1)
    ScimUser.update(**columns).where(ScimUser.id == row.id).execute()
    _replace_values(row.id, resource)
    for key, value in columns.items():
        setattr(row, key, value)
    return row


def _replace_values(user_pk: int, resource: Resource) -> None:
    ScimUserValue.delete().where(ScimUserValue.user == user_pk).execute()
    rows = _value_rows(user_pk, resource)
    if rows:
        ScimUserValue.insert_many(rows).execute()


def get_user(sync_id: int, scim_id: str) -> ScimUser | None:
    row: ScimUser | None = ScimUser.get_or_none(
        (ScimUser.scim_id == scim_id) & (ScimUser.sync == sync_id)
    )
    return row


def user_by_name(sync_id: int, user_name: str) -> ScimUser | None:
    row: ScimUser | None = ScimUser.get_or_none(
        (ScimUser.sync == sync_id) & (ScimUser.user_name_key == user_name.lower())
    )
    return row


def user_by_reference(sync_id: int, reference: str) -> ScimUser | None:
    """The user a manager reference names: its id, or else its externalId (Entra objectId),
    the only name a manager not yet provisioned here can have.
    """
    row: ScimUser | None = get_user(sync_id, reference) or ScimUser.get_or_none(
        (ScimUser.sync == sync_id) & (ScimUser.external_id == reference)
    )
    return row


def users_managed_by(sync_id: int, *references: str | None) -> ModelSelect:
    """Users whose manager reference is one of `references` (an id, an externalId)."""
    wanted = [r for r in references if r]
    return ScimUser.select().where((ScimUser.sync == sync_id) & ScimUser.manager_ref.in_(wanted))


def list_users(sync_id: int, request: Query) -> Page:
    return _page(ScimUser.select().where(ScimUser.sync == sync_id), USER_FILTER, request, ScimUser)


# --- Groups --------------------------------------------------------------------------------


def _group_columns(resource: Resource) -> dict[str, Any]:
    external_id = resource.get("externalId")
    return {
        "display_name": resource["displayName"],
        "display_name_key": resource["displayName"].lower(),
        "external_id": external_id,
        "remote_key": external_id.lower() if external_id else None,
        "resource": dump(resource),
    }


def insert_group(sync_id: int, resource: Resource) -> ScimGroup:
    now = utcnow()
    row: ScimGroup = ScimGroup.create(
        scim_id=new_id(), sync=sync_id, created=now, last_modified=now, **_group_columns(resource)
    )
    return row


def update_group(row: ScimGroup, resource: Resource, members_changed: bool) -> ScimGroup:
    columns = _group_columns(resource)
    if columns["resource"] == row.resource and not members_changed:
        return row
    columns.update(last_modified=utcnow(), version=row.version + 1)
    ScimGroup.update(**columns).where(ScimGroup.id == row.id).execute()
    for key, value in columns.items():
        setattr(row, key, value)
    return row


def get_group(sync_id: int, scim_id: str) -> ScimGroup | None:
    row: ScimGroup | None = ScimGroup.get_or_none(
        (ScimGroup.scim_id == scim_id) & (ScimGroup.sync == sync_id)
    )
    return row


def group_by_name(sync_id: int, display_name: str) -> ScimGroup | None:
    row: ScimGroup | None = ScimGroup.get_or_none(
        (ScimGroup.sync == sync_id) & (ScimGroup.display_name_key == display_name.lower())
    )
    return row


def list_groups(sync_id: int, request: Query) -> Page:
    return _page(
        ScimGroup.select().where(ScimGroup.sync == sync_id), GROUP_FILTER, request, ScimGroup
    )


@dataclass(frozen=True)
class Member:
    scim_id: str
    type: str  # User | Group
    display: str


def members_of(group_pk: int) -> list[Member]:
    Sub = ScimGroup.alias()
    rows = (
        ScimGroupMember.select(
            ScimUser.scim_id, ScimUser.user_name, Sub.scim_id.alias("g"), Sub.display_name
        )
        .join(ScimUser, JOIN.LEFT_OUTER, on=ScimGroupMember.user == ScimUser.id)
        .join_from(ScimGroupMember, Sub, JOIN.LEFT_OUTER, on=ScimGroupMember.subgroup == Sub.id)
        .where(ScimGroupMember.group == group_pk)
        .order_by(ScimGroupMember.id)
        .tuples()
    )
    return [
        Member(uid, "User", name) if uid else Member(gid, "Group", gname)
        for uid, name, gid, gname in rows
    ]


@dataclass(frozen=True)
class ResolvedMembers:
    users: dict[str, int]  # scim id -> ScimUser pk
    groups: dict[str, int]
    unknown: list[str]


def resolve_members(sync_id: int, ids: Iterable[str]) -> ResolvedMembers:
    wanted = list(dict.fromkeys(ids))
    users = dict(
        ScimUser.select(ScimUser.scim_id, ScimUser.id)
        .where((ScimUser.sync == sync_id) & ScimUser.scim_id.in_(wanted))
        .tuples()
    )
    rest = [i for i in wanted if i not in users]
    groups = (
        dict(
            ScimGroup.select(ScimGroup.scim_id, ScimGroup.id)
            .where((ScimGroup.sync == sync_id) & ScimGroup.scim_id.in_(rest))
            .tuples()
        )
        if rest
        else {}
    )
    return ResolvedMembers(users, groups, [i for i in rest if i not in groups])


def add_members(group_pk: int, members: ResolvedMembers) -> list[int]:
    """Adds the members not yet present; returns the user pks that were added."""
    present = set(
        ScimGroupMember.select(ScimGroupMember.user)
        .where(
            (ScimGroupMember.group == group_pk)
            & ScimGroupMember.user.in_(list(members.users.values()))
        )
        .tuples()
    )
    present_users = {pk for (pk,) in present}
    new_users = [pk for pk in members.users.values() if pk not in present_users]
    rows = [{"group": group_pk, "user": pk} for pk in new_users]
    rows += [
        {"group": group_pk, "subgroup": pk} for pk in members.groups.values() if pk != group_pk
    ]
    if rows:
        ScimGroupMember.insert_many(rows).on_conflict_ignore().execute()
    return new_users


def remove_members(group_pk: int, members: ResolvedMembers) -> list[int]:
    """Removes the listed members; returns the user pks that were members."""
    user_pks = list(members.users.values())
    removed = [
        pk
        for (pk,) in ScimGroupMember.select(ScimGroupMember.user)
        .where((ScimGroupMember.group == group_pk) & ScimGroupMember.user.in_(user_pks))
        .tuples()
    ]
    condition = ScimGroupMember.user.in_(user_pks) | ScimGroupMember.subgroup.in_(
        list(members.groups.values())
    )
    ScimGroupMember.delete().where((ScimGroupMember.group == group_pk) & condition).execute()
    return removed


def member_user_pks(group_pk: int) -> list[int]:
    """The ScimUser pks of a group's user members (nested groups left out)."""
    return [
        pk
        for (pk,) in ScimGroupMember.select(ScimGroupMember.user)
        .where((ScimGroupMember.group == group_pk) & ScimGroupMember.user.is_null(False))
        .tuples()
    ]


def remove_all_members(group_pk: int) -> list[int]:
    removed = member_user_pks(group_pk)
    ScimGroupMember.delete().where(ScimGroupMember.group == group_pk).execute()
    return removed


def stamp(row: ScimUser | ScimGroup) -> tuple[datetime, datetime, int]:
    return row.created, row.last_modified, row.version
