"""Writes each call's outcome to its synchronization's transaction log (SPEC §6): failures as
warnings or errors, and at Debug the request and the answer with secrets redacted.
"""

from __future__ import annotations

import json
import logging
from typing import Any

import falcon

from sofa_scim_desktop.scim.auth import CallContext
from sofa_scim_desktop.services.mail import failures
from sofa_scim_desktop.storage.database import immediate
from sofa_scim_desktop.storage.tables import database
from sofa_scim_desktop.storage.tables import utcnow

log = logging.getLogger("sofa.scim")
MAX_LOGGED_BODY = 64 * 1024


def _body(raw: bytes | None) -> Any:
    if not raw:
        return None
    if len(raw) > MAX_LOGGED_BODY:
        return f"({len(raw)} bytes, not logged)"
    try:
        return json.loads(raw)
    except ValueError:
        return raw[:1000].decode("utf-8", "replace")


def _user_name(req: falcon.Request) -> str | None:
    """The userName the failed call was about, when its body names one (POST/PUT /Users)."""
    raw = getattr(req.context, "raw_body", None)
    body = _body(raw) if raw and len(raw) <= MAX_LOGGED_BODY else None
    name = body.get("userName") if isinstance(body, dict) else None
    return name if isinstance(name, str) else None


def _record_failure(req: falcon.Request, call: CallContext, status: int, detail: str) -> None:
    """PERF: one INSERT; the mail worker composes the notification (SPEC §5)."""
    with immediate(database.obj):
        failures.record(
            call.sync.id, utcnow(), req.method, req.relative_uri, status, detail, _user_name(req)
        )


class CallLog:
    """Falcon middleware, after the Authenticator."""

    def process_response(
        self, req: falcon.Request, resp: falcon.Response, resource: Any, req_succeeded: bool
    ) -> None:
        call: CallContext | None = getattr(req.context, "call", None)
        if call is None:
            return
        status = int(resp.status_code)
        debug = call.journal.enabled_for(logging.DEBUG)
        if status < 400 and not debug:
            return  # PERF: most calls log nothing; do not parse their answers.
        response = _body(resp.data)
        summary = f"{req.method} {req.relative_uri} → {status}"
        try:
            if status >= 400:
                detail = response.get("detail", "") if isinstance(response, dict) else ""
                level = logging.ERROR if status >= 500 else logging.WARNING
                call.journal.record(level, "call.failed", f"{summary}: {detail}")
                if call.sync.notify_failures and failures.counts(req.method, status):
                    _record_failure(req, call, status, str(detail))
            if debug:
                call.journal.record(
                    logging.DEBUG,
                    "call",
                    summary,
                    {
                        "request": {
                            "method": req.method,
                            "uri": req.relative_uri,
                            "body": _body(getattr(req.context, "raw_body", None)),
                        },
                        "response": {"status": status, "body": response},
                    },
                )
        except Exception:  # the log must never turn an answer into a failure.
            log.exception("could not write the transaction log")
