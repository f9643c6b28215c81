"""Mappings as the admin reads them (SPEC §8.3): each with the Entra group it names, once Entra
has sent it, and why a user holds each group and role (by hand, or which mapping).
"""

from __future__ import annotations

from dataclasses import dataclass

from sofa_scim_desktop.storage import sql
from sofa_scim_desktop.storage.mapping_effects import Kind


@dataclass(frozen=True)
class MappingRow:
    name: str  # the Sofa group or role
    remote: str
    remote_name: str | None  # the Entra group's displayName; None until Entra sent it
    members: int  # provisioned users in the Entra group


@dataclass(frozen=True)
class RemoteGroup:
    remote: str
    name: str
    members: int


@dataclass(frozen=True)
class Grant:
    """One reason a user holds a group or role: `sync` None means granted by hand."""

    name: str
    sync: str | None = None  # the synchronization's identifier
    remote: str | None = None
    remote_name: str | None = None


_MEMBER_COUNT = (
    "(SELECT COUNT(*) FROM scim_group_member c WHERE c.group_id = g.id AND c.user_id IS NOT NULL)"
)

_MAPPINGS = f"""
SELECT t.name, m.remote_id, g.display_name, {_MEMBER_COUNT}
FROM {{mapping}} m JOIN {{target}} t ON t.id = m.{{mapping_column}}
LEFT JOIN scim_group g ON g.sync_id = m.sync_id AND g.remote_key = m.remote_id
WHERE m.sync_id = ? ORDER BY m.id"""

_REMOTE_GROUPS = f"""
SELECT g.remote_key, g.display_name, {_MEMBER_COUNT} FROM scim_group g
WHERE g.sync_id = ? AND g.remote_key IN ({{remotes}})"""

_BY_HAND = """
SELECT t.name FROM {membership} h JOIN {target} t ON t.id = h.{column}
WHERE h.user_id = ? AND h.sync_id IS NULL"""

_DERIVED = """
SELECT t.name, s.identifier, h.{column}, h.sync_id FROM {membership} h
JOIN {target} t ON t.id = h.{column} JOIN synchronization s ON s.id = h.sync_id
WHERE h.user_id = ?"""

# The user's remote groups that a mapping names: the reasons behind derived memberships.
_REASONS = """
SELECT m.{mapping_column}, m.sync_id, m.remote_id, g.display_name FROM scim_user u
JOIN scim_group_member gm ON gm.user_id = u.id
JOIN scim_group g ON g.id = gm.group_id
JOIN {mapping} m ON m.sync_id = g.sync_id AND m.remote_id = g.remote_key
WHERE u.sofa_user_id = ?"""


def mappings(sync_id: int, kind: Kind) -> list[MappingRow]:
    query = _MAPPINGS.format(
        mapping=kind.mapping, target=kind.target, mapping_column=kind.mapping_column
    )
    return [MappingRow(n, r, rn, int(c or 0)) for n, r, rn, c in sql.rows(query, (sync_id,))]


def remote_groups(sync_id: int, remotes: list[str]) -> dict[str, RemoteGroup]:
    """The Entra groups among `remotes` (lower-case ids) that Entra has sent."""
    found: dict[str, RemoteGroup] = {}
    for start in range(0, len(remotes), 500):
        chunk = remotes[start : start + 500]
        query = _REMOTE_GROUPS.format(remotes=sql.marks(len(chunk)))
        for remote, name, members in sql.rows(query, (sync_id, *chunk)):
            found[remote] = RemoteGroup(remote, name, int(members or 0))
    return found


def grants(user_id: int, kind: Kind) -> list[Grant]:
    """Every reason the user holds each group or role of `kind`, by name; by hand first."""
    names = {"membership": kind.membership, "target": kind.target, "column": kind.column}
    found = [Grant(name) for (name,) in sql.rows(_BY_HAND.format(**names), (user_id,))]
    reasons: dict[tuple[int, int], list[tuple[str, str | None]]] = {}
    query = _REASONS.format(mapping=kind.mapping, mapping_column=kind.mapping_column)
    for target, sync_id, remote, remote_name in sql.rows(query, (user_id,)):
        reasons.setdefault((target, sync_id), []).append((remote, remote_name))
    for name, identifier, target, sync_id in sql.rows(_DERIVED.format(**names), (user_id,)):
        # NOTE: none found when Entra's membership changed and the recompute has not run yet.
        for remote, remote_name in sorted(reasons.get((target, sync_id), [(None, None)])):
            found.append(Grant(name, identifier, remote, remote_name))
    return sorted(found, key=lambda g: (g.name, g.sync is not None, g.sync or "", g.remote or ""))
