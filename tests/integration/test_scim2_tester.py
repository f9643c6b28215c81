"""python-scim's scim2-tester against the live server: every RFC check passes or is skipped."""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

import requests
from scim2_client import BaseSyncSCIMClient
from scim2_tester import Status
from scim2_tester import check_server

from tests.samples import entra_group
from tests.samples import entra_user


class RequestsSCIMClient(BaseSyncSCIMClient):
    """scim2-client over `requests` (its own network engine needs httpx2, not installed)."""

    def __init__(self, base_url: str, session: requests.Session) -> None:
        super().__init__()
        self.base_url = base_url.rstrip("/") + "/"
        self.session = session

    def request(self, method: str, url: str, **kwargs: Any) -> requests.Response:
        return self.session.request(method, urljoin(self.base_url, url.lstrip("/")), **kwargs)


def is_known_deviation(result: Any) -> bool:
    """NOTE: a Group PATCH answers 200 *without* the member list (entra.md step 11, and
    sofa_scim_desktop/scim/resources/groups.py): Entra sends members in batches of up to 100
    into groups of 50,000, and must not get the whole list back each time. scim2-tester's
    check_add_attribute / check_replace_attribute on Group `members` compare the PATCH answer
    with what was sent and so report "returned unexpected value for 'members'"; the members
    are stored (test_group_patch_stores_members_it_does_not_send_back checks it).
    """
    return (
        result.resource_type == "Group"
        and result.title in ("check_add_attribute", "check_replace_attribute")
        and "unexpected value for 'members'" in (result.reason or "")
    )


def test_every_scim2_tester_check_passes(live: Any) -> None:
    results = check_server(RequestsSCIMClient(live.url, live.session))

    failed = [
        r
        for r in results
        if r.status not in (Status.SUCCESS, Status.SKIPPED) and not is_known_deviation(r)
    ]
    for result in failed:
        print(f"{result.status.name} {result.resource_type} {result.title}: {result.reason}")
    assert results and not failed


def test_only_the_search_across_resource_types_is_skipped(live: Any) -> None:
    """POST /.search over all resource types (RFC 7644 §3.4.3) is answered 501."""
    results = check_server(RequestsSCIMClient(live.url, live.session))

    skipped = {(r.resource_type, r.title) for r in results if r.status == Status.SKIPPED}
    assert skipped == {("User", "search_with_attributes"), ("Group", "search_with_attributes")}


def test_group_patch_stores_members_it_does_not_send_back(live: Any) -> None:
    user = live.session.post(f"{live.url}/Users", json=entra_user()).json()
    group = live.session.post(f"{live.url}/Groups", json=entra_group()).json()
    operation = {"op": "add", "path": "members", "value": [{"value": user["id"]}]}

    answer = live.session.patch(
        f"{live.url}/Groups/{group['id']}",
        json={
            "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
            "Operations": [operation],
        },
    )

    assert answer.status_code == 200 and "members" not in answer.json()
    stored = live.session.get(f"{live.url}/Groups/{group['id']}").json()
    assert [m["value"] for m in stored["members"]] == [user["id"]]
