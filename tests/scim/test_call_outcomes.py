"""Every call is seen (SPEC §8.1): refused calls with their reason, folded per minute; calls
Sofa could not apply at level error with what to do; calls to unknown identifiers counted.
Real HTTP to a real Waitress."""

from __future__ import annotations

import json
import logging
from datetime import timedelta
from typing import Any

import pytest
import requests

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.services import refusals
from sofa_scim_desktop.services.refusals import RefusalLog
from sofa_scim_desktop.services.status import snapshot
from sofa_scim_desktop.services.synchronizations import SyncSettings
from sofa_scim_desktop.storage.tables import AccessKey
from sofa_scim_desktop.storage.tables import LogEntry
from sofa_scim_desktop.storage.tables import utcnow
from tests.conftest import Endpoint
from tests.conftest import LiveServer
from tests.samples import entra_user
from tests.samples import patch


def entries(event: str) -> list[tuple[int, str, dict[str, Any]]]:
    rows = LogEntry.select().where(LogEntry.event == event).order_by(LogEntry.id)
    return [(e.level, e.message, json.loads(e.detail or "null")) for e in rows]


def call(live: LiveServer, key: str | None) -> requests.Response:
    headers = {"Authorization": f"Bearer {key}"} if key is not None else {}
    return requests.get(f"{live.url}/Users", headers=headers, timeout=5)


def expire_key(identifier: str) -> None:
    AccessKey.update(expires_at=utcnow() - timedelta(days=1)).execute()


def disable(services: bootstrap.Services, identifier: str) -> None:
    settings = SyncSettings(name="Contoso", identifier=identifier, enabled=False)
    services.synchronizations.update(identifier, settings)


@pytest.mark.parametrize(
    ("reason", "status", "prepare", "presented"),
    [
        ("missing_key", 401, None, None),
        ("wrong_key", 401, None, "not-the-key"),
        ("expired_key", 401, "expire", "KEY"),
        ("revoked_key", 401, "regenerate", "KEY"),
        ("disabled", 403, "disable", "KEY"),
    ],
)
def test_each_refusal_is_logged_with_its_reason_and_fix(
    live: LiveServer, services: bootstrap.Services, endpoint: Endpoint,
    reason: str, status: int, prepare: str | None, presented: str | None,
) -> None:  # fmt: skip
    if prepare == "expire":
        expire_key(endpoint.identifier)
    elif prepare == "regenerate":
        services.synchronizations.issue_key(endpoint.identifier, 90, revoke_old=True)
    elif prepare == "disable":
        disable(services, endpoint.identifier)
    answer = call(live, endpoint.key if presented == "KEY" else presented)

    assert answer.status_code == status
    assert "Sofa refused the call" in answer.json()["detail"]
    [(level, message, detail)] = entries("call.refused")
    assert level == logging.WARNING
    assert message.startswith("Call refused: ")
    assert (detail["reason"], detail["count"], detail["method"]) == (reason, 1, "GET")
    assert detail["path"] == f"/scim/v2/{endpoint.identifier}/Users"
    assert detail["fix"]
    row = services.synchronizations.get(endpoint.identifier)
    assert (row.last_refusal, row.last_success_at) == (reason, None)
    assert row.last_call_at is not None


def test_repeated_refusals_are_one_entry_per_reason_and_minute(
    live: LiveServer, endpoint: Endpoint, monkeypatch: pytest.MonkeyPatch
) -> None:
    # NOTE: the clock stands still mid-minute: on a slow machine ten calls may otherwise
    # straddle a minute boundary, which test_a_new_minute_starts_a_new_entry covers.
    still = utcnow().replace(second=30)
    monkeypatch.setattr(refusals, "utcnow", lambda: still)
    for _ in range(7):
        call(live, "wrong")
    for _ in range(3):
        call(live, None)

    folded = {d["reason"]: (d["count"], m) for _, m, d in entries("call.refused")}
    assert folded["wrong_key"] == (
        7,
        "Call refused (7 calls in this minute): the access key is wrong.",
    )
    assert folded["missing_key"][0] == 3
    assert len(folded) == 2


def test_a_new_minute_starts_a_new_entry(
    services: bootstrap.Services, endpoint: Endpoint, monkeypatch: pytest.MonkeyPatch
) -> None:
    sync_id = services.synchronizations.get(endpoint.identifier).id
    log = RefusalLog()
    start = utcnow().replace(second=10)
    for offset in (0, 20, 70):  # two in one minute, one in the next
        monkeypatch.setattr(refusals, "utcnow", lambda o=offset: start + timedelta(seconds=o))
        log.refused(sync_id, "wrong_key", "GET", "/x", "")
    with services.db.atomic():
        log.flush()

    assert [d["count"] for _, _, d in entries("call.refused")] == [2, 1]


def test_two_server_processes_fold_into_the_same_entry(
    services: bootstrap.Services, endpoint: Endpoint
) -> None:
    """Each RefusalLog stands for one process: the second finds the first one's entry."""
    sync_id = services.synchronizations.get(endpoint.identifier).id
    first, second = RefusalLog(), RefusalLog()
    first.refused(sync_id, "wrong_key", "GET", "/x", "")
    second.refused(sync_id, "wrong_key", "GET", "/x", "")
    second.refused(sync_id, "wrong_key", "GET", "/x", "")
    with services.db.atomic():
        first.flush()
        second.flush()

    assert [d["count"] for _, _, d in entries("call.refused")] == [3]


def test_calls_to_an_unknown_identifier_are_401_and_counted_not_logged(
    live: LiveServer, endpoint: Endpoint
) -> None:
    base = live.url.rsplit("/", 1)[0]
    for typo in ("Contosso", "Contosso", "contoso_hr"):
        answer = requests.get(f"{base}/{typo}/Users", headers=endpoint.headers, timeout=5)
        assert answer.status_code == 401

    state = snapshot()
    assert state["unknown_identifier_calls"] == 3
    assert {u["identifier"]: u["calls"] for u in state["unknown_identifiers"]} == {
        "Contosso": 2,
        "contoso_hr": 1,
    }
    assert LogEntry.select().count() == 0


def test_a_call_sofa_cannot_apply_is_an_error_saying_what_entra_tried(
    live: LiveServer, services: bootstrap.Services
) -> None:
    assert live.session.post(f"{live.url}/Users", json=entra_user()).status_code == 201
    answer = live.session.patch(
        f"{live.url}/Users/no-such-id",
        json=patch({"op": "Replace", "path": "title", "value": "Boss"}),
    )
    assert answer.status_code == 404

    [(level, message, detail)] = entries("call.failed")
    assert level == logging.ERROR
    assert message.startswith("Entra tried to update a user; Sofa could not apply it")
    assert "Restart provisioning" in detail["fix"]
    assert (detail["status"], detail["method"], detail["attempted"]) == (
        404,
        "PATCH",
        "update a user",
    )


@pytest.mark.parametrize("method", ["GET", "DELETE"])
def test_a_404_that_is_an_answer_is_no_failure(live: LiveServer, method: str) -> None:
    """Entra looks users up by id; a DELETE of what is gone leaves it gone."""
    answer = live.session.request(method, f"{live.url}/Users/no-such-id")
    assert answer.status_code == 404
    assert entries("call.failed") == []
