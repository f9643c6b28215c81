"""Gathers the support bundle's contents as plain dicts, masked: the people this database
knows are learnt first, so that the text net finds their names wherever they stand.
"""

from __future__ import annotations

import json
from datetime import datetime
from datetime import timedelta
from pathlib import Path
from typing import Any
from typing import Protocol

from peewee import Database
from peewee import fn

from sofa_scim_desktop.services.journal import LEVEL_NAMES
from sofa_scim_desktop.services.settings import Settings
from sofa_scim_desktop.services.support import people
from sofa_scim_desktop.services.support import sources
from sofa_scim_desktop.services.support.installation import database_password
from sofa_scim_desktop.services.support.mask import person
from sofa_scim_desktop.services.support.net import Masker
from sofa_scim_desktop.services.synchronizations import Synchronizations
from sofa_scim_desktop.services.synchronizations import mappings_of
from sofa_scim_desktop.storage.tables import AccessKey
from sofa_scim_desktop.storage.tables import LogEntry
from sofa_scim_desktop.storage.tables import MailMessage
from sofa_scim_desktop.storage.tables import ScimGroup
from sofa_scim_desktop.storage.tables import Synchronization
from sofa_scim_desktop.storage.tables import utcnow

LOG_DAYS = 7
LOG_LIMIT = 20_000  # per synchronization: a Debug log of a first cycle can hold far more
OUTBOX_LIMIT = 500


class Services(Protocol):
    """What the bundle reads (bootstrap.Services is one)."""

    @property
    def db(self) -> Database: ...

    @property
    def data_dir(self) -> Path: ...

    @property
    def settings(self) -> Settings: ...

    @property
    def synchronizations(self) -> Synchronizations: ...


def iso(moment: datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") + "Z" if moment else None


class Gathering:
    """One synchronization (or all) and what the bundle says of it, read once."""

    def __init__(self, services: Services, identifier: str | None = None) -> None:
        self.services = services
        self.now = utcnow()
        self.since = self.now - timedelta(days=LOG_DAYS)
        syncs = services.synchronizations
        self.rows = [syncs.get(identifier)] if identifier else syncs.all()
        names = Synchronization.select(Synchronization.identifier, Synchronization.name).tuples()
        migrations = services.db.execute_sql("SELECT name FROM schema_migration").fetchall()
        self.masker = Masker([v for row in names for v in row], [name for (name,) in migrations])
        self.masker.forbid(services.settings.secrets.smtp_password())
        self.masker.forbid(database_password(services.db))
        self._logs = {row.identifier: self._read_log(row) for row in self.rows}
        people.learn(self.masker)
        for entries in self._logs.values():
            for _entry, detail in entries:
                self.masker.learn_tree(detail)

    def _read_log(self, row: Synchronization) -> list[tuple[LogEntry, Any]]:
        """(entry, its detail parsed), newest first."""
        entries = (
            LogEntry.select()
            .where((LogEntry.sync == row.id) & (LogEntry.at >= self.since))
            .order_by(LogEntry.at.desc(), LogEntry.id.desc())
            .limit(LOG_LIMIT + 1)
        )
        return [(entry, _parsed(entry.detail)) for entry in entries]

    # --- Sections -----------------------------------------------------------------------

    def synchronizations(self) -> list[dict[str, Any]]:
        health = sources.health_by_identifier(self.services.settings.get("public_base_url"))
        return [self._sync(row, health.get(row.identifier)) for row in self.rows]

    def _sync(self, row: Synchronization, health: Any) -> dict[str, Any]:
        key = AccessKey.get_or_none(AccessKey.sync == row.id)  # its dates only, never its hash
        groups, roles = mappings_of(row.id)
        return {
            "identifier": row.identifier,
            "name": row.name,
            "type": row.type,
            "description": self.masker.leaf(row.description),
            "settings": {
                flag: getattr(row, flag)
                for flag in ("enabled", "notify_failures", "welcome_email", "password_link")
            }
            | {"log_level": row.log_level},
            "created_at": iso(row.created_at),
            "last_call": iso(row.last_call_at),
            "key": {"created_at": iso(key.created_at), "expires_at": iso(key.expires_at)}
            if key
            else None,
            "health": self.masker.tree(health),  # a failure's sentence may name a user
            "provisioned": {
                "users": row.scim_user_count,
                "groups": ScimGroup.select().where(ScimGroup.sync == row.id).count(),
            },
            "mappings": {
                "groups": [self._mapping(row.id, name, remote) for name, remote in groups],
                "roles": [self._mapping(row.id, name, remote) for name, remote in roles],
            },
        }

    def _mapping(self, sync_id: int, target: str, remote: str) -> dict[str, Any]:
        seen = ScimGroup.get_or_none((ScimGroup.sync == sync_id) & (ScimGroup.remote_key == remote))
        remote_name = self.masker.leaf(seen.display_name) if seen else None
        return {"sofa": target, "remote": remote, "remote_name": remote_name}

    def logs(self) -> dict[str, dict[str, Any]]:
        """Per synchronization, the last 7 days, newest first, at most LOG_LIMIT entries."""
        return {
            identifier: {
                "identifier": identifier,
                "since": iso(self.since),
                "truncated": len(entries) > LOG_LIMIT,
                "entries": [self._entry(*pair) for pair in entries[:LOG_LIMIT]],
            }
            for identifier, entries in self._logs.items()
        }

    def _entry(self, entry: LogEntry, detail: Any) -> dict[str, Any]:
        return {
            "at": iso(entry.at),
            "level": LEVEL_NAMES.get(entry.level, str(entry.level)),
            "event": entry.event,
            "message": self.masker.leaf(entry.message),
            "detail": self.masker.tree(detail),
        }

    def outbox(self) -> dict[str, Any]:
        """Counts by state, and the messages of the last 7 days or still waiting (no body)."""
        counts = MailMessage.select(MailMessage.state, fn.COUNT(MailMessage.id)).group_by(
            MailMessage.state
        )
        recent = (
            MailMessage.select()
            .where((MailMessage.created_at >= self.since) | (MailMessage.state == "queued"))
            .order_by(MailMessage.id.desc())
            .limit(OUTBOX_LIMIT)
        )
        return {
            "counts": dict(counts.tuples()),
            "since": iso(self.since),
            "messages": [self._message(m) for m in recent],
        }

    def _message(self, m: MailMessage) -> dict[str, Any]:
        return {
            "id": m.id,
            "kind": m.kind,
            "language": m.language,
            "state": m.state,
            "attempts": m.attempts,
            "recipient": person(m.recipient),
            "subject": people.subject(m.kind, m.language, m.subject, self.masker),
            "last_error": self.masker.leaf(m.last_error) if m.last_error else None,
            "created_at": iso(m.created_at),
            "sent_at": iso(m.sent_at),
            "next_attempt_at": iso(m.next_attempt_at),
        }

    def status(self) -> Any:
        return self.masker.tree(sources.status())


def _parsed(detail: str | None) -> Any:
    if not detail:
        return None
    try:
        return json.loads(detail)
    except ValueError:
        return detail
