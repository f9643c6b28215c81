"""Writes racing each other over real HTTP (SPEC §8.4): a colliding create is 409, never 500;
two changes of one resource both survive; a member added twice is one member; every change
bumps meta.version. On PostgreSQL the server's threads write side by side, as two server
processes do (no per-process lock there); on SQLite its write lock serializes them.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
import requests

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.storage.tables import GroupMembership
from sofa_scim_desktop.storage.tables import SofaGroup
from tests.conftest import Endpoint
from tests.conftest import LiveServer
from tests.samples import entra_group
from tests.samples import entra_user
from tests.samples import patch

CLIENTS = 8


def _together(
    calls: list[Callable[[requests.Session], requests.Response]], headers: Any
) -> list[requests.Response]:
    """Runs the calls at the same moment, each client on its own connection."""
    start = threading.Barrier(len(calls))

    def run(call: Callable[[requests.Session], requests.Response]) -> requests.Response:
        with requests.Session() as session:
            session.headers.update(headers)
            start.wait(timeout=10)
            return call(session)

    with ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(run, calls))


def _statuses(answers: list[requests.Response]) -> Counter[int]:
    return Counter(a.status_code for a in answers)


def _value(resource: dict[str, Any], path: str) -> Any:
    for part in path.split("."):
        resource = resource.get(part, {})
    return resource


def _created(live: LiveServer, path: str, body: dict[str, Any]) -> dict[str, Any]:
    answer = live.session.post(f"{live.url}{path}", json=body, timeout=10)
    assert answer.status_code == 201, answer.text
    created: dict[str, Any] = answer.json()
    return created


def test_colliding_creates_of_one_user_name_are_one_201_and_409_uniqueness(
    live: LiveServer, endpoint: Endpoint
) -> None:
    names = [f"user{n}@contoso.com" for n in range(3)]
    calls = [
        (lambda s, name=name: s.post(f"{live.url}/Users", json=entra_user(name), timeout=30))
        for name in names
        for _ in range(CLIENTS // 2)
    ]
    answers = _together(calls, endpoint.headers)
    assert _statuses(answers) == {201: len(names), 409: len(calls) - len(names)}
    assert {a.json()["scimType"] for a in answers if a.status_code == 409} == {"uniqueness"}
    listed = live.session.get(f"{live.url}/Users", timeout=10).json()
    assert sorted(u["userName"] for u in listed["Resources"]) == names
    assert listed["totalResults"] == len(names)


def test_colliding_creates_of_one_group_name_are_one_201_and_409_uniqueness(
    live: LiveServer, endpoint: Endpoint
) -> None:
    calls = [
        (lambda s: s.post(f"{live.url}/Groups", json=entra_group("Accounting"), timeout=30))
        for _ in range(CLIENTS)
    ]
    answers = _together(calls, endpoint.headers)
    assert _statuses(answers) == {201: 1, 409: CLIENTS - 1}
    assert {a.json()["scimType"] for a in answers if a.status_code == 409} == {"uniqueness"}
    listed = live.session.get(f"{live.url}/Groups", timeout=10).json()
    assert listed["totalResults"] == 1


def test_concurrent_patches_of_one_user_all_survive_and_each_bumps_the_version(
    live: LiveServer, endpoint: Endpoint
) -> None:
    user = _created(live, "/Users", entra_user())
    url = f"{live.url}/Users/{user['id']}"
    attributes = ["title", "displayName", "preferredLanguage", "name.givenName"]
    attributes += ["name.familyName", "name.honorificPrefix", "name.honorificSuffix"]
    calls = [
        (
            lambda s, a=a: s.patch(
                url, json=patch({"op": "replace", "path": a, "value": f"v-{a}"}), timeout=30
            )
        )  # fmt: skip
        for a in attributes
    ]
    answers = _together(calls, endpoint.headers)
    assert all(a.status_code in (200, 204) for a in answers), [a.text for a in answers]
    after = live.session.get(url, timeout=10).json()
    assert {a: _value(after, a) for a in attributes} == {a: f"v-{a}" for a in attributes}
    assert after["meta"]["version"] == f'W/"{len(attributes) + 1}"'


def test_a_member_added_through_several_clients_at_once_is_one_member_answered_2xx(
    live: LiveServer, endpoint: Endpoint
) -> None:
    user = _created(live, "/Users", entra_user())
    group = _created(live, "/Groups", entra_group())
    url = f"{live.url}/Groups/{group['id']}"
    add = patch({"op": "add", "path": "members", "value": [{"value": user["id"]}]})
    answers = _together([lambda s: s.patch(url, json=add, timeout=30)] * CLIENTS, endpoint.headers)
    assert all(a.status_code in (200, 204) for a in answers), [a.text for a in answers]
    after = live.session.get(url, timeout=10).json()
    assert [m["value"] for m in after["members"]] == [user["id"]]
    assert after["meta"]["version"] == 'W/"2"'  # one change; the repeats changed nothing.


def test_concurrent_member_adds_and_removes_keep_every_change_and_bump_the_version_each(
    live: LiveServer, endpoint: Endpoint
) -> None:
    users = [_created(live, "/Users", entra_user(f"u{n}@contoso.com")) for n in range(12)]
    leaving, joining = users[:6], users[6:]
    group = _created(
        live, "/Groups", {**entra_group(), "members": [{"value": u["id"]} for u in leaving]}
    )
    url = f"{live.url}/Groups/{group['id']}"

    def member(op: str, user: dict[str, Any]) -> Callable[[requests.Session], requests.Response]:
        body = patch({"op": op, "path": "members", "value": [{"value": user["id"]}]})
        return lambda s: s.patch(url, json=body, timeout=30)

    calls = [member("remove", u) for u in leaving] + [member("add", u) for u in joining]
    answers = _together(calls, endpoint.headers)
    assert all(a.status_code in (200, 204) for a in answers), [a.text for a in answers]
    after = live.session.get(url, timeout=10).json()
    assert sorted(m["value"] for m in after["members"]) == sorted(u["id"] for u in joining)
    assert after["meta"]["version"] == f'W/"{len(calls) + 1}"'


def test_a_rename_racing_member_adds_loses_neither(live: LiveServer, endpoint: Endpoint) -> None:
    users = [_created(live, "/Users", entra_user(f"u{n}@contoso.com")) for n in range(CLIENTS - 1)]
    group = _created(live, "/Groups", entra_group("Accounting"))
    url = f"{live.url}/Groups/{group['id']}"
    rename = patch({"op": "replace", "path": "displayName", "value": "Finance"})
    calls = [lambda s: s.patch(url, json=rename, timeout=30)]
    for user in users:
        body = patch({"op": "add", "path": "members", "value": [{"value": user["id"]}]})
        calls.append(lambda s, body=body: s.patch(url, json=body, timeout=30))
    answers = _together(calls, endpoint.headers)
    assert all(a.status_code in (200, 204) for a in answers), [a.text for a in answers]
    after = live.session.get(url, timeout=10).json()
    assert after["displayName"] == "Finance"
    assert sorted(m["value"] for m in after["members"]) == sorted(u["id"] for u in users)
    assert after["meta"]["version"] == f'W/"{len(calls) + 1}"'


def test_a_mapping_made_during_member_adds_gives_every_member_the_sofa_group(
    live: LiveServer, endpoint: Endpoint, services: bootstrap.Services
) -> None:
    services.directory.create_group("Accountants")
    users = [_created(live, "/Users", entra_user(f"u{n}@contoso.com")) for n in range(10)]
    group = _created(live, "/Groups", entra_group("Accounting"))
    url = f"{live.url}/Groups/{group['id']}"
    calls: list[Callable[[requests.Session], requests.Response]] = []
    for user in users:
        body = patch({"op": "add", "path": "members", "value": [{"value": user["id"]}]})
        calls.append(lambda s, body=body: s.patch(url, json=body, timeout=30))

    def mapping(session: requests.Session) -> requests.Response:
        services.synchronizations.map_group(endpoint.identifier, "Accountants", group["externalId"])
        return requests.Response()

    answers = _together([*calls[:5], mapping, *calls[5:]], endpoint.headers)
    assert all(a.status_code in (200, 204) for a in answers if a.status_code), answers
    holders = (
        GroupMembership.select()
        .join(SofaGroup)
        .where(SofaGroup.name == "Accountants", GroupMembership.sync.is_null(False))
        .count()
    )
    assert holders == len(users)


@pytest.mark.parametrize("kind", ["user", "group"])
def test_a_change_that_changes_nothing_keeps_the_version(live: LiveServer, kind: str) -> None:
    if kind == "user":
        created = _created(live, "/Users", entra_user())
        url, body = (
            f"{live.url}/Users/{created['id']}",
            patch({"op": "replace", "path": "title", "value": created["title"]}),
        )
    else:
        created = _created(live, "/Groups", entra_group("Accounting"))
        url, body = (
            f"{live.url}/Groups/{created['id']}",
            patch({"op": "replace", "path": "displayName", "value": "Accounting"}),
        )
    assert live.session.patch(url, json=body, timeout=10).status_code in (200, 204)
    assert live.session.get(url, timeout=10).json()["meta"]["version"] == 'W/"1"'
