"""`GET /healthz` for load balancers and monitors (SPEC §8.1): outside /scim/v2, no key."""

from __future__ import annotations

from collections.abc import Callable

import falcon

from sofa_scim_desktop import __version__
from sofa_scim_desktop.scim.media import write_json
from sofa_scim_desktop.services.instance import instance_id
from sofa_scim_desktop.services.instance import worker_index


class Healthz:
    """200 while the database answers within its probe's timeout, else 503 (the balancer then
    sends Entra's calls to another server).
    """

    def __init__(self, database_reachable: Callable[[], bool]) -> None:
        self.database_reachable = database_reachable

    def on_get(self, req: falcon.Request, resp: falcon.Response) -> None:
        reachable = self.database_reachable()
        document: dict[str, object] = {
            "status": "ok" if reachable else "unavailable",
            "database": "ok" if reachable else "unreachable",
            "version": __version__,
            "instance": instance_id(),
        }
        if worker_index() is not None:  # serve --workers N: which of them answered
            document["worker"] = worker_index()
        write_json(resp, document, 200 if reachable else 503)
        resp.content_type = falcon.MEDIA_JSON
        resp.cache_control = ["no-store"]
