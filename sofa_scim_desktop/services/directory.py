"""The admin's side of the Sofa directory: local users, groups, roles, grants by hand."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from peewee import Database

from sofa_scim_desktop.domain.errors import Conflict
from sofa_scim_desktop.domain.errors import DomainError
from sofa_scim_desktop.domain.errors import NotFound
from sofa_scim_desktop.domain.resource import EMAIL_PATTERN
from sofa_scim_desktop.domain.user_mapping import SofaUserFields
from sofa_scim_desktop.storage import directory
from sofa_scim_desktop.storage.database import immediate
from sofa_scim_desktop.storage.tables import GroupMembership
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
            raise DomainError("The user name is required.")
        if not EMAIL_PATTERN.match(email):
            raise DomainError(f"'{email}' is not an e-mail address.")
        with immediate(self.db):
            if directory.user_by_name(user_name):
                raise Conflict(f"A user named '{user_name}' already exists.")
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
            raise DomainError(f"The {kind} name is required.")
        with immediate(self.db):
            if table.get_or_none(table.name == name.strip()):
                raise Conflict(f"A {kind} named '{name}' already exists.")
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
                raise Conflict(f"{user_name} already has '{target.name}' granted by hand.")
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
                    f"'{target.name}' was granted to {user_name} by a synchronization; it "
                    "follows Entra and cannot be withdrawn by hand."
                    if derived
                    else f"{user_name} does not have '{target.name}'."
                )

    def _target(self, user_name: str, group: str | None, role: str | None) -> tuple[Any, ...]:
        user = directory.user_by_name(user_name)
        if user is None:
            raise NotFound(f"No user named '{user_name}'.")
        table, kind_table, name = (
            (GroupMembership, SofaGroup, group)
            if group is not None
            else (RoleMembership, SofaRole, role)
        )
        target = kind_table.get_or_none(kind_table.name == name)
        if target is None:
            raise NotFound(f"No {'group' if group is not None else 'role'} named '{name}'.")
        column = table.group if table is GroupMembership else table.role
        return user, table, column, target


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
