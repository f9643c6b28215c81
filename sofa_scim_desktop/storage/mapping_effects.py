"""What a change of mappings does to who holds which Sofa group or role (SPEC §8.3): the one
computation behind `map … --dry-run`, `unmap …`, and the editor's preview before Save.

A user *gains* a group or role they do not hold at all now (by hand, or from any
synchronization) and will hold through the new mappings; a user *loses* one held only through
this synchronization's mappings when none of the mappings left grants it any longer.

# PERF: set-based, one or two statements per group or role whose mappings change, whatever
the number of users (bench/mapping_preview_bench.py: 100,000 users, a 50,000-member group).
"""

from __future__ import annotations

from dataclasses import dataclass

from sofa_scim_desktop.storage import sql

Remotes = dict[int, set[str]]  # Sofa group or role id -> the remote ids mapped to it


@dataclass(frozen=True)
class Kind:
    """The tables of one kind of target: Sofa groups or Sofa roles."""

    name: str  # "group" or "role"
    target: str
    membership: str
    column: str
    mapping: str
    mapping_column: str


GROUPS = Kind(
    "group", "sofa_group", "group_membership", "group_id", "group_mapping", "sofa_group_id"
)
ROLES = Kind("role", "sofa_role", "role_membership", "role_id", "role_mapping", "sofa_role_id")

# Members (Sofa user ids) of this synchronization's remote groups with the given remote ids.
_MEMBERS_OF = """
SELECT u.sofa_user_id FROM scim_group g
JOIN scim_group_member m ON m.group_id = g.id
JOIN scim_user u ON u.id = m.user_id
WHERE g.sync_id = ? AND g.remote_key IN ({remotes})"""

_GAINS = """
SELECT DISTINCT su.user_name, t.name FROM sofa_user su, {target} t
WHERE t.id = ? AND su.id IN ({members})
AND NOT EXISTS (SELECT 1 FROM {membership} h WHERE h.user_id = su.id AND h.{column} = t.id)"""

_LOSSES = """
SELECT DISTINCT su.user_name, t.name FROM {membership} h
JOIN sofa_user su ON su.id = h.user_id
JOIN {target} t ON t.id = h.{column}
WHERE h.sync_id = ? AND h.{column} = ?
AND NOT EXISTS (SELECT 1 FROM {membership} o WHERE o.user_id = h.user_id
    AND o.{column} = h.{column} AND (o.sync_id IS NULL OR o.sync_id <> h.sync_id))"""

_STILL_GRANTED = " AND h.user_id NOT IN ({members})"


def current(sync_id: int, kind: Kind) -> Remotes:
    """The synchronization's mappings of one kind, as they are stored."""
    found: Remotes = {}
    query = f"SELECT {kind.mapping_column}, remote_id FROM {kind.mapping} WHERE sync_id = ?"
    for target, remote in sql.rows(query, (sync_id,)):
        found.setdefault(target, set()).add(remote)
    return found


Pairs = list[tuple[str, str]]  # (user name, Sofa group or role name)


def effects(sync_id: int, kind: Kind, before: Remotes, after: Remotes) -> tuple[Pairs, Pairs]:
    """(gains, losses) of going from mappings `before` to `after`, sorted by user name."""
    gains: set[tuple[str, str]] = set()
    losses: set[tuple[str, str]] = set()
    for target in before.keys() | after.keys():
        old, new = before.get(target, set()), after.get(target, set())
        if new - old:  # NOTE: members of the remotes kept hold the target already
            gains.update(_gains(sync_id, kind, target, sorted(new - old)))
        if old - new:
            losses.update(_losses(sync_id, kind, target, sorted(new)))
    return sorted(gains), sorted(losses)


def _members(remotes: list[str]) -> str:
    return _MEMBERS_OF.format(remotes=sql.marks(len(remotes)))


def _gains(sync_id: int, kind: Kind, target: int, remotes: list[str]) -> Pairs:
    query = _GAINS.format(
        target=kind.target, membership=kind.membership, column=kind.column,
        members=_members(remotes),
    )  # fmt: skip
    return [(u, n) for u, n in sql.rows(query, (target, sync_id, *remotes))]


def _losses(sync_id: int, kind: Kind, target: int, kept: list[str]) -> Pairs:
    query = _LOSSES.format(target=kind.target, membership=kind.membership, column=kind.column)
    params: list[object] = [sync_id, target]
    if kept:
        query += _STILL_GRANTED.format(members=_members(kept))
        params += [sync_id, *kept]
    return [(u, n) for u, n in sql.rows(query, params)]
