"""PATCH (RFC 7644 §3.5.2) on a canonical resource, with the forms Entra really sends.

`parse_operations` turns a PatchOp body into operations with resolved paths (a value object
without a path becomes one operation per key, dotted and URN keys included); `apply_operations`
applies them to a copy of the resource, so that a rejected request changes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import orjson

from sofa_scim_desktop.domain.errors import InvalidPath
from sofa_scim_desktop.domain.errors import InvalidSyntax
from sofa_scim_desktop.domain.errors import InvalidValue
from sofa_scim_desktop.domain.errors import Mutability
from sofa_scim_desktop.domain.errors import NoTarget
from sofa_scim_desktop.domain.filter import And
from sofa_scim_desktop.domain.filter import AttrRef
from sofa_scim_desktop.domain.filter import Compare
from sofa_scim_desktop.domain.filter import Expr
from sofa_scim_desktop.domain.filter import Not
from sofa_scim_desktop.domain.filter import Or
from sofa_scim_desktop.domain.filter import Path
from sofa_scim_desktop.domain.filter import Present
from sofa_scim_desktop.domain.filter import parse_path
from sofa_scim_desktop.domain.filter_eval import element_matches
from sofa_scim_desktop.domain.resource import Resource
from sofa_scim_desktop.domain.resource import canonical_value
from sofa_scim_desktop.domain.schema import Attribute
from sofa_scim_desktop.domain.schema import ResourceType
from sofa_scim_desktop.domain.schema import Schema

OPS = frozenset({"add", "replace", "remove"})
MAX_OPERATIONS = 1000
_NOT_ATTRIBUTES = ("schemas", "meta", "id")


@dataclass(frozen=True)
class Operation:
    op: str  # add | replace | remove, lower-case
    path: Path
    value: Any = None


def parse_operations(body: Any, resource_type: ResourceType) -> list[Operation]:
    if not isinstance(body, Mapping):
        raise InvalidSyntax("The body must be a PatchOp object.")
    # RFC 7643 §2.1: attribute names, "Operations" among them, are case-insensitive.
    raw = next((v for k, v in body.items() if str(k).lower() == "operations"), None)
    if not isinstance(raw, list) or not raw:
        raise InvalidSyntax("'Operations' must be a non-empty list of operations.")
    if len(raw) > MAX_OPERATIONS:
        raise InvalidSyntax(f"At most {MAX_OPERATIONS} operations are accepted in one request.")
    operations: list[Operation] = []
    for item in raw:
        operations.extend(_parse_one(item, resource_type))
    return operations


def _parse_one(item: Any, resource_type: ResourceType) -> list[Operation]:
    if not isinstance(item, Mapping):
        raise InvalidSyntax("Each operation must be an object with 'op'.")
    fields = {str(k).lower(): v for k, v in item.items()}  # WORKAROUND: extra keys ("name").
    op = str(fields.get("op", "")).lower()
    if op not in OPS:
        raise InvalidSyntax(f"'op' must be add, replace or remove, not {fields.get('op')!r}.")
    path_text, value = fields.get("path"), fields.get("value")
    if path_text is not None and not isinstance(path_text, str):
        raise InvalidPath("'path' must be a string.")
    extension = resource_type.schema_for_urn(path_text.strip()) if path_text else None
    if extension is not None and extension is not resource_type.schema:
        return _extension_operations(op, extension, value, resource_type)
    if path_text:
        return [Operation(op, _writable(parse_path(path_text, resource_type)), value)]
    if op == "remove":
        raise NoTarget("A remove operation needs a 'path' (RFC 7644 §3.5.2.2).")
    if not isinstance(value, Mapping):
        raise InvalidValue(f"An {op} without 'path' needs an object as its 'value'.")
    return [Operation(op, _writable(path), v) for path, v in _paths_of(value, resource_type)]


def _extension_operations(
    op: str, extension: Schema, value: Any, resource_type: ResourceType
) -> list[Operation]:
    """`"path": "urn:…:enterprise:2.0:User"` names the whole extension: its attributes one by
    one (remove: all of them), as a value object keyed by the URN would.
    """
    if op == "remove":
        return [
            Operation(op, _writable(parse_path(f"{extension.id}:{a.name}", resource_type)))
            for a in extension.attributes
            if a.mutability != "readOnly"
        ]
    if not isinstance(value, Mapping):
        raise InvalidValue(f"'{extension.id}' takes an object of its attributes as its value.")
    pairs = _paths_of({extension.id: value}, resource_type)
    return [Operation(op, _writable(path), v) for path, v in pairs]


def _paths_of(value: Mapping[str, Any], resource_type: ResourceType) -> list[tuple[Path, Any]]:
    """`{"name.givenName": …, "urn:…:User:department": …, "urn:…:User": {…}}` as paths."""
    pairs: list[tuple[Path, Any]] = []
    for key, sub_value in value.items():
        if key.lower() in _NOT_ATTRIBUTES:
            continue
        extension = resource_type.schema_for_urn(key)
        if extension is not None and isinstance(sub_value, Mapping):
            pairs.extend(
                (parse_path(f"{extension.id}:{k}", resource_type), v)
                for k, v in sub_value.items()
                if k.lower() not in _NOT_ATTRIBUTES  # a client may send the model's `schemas`.
            )
        else:
            pairs.append((parse_path(key, resource_type), sub_value))
    return pairs


def _writable(path: Path) -> Path:
    target = path.filter_sub or path.ref.target
    if path.ref.attribute.mutability == "readOnly" or target.mutability == "readOnly":
        raise Mutability(f"'{path.ref.dotted}' is read-only.")
    return path


def apply_operations(resource: Resource, operations: list[Operation]) -> Resource:
    """A new resource with the operations applied in order; the input is not modified."""
    # PERF: a canonical resource is plain JSON; a round trip copies it 7 times faster than deepcopy.
    result: Resource = orjson.loads(orjson.dumps(resource))
    for operation in operations:
        _apply(result, operation)
    return result


def _apply(resource: Resource, operation: Operation) -> None:
    ref = operation.path.ref
    container = _container(resource, ref, create=operation.op != "remove")
    if container is None:
        return
    if operation.path.value_filter is not None:
        _apply_filtered(container, operation)
    elif ref.sub is not None:
        _apply_sub(container, operation)
    else:
        _apply_attribute(container, operation)
    if ref.schema and not resource.get(ref.schema):
        resource.pop(ref.schema, None)


def _container(resource: Resource, ref: AttrRef, create: bool) -> Resource | None:
    if ref.schema is None:
        return resource
    if create:
        container: Resource = resource.setdefault(ref.schema, {})
        return container
    return resource.get(ref.schema)


def _apply_attribute(container: Resource, operation: Operation) -> None:
    attribute = operation.path.ref.attribute
    name = attribute.name
    value = None if operation.op == "remove" else canonical_value(attribute, operation.value)
    if value is None:
        container.pop(name, None)
    elif attribute.multi_valued and operation.op == "add":
        container[name] = _merged_elements(container.get(name) or [], value)
    elif attribute.type == "complex" and not attribute.multi_valued:
        container[name] = {**(container.get(name) or {}), **value}
    else:
        container[name] = value


def _merged_elements(existing: list[Any], added: list[Any]) -> list[Any]:
    """Add to a multi-valued attribute: an element of a type already present replaces it
    (WORKAROUND: Entra re-adds `work` e-mails; a duplicate would be a second work e-mail).
    """
    result = list(existing)
    for element in added:
        if element.get("primary"):
            result = [{k: v for k, v in e.items() if k != "primary"} for e in result]
        same = [
            i
            for i, e in enumerate(result)
            if e == element or (element.get("type") and e.get("type") == element["type"])
        ]
        if same:
            result[same[0]] = element
        else:
            result.append(element)
    return result


def _apply_sub(container: Resource, operation: Operation) -> None:
    ref = operation.path.ref
    assert ref.sub is not None
    current = container.get(ref.attribute.name)
    if ref.attribute.multi_valued:
        for element in current or []:
            _set_sub(element, ref.sub.name, operation, ref)
        return
    element = dict(current or {})
    _set_sub(element, ref.sub.name, operation, ref)
    if element:
        container[ref.attribute.name] = element
    else:
        container.pop(ref.attribute.name, None)


def _set_sub(element: Resource, name: str, operation: Operation, ref: AttrRef) -> None:
    value = None if operation.op == "remove" else canonical_value(ref.target, operation.value)
    if value is None:
        element.pop(name, None)
    else:
        element[name] = value


def _apply_filtered(container: Resource, operation: Operation) -> None:
    path = operation.path
    assert path.value_filter is not None
    name = path.ref.attribute.name
    elements: list[Resource] = list(container.get(name) or [])
    matching = [e for e in elements if element_matches(path.value_filter, e)]
    if operation.op == "remove":
        if path.filter_sub is None:
            elements = [e for e in elements if e not in matching]
        else:
            for element in matching:
                element.pop(path.filter_sub.name, None)
    elif matching:
        for element in matching:
            _write_element(element, path, operation)
        _one_primary(elements, matching)
    else:
        # WORKAROUND: Entra expects Add and Replace on `emails[type eq "work"].value` to create
        # the element when none matches; RFC 7644's noTarget fails its provisioning job.
        element = _element_from_filter(path.value_filter)
        _write_element(element, path, operation)
        elements.append(element)
        _one_primary(elements, [element])
    elements = [e for e in elements if _has_content(e)]
    if elements:
        container[name] = canonical_value(path.ref.attribute, elements)
    else:
        container.pop(name, None)


def _one_primary(elements: list[Resource], written: list[Resource]) -> None:
    """RFC 7644 §3.5.2: a value made primary makes any other primary value non-primary."""
    if not any(_truthy(e.get("primary")) for e in written):
        return
    for element in elements:
        if element.get("primary") is not None and not any(element is w for w in written):
            element.pop("primary")


def _truthy(value: Any) -> bool:
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


def _has_content(element: Resource) -> bool:
    """An element left with only its type (its value removed) is no element at all."""
    return any(key not in ("type", "primary") for key in element)


def _write_element(element: Resource, path: Path, operation: Operation) -> None:
    if path.filter_sub is not None:
        sub_ref = AttrRef(path.ref.schema, path.ref.attribute, path.filter_sub)
        _set_sub(element, path.filter_sub.name, operation, sub_ref)
        return
    if not isinstance(operation.value, Mapping):
        raise InvalidValue(f"'{path.ref.attribute.name}[…]' takes an object as its value.")
    element.update(_element_value(path.ref.attribute, operation.value))


def _element_value(attribute: Attribute, value: Mapping[str, Any]) -> Resource:
    """One element as sent, with the schema's names (`"Primary"` is `primary`, RFC 7643 §2.1);
    values are made canonical with the whole attribute.
    """
    named: Resource = {}
    for key, sub_value in value.items():
        sub = attribute.sub(str(key))
        if sub is not None and sub_value is not None:
            named[sub.name] = sub_value
    return named


def _element_from_filter(expr: Expr) -> Resource:
    """`type eq "work"` (and conjunctions of eq) describe the element to create."""
    if isinstance(expr, Compare) and expr.op == "eq" and expr.ref.sub is not None:
        return {expr.ref.sub.name: expr.value}
    if isinstance(expr, And):
        return {**_element_from_filter(expr.left), **_element_from_filter(expr.right)}
    raise NoTarget(
        "No element matches the path's filter, and the filter does not say "
        'how to create one (use eq conditions such as type eq "work").'
    )


@dataclass(frozen=True)
class MemberChange:
    """A change to a group's member rows: add | remove | remove_all | replace."""

    kind: str
    ids: tuple[str, ...] = ()


def split_member_operations(
    operations: list[Operation],
) -> tuple[list[Operation], list[MemberChange]]:
    """Group PATCH: `members` operations become row changes; the rest apply to the resource.

    WORKAROUND: Entra's old form `Remove members [{"value": id}]` removes only the listed ids;
    a literal RFC 7644 reading (remove the whole attribute) would empty the group.
    """
    attribute_ops: list[Operation] = []
    changes: list[MemberChange] = []
    for operation in operations:
        if operation.path.ref.attribute.name != "members":
            attribute_ops.append(operation)
            continue
        if operation.path.ref.sub is not None or operation.path.filter_sub is not None:
            raise InvalidPath(
                "Members are changed as a whole: use 'members' or 'members[value eq \"id\"]'."
            )
        changes.append(_member_change(operation))
    return attribute_ops, changes


def _member_change(operation: Operation) -> MemberChange:
    if operation.path.value_filter is not None:
        if operation.op != "remove":
            raise InvalidPath("Only remove accepts 'members[value eq \"id\"]'.")
        return MemberChange("remove", _ids_in_filter(operation.path.value_filter))
    ids = _member_ids(operation.value)
    if operation.op == "remove":
        return MemberChange("remove", ids) if ids else MemberChange("remove_all")
    return MemberChange("add" if operation.op == "add" else "replace", ids)


def _member_ids(value: Any) -> tuple[str, ...]:
    """`[{"value": id}, …]` (RFC 7643 §4.2); WORKAROUND: also a bare id or a list of ids
    (Okta and Microsoft's SCIM tests send `"value": "id"` and `"value": ["id", …]`).
    """
    if value is None or value == "":
        return ()
    items = value if isinstance(value, list) else [value]
    ids: list[str] = []
    for item in items:
        member = _member_value(item) if isinstance(item, Mapping) else item
        if not isinstance(member, str) or not member:
            raise InvalidValue(
                "Each member must be the member's id, or an object with the id as 'value'."
            )
        ids.append(member)
    return tuple(dict.fromkeys(ids))


def _member_value(item: Mapping[str, Any]) -> Any:
    return next((v for k, v in item.items() if str(k).lower() == "value"), None)


def _ids_in_filter(expr: Expr) -> tuple[str, ...]:
    """`value eq "a"`, or several joined with `or`."""
    if isinstance(expr, Compare) and expr.op == "eq" and expr.ref.target.name == "value":
        return (str(expr.value),)
    if isinstance(expr, Or):
        return _ids_in_filter(expr.left) + _ids_in_filter(expr.right)
    raise InvalidPath('Select members by id: members[value eq "id"].')


def path_text(path: Path) -> str:
    """A parsed path written out again, in the schema's own names (`emails[type eq "work"]
    .value`): what Sofa understood, whatever case or form the client sent it in.
    """
    ref = path.ref
    text = ref.attribute.name if path.value_filter is not None else ref.dotted
    if ref.schema:
        text = f"{ref.schema}:{text}"
    if path.value_filter is not None:
        text += f"[{_expr_text(path.value_filter)}]"
        sub = path.filter_sub or ref.sub
        if sub is not None:
            text += f".{sub.name}"
    return text


def _expr_text(expr: Expr) -> str:
    if isinstance(expr, Compare):
        value = expr.value if isinstance(expr.value, (int, float, bool)) else str(expr.value)
        return f"{expr.ref.dotted} {expr.op} {json.dumps(value, ensure_ascii=False)}"
    if isinstance(expr, Present):
        return f"{expr.ref.dotted} pr"
    if isinstance(expr, And | Or):
        word = "and" if isinstance(expr, And) else "or"
        return f"({_expr_text(expr.left)} {word} {_expr_text(expr.right)})"
    if isinstance(expr, Not):
        return f"not ({_expr_text(expr.expr)})"
    return f"{expr.ref.dotted}[{_expr_text(expr.expr)}]"


def described(operation: Operation) -> dict[str, Any]:
    """`{"op", "path", "value"}` as Sofa understood it: the schema's names and canonical values
    (`"False"` → false), for the transaction log beside what the client sent.
    """
    value = operation.value
    path = operation.path
    if operation.op != "remove":
        target = path.filter_sub if path.value_filter is not None else None
        attribute = target or path.ref.target
        try:
            value = canonical_value(attribute, value)
        except InvalidValue:
            pass  # refused when applied; the log shows it as sent
    return {"op": operation.op, "path": path_text(path), "value": value}
