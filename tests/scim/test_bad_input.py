"""Bad requests get RFC 7644 §3.12 error bodies, and a rejected write changes nothing stored."""

from __future__ import annotations

import http.client
import json
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

import pytest

from sofa_scim_desktop.services.synchronizations import SyncSettings
from sofa_scim_desktop.storage.tables import AccessKey
from sofa_scim_desktop.storage.tables import utcnow
from tests.conftest import make_endpoint
from tests.samples import ENTERPRISE
from tests.samples import entra_group
from tests.samples import entra_user
from tests.samples import patch

ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error"
SCIM_JSON = "application/scim+json"


def assert_error(answer: Any, status: int, scim_type: str | None = None) -> None:
    """An RFC 7644 §3.12 error body: schemas, status as a string, detail, scimType."""
    body = answer.json() if callable(getattr(answer, "json", None)) else answer.json
    assert answer.status_code == status, body
    assert body["schemas"] == [ERROR_SCHEMA]
    assert body["status"] == str(status)
    assert isinstance(body["detail"], str) and body["detail"]
    if scim_type is not None:
        assert body["scimType"] == scim_type


@pytest.fixture
def user(scim: Any) -> dict[str, Any]:
    boss = scim.post("/Users", json=entra_user("boss@contoso.com")).json
    body = entra_user(**{ENTERPRISE: {"manager": boss["id"], "department": "Finance"}})
    created = scim.post("/Users", json=body)
    assert created.status_code == 201
    return created.json  # type: ignore[no-any-return]


@pytest.fixture
def group(scim: Any, user: dict[str, Any]) -> dict[str, Any]:
    created = scim.post("/Groups", json={**entra_group(), "members": [{"value": user["id"]}]})
    assert created.status_code == 201
    return created.json  # type: ignore[no-any-return]


def stored(scim: Any, services: Any, path: str) -> tuple[Any, Any]:
    """What a client and the admin see: the resource as GET answers it, and the Sofa users."""
    return scim.get(path).json, services.directory.users()


# --- Bodies --------------------------------------------------------------------------------------


@pytest.mark.parametrize("body", [b"{", b'{"userName": "a@b.c",}', b"\xff\xfe", b"", b"nul"])
def test_malformed_json_is_invalid_syntax(scim: Any, services: Any, body: bytes) -> None:
    answer = scim.post("/Users", body=body)

    assert_error(answer, 400, "invalidSyntax")
    assert services.directory.users() == []


@pytest.mark.parametrize("body", [b"{", b"[1, 2"])
def test_malformed_patch_body_changes_nothing(
    scim: Any, services: Any, user: dict[str, Any], body: bytes
) -> None:
    path = f"/Users/{user['id']}"
    before = stored(scim, services, path)

    answer = scim.patch(path, body=body)

    assert_error(answer, 400, "invalidSyntax")
    assert stored(scim, services, path) == before


@pytest.mark.parametrize("body", [[], [entra_user()], "alice", 42, None, True])
@pytest.mark.parametrize("path", ["/Users", "/Groups"])
def test_non_object_body_is_refused(scim: Any, services: Any, path: str, body: Any) -> None:
    answer = scim.post(path, json=body)

    assert_error(answer, 400)
    assert scim.get(path).json["totalResults"] == 0


@pytest.mark.parametrize("body", [[], "alice", 42, None, {"Operations": "x"}, {}])
def test_non_patch_op_body_is_invalid_syntax(
    scim: Any, services: Any, user: dict[str, Any], body: Any
) -> None:
    path = f"/Users/{user['id']}"
    before = stored(scim, services, path)

    answer = scim.patch(path, json=body)

    assert_error(answer, 400, "invalidSyntax")
    assert stored(scim, services, path) == before


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/xml", "application/x-www-form-urlencoded"]
)
def test_wrong_content_type_is_415(scim: Any, services: Any, content_type: str) -> None:
    answer = scim.post(
        "/Users", body=json.dumps(entra_user()), headers={"Content-Type": content_type}
    )

    assert_error(answer, 415)
    assert services.directory.users() == []


@pytest.mark.parametrize(
    "content_type", ["application/scim+json; charset=utf-8", "application/json", "APPLICATION/JSON"]
)
def test_json_content_types_are_accepted(scim: Any, content_type: str) -> None:
    answer = scim.post(
        "/Users", body=json.dumps(entra_user()), headers={"Content-Type": content_type}
    )

    assert answer.status_code == 201


def huge_user() -> bytes:
    return json.dumps(entra_user(displayName="x" * (3 * 1024 * 1024))).encode()


def test_huge_body_is_413_with_a_scim_error(live: Any, services: Any) -> None:
    answer = live.session.post(f"{live.url}/Users", data=huge_user())

    assert answer.headers["Content-Type"].startswith(SCIM_JSON)
    assert_error(answer, 413)
    assert services.directory.users() == []


def test_huge_chunked_body_is_413(live: Any, services: Any) -> None:
    body = huge_user()
    chunks = (body[i : i + 65536] for i in range(0, len(body), 65536))

    answer = live.session.post(f"{live.url}/Users", data=chunks)

    assert_error(answer, 413)
    assert services.directory.users() == []


@pytest.mark.parametrize(
    "body",
    [
        entra_user("nul\u0000@contoso.com"),
        entra_user(displayName="Jana\u0000"),
        {**entra_user(), "emails": [{"value": "a@b.cz", "type": "wo\u0000rk"}]},
    ],
)
def test_a_nul_character_in_a_value_is_invalid_and_stores_nothing(
    scim: Any, services: Any, body: dict[str, Any]
) -> None:
    """PostgreSQL's text cannot hold U+0000; SQLite answers the same."""
    answer = scim.post("/Users", json=body)

    assert_error(answer, 400, "invalidValue")
    assert services.directory.users() == []


def test_a_nul_character_in_a_filter_is_an_invalid_filter(scim: Any, user: dict[str, Any]) -> None:
    answer = scim.get("/Users", params={"filter": 'userName eq "a\u0000"'})

    assert_error(answer, 400, "invalidFilter")


def test_long_values_are_kept_whole(scim: Any) -> None:
    """Peewee's columns are VARCHAR(255); neither database may cut or refuse a longer value."""
    name = "x" * 300 + "@contoso.com"
    body = entra_user(name, displayName="D" * 400, title="T" * 1000)
    created = scim.post("/Users", json=body)
    assert created.status_code == 201, created.json

    found = scim.get("/Users", params={"filter": f'userName eq "{name}"'}).json["Resources"]
    assert [(u["userName"], u["displayName"], u["title"]) for u in found] == [
        (name, "D" * 400, "T" * 1000)
    ]


def test_connection_stays_open_after_rejected_requests(live: Any, endpoint: Any) -> None:
    """Entra reuses its connection; an error answer must not cost it a reconnect."""
    url = urlsplit(live.url)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=5)
    requests_ = [
        ("GET", "/Users?filter=nickName%20eq%20%22x%22", None),
        ("POST", "/Users", b"{"),
        ("GET", "/Users/unknown", None),
        ("GET", "/Users", None),
    ]
    statuses, sockets = [], set()
    for method, path, body in requests_:
        connection.request(method, url.path + path, body=body, headers=endpoint.headers)
        answer = connection.getresponse()
        answer.read()
        statuses.append(answer.status)
        sockets.add(id(connection.sock) if connection.sock else None)
    connection.close()

    assert statuses == [400, 400, 404, 200]
    assert len(sockets) == 1 and None not in sockets


# --- Filters -------------------------------------------------------------------------------------

BAD_FILTERS = [
    'userName eq "x" or 1=1',
    "userName eq \"x\" or '1'='1'",
    'userName eq "x"; DROP TABLE scim_user; --',
    'userName eq "x" -- comment',
    'userName eq "x" /* comment */',
    "userName eq x",
    'userName eq "x',
    'userName zz "x"',
    "userName eq",
    '(userName eq "x"',
    'userName eq "x" and',
    'nickName eq "x"',
    'name.nickName eq "x"',
    'urn:example:unknown:nickName eq "x"',
    'emails[type eq "work"',
    'emails[nickName eq "x"]',
    "active gt true",
    'active eq "yes"',
    'meta.lastModified gt "yesterday"',
    "   ",
    'userName eq "' + "x" * 3000 + '"',
    "(" * 50 + 'userName eq "x"' + ")" * 50,
]


@pytest.mark.parametrize("text", BAD_FILTERS)
def test_bad_user_filter_is_invalid_filter(scim: Any, user: dict[str, Any], text: str) -> None:
    answer = scim.get("/Users", params={"filter": text})

    assert_error(answer, 400, "invalidFilter")


def test_blank_filter_is_invalid_not_a_list_of_everyone(scim: Any, user: dict[str, Any]) -> None:
    answer = scim.get("/Users", query_string="filter=")

    assert_error(answer, 400, "invalidFilter")


@pytest.mark.parametrize(
    "text", ['members.nickName eq "x"', 'displayName eq "x" or 1=1', 'userName eq "x"']
)
def test_bad_group_filter_is_invalid_filter(scim: Any, group: dict[str, Any], text: str) -> None:
    answer = scim.get("/Groups", params={"filter": text})

    assert_error(answer, 400, "invalidFilter")


@pytest.mark.parametrize(
    "text",
    [
        'userName eq "x\\" OR \\"1\\"=\\"1"',
        "userName eq \"' OR '1'='1\"",
        'userName eq "%"',
        'userName sw "_"',
        'userName co "\\\\"',
    ],
)
def test_quoted_injection_is_a_literal_that_matches_nothing(
    scim: Any, user: dict[str, Any], text: str
) -> None:
    answer = scim.get("/Users", params={"filter": text})

    assert answer.status_code == 200
    assert answer.json["totalResults"] == 0


def test_users_survive_injection_attempts(scim: Any, user: dict[str, Any]) -> None:
    for text in BAD_FILTERS[:5]:
        scim.get("/Users", params={"filter": text})

    assert scim.get("/Users").json["totalResults"] == 2


@pytest.mark.parametrize(
    ("params", "scim_type"),
    [
        ({"count": "ten"}, "invalidValue"),
        ({"startIndex": "1; DROP"}, "invalidValue"),
        ({"sortOrder": "sideways"}, "invalidValue"),
        ({"attributes": "nickName"}, None),
        ({"sortBy": "nickName"}, None),
    ],
)
def test_bad_query_parameter_is_400(
    scim: Any, params: dict[str, str], scim_type: str | None
) -> None:
    answer = scim.get("/Users", params=params)

    assert_error(answer, 400, scim_type)


# --- PATCH ---------------------------------------------------------------------------------------

BAD_USER_PATCHES = [
    ({"op": "replace", "path": "nickName", "value": "x"}, "invalidPath"),
    ({"op": "replace", "path": "name.nickName", "value": "x"}, "invalidPath"),
    ({"op": "replace", "path": 'emails[type eq "work"', "value": "x"}, "invalidPath"),
    ({"op": "replace", "path": 'emails[type zz "work"].value', "value": "x"}, "invalidPath"),
    ({"op": "replace", "path": 'emails[type eq "work"].nickName', "value": "x"}, "invalidPath"),
    ({"op": "replace", "path": 'title[type eq "work"]', "value": "x"}, "invalidPath"),
    ({"op": "replace", "path": "urn:example:unknown:title", "value": "x"}, "invalidPath"),
    ({"op": "replace", "path": 5, "value": "x"}, "invalidPath"),
    ({"op": "replace", "value": {"nickName": "x"}}, "invalidPath"),
    ({"op": "delete", "path": "title", "value": "x"}, "invalidSyntax"),
    ({"op": "", "path": "title", "value": "x"}, "invalidSyntax"),
    ({"path": "title", "value": "x"}, "invalidSyntax"),
    ({"op": 5, "path": "title", "value": "x"}, "invalidSyntax"),
    ("replace title", "invalidSyntax"),
    ({"op": "remove"}, "noTarget"),
    ({"op": "Remove", "value": {"title": "x"}}, "noTarget"),
    ({"op": "replace", "path": "id", "value": "other"}, "mutability"),
    ({"op": "replace", "path": "meta.created", "value": "2020-01-01T00:00:00Z"}, "mutability"),
    ({"op": "replace", "path": "meta", "value": {}}, "mutability"),
    ({"op": "replace", "path": f"{ENTERPRISE}:manager.displayName", "value": "x"}, "mutability"),
    ({"op": "replace", "path": "title", "value": 5}, "invalidValue"),
    ({"op": "replace", "path": "userName", "value": 123}, "invalidValue"),
    ({"op": "replace", "path": "userName", "value": ""}, "invalidValue"),
    ({"op": "remove", "path": "userName"}, "invalidValue"),
    ({"op": "replace", "path": "active", "value": "yes"}, "invalidValue"),
    ({"op": "replace", "path": "active", "value": 1}, "invalidValue"),
    ({"op": "replace", "path": "displayName", "value": ["a"]}, "invalidValue"),
    ({"op": "replace", "path": "name", "value": "Alice"}, "invalidValue"),
    ({"op": "replace", "path": "name.givenName", "value": {"x": 1}}, "invalidValue"),
    ({"op": "replace", "path": 'emails[type eq "work"].value', "value": 5}, "invalidValue"),
    ({"op": "replace", "path": "title", "value": "x" * 5000}, "invalidValue"),
    ({"op": "replace", "value": "title"}, "invalidValue"),
    (
        {
            "op": "add",
            "path": "emails",
            "value": [
                {"type": "home", "value": "a@home.cz", "primary": True},
                {"type": "other", "value": "a@other.cz", "primary": True},
            ],
        },
        "invalidValue",
    ),
]


@pytest.mark.parametrize(
    ("operation", "scim_type"), BAD_USER_PATCHES, ids=[t for _, t in BAD_USER_PATCHES]
)
def test_bad_user_patch_is_refused_and_changes_nothing(
    scim: Any, services: Any, user: dict[str, Any], operation: Any, scim_type: str
) -> None:
    path = f"/Users/{user['id']}"
    before = stored(scim, services, path)

    answer = scim.patch(
        path, json=patch({"op": "replace", "path": "title", "value": "CFO"}, operation)
    )

    assert_error(answer, 400, scim_type)
    assert stored(scim, services, path) == before


def test_too_many_operations_are_refused(scim: Any, services: Any, user: dict[str, Any]) -> None:
    path = f"/Users/{user['id']}"
    before = stored(scim, services, path)
    operation = {"op": "replace", "path": "title", "value": "x"}

    answer = scim.patch(path, json=patch(*[operation] * 1001))

    assert_error(answer, 400, "invalidSyntax")
    assert stored(scim, services, path) == before


BAD_GROUP_PATCHES = [
    ({"op": "add", "path": "members", "value": [{"value": "no-such-user"}]}, "invalidValue"),
    ({"op": "add", "path": "members", "value": [{"display": "x"}]}, "invalidValue"),
    ({"op": "add", "path": "members", "value": ["plain-string"]}, "invalidValue"),
    ({"op": "add", "path": 'members[value eq "x"]', "value": "x"}, "invalidPath"),
    ({"op": "remove", "path": 'members[display co "x"]'}, "invalidPath"),
    ({"op": "replace", "path": "members.value", "value": "x"}, "invalidPath"),
    ({"op": "replace", "path": "displayName", "value": ""}, "invalidValue"),
    ({"op": "replace", "path": "displayName", "value": 7}, "invalidValue"),
    ({"op": "replace", "path": "nickName", "value": "x"}, "invalidPath"),
    ({"op": "remove"}, "noTarget"),
]


@pytest.mark.parametrize(
    ("operation", "scim_type"), BAD_GROUP_PATCHES, ids=[t for _, t in BAD_GROUP_PATCHES]
)
def test_bad_group_patch_is_refused_and_changes_nothing(
    scim: Any, services: Any, group: dict[str, Any], operation: Any, scim_type: str
) -> None:
    path = f"/Groups/{group['id']}"
    before = stored(scim, services, path)
    rename = {"op": "replace", "path": "displayName", "value": "Renamed"}

    answer = scim.patch(path, json=patch(rename, operation))

    assert_error(answer, 400, scim_type)
    assert stored(scim, services, path) == before


# --- Whole resources ------------------------------------------------------------------------------

BAD_USERS = [
    ({"userName": 5}, "invalidValue"),
    ({"userName": ""}, "invalidValue"),
    ({"userName": None}, "invalidValue"),
    ({"active": "maybe"}, "invalidValue"),
    ({"title": ["a"]}, "invalidValue"),
    (
        {
            "emails": [
                {"type": "work", "value": "a@contoso.com", "primary": True},
                {"type": "home", "value": "a@home.cz", "primary": True},
            ]
        },
        "invalidValue",
    ),
    ({ENTERPRISE: "Finance"}, "invalidValue"),
]


@pytest.mark.parametrize(("change", "scim_type"), BAD_USERS, ids=[str(c) for c, _ in BAD_USERS])
def test_bad_user_is_not_created(
    scim: Any, services: Any, change: dict[str, Any], scim_type: str
) -> None:
    answer = scim.post("/Users", json=entra_user(**change))

    assert_error(answer, 400, scim_type)
    assert services.directory.users() == []


@pytest.mark.parametrize(("change", "scim_type"), BAD_USERS, ids=[str(c) for c, _ in BAD_USERS])
def test_bad_user_replace_changes_nothing(
    scim: Any, services: Any, user: dict[str, Any], change: dict[str, Any], scim_type: str
) -> None:
    path = f"/Users/{user['id']}"
    before = stored(scim, services, path)

    answer = scim.put(path, json={**entra_user(title="CFO"), **change})

    assert_error(answer, 400, scim_type)
    assert stored(scim, services, path) == before


def test_rename_onto_another_user_is_409_and_changes_nothing(
    scim: Any, services: Any, user: dict[str, Any]
) -> None:
    path = f"/Users/{user['id']}"
    before = stored(scim, services, path)

    answer = scim.patch(
        path, json=patch({"op": "replace", "path": "userName", "value": "BOSS@contoso.com"})
    )

    assert_error(answer, 409, "uniqueness")
    assert stored(scim, services, path) == before


def test_user_name_of_a_local_sofa_user_is_409(scim: Any, services: Any) -> None:
    services.directory.create_user("alice@contoso.com", "alice@contoso.com")

    answer = scim.post("/Users", json=entra_user())

    assert_error(answer, 409, "uniqueness")
    assert [u.source for u in services.directory.users()] == [None]


@pytest.mark.parametrize(
    "body",
    [
        {"displayName": ""},
        {"displayName": 5},
        {"externalId": "x"},
        {"displayName": "G", "members": [{"value": "no-such-user"}]},
    ],
)
def test_bad_group_is_not_created(scim: Any, body: dict[str, Any]) -> None:
    answer = scim.post("/Groups", json=body)

    assert_error(answer, 400, "invalidValue")
    assert scim.get("/Groups").json["totalResults"] == 0


# --- Keys and synchronizations --------------------------------------------------------------------


@pytest.mark.parametrize(
    "authorization",
    [
        None,
        "",
        "Bearer",
        "Bearer ",
        "Bearer wrong-key",
        "Basic dXNlcjpwYXNz",
        "Token {key}",
        "{key}",
        "Bearer {key}x",
    ],
)
def test_missing_or_wrong_key_is_401(
    scim: Any, services: Any, endpoint: Any, authorization: str | None
) -> None:
    headers = {"Content-Type": SCIM_JSON}
    if authorization is not None:
        headers["Authorization"] = authorization.format(key=endpoint.key)
    answer = scim.client.simulate_post(
        f"{endpoint.path}/Users", headers=headers, body=json.dumps(entra_user())
    )

    assert_error(answer, 401)
    assert answer.headers["WWW-Authenticate"].startswith("Bearer")
    assert services.directory.users() == []


def test_expired_key_is_401(scim: Any, services: Any, endpoint: Any) -> None:
    AccessKey.update(expires_at=utcnow() - timedelta(seconds=1)).execute()

    answer = scim.post("/Users", json=entra_user())

    assert_error(answer, 401)
    assert "expired" in answer.json["detail"]
    assert services.directory.users() == []


def test_key_of_another_synchronization_is_401(scim: Any, services: Any) -> None:
    other = make_endpoint(services, "Fabrikam")

    answer = scim.post("/Users", json=entra_user(), headers=other.headers)

    assert_error(answer, 401)
    assert services.directory.users() == []


def test_revoked_key_is_401(scim: Any, services: Any, endpoint: Any) -> None:
    services.synchronizations.issue_key(endpoint.identifier, 90, revoke_old=True)

    answer = scim.get("/Users")

    assert_error(answer, 401)


def test_disabled_synchronization_is_403_and_changes_nothing(
    scim: Any, services: Any, endpoint: Any
) -> None:
    services.synchronizations.update(
        endpoint.identifier,
        SyncSettings(name="Contoso", identifier=endpoint.identifier, enabled=False),
    )

    answer = scim.post("/Users", json=entra_user())

    assert_error(answer, 403)
    assert services.directory.users() == []
    assert services.synchronizations.get(endpoint.identifier).last_success_at is None


@pytest.mark.parametrize("identifier", ["Nobody", "Contoso_2", "Contoso%00"])
def test_unknown_identifier_is_401(scim: Any, endpoint: Any, identifier: str) -> None:
    answer = scim.client.simulate_get(f"/scim/v2/{identifier}/Users", headers=endpoint.headers)

    assert_error(answer, 401)


# --- Routes ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    ["/", "/scim/v2", "/scim/v2/Contoso", "/scim/v2/Contoso/Nothing", "/scim/v1/Contoso/Users"],
)
def test_unknown_route_is_404_with_a_scim_error(scim: Any, endpoint: Any, path: str) -> None:
    answer = scim.client.simulate_get(path, headers=endpoint.headers)

    assert answer.headers["Content-Type"].startswith(SCIM_JSON)
    assert_error(answer, 404)


@pytest.mark.parametrize(
    ("method", "path"), [("PUT", "/Users"), ("DELETE", "/Groups"), ("POST", "/Schemas")]
)
def test_unsupported_method_is_405_with_a_scim_error(scim: Any, method: str, path: str) -> None:
    answer = scim.request(method, path, json={})

    assert_error(answer, 405)


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", "/Users", None),
        ("PATCH", "/Users", patch({"op": "remove", "path": "title"})),
        ("PUT", "/Users", entra_user()),
        ("DELETE", "/Users", None),
        ("GET", "/Groups", None),
        ("PATCH", "/Groups", patch({"op": "remove", "path": "members"})),
        ("PUT", "/Groups", entra_group()),
        ("DELETE", "/Groups", None),
    ],
)
def test_unknown_resource_is_404(scim: Any, method: str, path: str, body: Any) -> None:
    answer = scim.request(method, f"{path}/no-such-id", json=body)

    assert_error(answer, 404)
