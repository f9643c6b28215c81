"""The WSGI application: routes, middleware and SCIM error bodies everywhere (create_app)."""

from __future__ import annotations

import logging
import secrets
import traceback
from typing import Any

import falcon
import peewee
from peewee import Database

from sofa_scim_desktop.domain.errors import DomainError
from sofa_scim_desktop.domain.errors import InvalidValue
from sofa_scim_desktop.domain.errors import NotImplementedScim
from sofa_scim_desktop.domain.errors import ScimError
from sofa_scim_desktop.domain.errors import Unavailable
from sofa_scim_desktop.domain.errors import Uniqueness
from sofa_scim_desktop.scim.access_log import AccessLog
from sofa_scim_desktop.scim.auth import Authenticator
from sofa_scim_desktop.scim.calllog import CallLog
from sofa_scim_desktop.scim.endpoint_names import EndpointNames
from sofa_scim_desktop.scim.healthz import Healthz
from sofa_scim_desktop.scim.media import error_document
from sofa_scim_desktop.scim.media import write_error
from sofa_scim_desktop.scim.media import write_json
from sofa_scim_desktop.scim.password_page import PasswordPage
from sofa_scim_desktop.scim.resources.discovery import ResourceTypes
from sofa_scim_desktop.scim.resources.discovery import Schemas
from sofa_scim_desktop.scim.resources.discovery import ServiceProviderConfig
from sofa_scim_desktop.scim.resources.groups import Groups
from sofa_scim_desktop.scim.resources.users import Users
from sofa_scim_desktop.services.call_stats import CallRecorder
from sofa_scim_desktop.services.passwords import PasswordLinks
from sofa_scim_desktop.storage.database import reachable
from sofa_scim_desktop.storage.transactions import is_unique_violation
from sofa_scim_desktop.storage.transactions import one_line

log = logging.getLogger("sofa.scim")
PREFIX = "/scim/v2/{identifier}"
RETRY_AFTER_SECONDS = 5


def create_app(
    db: Database, calls: CallRecorder | None = None, access_log: AccessLog | None = None
) -> falcon.App[Any, Any]:
    """`calls` counts the calls (without one, every call is written at once, as tests want);
    `access_log` writes one line per request on stderr (serve and the GUI give one).
    """
    calls = calls or CallRecorder(interval=0)
    middleware: list[Any] = [EndpointNames(), Authenticator(db, calls), CallLog(calls)]
    if access_log is not None:
        middleware.insert(0, access_log)
    app: falcon.App[Any, Any] = falcon.App(middleware=middleware)
    app.req_options.strip_url_path_trailing_slash = True
    app.add_route(f"{PREFIX}/Users", Users(db))
    app.add_route(f"{PREFIX}/Users/{{user_id}}", Users(db), suffix="item")
    app.add_route(f"{PREFIX}/Groups", Groups(db))
    app.add_route(f"{PREFIX}/Groups/{{group_id}}", Groups(db), suffix="item")
    app.add_route(f"{PREFIX}/ServiceProviderConfig", ServiceProviderConfig())
    app.add_route(f"{PREFIX}/Schemas", Schemas())
    app.add_route(f"{PREFIX}/Schemas/{{schema_id}}", Schemas(), suffix="item")
    app.add_route(f"{PREFIX}/ResourceTypes", ResourceTypes())
    app.add_route(f"{PREFIX}/ResourceTypes/{{type_id}}", ResourceTypes(), suffix="item")
    app.add_route(f"{PREFIX}/.search", _RootSearch())
    # Outside /scim/v2: no bearer key; the one-time token in the URL is the credential.
    app.add_route("/password/{token}", PasswordPage(PasswordLinks(db)))
    app.add_route("/healthz", Healthz(lambda: reachable(db)))
    app.set_error_serializer(_serialize_http_error)
    app.add_error_handler(Exception, _unexpected)
    app.add_error_handler(falcon.HTTPError, _http_error)
    app.add_error_handler(DomainError, _domain_error)
    app.add_error_handler(peewee.DataError, _refused_value)
    app.add_error_handler(peewee.IntegrityError, _integrity_error)
    app.add_error_handler(peewee.OperationalError, _database_unavailable)
    app.add_error_handler(peewee.InterfaceError, _database_unavailable)
    return app


class _RootSearch:
    """RFC 7644 §3.4.3 / §3.12: a search across resource types is not implemented: 501."""

    def on_post(self, req: falcon.Request, resp: falcon.Response, identifier: str) -> None:
        raise NotImplementedScim(
            "Searching several resource types at once is not supported; "
            "query /Users or /Groups with a filter."
        )


def _domain_error(
    req: falcon.Request, resp: falcon.Response, error: DomainError, params: Any
) -> None:
    write_error(resp, error if isinstance(error, ScimError) else InvalidValue(str(error)))


def _refused_value(
    req: falcon.Request, resp: falcon.Response, error: peewee.DataError, params: Any
) -> None:
    """A value the database cannot hold (a number out of range, say): the client's to fix."""
    reason = str(error).splitlines()[0] if str(error) else "a value is out of range"
    write_error(resp, InvalidValue(f"Sofa's database refused a value: {reason}."))


def _integrity_error(
    req: falcon.Request, resp: falcon.Response, error: peewee.IntegrityError, params: Any
) -> None:
    """A duplicate that slipped past the domain's checks (another server wrote it at the same
    moment): 409 uniqueness, as RFC 7644 §3.3 asks, never 500 (SPEC §8.4).
    """
    if not is_unique_violation(error):
        _unexpected(req, resp, error, params)
        return
    write_error(resp, Uniqueness("The value is already used by another resource."))


def _database_unavailable(
    req: falcon.Request, resp: falcon.Response, error: Exception, params: Any
) -> None:
    """The database is down or its connection was lost (SPEC §8.4): 503 with a SCIM body and
    Retry-After, never 500; the next call opens a new connection (storage.database).
    """
    log.warning("the database is unavailable (%s %s): %s", req.method, req.path, one_line(error))
    write_error(
        resp,
        Unavailable("Sofa's database is not available at the moment; try again shortly."),
    )
    resp.set_header("Retry-After", str(RETRY_AFTER_SECONDS))


def _http_error(
    req: falcon.Request, resp: falcon.Response, error: falcon.HTTPError, params: Any
) -> None:
    status = int(error.status_code)
    detail = error.description or error.title or "Request failed."
    write_json(resp, error_document(status, detail), status)
    resp.set_headers(error.headers or {})


MAX_TRACEBACK_CHARS = 16_000


def _unexpected(req: falcon.Request, resp: falcon.Response, error: Exception, params: Any) -> None:
    """The traceback goes where the admin and the operator look (the call's `call.failed`
    entry, through `req.context`, and the server's output) under one reference; never into
    the answer, which tells Entra's admin where to find it.
    """
    # NOTE: a password link's path is its one-time token: never in the log.
    path = "/password/[redacted]" if req.path.startswith("/password/") else req.path
    reference = secrets.token_hex(4)
    log.exception("unexpected error %s answering %s %s", reference, req.method, path)
    req.context.traceback = traceback.format_exc()[-MAX_TRACEBACK_CHARS:]
    req.context.error_reference = reference
    detail = (
        f"Sofa could not process the request (error {reference}); its cause is in Sofa's "
        "transaction log (Display the logs) and in the server's output."
    )
    write_json(resp, error_document(500, detail), 500)


def _serialize_http_error(
    req: falcon.Request, resp: falcon.Response, error: falcon.HTTPError
) -> None:
    status = int(error.status_code)
    write_json(resp, error_document(status, error.description or error.title or ""), status)
