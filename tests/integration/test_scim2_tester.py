"""python-scim's scim2-tester against the live server: every RFC check passes or is skipped."""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

import pytest
import requests
from scim2_client import BaseSyncSCIMClient
from scim2_tester import Status
from scim2_tester import check_server

from tests.samples import entra_group
from tests.samples import entra_user
from tests.samples import patch


class RequestsSCIMClient(BaseSyncSCIMClient):
    """scim2-client over `requests` (its own network engine needs httpx2, not installed)."""

    def __init__(self, base_url: str, session: requests.Session) -> None:
        super().__init__()
        self.base_url = base_url.rstrip("/") + "/"
        self.session = session

    def request(self, method: str, url: str, **kwargs: Any) -> requests.Response:
        return self.session.request(method, urljoin(self.base_url, url.lstrip("/")), **kwargs)


def test_every_scim2_tester_check_passes(live: Any) -> None:
    results = check_server(RequestsSCIMClient(live.url, live.session))

    failed = [r for r in results if r.status not in (Status.SUCCESS, Status.SKIPPED)]
    for result in failed:
        print(f"{result.status.name} {result.resource_type} {result.title}: {result.reason}")
    assert results and not failed


def test_only_the_search_across_resource_types_is_skipped(live: Any) -> None:
    """POST /.search over all resource types (RFC 7644 §3.4.3) is answered 501."""
    results = check_server(RequestsSCIMClient(live.url, live.session))

    skipped = {(r.resource_type, r.title) for r in results if r.status == Status.SKIPPED}
    assert skipped == {("User", "search_with_attributes"), ("Group", "search_with_attributes")}


def test_group_patch_answers_204_and_stores_the_members(live: Any) -> None:
    """RFC 7644 §3.5.2: 204 No Content; scim2-tester reads the group back to check."""
    user = live.session.post(f"{live.url}/Users", json=entra_user()).json()
    group = live.session.post(f"{live.url}/Groups", json=entra_group()).json()
    operation = {"op": "add", "path": "members", "value": [{"value": user["id"]}]}

    answer = live.session.patch(f"{live.url}/Groups/{group['id']}", json=patch(operation))

    assert answer.status_code == 204 and answer.content == b""
    assert answer.headers["ETag"] == 'W/"2"'
    stored = live.session.get(f"{live.url}/Groups/{group['id']}").json()
    assert [m["value"] for m in stored["members"]] == [user["id"]]


@pytest.mark.parametrize(
    ("params", "members"),
    [
        ({"attributes": "members"}, True),
        ({"attributes": "displayName"}, False),
        ({"excludedAttributes": "externalId"}, True),
        ({"excludedAttributes": "members"}, False),
    ],
)
def test_group_patch_asking_for_attributes_answers_200_with_them(
    live: Any, params: dict[str, str], members: bool
) -> None:
    """RFC 7644 §3.5.2: "…or a 200 OK with the entire resource", as `attributes` shape it."""
    user = live.session.post(f"{live.url}/Users", json=entra_user()).json()
    group = live.session.post(f"{live.url}/Groups", json=entra_group()).json()
    operation = {"op": "add", "path": "members", "value": [{"value": user["id"]}]}

    answer = live.session.patch(
        f"{live.url}/Groups/{group['id']}", params=params, json=patch(operation)
    )

    assert answer.status_code == 200
    body = answer.json()
    assert body["id"] == group["id"]
    assert ("members" in body) is members
    if members:
        assert [m["value"] for m in body["members"]] == [user["id"]]
