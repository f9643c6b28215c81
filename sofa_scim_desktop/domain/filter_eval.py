"""Evaluates a filter on a resource (or one element of a multi-valued attribute) in memory.

Storage answers queries in SQL; this evaluator serves PATCH value paths, which select elements
of one resource (`emails[type eq "work"]`), and tests that check the SQL against it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sofa_scim_desktop.domain.errors import InvalidFilter
from sofa_scim_desktop.domain.filter import And
from sofa_scim_desktop.domain.filter import AttrRef
from sofa_scim_desktop.domain.filter import Compare
from sofa_scim_desktop.domain.filter import Expr
from sofa_scim_desktop.domain.filter import Literal
from sofa_scim_desktop.domain.filter import Not
from sofa_scim_desktop.domain.filter import Or
from sofa_scim_desktop.domain.filter import Present
from sofa_scim_desktop.domain.filter import ValuePath
from sofa_scim_desktop.domain.filter import parse_datetime


def matches(
    expr: Expr, resource: Mapping[str, Any], element: Mapping[str, Any] | None = None
) -> bool:
    """True when `resource` satisfies `expr`; inside a value path, `element` is the element."""
    if isinstance(expr, And):
        return matches(expr.left, resource, element) and matches(expr.right, resource, element)
    if isinstance(expr, Or):
        return matches(expr.left, resource, element) or matches(expr.right, resource, element)
    if isinstance(expr, Not):
        return not matches(expr.expr, resource, element)
    if isinstance(expr, ValuePath):
        elements = _container(expr.ref, resource).get(expr.ref.attribute.name) or []
        return any(matches(expr.expr, resource, item) for item in elements)
    values = _values(expr.ref, resource, element)
    if isinstance(expr, Present):
        return any(v not in (None, "", [], {}) for v in values)
    return (
        any(compare(expr, v) for v in values)
        or (expr.value is None and expr.op == "eq" and not any(v is not None for v in values))
        or (expr.op == "ne" and not values)
    )


def element_matches(expr: Expr, element: Mapping[str, Any]) -> bool:
    return matches(expr, {}, element)


def _container(ref: AttrRef, resource: Mapping[str, Any]) -> Mapping[str, Any]:
    return resource.get(ref.schema) or {} if ref.schema else resource


def _values(
    ref: AttrRef, resource: Mapping[str, Any], element: Mapping[str, Any] | None
) -> list[Any]:
    if element is not None and ref.sub is not None:
        return [element.get(ref.sub.name)]
    value = _container(ref, resource).get(ref.attribute.name)
    if ref.sub is None:
        return value if isinstance(value, list) else [value]
    if not ref.attribute.multi_valued:  # `name.givenName` without a name: one null value.
        return [value.get(ref.sub.name) if isinstance(value, dict) else None]
    items = value if isinstance(value, list) else [value] if isinstance(value, dict) else []
    return [item.get(ref.sub.name) for item in items]


def compare(expr: Compare, actual: Any) -> bool:
    """RFC 7644 §3.4.2.2 semantics for one value; case follows the attribute's caseExact."""
    expected: Literal = expr.value
    if actual is None or expected is None:
        return (
            (actual is None) == (expected is None)
            if expr.op == "eq"
            else (expr.op == "ne" and (actual is None) != (expected is None))
        )
    if isinstance(expected, bool):
        return (actual == expected) == (expr.op == "eq")
    if isinstance(expected, datetime):
        actual = parse_datetime(str(actual), InvalidFilter)
    elif isinstance(expected, str):
        actual = str(actual)
        if not expr.ref.target.case_exact:
            actual, expected = actual.lower(), expected.lower()
    return _OPERATORS[expr.op](actual, expected)


_OPERATORS = {
    "eq": lambda a, b: a == b,
    "ne": lambda a, b: a != b,
    "co": lambda a, b: b in a,
    "sw": lambda a, b: a.startswith(b),
    "ew": lambda a, b: a.endswith(b),
    "gt": lambda a, b: a > b,
    "ge": lambda a, b: a >= b,
    "lt": lambda a, b: a < b,
    "le": lambda a, b: a <= b,
}
