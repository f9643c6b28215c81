"""Entra ID's provisioning life cycle (entra.md) over real HTTP, checked on the Sofa side."""

from __future__ import annotations

import json
import logging
import uuid
from typing import Any

import pytest
import requests

from sofa_scim_desktop.services.directory import UserView
from sofa_scim_desktop.storage.tables import LogEntry
from tests.samples import ENTERPRISE
from tests.samples import entra_group
from tests.samples import entra_user
from tests.samples import patch

LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse"
MANAGER = f"{ENTERPRISE}:manager"


# --- Helpers: what Entra sends, what Sofa shows ------------------------------------------------


def post(live: Any, path: str, body: Any) -> requests.Response:
    return live.session.post(f"{live.url}{path}", json=body)


def get(live: Any, path: str, **params: str) -> requests.Response:
    return live.session.get(f"{live.url}{path}", params=params)


def patch_ok(live: Any, path: str, *operations: dict[str, Any]) -> requests.Response:
    answer = live.session.patch(f"{live.url}{path}", json=patch(*operations))
    assert answer.status_code in (200, 204), answer.text
    return answer


def create_user(live: Any, user_name: str = "alice@contoso.com", **extra: Any) -> dict[str, Any]:
    answer = post(live, "/Users", entra_user(user_name, **extra))
    assert answer.status_code == 201, answer.text
    created: dict[str, Any] = answer.json()
    return created


def create_group(live: Any, name: str = "Accounting", object_id: str | None = None) -> dict:
    answer = post(live, "/Groups", entra_group(name, object_id))
    assert answer.status_code == 201, answer.text
    created: dict[str, Any] = answer.json()
    return created


def sofa_user(services: Any, user_name: str) -> UserView:
    return next(u for u in services.directory.users() if u.user_name.lower() == user_name.lower())


def events(endpoint: Any, services: Any) -> list[str]:
    sync = services.synchronizations.get(endpoint.identifier)
    return [
        e.event for e in LogEntry.select().where(LogEntry.sync == sync.id).order_by(LogEntry.id)
    ]


def member_ids(live: Any, group_id: str) -> set[str]:
    return {m["value"] for m in get(live, f"/Groups/{group_id}").json().get("members", [])}


def add_members(live: Any, group_id: str, *user_ids: str) -> None:
    value = [{"$ref": None, "value": i} for i in user_ids]
    patch_ok(live, f"/Groups/{group_id}", {"op": "Add", "path": "members", "value": value})


# --- 1. Test connection ------------------------------------------------------------------------


def test_connection_filter_on_a_random_guid_answers_an_empty_list(live: Any) -> None:
    answer = get(live, "/Users", filter=f'userName eq "{uuid.uuid4()}"')

    assert answer.status_code == 200
    assert answer.json() == {
        "schemas": [LIST_RESPONSE],
        "totalResults": 0,
        "startIndex": 1,
        "itemsPerPage": 0,
        "Resources": [],
    }


def test_connection_group_probe_answers_an_empty_list(live: Any) -> None:
    answer = get(
        live, "/Groups", excludedAttributes="members", filter=f'displayName eq "{uuid.uuid4()}"'
    )

    assert answer.status_code == 200
    assert answer.json()["totalResults"] == 0


def test_connection_with_a_wrong_key_is_401_with_www_authenticate(live: Any) -> None:
    answer = requests.get(
        f"{live.url}/Users",
        params={"filter": f'userName eq "{uuid.uuid4()}"'},
        headers={"Authorization": "Bearer not-the-key"},
    )

    assert answer.status_code == 401
    assert answer.headers["WWW-Authenticate"].startswith("Bearer")
    assert answer.json()["status"] == "401"


def test_connection_flag_in_the_tenant_url_is_ignored(live: Any) -> None:
    answer = live.session.get(f"{live.url}/Users?aadOptscim062020")

    assert answer.status_code == 200


def test_a_call_records_the_last_call(live: Any, services: Any, endpoint: Any) -> None:
    assert services.synchronizations.get(endpoint.identifier).last_call_at is None

    get(live, "/Users", filter=f'userName eq "{uuid.uuid4()}"')

    assert services.synchronizations.get(endpoint.identifier).last_call_at is not None


def test_a_refused_call_moves_the_last_call_but_is_no_success(
    live: Any, services: Any, endpoint: Any
) -> None:
    requests.get(f"{live.url}/Users", headers={"Authorization": "Bearer wrong"})

    row = services.synchronizations.get(endpoint.identifier)
    assert row.last_call_at is not None
    assert (row.last_success_at, row.last_refusal) == (None, "wrong_key")


# --- 2. Match before create --------------------------------------------------------------------


@pytest.mark.parametrize(
    "make_filter",
    [
        lambda u: f'userName eq "{u["userName"]}"',
        lambda u: f'userName eq "{u["userName"].upper()}"',
        lambda u: f'externalId eq "{u["externalId"]}"',
        lambda u: f'emails[type eq "work"].value eq "{u["emails"][0]["value"]}"',
    ],
    ids=["userName", "userName-other-case", "externalId", "work-email"],
)
def test_match_before_create_finds_the_user(live: Any, make_filter: Any) -> None:
    user = create_user(live)
    create_user(live, "bob@contoso.com")

    found = get(live, "/Users", filter=make_filter(user)).json()

    assert [r["id"] for r in found["Resources"]] == [user["id"]]


@pytest.mark.parametrize(
    "text",
    [
        'userName eq "carol@contoso.com"',
        f'externalId eq "{uuid.uuid4()}"',
        'emails[type eq "work"].value eq "carol@contoso.com"',
    ],
)
def test_match_before_create_of_a_new_user_finds_nothing(live: Any, text: str) -> None:
    create_user(live)

    found = get(live, "/Users", filter=text)

    assert found.status_code == 200
    assert found.json()["totalResults"] == 0


# --- 3. Create ---------------------------------------------------------------------------------


def test_create_answers_201_with_id_meta_and_location(live: Any) -> None:
    answer = post(live, "/Users", entra_user())

    body = answer.json()
    assert answer.status_code == 201
    assert answer.headers["Content-Type"].startswith("application/scim+json")
    assert body["id"] and body["userName"] == "alice@contoso.com"
    assert body["meta"]["resourceType"] == "User"
    assert answer.headers["Location"] == body["meta"]["location"]
    assert body["meta"]["location"].endswith(f"/Users/{body['id']}")


def test_create_with_active_as_string_true_gives_an_active_sofa_user(
    live: Any, services: Any, endpoint: Any
) -> None:
    user = create_user(live, active="True")

    sofa = sofa_user(services, "alice@contoso.com")
    assert user["active"] is True
    assert (sofa.active, sofa.removed, sofa.source) == (True, False, endpoint.identifier)


FULL_USER = {
    "title": "Accountant",
    "name": {
        "formatted": "Ing. Alice Nováková, Ph.D.",
        "givenName": "Alice",
        "familyName": "Nováková",
        "honorificPrefix": "Ing.",
        "honorificSuffix": "Ph.D.",
    },
    "phoneNumbers": [
        {"type": "work", "value": "+420 123 456 789"},
        {"type": "mobile", "value": "(+420) 777-000-111"},
    ],
    ENTERPRISE: {"employeeNumber": "E-042", "department": "Finance"},
}


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("user_name", "alice@contoso.com"),
        ("display_name", "Alice Nováková"),
        ("job", "Accountant"),
        ("notification_email", "alice@contoso.com"),
        ("first_name", "Alice"),
        ("surname", "Nováková"),
        ("degree_before", "Ing."),
        ("degree_after", "Ph.D."),
        ("telephone", "+420 123 456 789"),  # stored exactly as sent
        ("mobile", "(+420) 777-000-111"),
        ("personal_number", "E-042"),
        ("department", "Finance"),
    ],
)
def test_create_fills_the_mapped_sofa_field(
    live: Any, services: Any, field: str, expected: str
) -> None:
    create_user(live, **FULL_USER)

    assert getattr(sofa_user(services, "alice@contoso.com"), field) == expected


def test_create_stores_external_id_as_the_sso_identifier(live: Any, services: Any) -> None:
    user = create_user(live)

    assert sofa_user(services, user["userName"]).sso_identifier == user["externalId"]


def test_create_is_logged_as_an_operation(live: Any, services: Any, endpoint: Any) -> None:
    create_user(live)

    assert "user.created" in events(endpoint, services)


def test_duplicate_user_name_in_another_case_is_409_uniqueness(live: Any, services: Any) -> None:
    create_user(live)

    answer = post(live, "/Users", entra_user("ALICE@Contoso.com"))

    assert answer.status_code == 409
    assert answer.json()["scimType"] == "uniqueness"
    assert [u.user_name for u in services.directory.users()] == ["alice@contoso.com"]


def test_refused_create_is_logged_as_an_error_saying_what_to_do(
    live: Any, services: Any, endpoint: Any
) -> None:
    create_user(live)
    post(live, "/Users", entra_user())

    sync = services.synchronizations.get(endpoint.identifier)
    errors = LogEntry.select().where((LogEntry.sync == sync.id) & (LogEntry.level >= logging.ERROR))
    assert [e.event for e in errors] == ["call.failed"]
    assert errors[0].message.startswith("Entra tried to create a user; Sofa could not apply it")
    detail = json.loads(errors[0].detail)
    assert (detail["status"], detail["scimType"], detail["method"]) == (409, "uniqueness", "POST")
    assert "rename or remove it in Sofa" in detail["fix"]


def test_debug_log_never_holds_the_key(live: Any, services: Any, endpoint: Any) -> None:
    from sofa_scim_desktop.storage.tables import Synchronization

    Synchronization.update(log_level="debug").where(
        Synchronization.identifier == endpoint.identifier
    ).execute()
    create_user(live)

    entries = list(LogEntry.select())
    assert any(e.level == logging.DEBUG for e in entries)
    assert all(endpoint.key not in f"{e.message} {e.detail}" for e in entries)


# --- 4. Read -----------------------------------------------------------------------------------


def test_read_answers_the_created_user(live: Any) -> None:
    user = create_user(live)

    answer = get(live, f"/Users/{user['id']}")

    assert answer.status_code == 200
    assert answer.json() == user


def test_read_of_an_unknown_id_is_404(live: Any) -> None:
    answer = get(live, f"/Users/{uuid.uuid4()}")

    assert answer.status_code == 404
    assert answer.json()["status"] == "404"


def test_inactive_user_stays_readable_and_filterable(live: Any) -> None:
    user = create_user(live, active="False")

    assert get(live, f"/Users/{user['id']}").json()["active"] is False
    found = get(live, "/Users", filter=f'userName eq "{user["userName"]}"').json()
    assert found["totalResults"] == 1


# --- 5. Manager check --------------------------------------------------------------------------


def test_manager_check_filter_matches_the_right_manager(live: Any) -> None:
    boss = create_user(live, "boss@contoso.com")
    report = create_user(live, **{ENTERPRISE: {"manager": {"value": boss["id"]}}})

    right = get(live, "/Users", filter=f'id eq "{report["id"]}" and manager eq "{boss["id"]}"')
    wrong = get(live, "/Users", filter=f'id eq "{report["id"]}" and manager eq "{report["id"]}"')

    assert [r["id"] for r in right.json()["Resources"]] == [report["id"]]
    assert wrong.json()["totalResults"] == 0


# --- 6. Update ---------------------------------------------------------------------------------

PATCH_FORMS = [
    pytest.param(
        [{"op": "Replace", "path": "userName", "value": "alice.n@contoso.com"}],
        "user_name",
        "alice.n@contoso.com",
        id="replace-userName",
    ),
    pytest.param(
        [{"op": "Replace", "path": 'emails[type eq "work"].value', "value": "a@fabrikam.com"}],
        "notification_email",
        "a@fabrikam.com",
        id="replace-work-email",
    ),
    pytest.param(
        [{"op": "Add", "path": 'phoneNumbers[type eq "mobile"].value', "value": "+420 1"}],
        "mobile",
        "+420 1",
        id="add-creates-missing-mobile",
    ),
    pytest.param(
        [{"op": "Replace", "path": 'phoneNumbers[type eq "work"].value', "value": "+420 2"}],
        "telephone",
        "+420 2",
        id="replace-creates-missing-work-phone",
    ),
    pytest.param(
        [{"op": "Add", "path": f"{ENTERPRISE}:department", "value": "Finance"}],
        "department",
        "Finance",
        id="extension-urn-path",
    ),
    pytest.param(
        [{"op": "replace", "value": {"name.givenName": "Alicia"}}],
        "first_name",
        "Alicia",
        id="no-path-dotted-key",
    ),
    pytest.param(
        [{"op": "add", "value": {f"{ENTERPRISE}:employeeNumber": "E-7"}}],
        "personal_number",
        "E-7",
        id="no-path-urn-key",
    ),
    pytest.param(
        [{"op": "Add", "path": "title", "value": "Controller"}],
        "job",
        "Controller",
        id="add-on-single-valued-replaces",
    ),
    pytest.param(
        [{"op": "Replace", "path": "name.honorificPrefix", "value": "Mgr."}],
        "degree_before",
        "Mgr.",
        id="honorific-prefix",
    ),
    pytest.param(
        [{"op": "Replace", "path": "NAME.FAMILYNAME", "value": "Nová"}],
        "surname",
        "Nová",
        id="attribute-names-any-case",
    ),
    pytest.param(
        [{"op": "Replace", "path": "externalId", "value": "3f2c0a51-0000-4000-8000-000000000001"}],
        "sso_identifier",
        "3f2c0a51-0000-4000-8000-000000000001",
        id="externalId",
    ),
    pytest.param(
        [{"op": "Replace", "path": "active", "value": "False"}], "active", False, id="False"
    ),
    pytest.param(
        [{"op": "replace", "path": "active", "value": "false"}], "active", False, id="false"
    ),
    pytest.param([{"op": "Add", "path": "active", "value": False}], "active", False, id="add"),
    pytest.param(
        [{"op": "Replace", "name": "addMember", "value": {"active": "False"}}],
        "active",
        False,
        id="no-path-string-boolean",
    ),
]


@pytest.mark.parametrize(("operations", "field", "expected"), PATCH_FORMS)
def test_patch_form_changes_the_sofa_field(
    live: Any, services: Any, operations: list[dict[str, Any]], field: str, expected: Any
) -> None:
    user = create_user(live)

    patch_ok(live, f"/Users/{user['id']}", *operations)

    changed = next(u for u in services.directory.users())
    assert getattr(changed, field) == expected


def test_a_run_of_patches_leaves_every_lookup_and_the_sofa_user_right(
    live: Any, services: Any
) -> None:
    """A PATCH's UPDATE names an indexed column only when it changes (storage PERF): after
    a title change, a case-only rename, a rename, a new externalId and back, every way
    Entra finds the user still finds it, and the Sofa user carries the last values.
    """
    user = create_user(live)
    path = f"/Users/{user['id']}"
    new_external = str(uuid.uuid4())
    for op_path, value in [
        ("title", "Controller"),
        ("userName", "Alice@Contoso.com"),  # the same key: only the shown name changes
        ("userName", "alice.n@contoso.com"),
        ("externalId", new_external),
        ("title", "Head of accounting"),
    ]:
        patch_ok(live, path, {"op": "Replace", "path": op_path, "value": value})

    def found(expression: str) -> list[str]:
        resources = get(live, "/Users", filter=expression).json()["Resources"]
        return [r["id"] for r in resources]

    assert found('userName eq "ALICE.N@contoso.com"') == [user["id"]]
    assert found('userName eq "alice@contoso.com"') == []
    assert found(f'externalId eq "{new_external}"') == [user["id"]]
    assert found(f'externalId eq "{user["externalId"]}"') == []
    sofa = sofa_user(services, "alice.n@contoso.com")
    assert (sofa.user_name, sofa.sso_identifier, sofa.job) == (
        "alice.n@contoso.com", new_external, "Head of accounting",
    )  # fmt: skip
    assert post(live, "/Users", entra_user("ALICE.N@contoso.com")).status_code == 409
    # The Sofa user's name key moved with the rename: the old name is free for someone new.
    assert post(live, "/Users", entra_user("alice@contoso.com")).status_code == 201


def test_changed_emails_and_phones_are_found_by_their_new_values_only(live: Any) -> None:
    """A PATCH rewrites only the value rows that change (storage PERF): after a new work
    e-mail, an added and a changed phone number, a second e-mail and its removal, filters
    find the user by what it has now and by nothing it had before.
    """
    user = create_user(live)
    path = f"/Users/{user['id']}"
    old_email = user["emails"][0]["value"]
    steps = [
        {"op": "Replace", "path": 'emails[type eq "work"].value', "value": "a.n@contoso.com"},
        {"op": "Add", "path": "phoneNumbers", "value": [{"type": "mobile", "value": "+420 1"}]},
        {"op": "Add", "path": "emails", "value": [{"type": "other", "value": "a@home.cz"}]},
        {"op": "Replace", "path": 'phoneNumbers[type eq "mobile"].value', "value": "+420 2"},
        {"op": "Remove", "path": 'emails[type eq "other"]'},
    ]
    for step in steps:
        patch_ok(live, path, step)

    def found(expression: str) -> bool:
        total: int = get(live, "/Users", filter=expression).json()["totalResults"]
        return total == 1

    assert found('emails[type eq "work"].value eq "A.N@contoso.com"')
    assert found('phoneNumbers[type eq "mobile"].value eq "+420 2"')
    for gone in (old_email, "a@home.cz"):
        assert not found(f'emails.value eq "{gone}"')
    assert not found('phoneNumbers.value eq "+420 1"')
    assert [e["value"] for e in get(live, path).json()["emails"]] == ["a.n@contoso.com"]


def test_patch_answers_the_updated_resource(live: Any) -> None:
    user = create_user(live)

    answer = patch_ok(
        live, f"/Users/{user['id']}", {"op": "Replace", "path": "title", "value": "X"}
    )

    if answer.status_code == 200:
        assert answer.json()["title"] == "X"
    assert get(live, f"/Users/{user['id']}").json()["title"] == "X"


@pytest.mark.parametrize(
    "operation",
    [
        {"op": "Add", "path": "emails", "value": [{"type": "work", "value": "new@contoso.com"}]},
        {"op": "Add", "path": 'emails[type eq "work"].value', "value": "new@contoso.com"},
    ],
    ids=["whole-element", "filtered-path"],
)
def test_add_on_the_existing_work_email_does_not_duplicate_it(
    live: Any, operation: dict[str, Any]
) -> None:
    user = create_user(live)

    patch_ok(live, f"/Users/{user['id']}", operation)

    emails = get(live, f"/Users/{user['id']}").json()["emails"]
    assert [e["value"] for e in emails if e.get("type") == "work"] == ["new@contoso.com"]


def test_filtered_add_on_addresses_creates_the_work_address(live: Any) -> None:
    user = create_user(live)

    patch_ok(
        live,
        f"/Users/{user['id']}",
        {"op": "Add", "path": 'addresses[type eq "work"].formatted', "value": "Praha 1"},
    )

    addresses = get(live, f"/Users/{user['id']}").json()["addresses"]
    assert addresses == [{"type": "work", "formatted": "Praha 1"}]


def test_patch_is_logged_as_an_update(live: Any, services: Any, endpoint: Any) -> None:
    user = create_user(live)

    patch_ok(live, f"/Users/{user['id']}", {"op": "Replace", "path": "title", "value": "X"})

    assert events(endpoint, services)[-1] == "user.updated"


@pytest.mark.parametrize(
    "make_value",
    [
        lambda boss: boss["id"],
        lambda boss: {"value": boss["id"]},
        lambda boss: [{"$ref": f"../Users/{boss['id']}", "value": boss["id"]}],
    ],
    ids=["bare-id", "value-object", "ref-list"],
)
def test_manager_form_sets_the_direct_superior(live: Any, services: Any, make_value: Any) -> None:
    boss = create_user(live, "boss@contoso.com")
    user = create_user(live)

    patch_ok(
        live, f"/Users/{user['id']}", {"op": "Add", "path": MANAGER, "value": make_value(boss)}
    )

    assert sofa_user(services, "alice@contoso.com").manager == "boss@contoso.com"
    assert get(live, f"/Users/{user['id']}").json()[ENTERPRISE]["manager"]["value"] == boss["id"]


def test_manager_patched_before_it_exists_is_resolved_when_it_arrives(
    live: Any, services: Any
) -> None:
    boss_object_id = str(uuid.uuid4())
    user = create_user(live)
    patch_ok(live, f"/Users/{user['id']}", {"op": "Add", "path": MANAGER, "value": boss_object_id})
    assert sofa_user(services, "alice@contoso.com").manager is None

    create_user(live, "boss@contoso.com", externalId=boss_object_id)

    assert sofa_user(services, "alice@contoso.com").manager == "boss@contoso.com"


@pytest.mark.parametrize(
    "operation",
    [
        {"op": "Remove", "path": MANAGER},
        {"op": "Replace", "path": MANAGER, "value": ""},
        {"op": "Replace", "path": MANAGER, "value": {"value": ""}},
        {"op": "Replace", "path": MANAGER, "value": None},
    ],
    ids=["remove", "replace-empty-string", "replace-empty-value", "replace-null"],
)
def test_manager_removal_clears_the_direct_superior(
    live: Any, services: Any, operation: dict[str, Any]
) -> None:
    boss = create_user(live, "boss@contoso.com")
    user = create_user(live, **{ENTERPRISE: {"manager": boss["id"]}})
    assert sofa_user(services, "alice@contoso.com").manager == "boss@contoso.com"

    patch_ok(live, f"/Users/{user['id']}", operation)

    assert sofa_user(services, "alice@contoso.com").manager is None
    assert "manager" not in get(live, f"/Users/{user['id']}").json().get(ENTERPRISE, {})


# --- 7. Soft delete and return -----------------------------------------------------------------


def test_soft_delete_disables_the_sofa_user(live: Any, services: Any, endpoint: Any) -> None:
    user = create_user(live)

    patch_ok(live, f"/Users/{user['id']}", {"op": "Replace", "path": "active", "value": "False"})

    sofa = sofa_user(services, "alice@contoso.com")
    assert (sofa.active, sofa.removed) == (False, False)
    assert events(endpoint, services)[-1] == "user.disabled"


def test_return_after_soft_delete_enables_the_sofa_user(
    live: Any, services: Any, endpoint: Any
) -> None:
    user = create_user(live)
    patch_ok(live, f"/Users/{user['id']}", {"op": "Replace", "path": "active", "value": "False"})

    patch_ok(live, f"/Users/{user['id']}", {"op": "Replace", "path": "active", "value": "True"})

    assert sofa_user(services, "alice@contoso.com").active is True
    assert events(endpoint, services)[-1] == "user.enabled"


# --- 8. Hard delete ----------------------------------------------------------------------------


def test_hard_delete_answers_204_and_the_user_is_gone_from_scim(live: Any) -> None:
    user = create_user(live)

    answer = live.session.delete(f"{live.url}/Users/{user['id']}")

    assert answer.status_code == 204
    assert get(live, f"/Users/{user['id']}").status_code == 404
    assert get(live, "/Users", filter='userName eq "alice@contoso.com"').json()["totalResults"] == 0


def test_hard_delete_keeps_the_sofa_user_deactivated_and_removed(
    live: Any, services: Any, endpoint: Any
) -> None:
    user = create_user(live)

    live.session.delete(f"{live.url}/Users/{user['id']}")

    sofa = sofa_user(services, "alice@contoso.com")
    assert (sofa.active, sofa.removed) == (False, True)
    assert events(endpoint, services)[-1] == "user.deleted"


def test_user_provisioned_again_after_hard_delete_is_the_same_sofa_user(
    live: Any, services: Any
) -> None:
    user = create_user(live)
    live.session.delete(f"{live.url}/Users/{user['id']}")

    create_user(live, title="Auditor")

    users = services.directory.users()
    assert [(u.user_name, u.active, u.removed, u.job) for u in users] == [
        ("alice@contoso.com", True, False, "Auditor")
    ]


# --- 9-12. Groups ------------------------------------------------------------------------------


def test_create_group_with_the_microsoft_schema_answers_201(live: Any) -> None:
    object_id = str(uuid.uuid4())

    answer = post(live, "/Groups", entra_group("Accounting", object_id))

    body = answer.json()
    assert answer.status_code == 201
    assert (body["displayName"], body["externalId"]) == ("Accounting", object_id)
    assert answer.headers["Location"].endswith(f"/Groups/{body['id']}")


def test_group_display_name_is_unique_in_any_case(live: Any) -> None:
    create_group(live, "Accounting")

    answer = post(live, "/Groups", entra_group("ACCOUNTING"))

    assert answer.status_code == 409
    assert answer.json()["scimType"] == "uniqueness"


def test_read_group_without_members_leaves_them_out(live: Any) -> None:
    group = create_group(live)
    add_members(live, group["id"], create_user(live)["id"])

    answer = get(live, f"/Groups/{group['id']}", excludedAttributes="members")

    assert answer.status_code == 200
    assert "members" not in answer.json()


def test_group_filter_without_members_leaves_them_out(live: Any) -> None:
    group = create_group(live)
    add_members(live, group["id"], create_user(live)["id"])

    answer = get(
        live, "/Groups", excludedAttributes="members", filter='displayName eq "Accounting"'
    )

    resources = answer.json()["Resources"]
    assert [r["id"] for r in resources] == [group["id"]]
    assert "members" not in resources[0]


def test_group_display_name_replace(live: Any) -> None:
    group = create_group(live)

    patch_ok(
        live,
        f"/Groups/{group['id']}",
        {"op": "Replace", "path": "displayName", "value": "Accounting EU"},
    )

    assert get(live, f"/Groups/{group['id']}").json()["displayName"] == "Accounting EU"


def test_group_patch_answers_204_without_the_member_list(live: Any) -> None:
    group = create_group(live)
    user = create_user(live)

    answer = live.session.patch(
        f"{live.url}/Groups/{group['id']}",
        json=patch({"op": "Add", "path": "members", "value": [{"value": user["id"]}]}),
    )

    assert answer.status_code == 204 and answer.content == b""
    assert member_ids(live, group["id"]) == {user["id"]}


def test_members_added_in_batches_are_all_members(live: Any) -> None:
    group = create_group(live)
    users = [create_user(live, f"user{i}@contoso.com")["id"] for i in range(6)]

    add_members(live, group["id"], *users[:3])
    add_members(live, group["id"], *users[3:])

    assert member_ids(live, group["id"]) == set(users)


def test_adding_a_present_member_changes_nothing(live: Any) -> None:
    group = create_group(live)
    user = create_user(live)["id"]
    add_members(live, group["id"], user)

    add_members(live, group["id"], user)

    members = get(live, f"/Groups/{group['id']}").json()["members"]
    assert [m["value"] for m in members] == [user]


@pytest.fixture
def group_of_three(live: Any) -> tuple[str, list[str]]:
    group = create_group(live)["id"]
    users = [create_user(live, f"user{i}@contoso.com")["id"] for i in range(3)]
    add_members(live, group, *users)
    return group, users


def test_old_remove_form_removes_only_the_listed_members(
    live: Any, group_of_three: tuple[str, list[str]]
) -> None:
    group, users = group_of_three

    patch_ok(
        live,
        f"/Groups/{group}",
        {"op": "Remove", "path": "members", "value": [{"value": users[0]}]},
    )

    assert member_ids(live, group) == set(users[1:])


def test_new_remove_form_removes_the_filtered_member(
    live: Any, group_of_three: tuple[str, list[str]]
) -> None:
    group, users = group_of_three

    patch_ok(live, f"/Groups/{group}", {"op": "remove", "path": f'members[value eq "{users[1]}"]'})

    assert member_ids(live, group) == {users[0], users[2]}


def test_remove_without_value_removes_all_members(
    live: Any, group_of_three: tuple[str, list[str]]
) -> None:
    group, _ = group_of_three

    patch_ok(live, f"/Groups/{group}", {"op": "remove", "path": "members"})

    assert member_ids(live, group) == set()


def test_delete_group_answers_204_and_it_is_gone(live: Any) -> None:
    group = create_group(live)

    answer = live.session.delete(f"{live.url}/Groups/{group['id']}")

    assert answer.status_code == 204
    assert get(live, f"/Groups/{group['id']}").status_code == 404


# --- Sofa groups and roles derived through the mappings ----------------------------------------


@pytest.fixture
def mapped(live: Any, services: Any, endpoint: Any) -> dict[str, str]:
    """An Entra group mapped to the Sofa group Accountants and the Sofa role Approver."""
    object_id = str(uuid.uuid4())
    services.directory.create_group("Accountants")
    services.directory.create_role("Approver")
    services.synchronizations.map_group(endpoint.identifier, "Accountants", object_id.upper())
    services.synchronizations.map_role(endpoint.identifier, "Approver", object_id)
    group = create_group(live, "Accounting", object_id)
    return {"group": group["id"], "user": create_user(live)["id"], "object_id": object_id}


def groups_and_roles(services: Any) -> tuple[list[str], list[str]]:
    user = sofa_user(services, "alice@contoso.com")
    return user.groups, user.roles


def test_member_of_a_mapped_group_gets_the_sofa_group_and_role(
    live: Any, services: Any, mapped: dict[str, str]
) -> None:
    add_members(live, mapped["group"], mapped["user"])

    assert groups_and_roles(services) == (["Accountants"], ["Approver"])


@pytest.mark.parametrize(
    "operation",
    [
        lambda user: {"op": "Remove", "path": "members", "value": [{"value": user}]},
        lambda user: {"op": "remove", "path": f'members[value eq "{user}"]'},
        lambda user: {"op": "remove", "path": "members"},
    ],
    ids=["old-form", "new-form", "all"],
)
def test_removed_member_loses_the_derived_group_and_role(
    live: Any, services: Any, mapped: dict[str, str], operation: Any
) -> None:
    add_members(live, mapped["group"], mapped["user"])

    patch_ok(live, f"/Groups/{mapped['group']}", operation(mapped["user"]))

    assert groups_and_roles(services) == ([], [])


def test_deleted_group_takes_the_derived_group_and_role_away(
    live: Any, services: Any, mapped: dict[str, str]
) -> None:
    add_members(live, mapped["group"], mapped["user"])

    live.session.delete(f"{live.url}/Groups/{mapped['group']}")

    assert groups_and_roles(services) == ([], [])


def test_hard_deleted_user_loses_the_derived_group_and_role(
    live: Any, services: Any, mapped: dict[str, str]
) -> None:
    add_members(live, mapped["group"], mapped["user"])

    live.session.delete(f"{live.url}/Users/{mapped['user']}")

    assert groups_and_roles(services) == ([], [])


def test_mapping_added_later_grants_to_present_members(
    live: Any, services: Any, endpoint: Any
) -> None:
    object_id = str(uuid.uuid4())
    group = create_group(live, "Accounting", object_id)
    add_members(live, group["id"], create_user(live)["id"])
    services.directory.create_group("Accountants")

    services.synchronizations.map_group(endpoint.identifier, "Accountants", object_id)

    assert groups_and_roles(services) == (["Accountants"], [])


def test_mappings_removed_take_the_derived_memberships_away(
    live: Any, services: Any, endpoint: Any, mapped: dict[str, str]
) -> None:
    add_members(live, mapped["group"], mapped["user"])

    services.synchronizations.set_mappings(endpoint.identifier, [], [])

    assert groups_and_roles(services) == ([], [])


def test_granted_by_hand_survives_removal_from_the_remote_group(
    live: Any, services: Any, mapped: dict[str, str]
) -> None:
    services.directory.grant("alice@contoso.com", group="Accountants")
    add_members(live, mapped["group"], mapped["user"])

    patch_ok(live, f"/Groups/{mapped['group']}", {"op": "remove", "path": "members"})

    assert groups_and_roles(services) == (["Accountants"], [])


def test_group_membership_change_is_logged(
    live: Any, services: Any, endpoint: Any, mapped: dict[str, str]
) -> None:
    add_members(live, mapped["group"], mapped["user"])

    assert events(endpoint, services)[-1] == "group.members"


# --- Attributes Sofa does not map --------------------------------------------------------------

UNMAPPED = {
    "preferredLanguage": "cs-CZ",
    "name": {"formatted": "Alice N.", "givenName": "Alice", "familyName": "Nováková"},
    "addresses": [
        {
            "type": "work",
            "formatted": "Na Příkopě 1, Praha",
            "streetAddress": "Na Příkopě 1",
            "locality": "Praha",
            "postalCode": "110 00",
            "country": "CZ",
        }
    ],
    "phoneNumbers": [{"type": "fax", "value": "+420 222 000 000"}],
}


@pytest.mark.parametrize("attribute", sorted(UNMAPPED))
def test_unmapped_attribute_is_kept_and_returned(live: Any, attribute: str) -> None:
    user = create_user(live, **{attribute: UNMAPPED[attribute]})

    assert get(live, f"/Users/{user['id']}").json()[attribute] == UNMAPPED[attribute]


def test_unmapped_attributes_change_no_sofa_field(live: Any, services: Any) -> None:
    create_user(live, **UNMAPPED)

    alice = sofa_user(services, "alice@contoso.com")
    assert (alice.first_name, alice.surname) == ("Alice", "Nováková")
    assert (alice.telephone, alice.mobile) == (None, None)
