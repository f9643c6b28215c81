"""Closing the window while the server runs: asked once, or the setting; the tray brings it back."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import requests
from PySide6.QtWidgets import QSystemTrayIcon
from pytestqt.qtbot import QtBot

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.gui import background
from sofa_scim_desktop.gui.close_dialog import KEEP
from sofa_scim_desktop.gui.close_dialog import QUIT
from sofa_scim_desktop.gui.close_dialog import CloseAnswer
from sofa_scim_desktop.gui.close_dialog import CloseDialog
from sofa_scim_desktop.gui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, services: bootstrap.Services) -> Iterator[MainWindow]:
    services.settings.set("server.port", "0")
    widget = MainWindow(services)
    widget.show()
    widget.server.start()
    yield widget
    # NOTE: not qtbot.addWidget: pytest-qt would close it before this teardown, server running.
    widget.server.stop()
    widget.close()
    widget.deleteLater()


@pytest.fixture
def tray(monkeypatch: pytest.MonkeyPatch) -> None:
    """A desktop with a system tray (offscreen has none)."""
    monkeypatch.setattr(background, "tray_available", lambda: True)


class Answers:
    """Stands in for the admin at the close question: records each question, gives `answer`."""

    def __init__(self, answer: CloseAnswer | None) -> None:
        self.answer = answer
        self.asked: list[tuple[str, bool]] = []

    def ask(self, cls: Any, url: str, tray: bool, parent: Any) -> CloseAnswer | None:
        self.asked.append((url, tray))
        return self.answer


def answering(monkeypatch: pytest.MonkeyPatch, answer: CloseAnswer | None) -> Answers:
    answers = Answers(answer)
    monkeypatch.setattr(CloseDialog, "ask", classmethod(answers.ask))
    return answers


def serves(window: MainWindow) -> bool:
    """Entra's view: does the embedded server answer?"""
    if window.server.url is None:
        return False
    answer = requests.get(f"{window.server.url}/scim/v2/x/Users", timeout=2)
    return answer.status_code == 401  # our SCIM answer to a call without a key


def test_cancel_keeps_the_window_and_the_server(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = answering(monkeypatch, None)
    window.close()
    assert answers.asked == [(window.server.url, False)]
    assert window.isVisible() and serves(window)


def test_quit_stops_the_server_and_quits_the_app(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    answering(monkeypatch, CloseAnswer(QUIT, remember=False))
    url = window.server.url
    with qtbot.waitSignal(window.quitRequested, timeout=1000):
        window.close()
    assert not window.isVisible() and window.server.url is None
    with pytest.raises(requests.ConnectionError):
        requests.get(f"{url}/scim/v2/x/Users", timeout=2)


def test_keep_serving_hides_the_window_into_the_tray(
    window: MainWindow, tray: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = answering(monkeypatch, CloseAnswer(KEEP, remember=False))
    window.close()
    assert answers.asked == [(window.server.url, True)]
    assert not window.isVisible()
    assert window.background.tray.is_visible()
    assert serves(window)


def test_asked_once_per_session(
    window: MainWindow, tray: None, monkeypatch: pytest.MonkeyPatch, services: Any
) -> None:
    answers = answering(monkeypatch, CloseAnswer(KEEP, remember=False))
    window.close()
    window.bring_forward()
    window.close()
    assert len(answers.asked) == 1
    assert not window.isVisible() and serves(window)
    assert services.settings.get("gui.on_close") == "ask"  # not remembered beyond this run


def test_remember_saves_the_choice_for_the_next_start(
    qtbot: QtBot, window: MainWindow, tray: None, monkeypatch: pytest.MonkeyPatch, services: Any
) -> None:
    answering(monkeypatch, CloseAnswer(KEEP, remember=True))
    window.close()
    assert services.settings.get("gui.on_close") == "tray"
    window.server.stop()
    later = MainWindow(services)  # the next start
    later.show()
    later.server.start()
    answers = answering(monkeypatch, None)
    later.close()
    assert answers.asked == [] and not later.isVisible() and serves(later)
    later.server.stop()
    later.close()
    later.deleteLater()


@pytest.mark.parametrize(
    ("setting", "visible", "running"), [("tray", False, True), ("quit", False, False)]
)
def test_the_setting_decides_without_asking(
    window: MainWindow, tray: None, services: Any, setting: str, visible: bool, running: bool
) -> None:
    services.settings.set("gui.on_close", setting)
    window.close()  # CloseDialog.ask is not replaced: a question would fail the test
    assert window.isVisible() is visible
    assert (window.server.url is not None) is running


def test_without_a_tray_keeping_minimises_the_window(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(background, "tray_available", lambda: False)
    answers = answering(monkeypatch, CloseAnswer(KEEP, remember=False))
    window.close()
    assert answers.asked[0][1] is False  # the dialog was told: no tray here
    assert window.isVisible() and window.isMinimized()
    assert not window.background.tray.is_visible()
    assert serves(window)


def test_a_stopped_server_closes_without_a_question(qtbot: QtBot, window: MainWindow) -> None:
    window.server.stop()
    with qtbot.waitSignal(window.quitRequested, timeout=1000):
        window.close()  # CloseDialog.ask is not replaced: a question would fail the test
    assert not window.isVisible()


@pytest.mark.parametrize(
    "reason",
    [QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick],
)
def test_clicking_the_tray_icon_reopens_the_window(
    window: MainWindow, tray: None, services: Any, reason: Any
) -> None:
    services.settings.set("gui.on_close", "tray")
    window.close()
    window.background.tray.icon.activated.emit(reason)
    assert window.isVisible()
    assert not window.background.tray.is_visible()


def test_the_tray_menu_opens_the_window(window: MainWindow, tray: None, services: Any) -> None:
    services.settings.set("gui.on_close", "tray")
    window.close()
    window.background.tray.open_action.trigger()
    assert window.isVisible()


def test_the_tray_menu_quits_without_asking(
    qtbot: QtBot, window: MainWindow, tray: None, services: Any
) -> None:
    services.settings.set("gui.on_close", "tray")
    window.close()
    with qtbot.waitSignal(window.quitRequested, timeout=1000):
        window.background.tray.quit_action.trigger()
    assert window.server.url is None
    assert not window.background.tray.is_visible()
