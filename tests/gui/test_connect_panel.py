"""The Connect Entra panel under the synchronization list (SPEC §3, §8.2): the Endpoint URL to
copy, a warning while Entra cannot reach the public base URL (with the way to Settings), the
manual's Entra steps ticked off from real calls, and Check the connection.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.gui import connect_panel
from sofa_scim_desktop.gui.access_dialog import AccessDialog
from sofa_scim_desktop.gui.clipboard import clipboard_text
from sofa_scim_desktop.gui.connection_check_view import ConnectionCheckDialog
from sofa_scim_desktop.gui.main_window import SETTINGS_PAGE
from sofa_scim_desktop.gui.main_window import MainWindow
from sofa_scim_desktop.gui.sync_page import SyncPage
from sofa_scim_desktop.scim.app import create_app
from sofa_scim_desktop.services.synchronizations import SyncSettings
from tests.conftest import Endpoint
from tests.conftest import ScimClient
from tests.samples import entra_group
from tests.samples import entra_user

LEFT = Qt.MouseButton.LeftButton
PUBLIC = "https://sofa.contoso.com"


@pytest.fixture
def selected(page: Callable[[], SyncPage], endpoint: Endpoint) -> Callable[[], SyncPage]:
    """The page with the endpoint's synchronization selected."""

    def build() -> SyncPage:
        view = page()
        view.select(endpoint.identifier)
        return view

    return build


@pytest.fixture
def window(qtbot: QtBot, services: bootstrap.Services) -> Iterator[MainWindow]:
    services.settings.set("server.port", "0")
    widget = MainWindow(services)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    yield widget
    widget.server.stop()


def test_without_a_selection_it_says_what_to_do(
    page: Callable[[], SyncPage], make_sync: Callable[..., str]
) -> None:
    make_sync()
    panel = page().panel
    assert panel.isVisible()
    assert panel.hint.isVisible() and not panel.body.isVisible()
    assert panel.hint.text() == "Select a synchronization to connect it with Entra."


def test_without_synchronizations_there_is_no_panel(page: Callable[[], SyncPage]) -> None:
    view = page()
    assert view.empty_hint.isVisible() and not view.panel.isVisible()


def test_the_endpoint_url_is_always_shown_read_only(
    selected: Callable[[], SyncPage], services: bootstrap.Services, endpoint: Endpoint
) -> None:
    services.settings.set("public_base_url", PUBLIC)
    panel = selected().panel
    assert panel.title() == "Connect Entra – Contoso"
    assert panel.url.text() == f"{PUBLIC}/scim/v2/{endpoint.identifier}"
    assert panel.url.isReadOnly() and panel.url.isVisible()


def test_copy_puts_the_url_on_the_clipboard_and_says_so(
    qtbot: QtBot,
    selected: Callable[[], SyncPage],
    services: bootstrap.Services,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    services.settings.set("public_base_url", PUBLIC)
    monkeypatch.setattr(connect_panel, "COPIED_MS", 50)
    panel = selected().panel
    qtbot.mouseClick(panel.copy_button, LEFT)
    assert clipboard_text() == panel.url.text()
    assert panel.copy_button.text() == "Copied"
    qtbot.waitUntil(lambda: panel.copy_button.text() == "Copy", timeout=2000)


def test_another_selection_shows_its_own_url(
    selected: Callable[[], SyncPage], make_sync: Callable[..., str]
) -> None:
    make_sync("Adatum")
    view = selected()
    view.refresh()
    view.select("Adatum")
    assert view.panel.url.text().endswith("/scim/v2/Adatum")
    view.table.clearSelection()
    assert view.panel.hint.isVisible()


@pytest.mark.parametrize(
    ("base", "why"),
    [
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080 is not an HTTPS address"),
        ("http://127.0.0.1:8080", "127.0.0.1 is this computer"),
        ("https://localhost:8443", "localhost is this computer"),
        ("https://192.168.1.20", "192.168.1.20 is a private or local-network address"),
        ("https://169.254.0.9", "169.254.0.9 is a private or local-network address"),
        ("https://sofa.local", "sofa.local is a private or local-network address"),
        ("https://sofa", "sofa is a name without a domain"),
    ],
)
def test_a_url_entra_cannot_reach_is_warned_about_with_the_fix(
    selected: Callable[[], SyncPage], services: bootstrap.Services, base: str, why: str
) -> None:
    services.settings.set("public_base_url", base)
    warning = selected().panel.warning
    assert warning.isVisible()
    text = warning.text.text()
    assert text.startswith("Entra cannot reach this Endpoint URL:")
    assert why in text
    assert "Fix: set the public base URL in Settings to the public HTTPS address" in text
    assert warning.settings_button.text() == "Change it in Settings…"


def test_a_public_https_url_has_no_warning(
    selected: Callable[[], SyncPage], services: bootstrap.Services
) -> None:
    services.settings.set("public_base_url", PUBLIC)
    assert not selected().panel.warning.isVisible()


def test_the_warning_goes_once_the_url_is_fixed(
    qtbot: QtBot, selected: Callable[[], SyncPage], services: bootstrap.Services
) -> None:
    view = selected()
    assert view.panel.warning.isVisible()  # the default, http://127.0.0.1:8080
    services.settings.set("public_base_url", PUBLIC)  # e.g. `sofa-scim settings set`
    qtbot.waitUntil(lambda: not view.panel.warning.isVisible(), timeout=5000)
    assert view.panel.url.text().startswith(PUBLIC)


def test_the_warning_opens_settings_at_the_public_base_url(
    qtbot: QtBot, window: MainWindow, endpoint: Endpoint
) -> None:
    window.activateWindow()
    page = window.sync_page
    page.refresh()
    page.select(endpoint.identifier)
    qtbot.mouseClick(page.panel.warning.settings_button, LEFT)
    assert window.pages.currentIndex() == SETTINGS_PAGE
    field = window.settings_page.public_base_url
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field, timeout=2000)
    assert field.selectedText() == "http://127.0.0.1:8080"  # to be typed over


def test_settings_show_the_stored_url_unless_the_admin_typed_one(
    window: MainWindow, endpoint: Endpoint, services: bootstrap.Services
) -> None:
    services.settings.set("public_base_url", "http://sofa:8080")  # e.g. by sofa-scim
    window.open_public_base_url()
    field = window.settings_page.public_base_url
    assert field.text() == "http://sofa:8080"
    field.setText("https://typed.contoso.com")  # not saved yet
    window.show_page(0)
    window.open_public_base_url()
    assert field.text() == "https://typed.contoso.com"


def test_a_saved_url_shows_in_the_panel_at_once(
    qtbot: QtBot, window: MainWindow, endpoint: Endpoint
) -> None:
    page = window.sync_page
    page.refresh()  # the window was made before the synchronization
    page.select(endpoint.identifier)
    settings = window.settings_page
    settings.public_base_url.setText(PUBLIC)
    assert settings.save()
    assert page.panel.url.text() == f"{PUBLIC}/scim/v2/{endpoint.identifier}"
    assert not page.panel.warning.isVisible()


def done(view: SyncPage) -> list[str]:
    return [step for step, ticked in view.panel.checklist.done.items() if ticked]


def test_the_checklist_ticks_itself_off_as_entra_connects(
    selected: Callable[[], SyncPage], scim: ScimClient
) -> None:
    view = selected()
    checklist = view.panel.checklist
    assert done(view) == ["key"]  # the endpoint fixture made a key
    assert checklist.details["key"].text().startswith("The key is valid until ")
    assert checklist.details["test"].text() == "In Entra: Provisioning → Test connection."

    # Entra's Test connection: a filter on a user name that does not exist.
    assert scim.get("/Users", params={"filter": 'userName eq "test-0e8d"'}).status_code == 200
    view.refresh()
    assert done(view) == ["key", "test"]  # a lookup is no provisioning cycle
    assert checklist.details["test"].text() == "A call with the key arrived just now."
    assert checklist.details["cycle"].text() == (
        "Last call just now. No cycle has provisioned anything yet."
    )

    assert scim.post("/Users", json=entra_user("alice@contoso.com")).status_code == 201
    view.refresh()
    assert done(view) == ["key", "test", "user", "cycle"]
    assert checklist.details["user"].text() == "Users provisioned: 1"
    assert checklist.details["cycle"].text() == "Last call just now."

    assert scim.post("/Groups", json=entra_group("Accounting")).status_code == 201
    view.refresh()
    assert done(view) == ["key", "test", "user", "group", "cycle"]
    assert checklist.details["group"].text() == "Groups provisioned: 1"


def test_refused_calls_do_not_tick_the_test_connection(
    selected: Callable[[], SyncPage], scim: ScimClient
) -> None:
    assert scim.get("/Users", headers={"Authorization": "Bearer pasted-wrong"}).status_code == 401
    view = selected()
    assert done(view) == ["key"]
    assert "without the right key" in view.panel.checklist.details["test"].text()


def test_without_a_key_the_first_step_says_where_to_make_one(
    page: Callable[[], SyncPage], make_sync: Callable[..., str]
) -> None:
    make_sync()
    view = page()
    view.select("Contoso")
    assert done(view) == []
    assert "Access details" in view.panel.checklist.details["key"].text()


def test_check_the_connection_opens_the_check_for_this_synchronization(
    qtbot: QtBot, selected: Callable[[], SyncPage], monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []

    def show_for(cls: Any, services: Any, identifier: str, local_url: Any, parent: Any) -> None:
        opened.append(identifier)

    monkeypatch.setattr(ConnectionCheckDialog, "show_for", classmethod(show_for))
    view = selected()
    qtbot.mouseClick(view.panel.check_button, LEFT)
    assert opened == ["Contoso"]


def test_access_details_warns_too_and_leads_to_settings(
    qtbot: QtBot, services: bootstrap.Services, endpoint: Endpoint
) -> None:
    dialog = AccessDialog(services, endpoint.identifier)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.url_warning.isVisible()
    assert "127.0.0.1 is this computer" in dialog.url_warning.text.text()
    qtbot.mouseClick(dialog.url_warning.settings_button, LEFT)
    assert dialog.settings_wanted and not dialog.isVisible()


def test_access_details_does_not_warn_for_a_public_address(
    qtbot: QtBot, services: bootstrap.Services, endpoint: Endpoint
) -> None:
    services.settings.set("public_base_url", PUBLIC)
    dialog = AccessDialog(services, endpoint.identifier)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.url_warning.isVisible()


def test_access_details_asking_for_settings_opens_them(
    window: MainWindow, endpoint: Endpoint, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(AccessDialog, "show_for", classmethod(lambda cls, s, i, p: True))
    page = window.sync_page
    page.refresh()
    page.select(endpoint.identifier)
    page.access_action.trigger()
    assert window.pages.currentIndex() == SETTINGS_PAGE


def test_the_panel_tells_the_health_and_its_fix(
    selected: Callable[[], SyncPage], scim: ScimClient
) -> None:
    assert scim.get("/Users", headers={"Authorization": "Bearer pasted-wrong"}).status_code == 401
    panel = selected().panel
    assert panel.health.text() == (
        "Entra's calls carry a wrong access key. Refused in the last 24 hours: 1.\n"
        "Fix: Generate a key in Access details and paste it into Secret Token in Entra "
        "(Provisioning → Admin Credentials)."
    )
    assert panel.health_icon.pixmap() is not None and not panel.health_icon.pixmap().isNull()


def test_the_last_failure_is_only_in_the_panels_tooltip(
    selected: Callable[[], SyncPage], scim: ScimClient
) -> None:
    assert scim.post("/Users", json=entra_user("dup@contoso.com")).status_code == 201
    for _ in range(3):
        assert scim.post("/Users", json=entra_user("dup@contoso.com")).status_code == 409
    panel = selected().panel
    assert panel.health.text().startswith("3 of 4 calls in the last 24 hours failed.")
    assert "dup@contoso.com" not in panel.health.text()
    assert "Last failure: " in panel.health.toolTip()


def mixed_health(services: bootstrap.Services) -> str:
    """Five synchronizations, the widest words of the list among them; returns the one
    whose panel is tallest (failing, behind an address Entra cannot reach).
    """
    make = services.synchronizations
    app = create_app(services.db)
    for name, identifier in (
        ("Adatum pilot", "Adatum"),
        ("Contoso – Entra ID", "Contoso"),
        ("Fabrikam test", "Fabrikam"),
        ("Northwind", "Northwind"),
        ("Účetní oddělení", "Ucetni"),
    ):
        make.create(SyncSettings(name=name, identifier=identifier, description="Pilot tenant"))
    keys = {i: make.issue_key(i, 365).key for i in ("Contoso", "Northwind", "Ucetni")}
    client = ScimClient(app, Endpoint("Ucetni", keys["Ucetni"]))
    assert client.post("/Users", json=entra_user("dup@contoso.com")).status_code == 201
    for _ in range(12):
        assert client.get("/Users", headers={"Authorization": "Bearer old"}).status_code == 401
    time.sleep(0.01)  # times are kept to the millisecond: the success comes after
    assert client.get("/Users").status_code == 200  # the right key again
    for _ in range(12):
        assert client.post("/Users", json=entra_user("dup@contoso.com")).status_code == 409
    refused = ScimClient(app, Endpoint("Northwind", "wrong"))
    for _ in range(120):
        assert refused.get("/Users").status_code == 401
    disabled = SyncSettings(name="Fabrikam test", identifier="Fabrikam", enabled=False)
    make.update("Fabrikam", disabled)
    services.settings.set("public_base_url", "http://sofa:8080")
    return "Ucetni"


@pytest.mark.parametrize("language", ["en", "cs"])
def test_list_and_panel_fit_a_1100_by_700_window(
    qtbot: QtBot, request: pytest.FixtureRequest, services: bootstrap.Services, language: str
) -> None:
    if language == "cs":
        request.getfixturevalue("czech")
    tallest = mixed_health(services)
    services.settings.set("server.port", "0")
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.resize(1100, 700)
    window.show()
    page = window.sync_page
    page.select(tallest)
    qtbot.wait(50)  # the layout settles
    assert page.selected().health.state == "failing"
    panel = page.panel
    assert panel.warning.isVisible()
    assert panel.height() >= panel.minimumSizeHint().height()
    assert panel.geometry().bottom() <= page.height()
    table = page.table
    assert table.horizontalScrollBar().maximum() == 0  # every column in sight
    rows = table.rowHeight(0) * page.model.rowCount()
    assert table.viewport().height() >= rows  # every synchronization in sight
    labels = [*panel.checklist.details.values(), panel.health, panel.warning.text]
    for label in labels:  # no text cut off
        assert label.height() >= label.heightForWidth(label.width()), label.text()
    window.server.stop()
