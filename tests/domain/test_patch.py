"""PATCH (RFC 7644 §3.5.2) on canonical resources, in every form Entra sends (entra.md §6, §11)."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from sofa_scim_desktop.domain.errors import InvalidPath
from sofa_scim_desktop.domain.errors import InvalidSyntax
from sofa_scim_desktop.domain.errors import InvalidValue
from sofa_scim_desktop.domain.errors import Mutability
from sofa_scim_desktop.domain.errors import NoTarget
from sofa_scim_desktop.domain.errors import ScimError
from sofa_scim_desktop.domain.patch import MemberChange
from sofa_scim_desktop.domain.patch import apply_operations
from sofa_scim_desktop.domain.patch import parse_operations
from sofa_scim_desktop.domain.patch import split_member_operations
from sofa_scim_desktop.domain.resource import Resource
from sofa_scim_desktop.domain.schema import ENTERPRISE_SCHEMA
from sofa_scim_desktop.domain.schema import GROUP_TYPE
from sofa_scim_desktop.domain.schema import USER_TYPE
from tests.samples import patch

ALICE: Resource = {
    "userName": "alice@contoso.com",
    "active": True,
    "displayName": "Alice Nováková",
    "name": {"givenName": "Alice", "familyName": "Nováková", "formatted": "Alice Nováková"},
    "emails": [{"type": "work", "value": "alice@contoso.com", "primary": True}],
    "phoneNumbers": [{"type": "work", "value": "+420 222 333 444"}],
    ENTERPRISE_SCHEMA: {"department": "Accounting"},
}


def patched(*operations: dict[str, Any], resource: Resource | None = None) -> Resource:
    return apply_operations(
        resource if resource is not None else ALICE,
        parse_operations(patch(*operations), USER_TYPE),
    )


def enterprise(resource: Resource) -> dict[str, Any]:
    return resource.get(ENTERPRISE_SCHEMA, {})


@pytest.mark.parametrize("op", ["Replace", "replace", "REPLACE", "Add", "add"])
def test_single_valued_replace_or_add(op: str) -> None:
    result = patched({"op": op, "path": "userName", "value": "alice.n@contoso.com"})
    assert result["userName"] == "alice.n@contoso.com"


def test_attribute_name_in_path_is_case_insensitive() -> None:
    assert patched({"op": "Replace", "path": "TITLE", "value": "CFO"})["title"] == "CFO"


@pytest.mark.parametrize(
    ("sent", "active"),
    [
        ("False", False),
        ("false", False),
        (False, False),
        ("True", True),
        ("true", True),
        (True, True),
    ],
)
def test_active_as_string_or_boolean(sent: object, active: bool) -> None:
    start = {**ALICE, "active": not active}
    result = patched({"op": "Replace", "path": "active", "value": sent}, resource=start)
    assert result["active"] is active


def test_soft_delete_with_add_op() -> None:
    assert patched({"op": "Add", "path": "active", "value": "False"})["active"] is False


@pytest.mark.parametrize("op", ["Replace", "Add"])
def test_filtered_path_changes_the_matching_element(op: str) -> None:
    result = patched({"op": op, "path": 'emails[type eq "work"].value', "value": "a@fabrikam.com"})
    assert result["emails"] == [{"type": "work", "value": "a@fabrikam.com", "primary": True}]


@pytest.mark.parametrize("op", ["Replace", "Add"])
@pytest.mark.parametrize(
    ("path", "attribute", "element"),
    [
        ('phoneNumbers[type eq "mobile"].value', "phoneNumbers", {"type": "mobile", "value": "V"}),
        ('addresses[type eq "work"].formatted', "addresses", {"type": "work", "formatted": "V"}),
        ('emails[type eq "home"].value', "emails", {"type": "home", "value": "V"}),
    ],
)
def test_filtered_path_without_match_creates_the_element(
    op: str, path: str, attribute: str, element: dict[str, str]
) -> None:
    value = "h@example.com" if attribute == "emails" else "V"
    result = patched({"op": op, "path": path, "value": value})
    assert {**element, **({"value": value} if attribute == "emails" else {})} in result[attribute]


def test_creating_an_element_keeps_the_others() -> None:
    result = patched(
        {"op": "Add", "path": 'phoneNumbers[type eq "mobile"].value', "value": "+420 777"}
    )
    assert result["phoneNumbers"] == [
        {"type": "work", "value": "+420 222 333 444"},
        {"type": "mobile", "value": "+420 777"},
    ]


def test_values_are_stored_exactly_as_sent() -> None:
    result = patched(
        {
            "op": "Replace",
            "path": 'phoneNumbers[type eq "work"].value',
            "value": "(0) 222-333 / 444",
        }
    )
    assert result["phoneNumbers"][0]["value"] == "(0) 222-333 / 444"


def test_add_of_an_existing_type_replaces_instead_of_duplicating() -> None:
    result = patched(
        {"op": "Add", "path": "emails", "value": [{"type": "work", "value": "new@contoso.com"}]}
    )
    assert result["emails"] == [{"type": "work", "value": "new@contoso.com"}]


def test_add_of_another_type_appends() -> None:
    result = patched(
        {"op": "Add", "path": "emails", "value": [{"type": "home", "value": "a@home.cz"}]}
    )
    assert [e["type"] for e in result["emails"]] == ["work", "home"]


def test_removing_the_filtered_value_removes_the_element() -> None:
    result = patched({"op": "Remove", "path": 'emails[type eq "work"].value'})
    assert "emails" not in result


def test_removing_by_filter_removes_only_matching_elements() -> None:
    start = {
        **ALICE,
        "phoneNumbers": [{"type": "work", "value": "1"}, {"type": "mobile", "value": "2"}],
    }
    result = patched({"op": "Remove", "path": 'phoneNumbers[type eq "work"]'}, resource=start)
    assert result["phoneNumbers"] == [{"type": "mobile", "value": "2"}]


@pytest.mark.parametrize("op", ["Replace", "Add"])
def test_extension_path(op: str) -> None:
    path = f"{ENTERPRISE_SCHEMA}:department"
    assert enterprise(patched({"op": op, "path": path, "value": "Sales"}))["department"] == "Sales"


def test_extension_path_creates_the_extension() -> None:
    start = {k: v for k, v in ALICE.items() if k != ENTERPRISE_SCHEMA}
    result = patched(
        {"op": "Add", "path": f"{ENTERPRISE_SCHEMA}:employeeNumber", "value": "0042"},
        resource=start,
    )
    assert enterprise(result) == {"employeeNumber": "0042"}


def test_removing_the_last_extension_attribute_drops_the_extension() -> None:
    result = patched({"op": "Remove", "path": f"{ENTERPRISE_SCHEMA}:department"})
    assert ENTERPRISE_SCHEMA not in result


@pytest.mark.parametrize("op", ["replace", "Replace", "add", "Add"])
def test_no_path_with_dotted_and_urn_keys(op: str) -> None:
    result = patched(
        {
            "op": op,
            "value": {
                "name.givenName": "Alžběta",
                f"{ENTERPRISE_SCHEMA}:employeeNumber": "0042",
                "active": "False",
                "title": "CFO",
            },
        }
    )
    assert result["name"]["givenName"] == "Alžběta"
    assert result["name"]["familyName"] == "Nováková"
    assert enterprise(result) == {"department": "Accounting", "employeeNumber": "0042"}
    assert result["active"] is False
    assert result["title"] == "CFO"


def test_no_path_with_an_extension_object() -> None:
    result = patched({"op": "Add", "value": {ENTERPRISE_SCHEMA: {"employeeNumber": "7"}}})
    assert enterprise(result) == {"department": "Accounting", "employeeNumber": "7"}


def test_sub_attribute_path() -> None:
    result = patched({"op": "Replace", "path": "name.familyName", "value": "Veselá"})
    assert result["name"] == {
        "givenName": "Alice",
        "familyName": "Veselá",
        "formatted": "Alice Nováková",
    }


def test_complex_single_valued_add_merges() -> None:
    result = patched({"op": "Add", "path": "name", "value": {"honorificPrefix": "Ing."}})
    assert result["name"]["honorificPrefix"] == "Ing."
    assert result["name"]["givenName"] == "Alice"


MANAGER = f"{ENTERPRISE_SCHEMA}:manager"


@pytest.mark.parametrize(
    "value",
    [
        "mgr-1",
        {"value": "mgr-1"},
        [{"$ref": None, "value": "mgr-1"}],
        [{"$ref": "https://sofa.example.com/scim/v2/C/Users/mgr-1", "value": "mgr-1"}],
    ],
)
@pytest.mark.parametrize("op", ["Add", "Replace"])
def test_manager_forms(op: str, value: object) -> None:
    manager = enterprise(patched({"op": op, "path": MANAGER, "value": value}))["manager"]
    assert manager["value"] == "mgr-1"


@pytest.mark.parametrize(
    "operation",
    [
        {"op": "Remove", "path": MANAGER},
        {"op": "Replace", "path": MANAGER, "value": ""},
        {"op": "Replace", "path": MANAGER, "value": None},
        {"op": "Replace", "path": MANAGER, "value": {"value": ""}},
        {"op": "Replace", "path": MANAGER, "value": []},
    ],
)
def test_manager_removal(operation: dict[str, Any]) -> None:
    start = copy.deepcopy(ALICE)
    start[ENTERPRISE_SCHEMA]["manager"] = {"value": "mgr-1"}
    assert "manager" not in enterprise(patched(operation, resource=start))


def test_extra_keys_in_an_operation_are_ignored() -> None:
    result = patched({"op": "Replace", "path": "title", "value": "CFO", "name": "addMember"})
    assert result["title"] == "CFO"


def test_null_value_removes_the_attribute() -> None:
    assert "displayName" not in patched({"op": "Replace", "path": "displayName", "value": None})


def test_operations_apply_in_order() -> None:
    result = patched(
        {"op": "Replace", "path": "title", "value": "A"},
        {"op": "Replace", "path": "title", "value": "B"},
    )
    assert result["title"] == "B"


@pytest.mark.parametrize(
    "operation",
    [
        {"op": "Replace", "path": "userName", "value": "x@contoso.com"},
        {"op": "Replace", "path": 'emails[type eq "work"].value', "value": "x@contoso.com"},
        {"op": "Add", "path": "emails", "value": [{"type": "work", "value": "x@contoso.com"}]},
        {"op": "Remove", "path": 'emails[type eq "work"]'},
        {"op": "Replace", "path": "name.givenName", "value": "X"},
        {"op": "Remove", "path": f"{ENTERPRISE_SCHEMA}:department"},
        {"op": "Add", "path": MANAGER, "value": "m"},
        {"op": "Replace", "value": {"name.familyName": "X", "active": False}},
    ],
)
def test_apply_operations_never_mutates_its_input(operation: dict[str, Any]) -> None:
    original = copy.deepcopy(ALICE)
    patched(operation)
    assert original == ALICE


def test_a_failing_operation_leaves_the_input_unchanged() -> None:
    resource = copy.deepcopy(ALICE)
    operations = parse_operations(
        patch(
            {"op": "Replace", "path": "title", "value": "CFO"},
            {"op": "Replace", "path": "active", "value": "maybe"},
        ),
        USER_TYPE,
    )
    with pytest.raises(InvalidValue):
        apply_operations(resource, operations)
    assert resource == ALICE


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ([], InvalidSyntax),
        ({"schemas": []}, InvalidSyntax),
        ({"Operations": []}, InvalidSyntax),
        ({"Operations": "replace"}, InvalidSyntax),
        ({"Operations": ["replace"]}, InvalidSyntax),
        ({"Operations": [{"op": "Move", "path": "title", "value": "x"}]}, InvalidSyntax),
        ({"Operations": [{"path": "title", "value": "x"}]}, InvalidSyntax),
        ({"Operations": [{"op": "Remove"}]}, NoTarget),
        ({"Operations": [{"op": "Replace", "value": "x"}]}, InvalidValue),
        ({"Operations": [{"op": "Replace", "path": 5, "value": "x"}]}, InvalidPath),
        ({"Operations": [{"op": "Replace", "path": "nickName", "value": "x"}]}, InvalidPath),
        ({"Operations": [{"op": "Replace", "path": "emails[type eq", "value": "x"}]}, InvalidPath),
        (
            {
                "Operations": [
                    {"op": "Replace", "path": 'emails[type eq "work"].nope', "value": "x"}
                ]
            },
            InvalidPath,
        ),
        (
            {"Operations": [{"op": "Replace", "path": 'userName[value eq "a"]', "value": "x"}]},
            InvalidPath,
        ),
        ({"Operations": [{"op": "Replace", "path": "id", "value": "x"}]}, Mutability),
        ({"Operations": [{"op": "Replace", "path": "meta.created", "value": "x"}]}, Mutability),
        ({"Operations": [{"op": "Replace", "path": "active", "value": "yes"}]}, InvalidValue),
        (
            {"Operations": [{"op": "Add", "path": 'emails[type eq "work"]', "value": "x"}]},
            InvalidValue,
        ),
        (
            {"Operations": [{"op": "Add", "path": 'emails[type ne "work"].value', "value": "x"}]},
            NoTarget,
        ),
        ({"Operations": [{"op": "Replace", "path": "title"}] * 1001}, InvalidSyntax),
    ],
)
def test_invalid_patch_requests_are_refused(body: Any, error: type[ScimError]) -> None:
    with pytest.raises(error) as raised:
        apply_operations(ALICE, parse_operations(body, USER_TYPE))
    assert raised.value.detail


def test_lower_case_operations_key_is_accepted() -> None:
    operations = parse_operations(
        {"operations": [{"op": "add", "path": "title", "value": "x"}]}, USER_TYPE
    )
    assert apply_operations(ALICE, operations)["title"] == "x"


# --- Groups (entra.md §11) -----------------------------------------------------------------


def group_changes(*operations: dict[str, Any]) -> list[MemberChange]:
    return split_member_operations(parse_operations(patch(*operations), GROUP_TYPE))[1]


@pytest.mark.parametrize(
    ("operation", "change"),
    [
        (
            {
                "op": "Add",
                "path": "members",
                "value": [{"$ref": None, "value": "u1"}, {"value": "u2"}],
            },
            MemberChange("add", ("u1", "u2")),
        ),
        (
            {"op": "add", "path": "members", "value": [{"value": "u1"}, {"value": "u1"}]},
            MemberChange("add", ("u1",)),
        ),
        ({"op": "Add", "path": "members", "value": {"value": "u1"}}, MemberChange("add", ("u1",))),
        (
            {"op": "Remove", "path": "members", "value": [{"value": "u1"}, {"value": "u3"}]},
            MemberChange("remove", ("u1", "u3")),
        ),
        ({"op": "remove", "path": 'members[value eq "u2"]'}, MemberChange("remove", ("u2",))),
        (
            {"op": "remove", "path": 'members[value eq "u1" or value eq "u2"]'},
            MemberChange("remove", ("u1", "u2")),
        ),
        ({"op": "remove", "path": "members"}, MemberChange("remove_all")),
        ({"op": "Remove", "path": "members", "value": []}, MemberChange("remove_all")),
        (
            {"op": "Replace", "path": "members", "value": [{"value": "u3"}]},
            MemberChange("replace", ("u3",)),
        ),
        ({"op": "Replace", "path": "members", "value": []}, MemberChange("replace")),
        ({"op": "Add", "value": {"members": [{"value": "u4"}]}}, MemberChange("add", ("u4",))),
        # Beyond the RFC (README "Forms accepted"): a bare id, a list of ids, any case.
        ({"op": "Add", "path": "members", "value": "u1"}, MemberChange("add", ("u1",))),
        (
            {"op": "add", "path": "members", "value": ["u1", "u2"]},
            MemberChange("add", ("u1", "u2")),
        ),
        ({"op": "Remove", "path": "members", "value": ["u2"]}, MemberChange("remove", ("u2",))),
        (
            {"op": "Add", "path": "Members", "value": [{"Value": "u5"}]},
            MemberChange("add", ("u5",)),
        ),
        ({"op": "Add", "value": {"members": "u4"}}, MemberChange("add", ("u4",))),
    ],
)
def test_member_operation_forms(operation: dict[str, Any], change: MemberChange) -> None:
    assert group_changes(operation) == [change]


def test_old_remove_form_removes_only_the_listed_ids() -> None:
    (change,) = group_changes({"op": "Remove", "path": "members", "value": [{"value": "u1"}]})
    assert change.kind == "remove"
    assert change.ids == ("u1",)


def test_member_changes_keep_their_order_and_other_operations_stay() -> None:
    operations = parse_operations(
        patch(
            {"op": "Replace", "path": "displayName", "value": "Účetní"},
            {"op": "Add", "path": "members", "value": [{"value": "u1"}]},
            {"op": "Remove", "path": "members", "value": [{"value": "u2"}]},
        ),
        GROUP_TYPE,
    )
    rest, changes = split_member_operations(operations)
    assert [o.path.ref.attribute.name for o in rest] == ["displayName"]
    assert changes == [MemberChange("add", ("u1",)), MemberChange("remove", ("u2",))]
    group = apply_operations({"displayName": "Accounting", "externalId": "g"}, rest)
    assert group == {"displayName": "Účetní", "externalId": "g"}


@pytest.mark.parametrize(
    ("operation", "error"),
    [
        ({"op": "Add", "path": 'members[value eq "u1"]', "value": [{"value": "u1"}]}, InvalidPath),
        ({"op": "Replace", "path": "members.value", "value": "u1"}, InvalidPath),
        ({"op": "Remove", "path": 'members[value eq "u1"].display'}, Mutability),
        ({"op": "Remove", "path": 'members[display eq "Alice"]'}, InvalidPath),
        ({"op": "Add", "path": "members", "value": [{"display": "Alice"}]}, InvalidValue),
        ({"op": "Add", "path": "members", "value": [5]}, InvalidValue),
        ({"op": "Add", "path": "members", "value": [{"Value": ""}]}, InvalidValue),
        ({"op": "Add", "path": "members", "value": [["u1"]]}, InvalidValue),
    ],
)
def test_invalid_member_operations(operation: dict[str, Any], error: type[ScimError]) -> None:
    with pytest.raises(error):
        group_changes(operation)


# --- Attribute names in values, in any case (RFC 7643 §2.1) -------------------------------------


@pytest.mark.parametrize(
    "operation",
    [
        {
            "op": "Add",
            "path": "emails",
            "value": [{"Type": "home", "Value": "a@b.cz", "Primary": True}],
        },
        {
            "op": "Add",
            "path": 'emails[type eq "home"]',
            "value": {"Value": "a@b.cz", "Primary": True},
        },
        {
            "op": "Replace",
            "value": {"Emails": [{"TYPE": "home", "value": "a@b.cz", "PRIMARY": True}]},
        },
    ],
)
def test_a_new_primary_email_in_any_case_makes_the_old_one_not_primary(
    operation: dict[str, Any],
) -> None:
    """RFC 7644 §3.5.2: the server sets any existing primary value to not primary."""
    emails = patched(operation)["emails"]
    assert {"type": "home", "value": "a@b.cz", "primary": True} in emails
    assert [e for e in emails if e.get("primary")] == [
        {"type": "home", "value": "a@b.cz", "primary": True}
    ]


def test_the_operations_key_in_any_case() -> None:
    body = {"schemas": [], "OPERATIONS": [{"op": "replace", "path": "title", "value": "CFO"}]}
    assert apply_operations(ALICE, parse_operations(body, USER_TYPE))["title"] == "CFO"


def test_a_path_parsed_for_users_is_still_refused_on_a_group_and_refused_every_time() -> None:
    body = patch({"op": "replace", "path": "userName", "value": "x"})
    assert parse_operations(body, USER_TYPE)[0].path.ref.attribute.name == "userName"
    for _ in range(2):  # parsed paths are cached per resource type; failures are not kept
        with pytest.raises(InvalidPath):
            parse_operations(body, GROUP_TYPE)


def test_applying_operations_leaves_the_stored_resource_as_it_was() -> None:
    stored: Resource = {"userName": "a", "emails": [{"value": "a@x.cz", "type": "work"}]}
    before = copy.deepcopy(stored)
    operations = parse_operations(
        patch({"op": "replace", "path": 'emails[type eq "work"].value', "value": "b@x.cz"}),
        USER_TYPE,
    )
    assert apply_operations(stored, operations)["emails"][0]["value"] == "b@x.cz"
    assert stored == before
