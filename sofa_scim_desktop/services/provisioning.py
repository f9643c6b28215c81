"""What Entra's calls do to Sofa: SCIM Users and Groups and the Sofa directory behind them.

Every write runs in one IMMEDIATE transaction, so a rejected request changes nothing
(RFC 7644 §3.5.2: "the operation MUST be atomic").
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from peewee import Database

from sofa_scim_desktop.domain.errors import InvalidValue
from sofa_scim_desktop.domain.errors import ResourceNotFound
from sofa_scim_desktop.domain.errors import Uniqueness
from sofa_scim_desktop.domain.patch import MemberChange
from sofa_scim_desktop.domain.patch import apply_operations
from sofa_scim_desktop.domain.patch import parse_operations
from sofa_scim_desktop.domain.patch import split_member_operations
from sofa_scim_desktop.domain.resource import Resource
from sofa_scim_desktop.domain.resource import canonical_resource
from sofa_scim_desktop.domain.resource import require
from sofa_scim_desktop.domain.schema import GROUP_TYPE
from sofa_scim_desktop.domain.schema import USER_TYPE
from sofa_scim_desktop.domain.user_mapping import sofa_fields
from sofa_scim_desktop.services.journal import Journal
from sofa_scim_desktop.services.journal import SyncRef
from sofa_scim_desktop.services.mail import new_users
from sofa_scim_desktop.storage import directory
from sofa_scim_desktop.storage import scim_store
from sofa_scim_desktop.storage.database import immediate
from sofa_scim_desktop.storage.scim_store import GroupRow
from sofa_scim_desktop.storage.scim_store import UserRow


@dataclass
class UserResult:
    row: UserRow
    resource: Resource
    created: bool = False


class UserProvisioning:
    """Users of one synchronization, called by the HTTP layer with the authenticated sync."""

    def __init__(self, db: Database, sync: SyncRef, journal: Journal) -> None:
        self.db = db
        self.sync = sync
        self.journal = journal

    def create(self, body: Any) -> UserResult:
        resource = _canonical_user(body)
        with immediate(self.db):
            name = resource["userName"]
            sofa_user_id, adopted = self._sofa_user_for(resource)
            row = scim_store.insert_user(self.sync.id, sofa_user_id, resource)
            if not adopted and new_users.wants_mail(self.sync):
                self._mail_new_user(sofa_user_id, resource)
            if row.manager_ref or adopted:  # PERF: a new Sofa user has no manager yet.
                self._link_manager(row)
            # Reports name a manager that was not here yet by its externalId, never by our id.
            scim_store.link_reports(self.sync.id, row.sofa_user_id, row.external_id)
            self.journal.info("user.created", f"User {name} created.")
        return UserResult(row, resource, created=True)

    def replace(self, scim_id: str, body: Any) -> UserResult:
        resource = _canonical_user(body)
        with immediate(self.db):
            return self._save(self._get(scim_id), resource)

    def patch(self, scim_id: str, body: Any) -> UserResult:
        operations = parse_operations(body, USER_TYPE)
        with immediate(self.db):
            row = self._get(scim_id)
            resource = apply_operations(scim_store.load(row), operations)
            _canonical_user(resource)  # the result must be a valid user as a whole.
            return self._save(row, resource)

    def delete(self, scim_id: str) -> None:
        with immediate(self.db):
            row = self._get(scim_id)
            sofa_user_id = row.sofa_user_id
            scim_store.delete_user(row)
            directory.mark_removed(sofa_user_id)
            directory.recompute_memberships(self.sync.id, [sofa_user_id])
            self.journal.info(
                "user.deleted", f"User {row.user_name} deleted; kept deactivated in Sofa."
            )

    def get(self, scim_id: str) -> UserResult:
        row = self._get(scim_id)
        return UserResult(row, scim_store.load(row))

    def _get(self, scim_id: str) -> UserRow:
        row = scim_store.get_user(self.sync.id, scim_id)
        if row is None:
            raise ResourceNotFound(f"User {scim_id} not found.")
        return row

    def _mail_new_user(self, sofa_user_id: int, resource: Resource) -> None:
        """Queued in the creating transaction: a user whose creation fails gets no mail."""
        fields = sofa_fields(resource)
        problem = new_users.enqueue_for(
            self.sync, sofa_user_id, fields, resource.get("preferredLanguage")
        )
        if problem:
            self.journal.record(logging.WARNING, "mail.skipped", problem)

    def _sofa_user_for(self, resource: Resource) -> tuple[int, bool]:
        """The Sofa user the new SCIM User fills, and whether it existed (was adopted)."""
        fields = sofa_fields(resource)
        existing = directory.find_user(fields.user_name)
        if existing is None:
            return directory.create_user(fields, self.sync.id), False
        # PERF: every SCIM User fills a Sofa user of the same name, so this one lookup also
        # finds a duplicate userName in this synchronization; the message tells them apart.
        if scim_store.user_by_name(self.sync.id, fields.user_name):
            raise Uniqueness(f"A user with userName '{fields.user_name}' already exists.")
        if not existing.removed or scim_store.fills_sofa_user(existing.id):
            raise Uniqueness(
                f"A Sofa user named '{fields.user_name}' already exists and is "
                "not managed by this synchronization."
            )
        # A user this (or a deleted) synchronization removed earlier returns: the same Sofa user.
        directory.write_fields(existing.id, fields, self.sync.id)
        return existing.id, True

    def _save(self, row: UserRow, resource: Resource) -> UserResult:
        name = resource["userName"]
        if name.lower() != row.user_name_key:
            self._check_rename(row, name)
        before = (row.resource, row.manager_ref, row.active, row.external_id)
        row = scim_store.update_user(row, resource)
        if before[0] != row.resource:
            directory.write_fields(row.sofa_user_id, sofa_fields(resource), self.sync.id)
            if before[1] != row.manager_ref:
                self._link_manager(row)
            if before[3] != row.external_id:
                scim_store.link_reports(
                    self.sync.id, row.sofa_user_id, row.scim_id, row.external_id
                )
            self._journal_update(row, was_active=before[2])
        return UserResult(row, resource)

    def _check_rename(self, row: UserRow, name: str) -> None:
        other = directory.find_user(name)
        if other is not None and other.id != row.sofa_user_id:
            raise Uniqueness(f"A user with userName '{name}' already exists.")

    def _journal_update(self, row: UserRow, was_active: bool) -> None:
        if was_active and not row.active:
            self.journal.info("user.disabled", f"User {row.user_name} disabled.")
        elif row.active and not was_active:
            self.journal.info("user.enabled", f"User {row.user_name} enabled.")
        else:
            self.journal.info("user.updated", f"User {row.user_name} updated.")

    def _link_manager(self, row: UserRow) -> None:
        manager = (
            scim_store.user_by_reference(self.sync.id, row.manager_ref) if row.manager_ref else None
        )
        directory.set_manager(row.sofa_user_id, manager.sofa_user_id if manager else None)


def _canonical_user(body: Any) -> Resource:
    if not isinstance(body, dict):
        raise InvalidValue("The body must be a User object.")
    resource = canonical_resource(body, USER_TYPE)
    require(resource, "userName")
    return resource


@dataclass
class GroupResult:
    row: GroupRow
    resource: Resource


class GroupProvisioning:
    """Groups of one synchronization; member changes derive Sofa groups and roles."""

    def __init__(self, db: Database, sync: SyncRef, journal: Journal) -> None:
        self.db = db
        self.sync = sync
        self.journal = journal

    def create(self, body: Any) -> GroupResult:
        resource, members = _canonical_group(body)
        with immediate(self.db):
            self._check_name(resource["displayName"], None)
            row = scim_store.insert_group(self.sync.id, resource)
            added = self._change_members(row, [MemberChange("add", members)] if members else [])
            if added and directory.group_is_mapped(self.sync.id, row.remote_key):
                directory.recompute_memberships(self.sync.id, scim_store.sofa_user_ids(added))
            self.journal.info("group.created", f"Group {row.display_name} created.")
        return GroupResult(row, resource)

    def replace(self, scim_id: str, body: Any) -> GroupResult:
        resource, members = _canonical_group(body)
        with immediate(self.db):
            row = self._get(scim_id)
            return self._save(row, resource, [MemberChange("replace", members)])

    def patch(self, scim_id: str, body: Any) -> GroupResult:
        operations, changes = split_member_operations(parse_operations(body, GROUP_TYPE))
        with immediate(self.db):
            row = self._get(scim_id)
            resource = apply_operations(scim_store.load(row), operations)
            require(resource, "displayName")
            return self._save(row, resource, changes)

    def delete(self, scim_id: str) -> None:
        with immediate(self.db):
            row = self._get(scim_id)
            affected = scim_store.remove_all_members(row.id)
            mapped = directory.group_is_mapped(self.sync.id, row.remote_key)
            scim_store.delete_group(row)
            if mapped:
                directory.recompute_memberships(self.sync.id, scim_store.sofa_user_ids(affected))
            self.journal.info("group.deleted", f"Group {row.display_name} deleted.")

    def get(self, scim_id: str) -> GroupResult:
        row = self._get(scim_id)
        return GroupResult(row, scim_store.load(row))

    def _get(self, scim_id: str) -> GroupRow:
        row = scim_store.get_group(self.sync.id, scim_id)
        if row is None:
            raise ResourceNotFound(f"Group {scim_id} not found.")
        return row

    def _check_name(self, name: str, row: GroupRow | None) -> None:
        other = scim_store.group_by_name(self.sync.id, name)
        if other is not None and (row is None or other.id != row.id):
            raise Uniqueness(f"A group with displayName '{name}' already exists.")

    def _save(self, row: GroupRow, resource: Resource, changes: list[MemberChange]) -> GroupResult:
        self._check_name(resource["displayName"], row)
        old_key = row.remote_key
        affected = self._change_members(row, changes)
        row = scim_store.update_group(row, resource, members_changed=bool(affected))
        if old_key != row.remote_key:  # the group now maps elsewhere: all its members change.
            affected = scim_store.member_user_pks(row.id) + affected
            self.journal.info("group.updated", f"Group {row.display_name} updated.")
        mapped = any(directory.group_is_mapped(self.sync.id, k) for k in (old_key, row.remote_key))
        if mapped and affected:
            directory.recompute_memberships(self.sync.id, scim_store.sofa_user_ids(affected))
        return GroupResult(row, resource)

    def _change_members(self, row: GroupRow, changes: list[MemberChange]) -> list[int]:
        """Applies member changes row by row; returns the ScimUser pks whose membership moved."""
        affected: list[int] = []
        for change in changes:
            if change.kind in ("remove_all", "replace"):
                affected += scim_store.remove_all_members(row.id)
            if change.kind == "remove_all" or not change.ids:
                continue
            members = scim_store.resolve_members(self.sync.id, change.ids)
            if change.kind == "remove":
                affected += scim_store.remove_members(row.id, members)
                continue
            if members.unknown:
                raise InvalidValue(
                    "No such member in this synchronization: " + ", ".join(members.unknown[:10])
                )
            affected += scim_store.add_members(row.id, members)
        if affected:
            self.journal.info(
                "group.members",
                f"Group {row.display_name}: membership of {len(set(affected))} user(s) changed.",
            )
        return affected


def _canonical_group(body: Any) -> tuple[Resource, tuple[str, ...]]:
    if not isinstance(body, dict):
        raise InvalidValue("The body must be a Group object.")
    resource = canonical_resource(body, GROUP_TYPE)
    require(resource, "displayName")
    members = resource.pop("members", None) or []
    return resource, tuple(dict.fromkeys(m["value"] for m in members if m.get("value")))
