"""The tray icon: the server's address, health at a glance (the worst state wins), the menu."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor
from PySide6.QtGui import QIcon
from pytestqt.qtbot import QtBot

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.gui.app import icon_path
from sofa_scim_desktop.gui.server_control import ServerControl
from sofa_scim_desktop.gui.tray import BADGE
from sofa_scim_desktop.gui.tray import ICON_SIZE
from sofa_scim_desktop.gui.tray import ServerTray
from sofa_scim_desktop.gui.tray import worst

HEALTH = ("never_called", "ok", "failing", "refused", "silent", "disabled")


@pytest.fixture
def server(qtbot: QtBot, services: bootstrap.Services) -> Iterator[ServerControl]:
    services.settings.set("server.port", "0")
    control = ServerControl(services)
    yield control
    control.stop()


@pytest.fixture
def tray(server: ServerControl) -> ServerTray:
    return ServerTray(server, QIcon(str(icon_path())))


def badge_colour(tray: ServerTray) -> str:
    """The colour at the centre of the badge, as the admin sees it in the panel."""
    image = tray.icon.icon().pixmap(ICON_SIZE, ICON_SIZE).toImage()
    centre = int(ICON_SIZE * 0.52 + 14)
    return image.pixelColor(centre, centre).name()


def test_the_menu_opens_shows_the_address_and_quits(
    tray: ServerTray, server: ServerControl
) -> None:
    server.start()
    texts = [action.text() for action in tray.menu.actions() if action.isVisible()]
    assert texts == [
        "Open Sofa SCIM Desktop",
        f"Serving on {server.url}",
        "",
        "Quit and stop the server",
    ]
    assert tray.menu.defaultAction() is tray.open_action
    assert not tray.address_action.isEnabled()  # information, not a command


def test_a_running_server_is_green(tray: ServerTray, server: ServerControl) -> None:
    server.start()
    assert tray.state == "ok"
    assert badge_colour(tray) == QColor(BADGE["ok"]).name()
    assert tray.icon.toolTip() == f"Sofa SCIM Desktop\nServing on {server.url}"


def test_a_stopped_server_is_red_and_says_why(tray: ServerTray, server: ServerControl) -> None:
    server.start()
    server.stop()
    assert tray.state == "stopped"
    assert badge_colour(tray) == QColor(BADGE["stopped"]).name()
    assert "Entra's provisioning calls fail" in tray.icon.toolTip()
    assert tray.address_action.text() == "SCIM server stopped"


def test_a_failed_start_shows_the_reason(tray: ServerTray, server: ServerControl) -> None:
    server.failed.emit("Port 8080 is in use; the SCIM server is not running.")
    assert tray.state == "stopped"
    assert "Port 8080 is in use" in tray.icon.toolTip()
    assert tray.health_action.text() == "Port 8080 is in use; the SCIM server is not running."


@pytest.mark.parametrize("state", HEALTH)
def test_the_synchronizations_health_shows_while_the_server_runs(
    tray: ServerTray, server: ServerControl, state: str
) -> None:
    server.start()
    tray.show_health(state, f"Contoso: {state}.")
    assert tray.state == state
    assert badge_colour(tray) == QColor(BADGE[state]).name()
    assert tray.icon.toolTip().endswith(f"Contoso: {state}.")
    assert tray.health_action.text() == f"Contoso: {state}." and tray.health_action.isVisible()


def test_a_stopped_server_outranks_any_synchronization(
    tray: ServerTray, server: ServerControl
) -> None:
    tray.show_health("failing", "Contoso: most calls fail.")
    assert tray.state == "stopped"
    assert "Contoso: most calls fail." in tray.icon.toolTip()  # both are told


def test_no_health_line_until_health_is_known(tray: ServerTray, server: ServerControl) -> None:
    server.start()
    assert not tray.health_action.isVisible()


def test_worst_picks_the_state_that_needs_the_admin_most() -> None:
    states = [("ok", ""), ("silent", "B: quiet for 24 h."), ("refused", "A: wrong key.")]
    assert worst(states) == ("refused", "A: wrong key.")
    assert worst([("never_called", "x"), ("disabled", "y")]) == ("never_called", "x")
    assert worst([]) == ("ok", "")


def test_an_unknown_state_is_refused(tray: ServerTray) -> None:
    with pytest.raises(ValueError, match="unknown health state 'bad'"):
        tray.show_health("bad", "")
