"""The database going away under a running server (SPEC §8.4): SCIM answers 503 with a SCIM
error body and Retry-After, never 500; /healthz says so; the server recovers by itself.
"""

from __future__ import annotations

import time
from typing import Any

import pytest

from tests.conftest import ScimClient
from tests.samples import entra_user

pytestmark = pytest.mark.postgresql_only  # SQLite's open connections keep their file.

ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error"


def test_while_the_database_is_down_scim_answers_503_with_retry_after(
    scim: ScimClient, outage: Any
) -> None:
    assert scim.get("/Users").status_code == 200
    with outage():
        for answer in (scim.get("/Users"), scim.post("/Users", json=entra_user())):
            assert answer.status_code == 503
            assert answer.json["schemas"] == [ERROR_SCHEMA]
            assert answer.json["status"] == "503"
            assert int(answer.headers["Retry-After"]) > 0
        assert scim.client.simulate_get("/healthz").json["database"] == "unreachable"


def test_after_the_database_returns_the_server_answers_again_by_itself(
    scim: ScimClient, outage: Any
) -> None:
    scim.get("/Users")  # the server's connection is open when the database goes
    with outage():
        assert scim.get("/Users").status_code == 503
    returned = time.monotonic()
    assert scim.post("/Users", json=entra_user()).status_code == 201
    assert scim.get("/Users").json["totalResults"] == 1
    assert scim.client.simulate_get("/healthz").status_code == 200
    assert time.monotonic() - returned < 5


def test_a_lost_connection_is_reopened_without_an_error(
    scim: ScimClient, postgresql_server: Any, database_url: str
) -> None:
    """A database server restart ends every connection; the next call does not notice."""
    assert scim.post("/Users", json=entra_user()).status_code == 201
    assert postgresql_server.terminate_connections(database_url) >= 1
    assert scim.get("/Users").json["totalResults"] == 1
    postgresql_server.terminate_connections(database_url)
    assert scim.post("/Users", json=entra_user("bob@contoso.com")).status_code == 201
