"""Whatever a client sends, only SCIM errors come back, never a 5xx, and a refused write changes
nothing (issue 11 D). Hypothesis builds filters and PATCH bodies from SCIM's own pieces, near
misses and noise; the catalogue of hand-found bad inputs is in test_bad_input/test_hostile_client.
"""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck
from hypothesis import event
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from sofa_scim_desktop import bootstrap
from tests.conftest import ScimClient
from tests.samples import ENTERPRISE
from tests.samples import entra_group
from tests.samples import entra_user
from tests.samples import patch

ERROR = "urn:ietf:params:scim:api:messages:2.0:Error"
SCIM_TYPES = {
    None, "invalidFilter", "invalidSyntax", "invalidValue", "invalidPath", "noTarget",
    "mutability", "uniqueness", "tooMany",
}  # fmt: skip
EXAMPLES = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

USER_URN = "urn:ietf:params:scim:schemas:core:2.0:User"
KNOWN = st.sampled_from([
    "userName", "displayName", "active", "title", "externalId", "name.givenName",
    "name.familyName", "emails", "emails.value", 'emails[type eq "work"].value',
    'emails[type eq "work"]', "phoneNumbers", 'addresses[type eq "work"].locality',
    f"{ENTERPRISE}:manager", f"{ENTERPRISE}:department", f"{USER_URN}:userName", "members",
    'members[value eq "x"]', "meta.created", "id", "displayName", "displayName", "members",
])  # fmt: skip
NEAR_MISSES = st.sampled_from(
    ["password", "nickName", "bogus", "emails[", "name.", "", "[]", "a.b.c.d", "USERNAME"]
)
ATTRIBUTES = st.one_of(KNOWN, KNOWN, KNOWN, NEAR_MISSES)  # mostly what a client would send
OPERATORS = st.one_of(
    st.sampled_from(["eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le", "pr"]),
    st.sampled_from(["EQ", "xx", ""]),
)
VALUES = st.one_of(
    st.text(max_size=20),
    st.booleans(),
    st.sampled_from([
        "jana@contoso.com", "True", [{"value": "jana@contoso.com", "type": "work"}],
        {"givenName": "Jana"}, [{"value": "not-there"}], {"value": "x"}, [], "Sales",
        {"displayName": "Sales"}, {"members": []},
    ]),
)  # fmt: skip
LITERALS = st.one_of(
    st.sampled_from(['"alice@contoso.com"', "true", "false", "null", "42", "1.5e3", '"\\ud800"',
                     '"2026-12-01T00:00:00Z"', '""', '"\\""', "alice", '"unterminated']),
    st.text(max_size=12).map(lambda t: '"' + t.replace("\\", "").replace('"', "") + '"'),
)  # fmt: skip
JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats(allow_nan=False)
    | st.text(max_size=20),
    lambda children: st.lists(children, max_size=3)
    | st.dictionaries(st.sampled_from(["value", "type", "primary", "display", "$ref",
                                       "givenName", "Value", "x"]), children, max_size=3),
    max_leaves=8,
)  # fmt: skip


@st.composite
def filters(draw: st.DrawFn, depth: int = 0) -> str:
    """Filters from SCIM's grammar, with its near misses (unknown attributes and operators,
    broken literals, unbalanced brackets) and, now and then, plain noise.
    """
    kind = draw(st.integers(0, 9 if depth < 2 else 5))
    if kind == 0:
        return draw(st.text(max_size=30))
    attribute = draw(ATTRIBUTES)
    operator = draw(OPERATORS)
    compare = f"{attribute} {operator}" + ("" if operator == "pr" else f" {draw(LITERALS)}")
    if kind <= 5:
        return compare
    left, right = draw(filters(depth + 1)), draw(filters(depth + 1))
    return draw(st.sampled_from([
        f"{left} and {right}", f"{left} or {right}", f"not ({left})", f"({left}",
        f"emails[{left}]", f"{left} AND {right}",
    ]))  # fmt: skip


@st.composite
def operations(draw: st.DrawFn) -> dict[str, Any]:
    valid = st.sampled_from(["add", "replace", "remove"])
    kind = st.one_of(valid, valid, valid, st.sampled_from(["Replace", "move", ""]))
    operation: dict[str, Any] = {"op": draw(kind)}
    if draw(st.integers(0, 3)):
        operation["path"] = draw(ATTRIBUTES | filters())
    if draw(st.integers(0, 4)):
        operation["value"] = draw(VALUES | JSON)
    return operation


def is_scim_error(answer: Any) -> bool:
    body = answer.json
    return (
        isinstance(body, dict)
        and body.get("schemas") == [ERROR]
        and body.get("status") == str(answer.status_code)
        and body.get("scimType") in SCIM_TYPES
    )


def assert_answered(answer: Any, *ok: int) -> None:
    event(f"status {answer.status_code}")  # --hypothesis-show-statistics: what was reached
    assert answer.status_code < 500, answer.text[:300]
    assert answer.status_code in ok or is_scim_error(answer), answer.text[:300]


@EXAMPLES
@given(text=filters())
def test_any_filter_is_answered_or_refused_as_a_filter(scim: ScimClient, text: str) -> None:
    for path in ("/Users", "/Groups"):
        answer = scim.get(path, params={"filter": text})
        assert_answered(answer, 200)
        if answer.status_code == 400:
            assert answer.json.get("scimType") in ("invalidFilter", "invalidValue")


@EXAMPLES
@given(body=st.lists(operations(), min_size=1, max_size=3).map(lambda ops: patch(*ops)))
def test_a_user_patch_is_applied_whole_or_changes_nothing(
    services: bootstrap.Services, scim: ScimClient, body: dict[str, Any]
) -> None:
    user = scim.get("/Users", params={"filter": 'userName eq "alice@contoso.com"'}).json
    if not user["Resources"]:
        scim.post("/Users", json=entra_user())
        user = scim.get("/Users", params={"filter": 'userName eq "alice@contoso.com"'}).json
    before = user["Resources"][0]
    sofa_before = services.directory.users()

    answer = scim.patch(f"/Users/{before['id']}", json=body)
    assert_answered(answer, 200, 204)
    if answer.status_code >= 400:
        assert scim.get(f"/Users/{before['id']}").json == before
        assert services.directory.users() == sofa_before
    elif answer.status_code == 200:
        scim.patch(f"/Users/{before['id']}", json=_restore(before))


@EXAMPLES
@given(body=st.lists(operations(), min_size=1, max_size=3).map(lambda ops: patch(*ops)))
def test_a_group_patch_is_applied_whole_or_changes_nothing(
    scim: ScimClient, body: dict[str, Any]
) -> None:
    found = scim.get("/Groups").json["Resources"]
    group = found[0] if found else scim.post("/Groups", json=entra_group()).json
    before = scim.get(f"/Groups/{group['id']}").json

    answer = scim.patch(f"/Groups/{group['id']}", json=body)
    assert_answered(answer, 200, 204)
    if answer.status_code >= 400:
        assert scim.get(f"/Groups/{group['id']}").json == before


@EXAMPLES
@given(body=JSON)
def test_any_json_posted_as_a_resource_is_created_or_refused(scim: ScimClient, body: Any) -> None:
    for path in ("/Users", "/Groups"):
        answer = scim.post(path, json=body)
        assert_answered(answer, 201)


def _restore(user: dict[str, Any]) -> dict[str, Any]:
    """Puts the user back as it was (a replace of the whole), so each example starts alike."""
    kept = {k: v for k, v in user.items() if k not in ("id", "meta", "schemas")}
    return patch({"op": "replace", "value": kept})
