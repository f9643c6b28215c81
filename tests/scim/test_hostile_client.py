"""What a hostile or broken client sent, found by hand (issue 11 C): each answered with a SCIM
error or an empty page, nothing secret or broken stored.
"""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.services import journal
from sofa_scim_desktop.storage.tables import Synchronization
from tests.conftest import ScimClient
from tests.samples import entra_group
from tests.samples import entra_user
from tests.samples import patch
from tests.scim.test_bad_input import assert_error

USER = "urn:ietf:params:scim:schemas:core:2.0:User"
PASSWORD = "Sup3r-Secret-Pa55"


def database_text(services: bootstrap.Services) -> str:
    """Every text the database file holds, as a thief with the file would read it."""
    connection = sqlite3.connect(services.data_dir / "sofa-scim.db")
    try:
        tables = [
            r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        return "\n".join(
            str(row) for table in tables for row in connection.execute(f'SELECT * FROM "{table}"')
        )
    finally:
        connection.close()


@pytest.mark.parametrize("path", ["password", f"{USER}:password", "PASSWORD"])
def test_a_password_sent_by_path_is_never_stored(
    services: bootstrap.Services, scim: ScimClient, path: str
) -> None:
    Synchronization.update(log_level="debug").execute()
    user = scim.post("/Users", json=entra_user()).json
    scim.patch(
        f"/Users/{user['id']}", json=patch({"op": "replace", "path": path, "value": PASSWORD})
    )
    scim.patch(
        f"/Users/{user['id']}",
        json=patch({"op": "add", "value": {"password": PASSWORD, "title": "Boss"}}),
    )
    assert PASSWORD not in database_text(services)
    entries = journal.read(services.synchronizations.get("Contoso").id)
    assert any("[redacted]" in (e.detail or "") for e in entries if e.event == "call")


def test_a_start_index_beyond_every_number_is_an_empty_page(scim: ScimClient) -> None:
    scim.post("/Users", json=entra_user())
    scim.post("/Groups", json=entra_group())
    for path in ("/Users", "/Groups"):
        for start in ("1" + "0" * 30, str(2**63), str(2**64 + 1), "9" * 5000):
            answer = scim.get(path, params={"startIndex": start})
            assert answer.status_code == 200, (path, start, answer.text[:200])
            assert answer.json["Resources"] == [] and answer.json["totalResults"] == 1
    assert scim.get("/Users", params={"startIndex": "-" + "9" * 40}).json["totalResults"] == 1
    assert_error(scim.get("/Users", params={"count": "ten"}), 400, "invalidValue")


@pytest.mark.parametrize(
    "bad", ["jana\u0000@contoso.com", "jana\n@contoso.com", "ja\u0085na@contoso.com"]
)
def test_a_control_character_in_a_user_name_is_refused(
    services: bootstrap.Services, scim: ScimClient, bad: str
) -> None:
    assert_error(scim.post("/Users", json=entra_user(bad)), 400, "invalidValue")
    user = scim.post("/Users", json=entra_user("jana@contoso.com")).json
    answer = scim.patch(
        f"/Users/{user['id']}",
        json=patch({"op": "replace", "path": "displayName", "value": "J\x07"}),
    )
    assert_error(answer, 400, "invalidValue")
    assert scim.get(f"/Users/{user['id']}").json["displayName"] == user["displayName"]
    assert [u.user_name for u in services.directory.users()] == ["jana@contoso.com"]


def test_a_control_character_in_a_group_name_is_refused(scim: ScimClient) -> None:
    assert_error(scim.post("/Groups", json=entra_group("Sales\u001b[31m")), 400, "invalidValue")
    group = scim.post("/Groups", json=entra_group("Sales")).json
    answer = scim.patch(
        f"/Groups/{group['id']}",
        json=patch({"op": "replace", "path": "displayName", "value": "Sales\r\nX"}),
    )
    assert_error(answer, 400, "invalidValue")
    assert scim.get(f"/Groups/{group['id']}").json["displayName"] == "Sales"


def test_printable_names_in_any_script_are_kept(scim: ScimClient) -> None:
    body: dict[str, Any] = entra_user("žluťoučký.kůň@contoso.com")
    body["displayName"] = "Žluťoučký Kůň – 東京 🐴"
    created = scim.post("/Users", json=body)
    assert created.status_code == 201
    assert created.json["displayName"] == "Žluťoučký Kůň – 東京 🐴"
