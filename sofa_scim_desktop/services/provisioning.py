"""What Entra's calls do to Sofa: SCIM Users and Groups and the Sofa directory behind them.

Every write runs in one transaction, so a rejected request changes nothing (RFC 7644 §3.5.2:
"the operation MUST be atomic"); it locks the resource it changes and is run again after a
conflict with another server process (storage.transactions, SPEC §8.4).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field
from typing import Any
from typing import TypeVar

import orjson
from peewee import Database

from sofa_scim_desktop.domain import plurals
from sofa_scim_desktop.domain.errors import InvalidValue
from sofa_scim_desktop.domain.errors import ResourceNotFound
from sofa_scim_desktop.domain.errors import Uniqueness
from sofa_scim_desktop.domain.errors import shown
from sofa_scim_desktop.domain.patch import MemberChange
from sofa_scim_desktop.domain.patch import Operation
from sofa_scim_desktop.domain.patch import apply_operations
from sofa_scim_desktop.domain.patch import described
from sofa_scim_desktop.domain.patch import parse_operations
from sofa_scim_desktop.domain.patch import split_member_operations
from sofa_scim_desktop.domain.resource import Resource
from sofa_scim_desktop.domain.resource import canonical_resource
from sofa_scim_desktop.domain.resource import require_name
from sofa_scim_desktop.domain.schema import GROUP_TYPE
from sofa_scim_desktop.domain.schema import USER_TYPE
from sofa_scim_desktop.domain.user_mapping import SofaUserFields
from sofa_scim_desktop.domain.user_mapping import field_changes
from sofa_scim_desktop.domain.user_mapping import sofa_fields
from sofa_scim_desktop.domain.user_mapping import unusable_work_email
from sofa_scim_desktop.services.journal import Journal
from sofa_scim_desktop.services.journal import SyncRef
from sofa_scim_desktop.services.mail import new_users
from sofa_scim_desktop.storage import derived_memberships as derived
from sofa_scim_desktop.storage import directory
from sofa_scim_desktop.storage import scim_store
from sofa_scim_desktop.storage import transactions
from sofa_scim_desktop.storage.derived_memberships import MembershipChanges
from sofa_scim_desktop.storage.scim_store import GroupRow
from sofa_scim_desktop.storage.scim_store import UserRow

T = TypeVar("T")


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
        self.journal.understand(lambda: resource)
        return self._write(lambda: self._create(resource))

    def _create(self, resource: Resource) -> UserResult:
        fields = sofa_fields(resource)
        sofa_user_id, adopted = self._sofa_user_for(fields)
        row = scim_store.insert_user(self.sync.id, sofa_user_id, resource)
        if not adopted and new_users.wants_mail(self.sync):
            self._mail_new_user(sofa_user_id, fields, resource)
        if row.manager_ref or adopted:  # PERF: a new Sofa user has no manager yet.
            self._link_manager(row)
        # Reports name a manager that was not here yet by its externalId, never by our id.
        scim_store.link_reports(self.sync.id, row.sofa_user_id, row.external_id)
        self._journal_user("user.created", f"User {row.user_name} created.", row, fields)
        self._warn_unusable_email(row, resource, None)
        return UserResult(row, resource, created=True)

    def replace(self, scim_id: str, body: Any) -> UserResult:
        resource = _canonical_user(body)
        self.journal.understand(lambda: resource)
        return self._write(lambda: self._save(self._get(scim_id, lock=True), resource))

    def patch(self, scim_id: str, body: Any) -> UserResult:
        operations = parse_operations(body, USER_TYPE)
        self.journal.understand(lambda: _understood(operations, []))

        def patched() -> UserResult:
            row = self._get(scim_id, lock=True)
            resource = apply_operations(scim_store.load(row), operations)
            _canonical_user(resource)  # the result must be a valid user as a whole.
            return self._save(row, resource)

        return self._write(patched)

    def delete(self, scim_id: str) -> None:
        self._write(lambda: self._delete(self._get(scim_id, lock=True)))

    def _delete(self, row: UserRow) -> None:
        sofa_user_id = row.sofa_user_id
        scim_store.delete_user(row)
        directory.mark_removed(sofa_user_id)
        lost = derived.recompute_memberships(self.sync.id, [sofa_user_id])
        self.journal.info(
            "user.deleted",
            f"User {row.user_name} deleted; kept deactivated in Sofa.",
            {"user_name": row.user_name, **_changes_named(lost)},
        )

    def get(self, scim_id: str) -> UserResult:
        row = self._get(scim_id)
        return UserResult(row, scim_store.load(row))

    def _get(self, scim_id: str, lock: bool = False) -> UserRow:
        row = scim_store.get_user(self.sync.id, scim_id, lock)
        if row is None:
            raise ResourceNotFound(f"User {shown(scim_id)} not found.")
        return row

    def _write(self, work: Callable[[], T]) -> T:
        """One transaction, run again after a conflict with another writer (SPEC §8.4)."""
        return transactions.write(self.db, work, again=self.journal.applied.clear)

    def _mail_new_user(self, sofa_user_id: int, fields: SofaUserFields, resource: Resource) -> None:
        """Queued in the creating transaction: a user whose creation fails gets no mail."""
        problem = new_users.enqueue_for(
            self.sync, sofa_user_id, fields, resource.get("preferredLanguage")
        )
        if problem:
            detail = {"user_name": fields.user_name, "reason": "no_work_email"}
            self.journal.record(logging.WARNING, "mail.skipped", problem, detail)

    def _sofa_user_for(self, fields: SofaUserFields) -> tuple[int, bool]:
        """The Sofa user the new SCIM User fills, and whether it existed (was adopted)."""
        created = directory.create_user_unless_named(fields, self.sync.id)
        if created is not None:
            return created, False
        existing = directory.find_user(fields.user_name)
        if existing is None:  # deleted since, by another process
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
        before = (row.resource, row.manager_ref, row.active, row.external_id, row.user_name_key)
        row = scim_store.update_user(row, resource)
        if before[0] != row.resource:
            fields = sofa_fields(resource)
            directory.write_fields(row.sofa_user_id, fields, self.sync.id, _kept(before, row))
            manager = self._link_manager(row) if before[1] != row.manager_ref else []
            if before[3] != row.external_id:
                scim_store.link_reports(
                    self.sync.id, row.sofa_user_id, row.scim_id, row.external_id
                )
            event, message = _update_event(row, was_active=before[2])
            self._journal_user(event, message, row, fields, before[0], manager)
            self._warn_unusable_email(row, resource, before[0])
        return UserResult(row, resource)

    def _check_rename(self, row: UserRow, name: str) -> None:
        other = directory.find_user(name)
        if other is not None and other.id != row.sofa_user_id:
            raise Uniqueness(f"A user with userName '{name}' already exists.")

    def _journal_user(
        self, event: str, message: str, row: UserRow, fields: SofaUserFields,
        stored_before: str | None = None, extra: list[dict[str, Any]] | None = None,
    ) -> None:  # fmt: skip
        """SPEC §8.1: what changed, in Sofa's field names (`stored_before`: the resource as it
        was stored, None for a new user); computed only when it is logged.
        """
        if not self.journal.enabled_for(logging.INFO):
            return
        old = sofa_fields(orjson.loads(stored_before)) if stored_before is not None else None
        changes = field_changes(old, fields) + (extra or [])
        self.journal.info(event, message, {"user_name": row.user_name, "changes": changes})

    def _warn_unusable_email(
        self, row: UserRow, resource: Resource, stored_before: str | None
    ) -> None:
        """A work e-mail that is not an address is kept as sent but never mailed: said once,
        when it arrives, so that the admin can fix it in Entra.
        """
        value = unusable_work_email(resource)
        if value is None or not self.journal.enabled_for(logging.WARNING):
            return
        if stored_before is not None and unusable_work_email(orjson.loads(stored_before)) == value:
            return
        self.journal.record(
            logging.WARNING,
            "user.email_unusable",
            f"User {row.user_name}: the work e-mail '{value}' is not an e-mail address; "
            "it is kept as sent, but no e-mail is sent to it.",
            {"user_name": row.user_name, "value": value},
        )

    def _link_manager(self, row: UserRow) -> list[dict[str, Any]]:
        """Points the Sofa user at its superior; the change as the log tells it."""
        manager = (
            scim_store.user_by_reference(self.sync.id, row.manager_ref) if row.manager_ref else None
        )
        before = directory.manager_name(row.sofa_user_id)
        directory.set_manager(row.sofa_user_id, manager.sofa_user_id if manager else None)
        after = manager.user_name if manager else None
        return [] if before == after else [{"field": "manager", "before": before, "after": after}]


def _kept(before: tuple[Any, ...], row: UserRow) -> frozenset[str]:
    """The Sofa user's indexed columns this change leaves as they were: every write of the
    SCIM user's name and externalId writes the Sofa user's name key and SSO identifier in the
    same transaction, so the SCIM row's old values are the Sofa user's too.
    """
    kept = set()
    if before[4] == row.user_name_key:
        kept.add("user_name_key")
    if before[3] == row.external_id:
        kept.add("sso_identifier")
    return frozenset(kept)


def _update_event(row: UserRow, was_active: bool) -> tuple[str, str]:
    if was_active and not row.active:
        return "user.disabled", f"User {row.user_name} disabled."
    if row.active and not was_active:
        return "user.enabled", f"User {row.user_name} enabled."
    return "user.updated", f"User {row.user_name} updated."


def _changes_named(changes: MembershipChanges) -> dict[str, Any]:
    return changes.named() if changes else {}


def _canonical_user(body: Any) -> Resource:
    if not isinstance(body, dict):
        raise InvalidValue("The body must be a User object.")
    resource = canonical_resource(body, USER_TYPE)
    require_name(resource, "userName")
    if resource.get("displayName"):
        require_name(resource, "displayName")
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
        self.journal.understand(lambda: {**resource, "members": list(members)})
        return self._write(lambda: self._create(resource, members))

    def _create(self, resource: Resource, members: tuple[str, ...]) -> GroupResult:
        self._check_name(resource["displayName"], None)
        row = scim_store.insert_group(self.sync.id, resource)
        moved = self._change_members(row, [MemberChange("add", members)] if members else [])
        derived_changes = self._derive(row, moved.users, (row.remote_key,))
        self._journal_group(
            "group.created", f"Group {row.display_name} created.", row, moved, derived_changes
        )
        return GroupResult(row, resource)

    def replace(self, scim_id: str, body: Any) -> GroupResult:
        resource, members = _canonical_group(body)
        self.journal.understand(lambda: {**resource, "members": list(members)})
        change = [MemberChange("replace", members)]
        return self._write(lambda: self._save(self._get(scim_id, lock=True), resource, change))

    def patch(self, scim_id: str, body: Any) -> GroupResult:
        operations, changes = split_member_operations(parse_operations(body, GROUP_TYPE))
        self.journal.understand(lambda: _understood(operations, changes))

        def patched() -> GroupResult:
            row = self._get(scim_id, lock=True)
            resource = apply_operations(scim_store.load(row), operations)
            require_name(resource, "displayName")
            return self._save(row, resource, changes)

        return self._write(patched)

    def delete(self, scim_id: str) -> None:
        self._write(lambda: self._delete(self._get(scim_id, lock=True)))

    def _delete(self, row: GroupRow) -> None:
        moved = MemberMoves(removed=scim_store.remove_all_members(row.id))
        mapped = derived.group_is_mapped(self.sync.id, row.remote_key)
        scim_store.delete_group(row)
        lost = derived.recompute_memberships(
            self.sync.id, scim_store.sofa_user_ids(moved.users) if mapped else []
        )
        self._journal_group("group.deleted", f"Group {row.display_name} deleted.", row, moved, lost)

    def get(self, scim_id: str) -> GroupResult:
        row = self._get(scim_id)
        return GroupResult(row, scim_store.load(row))

    def _get(self, scim_id: str, lock: bool = False) -> GroupRow:
        row = scim_store.get_group(self.sync.id, scim_id, lock)
        if row is None:
            raise ResourceNotFound(f"Group {shown(scim_id)} not found.")
        return row

    def _write(self, work: Callable[[], T]) -> T:
        return transactions.write(self.db, work, again=self.journal.applied.clear)

    def _check_name(self, name: str, row: GroupRow | None) -> None:
        other = scim_store.group_by_name(self.sync.id, name)
        if other is not None and (row is None or other.id != row.id):
            raise Uniqueness(f"A group with displayName '{name}' already exists.")

    def _save(self, row: GroupRow, resource: Resource, changes: list[MemberChange]) -> GroupResult:
        self._check_name(resource["displayName"], row)
        before = (row.display_name, row.external_id, row.remote_key)
        moved = self._change_members(row, changes)
        row = scim_store.update_group(row, resource, members_changed=bool(moved.users))
        affected = moved.users
        if before[2] != row.remote_key:  # the group now maps elsewhere: all its members change.
            affected = scim_store.member_user_pks(row.id) + affected
        renamed = _group_changes(before, row)
        if renamed and self.journal.enabled_for(logging.INFO):
            self.journal.info(
                "group.updated",
                f"Group {row.display_name} updated.",
                {"group": row.display_name, "changes": renamed},
            )
        derived_changes = self._derive(row, affected, (before[2], row.remote_key))
        if moved.users or derived_changes:
            count = len(set(moved.users))
            users = plurals.choose("en", count, ["user", "users"])
            message = f"Group {row.display_name}: membership of {count} {users} changed."
            self._journal_group("group.members", message, row, moved, derived_changes)
        return GroupResult(row, resource)

    def _derive(
        self, row: GroupRow, affected: list[int], keys: tuple[str | None, ...]
    ) -> MembershipChanges:
        """Sofa groups and roles follow the members of a mapped Entra group (SPEC §4)."""
        # One query per distinct key: a group that kept its Entra id is asked about once.
        if not affected or not any(
            derived.group_is_mapped(self.sync.id, k) for k in dict.fromkeys(keys)
        ):
            return MembershipChanges()
        return derived.recompute_memberships(self.sync.id, scim_store.sofa_user_ids(affected))

    def _journal_group(
        self, event: str, message: str, row: GroupRow, moved: MemberMoves,
        changes: MembershipChanges,
    ) -> None:  # fmt: skip
        """SPEC §8.1: who joined and left the Entra group, and what they gained or lost in Sofa
        (names looked up only when it is logged).
        """
        if not self.journal.enabled_for(logging.INFO):
            return
        detail: dict[str, Any] = {"group": row.display_name}
        for key, pks in (("members_added", moved.added), ("members_removed", moved.removed)):
            if pks:
                detail[key] = scim_store.user_names(pks[: derived.NAMED_LIMIT], moved.names)
                detail[f"{key}_count"] = len(set(pks))
        self.journal.info(event, message, {**detail, **_changes_named(changes)})

    def _change_members(self, row: GroupRow, changes: list[MemberChange]) -> MemberMoves:
        """Applies member changes row by row; returns the ScimUser pks that joined and left."""
        moved = MemberMoves()
        for change in changes:
            if change.kind in ("remove_all", "replace"):
                moved.remove(scim_store.remove_all_members(row.id))
            if change.kind == "remove_all" or not change.ids:
                continue
            members = scim_store.resolve_members(self.sync.id, change.ids)
            moved.names.update(members.user_names)
            if change.kind == "remove":
                moved.remove(scim_store.remove_members(row.id, members))
                continue
            if members.unknown:
                raise InvalidValue(
                    "No such member in this synchronization: " + ", ".join(members.unknown[:10])
                )
            moved.add(scim_store.add_members(row.id, members))
        return moved


@dataclass
class MemberMoves:
    """ScimUser pks that joined and left a group in one request, net of each other (a
    replace removes everyone, then adds back who stays).
    """

    added: list[int] = field(default_factory=list)
    removed: list[int] = field(default_factory=list)
    names: dict[int, str] = field(default_factory=dict)  # userNames already read, by pk

    def add(self, pks: list[int]) -> None:
        back = set(pks) & set(self.removed)
        self.removed = [pk for pk in self.removed if pk not in back]
        self.added += [pk for pk in pks if pk not in back]

    def remove(self, pks: list[int]) -> None:
        gone = set(pks) & set(self.added)
        self.added = [pk for pk in self.added if pk not in gone]
        self.removed += [pk for pk in pks if pk not in gone]

    @property
    def users(self) -> list[int]:
        return self.added + self.removed


def _group_changes(
    before: tuple[str, str | None, str | None], row: GroupRow
) -> list[dict[str, Any]]:
    pairs = (
        ("display_name", before[0], row.display_name),
        ("external_id", before[1], row.external_id),
    )
    return [{"field": f, "before": old, "after": new} for f, old, new in pairs if old != new]


def _understood(operations: list[Operation], changes: list[MemberChange]) -> list[dict[str, Any]]:
    """The PATCH as Sofa understood it, after Entra's forms were normalised (for the log)."""
    understood = [described(o) for o in operations]
    return understood + [{"op": c.kind, "path": "members", "value": list(c.ids)} for c in changes]


def _canonical_group(body: Any) -> tuple[Resource, tuple[str, ...]]:
    if not isinstance(body, dict):
        raise InvalidValue("The body must be a Group object.")
    resource = canonical_resource(body, GROUP_TYPE)
    require_name(resource, "displayName")
    members = resource.pop("members", None) or []
    return resource, tuple(dict.fromkeys(m["value"] for m in members if m.get("value")))
