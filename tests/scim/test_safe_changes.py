"""Safe changes (SPEC §8.3) over real HTTP to a real Waitress: a renamed synchronization's
old Tenant URL keeps working with the same key until Entra calls the new one, and a replaced
key keeps working until Entra calls with the new one, at most 24 hours.
"""

from __future__ import annotations

import json
import logging
from datetime import timedelta
from typing import Any

import pytest
import requests
from falcon import testing

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.scim import auth
from sofa_scim_desktop.services.synchronizations import SyncSettings
from sofa_scim_desktop.services.synchronizations import aliases_of
from sofa_scim_desktop.storage.tables import AccessKey
from sofa_scim_desktop.storage.tables import LogEntry
from sofa_scim_desktop.storage.tables import utcnow
from tests.conftest import Endpoint
from tests.conftest import LiveServer


def server_of(live: LiveServer, endpoint: Endpoint) -> str:
    return live.url.removesuffix(endpoint.path)


def users(server: str, identifier: str, key: str) -> requests.Response:
    headers = {"Authorization": f"Bearer {key}"}
    return requests.get(f"{server}/scim/v2/{identifier}/Users", headers=headers, timeout=5)


def refusals() -> list[dict[str, Any]]:
    rows = LogEntry.select().where(LogEntry.event == "call.refused").order_by(LogEntry.id)
    return [json.loads(e.detail) | {"level": e.level} for e in rows]


def events(event: str) -> list[str]:
    return [e.message for e in LogEntry.select().where(LogEntry.event == event)]


def rename(services: bootstrap.Services, old: str, new: str) -> None:
    services.synchronizations.update(old, SyncSettings(name="Contoso", identifier=new))


# --- Renaming with an alias ---------------------------------------------------------------


def test_the_old_url_keeps_working_with_the_same_key_after_a_rename(
    live: LiveServer, services: bootstrap.Services, endpoint: Endpoint
) -> None:
    server = server_of(live, endpoint)
    rename(services, "Contoso", "Contoso_HR")

    for _ in range(2):
        assert users(server, "Contoso", endpoint.key).status_code == 200
    sync = services.synchronizations.get("Contoso_HR")
    assert aliases_of(sync.id) == ["Contoso"]
    assert sync.last_success_at is not None  # the alias's calls count for this synchronization
    assert users(server, "Contoso", "a-wrong-key").status_code == 401
    [refused] = refusals()
    assert (refused["reason"], refused["path"]) == ("wrong_key", "/scim/v2/Contoso/Users")


def test_the_alias_ends_at_the_first_call_on_the_new_url(
    live: LiveServer, services: bootstrap.Services, endpoint: Endpoint
) -> None:
    server = server_of(live, endpoint)
    rename(services, "Contoso", "Contoso_HR")
    assert users(server, "Contoso", endpoint.key).status_code == 200

    assert users(server, "Contoso_HR", endpoint.key).status_code == 200
    assert users(server, "Contoso_HR", endpoint.key).status_code == 200

    sync = services.synchronizations.get("Contoso_HR")
    assert aliases_of(sync.id) == []
    [ended] = events("sync.alias_ended")  # one write, once
    assert "Contoso" in ended
    old = users(server, "Contoso", endpoint.key)
    assert old.status_code == 401
    assert "old identifier" in old.json()["detail"]
    [refused] = refusals()
    assert (refused["reason"], refused["level"]) == ("old_identifier", logging.WARNING)
    assert refused["fix"].startswith("In Entra")
    assert services.synchronizations.get("Contoso_HR").last_refusal == "old_identifier"


def test_a_wrong_key_on_the_new_url_does_not_end_the_alias(
    live: LiveServer, services: bootstrap.Services, endpoint: Endpoint
) -> None:
    server = server_of(live, endpoint)
    rename(services, "Contoso", "Contoso_HR")

    assert users(server, "Contoso_HR", "a-wrong-key").status_code == 401

    assert users(server, "Contoso", endpoint.key).status_code == 200
    assert aliases_of(services.synchronizations.get("Contoso_HR").id) == ["Contoso"]


def test_drop_alias_ends_the_old_url_at_once(
    live: LiveServer, services: bootstrap.Services, endpoint: Endpoint
) -> None:
    server = server_of(live, endpoint)
    rename(services, "Contoso", "Contoso_HR")

    assert services.synchronizations.drop_aliases("Contoso_HR") == ["Contoso"]

    assert users(server, "Contoso", endpoint.key).status_code == 401
    assert [r["reason"] for r in refusals()] == ["old_identifier"]
    assert users(server, "Contoso_HR", endpoint.key).status_code == 200


def test_a_second_rename_keeps_both_old_urls_working(
    live: LiveServer, services: bootstrap.Services, endpoint: Endpoint
) -> None:
    server = server_of(live, endpoint)
    rename(services, "Contoso", "Contoso_HR")
    rename(services, "Contoso_HR", "Contoso_People")

    assert users(server, "Contoso", endpoint.key).status_code == 200
    assert users(server, "Contoso_HR", endpoint.key).status_code == 200
    sync = services.synchronizations.get("Contoso_People")
    assert aliases_of(sync.id) == ["Contoso", "Contoso_HR"]


def test_an_ended_alias_can_be_taken_by_another_synchronization(
    live: LiveServer, services: bootstrap.Services, endpoint: Endpoint
) -> None:
    server = server_of(live, endpoint)
    rename(services, "Contoso", "Contoso_HR")
    services.synchronizations.drop_aliases("Contoso_HR")
    services.synchronizations.create(SyncSettings(name="Contoso", identifier="Contoso"))
    issued = services.synchronizations.issue_key("Contoso", 90)

    assert users(server, "Contoso", issued.key).status_code == 200
    assert users(server, "Contoso", endpoint.key).status_code == 401
    assert refusals()[-1]["reason"] == "wrong_key"


# --- Regenerating a key with a grace period -------------------------------------------------


def test_the_old_key_keeps_working_after_regenerating(
    live: LiveServer, services: bootstrap.Services, endpoint: Endpoint
) -> None:
    server = server_of(live, endpoint)
    services.synchronizations.issue_key("Contoso", 90)

    assert users(server, "Contoso", endpoint.key).status_code == 200
    assert users(server, "Contoso", endpoint.key).status_code == 200
    until = services.synchronizations.previous_key_valid_until(
        services.synchronizations.get("Contoso")
    )
    assert until is not None
    assert timedelta(hours=23) < until - utcnow() <= timedelta(hours=24)


def test_the_old_key_ends_at_the_first_call_with_the_new_key(
    live: LiveServer, services: bootstrap.Services, endpoint: Endpoint
) -> None:
    server = server_of(live, endpoint)
    new = services.synchronizations.issue_key("Contoso", 90)
    assert users(server, "Contoso", endpoint.key).status_code == 200

    assert users(server, "Contoso", new.key).status_code == 200
    assert users(server, "Contoso", new.key).status_code == 200

    assert users(server, "Contoso", endpoint.key).status_code == 401
    assert [r["reason"] for r in refusals()] == ["revoked_key"]
    assert len(events("key.previous_ended")) == 1  # one write, once
    sync = services.synchronizations.get("Contoso")
    assert services.synchronizations.previous_key_valid_until(sync) is None


def test_the_old_key_ends_after_24_hours(
    live: LiveServer, services: bootstrap.Services, endpoint: Endpoint,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    server = server_of(live, endpoint)
    services.synchronizations.issue_key("Contoso", 90)
    later = utcnow() + timedelta(hours=24, minutes=1)
    monkeypatch.setattr(auth, "utcnow", lambda: later)

    assert users(server, "Contoso", endpoint.key).status_code == 401
    assert [r["reason"] for r in refusals()] == ["revoked_key"]


def test_revoke_old_ends_the_old_key_at_once(
    live: LiveServer, services: bootstrap.Services, endpoint: Endpoint
) -> None:
    server = server_of(live, endpoint)
    new = services.synchronizations.issue_key("Contoso", 90, revoke_old=True)

    assert users(server, "Contoso", endpoint.key).status_code == 401
    assert users(server, "Contoso", new.key).status_code == 200
    assert [r["reason"] for r in refusals()] == ["revoked_key"]


def test_a_grace_period_revives_no_expired_key(
    live: LiveServer, services: bootstrap.Services, endpoint: Endpoint
) -> None:
    server = server_of(live, endpoint)
    AccessKey.update(expires_at=utcnow() - timedelta(minutes=1)).execute()
    services.synchronizations.issue_key("Contoso", 90)

    assert users(server, "Contoso", endpoint.key).status_code == 401
    assert [r["reason"] for r in refusals()] == ["revoked_key"]


def test_the_old_key_works_on_the_old_url_after_a_rename_and_a_new_key(
    live: LiveServer, services: bootstrap.Services, endpoint: Endpoint
) -> None:
    server = server_of(live, endpoint)
    rename(services, "Contoso", "Contoso_HR")
    services.synchronizations.issue_key("Contoso_HR", 90)

    assert users(server, "Contoso", endpoint.key).status_code == 200


# --- The hot path -----------------------------------------------------------------------------


def statements(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        r.msg[0]
        for r in caplog.records
        if r.name == "peewee" and isinstance(r.msg, tuple) and isinstance(r.msg[0], str)
    ]


def test_a_call_reads_its_synchronization_in_one_query_and_hands_over_once(
    app: Any, services: bootstrap.Services, endpoint: Endpoint, caplog: pytest.LogCaptureFixture
) -> None:
    rename(services, "Contoso", "Contoso_HR")
    services.synchronizations.issue_key("Contoso_HR", 90)
    new_key = services.synchronizations.issue_key("Contoso_HR", 90).key
    client = testing.TestClient(app)
    headers = {"Authorization": f"Bearer {new_key}"}

    def sent(identifier: str) -> list[str]:
        caplog.clear()
        with caplog.at_level(logging.DEBUG, logger="peewee"):
            answer = client.simulate_get(f"/scim/v2/{identifier}/Users", headers=headers)
        assert answer.status_code == 200
        return statements(caplog)

    def reads(found: list[str]) -> list[str]:
        return [s for s in found if "FROM sync_alias a JOIN synchronization" in s]

    def handovers(found: list[str]) -> list[str]:
        return [s for s in found if s.lstrip().startswith("UPDATE") and "SET ended_at" in s
                or "SET previous_valid_until" in s]  # fmt: skip

    via_alias = sent("Contoso")  # the new key, still on the old URL: the old key's grace ends
    assert len(reads(via_alias)) == 1
    assert ["previous_valid_until" in s for s in handovers(via_alias)] == [True]
    first = sent("Contoso_HR")  # the new URL: the alias ends
    assert len(reads(first)) == 1
    assert ["ended_at" in s for s in handovers(first)] == [True]
    later = sent("Contoso_HR")
    assert (len(reads(later)), handovers(later)) == (1, [])
