"""The tray shows the synchronizations' worst health, found by the list's 2 s poll, in the
GUI's language: driven by real calls through the SCIM app on the window's database.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.gui.main_window import MainWindow
from sofa_scim_desktop.gui.tray import BADGE
from sofa_scim_desktop.scim.app import create_app
from tests.conftest import Endpoint
from tests.conftest import ScimClient
from tests.conftest import make_endpoint
from tests.gui.test_tray import badge_colour
from tests.samples import entra_user


@pytest.fixture
def window(qtbot: QtBot, services: bootstrap.Services) -> Iterator[MainWindow]:
    """The app with its server running: the server's own state is "ok"."""
    services.settings.set("server.port", "0")
    services.settings.set("gui.on_close", "quit")
    widget = MainWindow(services)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.server.started):
        widget.server.start()
    yield widget
    widget.server.stop()


def client(services: bootstrap.Services, endpoint: Endpoint) -> ScimClient:
    return ScimClient(create_app(services.db), endpoint)


def refuse(services: bootstrap.Services, name: str = "Northwind") -> None:
    wrong = Endpoint(make_endpoint(services, name).identifier, "the-old-key")
    assert client(services, wrong).get("/Users").status_code == 401


def test_no_synchronization_no_health_line(window: MainWindow) -> None:
    tray = window.background.tray
    assert tray.state == "ok"
    assert not tray.health_action.isVisible()


def test_every_synchronization_well_is_said_once(
    services: bootstrap.Services, endpoint: Endpoint, qtbot: QtBot
) -> None:
    assert client(services, endpoint).get("/Users").status_code == 200
    second = make_endpoint(services, "Adatum")
    assert client(services, second).get("/Users").status_code == 200
    services.settings.set("server.port", "0")
    services.settings.set("gui.on_close", "quit")
    window = MainWindow(services)
    qtbot.addWidget(window)
    tray = window.background.tray
    window.server.start()
    qtbot.waitUntil(lambda: tray.state == "ok", timeout=5000)
    assert tray.health_action.text() == "Every synchronization: Entra's calls are answered."
    window.server.stop()


def test_the_worst_synchronization_is_shown_with_its_sentence(
    qtbot: QtBot, window: MainWindow, services: bootstrap.Services, endpoint: Endpoint
) -> None:
    assert client(services, endpoint).get("/Users").status_code == 200  # Contoso: ok
    refuse(services)
    window.sync_page.refresh()
    tray = window.background.tray
    assert tray.state == "refused"
    text = "Northwind: Entra's calls carry a wrong access key."
    assert tray.health_action.text() == text and tray.health_action.isVisible()
    assert text in tray.icon.toolTip()
    assert badge_colour(tray) == QColor(BADGE["refused"]).name()


def test_the_tray_follows_the_poll(
    qtbot: QtBot, window: MainWindow, services: bootstrap.Services, endpoint: Endpoint
) -> None:
    tray = window.background.tray
    qtbot.waitUntil(lambda: tray.state == "never_called", timeout=5000)
    assert tray.health_action.text().startswith("Contoso: Entra has not called yet.")
    scim = client(services, endpoint)
    assert scim.post("/Users", json=entra_user("dup@contoso.com")).status_code == 201
    for _ in range(3):  # e.g. served by `sofa-scim serve` on the same database
        assert scim.post("/Users", json=entra_user("dup@contoso.com")).status_code == 409
    qtbot.waitUntil(lambda: tray.state == "failing", timeout=5000)
    assert tray.health_action.text() == "Contoso: 3 of 4 calls in the last 24 hours failed."


def test_a_stopped_server_still_outranks_the_synchronizations(
    qtbot: QtBot, window: MainWindow, services: bootstrap.Services
) -> None:
    refuse(services)
    window.sync_page.refresh()
    window.server.stop()
    tray = window.background.tray
    assert tray.state == "stopped"
    assert "Northwind: Entra's calls carry a wrong access key." in tray.icon.toolTip()


def test_the_tray_speaks_czech(
    qtbot: QtBot,
    services: bootstrap.Services,
    czech: None,  # noqa: F811
) -> None:
    refuse(services)
    services.settings.set("server.port", "0")
    services.settings.set("gui.on_close", "quit")
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.server.start()
    tray = window.background.tray
    assert tray.health_action.text() == "Northwind: Volání z Entra nesou chybný přístupový klíč."
    window.server.stop()
