"""The admin's side of the Sofa directory: local users, groups, roles, grants by hand."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from peewee import Database

from sofa_scim_desktop.domain.errors import QT_TRANSLATE_NOOP
from sofa_scim_desktop.domain.errors import Conflict
from sofa_scim_desktop.domain.errors import DomainError
from sofa_scim_desktop.domain.errors import NotFound
from sofa_scim_desktop.domain.resource import EMAIL_PATTERN
from sofa_scim_desktop.domain.user_mapping import SofaUserFields
from sofa_scim_desktop.storage import directory
from sofa_scim_desktop.storage import mapping_info
from sofa_scim_desktop.storage.database import immediate
from sofa_scim_desktop.storage.mapping_effects import GROUPS
from sofa_scim_desktop.storage.mapping_effects import ROLES
from sofa_scim_desktop.storage.tables import GroupMapping
from sofa_scim_desktop.storage.tables import GroupMembership
from sofa_scim_desktop.storage.tables import RoleMapping
from sofa_scim_desktop.storage.tables import RoleMembership
from sofa_scim_desktop.storage.tables import SofaGroup
from sofa_scim_desktop.storage.tables import SofaRole
from sofa_scim_desktop.storage.tables import SofaUser
from sofa_scim_desktop.storage.tables import Synchronization


@dataclass(frozen=True)
class UserView:
    """A Sofa user as lists show it (the keys of `sofa-scim user list --json`)."""

    user_name: str
    active: bool
    display_name: str | None
    job: str | None
    notification_email: str | None
    first_name: str | None
    surname: str | None
    degree_before: str | None
    degree_after: str | None
    telephone: str | None
    mobile: str | None
    sso_identifier: str | None
    personal_number: str | None
    department: str | None
    manager: str | None
    groups: list[str]
    roles: list[str]
    removed: bool
    source: str | None


@dataclass(frozen=True)
class UserRow:
    """One line of the desktop app's user list; `key` orders the pages (keyset paging)."""

    key: str
    user_name: str
    display_name: str | None
    email: str | None
    department: str | None
    source: str | None
    active: bool
    removed: bool
    sort_value: Any = None  # what the list is ordered by: the next page starts after it


@dataclass(frozen=True)
class Membership:
    """A group or role a user holds; `sync` is the synchronization that derived it, None when
    an admin granted it by hand (the same name may appear twice: by hand and derived).
    """

    name: str
    sync: str | None
    remote: str | None = None  # the Entra group (Object Id) whose mapping grants it
    remote_name: str | None = None  # its displayName, once Entra has sent it

    def as_json(self) -> dict[str, str | None]:
        """One entry of `user explain --json` (SPEC §8.3)."""
        if self.sync is None:
            return {"name": self.name, "granted": "by_hand"}
        return {
            "name": self.name,
            "granted": "synchronization",
            "synchronization": self.sync,
            "remote": self.remote,
            "remote_name": self.remote_name,
        }


@dataclass(frozen=True)
class Explanation:
    """Why a user holds each group and role: one entry per reason, by hand first."""

    groups: list[Membership]
    roles: list[Membership]

    def as_json(self) -> dict[str, list[dict[str, str | None]]]:
        return {
            "groups": [m.as_json() for m in self.groups],
            "roles": [m.as_json() for m in self.roles],
        }


@dataclass(frozen=True)
class UserDetail:
    user: UserView
    group_memberships: list[Membership]
    role_memberships: list[Membership]
    created_at: datetime
    updated_at: datetime
    # A work e-mail from Entra that is not an address: kept as sent, no mail goes to it.
    unusable_email: str | None = None


@dataclass(frozen=True)
class NamedItem:
    """A group or role as its admin list shows it."""

    name: str
    members: int
    mapped_by: list[str]
    builtin: bool


class Directory:
    def __init__(self, db: Database) -> None:
        self.db = db

    def users(self) -> list[UserView]:
        rows = directory.list_users()
        memberships = directory.groups_and_roles([r.id for r in rows])
        sources = {s.id: s.identifier for s in _sync_rows()}
        return [_view(row, memberships[row.id], sources) for row in rows]

    def create_user(
        self, user_name: str, email: str, first_name: str | None = None, surname: str | None = None
    ) -> None:
        if not user_name.strip():
            raise DomainError(QT_TRANSLATE_NOOP("Errors", "The user name is required."))
        if not EMAIL_PATTERN.match(email):
            raise DomainError(
                QT_TRANSLATE_NOOP("Errors", "'{email}' is not an e-mail address."), email=email
            )
        with immediate(self.db):
            if directory.user_by_name(user_name):
                raise Conflict(
                    QT_TRANSLATE_NOOP("Errors", "A user named '{user_name}' already exists."),
                    user_name=user_name,
                )
            directory.create_user(
                SofaUserFields(
                    user_name=user_name.strip(),
                    notification_email=email,
                    first_name=first_name,
                    surname=surname,
                ),
                source=None,
            )

    def create_group(self, name: str) -> None:
        self._create(SofaGroup, name, "group")

    def create_role(self, name: str) -> None:
        self._create(SofaRole, name, "role")

    def _create(self, table: Any, name: str, kind: str) -> None:
        if not name.strip():
            raise DomainError(_NAME_REQUIRED[kind])
        with immediate(self.db):
            if table.get_or_none(table.name == name.strip()):
                raise Conflict(_NAME_TAKEN[kind], name=name)
            table.create(name=name.strip())

    def grant(self, user_name: str, group: str | None = None, role: str | None = None) -> None:
        """A membership granted by hand; synchronizations never touch it (SPEC §4)."""
        with immediate(self.db):
            user, table, column, target = self._target(user_name, group, role)
            exists = (
                table.select()
                .where((table.user == user.id) & (column == target.id) & table.sync.is_null())
                .exists()
            )
            if exists:
                raise Conflict(
                    QT_TRANSLATE_NOOP(
                        "Errors", "{user_name} already has '{name}' granted by hand."
                    ),
                    user_name=user_name,
                    name=target.name,
                )
            table.create(user=user.id, sync=None, **{column.name: target.id})

    def revoke(self, user_name: str, group: str | None = None, role: str | None = None) -> None:
        """Withdraws only what an admin granted; derived memberships follow Entra."""
        with immediate(self.db):
            user, table, column, target = self._target(user_name, group, role)
            deleted = (
                table.delete()
                .where((table.user == user.id) & (column == target.id) & table.sync.is_null())
                .execute()
            )
            if not deleted:
                derived = (
                    table.select().where((table.user == user.id) & (column == target.id)).exists()
                )
                raise DomainError(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "'{name}' was granted to {user_name} by a synchronization; it "
                        "follows Entra and cannot be withdrawn by hand.",
                    )
                    if derived
                    else QT_TRANSLATE_NOOP("Errors", "{user_name} does not have '{name}'."),
                    name=target.name,
                    user_name=user_name,
                )

    # --- The desktop app's pages ---------------------------------------------------------

    def user_page(
        self,
        search: str = "",
        after: str | UserRow | None = None,
        limit: int = 200,
        order: str = "user_name",
        descending: bool = False,
    ) -> list[UserRow]:
        """Users whose name, names, e-mail or department contain `search`, in `order` (one of
        storage.directory.USER_ORDERS), after the row `after` of the previous page.
        """
        cursor = (after.sort_value, after.key) if isinstance(after, UserRow) else after
        rows = directory.user_page(search, cursor, limit, order, descending)
        return [UserRow(*row) for row in rows]

    def stamp(self) -> tuple[Any, ...]:
        """Differs from the last one whenever the directory changed (e.g. by Entra's calls)."""
        return directory.directory_stamp()

    def count_users(self, search: str = "") -> int:
        return directory.count_users(search)

    def user_detail(self, user_name: str) -> UserDetail:
        row = directory.one_user(user_name)
        if row is None:
            raise NotFound(
                QT_TRANSLATE_NOOP("Errors", "No user named '{user_name}'."), user_name=user_name
            )
        explained = _explain(row.id)
        names = (
            sorted({m.name for m in explained.groups}),
            sorted({m.name for m in explained.roles}),
        )
        sources = {s.id: s.identifier for s in _sync_rows()}
        return UserDetail(
            user=_view(row, names, sources),
            group_memberships=explained.groups,
            role_memberships=explained.roles,
            created_at=row.created_at,
            updated_at=row.updated_at,
            unusable_email=directory.unusable_work_email_of(row.id),
        )

    def explain(self, user_name: str) -> Explanation:
        """SPEC §8.3 `user explain`: each group and role with how it was granted."""
        row = directory.user_by_name(user_name)
        if row is None:
            raise NotFound(
                QT_TRANSLATE_NOOP("Errors", "No user named '{user_name}'."), user_name=user_name
            )
        with self.db.atomic():  # one snapshot: memberships and their reasons agree
            return _explain(row.id)

    def groups(self) -> list[NamedItem]:
        return self._items(SofaGroup)

    def roles(self) -> list[NamedItem]:
        return self._items(SofaRole)

    def group_mapped_by(self, name: str) -> list[str]:
        return directory.mapped_by(GroupMapping, self._named(SofaGroup, name).id)

    def role_mapped_by(self, name: str) -> list[str]:
        return directory.mapped_by(RoleMapping, self._named(SofaRole, name).id)

    def rename_group(self, old: str, new: str) -> None:
        self._rename(SofaGroup, old, new)

    def rename_role(self, old: str, new: str) -> None:
        self._rename(SofaRole, old, new)

    def delete_group(self, name: str) -> None:
        self._delete(SofaGroup, name)

    def delete_role(self, name: str) -> None:
        self._delete(SofaRole, name)

    def _items(self, table: Any) -> list[NamedItem]:
        membership, mapping = _tables_of(table)
        counts = directory.member_counts(membership)
        return [
            NamedItem(
                name=row.name,
                members=counts.get(row.id, 0),
                mapped_by=directory.mapped_by(mapping, row.id),
                builtin=bool(getattr(row, "builtin", False)),
            )
            for row in table.select().order_by(table.name)
        ]

    def _rename(self, table: Any, old: str, new: str) -> None:
        kind = _kind(table)
        if not new.strip():
            raise DomainError(_NAME_REQUIRED[kind])
        with immediate(self.db):
            row = self._named(table, old)
            _refuse_builtin(row, "renamed")
            clash = table.get_or_none(table.name == new.strip())
            if clash is not None and clash.id != row.id:
                raise Conflict(_NAME_TAKEN[kind], name=new.strip())
            table.update(name=new.strip()).where(table.id == row.id).execute()

    def _delete(self, table: Any, name: str) -> None:
        """Its memberships go too, derived ones included, and the mappings that name it."""
        with immediate(self.db):
            row = self._named(table, name)
            _refuse_builtin(row, "deleted")
            directory.delete_group_or_role(table, row.id)

    @staticmethod
    def _named(table: Any, name: str) -> Any:
        row = table.get_or_none(table.name == name)
        if row is None:
            raise NotFound(_NO_SUCH[_kind(table)], name=name)
        return row

    def _target(self, user_name: str, group: str | None, role: str | None) -> tuple[Any, ...]:
        user = directory.user_by_name(user_name)
        if user is None:
            raise NotFound(
                QT_TRANSLATE_NOOP("Errors", "No user named '{user_name}'."), user_name=user_name
            )
        table, kind_table, name = (
            (GroupMembership, SofaGroup, group)
            if group is not None
            else (RoleMembership, SofaRole, role)
        )
        target = kind_table.get_or_none(kind_table.name == name)
        if target is None:
            raise NotFound(_NO_SUCH["group" if group is not None else "role"], name=name)
        column = table.group if table is GroupMembership else table.role
        return user, table, column, target


def _explain(user_id: int) -> Explanation:
    def entries(kind: Any) -> list[Membership]:
        return [
            Membership(g.name, g.sync, g.remote, g.remote_name)
            for g in mapping_info.grants(user_id, kind)
        ]

    return Explanation(entries(GROUPS), entries(ROLES))


# Per kind, not "The {kind} name": Czech words differ in gender and case (skupina, role).
_NAME_REQUIRED = {
    "group": QT_TRANSLATE_NOOP("Errors", "The group name is required."),
    "role": QT_TRANSLATE_NOOP("Errors", "The role name is required."),
}
_NAME_TAKEN = {
    "group": QT_TRANSLATE_NOOP("Errors", "A group named '{name}' already exists."),
    "role": QT_TRANSLATE_NOOP("Errors", "A role named '{name}' already exists."),
}
_NO_SUCH = {
    "group": QT_TRANSLATE_NOOP("Errors", "No group named '{name}'."),
    "role": QT_TRANSLATE_NOOP("Errors", "No role named '{name}'."),
}
_BUILTIN = {
    "renamed": QT_TRANSLATE_NOOP("Errors", "The built-in role '{name}' cannot be renamed."),
    "deleted": QT_TRANSLATE_NOOP("Errors", "The built-in role '{name}' cannot be deleted."),
}


def _kind(table: Any) -> str:
    return "group" if table is SofaGroup else "role"


def _tables_of(table: Any) -> tuple[Any, Any]:
    return (GroupMembership, GroupMapping) if table is SofaGroup else (RoleMembership, RoleMapping)


def _refuse_builtin(row: Any, action: str) -> None:
    if getattr(row, "builtin", False):
        raise DomainError(_BUILTIN[action], name=row.name)


def _sync_rows() -> list[Any]:
    return list(Synchronization.select(Synchronization.id, Synchronization.identifier))


def _view(
    row: SofaUser, memberships: tuple[list[str], list[str]], sources: dict[int, str]
) -> UserView:
    return UserView(
        user_name=row.user_name,
        active=row.active,
        display_name=row.display_name,
        job=row.job,
        notification_email=row.notification_email,
        first_name=row.first_name,
        surname=row.surname,
        degree_before=row.degree_before,
        degree_after=row.degree_after,
        telephone=row.telephone,
        mobile=row.mobile,
        sso_identifier=row.sso_identifier,
        personal_number=row.personal_number,
        department=row.department,
        manager=getattr(row, "manager_name", None),
        groups=memberships[0],
        roles=memberships[1],
        removed=row.removed,
        source=sources.get(row.source_id),
    )
