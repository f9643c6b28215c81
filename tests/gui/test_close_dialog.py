"""The close question: says what stopping costs, offers the tray (or minimising), remembers."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from sofa_scim_desktop.gui.close_dialog import KEEP
from sofa_scim_desktop.gui.close_dialog import QUIT
from sofa_scim_desktop.gui.close_dialog import CloseAnswer
from sofa_scim_desktop.gui.close_dialog import CloseDialog

URL = "http://127.0.0.1:8080"


@pytest.fixture
def dialog(qtbot: QtBot) -> CloseDialog:
    widget = CloseDialog(URL, tray=True)
    qtbot.addWidget(widget)
    return widget


def test_it_says_what_stopping_the_server_costs(dialog: CloseDialog) -> None:
    text = dialog.message.text()
    assert URL in text
    assert "While the server is stopped, Entra's provisioning calls fail" in text
    assert "system tray" not in text  # the no-tray note is for desktops without one
    assert dialog.keep_button.text() == "Keep serving in the system tray"
    assert dialog.quit_button.text() == "Quit and stop the server"
    assert dialog.keep_button.isDefault()  # Enter keeps Entra working
    assert not dialog.remember.isChecked()


@pytest.mark.parametrize(("button", "remember", "answer"), [
    ("keep_button", False, CloseAnswer(KEEP, False)),
    ("keep_button", True, CloseAnswer(KEEP, True)),
    ("quit_button", True, CloseAnswer(QUIT, True)),
])  # fmt: skip
def test_each_button_answers(
    dialog: CloseDialog, button: str, remember: bool, answer: CloseAnswer
) -> None:
    dialog.remember.setChecked(remember)
    getattr(dialog, button).click()
    assert dialog.answer() == answer


def test_cancel_answers_nothing(dialog: CloseDialog) -> None:
    dialog.remember.setChecked(True)
    dialog.reject()
    assert dialog.answer() is None


def test_without_a_tray_it_offers_to_minimise(qtbot: QtBot) -> None:
    dialog = CloseDialog(URL, tray=False)
    qtbot.addWidget(dialog)
    assert "This desktop has no system tray" in dialog.message.text()
    assert dialog.keep_button.text() == "Keep serving, minimise the window"
    dialog.keep_button.click()
    assert dialog.answer() == CloseAnswer(KEEP, False)
