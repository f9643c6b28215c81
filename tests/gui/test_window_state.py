"""The window opens at the size, place and splitter positions the admin left it at."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.gui.main_window import MainWindow


def reopen(qtbot: QtBot, services: bootstrap.Services) -> MainWindow:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    return window


def test_size_and_splitters_are_remembered(
    qtbot: QtBot, window: MainWindow, services: bootstrap.Services, window_settings: Path
) -> None:
    window.resize(780, 560)  # within the offscreen screen (800x600): restoring clamps to it
    window.splitter.setSizes([250, 530])
    users = window.directory_page.users.splitter
    users.setSizes([300, 200])
    remembered = (window.splitter.sizes()[0], users.sizes())
    window.close()
    again = reopen(qtbot, services)
    assert (again.width(), again.height()) == (780, 560)
    assert (again.splitter.sizes()[0], again.directory_page.users.splitter.sizes()) == remembered
    again.close()
    assert list(window_settings.rglob("*.conf")) or list(window_settings.rglob("*.ini"))


def test_a_first_start_opens_at_1100_by_700(qtbot: QtBot, services: bootstrap.Services) -> None:
    window = reopen(qtbot, services)
    assert (window.width(), window.height()) == (1100, 700)
    window.server.stop()
