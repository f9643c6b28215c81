"""`/ServiceProviderConfig`, `/Schemas`, `/ResourceTypes` (RFC 7644 §4): what is implemented,
derived from the same schema definitions the server validates against.
"""

from __future__ import annotations

from typing import Any

import falcon

from sofa_scim_desktop.domain.errors import ResourceNotFound
from sofa_scim_desktop.domain.errors import shown
from sofa_scim_desktop.domain.schema import ENTERPRISE_USER
from sofa_scim_desktop.domain.schema import GROUP
from sofa_scim_desktop.domain.schema import RESOURCE_TYPES
from sofa_scim_desktop.domain.schema import USER
from sofa_scim_desktop.domain.schema import Attribute
from sofa_scim_desktop.domain.schema import ResourceType
from sofa_scim_desktop.domain.schema import Schema
from sofa_scim_desktop.scim.auth import CallContext
from sofa_scim_desktop.scim.listing import MAX_COUNT
from sofa_scim_desktop.scim.listing import list_response
from sofa_scim_desktop.scim.media import write_json

SPC_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"
SCHEMA_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema"
RESOURCE_TYPE_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ResourceType"
SCHEMAS = (USER, ENTERPRISE_USER, GROUP)


def _attribute(attribute: Attribute) -> dict[str, Any]:
    document: dict[str, Any] = {
        "name": attribute.name,
        "type": attribute.type,
        "multiValued": attribute.multi_valued,
        "description": attribute.description,
        "required": attribute.required,
        "caseExact": attribute.case_exact,
        "mutability": attribute.mutability,
        "returned": attribute.returned,
        "uniqueness": attribute.uniqueness,
    }
    if attribute.canonical_values:
        document["canonicalValues"] = list(attribute.canonical_values)
    if attribute.reference_types:
        document["referenceTypes"] = list(attribute.reference_types)
    if attribute.sub_attributes:
        document["subAttributes"] = [_attribute(sub) for sub in attribute.sub_attributes]
    return document


def schema_document(schema: Schema, base: str) -> dict[str, Any]:
    return {
        "schemas": [SCHEMA_SCHEMA],
        "id": schema.id,
        "name": schema.name,
        "description": schema.description,
        "attributes": [_attribute(a) for a in schema.attributes],
        "meta": {"resourceType": "Schema", "location": f"{base}/Schemas/{schema.id}"},
    }


def resource_type_document(resource_type: ResourceType, base: str) -> dict[str, Any]:
    return {
        "schemas": [RESOURCE_TYPE_SCHEMA],
        "id": resource_type.name,
        "name": resource_type.name,
        "endpoint": resource_type.endpoint,
        "description": resource_type.schema.description,
        "schema": resource_type.schema.id,
        "schemaExtensions": [{"schema": e.id, "required": False} for e in resource_type.extensions],
        "meta": {
            "resourceType": "ResourceType",
            "location": f"{base}/ResourceTypes/{resource_type.name}",
        },
    }


def service_provider_config(base: str) -> dict[str, Any]:
    return {
        "schemas": [SPC_SCHEMA],
        "documentationUri": "https://github.com/sofa/sofa-scim-desktop#readme",
        "patch": {"supported": True},
        "bulk": {"supported": False, "maxOperations": 0, "maxPayloadSize": 0},
        "filter": {"supported": True, "maxResults": MAX_COUNT},
        "changePassword": {"supported": False},
        "sort": {"supported": True},
        "etag": {"supported": False},
        "authenticationSchemes": [
            {
                "type": "oauthbearertoken",
                "name": "Bearer access key",
                "primary": True,
                "description": "The access key generated in Sofa (Access details), sent as "
                "'Authorization: Bearer <key>'.",
            }
        ],
        "meta": {
            "resourceType": "ServiceProviderConfig",
            "location": f"{base}/ServiceProviderConfig",
        },
    }


class ServiceProviderConfig:
    def on_get(self, req: falcon.Request, resp: falcon.Response, identifier: str) -> None:
        write_json(resp, service_provider_config(req.context.call.base))


class Schemas:
    def on_get(self, req: falcon.Request, resp: falcon.Response, identifier: str) -> None:
        call: CallContext = req.context.call
        documents = [schema_document(s, call.base) for s in SCHEMAS]
        write_json(resp, list_response(len(documents), 1, documents))

    def on_get_item(
        self, req: falcon.Request, resp: falcon.Response, identifier: str, schema_id: str
    ) -> None:
        schema = next((s for s in SCHEMAS if s.id.lower() == schema_id.lower()), None)
        if schema is None:
            raise ResourceNotFound(f"No schema {shown(schema_id)}.")
        write_json(resp, schema_document(schema, req.context.call.base))


class ResourceTypes:
    def on_get(self, req: falcon.Request, resp: falcon.Response, identifier: str) -> None:
        call: CallContext = req.context.call
        documents = [resource_type_document(t, call.base) for t in RESOURCE_TYPES]
        write_json(resp, list_response(len(documents), 1, documents))

    def on_get_item(
        self, req: falcon.Request, resp: falcon.Response, identifier: str, type_id: str
    ) -> None:
        found = next((t for t in RESOURCE_TYPES if t.name.lower() == type_id.lower()), None)
        if found is None:
            raise ResourceNotFound(f"No resource type {shown(type_id)}.")
        write_json(resp, resource_type_document(found, req.context.call.base))
