"""Bearer-key authentication per synchronization (SPEC §3) and the request's context."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import falcon
from peewee import JOIN
from peewee import Database

from sofa_scim_desktop.domain.errors import Forbidden
from sofa_scim_desktop.domain.errors import Unauthorized
from sofa_scim_desktop.domain.keys import key_matches
from sofa_scim_desktop.services.journal import Journal
from sofa_scim_desktop.services.synchronizations import LastCallRecorder
from sofa_scim_desktop.storage.tables import AccessKey
from sofa_scim_desktop.storage.tables import Synchronization
from sofa_scim_desktop.storage.tables import utcnow

log = logging.getLogger("sofa.scim")

# A hash compared when the synchronization or its key is missing, so that the answer takes
# as long as for a wrong key: response times do not reveal which identifiers exist.
_DUMMY_HASH = "0" * 64


@dataclass
class CallContext:
    sync: Synchronization
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
        sync, key = self._load(identifier)
        presented = _bearer(req)
        valid = key_matches(presented or "", key.key_hash if key else _DUMMY_HASH)
        if sync is None or key is None or presented is None or not valid:
            raise Unauthorized("The access key is missing or wrong for this endpoint.")
        if key.expires_at < utcnow():
            raise Unauthorized(
                "The access key has expired; generate a new one in Sofa (Access details)."
            )
        if not sync.enabled:
            raise Forbidden("The synchronization is disabled in Sofa.")
        self.last_call.touch(sync.id)
        req.context.call = CallContext(
            sync, Journal(sync), f"{req.prefix}/scim/v2/{sync.identifier}"
        )

    @staticmethod
    def _load(identifier: str) -> tuple[Synchronization | None, AccessKey | None]:
        row = (
            Synchronization.select(Synchronization, AccessKey)
            .join(AccessKey, JOIN.LEFT_OUTER, on=AccessKey.sync == Synchronization.id)
            .where(Synchronization.identifier == identifier)
            .first()
        )
        if row is None:
            return None, None
        key = getattr(row, "accesskey", None)
        return row, key if key is not None and key.id is not None else None


def _bearer(req: falcon.Request) -> str | None:
    header = req.get_header("Authorization") or ""
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()
