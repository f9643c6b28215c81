"""Group members, one row each, so that adding one to a large group touches one row."""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field
from typing import Any

from sofa_scim_desktop.storage import sql


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
    # scim_user pk -> userName, read with the pks: the log names who joined or left for free.
    user_names: dict[int, str] = field(default_factory=dict)


def _rows_by_scim_id(table: str, columns: str, sync_id: int, ids: list[str]) -> list[Any]:
    found: list[Any] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        # PERF: `+sync_id` keeps SQLite off the sync_id index: with it, an IN list reads every
        # user of the synchronization (a batch of 100 members cost 86 ms at 100k users).
        found += sql.rows(
            f"SELECT {columns} FROM {table} "
            f"WHERE +sync_id = ? AND scim_id IN ({sql.marks(len(chunk))})",
            (sync_id, *chunk),
        )
    return found


def resolve_members(sync_id: int, ids: Iterable[str]) -> ResolvedMembers:
    wanted = list(dict.fromkeys(ids))
    user_rows = _rows_by_scim_id("scim_user", "scim_id, id, user_name", sync_id, wanted)
    users = {scim_id: pk for scim_id, pk, _ in user_rows}
    rest = [i for i in wanted if i not in users]
    groups = dict(_rows_by_scim_id("scim_group", "scim_id, id", sync_id, rest)) if rest else {}
    names = {pk: name for _, pk, name in user_rows}
    return ResolvedMembers(users, groups, [i for i in rest if i not in groups], names)


CHUNK = 500  # rows per statement: far below SQLite's 32,766 bound parameters


def _chunked(pks: list[int], run: Callable[[list[int]], Iterable[int]]) -> list[int]:
    """Runs `run` on `pks` CHUNK at a time; the pks it returned, in the order of `pks`."""
    done: list[int] = []
    for start in range(0, len(pks), CHUNK):
        chunk = pks[start : start + CHUNK]
        returned = set(run(chunk))
        done += [pk for pk in chunk if pk in returned]
    return done


def add_members(group_pk: int, members: ResolvedMembers) -> list[int]:
    """Adds the members not yet present, a row each; returns the user pks that were added.

    # PERF: one INSERT per 500 members; the rows already there are skipped by the unique
    index, which also makes a member added twice at once one member.
    """

    def insert(chunk: list[int]) -> list[Any]:
        return sql.column(
            "INSERT INTO scim_group_member (group_id, user_id) "
            f"VALUES {', '.join(['(?, ?)'] * len(chunk))} "
            "ON CONFLICT DO NOTHING RETURNING user_id",
            [value for pk in chunk for value in (group_pk, pk)],
        )

    added = _chunked(list(members.users.values()), insert)
    for pk in members.groups.values():
        if pk != group_pk:
            sql.execute(
                "INSERT INTO scim_group_member (group_id, subgroup_id) VALUES (?, ?) "
                "ON CONFLICT DO NOTHING",
                (group_pk, pk),
            )
    return added


def remove_members(group_pk: int, members: ResolvedMembers) -> list[int]:
    """Removes the listed members; returns the user pks that were members."""

    def delete(chunk: list[int]) -> list[Any]:
        return sql.column(
            "DELETE FROM scim_group_member "
            f"WHERE group_id = ? AND user_id IN ({sql.marks(len(chunk))}) RETURNING user_id",
            (group_pk, *chunk),
        )

    removed = _chunked(list(members.users.values()), delete)
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
