"""Request bodies as Microsoft Entra ID sends them (entra.md), for the tests."""

from __future__ import annotations

import uuid
from typing import Any

USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User"
ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group"
PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp"


def entra_user(user_name: str = "alice@contoso.com", **extra: Any) -> dict[str, Any]:
    """POST /Users as Entra's provisioning service sends it (entra.md step 3)."""
    body: dict[str, Any] = {
        "schemas": [USER_SCHEMA, ENTERPRISE],
        "externalId": str(uuid.uuid4()),
        "userName": user_name,
        "active": "True",
        "displayName": "Alice Nováková",
        "title": "Accountant",
        "emails": [{"primary": True, "type": "work", "value": user_name}],
        "meta": {"resourceType": "User"},
        "name": {"formatted": "Alice Nováková", "familyName": "Nováková", "givenName": "Alice"},
        "roles": [],
    }
    body.update(extra)
    return body


def entra_group(display_name: str = "Accounting", object_id: str | None = None) -> dict[str, Any]:
    return {
        "schemas": [
            GROUP_SCHEMA,
            "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group",
        ],
        "externalId": object_id or str(uuid.uuid4()),
        "displayName": display_name,
        "meta": {"resourceType": "Group"},
    }


def patch(*operations: dict[str, Any]) -> dict[str, Any]:
    return {"schemas": [PATCH_OP], "Operations": list(operations)}
