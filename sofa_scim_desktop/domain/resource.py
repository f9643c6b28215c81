"""Canonical form of a SCIM resource body: schema names, typed values, "no value" dropped.

Entra sends attribute names in any case, `null` for "no value", booleans as "True"/"False",
the manager as a bare id, and attributes we do not implement (`roles: []`); the canonical form
is what storage keeps and what PATCH operates on (RFC 7643 §2.1, §2.5).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from sofa_scim_desktop.domain.errors import InvalidValue
from sofa_scim_desktop.domain.schema import Attribute
from sofa_scim_desktop.domain.schema import ResourceType
from sofa_scim_desktop.domain.schema import Schema

MAX_STRING_LENGTH = 2048
MAX_MULTI_VALUES = 100
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+$")
_IGNORED_KEYS = frozenset({"schemas", "id", "meta"})

Resource = dict[str, Any]


def canonical_resource(
    body: Mapping[str, Any], resource_type: ResourceType, ignored: list[str] | None = None
) -> Resource:
    """The canonical resource; names of attributes we do not implement go to `ignored`."""
    ignored = ignored if ignored is not None else []
    resource: Resource = {}
    for key, value in body.items():
        if key.lower() in _IGNORED_KEYS:
            continue
        extension = resource_type.schema_for_urn(key)
        if extension is not None and extension is not resource_type.schema:
            if not isinstance(value, Mapping):
                raise InvalidValue(f"'{key}' must be an object of its attributes.")
            sub_resource = _canonical_object(value, extension, ignored)
            if sub_resource:
                resource[extension.id] = sub_resource
            continue
        _put(resource, resource_type.schema, key, value, ignored)
    return resource


def _canonical_object(body: Mapping[str, Any], schema: Schema, ignored: list[str]) -> Resource:
    result: Resource = {}
    for key, value in body.items():
        _put(result, schema, key, value, ignored)
    return result


def _put(target: Resource, schema: Schema, key: str, value: Any, ignored: list[str]) -> None:
    attribute = schema.attribute(key)
    if attribute is None:
        ignored.append(key)
        return
    canonical = canonical_value(attribute, value)
    if canonical is not None:
        target[attribute.name] = canonical


def canonical_value(attribute: Attribute, value: Any) -> Any:
    """The value in canonical form, or None for "no value"; raises InvalidValue."""
    if value is None or value == "" or value == [] or value == {}:
        return None
    if attribute.multi_valued:
        return _multi_value(attribute, value)
    if attribute.type == "complex":
        return _complex_value(attribute, value)
    if attribute.mutability == "readOnly":
        return None
    if attribute.type == "boolean":
        return _boolean(attribute, value)
    return _string(attribute, value)


def _multi_value(attribute: Attribute, value: Any) -> list[Any] | None:
    items = value if isinstance(value, list) else [value]
    if len(items) > MAX_MULTI_VALUES:
        raise InvalidValue(f"'{attribute.name}' has more than {MAX_MULTI_VALUES} values.")
    single = attribute.element
    result = [v for v in (canonical_value(single, item) for item in items) if v is not None]
    if sum(1 for item in result if isinstance(item, dict) and item.get("primary")) > 1:
        raise InvalidValue(f"Only one of the '{attribute.name}' may be primary (RFC 7643 §2.4).")
    return result or None


def _complex_value(attribute: Attribute, value: Any) -> dict[str, Any] | None:
    if attribute.name == "manager":
        value = _manager_object(value)
    elif attribute.name == "members" and isinstance(value, str):
        value = {"value": value}  # WORKAROUND: a member as its bare id (Okta, Microsoft's tests)
    if not isinstance(value, Mapping):
        raise InvalidValue(f"'{attribute.name}' must be an object with its sub-attributes.")
    result: dict[str, Any] = {}
    for key, sub_value in value.items():
        sub = attribute.sub(key)
        if sub is None:
            continue  # e.g. "display" sent back to us: not something to keep.
        canonical = canonical_value(sub, sub_value)
        if canonical is not None:
            result[sub.name] = canonical
    # NOTE: an e-mail that is not an address ("emailName357", Microsoft's SCIM tests) is kept
    # as sent (RFC 7643 §4.1.2: the value SHOULD follow RFC 5321, not MUST): a user is never
    # lost over a secondary attribute; user_mapping does not use it for mail.
    return result or None


def _manager_object(value: Any) -> Any:
    """WORKAROUND: Entra sends the manager as "id", {"value": id} or [{"value": id}]."""
    if isinstance(value, str):
        return {"value": value}
    if isinstance(value, list):
        return value[0] if value else None
    return value


def _boolean(attribute: Attribute, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"  # WORKAROUND: Entra's "True" / "False".
    raise InvalidValue(f"'{attribute.name}' must be true or false, not {value!r}.")


def _string(attribute: Attribute, value: Any) -> str:
    if not isinstance(value, str):
        raise InvalidValue(f"'{attribute.name}' must be a string, not {value!r}.")
    if len(value) > MAX_STRING_LENGTH:
        raise InvalidValue(f"'{attribute.name}' is longer than {MAX_STRING_LENGTH} characters.")
    return value


def is_email_address(value: str) -> bool:
    return bool(EMAIL_PATTERN.match(value))


def require(resource: Resource, attribute: str) -> None:
    if not resource.get(attribute):
        raise InvalidValue(f"'{attribute}' is required.")


def require_name(resource: Resource, attribute: str) -> None:
    """A name (userName, displayName) is required and printable: a control character in it
    is a broken client's, and would show in Sofa as nothing or break a line.
    """
    require(resource, attribute)
    found = _CONTROL.search(resource[attribute])
    if found is not None:
        raise InvalidValue(
            f"'{attribute}' contains the control character U+{ord(found.group()):04X}; "
            "names must be printable."
        )


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
