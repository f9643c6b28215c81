"""The main window: navigation, the embedded server's status, busy port, live list updates."""

from __future__ import annotations

import socket
from collections.abc import Callable
from collections.abc import Iterator
from typing import Any

import pytest
import requests
from pytestqt.qtbot import QtBot

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.gui.app import application
from sofa_scim_desktop.gui.app import icon_path
from sofa_scim_desktop.gui.main_window import DIRECTORY_PAGE
from sofa_scim_desktop.gui.main_window import OUTBOX_PAGE
from sofa_scim_desktop.gui.main_window import SETTINGS_PAGE
from sofa_scim_desktop.gui.main_window import SYNC_PAGE
from sofa_scim_desktop.gui.main_window import MainWindow
from sofa_scim_desktop.gui.port_dialog import BusyPortDialog
from sofa_scim_desktop.gui.sync_model import LAST_CALL
from sofa_scim_desktop.gui.sync_model import USERS
from tests.samples import entra_user


@pytest.fixture
def busy_port() -> Iterator[int]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield sock.getsockname()[1]


def test_navigation_shows_each_page(window: MainWindow) -> None:
    assert window.pages.currentIndex() == SYNC_PAGE
    assert window.navigation.currentItem().text(0) == "User synchronization"
    assert window.navigation.currentItem().parent().text(0) == "Sofa 365 Bridge"
    window.show_page(DIRECTORY_PAGE)
    assert window.pages.currentIndex() == DIRECTORY_PAGE
    window.show_page(SETTINGS_PAGE)
    assert window.pages.currentIndex() == SETTINGS_PAGE


def test_status_bar_shows_where_the_server_listens(qtbot: QtBot, window: MainWindow) -> None:
    assert window.server_status.text() == "SCIM server stopped"
    with qtbot.waitSignal(window.server.started) as started:
        window.server.start()
    assert started.args[0].startswith("http://127.0.0.1:")
    assert window.server_status.text() == f"SCIM server running on {started.args[0]}"


def test_the_list_updates_when_entra_calls(
    qtbot: QtBot, window: MainWindow, services: bootstrap.Services, make_sync: Callable[..., str]
) -> None:
    make_sync("Contoso")
    key = services.synchronizations.issue_key("Contoso", 365).key
    window.server.start()
    page = window.sync_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    answer = requests.post(
        f"{window.server.url}/scim/v2/Contoso/Users",
        json=entra_user("alice@contoso.com"),
        headers={"Authorization": f"Bearer {key}", "Content-Type": "application/scim+json"},
        timeout=10,
    )
    assert answer.status_code == 201, answer.text

    def shown(column: int) -> Any:
        return page.model.data(page.model.index(0, column))

    qtbot.waitUntil(lambda: shown(USERS) == "1" and shown(LAST_CALL) != "Never", timeout=6000)


def test_a_busy_port_offers_another_one(
    qtbot: QtBot,
    window: MainWindow,
    services: bootstrap.Services,
    busy_port: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    services.settings.set("server.port", str(busy_port))
    asked: list[tuple[str, int]] = []

    def ask(cls: Any, host: str, port: int, reason: str, parent: Any) -> tuple[int, bool]:
        asked.append((host, port))
        return 0, False

    monkeypatch.setattr(BusyPortDialog, "ask", classmethod(ask))
    assert window.server.start()
    assert asked == [("127.0.0.1", busy_port)]
    assert window.server.url and not window.server.url.endswith(f":{busy_port}")
    assert services.settings.get("server.port") == str(busy_port)  # not asked to save


def test_a_busy_port_saves_the_chosen_port_when_asked(
    window: MainWindow,
    services: bootstrap.Services,
    busy_port: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    services.settings.set("server.port", str(busy_port))
    with socket.socket() as probe:  # a free port to choose
        probe.bind(("127.0.0.1", 0))
        free = probe.getsockname()[1]
    monkeypatch.setattr(BusyPortDialog, "ask", classmethod(lambda c, h, p, r, w: (free, True)))
    assert window.server.start()
    assert window.server.url.endswith(f":{free}")
    assert services.settings.get("server.port") == str(free)


def test_running_without_the_server_says_so(
    window: MainWindow,
    services: bootstrap.Services,
    busy_port: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    services.settings.set("server.port", str(busy_port))
    monkeypatch.setattr(BusyPortDialog, "ask", classmethod(lambda *args: None))
    assert not window.server.start()
    assert window.server_status.text() == (
        f"Port {busy_port} is in use; the SCIM server is not running."
    )


def test_the_busy_port_dialog_names_the_port(qtbot: QtBot) -> None:
    dialog = BusyPortDialog("127.0.0.1", 8080, "Address already in use")
    qtbot.addWidget(dialog)
    assert "Port 8080 on 127.0.0.1 is already in use" in dialog.message.text()
    assert "Address already in use" in dialog.message.text()
    assert dialog.port.value() == 8081  # a likely free neighbour, ready to accept
    assert dialog.remember.isChecked()


def test_restart_server_uses_the_new_settings(
    qtbot: QtBot, window: MainWindow, services: bootstrap.Services
) -> None:
    window.server.start()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        free = probe.getsockname()[1]
    services.settings.set("server.port", str(free))
    window.restart_server()
    assert window.server_status.text() == f"SCIM server running on http://127.0.0.1:{free}"


def test_saving_a_new_port_in_settings_restarts_the_server(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.server.start()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        free = probe.getsockname()[1]
    window.show_page(SETTINGS_PAGE)
    window.settings_page.port.setText(str(free))
    with qtbot.waitSignal(window.server.started) as started:
        window.settings_page.save()
    assert started.args[0] == f"http://127.0.0.1:{free}"
    assert window.server_status.text() == f"SCIM server running on http://127.0.0.1:{free}"


def test_the_directory_page_is_the_real_one(window: MainWindow) -> None:
    window.show_page(DIRECTORY_PAGE)
    assert window.pages.currentWidget() is window.directory_page
    assert [window.directory_page.tabs.tabText(i) for i in range(3)] == [
        "Users",
        "Groups",
        "Roles",
    ]


def test_closing_the_window_stops_the_server(window: MainWindow, services: Any) -> None:
    services.settings.set("gui.on_close", "quit")  # test_background.py: the other choices
    window.server.start()
    url = window.server.url
    window.close()
    assert window.server.url is None
    with pytest.raises(requests.ConnectionError):
        requests.get(f"{url}/scim/v2/x/Users", timeout=2)


def test_the_mail_worker_runs_with_the_app(window: MainWindow, services: Any) -> None:
    window.server.start()
    worker = services.mail.worker
    assert worker is not None and worker._thread.is_alive()
    window.restart_server()
    assert services.mail.worker is worker  # a server restart leaves the sender alone
    window.server.stop()
    assert services.mail.worker is None and not worker._thread.is_alive()


def test_mail_outbox_page_is_under_settings(window: MainWindow) -> None:
    window.show_page(OUTBOX_PAGE)
    assert window.pages.currentWidget() is window.outbox_page
    assert window.navigation.currentItem().text(0) == "Mail outbox"
    assert window.navigation.currentItem().parent().text(0) == "Settings"


def test_the_app_has_our_icon(qtbot: Any) -> None:
    assert icon_path().is_file()
    app = application()
    assert not app.windowIcon().isNull()
    assert app.windowIcon().availableSizes() or app.windowIcon().pixmap(64, 64).width() == 64
