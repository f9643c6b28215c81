"""Bearer-key authentication per synchronization (SPEC §3, §8.1) and the request's context."""

from __future__ import annotations

import hmac
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import falcon
from peewee import Database

from sofa_scim_desktop.domain.call_outcome import CHECK_USER_AGENT_PREFIX
from sofa_scim_desktop.domain.call_outcome import refusal_fix
from sofa_scim_desktop.domain.call_outcome import refusal_text
from sofa_scim_desktop.domain.errors import Forbidden
from sofa_scim_desktop.domain.errors import Unauthorized
from sofa_scim_desktop.domain.keys import hash_key
from sofa_scim_desktop.services import handover
from sofa_scim_desktop.services.call_stats import CallRecorder
from sofa_scim_desktop.services.journal import Journal
from sofa_scim_desktop.storage import sql
from sofa_scim_desktop.storage.tables import utcnow

log = logging.getLogger("sofa.scim")

# A hash compared when the synchronization or its key is missing, so that the answer takes
# as long as for a wrong key: response times do not reveal which identifiers exist.
_DUMMY_HASH = "0" * 64


@dataclass(frozen=True)
class CalledSync:
    """What a call needs of its synchronization, read with its key in one query."""

    id: int
    identifier: str
    enabled: bool
    log_level: str
    key_hash: str | None
    key_expires_at: datetime | None
    # The e-mail options (SPEC §2), read in the same query: provisioning and the call log need them.
    notify_failures: bool = False
    welcome_email: bool = False
    password_link: bool = False
    # The key a new one replaced (schema 4): refused as revoked, or valid in its grace period.
    previous_key_hash: str | None = None
    previous_valid_until: datetime | None = None
    # How the call named it (schema 6, SPEC §8.3): its identifier, a working alias (an old
    # identifier Entra still calls) or an ended one; and whether working aliases remain.
    called_as: str = "identifier"
    has_aliases: bool = False


@dataclass
class CallContext:
    sync: CalledSync
    journal: Journal
    base: str  # the endpoint URL as the client sees it: …/scim/v2/{identifier}


class Authenticator:
    """Falcon middleware: resolves `{identifier}`, checks the key, and counts every call,
    refused ones too (services.call_stats): a refused call is what the admin must see first.
    """

    def __init__(self, db: Database, calls: CallRecorder) -> None:
        self.db = db
        self.calls = calls

    def process_resource(
        self, req: falcon.Request, resp: falcon.Response, resource: Any, params: dict[str, Any]
    ) -> None:
        identifier = params.get("identifier")
        if identifier is None:
            return
        req.context.identifier = identifier
        sync = _load(identifier)
        if sync is None:
            self.calls.unknown_identifier(identifier)
            raise Unauthorized(refusal_text_for("wrong_key"))
        reason, with_previous_key = _refusal(sync, _bearer(req))
        if sync.called_as == ENDED_ALIAS and reason in (None, "disabled"):
            reason = "old_identifier"  # the key is right: only the Tenant URL is out of date
        if reason is not None:
            agent = req.get_header("User-Agent") or ""
            # NOTE: `sofa-scim check` sends a wrong key on purpose (is the path routed to us?):
            # logged, so the admin sees it arrived, but not counted as Entra's. A client that
            # pretends to be the check hides its refusals from the health column, not the log.
            counted = not agent.startswith(CHECK_USER_AGENT_PREFIX)
            self.calls.refused(sync.id, reason, req.method, req.path, agent, counted)
            error = Forbidden if reason == "disabled" else Unauthorized
            raise error(refusal_text_for(reason))
        _hand_over(sync, identifier, with_previous_key)
        req.context.call = CallContext(sync, Journal(sync), f"{req.prefix}/scim/v2/{identifier}")


def _hand_over(sync: CalledSync, identifier: str, with_previous_key: bool) -> None:
    """Entra uses the new URL or the new key: what kept the old ones working ends (SPEC §8.3)."""
    if sync.called_as == IDENTIFIER and sync.has_aliases:
        handover.end_aliases(sync, identifier)
    if not with_previous_key and sync.previous_valid_until is not None:
        if sync.previous_valid_until > utcnow():
            handover.end_grace(sync)


def refusal_text_for(reason: str) -> str:
    """The SCIM error detail Entra shows its admin for a refused call."""
    return f"Sofa refused the call: {refusal_text(reason)}. {refusal_fix(reason)}"


def _refusal(sync: CalledSync, presented: str | None) -> tuple[str | None, bool]:
    """Why the call is refused (SPEC §8.1 reasons) or None, and whether the replaced key
    (in its grace period, SPEC §8.3) opened it. Both hashes are always compared, so that the
    answer's time does not tell a replaced key from a wrong one.
    """
    presented_hash = hash_key(presented or "")
    current = hmac.compare_digest(presented_hash, sync.key_hash or _DUMMY_HASH)
    previous = hmac.compare_digest(presented_hash, sync.previous_key_hash or _DUMMY_HASH)
    now = utcnow()
    if presented is None:
        return "missing_key", False
    if current and sync.key_hash is not None:
        if sync.key_expires_at is None or sync.key_expires_at < now:
            return "expired_key", False
    elif previous and sync.previous_key_hash is not None:
        if sync.previous_valid_until is None or sync.previous_valid_until <= now:
            return "revoked_key", False
    else:
        return "wrong_key", False
    return (None if sync.enabled else "disabled"), not current


IDENTIFIER, ALIAS, ENDED_ALIAS = "identifier", "alias", "ended_alias"

# NOTE: one query whichever way the call names the synchronization: its identifier, or an
# alias (schema 6); each branch reads through a unique index. The identifier branch also
# says whether working aliases remain, so that the first call on the new URL ends them.
_COLUMNS = """s.id, s.identifier, s.enabled, s.log_level, k.key_hash, k.expires_at,
       s.notify_failures, s.welcome_email, s.password_link,
       k.previous_key_hash, k.previous_valid_until"""
_LOAD = f"""
SELECT {_COLUMNS}, 0,
       EXISTS (SELECT 1 FROM sync_alias a WHERE a.sync_id = s.id AND a.ended_at IS NULL)
FROM synchronization s LEFT JOIN access_key k ON k.sync_id = s.id
WHERE s.identifier = ?
UNION ALL
SELECT {_COLUMNS}, CASE WHEN a.ended_at IS NULL THEN 1 ELSE 2 END, 1 = 0
FROM sync_alias a JOIN synchronization s ON s.id = a.sync_id
     LEFT JOIN access_key k ON k.sync_id = s.id
WHERE a.identifier = ?"""
_CALLED_AS = (IDENTIFIER, ALIAS, ENDED_ALIAS)


def _load(identifier: str) -> CalledSync | None:
    if "\x00" in identifier:  # no identifier has one (and PostgreSQL text cannot hold it)
        return None
    row = sql.one(_LOAD, (identifier, identifier))
    if row is None:
        return None
    sync_id, ident, enabled, log_level, key_hash, expires_at, notify, welcome, link = row[:9]
    previous_hash, previous_until, called_as, has_aliases = row[9:]
    return CalledSync(
        sync_id, ident, bool(enabled), log_level, key_hash, _time(expires_at),
        bool(notify), bool(welcome), bool(link), previous_hash, _time(previous_until),
        _CALLED_AS[called_as], bool(has_aliases),
    )  # fmt: skip


def _time(value: Any) -> datetime | None:
    return sql.timestamp(value) if value is not None else None


def _bearer(req: falcon.Request) -> str | None:
    header = req.get_header("Authorization") or ""
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()
