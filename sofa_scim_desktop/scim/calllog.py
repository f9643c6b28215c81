"""Writes each call's outcome (SPEC §6, §8.1): the count behind the synchronization's health,
`call.failed` at level error with a sentence an Entra admin can act on, and at Debug the
request as Entra sent it, the operations as Sofa understood them and what changed in Sofa.
"""

from __future__ import annotations

import logging
from typing import Any

import falcon
import orjson
from peewee import InterfaceError
from peewee import OperationalError

from sofa_scim_desktop.domain.call_outcome import FAILED
from sofa_scim_desktop.domain.call_outcome import outcome
from sofa_scim_desktop.scim.auth import CallContext
from sofa_scim_desktop.services.call_stats import CallRecorder
from sofa_scim_desktop.services.failed_calls import describe_failure
from sofa_scim_desktop.services.mail import failures
from sofa_scim_desktop.storage.database import immediate
from sofa_scim_desktop.storage.tables import database
from sofa_scim_desktop.storage.tables import utcnow
from sofa_scim_desktop.storage.transactions import one_line

log = logging.getLogger("sofa.scim")
MAX_LOGGED_BODY = 64 * 1024


def _body(raw: bytes | None) -> Any:
    if not raw:
        return None
    if len(raw) > MAX_LOGGED_BODY:
        return f"({len(raw)} bytes, not logged)"
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError:
        return raw[:1000].decode("utf-8", "replace")


def _user_name(req: falcon.Request) -> str | None:
    """The userName the failed call was about, when its body names one (POST/PUT /Users)."""
    body = _body(getattr(req.context, "raw_body", None))
    name = body.get("userName") if isinstance(body, dict) else None
    return name if isinstance(name, str) else None


class CallLog:
    """Falcon middleware, after the Authenticator."""

    def __init__(self, calls: CallRecorder) -> None:
        self.calls = calls

    def process_response(
        self, req: falcon.Request, resp: falcon.Response, resource: Any, req_succeeded: bool
    ) -> None:
        call: CallContext | None = getattr(req.context, "call", None)
        if call is None:
            return
        status = int(resp.status_code)
        result = outcome(req.method, status)
        debug = call.journal.enabled_for(logging.DEBUG)
        if result != FAILED and not debug:
            self.calls.call(call.sync.id, result)
            return  # PERF: most calls log nothing; do not parse their answers.
        try:
            response = _body(resp.data)
            if result == FAILED:
                self._failed(req, call, status, response)
            else:
                self.calls.call(call.sync.id, result)
            if debug:
                _debug_entry(req, call, status, response)
        except (OperationalError, InterfaceError) as error:  # the database is down: one line
            log.warning("could not write the transaction log: %s", one_line(error))
        except Exception:  # the log must never turn an answer into a failure.
            log.exception("could not write the transaction log")

    def _failed(self, req: falcon.Request, call: CallContext, status: int, response: Any) -> None:
        error = response if isinstance(response, dict) else {}
        failure = describe_failure(
            req.method, req.path, status, error.get("scimType"), str(error.get("detail", ""))
        )
        failure.detail["user_name"] = _user_name(req)
        if getattr(req.context, "traceback", None):  # an error of Sofa's own (scim.app)
            failure.detail["error_reference"] = req.context.error_reference
            failure.detail["traceback"] = req.context.traceback
        call.journal.record(logging.ERROR, "call.failed", failure.message, failure.detail)
        self.calls.call(call.sync.id, FAILED, failure.message)
        if call.sync.notify_failures:
            with immediate(database.obj):  # PERF: one INSERT; the mail worker composes it.
                failures.record(
                    call.sync.id, utcnow(), req.method, req.relative_uri, status,
                    failure.detail["reason"], failure.detail["user_name"],
                )  # fmt: skip


def _debug_entry(req: falcon.Request, call: CallContext, status: int, response: Any) -> None:
    call.journal.record(
        logging.DEBUG,
        "call",
        f"{req.method} {req.relative_uri} → {status}",
        {
            "request": {
                "method": req.method,
                "uri": req.relative_uri,
                "body": _body(getattr(req.context, "raw_body", None)),
            },
            "understood": call.journal.understood,
            "changes": call.journal.applied,
            "response": {"status": status, "body": response},
        },
    )
