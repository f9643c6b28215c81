"""The canonical form of SCIM bodies: what storage keeps from what Entra sends (RFC 7643 §2)."""

from __future__ import annotations

from typing import Any

import pytest

from sofa_scim_desktop.domain.errors import InvalidValue
from sofa_scim_desktop.domain.resource import MAX_MULTI_VALUES
from sofa_scim_desktop.domain.resource import MAX_STRING_LENGTH
from sofa_scim_desktop.domain.resource import canonical_resource
from sofa_scim_desktop.domain.resource import require
from sofa_scim_desktop.domain.schema import ENTERPRISE_SCHEMA
from sofa_scim_desktop.domain.schema import GROUP_TYPE
from sofa_scim_desktop.domain.schema import USER_TYPE
from tests.samples import entra_group
from tests.samples import entra_user


def canonical(body: dict[str, Any]) -> dict[str, Any]:
    return canonical_resource(body, USER_TYPE)


def test_entra_user_body() -> None:
    body = entra_user()
    resource = canonical(body)
    assert resource == {
        "externalId": body["externalId"],
        "userName": "alice@contoso.com",
        "active": True,
        "displayName": "Alice Nováková",
        "title": "Accountant",
        "emails": [{"primary": True, "type": "work", "value": "alice@contoso.com"}],
        "name": {"formatted": "Alice Nováková", "familyName": "Nováková", "givenName": "Alice"},
    }


def test_schemas_id_and_meta_from_the_client_are_not_kept() -> None:
    resource = canonical(
        {"userName": "a", "id": "mine", "meta": {"resourceType": "User"}, "schemas": ["urn:x"]}
    )
    assert resource == {"userName": "a"}


@pytest.mark.parametrize(
    "body",
    [
        {"userName": "a", "title": None},
        {"userName": "a", "title": ""},
        {"userName": "a", "emails": []},
        {"userName": "a", "emails": [None]},
        {"userName": "a", "name": {}},
        {"userName": "a", "name": {"givenName": None}},
        {"userName": "a", ENTERPRISE_SCHEMA: {}},
        {"userName": "a", ENTERPRISE_SCHEMA: {"department": None, "manager": None}},
        {"userName": "a", ENTERPRISE_SCHEMA: {"manager": []}},
        {"userName": "a", ENTERPRISE_SCHEMA: {"manager": {"value": ""}}},
    ],
)
def test_null_and_empty_values_are_dropped(body: dict[str, Any]) -> None:
    assert canonical(body) == {"userName": "a"}


@pytest.mark.parametrize(
    ("sent", "active"),
    [
        ("True", True),
        ("true", True),
        (" TRUE ", True),
        (True, True),
        ("False", False),
        ("false", False),
        (False, False),
    ],
)
def test_string_booleans(sent: object, active: bool) -> None:
    assert canonical({"userName": "a", "active": sent})["active"] is active


def test_primary_as_a_string_boolean() -> None:
    resource = canonical({"userName": "a", "emails": [{"value": "a@b.cz", "primary": "True"}]})
    assert resource["emails"] == [{"value": "a@b.cz", "primary": True}]


def test_attribute_names_are_case_insensitive() -> None:
    resource = canonical({"USERNAME": "a", "Name": {"GIVENNAME": "Alice"}, "ACTIVE": "false"})
    assert resource == {"userName": "a", "name": {"givenName": "Alice"}, "active": False}


def test_unknown_attributes_are_ignored_and_reported() -> None:
    ignored: list[str] = []
    resource = canonical_resource(
        {
            "userName": "a",
            "roles": [],
            "nickName": "al",
            "urn:example:ext": {"x": 1},
            ENTERPRISE_SCHEMA: {"costCenter": "42", "department": "Sales"},
        },
        USER_TYPE,
        ignored,
    )
    assert resource == {"userName": "a", ENTERPRISE_SCHEMA: {"department": "Sales"}}
    assert sorted(ignored) == ["costCenter", "nickName", "roles", "urn:example:ext"]


def test_extension_urn_key_is_case_insensitive() -> None:
    resource = canonical({"userName": "a", ENTERPRISE_SCHEMA.upper(): {"employeeNumber": "7"}})
    assert resource[ENTERPRISE_SCHEMA] == {"employeeNumber": "7"}


@pytest.mark.parametrize(
    "manager",
    [
        "mgr-1",
        {"value": "mgr-1"},
        [{"$ref": None, "value": "mgr-1"}],
        {"value": "mgr-1", "displayName": "The Boss"},
        {"value": "mgr-1", "Display": "sent back"},
    ],
)
def test_manager_forms(manager: object) -> None:
    resource = canonical({"userName": "a", ENTERPRISE_SCHEMA: {"manager": manager}})
    assert resource[ENTERPRISE_SCHEMA] == {"manager": {"value": "mgr-1"}}


def test_single_element_for_multi_valued_is_a_list() -> None:
    resource = canonical({"userName": "a", "emails": {"value": "a@b.cz", "type": "work"}})
    assert resource["emails"] == [{"value": "a@b.cz", "type": "work"}]


def test_values_are_kept_exactly_as_sent() -> None:
    phone = {"type": "work", "value": "+420 (222) 333-444"}
    resource = canonical({"userName": "Alice@Contoso.com", "phoneNumbers": [phone]})
    assert resource == {"userName": "Alice@Contoso.com", "phoneNumbers": [phone]}


def test_not_mapped_attributes_are_kept() -> None:
    address = {"type": "work", "formatted": "Na Příkopě 1, Praha", "country": "CZ"}
    resource = canonical({"userName": "a", "preferredLanguage": "cs-CZ", "addresses": [address]})
    assert resource["preferredLanguage"] == "cs-CZ"
    assert resource["addresses"] == [address]


def test_an_email_that_is_not_an_address_is_kept_as_sent() -> None:
    """Microsoft's SCIM tests send `"value": "emailName357"`: never lose a user over it."""
    emails = [{"type": "work", "value": "emailName357"}, {"type": "home", "value": "x"}]
    assert canonical({"userName": "a", "emails": emails})["emails"] == emails


@pytest.mark.parametrize(
    "emails",
    [
        [{"Primary": True, "Type": "work", "Value": "a@b.cz"}],
        [{"PRIMARY": True, "type": "work", "value": "a@b.cz"}],
    ],
)
def test_sub_attribute_names_are_case_insensitive(emails: list[dict[str, Any]]) -> None:
    """RFC 7643 §2.1: `"Primary": true` is `primary`."""
    resource = canonical({"UserName": "a", "Emails": emails})
    assert resource == {
        "userName": "a",
        "emails": [{"primary": True, "type": "work", "value": "a@b.cz"}],
    }


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"active": "yes"}, "'active' must be true or false"),
        ({"active": 1}, "'active' must be true or false"),
        ({"title": 5}, "'title' must be a string"),
        ({"title": ["CFO"]}, "'title' must be a string"),
        ({"title": "x" * (MAX_STRING_LENGTH + 1)}, f"longer than {MAX_STRING_LENGTH}"),
        ({"name": "Alice"}, "'name' must be an object"),
        (
            {
                "emails": [
                    {"value": "a@b.cz", "primary": True},
                    {"value": "c@d.cz", "primary": True},
                ]
            },
            "Only one of the 'emails' may be primary",
        ),
        (
            {"emails": [{"value": f"u{i}@b.cz"} for i in range(MAX_MULTI_VALUES + 1)]},
            f"more than {MAX_MULTI_VALUES} values",
        ),
        ({ENTERPRISE_SCHEMA: "Sales"}, "must be an object of its attributes"),
        ({ENTERPRISE_SCHEMA: {"manager": 42}}, "'manager' must be an object"),
    ],
)
def test_invalid_values_are_refused_with_a_clear_detail(body: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidValue, match=message) as raised:
        canonical({"userName": "a", **body})
    assert raised.value.scim_type == "invalidValue"


@pytest.mark.parametrize("body", [{}, {"userName": ""}, {"userName": None}, {"displayName": "A"}])
def test_user_name_is_required(body: dict[str, Any]) -> None:
    with pytest.raises(InvalidValue, match="'userName' is required"):
        require(canonical(body), "userName")


def test_entra_group_body() -> None:
    body = entra_group("Účetní", "0B1C2D3E-4F50-6172-8394-A5B6C7D8E9F0")
    resource = canonical_resource(body, GROUP_TYPE)
    assert resource == {
        "externalId": "0B1C2D3E-4F50-6172-8394-A5B6C7D8E9F0",
        "displayName": "Účetní",
    }


def test_group_members_keep_value_and_drop_display() -> None:
    body = {"displayName": "G", "members": [{"value": "u1", "display": "Alice", "$ref": None}]}
    assert canonical_resource(body, GROUP_TYPE)["members"] == [{"value": "u1"}]
