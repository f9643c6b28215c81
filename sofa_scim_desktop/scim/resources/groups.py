"""`/Groups` and `/Groups/{id}` (RFC 7644 §3.3–§3.6).

NOTE: a PATCH is answered 204 No Content (RFC 7644 §3.5.2), as Entra prefers (entra.md step
11): Entra sends members in batches of 100 into groups of 50,000 and must not get the whole
list back each time. With `attributes` or `excludedAttributes` the client asks for the
resource: 200 with it, members included unless excluded. The connection stays open after the
204 (scim/waitress_task.py).
"""

from __future__ import annotations

import falcon
from peewee import Database

from sofa_scim_desktop.domain.schema import GROUP_TYPE
from sofa_scim_desktop.scim.auth import CallContext
from sofa_scim_desktop.scim.listing import list_query
from sofa_scim_desktop.scim.listing import list_response
from sofa_scim_desktop.scim.listing import list_response_json
from sofa_scim_desktop.scim.media import read_json
from sofa_scim_desktop.scim.media import write_json
from sofa_scim_desktop.scim.media import write_json_bytes
from sofa_scim_desktop.scim.render import Projection
from sofa_scim_desktop.scim.render import etag
from sofa_scim_desktop.scim.render import group_document
from sofa_scim_desktop.scim.render import group_json
from sofa_scim_desktop.services.provisioning import GroupProvisioning
from sofa_scim_desktop.services.provisioning import GroupResult
from sofa_scim_desktop.storage import scim_store


class Groups:
    def __init__(self, db: Database) -> None:
        self.db = db

    def _service(self, call: CallContext) -> GroupProvisioning:
        return GroupProvisioning(self.db, call.sync, call.journal)

    def on_get(self, req: falcon.Request, resp: falcon.Response, identifier: str) -> None:
        call: CallContext = req.context.call
        query = list_query(req, GROUP_TYPE)
        projection = _projection(req)
        page = scim_store.list_groups(call.sync.id, query)
        with_members = projection.includes("members")
        if projection.everything:
            whole = [
                group_json(row, scim_store.load(row), call.base, scim_store.members_of(row.id))
                for row in page.rows
            ]
            write_json_bytes(resp, list_response_json(page.total, query.start_index, whole))
            return
        documents = [
            projection.apply(
                group_document(
                    row,
                    scim_store.load(row),
                    call.base,
                    scim_store.members_of(row.id) if with_members else None,
                )
            )
            for row in page.rows
        ]
        write_json(resp, list_response(page.total, query.start_index, documents))

    def on_post(self, req: falcon.Request, resp: falcon.Response, identifier: str) -> None:
        call: CallContext = req.context.call
        result = self._service(call).create(read_json(req))
        _answer(req, resp, call, result, status=201, members=True)

    def on_get_item(
        self, req: falcon.Request, resp: falcon.Response, identifier: str, group_id: str
    ) -> None:
        call: CallContext = req.context.call
        _answer(req, resp, call, self._service(call).get(group_id), members=True)

    def on_put_item(
        self, req: falcon.Request, resp: falcon.Response, identifier: str, group_id: str
    ) -> None:
        call: CallContext = req.context.call
        result = self._service(call).replace(group_id, read_json(req))
        _answer(req, resp, call, result, members=True)

    def on_patch_item(
        self, req: falcon.Request, resp: falcon.Response, identifier: str, group_id: str
    ) -> None:
        call: CallContext = req.context.call
        result = self._service(call).patch(group_id, read_json(req))
        if _projection(req).everything:
            resp.status = falcon.HTTP_204
            resp.set_header("ETag", etag(result.row))
            return
        _answer(req, resp, call, result, members=True)

    def on_delete_item(
        self, req: falcon.Request, resp: falcon.Response, identifier: str, group_id: str
    ) -> None:
        self._service(req.context.call).delete(group_id)
        resp.status = falcon.HTTP_204


def _projection(req: falcon.Request) -> Projection:
    return Projection.asked(
        GROUP_TYPE, req.get_param("attributes"), req.get_param("excludedAttributes")
    )


def _answer(
    req: falcon.Request,
    resp: falcon.Response,
    call: CallContext,
    result: GroupResult,
    members: bool,
    status: int = 200,
) -> None:
    projection = _projection(req)
    loaded = (
        scim_store.members_of(result.row.id) if members and projection.includes("members") else None
    )
    if projection.everything:
        write_json_bytes(resp, group_json(result.row, result.resource, call.base, loaded), status)
    else:
        document = group_document(result.row, result.resource, call.base, loaded)
        write_json(resp, projection.apply(document), status)
    resp.set_header("ETag", etag(result.row))
    if status == 201:
        resp.set_header("Location", f"{call.base}/Groups/{result.row.scim_id}")
