"""The Sofa directory: users, groups, roles, and memberships that record who granted them
(NULL `sync` = an admin by hand; otherwise the synchronization that derived them).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from peewee import JOIN

from sofa_scim_desktop.domain.user_mapping import SofaUserFields
from sofa_scim_desktop.storage.tables import GroupMapping
from sofa_scim_desktop.storage.tables import GroupMembership
from sofa_scim_desktop.storage.tables import RoleMapping
from sofa_scim_desktop.storage.tables import RoleMembership
from sofa_scim_desktop.storage.tables import ScimGroup
from sofa_scim_desktop.storage.tables import ScimGroupMember
from sofa_scim_desktop.storage.tables import ScimUser
from sofa_scim_desktop.storage.tables import SofaGroup
from sofa_scim_desktop.storage.tables import SofaRole
from sofa_scim_desktop.storage.tables import SofaUser
from sofa_scim_desktop.storage.tables import utcnow

_SYNCED_FIELDS = tuple(
    f.name for f in dataclasses.fields(SofaUserFields) if f.name != "manager_ref"
)


def user_by_name(user_name: str) -> SofaUser | None:
    row: SofaUser | None = SofaUser.get_or_none(SofaUser.user_name_key == user_name.lower())
    return row


def create_user(fields: SofaUserFields, source: int | None) -> SofaUser:
    values = {name: getattr(fields, name) for name in _SYNCED_FIELDS}
    row: SofaUser = SofaUser.create(user_name_key=fields.user_name.lower(), source=source, **values)
    return row


def write_fields(user_id: int, fields: SofaUserFields, source: int) -> None:
    values: dict[str, Any] = {name: getattr(fields, name) for name in _SYNCED_FIELDS}
    values.update(
        user_name_key=fields.user_name.lower(), source=source, removed=False, updated_at=utcnow()
    )
    SofaUser.update(**values).where(SofaUser.id == user_id).execute()


def mark_removed(user_id: int) -> None:
    """A user the synchronization deleted stays in Sofa, deactivated (SPEC §4)."""
    SofaUser.update(active=False, removed=True, updated_at=utcnow()).where(
        SofaUser.id == user_id
    ).execute()


def detach_users_of(sync_id: int) -> int:
    """When a synchronization is deleted, its users are kept, deactivated and detached."""
    return (
        SofaUser.update(active=False, removed=True, source=None, updated_at=utcnow())
        .where(SofaUser.source == sync_id)
        .execute()
    )


def set_manager(sofa_user_id: int, manager_id: int | None) -> None:
    SofaUser.update(manager=manager_id).where(SofaUser.id == sofa_user_id).execute()


# --- Derived memberships ---------------------------------------------------------------------


def _desired(
    sync_id: int, mapping: Any, target: Any, sofa_user_ids: list[int] | None
) -> set[tuple[int, int]]:
    query = (
        ScimGroupMember.select(ScimUser.sofa_user, target)
        .join(ScimUser, on=ScimGroupMember.user == ScimUser.id)
        .join_from(ScimGroupMember, ScimGroup, on=ScimGroupMember.group == ScimGroup.id)
        .join(
            mapping,
            on=(mapping.remote_id == ScimGroup.remote_key) & (mapping.sync == ScimGroup.sync),
        )
        .where(ScimGroup.sync == sync_id)
    )
    if sofa_user_ids is not None:
        query = query.where(ScimUser.sofa_user.in_(sofa_user_ids))
    return set(query.tuples())


def recompute_memberships(sync_id: int, sofa_user_ids: Iterable[int] | None = None) -> int:
    """Makes the memberships this synchronization granted follow remote membership and the
    mappings, for the given users (all when None). Hand-made ones are never touched.
    """
    ids = None if sofa_user_ids is None else list(sofa_user_ids)
    if ids == []:
        return 0
    changed = 0
    for table, mapping, target in (
        (GroupMembership, GroupMapping, GroupMapping.sofa_group),
        (RoleMembership, RoleMapping, RoleMapping.sofa_role),
    ):
        changed += _recompute(
            table,
            table.group if table is GroupMembership else table.role,
            _desired(sync_id, mapping, target, ids),
            sync_id,
            ids,
        )
    return changed


def _recompute(
    table: Any, column: Any, desired: set[tuple[int, int]], sync_id: int, ids: list[int] | None
) -> int:
    query = table.select(table.id, table.user, column).where(table.sync == sync_id)
    if ids is not None:
        query = query.where(table.user.in_(ids))
    existing = {(user, target): pk for pk, user, target in query.tuples()}
    stale = [pk for pair, pk in existing.items() if pair not in desired]
    fresh = [{"user": u, column.name: t, "sync": sync_id} for u, t in desired - existing.keys()]
    for start in range(0, len(stale), 500):
        table.delete().where(table.id.in_(stale[start : start + 500])).execute()
    for start in range(0, len(fresh), 500):
        table.insert_many(fresh[start : start + 500]).execute()
    return len(stale) + len(fresh)


def group_is_mapped(sync_id: int, remote_key: str | None) -> bool:
    if not remote_key:
        return False
    return any(
        m.select().where((m.sync == sync_id) & (m.remote_id == remote_key)).exists()
        for m in (GroupMapping, RoleMapping)
    )


# --- Groups, roles and grants by hand -------------------------------------------------------


def groups_and_roles(user_ids: list[int]) -> dict[int, tuple[list[str], list[str]]]:
    result: dict[int, tuple[list[str], list[str]]] = {uid: ([], []) for uid in user_ids}
    for chunk_start in range(0, len(user_ids), 500):
        chunk = user_ids[chunk_start : chunk_start + 500]
        for uid, name in (
            GroupMembership.select(GroupMembership.user, SofaGroup.name)
            .join(SofaGroup)
            .where(GroupMembership.user.in_(chunk))
            .distinct()
            .order_by(SofaGroup.name)
            .tuples()
        ):
            result[uid][0].append(name)
        for uid, name in (
            RoleMembership.select(RoleMembership.user, SofaRole.name)
            .join(SofaRole)
            .where(RoleMembership.user.in_(chunk))
            .distinct()
            .order_by(SofaRole.name)
            .tuples()
        ):
            result[uid][1].append(name)
    return result


def list_users() -> list[SofaUser]:
    Manager = SofaUser.alias()
    return list(
        SofaUser.select(SofaUser, Manager.user_name.alias("manager_name"))
        .join_from(SofaUser, Manager, JOIN.LEFT_OUTER, on=SofaUser.manager == Manager.id)
        .order_by(SofaUser.user_name_key)
        .objects()  # `manager_name` on the row itself, not on a joined Manager instance.
    )
