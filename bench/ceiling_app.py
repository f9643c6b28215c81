"""The stack's ceiling: bare Falcon + Waitress with fixed SCIM answers on the bench's routes.

It does what every request of the real server must do at least (check the bearer key, parse
the JSON body, serialise a JSON answer) and nothing else, so the bench can report the real
server's rates as a percentage of what Falcon on Waitress can do on this machine.

    python bench/ceiling_app.py [--host H] [--port P] [--threads N] [--key K]

prints `listening on http://HOST:PORT` (flushed) like `sofa-scim serve`.
"""

import argparse

import falcon
import waitress
from falcon import media

SCIM_JSON = "application/scim+json"
CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User"
ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse"

USER = {
    "schemas": [CORE_USER, ENTERPRISE],
    "id": "2819c223-7f76-453a-919d-413861904646",
    "externalId": "0a21f0f2-8d2a-4f8e-bf98-7e2f5c6d1f11",
    "userName": "user1@contoso.com",
    "active": True,
    "name": {"formatted": "Given1 Family1", "familyName": "Family1", "givenName": "Given1"},
    "emails": [{"primary": True, "type": "work", "value": "user1@contoso.com"}],
    "title": "Engineer",
    ENTERPRISE: {"department": "Department 1", "employeeNumber": "1"},
    "meta": {
        "resourceType": "User",
        "created": "2025-01-01T00:00:00Z",
        "lastModified": "2025-01-01T00:00:00Z",
        "location": "/scim/v2/ceiling/Users/2819c223-7f76-453a-919d-413861904646",
    },
}
LIST_ONE = {
    "schemas": [LIST_RESPONSE],
    "totalResults": 1,
    "startIndex": 1,
    "itemsPerPage": 1,
    "Resources": [USER],
}
GROUP = {
    "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
    "id": "e9e30dba-f08f-4109-8486-d5c6a331660a",
    "externalId": "5b4e7b3c-1f0e-4a43-9a0c-3d1c2b6f0e21",
    "displayName": "Bench group",
    "meta": {"resourceType": "Group"},
}


class BearerKey:
    """Middleware: a fixed key, compared as the real server must compare one on every call."""

    def __init__(self, key: str) -> None:
        self.expected = f"Bearer {key}"

    def process_request(self, req: falcon.Request, resp: falcon.Response) -> None:
        if req.auth != self.expected:
            raise falcon.HTTPUnauthorized(title="invalid credentials")


class Users:
    def on_get(self, req: falcon.Request, resp: falcon.Response, sync: str) -> None:
        resp.media = LIST_ONE

    def on_post(self, req: falcon.Request, resp: falcon.Response, sync: str) -> None:
        req.get_media()
        resp.status = falcon.HTTP_201
        resp.media = USER

    def on_get_item(self, req: falcon.Request, resp: falcon.Response, sync: str, uid: str) -> None:
        resp.media = USER

    def on_patch_item(
        self, req: falcon.Request, resp: falcon.Response, sync: str, uid: str
    ) -> None:
        req.get_media()
        resp.media = USER


class Groups:
    def on_post(self, req: falcon.Request, resp: falcon.Response, sync: str) -> None:
        req.get_media()
        resp.status = falcon.HTTP_201
        resp.media = GROUP

    def on_patch_item(
        self, req: falcon.Request, resp: falcon.Response, sync: str, gid: str
    ) -> None:
        req.get_media()
        resp.status = falcon.HTTP_204


def create_app(key: str) -> falcon.App:
    app = falcon.App(middleware=[BearerKey(key)], media_type=SCIM_JSON)
    handlers = {SCIM_JSON: media.JSONHandler(), falcon.MEDIA_JSON: media.JSONHandler()}
    app.req_options.media_handlers.update(handlers)
    app.resp_options.media_handlers.update(handlers)
    app.add_route("/scim/v2/{sync}/Users", Users())
    app.add_route("/scim/v2/{sync}/Users/{uid}", Users(), suffix="item")
    app.add_route("/scim/v2/{sync}/Groups", Groups())
    app.add_route("/scim/v2/{sync}/Groups/{gid}", Groups(), suffix="item")
    return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--threads", type=int, default=4, help="as the real server (4)")
    parser.add_argument("--key", default="ceiling")
    args = parser.parse_args()
    server = waitress.create_server(
        create_app(args.key), host=args.host, port=args.port, threads=args.threads
    )
    print(f"listening on http://{args.host}:{server.effective_port}", flush=True)
    try:
        server.run()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
