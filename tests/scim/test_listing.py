"""Listing Users page by page (RFC 7644 §3.4.2.4): every user once, a right totalResults."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from tests.conftest import ScimClient
from tests.samples import entra_user

USERS = 25


@pytest.fixture
def user_names(scim: ScimClient) -> list[str]:
    names = [f"user{i:02}@contoso.com" for i in range(USERS)]
    for name in names:
        assert scim.post("/Users", json=entra_user(name)).status_code == 201
    return names


def page(scim: ScimClient, start: int, count: int, extra: str = "") -> dict:
    result = scim.get(f"/Users?startIndex={start}&count={count}{extra}")
    assert result.status_code == 200, result.text
    return result.json


def walk(scim: ScimClient, count: int) -> list[str]:
    seen: list[str] = []
    start = 1
    while True:
        answer = page(scim, start, count)
        assert answer["startIndex"] == start
        names = [u["userName"] for u in answer["Resources"]]
        if not names:
            return seen
        seen += names
        start += len(names)


def test_a_walk_through_the_pages_sees_every_user_once_in_order(
    scim: ScimClient, user_names: list[str]
) -> None:
    assert walk(scim, 10) == user_names
    assert walk(scim, 10) == user_names  # the second walk starts where the first pages ended.


def test_total_results_counts_every_user_on_every_page(
    scim: ScimClient, user_names: list[str]
) -> None:
    assert [page(scim, start, 10)["totalResults"] for start in (1, 11, 21, 31)] == [USERS] * 4
    assert page(scim, 21, 10)["itemsPerPage"] == 5


def test_total_results_follows_creates_and_deletes(scim: ScimClient, user_names: list[str]) -> None:
    first = page(scim, 1, 5)["Resources"][0]["id"]
    assert scim.delete(f"/Users/{first}").status_code == 204
    scim.post("/Users", json=entra_user("late@contoso.com"))
    scim.post("/Users", json=entra_user("later@contoso.com"))
    assert page(scim, 1, 5)["totalResults"] == USERS + 1
    assert page(scim, 1, 0) == {**page(scim, 1, 0), "totalResults": USERS + 1, "Resources": []}


def test_a_user_deleted_during_a_walk_does_not_hide_another(
    scim: ScimClient, user_names: list[str]
) -> None:
    first_page = page(scim, 1, 10)["Resources"]
    scim.delete(f"/Users/{first_page[0]['id']}")
    rest = walk_from(scim, 11, 10)
    assert [u["userName"] for u in first_page] + rest == user_names


def walk_from(scim: ScimClient, start: int, count: int) -> list[str]:
    names = [u["userName"] for u in page(scim, start, count)["Resources"]]
    return names + (walk_from(scim, start + count, count) if len(names) == count else [])


def test_a_page_past_the_end_is_empty_with_the_total(
    scim: ScimClient, user_names: list[str]
) -> None:
    answer = page(scim, 100, 10)
    assert (answer["totalResults"], answer["Resources"]) == (USERS, [])


def test_a_filtered_walk_counts_the_matches(scim: ScimClient, user_names: list[str]) -> None:
    query = "&filter=" + quote('userName sw "user1"')
    answers = [page(scim, start, 4, query) for start in (1, 5, 9)]
    assert [a["totalResults"] for a in answers] == [10, 10, 10]
    names = [u["userName"] for a in answers for u in a["Resources"]]
    assert names == [n for n in user_names if n.startswith("user1")]


def test_sorted_pages_follow_the_sort(scim: ScimClient, user_names: list[str]) -> None:
    answer = page(scim, 3, 4, "&sortBy=userName&sortOrder=descending")
    assert [u["userName"] for u in answer["Resources"]] == sorted(user_names, reverse=True)[2:6]


def test_pages_asked_out_of_order_hold_the_users_at_their_positions(
    scim: ScimClient, user_names: list[str]
) -> None:
    # Four clients walking together ask for page 4 before page 3 has been served.
    order = [1, 6, 16, 11, 21, 2, 24]
    for start in order:
        names = [u["userName"] for u in page(scim, start, 5)["Resources"]]
        assert names == user_names[start - 1 : start + 4], start
