"""Every applied write says what changed in Sofa (SPEC §8.1 `detail.changes`, memberships by
name), and the Debug entry of a call shows the operations as Sofa understood them. Real calls
through the SCIM app on a real SQLite file."""

from __future__ import annotations

import json
import logging
from typing import Any

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.storage.tables import LogEntry
from sofa_scim_desktop.storage.tables import Synchronization
from tests.conftest import Endpoint
from tests.conftest import ScimClient
from tests.samples import entra_group
from tests.samples import entra_user
from tests.samples import patch

ACCOUNTING = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"


def detail_of(event: str) -> dict[str, Any]:
    entry = LogEntry.select().where(LogEntry.event == event).order_by(LogEntry.id.desc()).get()
    return json.loads(entry.detail)


def created_user(scim: ScimClient, user_name: str = "jana@contoso.cz", **extra: Any) -> str:
    answer = scim.post("/Users", json=entra_user(user_name, **extra))
    assert answer.status_code == 201, answer.text
    return str(answer.json["id"])


def test_a_created_user_lists_the_fields_it_was_given(scim: ScimClient) -> None:
    created_user(scim)
    changes = {c["field"]: (c["before"], c["after"]) for c in detail_of("user.created")["changes"]}
    assert changes["user_name"] == (None, "jana@contoso.cz")
    assert changes["job"] == (None, "Accountant")
    assert changes["surname"] == (None, "Nováková")
    assert "telephone" not in changes  # not given: not a change


def test_an_update_names_only_what_changed_in_sofa_field_names(scim: ScimClient) -> None:
    user_id = created_user(scim)
    operations = patch(
        {"op": "Replace", "path": "title", "value": "Head of accounting"},
        {"op": "Replace", "path": "preferredLanguage", "value": "cs-CZ"},  # no Sofa field
    )
    assert scim.patch(f"/Users/{user_id}", json=operations).status_code == 200

    detail = detail_of("user.updated")
    assert detail == {
        "user_name": "jana@contoso.cz",
        "changes": [{"field": "job", "before": "Accountant", "after": "Head of accounting"}],
    }


def test_disabling_says_active_went_from_true_to_false(scim: ScimClient) -> None:
    user_id = created_user(scim)
    operations = patch({"op": "Replace", "path": "active", "value": "False"})
    assert scim.patch(f"/Users/{user_id}", json=operations).status_code == 200
    assert detail_of("user.disabled")["changes"] == [
        {"field": "active", "before": True, "after": False}
    ]


def test_the_superior_is_named_by_user_name(scim: ScimClient) -> None:
    boss = created_user(scim, "boss@contoso.cz")
    user_id = created_user(scim)
    manager = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager"
    operations = patch({"op": "Add", "path": manager, "value": boss})
    assert scim.patch(f"/Users/{user_id}", json=operations).status_code == 200
    assert {"field": "manager", "before": None, "after": "boss@contoso.cz"} in detail_of(
        "user.updated"
    )["changes"]


def test_members_of_a_mapped_group_are_named_with_what_they_gain_and_lose(
    services: bootstrap.Services, scim: ScimClient, endpoint: Endpoint
) -> None:
    services.directory.create_group("Účetní")
    services.synchronizations.map_group(endpoint.identifier, "Účetní", ACCOUNTING)
    services.synchronizations.map_role(endpoint.identifier, "Subject manager", ACCOUNTING)
    jana, petr = created_user(scim), created_user(scim, "petr@contoso.cz")
    group = scim.post("/Groups", json=entra_group("Accounting", ACCOUNTING)).json["id"]
    add = patch({"op": "Add", "path": "members", "value": [{"value": jana}, {"value": petr}]})
    assert scim.patch(f"/Groups/{group}", json=add).status_code in (200, 204)

    added = detail_of("group.members")
    assert added["group"] == "Accounting"
    assert added["members_added"] == ["jana@contoso.cz", "petr@contoso.cz"]
    assert added["groups_added"] == [
        {"user_name": "jana@contoso.cz", "name": "Účetní"},
        {"user_name": "petr@contoso.cz", "name": "Účetní"},
    ]
    assert [r["user_name"] for r in added["roles_added"]] == ["jana@contoso.cz", "petr@contoso.cz"]

    remove = patch({"op": "Remove", "path": f'members[value eq "{petr}"]'})
    assert scim.patch(f"/Groups/{group}", json=remove).status_code in (200, 204)
    removed = detail_of("group.members")
    assert removed["members_removed"] == ["petr@contoso.cz"]
    assert removed["groups_removed"] == [{"user_name": "petr@contoso.cz", "name": "Účetní"}]
    assert removed["roles_removed"] == [{"user_name": "petr@contoso.cz", "name": "Subject manager"}]
    assert "groups_added" not in removed


def test_a_group_rename_is_logged_with_before_and_after(scim: ScimClient) -> None:
    group = scim.post("/Groups", json=entra_group("Accounting", ACCOUNTING)).json["id"]
    rename = patch({"op": "Replace", "path": "displayName", "value": "Účetnictví"})
    assert scim.patch(f"/Groups/{group}", json=rename).status_code in (200, 204)
    assert detail_of("group.updated")["changes"] == [
        {"field": "display_name", "before": "Accounting", "after": "Účetnictví"}
    ]


def test_the_debug_entry_shows_the_request_the_understood_operations_and_the_change(
    scim: ScimClient, endpoint: Endpoint
) -> None:
    Synchronization.update(log_level="debug").execute()
    user_id = created_user(scim)
    # Entra's forms: a capitalised op, no path, a string boolean.
    sent = patch({"op": "Replace", "value": {"active": "False", "title": "Auditor"}})
    assert scim.patch(f"/Users/{user_id}", json=sent).status_code == 200

    entry = (
        LogEntry.select().where(LogEntry.level == logging.DEBUG).order_by(LogEntry.id.desc()).get()
    )
    detail = json.loads(entry.detail)
    assert detail["request"]["body"] == sent
    assert {"op": "replace", "path": "active", "value": False} in detail["understood"]
    assert {"op": "replace", "path": "title", "value": "Auditor"} in detail["understood"]
    [change] = detail["changes"]
    assert change["event"] == "user.disabled"
    assert {"field": "job", "before": "Accountant", "after": "Auditor"} in change["detail"][
        "changes"
    ]
    assert endpoint.key not in entry.detail
