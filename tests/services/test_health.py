"""Each synchronization's health (SPEC §8.1), driven by real calls through the SCIM app."""

from __future__ import annotations

from datetime import datetime
from datetime import timedelta
from typing import Any

import pytest

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.services.health import CallFigures
from sofa_scim_desktop.services.health import health_of
from sofa_scim_desktop.services.synchronizations import SyncSettings
from sofa_scim_desktop.services.synchronizations import overview
from sofa_scim_desktop.storage.tables import CallCount
from sofa_scim_desktop.storage.tables import Synchronization
from sofa_scim_desktop.storage.tables import utcnow
from tests.conftest import Endpoint
from tests.conftest import ScimClient
from tests.samples import entra_user


def health(services: bootstrap.Services) -> tuple[str, str, Any]:
    [summary] = overview()
    return summary.health.state, summary.health.reason, summary.figures


def lookup(scim: ScimClient, key: str | None = None) -> int:
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    return scim.get("/Users", params={"filter": 'userName eq "x"'}, headers=headers).status_code


def test_never_called_says_what_to_paste_into_entra(
    services: bootstrap.Services, scim: ScimClient
) -> None:
    state, reason, _ = health(services)
    assert state == "never_called"
    assert "Test Connection" in reason


def test_answered_calls_are_ok_with_the_last_success(
    services: bootstrap.Services, scim: ScimClient
) -> None:
    assert lookup(scim) == 200
    state, _, figures = health(services)
    assert state == "ok"
    assert (figures.calls_24h, figures.failed_24h, figures.refused_24h) == (1, 0, 0)
    assert figures.last_success is not None


def test_failing_calls_warn_of_quarantine_with_the_last_failure(
    services: bootstrap.Services, scim: ScimClient
) -> None:
    assert scim.post("/Users", json=entra_user("dup@contoso.com")).status_code == 201
    for _ in range(3):
        assert scim.post("/Users", json=entra_user("dup@contoso.com")).status_code == 409

    state, reason, figures = health(services)
    assert state == "failing"
    assert (figures.calls_24h, figures.failed_24h) == (4, 3)
    assert reason.startswith("3 of 4 calls in the last 24 hours failed; Entra will put the job")
    assert "dup@contoso.com" in reason  # the last failure, as Entra was told


def test_a_failure_now_and_then_is_still_ok_but_counted(
    services: bootstrap.Services, scim: ScimClient
) -> None:
    assert scim.post("/Users", json=entra_user("dup@contoso.com")).status_code == 201
    assert scim.post("/Users", json=entra_user("dup@contoso.com")).status_code == 409
    for _ in range(8):
        assert lookup(scim) == 200
    state, reason, _ = health(services)
    assert (state, reason) == (
        "ok",
        "Entra's calls are answered; 1 failed in the last 24 hours (see the log).",
    )


def test_refused_calls_say_why_until_a_call_succeeds(
    services: bootstrap.Services, scim: ScimClient, endpoint: Endpoint
) -> None:
    assert lookup(scim) == 200
    assert lookup(scim, "stale-key") == 401
    state, reason, figures = health(services)
    assert state == "refused"
    assert "the access key is wrong" in reason
    assert figures.refused_24h == 1

    assert lookup(scim) == 200  # the admin pasted the right key
    assert health(services)[0] == "ok"


def test_silent_after_a_day_without_calls(services: bootstrap.Services, scim: ScimClient) -> None:
    assert lookup(scim) == 200
    day_ago = utcnow() - timedelta(hours=26)
    Synchronization.update(last_call_at=day_ago, last_success_at=day_ago).execute()
    CallCount.update(hour=day_ago.replace(minute=0, second=0, microsecond=0)).execute()

    state, reason, figures = health(services)
    assert state == "silent"
    assert "has not called for 26 hours" in reason
    assert figures.calls_24h == 0


def test_disabled_wins_over_everything(
    services: bootstrap.Services, scim: ScimClient, endpoint: Endpoint
) -> None:
    assert lookup(scim) == 200
    services.synchronizations.update(
        endpoint.identifier,
        SyncSettings(name="Contoso", identifier=endpoint.identifier, enabled=False),
    )
    assert lookup(scim) == 403
    assert health(services)[0] == "disabled"


NOW = datetime(2026, 12, 1, 12, 0)


def figures(calls: int, failed: int, refused: int = 0) -> CallFigures:
    return CallFigures(True, NOW, NOW, NOW, "x", None, None, calls, failed, refused)


@pytest.mark.parametrize(
    ("calls", "failed", "refused", "state"),
    [
        (100, 1, 0, "ok"),  # one failure is news, not a trend
        (8, 2, 0, "failing"),  # a quarter
        (9, 2, 0, "ok"),  # under a quarter
        (12, 2, 4, "failing"),  # refusals are not calls Sofa could apply
    ],
)
def test_failing_starts_at_a_quarter_of_the_applied_calls(
    calls: int, failed: int, refused: int, state: str
) -> None:
    assert health_of(figures(calls, failed, refused), NOW).state == state
