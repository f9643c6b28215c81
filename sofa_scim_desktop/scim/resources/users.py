"""`/Users` and `/Users/{id}` (RFC 7644 §3.3–§3.6)."""

from __future__ import annotations

import falcon
from peewee import Database

from sofa_scim_desktop.domain.schema import USER_TYPE
from sofa_scim_desktop.scim.auth import CallContext
from sofa_scim_desktop.scim.listing import list_query
from sofa_scim_desktop.scim.listing import list_response
from sofa_scim_desktop.scim.listing import list_response_json
from sofa_scim_desktop.scim.media import read_json
from sofa_scim_desktop.scim.media import write_json
from sofa_scim_desktop.scim.media import write_json_bytes
from sofa_scim_desktop.scim.render import Projection
from sofa_scim_desktop.scim.render import etag
from sofa_scim_desktop.scim.render import user_document
from sofa_scim_desktop.scim.render import user_json
from sofa_scim_desktop.services.provisioning import UserProvisioning
from sofa_scim_desktop.services.provisioning import UserResult
from sofa_scim_desktop.storage import scim_store


class Users:
    def __init__(self, db: Database) -> None:
        self.db = db

    def _service(self, call: CallContext) -> UserProvisioning:
        return UserProvisioning(self.db, call.sync, call.journal)

    def on_get(self, req: falcon.Request, resp: falcon.Response, identifier: str) -> None:
        call: CallContext = req.context.call
        query = list_query(req, USER_TYPE)
        projection = _projection(req)
        page = scim_store.list_users(call.sync.id, query)
        if projection.everything:  # PERF: the stored JSON spliced in, not parsed (Entra's case).
            documents = [user_json(row, call.base) for row in page.rows]
            write_json_bytes(resp, list_response_json(page.total, query.start_index, documents))
            return
        resources = [
            projection.apply(user_document(row, scim_store.load(row), call.base))
            for row in page.rows
        ]
        write_json(resp, list_response(page.total, query.start_index, resources))

    def on_post(self, req: falcon.Request, resp: falcon.Response, identifier: str) -> None:
        call: CallContext = req.context.call
        result = self._service(call).create(read_json(req))
        _answer(req, resp, call, result, falcon.HTTP_201)

    def on_get_item(
        self, req: falcon.Request, resp: falcon.Response, identifier: str, user_id: str
    ) -> None:
        call: CallContext = req.context.call
        _answer(req, resp, call, self._service(call).get(user_id))

    def on_put_item(
        self, req: falcon.Request, resp: falcon.Response, identifier: str, user_id: str
    ) -> None:
        call: CallContext = req.context.call
        _answer(req, resp, call, self._service(call).replace(user_id, read_json(req)))

    def on_patch_item(
        self, req: falcon.Request, resp: falcon.Response, identifier: str, user_id: str
    ) -> None:
        call: CallContext = req.context.call
        _answer(req, resp, call, self._service(call).patch(user_id, read_json(req)))

    def on_delete_item(
        self, req: falcon.Request, resp: falcon.Response, identifier: str, user_id: str
    ) -> None:
        self._service(req.context.call).delete(user_id)
        resp.status = falcon.HTTP_204


def _projection(req: falcon.Request) -> Projection:
    return Projection.asked(
        USER_TYPE, req.get_param("attributes"), req.get_param("excludedAttributes")
    )


def _answer(
    req: falcon.Request,
    resp: falcon.Response,
    call: CallContext,
    result: UserResult,
    status: str = falcon.HTTP_200,
) -> None:
    code = int(status.split()[0])
    projection = _projection(req)
    if projection.everything:  # PERF: the stored JSON spliced in, as for pages.
        write_json_bytes(resp, user_json(result.row, call.base), code)
    else:
        document = user_document(result.row, result.resource, call.base)
        write_json(resp, projection.apply(document), code)
    resp.set_header("ETag", etag(result.row))
    if result.created:
        resp.set_header("Location", f"{call.base}/Users/{result.row.scim_id}")
