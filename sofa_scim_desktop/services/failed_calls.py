"""`call.failed` in words an Entra admin can act on (SPEC §8.1): what Entra tried, why Sofa
could not apply it, and what to change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sofa_scim_desktop.domain.call_outcome import failure_fix

_RESOURCE = re.compile(r"/scim/v2/[^/]+/(Users|Groups)(/[^/]+)?", re.IGNORECASE)
_ACTIONS = {
    ("POST", False): "create a {kind}",
    ("PUT", True): "replace a {kind}",
    ("PATCH", True): "update a {kind}",
    ("DELETE", True): "delete a {kind}",
    ("GET", False): "look up {kinds}",
    ("GET", True): "read a {kind}",
}


@dataclass(frozen=True)
class Failure:
    message: str
    detail: dict[str, Any]


def attempted(method: str, path: str) -> str:
    """`create a user`, `update a group`: what the call tried, from its method and path."""
    found = _RESOURCE.search(path)
    if found is None:
        return f"call {method} {path}"
    kinds = found.group(1).lower()
    template = _ACTIONS.get((method, bool(found.group(2))), f"call {method} on {{kinds}}")
    return template.format(kind=kinds[:-1], kinds=kinds)


def describe_failure(
    method: str, path: str, status: int, scim_type: str | None, reason: str
) -> Failure:
    what = attempted(method, path)
    fix = failure_fix(status, scim_type)
    because = reason.rstrip(".") or f"Sofa answered {status}"
    return Failure(
        f"Entra tried to {what}; Sofa could not apply it: {because}. {fix}",
        {
            "status": status,
            "scimType": scim_type,
            "method": method,
            "path": path,
            "attempted": what,
            "reason": reason,
            "fix": fix,
        },
    )
