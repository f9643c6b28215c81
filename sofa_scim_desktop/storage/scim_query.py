"""SCIM filters (RFC 7644 §3.4.2.2) as SQL: each attribute maps to an indexed column, or to a
subquery on the rows of a multi-valued attribute. Nothing is filtered in Python.

Every comparison is NULL-safe (a missing value compares as false, never as NULL), so that
`not (…)` means what the evaluator in `domain.filter_eval` says it means. The SQL is text with
`?` parameters (storage.sql): the users' table is `u`, the groups' table `g`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC
from datetime import datetime
from typing import Any

from sofa_scim_desktop.domain.errors import InvalidFilter
from sofa_scim_desktop.domain.filter import And
from sofa_scim_desktop.domain.filter import AttrRef
from sofa_scim_desktop.domain.filter import Compare
from sofa_scim_desktop.domain.filter import Expr
from sofa_scim_desktop.domain.filter import Not
from sofa_scim_desktop.domain.filter import Or
from sofa_scim_desktop.domain.filter import Present
from sofa_scim_desktop.domain.filter import ValuePath
from sofa_scim_desktop.domain.schema import ENTERPRISE_SCHEMA


@dataclass(frozen=True)
class Condition:
    """A piece of WHERE clause and its parameters, in order."""

    sql: str
    params: tuple[Any, ...] = ()

    def __and__(self, other: Condition) -> Condition:
        return Condition(f"({self.sql} AND {other.sql})", self.params + other.params)

    def __or__(self, other: Condition) -> Condition:
        return Condition(f"({self.sql} OR {other.sql})", self.params + other.params)

    def __invert__(self) -> Condition:
        return Condition(f"NOT ({self.sql})", self.params)


ALWAYS = Condition("1 = 1")


@dataclass(frozen=True)
class Column:
    """A filterable attribute: its column, whether it holds lower-cased text, and whether it
    is text at all (`pr` then also means "not empty").
    """

    sql: str
    lowered: bool = False
    text: bool = True


@dataclass(frozen=True)
class Rows:
    """A multi-valued attribute stored as rows, and the columns of its sub-attributes."""

    exists: Callable[[Condition], Condition]
    columns: dict[str, Column]


def _user_values(attribute: str) -> Rows:
    def exists(condition: Condition) -> Condition:
        # PERF: IN (not a correlated EXISTS), so `emails[type eq "work"].value eq "…"` is one
        # lookup in the (attribute, value_key) index instead of a subquery per user.
        return Condition(
            f"u.id IN (SELECT v.user_id FROM scim_user_value v "
            f"WHERE v.attribute = ? AND {condition.sql})",
            (attribute, *condition.params),
        )

    columns = {
        "value": Column("v.value_key", lowered=True),
        "type": Column("v.type", lowered=True),
        "primary": Column('v."primary"', text=False),
    }
    if attribute == "addresses":
        columns = {
            "formatted": columns["value"],
            "type": columns["type"],
            "primary": columns["primary"],
        }
    return Rows(exists, columns)


def _group_members(condition: Condition) -> Condition:
    # NOTE: `members.value` matches user members; nested groups are kept but not filtered on.
    return Condition(
        "EXISTS (SELECT 1 FROM scim_group_member m JOIN scim_user mu ON m.user_id = mu.id "
        f"WHERE m.group_id = g.id AND {condition.sql})",
        condition.params,
    )


USER_CATALOG: dict[tuple[str | None, str], Column | Rows] = {
    (None, "id"): Column("u.scim_id"),
    (None, "userName"): Column("u.user_name_key", lowered=True),
    (None, "externalId"): Column("u.external_id"),
    (None, "displayName"): Column("u.display_name"),
    (None, "title"): Column("u.title"),
    (None, "name.givenName"): Column("u.given_name"),
    (None, "name.familyName"): Column("u.family_name"),
    (None, "name.formatted"): Column("u.formatted_name"),
    (None, "name.honorificPrefix"): Column("u.honorific_prefix"),
    (None, "name.honorificSuffix"): Column("u.honorific_suffix"),
    (None, "preferredLanguage"): Column("u.preferred_language"),
    (None, "active"): Column("u.active", text=False),
    (None, "meta.created"): Column("u.created", text=False),
    (None, "meta.lastModified"): Column("u.last_modified", text=False),
    (None, "emails"): _user_values("emails"),
    (None, "phoneNumbers"): _user_values("phoneNumbers"),
    (None, "addresses"): _user_values("addresses"),
    (ENTERPRISE_SCHEMA, "employeeNumber"): Column("u.employee_number"),
    (ENTERPRISE_SCHEMA, "department"): Column("u.department"),
    (ENTERPRISE_SCHEMA, "manager.value"): Column("u.manager_ref"),
}

GROUP_CATALOG: dict[tuple[str | None, str], Column | Rows] = {
    (None, "id"): Column("g.scim_id"),
    (None, "displayName"): Column("g.display_name_key", lowered=True),
    (None, "externalId"): Column("g.external_id"),
    (None, "meta.created"): Column("g.created", text=False),
    (None, "meta.lastModified"): Column("g.last_modified", text=False),
    (None, "members"): Rows(_group_members, {"value": Column("mu.scim_id")}),
}


class SqlFilter:
    """Translates a filter AST for one resource type's catalog."""

    def __init__(self, catalog: dict[tuple[str | None, str], Column | Rows]) -> None:
        self.catalog = catalog

    def where(self, expr: Expr) -> Condition:
        return self._translate(expr, None)

    def _translate(self, expr: Expr, rows: Rows | None) -> Condition:
        if isinstance(expr, And):
            return self._translate(expr.left, rows) & self._translate(expr.right, rows)
        if isinstance(expr, Or):
            return self._translate(expr.left, rows) | self._translate(expr.right, rows)
        if isinstance(expr, Not):
            return ~self._translate(expr.expr, rows)
        if isinstance(expr, ValuePath):
            outer = self._rows(expr.ref)
            return outer.exists(self._translate(expr.expr, outer))
        if rows is not None:  # inside a value path: a sub-attribute of the element.
            return _condition(expr, _sub_column(rows, expr.ref))
        target = self._lookup(expr.ref)
        if isinstance(target, Column):
            return _condition(expr, target)
        if isinstance(expr, Present) and expr.ref.sub is None:  # `addresses pr`: any element.
            return target.exists(ALWAYS)
        column = _sub_column(target, expr.ref)
        if isinstance(expr, Compare) and expr.op == "eq" and expr.value is None:
            return ~target.exists(Condition(f"{column.sql} IS NOT NULL"))  # none has one.
        condition = _condition(expr, column)
        if isinstance(expr, Compare) and expr.op == "ne":
            return target.exists(condition) | ~target.exists(ALWAYS)
        return target.exists(condition)

    def _lookup(self, ref: AttrRef) -> Column | Rows:
        target = self.catalog.get((ref.schema, ref.dotted))
        if target is None:
            target = self.catalog.get((ref.schema, ref.attribute.name))
        if target is None and ref.sub is None:  # `manager pr` means its value is present.
            target = self.catalog.get((ref.schema, f"{ref.attribute.name}.value"))
        if target is None:
            raise InvalidFilter(f"'{ref.dotted}' cannot be used in a filter.")
        return target

    def _rows(self, ref: AttrRef) -> Rows:
        target = self.catalog.get((ref.schema, ref.attribute.name))
        if not isinstance(target, Rows):
            raise InvalidFilter(f"'{ref.attribute.name}' cannot take a [filter].")
        return target

    def order_by(self, ref: AttrRef) -> str:
        target = self._lookup(ref)
        if not isinstance(target, Column):
            raise InvalidFilter(f"Cannot sort by the multi-valued '{ref.dotted}'.")
        return target.sql


def _sub_column(rows: Rows, ref: AttrRef) -> Column:
    name = ref.sub.name if ref.sub else "value"
    column = rows.columns.get(name)
    if column is None:
        raise InvalidFilter(f"'{ref.dotted}' cannot be used in a filter.")
    return column


def _condition(expr: Expr, column: Column) -> Condition:
    name = column.sql
    if isinstance(expr, Present):
        text_check = f" AND {name} <> ''" if column.text else ""
        return Condition(f"({name} IS NOT NULL{text_check})")
    assert isinstance(expr, Compare)
    value = _literal(expr, column)
    if value is None:
        return Condition(f"{name} IS {'' if expr.op == 'eq' else 'NOT '}NULL")
    lhs = name if column.lowered or not _case_insensitive(expr) else f"lower({name})"
    if expr.op == "ne":
        return Condition(f"({name} IS NULL OR {lhs} <> ?)", (value,))
    if expr.op in ("co", "sw", "ew"):
        return Condition(
            f"({name} IS NOT NULL AND {lhs} LIKE ? ESCAPE '\\')", (_like(expr.op, str(value)),)
        )
    operator = {"eq": "=", "gt": ">", "ge": ">=", "lt": "<", "le": "<="}[expr.op]
    return Condition(f"({name} IS NOT NULL AND {lhs} {operator} ?)", (value,))


def _case_insensitive(expr: Compare) -> bool:
    return isinstance(expr.value, str) and not expr.ref.target.case_exact


def _literal(expr: Compare, column: Column) -> Any:
    value = expr.value
    if isinstance(value, datetime):
        return value.astimezone(UTC).replace(tzinfo=None)
    if isinstance(value, str) and (column.lowered or _case_insensitive(expr)):
        return value.lower()
    return value


def _like(op: str, text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return {"co": f"%{escaped}%", "sw": f"{escaped}%", "ew": f"%{escaped}"}[op]


USER_FILTER = SqlFilter(USER_CATALOG)
GROUP_FILTER = SqlFilter(GROUP_CATALOG)
