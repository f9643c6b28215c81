"""Rendering: the spliced list answer (no projection asked) says exactly what the projected
one says, and `meta` times are ISO 8601 to the millisecond.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from sofa_scim_desktop.storage.scim_store.documents import meta_time
from tests.conftest import ScimClient
from tests.samples import ENTERPRISE
from tests.samples import entra_group
from tests.samples import entra_user
from tests.samples import patch


@pytest.fixture
def users(scim: ScimClient) -> None:
    bodies = [
        entra_user("alice@contoso.com"),
        entra_user("zdeněk@contoso.com", displayName='Zdeněk "Zdenda" Nový \\ 😀'),
        {**entra_user("eva@contoso.com"), ENTERPRISE: {"department": "Účetní"}},
        {"userName": "bare@contoso.com"},
    ]
    for body in bodies:
        assert scim.post("/Users", json=body).status_code == 201


def test_whole_documents_equal_the_projected_ones(scim: ScimClient, users: None) -> None:
    whole = scim.get("/Users").json
    # No user has addresses: the projection changes nothing but takes the other way.
    projected = scim.get("/Users", params={"excludedAttributes": "addresses"}).json
    assert whole == projected
    assert whole["totalResults"] == 4 and len(whole["Resources"]) == 4


def test_the_extension_schema_is_listed_only_when_present(scim: ScimClient, users: None) -> None:
    schemas = {u["userName"]: u["schemas"] for u in scim.get("/Users").json["Resources"]}
    assert len(schemas["eva@contoso.com"]) == 2
    assert len(schemas["bare@contoso.com"]) == 1


@pytest.mark.parametrize(
    ("moment", "text"),
    [
        (datetime(2026, 11, 24, 5, 13, 37, 123000), "2026-11-24T05:13:37.123Z"),
        (datetime(2026, 11, 24, 5, 13, 37), "2026-11-24T05:13:37.000Z"),
        (datetime(2026, 1, 2, 3, 4, 5, 6000), "2026-01-02T03:04:05.006Z"),
    ],
)
def test_meta_times_have_milliseconds(moment: datetime, text: str) -> None:
    assert meta_time(moment) == text  # PostgreSQL gives a datetime
    assert meta_time(str(moment)) == text  # SQLite gives the text its adapter wrote


def test_a_single_user_answer_equals_its_projected_form(scim: ScimClient) -> None:
    created = scim.post("/Users", json=entra_user("jana@contoso.com", displayName="Jana Nová"))
    user_id = created.json["id"]
    assert created.headers["Location"].endswith(f"/Users/{user_id}")
    whole = scim.get(f"/Users/{user_id}").json
    assert whole == scim.get(f"/Users/{user_id}", params={"excludedAttributes": "addresses"}).json
    assert whole == created.json


EVERY_GROUP_ATTRIBUTE = "displayName,externalId,members,meta"


def test_whole_group_answers_equal_the_projected_ones(scim: ScimClient, users: None) -> None:
    """Groups are written as text for whole answers (render.group_json): a group with users
    and a nested group as members, a name that needs escaping, and one without members say
    what the projected form says; a member's display only when asked for.
    """
    user_ids = [u["id"] for u in scim.get("/Users").json["Resources"]]
    inner = scim.post("/Groups", json=entra_group("Inner")).json
    outer = scim.post("/Groups", json=entra_group('Účetní "A" \\ 😀')).json
    scim.post("/Groups", json=entra_group("Empty"))
    members = [{"value": i} for i in user_ids] + [{"value": inner["id"]}]
    body = patch({"op": "add", "path": "members", "value": members})
    assert scim.patch(f"/Groups/{outer['id']}", json=body).status_code == 204

    whole = scim.get(f"/Groups/{outer['id']}").json
    projected = scim.get(f"/Groups/{outer['id']}", params={"attributes": EVERY_GROUP_ATTRIBUTE})
    assert whole == projected.json
    assert whole["displayName"] == 'Účetní "A" \\ 😀'
    assert {m["type"] for m in whole["members"]} == {"User", "Group"}
    assert all("display" not in m for m in whole["members"])
    assert {m["value"] for m in whole["members"]} == {*user_ids, inner["id"]}
    assert all(m["$ref"].endswith(f"/{m['type']}s/{m['value']}") for m in whole["members"])
    listed = scim.get("/Groups").json
    assert listed == scim.get("/Groups", params={"attributes": EVERY_GROUP_ATTRIBUTE}).json
    assert [len(g.get("members", [])) for g in listed["Resources"]] == [0, 5, 0]
    shown = scim.get(f"/Groups/{outer['id']}", params={"attributes": "members.display"}).json
    assert all("display" in m for m in shown["members"])


def test_a_host_that_needs_escaping_still_gives_valid_json(scim: ScimClient) -> None:
    # The base URL of every location comes from the Host header, which the client chooses.
    host = {"Host": 'evil"\\host'}
    user = scim.post("/Users", json=entra_user("jana@contoso.com"), headers=host)
    group = scim.post("/Groups", json=entra_group("Team"), headers=host)
    listed = scim.get("/Users", headers=host)
    for answer in (user, group, listed):
        assert answer.status_code in (200, 201)
    assert user.json["meta"]["location"].startswith('http://evil"\\host/')
    assert group.json["meta"]["location"].startswith('http://evil"\\host/')
    assert listed.json["Resources"][0]["meta"] == user.json["meta"]
