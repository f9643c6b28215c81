"""Bearer-key authentication per synchronization (SPEC §3) and the request's context."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import falcon
from peewee import Database

from sofa_scim_desktop.domain.errors import Forbidden
from sofa_scim_desktop.domain.errors import Unauthorized
from sofa_scim_desktop.domain.keys import key_matches
from sofa_scim_desktop.services.journal import Journal
from sofa_scim_desktop.services.synchronizations import LastCallRecorder
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


@dataclass
class CallContext:
    sync: CalledSync
    journal: Journal
    base: str  # the endpoint URL as the client sees it: …/scim/v2/{identifier}


class Authenticator:
    """Falcon middleware: resolves `{identifier}`, checks the key, records the last call."""

    def __init__(self, db: Database, last_call: LastCallRecorder) -> None:
        self.db = db
        self.last_call = last_call

    def process_resource(
        self, req: falcon.Request, resp: falcon.Response, resource: Any, params: dict[str, Any]
    ) -> None:
        identifier = params.get("identifier")
        if identifier is None:
            return
        sync = _load(identifier)
        key_hash = sync.key_hash if sync else None
        presented = _bearer(req)
        valid = key_matches(presented or "", key_hash or _DUMMY_HASH)
        if sync is None or key_hash is None or presented is None or not valid:
            raise Unauthorized("The access key is missing or wrong for this endpoint.")
        if sync.key_expires_at is None or sync.key_expires_at < utcnow():
            raise Unauthorized(
                "The access key has expired; generate a new one in Sofa (Access details)."
            )
        if not sync.enabled:
            raise Forbidden("The synchronization is disabled in Sofa.")
        self.last_call.touch(sync.id)
        req.context.call = CallContext(
            sync, Journal(sync), f"{req.prefix}/scim/v2/{sync.identifier}"
        )


_LOAD = """
SELECT s.id, s.identifier, s.enabled, s.log_level, k.key_hash, k.expires_at,
       s.notify_failures, s.welcome_email, s.password_link
FROM synchronization s LEFT JOIN access_key k ON k.sync_id = s.id
WHERE s.identifier = ?"""


def _load(identifier: str) -> CalledSync | None:
    row = sql.one(_LOAD, (identifier,))
    if row is None:
        return None
    sync_id, ident, enabled, log_level, key_hash, expires_at, notify, welcome, link = row
    expires = sql.timestamp(expires_at) if expires_at is not None else None
    return CalledSync(
        sync_id, ident, bool(enabled), log_level, key_hash, expires,
        bool(notify), bool(welcome), bool(link),
    )  # fmt: skip


def _bearer(req: falcon.Request) -> str | None:
    header = req.get_header("Authorization") or ""
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()
