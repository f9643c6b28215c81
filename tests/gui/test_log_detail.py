"""Selecting a log entry shows its detail: for a call logged at Debug, the request as Entra sent
it, the operations as Sofa understood them and the change in Sofa, side by side within the
viewer's default size; for any other entry, what happened beside the detail as recorded.
Real SCIM calls on a real SQLite file."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.gui.log_detail import CALL_PAGE
from sofa_scim_desktop.gui.log_detail import ENTRY_PAGE
from sofa_scim_desktop.gui.log_viewer import LogViewer
from sofa_scim_desktop.storage.tables import Synchronization
from tests.conftest import Endpoint
from tests.conftest import ScimClient
from tests.samples import entra_user
from tests.samples import patch

TITLES = {
    "en": [
        "Request as Entra sent it",
        "Operations as Sofa understood them",
        "Change in Sofa",
    ],
    "cs": [
        "Požadavek, jak ho Entra poslala",
        "Operace, jak jim Sofa porozuměla",
        "Změna v Sofa",
    ],
}
CHANGE = {
    "en": ("User disabled", "• account deactivated", "• job “Accountant” → “Auditor”", "200"),
    "cs": (
        "Uživatel deaktivován",
        "• účet deaktivován",
        "• pracovní pozice „Accountant“ → „Auditor“",
        "200",
    ),
}


@pytest.fixture
def debug_sync(endpoint: Endpoint) -> None:
    Synchronization.update(log_level="debug").execute()


@pytest.fixture
def open_viewer(
    qtbot: QtBot, services: bootstrap.Services, endpoint: Endpoint
) -> Callable[[str], LogViewer]:
    """The viewer at its default size, showing the newest entry of `event`."""

    def build(event: str) -> LogViewer:
        viewer = LogViewer(services, endpoint.identifier)
        qtbot.addWidget(viewer)
        viewer.show()
        qtbot.waitExposed(viewer)
        row = next(i for i, r in enumerate(viewer.model.records) if r.event == event)
        viewer.table.selectRow(row)
        return viewer

    return build


def disabled_with_entras_forms(scim: ScimClient) -> None:
    """Entra's PATCH: a capitalised op, no path, a string boolean."""
    user = scim.post("/Users", json=entra_user("jana@contoso.cz")).json["id"]
    sent = patch({"op": "Replace", "value": {"active": "False", "title": "Auditor"}})
    assert scim.patch(f"/Users/{user}", json=sent).status_code == 200


def titles(viewer: LogViewer) -> list[str]:
    """The panes' titles, left to right."""
    labels = viewer.detail.widget(CALL_PAGE).findChildren(QLabel)
    labels.sort(key=lambda label: label.mapTo(viewer, label.rect().topLeft()).x())
    return [label.text().removeprefix("<b>").removesuffix("</b>") for label in labels]


def test_a_call_shows_the_request_the_understood_operations_and_the_change(
    scim: ScimClient, endpoint: Endpoint, debug_sync: None,
    open_viewer: Callable[[str], LogViewer], language: str,
) -> None:  # fmt: skip
    disabled_with_entras_forms(scim)
    viewer = open_viewer("call")
    detail = viewer.detail
    assert detail.currentIndex() == CALL_PAGE
    assert titles(viewer) == TITLES[language]

    request = detail.request.toPlainText()
    assert request.startswith(f"PATCH /scim/v2/{endpoint.identifier}/Users/")
    assert '"op": "Replace"' in request and '"active": "False"' in request
    understood = detail.understood.toPlainText()
    assert '"op": "replace"' in understood
    assert '"path": "active",\n    "value": false' in understood
    change = detail.change.toPlainText()
    assert all(text in change for text in CHANGE[language])
    assert endpoint.key not in request + understood + change


def test_the_three_panes_stand_side_by_side_within_the_default_size(
    scim: ScimClient, debug_sync: None, open_viewer: Callable[[str], LogViewer]
) -> None:
    disabled_with_entras_forms(scim)
    viewer = open_viewer("call")
    panes = [viewer.detail.request, viewer.detail.understood, viewer.detail.change]
    lefts = [pane.mapTo(viewer, pane.rect().topLeft()).x() for pane in panes]
    rights = [pane.mapTo(viewer, pane.rect().topRight()).x() for pane in panes]
    assert lefts == sorted(lefts)
    assert all(pane.width() >= 250 and pane.height() >= 150 for pane in panes)
    assert max(rights) <= viewer.width()


def test_a_failed_call_changed_nothing_and_says_what_sofa_answered(
    scim: ScimClient, debug_sync: None, open_viewer: Callable[[str], LogViewer]
) -> None:
    scim.post("/Users", json=entra_user("jana@contoso.cz"))
    assert scim.post("/Users", json=entra_user("jana@contoso.cz")).status_code == 409
    viewer = open_viewer("call")
    change = viewer.detail.change.toPlainText()
    assert change.startswith("Nothing changed in Sofa.\nSofa answered 409")
    assert "already exists" in change


def test_a_delete_has_nothing_to_understand(
    scim: ScimClient, debug_sync: None, open_viewer: Callable[[str], LogViewer]
) -> None:
    user = scim.post("/Users", json=entra_user("jana@contoso.cz")).json["id"]
    assert scim.delete(f"/Users/{user}").status_code == 204
    viewer = open_viewer("call")
    assert viewer.detail.request.toPlainText().endswith("(no body)")
    assert viewer.detail.understood.toPlainText() == "Nothing to apply: the call sent no body."
    assert "User jana@contoso.cz deleted" in viewer.detail.change.toPlainText()


def test_another_entry_shows_what_happened_beside_the_recorded_detail(
    scim: ScimClient, open_viewer: Callable[[str], LogViewer]
) -> None:
    disabled_with_entras_forms(scim)
    viewer = open_viewer("user.disabled")
    assert viewer.detail.currentIndex() == ENTRY_PAGE
    assert viewer.detail.what.toPlainText() == (
        "jana@contoso.cz\n• account deactivated\n• job “Accountant” → “Auditor”"
    )
    assert '"field": "active"' in viewer.detail.recorded.toPlainText()


def test_nothing_selected_shows_the_hint(
    open_viewer: Callable[[str], LogViewer], scim: ScimClient
) -> None:
    disabled_with_entras_forms(scim)
    viewer = open_viewer("user.created")
    viewer.table.clearSelection()
    assert viewer.detail.currentIndex() == ENTRY_PAGE
    assert viewer.detail.what.toPlainText() == ""
    assert viewer.detail.what.placeholderText() == "Select an entry to see its details."
