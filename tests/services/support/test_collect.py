"""What the bundle takes of a log: the last 7 days, newest first, at most LOG_LIMIT entries
(and says when it cut), its detail masked by field even when it is not JSON."""

from __future__ import annotations

import json
import logging
from datetime import timedelta

import pytest

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.services.support import collect
from sofa_scim_desktop.services.synchronizations import SyncSettings
from sofa_scim_desktop.storage.tables import LogEntry
from sofa_scim_desktop.storage.tables import utcnow


@pytest.fixture
def sync_id(services: bootstrap.Services) -> int:
    row = services.synchronizations.create(SyncSettings("Contoso", "Contoso"))
    now = utcnow()
    for days, message, detail in (
        (8, "User olga.stara@contoso.cz created.", None),
        (2, "User jana@contoso.cz created.", json.dumps({"user_name": "jnovak"})),
        (1, "User jana@contoso.cz updated.", "not JSON: jana@contoso.cz"),
    ):
        LogEntry.create(sync=row.id, at=now - timedelta(days=days), level=logging.INFO,
                        event="user.created", message=message, detail=detail)  # fmt: skip
    return int(row.id)


def test_the_last_seven_days_newest_first(services: bootstrap.Services, sync_id: int) -> None:
    log = collect.Gathering(services).logs()["Contoso"]
    assert log["truncated"] is False
    assert [e["message"] for e in log["entries"]] == [
        "User j***@contoso.cz updated.",
        "User j***@contoso.cz created.",
    ]
    assert [e["detail"] for e in log["entries"]] == ["not JSON: j***@contoso.cz",
                                                     {"user_name": "J."}]  # fmt: skip


def test_a_long_log_is_cut_and_says_so(
    services: bootstrap.Services, sync_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(collect, "LOG_LIMIT", 1)
    log = collect.Gathering(services).logs()["Contoso"]
    assert log["truncated"] is True
    assert [e["message"] for e in log["entries"]] == ["User j***@contoso.cz updated."]
