"""SCIM filters (RFC 7644 §3.4.2.2) as SQL: each attribute maps to an indexed column, or to an
EXISTS on the rows of a multi-valued attribute. Nothing is filtered in Python.

Every comparison is NULL-safe (a missing value compares as false, never as NULL), so that
`not (…)` means what the evaluator in `domain.filter_eval` says it means.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC
from datetime import datetime
from typing import Any

from peewee import SQL
from peewee import Expression
from peewee import Field
from peewee import ModelSelect
from peewee import NodeList
from peewee import Value
from peewee import fn

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
from sofa_scim_desktop.storage.tables import ScimGroup
from sofa_scim_desktop.storage.tables import ScimGroupMember
from sofa_scim_desktop.storage.tables import ScimUser
from sofa_scim_desktop.storage.tables import ScimUserValue


@dataclass(frozen=True)
class Column:
    """A filterable attribute: its column, and whether that column holds lower-cased text."""

    field: Any
    lowered: bool = False


@dataclass(frozen=True)
class Rows:
    """A multi-valued attribute stored as rows, and the columns of its sub-attributes."""

    exists: Any  # callable(condition) -> EXISTS expression
    columns: dict[str, Column]


def _user_values(attribute: str) -> Rows:
    def exists(condition: Any) -> Any:
        # PERF: IN (not a correlated EXISTS), so `emails[type eq "work"].value eq "…"` is one
        # lookup in the (attribute, value_key) index instead of a subquery per user.
        rows = ScimUserValue.select(ScimUserValue.user).where(
            (ScimUserValue.attribute == attribute) & condition
        )
        return ScimUser.id.in_(rows)

    columns = {
        "value": Column(ScimUserValue.value_key, lowered=True),
        "type": Column(ScimUserValue.type, lowered=True),
        "primary": Column(ScimUserValue.primary),
    }
    if attribute == "addresses":
        columns = {
            "formatted": columns["value"],
            "type": columns["type"],
            "primary": columns["primary"],
        }
    return Rows(exists, columns)


def _group_members(condition: Any) -> Any:
    # NOTE: `members.value` matches user members; nested groups are kept but not filtered on.
    rows = (
        ScimGroupMember.select(SQL("1"))
        .join(ScimUser, on=(ScimGroupMember.user == ScimUser.id))
        .where((ScimGroupMember.group == ScimGroup.id) & condition)
    )
    return fn.EXISTS(rows)


USER_CATALOG: dict[tuple[str | None, str], Column | Rows] = {
    (None, "id"): Column(ScimUser.scim_id),
    (None, "userName"): Column(ScimUser.user_name_key, lowered=True),
    (None, "externalId"): Column(ScimUser.external_id),
    (None, "displayName"): Column(ScimUser.display_name),
    (None, "title"): Column(ScimUser.title),
    (None, "name.givenName"): Column(ScimUser.given_name),
    (None, "name.familyName"): Column(ScimUser.family_name),
    (None, "name.formatted"): Column(ScimUser.formatted_name),
    (None, "name.honorificPrefix"): Column(ScimUser.honorific_prefix),
    (None, "name.honorificSuffix"): Column(ScimUser.honorific_suffix),
    (None, "preferredLanguage"): Column(ScimUser.preferred_language),
    (None, "active"): Column(ScimUser.active),
    (None, "meta.created"): Column(ScimUser.created),
    (None, "meta.lastModified"): Column(ScimUser.last_modified),
    (None, "emails"): _user_values("emails"),
    (None, "phoneNumbers"): _user_values("phoneNumbers"),
    (None, "addresses"): _user_values("addresses"),
    (ENTERPRISE_SCHEMA, "employeeNumber"): Column(ScimUser.employee_number),
    (ENTERPRISE_SCHEMA, "department"): Column(ScimUser.department),
    (ENTERPRISE_SCHEMA, "manager.value"): Column(ScimUser.manager_ref),
}

GROUP_CATALOG: dict[tuple[str | None, str], Column | Rows] = {
    (None, "id"): Column(ScimGroup.scim_id),
    (None, "displayName"): Column(ScimGroup.display_name_key, lowered=True),
    (None, "externalId"): Column(ScimGroup.external_id),
    (None, "meta.created"): Column(ScimGroup.created),
    (None, "meta.lastModified"): Column(ScimGroup.last_modified),
    (None, "members"): Rows(_group_members, {"value": Column(ScimUser.scim_id)}),
}


class SqlFilter:
    """Translates a filter AST for one resource type's catalog."""

    def __init__(self, catalog: dict[tuple[str | None, str], Column | Rows]) -> None:
        self.catalog = catalog

    def where(self, expr: Expr) -> Any:
        return self._translate(expr, None)

    def _translate(self, expr: Expr, rows: Rows | None) -> Any:
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
            return target.exists(SQL("1 = 1"))
        column = _sub_column(target, expr.ref)
        if isinstance(expr, Compare) and expr.op == "eq" and expr.value is None:
            return ~target.exists(column.field.is_null(False))  # `emails eq null`: none has one.
        condition = _condition(expr, column)
        if isinstance(expr, Compare) and expr.op == "ne":
            return target.exists(condition) | ~target.exists(SQL("1 = 1"))
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

    def order_by(self, ref: AttrRef) -> Any:
        target = self._lookup(ref)
        if not isinstance(target, Column):
            raise InvalidFilter(f"Cannot sort by the multi-valued '{ref.dotted}'.")
        return target.field


def _sub_column(rows: Rows, ref: AttrRef) -> Column:
    name = ref.sub.name if ref.sub else "value"
    column = rows.columns.get(name)
    if column is None:
        raise InvalidFilter(f"'{ref.dotted}' cannot be used in a filter.")
    return column


def _condition(expr: Expr, column: Column) -> Any:
    field = column.field
    present = field.is_null(False)
    if isinstance(expr, Present):
        if isinstance(field, Field) and field.field_type in ("VARCHAR", "TEXT"):
            return present & (field != "")
        return present
    assert isinstance(expr, Compare)
    value = _literal(expr, column)
    if value is None:
        return field.is_null(expr.op == "eq")
    lhs = field if column.lowered or not _case_insensitive(expr) else fn.LOWER(field)
    if expr.op == "ne":
        return field.is_null() | (lhs != value)
    if expr.op in ("co", "sw", "ew"):
        return present & _like(lhs, expr.op, str(value))
    operator = {"eq": "=", "gt": ">", "ge": ">=", "lt": "<", "le": "<="}[expr.op]
    return present & Expression(lhs, operator, value)


def _case_insensitive(expr: Compare) -> bool:
    return isinstance(expr.value, str) and not expr.ref.target.case_exact


def _literal(expr: Compare, column: Column) -> Any:
    value = expr.value
    if isinstance(value, datetime):
        return value.astimezone(UTC).replace(tzinfo=None)
    if isinstance(value, str) and (column.lowered or _case_insensitive(expr)):
        return value.lower()
    return value


def _like(lhs: Any, op: str, text: str) -> Any:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    pattern = {"co": f"%{escaped}%", "sw": f"{escaped}%", "ew": f"%{escaped}"}[op]
    return NodeList((lhs, SQL("LIKE"), Value(pattern), SQL("ESCAPE '\\'")))


USER_FILTER = SqlFilter(USER_CATALOG)
GROUP_FILTER = SqlFilter(GROUP_CATALOG)


def apply_filter(query: ModelSelect, sql_filter: SqlFilter, expr: Expr | None) -> ModelSelect:
    return query if expr is None else query.where(sql_filter.where(expr))
