"""The administrator's synchronizations (SPEC §2, §3): settings, mappings, keys, last call."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from datetime import timedelta
from typing import Any

from peewee import Database
from peewee import fn

from sofa_scim_desktop.domain.errors import QT_TRANSLATE_NOOP
from sofa_scim_desktop.domain.errors import Conflict
from sofa_scim_desktop.domain.errors import DomainError
from sofa_scim_desktop.domain.errors import NotFound
from sofa_scim_desktop.domain.identifiers import normalize_remote_group_id
from sofa_scim_desktop.domain.identifiers import validate_identifier
from sofa_scim_desktop.domain.keys import expiry_for
from sofa_scim_desktop.domain.keys import generate_key
from sofa_scim_desktop.domain.keys import hash_key
from sofa_scim_desktop.services.health import CallFigures
from sofa_scim_desktop.services.health import Health
from sofa_scim_desktop.services.health import figures_by_sync
from sofa_scim_desktop.services.health import health_of
from sofa_scim_desktop.services.journal import LEVELS
from sofa_scim_desktop.storage import derived_memberships as derived
from sofa_scim_desktop.storage import directory
from sofa_scim_desktop.storage import mapping_effects as effects
from sofa_scim_desktop.storage import mapping_info
from sofa_scim_desktop.storage import scim_store
from sofa_scim_desktop.storage import transactions
from sofa_scim_desktop.storage.database import immediate
from sofa_scim_desktop.storage.mapping_info import RemoteGroup as RemoteGroup  # for the GUI
from sofa_scim_desktop.storage.tables import AccessKey
from sofa_scim_desktop.storage.tables import GroupMapping
from sofa_scim_desktop.storage.tables import RoleMapping
from sofa_scim_desktop.storage.tables import SofaGroup
from sofa_scim_desktop.storage.tables import SofaRole
from sofa_scim_desktop.storage.tables import SyncAlias
from sofa_scim_desktop.storage.tables import Synchronization
from sofa_scim_desktop.storage.tables import database
from sofa_scim_desktop.storage.tables import utcnow
from sofa_scim_desktop.storage.transactions import MEMBERSHIPS
from sofa_scim_desktop.storage.transactions import serialize

SYNC_TYPE = "scim"
KEY_GRACE = timedelta(hours=24)  # SPEC §8.3: the replaced key's longest grace
FLAGS = ("enabled", "notify_failures", "welcome_email", "password_link")


@dataclass(frozen=True)
class SyncSettings:
    name: str
    identifier: str
    description: str = ""
    enabled: bool = True
    notify_failures: bool = False
    welcome_email: bool = False
    password_link: bool = False
    log_level: str = "information"


@dataclass(frozen=True)
class IssuedKey:
    key: str
    expires_at: datetime


_NO_SOFA = {
    "group": QT_TRANSLATE_NOOP("Errors", "No Sofa group named '{name}'."),
    "role": QT_TRANSLATE_NOOP("Errors", "No Sofa role named '{name}'."),
}


def type_conflict() -> str | None:
    """Why no SCIM synchronization may be added (another type is set up), or None."""
    other_type = Synchronization.select().where(Synchronization.type != SYNC_TYPE).first()
    if other_type is None:
        return None
    return (
        f"A synchronization of the type {other_type.type} is set up; "
        "only one type of synchronization may exist at a time."
    )


def validate(settings: SyncSettings) -> None:
    if not settings.name.strip():
        raise DomainError(QT_TRANSLATE_NOOP("Errors", "The name is required."))
    validate_identifier(settings.identifier)
    if settings.log_level not in LEVELS:
        raise DomainError(
            QT_TRANSLATE_NOOP("Errors", "The logging level must be one of {levels}."),
            levels=", ".join(LEVELS),
        )


class Synchronizations:
    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, identifier: str) -> Synchronization:
        row = Synchronization.get_or_none(Synchronization.identifier == identifier)
        if row is None:
            raise NotFound(
                QT_TRANSLATE_NOOP(
                    "Errors", "No synchronization with the identifier '{identifier}'."
                ),
                identifier=identifier,
            )
        return row

    def all(self) -> list[Synchronization]:
        return list(Synchronization.select().order_by(Synchronization.name))

    def create(self, settings: SyncSettings) -> Synchronization:
        validate(settings)
        with immediate(self.db):
            conflict = type_conflict()
            if conflict:
                raise Conflict(conflict)
            self._claim(settings.identifier, None)
            return Synchronization.create(type=SYNC_TYPE, **vars(settings))

    def update(self, identifier: str, settings: SyncSettings) -> Synchronization:
        """A new identifier keeps the old one as an alias (SPEC §8.3): Entra's Tenant URL
        keeps working with the same key until Entra calls the new one.
        """
        validate(settings)
        with immediate(self.db):
            row = self.get(identifier)
            self._claim(settings.identifier, row.id)
            if settings.identifier != row.identifier:
                _keep_as_alias(row, settings.identifier)
            Synchronization.update(**vars(settings)).where(Synchronization.id == row.id).execute()
            return self.get(settings.identifier)

    def drop_aliases(self, identifier: str) -> list[str]:
        """Ends the old identifiers now (`sync update NEW --drop-alias`); returns them."""
        with immediate(self.db):
            row = self.get(identifier)
            ended = aliases_of(row.id)
            SyncAlias.update(ended_at=utcnow()).where(
                (SyncAlias.sync == row.id) & SyncAlias.ended_at.is_null()
            ).execute()
        return ended

    def _claim(self, identifier: str, own_id: int | None) -> None:
        """Refuses an identifier another synchronization has, as its own or as a working
        alias (SPEC §8.3); an ended alias gives it up.
        """
        # NOTE: case-insensitive, and not LIKE: the connection sets case_sensitive_like and
        # "_" (allowed in identifiers) is a LIKE wildcard.
        other = Synchronization.get_or_none(
            fn.LOWER(Synchronization.identifier) == identifier.lower()
        )
        if other is not None and other.id != own_id:
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "Errors", "The identifier '{identifier}' is already used by '{name}'."
                ),
                identifier=identifier,
                name=other.name,
            )
        working = (fn.LOWER(SyncAlias.identifier) == identifier.lower()) & (
            SyncAlias.ended_at.is_null()
        )
        if own_id is not None:  # renaming back to its own old identifier is fine
            working &= SyncAlias.sync != own_id
        alias = SyncAlias.select(SyncAlias, Synchronization).join(Synchronization).where(working)
        alias = alias.first()
        if alias is not None:
            raise Conflict(
                f"The identifier '{identifier}' is still the old identifier of "
                f"'{alias.sync.name}': Entra may be calling it. Drop that alias first "
                f"(sofa-scim sync update {alias.sync.identifier} --drop-alias)."
            )
        # An ended alias gives its identifier up: the new owner's calls are its own.
        SyncAlias.delete().where(fn.LOWER(SyncAlias.identifier) == identifier.lower()).execute()

    def delete(self, identifier: str) -> int:
        """Removes it with its settings, keys and mappings; its users stay, deactivated."""
        with immediate(self.db):
            row = self.get(identifier)
            detached = directory.detach_users_of(row.id)
            row.delete_instance(recursive=False)
        scim_store.forget_walks()
        return detached

    def issue_key(self, identifier: str, days: int, revoke_old: bool = False) -> IssuedKey:
        """A new key replaces the old one; only its hash is stored (SPEC §3). The old key
        stays valid until the first call with the new one or for KEY_GRACE, whichever comes
        first (SPEC §8.3: Entra keeps provisioning while the admin pastes the new key);
        `revoke_old` ends it at once (a leaked key).
        """
        key = generate_key()
        now = utcnow()
        expires_at = expiry_for(now, days)
        with immediate(self.db):
            row = self.get(identifier)
            old = AccessKey.get_or_none(AccessKey.sync == row.id)
            AccessKey.delete().where(AccessKey.sync == row.id).execute()
            AccessKey.create(
                sync=row.id,
                key_hash=hash_key(key),
                expires_at=expires_at,
                # Kept to tell Entra's admin "replaced" rather than "wrong" (SPEC §8.1).
                previous_key_hash=old.key_hash if old else None,
                previous_valid_until=_grace_end(old, now, revoke_old) if old else None,
            )
        return IssuedKey(key, expires_at)

    def previous_key_valid_until(self, sync: Synchronization) -> datetime | None:
        """Until when the replaced key still opens the endpoint, or None (SPEC §8.3)."""
        key = AccessKey.get_or_none(AccessKey.sync == sync.id)
        return _still_valid(key.previous_valid_until if key else None)

    def key_expiry(self, sync: Synchronization) -> datetime | None:
        key = AccessKey.get_or_none(AccessKey.sync == sync.id)
        return key.expires_at if key else None

    # --- Mappings ------------------------------------------------------------------------

    def map_group(
        self, identifier: str, group_name: str, remote_id: str, dry_run: bool = False
    ) -> MappingEffects:
        return self._change(identifier, effects.GROUPS, group_name, remote_id, True, dry_run)

    def map_role(
        self, identifier: str, role_name: str, remote_id: str, dry_run: bool = False
    ) -> MappingEffects:
        return self._change(identifier, effects.ROLES, role_name, remote_id, True, dry_run)

    def unmap_group(
        self, identifier: str, group_name: str, remote_id: str, dry_run: bool = False
    ) -> MappingEffects:
        return self._change(identifier, effects.GROUPS, group_name, remote_id, False, dry_run)

    def unmap_role(
        self, identifier: str, role_name: str, remote_id: str, dry_run: bool = False
    ) -> MappingEffects:
        return self._change(identifier, effects.ROLES, role_name, remote_id, False, dry_run)

    def _change(
        self, identifier: str, kind: effects.Kind, name: str, remote: str, adding: bool,
        dry_run: bool,
    ) -> MappingEffects:  # fmt: skip
        """SPEC §8.3: what the change does (would do, with `dry_run`), computed before it is
        made, under the lock the recompute takes: the lists are exactly what was done.
        """
        remote_id = normalize_remote_group_id(remote)
        table, mapping, column = _mapping_tables(kind)

        def changed() -> MappingEffects:
            sync = self.get(identifier)
            target = _named(table, name)
            if not dry_run:
                serialize(MEMBERSHIPS, sync.id)
            before = effects.current(sync.id, kind)
            after = {t: set(r) for t, r in before.items()}
            mapped = after.setdefault(target.id, set())
            if not adding and remote_id not in mapped:
                raise NotFound(_NOT_MAPPED[kind.name], remote=remote_id, name=name)
            (mapped.add if adding else mapped.discard)(remote_id)
            result = _effects_of(sync.id, {kind.name: (before, after)})
            if dry_run:
                return result
            if adding:
                mapping.insert(
                    sync=sync.id, remote_id=remote_id, **{column: target.id}
                ).on_conflict_ignore().execute()
            else:
                mapping.delete().where(
                    (mapping.sync == sync.id)
                    & (mapping.remote_id == remote_id)
                    & (getattr(mapping, column) == target.id)
                ).execute()
            derived.recompute_memberships(sync.id)
            return result

        if dry_run:
            with self.db.atomic():  # one snapshot for every statement of the preview
                return changed()
        return transactions.write(self.db, changed)

    def preview_mappings(
        self, identifier: str | None, groups: list[tuple[str, str]], roles: list[tuple[str, str]]
    ) -> MappingEffects:
        """What the editor's Save would do with these rows (a new synchronization: nothing,
        it has no users yet). Read-only; safe off the GUI thread.
        """
        if identifier is None:
            return MappingEffects([], [])
        with self.db.atomic():
            sync = self.get(identifier)
            return _effects_of(sync.id, _proposed(sync.id, groups, roles))

    def set_mappings(
        self, identifier: str, groups: list[tuple[str, str]], roles: list[tuple[str, str]]
    ) -> MappingEffects:
        """Replaces all mappings (the editor's Save), recomputes derived memberships, and says
        who gained and who lost what (the editor's preview, computed under the lock).
        """
        group_rows = [(_named(SofaGroup, n).id, normalize_remote_group_id(r)) for n, r in groups]
        role_rows = [(_named(SofaRole, n).id, normalize_remote_group_id(r)) for n, r in roles]

        def replaced() -> MappingEffects:
            sync = self.get(identifier)
            serialize(MEMBERSHIPS, sync.id)
            result = _effects_of(sync.id, _proposed(sync.id, groups, roles))
            for table, column, rows in (
                (GroupMapping, "sofa_group", group_rows),
                (RoleMapping, "sofa_role", role_rows),
            ):
                table.delete().where(table.sync == sync.id).execute()
                for target_id, remote_id in dict.fromkeys(rows):
                    table.create(sync=sync.id, remote_id=remote_id, **{column: target_id})
            derived.recompute_memberships(sync.id)
            return result

        return transactions.write(self.db, replaced)

    def mapping_list(self, identifier: str) -> list[MappingInfo]:
        """SPEC §8.3 `map list`: group mappings, then role mappings, in saved order."""
        sync = self.get(identifier)
        return [
            MappingInfo(
                kind.name,
                row.name,
                row.remote,
                row.remote_name,
                row.remote_name is not None,
                row.members,
            )  # fmt: skip
            for kind in (effects.GROUPS, effects.ROLES)
            for row in mapping_info.mappings(sync.id, kind)
        ]

    def remote_groups(self, identifier: str | None, remotes: list[str]) -> dict[str, RemoteGroup]:
        """The Entra groups among `remotes` (any case) that Entra has sent this synchronization,
        by lower-case id: their names and member counts.
        """
        if identifier is None:
            return {}
        sync = Synchronization.get_or_none(Synchronization.identifier == identifier)
        if sync is None:
            return {}
        return mapping_info.remote_groups(sync.id, sorted({r.lower() for r in remotes}))


_NOT_MAPPED = {
    "group": QT_TRANSLATE_NOOP("Errors", "No mapping of {remote} to the group '{name}'."),
    "role": QT_TRANSLATE_NOOP("Errors", "No mapping of {remote} to the role '{name}'."),
}


@dataclass(frozen=True)
class MappingChange:
    user_name: str
    kind: str  # "group" or "role"
    name: str


@dataclass(frozen=True)
class MappingEffects:
    """Who gains and who loses which Sofa group or role (SPEC §8.3)."""

    gains: list[MappingChange]
    losses: list[MappingChange]

    def as_json(self) -> dict[str, list[dict[str, str]]]:
        return {
            "gains": [{"user_name": c.user_name, c.kind: c.name} for c in self.gains],
            "losses": [{"user_name": c.user_name, c.kind: c.name} for c in self.losses],
        }


@dataclass(frozen=True)
class MappingInfo:
    """One row of `map list`."""

    kind: str  # "group" or "role"
    name: str
    remote: str
    remote_name: str | None
    seen: bool
    members: int


Proposal = dict[str, tuple[effects.Remotes, effects.Remotes]]  # kind -> (before, after)


Rows = list[tuple[str, str]]  # (Sofa group or role name, remote id) as the editor holds them


def _proposed(sync_id: int, groups: Rows, roles: Rows) -> Proposal:
    proposal: Proposal = {}
    for kind, rows in ((effects.GROUPS, groups), (effects.ROLES, roles)):
        table = _mapping_tables(kind)[0]
        after: effects.Remotes = {}
        for name, remote in rows:
            after.setdefault(_named(table, name).id, set()).add(normalize_remote_group_id(remote))
        proposal[kind.name] = (effects.current(sync_id, kind), after)
    return proposal


def _effects_of(sync_id: int, proposal: Proposal) -> MappingEffects:
    gains: list[MappingChange] = []
    losses: list[MappingChange] = []
    for kind in (effects.GROUPS, effects.ROLES):
        if kind.name not in proposal:
            continue
        gained, lost = effects.effects(sync_id, kind, *proposal[kind.name])
        gains += [MappingChange(user, kind.name, name) for user, name in gained]
        losses += [MappingChange(user, kind.name, name) for user, name in lost]
    return MappingEffects(gains, losses)


def _mapping_tables(kind: effects.Kind) -> tuple[Any, Any, str]:
    if kind is effects.GROUPS:
        return SofaGroup, GroupMapping, "sofa_group"
    return SofaRole, RoleMapping, "sofa_role"


def builtin_roles() -> set[str]:
    """Administrator and Subject manager: a mapping to them deserves a warning."""
    return set(SofaRole.select(SofaRole.name).where(SofaRole.builtin).scalars())


def _keep_as_alias(row: Synchronization, new_identifier: str) -> None:
    """The old identifier becomes an alias; the new one stops being one (renamed back)."""
    SyncAlias.delete().where(
        (SyncAlias.sync == row.id) & (SyncAlias.identifier == new_identifier)
    ).execute()
    SyncAlias.delete().where(SyncAlias.identifier == row.identifier).execute()
    SyncAlias.create(identifier=row.identifier, sync=row.id)


def aliases_of(sync_id: int) -> list[str]:
    """The old identifiers that still work, oldest first."""
    return [
        a.identifier
        for a in SyncAlias.select(SyncAlias.identifier)
        .where((SyncAlias.sync == sync_id) & SyncAlias.ended_at.is_null())
        .order_by(SyncAlias.created_at, SyncAlias.identifier)
    ]


def _grace_end(old: Any, now: datetime, revoke_old: bool) -> datetime:
    """Never later than the old key's own expiry: a grace period revives no expired key."""
    if revoke_old:
        return now
    return min(now + KEY_GRACE, old.expires_at)


def _still_valid(until: datetime | None) -> datetime | None:
    return until if until is not None and until > utcnow() else None


def _named(table: Any, name: str) -> Any:
    row = table.get_or_none(table.name == name)
    if row is None:
        kind = "group" if table is SofaGroup else "role"
        raise NotFound(_NO_SOFA[kind], name=name)
    return row


# --- What the desktop app reads and saves (additive; the methods above keep their behaviour) --


@dataclass(frozen=True)
class SyncSummary:
    """One row of the synchronization list: plain values, safe to hand to the GUI thread."""

    identifier: str
    name: str
    type: str
    description: str
    enabled: bool
    last_call_at: datetime | None
    key_expires_at: datetime | None
    users: int
    figures: CallFigures  # last success, the last day's calls, failures and refusals
    health: Health
    # SPEC §8.3: old identifiers that still work, and until when the replaced key does.
    aliases: tuple[str, ...] = ()
    previous_key_valid_until: datetime | None = None


def overview() -> list[SyncSummary]:
    """Every synchronization with its key expiry, number of provisioned users, health and
    aliases, in 5 queries (the user count is the one scim_store keeps, health the hourly call
    counts: a poll costs no COUNT over the users and no read of the log).
    """
    keys = {
        k.sync_id: (k.expires_at, _still_valid(k.previous_valid_until))
        for k in AccessKey.select(
            AccessKey.sync, AccessKey.expires_at, AccessKey.previous_valid_until
        )
    }
    aliases: dict[int, list[str]] = {}
    working = SyncAlias.select().where(SyncAlias.ended_at.is_null())
    for alias in working.order_by(SyncAlias.created_at, SyncAlias.identifier):
        aliases.setdefault(alias.sync_id, []).append(alias.identifier)
    figures = figures_by_sync()
    return [
        SyncSummary(
            row.identifier,
            row.name,
            row.type,
            row.description,
            row.enabled,
            row.last_call_at,
            keys.get(row.id, (None, None))[0],
            row.scim_user_count,
            figures[row.id],
            health_of(figures[row.id]),
            tuple(aliases.get(row.id, ())),
            keys.get(row.id, (None, None))[1],
        )
        for row in Synchronization.select().order_by(Synchronization.name)
    ]


def working_aliases() -> set[str]:
    """Every old identifier that still works: no synchronization may take one (SPEC §8.3)."""
    return {a.identifier for a in SyncAlias.select().where(SyncAlias.ended_at.is_null())}


def settings_of(row: Synchronization) -> SyncSettings:
    return SyncSettings(**{f: getattr(row, f) for f in SyncSettings.__dataclass_fields__})


def mappings_of(sync_id: int) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(Sofa group name, remote id) and (Sofa role name, remote id) rows, in saved order."""
    return _mapping_rows(GroupMapping, SofaGroup, sync_id), _mapping_rows(
        RoleMapping, SofaRole, sync_id
    )


def _mapping_rows(mapping: Any, target: Any, sync_id: int) -> list[tuple[str, str]]:
    return list(
        mapping.select(target.name, mapping.remote_id)
        .join(target)
        .where(mapping.sync == sync_id)
        .order_by(mapping.id)
        .tuples()
    )


def mapping_targets() -> tuple[list[str], list[str]]:
    """The names of the Sofa groups and roles a mapping may name."""
    groups = [g.name for g in SofaGroup.select(SofaGroup.name).order_by(SofaGroup.name)]
    roles = [r.name for r in SofaRole.select(SofaRole.name).order_by(SofaRole.name)]
    return groups, roles


def save(
    syncs: Synchronizations,
    original: str | None,
    settings: SyncSettings,
    groups: list[tuple[str, str]],
    roles: list[tuple[str, str]],
) -> Synchronization:
    """The editor's Save: settings and mappings in one transaction (the nested ones join it),
    so a refused mapping leaves no half-saved synchronization behind.
    """
    with immediate(syncs.db):
        row = syncs.create(settings) if original is None else syncs.update(original, settings)
        syncs.set_mappings(row.identifier, groups, roles)
    return syncs.get(row.identifier)


def set_enabled(identifier: str, enabled: bool) -> None:
    with immediate(database.obj):  # queues on the process's write lock like the server's writes
        Synchronization.update(enabled=enabled).where(
            Synchronization.identifier == identifier
        ).execute()
