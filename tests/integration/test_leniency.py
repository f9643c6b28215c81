"""Forms other clients send beyond RFC 7643/7644 (README "Forms accepted beyond the RFC"),
over real HTTP: Okta's and Microsoft's SCIM reference tests were refused on each of these.
"""

from __future__ import annotations

from typing import Any

import pytest
import requests

from sofa_scim_desktop.storage.tables import LogEntry
from sofa_scim_desktop.storage.tables import MailMessage
from tests.conftest import ScimClient
from tests.conftest import make_endpoint
from tests.samples import USER_SCHEMA
from tests.samples import entra_group
from tests.samples import entra_user
from tests.samples import patch


def call(live: Any, method: str, path: str, **kwargs: Any) -> requests.Response:
    return live.session.request(method, f"{live.url}{path}", **kwargs)


def created(live: Any, path: str, body: dict[str, Any]) -> dict[str, Any]:
    answer = call(live, "POST", path, json=body)
    assert answer.status_code == 201, answer.text
    document: dict[str, Any] = answer.json()
    return document


def sofa_user(services: Any, user_name: str) -> Any:
    return next(u for u in services.directory.users() if u.user_name == user_name)


# --- Attribute names in bodies, in any case (RFC 7643 §2.1) -------------------------------------


def test_capitalised_sub_attributes_of_an_email_are_recognised(live: Any, services: Any) -> None:
    emails = [{"Primary": True, "Type": "work", "Value": "bob@contoso.com"}]
    user = created(live, "/Users", entra_user("bob@contoso.com", Emails=emails))

    stored = call(live, "GET", f"/Users/{user['id']}").json()
    assert stored["emails"] == [{"primary": True, "type": "work", "value": "bob@contoso.com"}]
    assert sofa_user(services, "bob@contoso.com").notification_email == "bob@contoso.com"


def test_a_primary_email_patched_in_capitals_is_the_only_primary(live: Any) -> None:
    user = created(live, "/Users", entra_user("bob@contoso.com"))
    operation = {"op": "add", "path": "emails", "value": [{"Type": "home", "Value": "b@home.cz",
                                                           "Primary": True}]}  # fmt: skip

    answer = call(live, "PATCH", f"/Users/{user['id']}", json=patch(operation))

    assert answer.status_code == 200, answer.text
    primaries = [e["value"] for e in answer.json()["emails"] if e.get("primary")]
    assert primaries == ["b@home.cz"]


# --- A work e-mail that is not an address ------------------------------------------------------


def test_a_work_email_that_is_not_an_address_is_kept_but_not_mailed(
    services: Any, app: Any
) -> None:
    scim = ScimClient(app, make_endpoint(services, "Mailing", welcome_email=True))
    emails = [{"primary": True, "type": "work", "value": "emailName357"}]

    answer = scim.post("/Users", json=entra_user("carl@contoso.com", emails=emails))

    assert answer.status_code == 201, answer.text
    assert scim.get(f"/Users/{answer.json['id']}").json["emails"] == emails
    assert sofa_user(services, "carl@contoso.com").notification_email is None
    assert MailMessage.select().count() == 0
    [warning] = LogEntry.select().where(LogEntry.event == "user.email_unusable")
    assert warning.level == 30
    assert "'emailName357' is not an e-mail address" in warning.message


def test_the_unusable_email_is_said_once_and_a_real_address_is_used_again(
    services: Any, app: Any
) -> None:
    scim = ScimClient(app, make_endpoint(services))
    user = scim.post("/Users", json=entra_user("carl@contoso.com", emails=[
        {"type": "work", "value": "emailName357"}])).json  # fmt: skip
    scim.patch(f"/Users/{user['id']}", json=patch({"op": "replace", "path": "title", "value": "x"}))
    assert LogEntry.select().where(LogEntry.event == "user.email_unusable").count() == 1

    work = 'emails[type eq "work"].value'
    scim.patch(
        f"/Users/{user['id']}",
        json=patch({"op": "replace", "path": work, "value": "carl@contoso.com"}),
    )

    assert sofa_user(services, "carl@contoso.com").notification_email == "carl@contoso.com"


# --- Endpoint paths in another case, and the legacy discovery path -----------------------------


@pytest.mark.parametrize("users", ["/users", "/USERS", "/uSeRs"])
def test_the_users_endpoint_in_another_case_is_routed(live: Any, users: str) -> None:
    user = created(live, users, entra_user("dan@contoso.com"))

    assert call(live, "GET", f"{users}/{user['id']}").json()["userName"] == "dan@contoso.com"
    listed = call(live, "GET", users, params={"filter": 'userName eq "dan@contoso.com"'})
    assert listed.json()["totalResults"] == 1


def test_the_groups_endpoint_in_lower_case_is_routed(live: Any) -> None:
    group = created(live, "/groups", entra_group("Sales"))

    assert call(live, "GET", f"/groups/{group['id']}").json()["displayName"] == "Sales"
    assert call(live, "DELETE", f"/groups/{group['id']}").status_code == 204


def test_an_id_keeps_its_case(live: Any) -> None:
    user = created(live, "/Users", entra_user("dan@contoso.com"))

    assert call(live, "GET", f"/users/{user['id'].upper()}").status_code == 404


def test_service_configuration_is_the_service_provider_config(live: Any) -> None:
    legacy = call(live, "GET", "/serviceConfiguration")

    assert legacy.status_code == 200
    assert legacy.json() == call(live, "GET", "/ServiceProviderConfig").json()


def test_a_wrong_key_on_a_lower_case_path_is_still_401(live: Any) -> None:
    answer = requests.get(f"{live.url}/users", headers={"Authorization": "Bearer wrong"})

    assert answer.status_code == 401


# --- Group members as bare ids -----------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        lambda ids: ids[0],
        lambda ids: ids,
        lambda ids: [{"Value": i} for i in ids],
    ],
    ids=["bare id", "list of ids", "capitalised Value"],
)
def test_members_given_as_ids_are_added(live: Any, value: Any) -> None:
    users = [created(live, "/Users", entra_user(f"u{i}@contoso.com"))["id"] for i in range(2)]
    group = created(live, "/Groups", entra_group())
    sent = value(users)

    answer = call(live, "PATCH", f"/Groups/{group['id']}",
                  json=patch({"op": "Add", "path": "members", "value": sent}))  # fmt: skip

    assert answer.status_code == 204, answer.text
    stored = call(live, "GET", f"/Groups/{group['id']}").json()
    expected = [users[0]] if isinstance(sent, str) else users
    assert sorted(m["value"] for m in stored["members"]) == sorted(expected)


def test_members_removed_by_bare_id_leave_the_others(live: Any) -> None:
    users = [created(live, "/Users", entra_user(f"u{i}@contoso.com"))["id"] for i in range(2)]
    group = created(live, "/Groups", {**entra_group(), "members": [{"value": u} for u in users]})

    call(live, "PATCH", f"/Groups/{group['id']}",
         json=patch({"op": "Remove", "path": "members", "value": [users[0]]}))  # fmt: skip

    stored = call(live, "GET", f"/Groups/{group['id']}").json()
    assert [m["value"] for m in stored["members"]] == [users[1]]


# --- Discovery ---------------------------------------------------------------------------------


def test_the_user_schema_is_described_as_in_rfc_7643(live: Any) -> None:
    """RFC 7643 §8.7.1: "name" : "User", "description" : "User Account"."""
    listed = call(live, "GET", "/Schemas").json()["Resources"]
    user = next(s for s in listed if s["id"] == USER_SCHEMA)

    assert (user["name"], user["description"]) == ("User", "User Account")
    assert call(live, "GET", f"/Schemas/{USER_SCHEMA}").json()["description"] == "User Account"


# --- attributes with a filter ------------------------------------------------------------------


@pytest.fixture
def eve(live: Any) -> dict[str, Any]:
    emails = [{"type": "work", "value": "eve@contoso.com", "primary": True},
              {"type": "home", "value": "eve@home.cz"}]  # fmt: skip
    return created(live, "/Users", entra_user("eve@contoso.com", emails=emails))


def test_attributes_with_a_filter_return_only_the_matching_email(live: Any, eve: Any) -> None:
    answer = call(
        live, "GET", f"/Users/{eve['id']}", params={"attributes": 'emails[type eq "work"]'}
    )

    assert answer.json()["emails"] == [
        {"type": "work", "value": "eve@contoso.com", "primary": True}
    ]
    assert set(answer.json()) == {"schemas", "id", "emails"}


def test_attributes_with_a_filter_and_a_sub_attribute_in_a_list(live: Any, eve: Any) -> None:
    params = {"attributes": 'emails[type eq "work"].value,userName', "filter": "userName pr"}

    [resource] = call(live, "GET", "/Users", params=params).json()["Resources"]

    assert resource["emails"] == [{"value": "eve@contoso.com"}]
    assert resource["userName"] == "eve@contoso.com"


def test_excluded_attributes_with_a_filter_drop_only_the_matching_email(
    live: Any, eve: Any
) -> None:
    params = {"excludedAttributes": 'emails[type eq "home"]'}

    answer = call(live, "GET", f"/Users/{eve['id']}", params=params)

    assert [e["type"] for e in answer.json()["emails"]] == ["work"]
    assert answer.json()["userName"] == "eve@contoso.com"


@pytest.mark.parametrize(
    ("params", "scim_type"),
    [
        ({"filter": "userName eq eve"}, "invalidFilter"),  # an unquoted string stays refused
        ({"attributes": "emails[type eq work]"}, "invalidPath"),
    ],
)
def test_ambiguous_forms_stay_refused(live: Any, params: dict[str, str], scim_type: str) -> None:
    answer = call(live, "GET", "/Users", params=params)

    assert answer.status_code == 400
    assert answer.json()["scimType"] == scim_type
