"""Resource endpoint names in any case, and legacy aliases, routed to the endpoint itself.

WORKAROUND: Microsoft's SCIM reference tests and some clients call `/users` and `/groups`;
older clients discover `/serviceConfiguration` (the SCIM 1.1 name of `/ServiceProviderConfig`).
RFC 7644 §3.2 spells the endpoints `/Users`, `/Groups`; nothing else is routed there, so the
name cannot be ambiguous. Ids after the endpoint keep their case (they are case-exact).
"""

from __future__ import annotations

import falcon

_ENDPOINTS = {
    name.lower(): name
    for name in ("Users", "Groups", "Schemas", "ResourceTypes", "ServiceProviderConfig", ".search")
}
_ENDPOINTS["serviceconfiguration"] = "ServiceProviderConfig"


class EndpointNames:
    """Falcon middleware: rewrites `/scim/v2/{identifier}/users…` before routing."""

    def process_request(self, req: falcon.Request, resp: falcon.Response) -> None:
        parts = req.path.split("/", 5)  # "", "scim", "v2", identifier, endpoint, rest
        if len(parts) < 5 or parts[1] != "scim" or parts[2] != "v2":
            return
        endpoint = _ENDPOINTS.get(parts[4].lower())
        if endpoint is not None and endpoint != parts[4]:
            parts[4] = endpoint
            req.path = "/".join(parts)
