"""The Sofa directory: users, groups, roles, and memberships that record who granted them
(NULL `sync` = an admin by hand; otherwise the synchronization that derived them).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import orjson
from peewee import JOIN
from peewee import Case
from peewee import Tuple
from peewee import fn

from sofa_scim_desktop.domain.user_mapping import SofaUserFields
from sofa_scim_desktop.domain.user_mapping import unusable_work_email
from sofa_scim_desktop.storage import sql
from sofa_scim_desktop.storage.tables import GroupMapping
from sofa_scim_desktop.storage.tables import GroupMembership
from sofa_scim_desktop.storage.tables import RoleMapping
from sofa_scim_desktop.storage.tables import RoleMembership
from sofa_scim_desktop.storage.tables import ScimUser
from sofa_scim_desktop.storage.tables import SofaGroup
from sofa_scim_desktop.storage.tables import SofaRole
from sofa_scim_desktop.storage.tables import SofaUser
from sofa_scim_desktop.storage.tables import Synchronization
from sofa_scim_desktop.storage.tables import utcnow

_SYNCED_FIELDS = tuple(
    f.name for f in dataclasses.fields(SofaUserFields) if f.name != "manager_ref"
)


def user_by_name(user_name: str) -> SofaUser | None:
    row: SofaUser | None = SofaUser.get_or_none(SofaUser.user_name_key == user_name.lower())
    return row


@dataclass(frozen=True)
class UserRef:
    id: int
    removed: bool


def find_user(user_name: str) -> UserRef | None:
    """The Sofa user of that name (case-insensitive), as provisioning needs to know it."""
    row = sql.one("SELECT id, removed FROM sofa_user WHERE user_name_key = ?", (user_name.lower(),))
    return UserRef(row[0], bool(row[1])) if row else None


# PERF: the writes provisioning makes on every call are hand-written SQL (storage.sql).
_INSERT_USER = (
    f"INSERT INTO sofa_user (user_name_key, source_id, removed, created_at, updated_at, "
    f"{', '.join(_SYNCED_FIELDS)}) VALUES ({sql.marks(5 + len(_SYNCED_FIELDS))})"
)
_RETURNING_ID = " RETURNING id"
_UNLESS_NAMED = " ON CONFLICT (user_name_key) DO NOTHING RETURNING id"
# Indexed columns an update may leave out when the caller knows they keep their value.
# PERF: as in scim_store.users, SQLite rewrites an index entry for every column an UPDATE sets.
KEPT_INDEXED = frozenset({"user_name_key", "sso_identifier"})


@lru_cache(maxsize=1 << len(KEPT_INDEXED))
def _write_fields_sql(kept: frozenset[str]) -> str:
    names = [f"{name} = ?" for name in (*_SYNCED_FIELDS, "user_name_key") if name not in kept]
    return (
        f"UPDATE sofa_user SET {', '.join(names)}, source_id = ?, removed = ?, updated_at = ? "
        "WHERE id = ?"
    )


def create_user(fields: SofaUserFields, source: int | None) -> int:
    """Returns the new user's id."""
    return sql.insert(_INSERT_USER + _RETURNING_ID, _user_row(fields, source))


def create_user_unless_named(fields: SofaUserFields, source: int | None) -> int | None:
    """The new user's id, or None when a user of that name (case-insensitive) exists.

    PERF: one statement where a look-up and an insert were two; a new user is the usual case.
    """
    row = sql.one(_INSERT_USER + _UNLESS_NAMED, _user_row(fields, source))
    return None if row is None else int(row[0])


def _user_row(fields: SofaUserFields, source: int | None) -> tuple[object, ...]:
    now = utcnow()
    values = [getattr(fields, name) for name in _SYNCED_FIELDS]
    return (fields.user_name.lower(), source, False, now, now, *values)


def write_fields(
    user_id: int, fields: SofaUserFields, source: int, kept: frozenset[str] = frozenset()
) -> None:
    """Writes the synchronized fields; `kept`: columns of KEPT_INDEXED the caller knows hold
    these values already (the SCIM user's own row says so), left out of the UPDATE.
    """
    values = [getattr(fields, name) for name in _SYNCED_FIELDS if name not in kept]
    key = [] if "user_name_key" in kept else [fields.user_name.lower()]
    sql.execute(_write_fields_sql(kept), (*values, *key, source, False, utcnow(), user_id))


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


def manager_name(sofa_user_id: int) -> str | None:
    row = sql.one(
        "SELECT m.user_name FROM sofa_user u JOIN sofa_user m ON m.id = u.manager_id "
        "WHERE u.id = ?",
        (sofa_user_id,),
    )
    return row[0] if row else None


def set_manager(sofa_user_id: int, manager_id: int | None) -> None:
    sql.execute("UPDATE sofa_user SET manager_id = ? WHERE id = ?", (manager_id, sofa_user_id))


# --- Groups, roles and grants by hand -------------------------------------------------------


def groups_and_roles(user_ids: list[int]) -> dict[int, tuple[list[str], list[str]]]:
    result: dict[int, tuple[list[str], list[str]]] = {uid: ([], []) for uid in user_ids}
    for chunk_start in range(0, len(user_ids), 500):
        chunk = user_ids[chunk_start : chunk_start + 500]
        for slot, table, target in ((0, GroupMembership, SofaGroup), (1, RoleMembership, SofaRole)):
            for uid, name in (
                table.select(table.user, target.name)
                .join(target)
                .where(table.user.in_(chunk))
                .distinct()
                .order_by(target.name)
                .tuples()
            ):
                result[uid][slot].append(name)
    return result


def list_users() -> list[SofaUser]:
    Manager = SofaUser.alias()
    return list(
        SofaUser.select(SofaUser, Manager.user_name.alias("manager_name"))
        .join_from(SofaUser, Manager, JOIN.LEFT_OUTER, on=SofaUser.manager == Manager.id)
        .order_by(SofaUser.user_name_key)
        .objects()  # `manager_name` on the row itself, not on a joined Manager instance.
    )


# --- Pages, details and group/role administration for the desktop app ----------------------


def _search_condition(text: str) -> Any:
    """Matches user name, names, e-mail and department, ignoring case (Czech letters too: the
    SQLite connection registers a Unicode LOWER()).
    """
    # PERF: one LOWER() of the fields joined, not one per field: on SQLite LOWER() is a
    # Python function, and 50,000 users searched took 150 ms with six calls a row.
    # A line break joins them: the search box cannot type one, so no match spans two fields.
    columns = (
        SofaUser.user_name_key,
        SofaUser.display_name,
        SofaUser.first_name,
        SofaUser.surname,
        SofaUser.notification_email,
        SofaUser.department,
    )
    joined: Any = fn.COALESCE(columns[0], "")
    for column in columns[1:]:
        joined = joined.concat("\n").concat(fn.COALESCE(column, ""))
    return fn.LOWER(joined).contains(text.strip().lower())


USER_ORDERS = ("user_name", "display_name", "email", "department", "source", "state")


def _sort_expression(order: str) -> Any:
    """What the user list sorts by: text case-insensitively, a missing value first; the state
    as Active, Deactivated, Removed.
    """
    if order == "user_name":
        return SofaUser.user_name_key
    if order == "state":
        return Case(None, ((SofaUser.removed, 2), (~SofaUser.active, 1)), 0)
    column = {
        "display_name": SofaUser.display_name,
        "email": SofaUser.notification_email,
        "department": SofaUser.department,
        "source": Synchronization.identifier,
    }[order]
    return fn.LOWER(fn.COALESCE(column, ""))


def user_page(
    search: str,
    after: str | tuple[Any, str] | None,
    limit: int,
    order: str = "user_name",
    descending: bool = False,
) -> list[tuple[Any, ...]]:
    """One page of users in `order`, after the cursor `after` (the last row's sort value and
    key; a bare key when ordered by user name). Keyset paging: a page deep in a long list costs
    the same as the first one. Each row ends with its sort value, the next page's cursor.
    """
    sort = _sort_expression(order)
    key = SofaUser.user_name_key
    query = (
        SofaUser.select(
            key,
            SofaUser.user_name,
            SofaUser.display_name,
            SofaUser.notification_email,
            SofaUser.department,
            Synchronization.identifier,
            SofaUser.active,
            SofaUser.removed,
            sort.alias("sort_value"),
        )
        .join(Synchronization, JOIN.LEFT_OUTER, on=SofaUser.source == Synchronization.id)
        .order_by(*((sort.desc(), key.desc()) if descending else (sort, key)))
        .limit(limit)
    )
    if search.strip():
        query = query.where(_search_condition(search))
    if after is not None:
        value, last = after if isinstance(after, tuple) else (after, after)
        cursor = Tuple(sort, key)
        query = query.where(
            cursor < Tuple(value, last) if descending else cursor > Tuple(value, last)
        )
    return list(query.tuples())


def directory_stamp() -> tuple[Any, ...]:
    """Changes whenever a user, a membership, a group or a role does: the desktop app's
    Directory polls it and reloads only then (a few cheap aggregates, no rows).
    """
    parts: list[Any] = [
        SofaUser.select(fn.COUNT(SofaUser.id), fn.MAX(SofaUser.updated_at)).tuples().get()
    ]
    for table in (GroupMembership, RoleMembership, SofaGroup, SofaRole):
        parts.append(table.select(fn.COUNT(table.id), fn.MAX(table.id)).tuples().get())
    return tuple(parts)


def count_users(search: str) -> int:
    query = SofaUser.select()
    if search.strip():
        query = query.where(_search_condition(search))
    count: int = query.count()
    return count


def one_user(user_name: str) -> SofaUser | None:
    Manager = SofaUser.alias()
    row: SofaUser | None = (
        SofaUser.select(SofaUser, Manager.user_name.alias("manager_name"))
        .join_from(SofaUser, Manager, JOIN.LEFT_OUTER, on=SofaUser.manager == Manager.id)
        .where(SofaUser.user_name_key == user_name.lower())
        .objects()
        .first()
    )
    return row


def unusable_work_email_of(user_id: int) -> str | None:
    """The work e-mail Entra sent for this user when it is not an address (kept in the SCIM
    resource as sent, never used for mail); None when there is none or it is usable.
    """
    row = ScimUser.select(ScimUser.resource).where(ScimUser.sofa_user == user_id).first()
    return unusable_work_email(orjson.loads(row.resource)) if row is not None else None


def member_counts(table: Any) -> dict[int, int]:
    """Distinct users per group or role, whoever granted them."""
    column = table.group if table is GroupMembership else table.role
    return dict(table.select(column, fn.COUNT(table.user.distinct())).group_by(column).tuples())


def mapped_by(mapping: Any, target_id: int) -> list[str]:
    """Names of the synchronizations whose mappings name this group or role."""
    column = mapping.sofa_group if mapping is GroupMapping else mapping.sofa_role
    return list(
        Synchronization.select(Synchronization.name)
        .join(mapping, on=mapping.sync == Synchronization.id)
        .where(column == target_id)
        .distinct()
        .order_by(Synchronization.name)
        .scalars()
    )


def delete_group_or_role(table: Any, target_id: int) -> None:
    """Removes its memberships (by hand and derived) and its mappings, then the row itself;
    explicit rather than left to ON DELETE CASCADE, which SQLite applies only with the pragma.
    """
    if table is SofaGroup:
        GroupMembership.delete().where(GroupMembership.group == target_id).execute()
        GroupMapping.delete().where(GroupMapping.sofa_group == target_id).execute()
    else:
        RoleMembership.delete().where(RoleMembership.role == target_id).execute()
        RoleMapping.delete().where(RoleMapping.sofa_role == target_id).execute()
    table.delete().where(table.id == target_id).execute()
