"""The SCIM User -> Sofa user field mapping of SPEC §4 (the manual's table)."""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from sofa_scim_desktop.domain.resource import Resource
from sofa_scim_desktop.domain.schema import ENTERPRISE_SCHEMA


@dataclass(frozen=True)
class SofaUserFields:
    """The Sofa fields a synchronization fills in; `manager_ref` is the manager's SCIM id."""

    user_name: str
    active: bool = True
    display_name: str | None = None
    job: str | None = None
    notification_email: str | None = None
    first_name: str | None = None
    surname: str | None = None
    degree_before: str | None = None
    degree_after: str | None = None
    telephone: str | None = None
    mobile: str | None = None
    sso_identifier: str | None = None
    personal_number: str | None = None
    department: str | None = None
    manager_ref: str | None = None


def _typed_value(resource: Resource, attribute: str, kind: str) -> str | None:
    """`emails[type eq "work"].value`: the first element of that type."""
    for element in resource.get(attribute) or []:
        if str(element.get("type", "")).lower() == kind:
            value: str | None = element.get("value")
            return value
    return None


def sofa_fields(resource: Resource) -> SofaUserFields:
    name: dict[str, Any] = resource.get("name") or {}
    enterprise: dict[str, Any] = resource.get(ENTERPRISE_SCHEMA) or {}
    manager: dict[str, Any] = enterprise.get("manager") or {}
    return SofaUserFields(
        user_name=resource["userName"],
        active=resource.get("active", True),
        display_name=resource.get("displayName"),
        job=resource.get("title"),
        notification_email=_typed_value(resource, "emails", "work"),
        first_name=name.get("givenName"),
        surname=name.get("familyName"),
        degree_before=name.get("honorificPrefix"),
        degree_after=name.get("honorificSuffix"),
        telephone=_typed_value(resource, "phoneNumbers", "work"),
        mobile=_typed_value(resource, "phoneNumbers", "mobile"),
        sso_identifier=resource.get("externalId"),
        personal_number=enterprise.get("employeeNumber"),
        department=enterprise.get("department"),
        manager_ref=manager.get("value"),
    )


def field_changes(before: SofaUserFields | None, after: SofaUserFields) -> list[dict[str, Any]]:
    """`[{"field", "before", "after"}]` in Sofa's field names (SPEC §8.1), for the fields that
    differ; a new user (`before` None) lists those it was given. The manager is a reference
    here (`manager_ref`): the caller names the superior instead.
    """
    news = _logged_values(after)
    olds = _logged_values(before) if before is not None else (None,) * len(news)
    return [
        {"field": name, "before": old, "after": new}
        for name, old, new in zip(_LOGGED_FIELDS, olds, news, strict=True)
        if old != new
    ]


_LOGGED_FIELDS = tuple(n for n in SofaUserFields.__dataclass_fields__ if n != "manager_ref")
_logged_values = attrgetter(*_LOGGED_FIELDS)  # PERF: every write's fields, read in one call
