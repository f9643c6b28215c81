"""Sofa group and role memberships derived from Entra groups (SPEC §4): a member of a remote
group holds every Sofa group and role mapped to it; recomputing says who gained and who lost
what, for the transaction log (SPEC §8.1 `groups_added` … `roles_removed`).

On PostgreSQL every reader of the mappings that may recompute, and every recompute, holds the
synchronization's advisory lock until it commits: two recomputes of one user, or one racing a
new mapping, would otherwise each miss what the other had not committed yet.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field
from typing import Any

from sofa_scim_desktop.storage import sql
from sofa_scim_desktop.storage.tables import GroupMapping
from sofa_scim_desktop.storage.tables import GroupMembership
from sofa_scim_desktop.storage.tables import RoleMapping
from sofa_scim_desktop.storage.tables import RoleMembership
from sofa_scim_desktop.storage.tables import ScimGroup
from sofa_scim_desktop.storage.tables import ScimGroupMember
from sofa_scim_desktop.storage.tables import ScimUser
from sofa_scim_desktop.storage.transactions import MEMBERSHIPS
from sofa_scim_desktop.storage.transactions import serialize

Pairs = list[tuple[int, int]]  # (Sofa user id, Sofa group or role id)
NAMED_LIMIT = 100  # names listed per kind in one log entry; the counts say the rest


@dataclass
class MembershipChanges:
    groups_added: Pairs = field(default_factory=list)
    groups_removed: Pairs = field(default_factory=list)
    roles_added: Pairs = field(default_factory=list)
    roles_removed: Pairs = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(
            self.groups_added or self.groups_removed or self.roles_added or self.roles_removed
        )

    def named(self) -> dict[str, list[dict[str, str]]]:
        """`{"groups_added": [{"user_name", "name"}], …}`, the lists that are not empty."""
        named: dict[str, list[dict[str, str]]] = {}
        for key, table in (
            ("groups_added", "sofa_group"), ("groups_removed", "sofa_group"),
            ("roles_added", "sofa_role"), ("roles_removed", "sofa_role"),
        ):  # fmt: skip
            pairs: Pairs = getattr(self, key)
            if pairs:
                named[key] = _names(pairs[:NAMED_LIMIT], table)
        return named


def _names(pairs: Pairs, table: str) -> list[dict[str, str]]:
    users = _by_id("sofa_user", "user_name", {u for u, _ in pairs})
    targets = _by_id(table, "name", {t for _, t in pairs})
    found = [{"user_name": users.get(u, "?"), "name": targets.get(t, "?")} for u, t in pairs]
    return sorted(found, key=lambda n: (n["user_name"], n["name"]))


def _by_id(table: str, column: str, ids: set[int]) -> dict[int, str]:
    listed = list(ids)
    query = f"SELECT id, {column} FROM {table} WHERE id IN ({sql.marks(len(listed))})"
    return dict(sql.rows(query, listed))


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


def recompute_memberships(
    sync_id: int, sofa_user_ids: Iterable[int] | None = None
) -> MembershipChanges:
    """Makes the memberships this synchronization granted follow remote membership and the
    mappings, for the given users (all when None). Hand-made ones are never touched.
    """
    ids = None if sofa_user_ids is None else list(sofa_user_ids)
    changes = MembershipChanges()
    if ids == []:
        return changes
    serialize(MEMBERSHIPS, sync_id)
    changes.groups_added, changes.groups_removed = _recompute(
        GroupMembership, GroupMembership.group,
        _desired(sync_id, GroupMapping, GroupMapping.sofa_group, ids), sync_id, ids,
    )  # fmt: skip
    changes.roles_added, changes.roles_removed = _recompute(
        RoleMembership, RoleMembership.role,
        _desired(sync_id, RoleMapping, RoleMapping.sofa_role, ids), sync_id, ids,
    )  # fmt: skip
    return changes


def _recompute(
    table: Any, column: Any, desired: set[tuple[int, int]], sync_id: int, ids: list[int] | None
) -> tuple[Pairs, Pairs]:
    """(added, removed) pairs."""
    query = table.select(table.id, table.user, column).where(table.sync == sync_id)
    if ids is not None:
        query = query.where(table.user.in_(ids))
    existing = {(user, target): pk for pk, user, target in query.tuples()}
    stale = [pair for pair in existing if pair not in desired]
    fresh = sorted(desired - existing.keys())
    stale_pks = [existing[pair] for pair in stale]
    for start in range(0, len(stale_pks), 500):
        table.delete().where(table.id.in_(stale_pks[start : start + 500])).execute()
    rows = [{"user": u, column.name: t, "sync": sync_id} for u, t in fresh]
    for start in range(0, len(rows), 500):
        table.insert_many(rows[start : start + 500]).execute()
    return fresh, stale


_IS_MAPPED = """
SELECT 1 FROM group_mapping WHERE sync_id = ? AND remote_id = ?
UNION ALL SELECT 1 FROM role_mapping WHERE sync_id = ? AND remote_id = ? LIMIT 1"""


def group_is_mapped(sync_id: int, remote_key: str | None) -> bool:
    if not remote_key:
        return False
    # NOTE: the lock before the read: a mapping made meanwhile (`map group` in another
    # process) is then either seen here, or its recompute sees this transaction's members.
    serialize(MEMBERSHIPS, sync_id)
    return sql.one(_IS_MAPPED, (sync_id, remote_key, sync_id, remote_key)) is not None
