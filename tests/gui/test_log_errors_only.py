""" "Errors only" shows the calls that did not get through: refused calls (a warning, SPEC §8.1)
and failed ones (an error), made through the real SCIM app on a real SQLite file."""

from __future__ import annotations

import logging

import pytest
from pytestqt.qtbot import QtBot

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.gui.log_viewer import LogViewer
from sofa_scim_desktop.storage.tables import LogEntry
from tests.conftest import Endpoint
from tests.conftest import ScimClient
from tests.conftest import make_endpoint
from tests.samples import entra_user

ERRORS_ONLY = 3


@pytest.fixture
def endpoint(services: bootstrap.Services) -> Endpoint:
    return make_endpoint(services, welcome_email=True)


@pytest.fixture
def calls(app: object, endpoint: Endpoint) -> None:
    """A created user, a duplicate refused by Sofa (409), a call with a wrong key (401) and a
    user without a work e-mail (a warning that is no call problem).
    """
    scim = ScimClient(app, endpoint)
    assert scim.post("/Users", json=entra_user("jana@contoso.cz")).status_code == 201
    assert scim.post("/Users", json=entra_user("jana@contoso.cz")).status_code == 409
    assert scim.post("/Users", json=entra_user("erin@contoso.cz", emails=[])).status_code == 201
    wrong = {"Authorization": "Bearer not-the-key"}
    assert scim.get("/Users", headers=wrong).status_code == 401


def viewer(qtbot: QtBot, services: bootstrap.Services, endpoint: Endpoint) -> LogViewer:
    widget = LogViewer(services, endpoint.identifier)
    qtbot.addWidget(widget)
    return widget


def events(widget: LogViewer) -> list[str]:
    return [record.event for record in widget.model.records]


def test_errors_only_shows_the_refused_and_the_failed_call(
    qtbot: QtBot, services: bootstrap.Services, endpoint: Endpoint, calls: None
) -> None:
    widget = viewer(qtbot, services, endpoint)
    widget.level.setCurrentIndex(ERRORS_ONLY)
    assert widget.level.currentText() == "Errors only"
    assert events(widget) == ["call.refused", "call.failed"]
    assert widget.count.text() == "2 entries"


def test_warnings_and_errors_also_show_other_warnings(
    qtbot: QtBot, services: bootstrap.Services, endpoint: Endpoint, calls: None
) -> None:
    widget = viewer(qtbot, services, endpoint)
    widget.level.setCurrentIndex(ERRORS_ONLY - 1)
    assert sorted(events(widget)) == ["call.failed", "call.refused", "mail.skipped"]


def test_errors_only_shows_anything_at_error_or_above(
    qtbot: QtBot, services: bootstrap.Services, endpoint: Endpoint, calls: None
) -> None:
    sync_id = services.synchronizations.get(endpoint.identifier).id
    LogEntry.create(sync=sync_id, level=logging.CRITICAL, event="server.stopped", message="Down")
    LogEntry.create(sync=sync_id, level=logging.WARNING, event="other", message="Not shown")
    widget = viewer(qtbot, services, endpoint)
    widget.level.setCurrentIndex(ERRORS_ONLY)
    assert events(widget) == ["server.stopped", "call.refused", "call.failed"]
