"""`attributes` / `excludedAttributes` (RFC 7644 §3.4.2.5) and `returned` (RFC 7643 §7)."""

from __future__ import annotations

from typing import Any

import pytest

from sofa_scim_desktop.domain.errors import InvalidPath
from sofa_scim_desktop.domain.projection import Projection
from sofa_scim_desktop.domain.projection import split_items
from sofa_scim_desktop.domain.schema import ENTERPRISE_SCHEMA
from sofa_scim_desktop.domain.schema import GROUP_TYPE
from sofa_scim_desktop.domain.schema import USER_TYPE

WORK = {"type": "work", "value": "eve@contoso.com", "primary": True}
HOME = {"type": "home", "value": "eve@home.cz"}
EVE: dict[str, Any] = {
    "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
    "id": "e1",
    "userName": "eve@contoso.com",
    "name": {"givenName": "Eve", "familyName": "Nová"},
    "emails": [WORK, HOME],
    ENTERPRISE_SCHEMA: {"department": "Sales", "employeeNumber": "7"},
    "meta": {"resourceType": "User"},
}
ALWAYS = {"schemas": EVE["schemas"], "id": "e1"}


def projected(attributes: str | None = None, excluded: str | None = None) -> dict[str, Any]:
    return Projection(USER_TYPE, attributes, excluded).apply(EVE)


@pytest.mark.parametrize(
    ("attributes", "kept"),
    [
        ("userName", {"userName": "eve@contoso.com"}),
        ("USERNAME", {"userName": "eve@contoso.com"}),
        ("name.givenName", {"name": {"givenName": "Eve"}}),
        ('emails[type eq "work"]', {"emails": [WORK]}),
        ('emails[type eq "work"].value', {"emails": [{"value": "eve@contoso.com"}]}),
        ('emails[type eq "work"],emails[type eq "home"]', {"emails": [WORK, HOME]}),
        ('emails[type eq "fax"]', {}),
        ("emails.value", {"emails": [{"value": "eve@contoso.com"}, {"value": "eve@home.cz"}]}),
        (f"{ENTERPRISE_SCHEMA}:department", {ENTERPRISE_SCHEMA: {"department": "Sales"}}),
        (ENTERPRISE_SCHEMA, {ENTERPRISE_SCHEMA: EVE[ENTERPRISE_SCHEMA]}),
    ],
)
def test_attributes_keep_what_they_name(attributes: str, kept: dict[str, Any]) -> None:
    assert projected(attributes) == {**ALWAYS, **kept}


@pytest.mark.parametrize(
    ("excluded", "gone"),
    [
        ("emails", {"emails"}),
        ("name.givenName", set()),
        (ENTERPRISE_SCHEMA, {ENTERPRISE_SCHEMA}),
        ("meta", {"meta"}),
    ],
)
def test_excluded_attributes_drop_what_they_name(excluded: str, gone: set[str]) -> None:
    result = projected(excluded=excluded)
    assert set(result) == set(EVE) - gone
    if excluded == "name.givenName":
        assert result["name"] == {"familyName": "Nová"}


def test_excluding_a_filtered_element_keeps_the_others() -> None:
    assert projected(excluded='emails[type eq "home"]')["emails"] == [WORK]


def test_schemas_and_id_are_always_returned() -> None:
    assert projected("id,schemas") == ALWAYS and projected(excluded="id")["id"] == "e1"


def test_a_comma_inside_a_filter_is_not_a_separator() -> None:
    items = list(split_items('emails[value eq "a,b"], userName ,,'))
    assert items == ['emails[value eq "a,b"]', "userName"]


def test_a_member_display_is_returned_only_when_asked_by_name() -> None:
    group = {"id": "g", "displayName": "G", "members": [{"value": "u", "display": "Eve"}]}
    assert Projection(GROUP_TYPE, None, None).apply(group)["members"] == [{"value": "u"}]
    asked = Projection(GROUP_TYPE, "members.display,members.value", None).apply(group)
    assert asked["members"] == [{"value": "u", "display": "Eve"}]


def test_the_shared_whole_projection_still_hides_a_members_display_after_one_that_asked() -> None:
    group = {"id": "g", "displayName": "G", "members": [{"value": "u", "display": "Eve"}]}
    asked = Projection.asked(GROUP_TYPE, "members.display,members.value", None).apply(group)
    whole = Projection.asked(GROUP_TYPE, None, None)
    assert asked["members"] == [{"value": "u", "display": "Eve"}]
    assert whole.apply(group)["members"] == [{"value": "u"}]
    assert Projection.asked(GROUP_TYPE, None, None) is whole
    assert Projection.asked(USER_TYPE, None, None) is not whole


@pytest.mark.parametrize("attributes", ["nickName", "emails[type eq work]", 'userName[x eq "y"]'])
def test_unknown_or_ambiguous_items_are_refused(attributes: str) -> None:
    with pytest.raises(InvalidPath):
        Projection(USER_TYPE, attributes, None)
