"""An unexpected exception: the traceback in the log file, a dialog naming the file, the app on."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from sofa_scim_desktop.gui.clipboard import clipboard_text
from sofa_scim_desktop.gui.crash import CrashDialog
from sofa_scim_desktop.gui.crash import CrashReporter
from sofa_scim_desktop.gui.log_file import start_log_file
from sofa_scim_desktop.gui.log_file import stop_log_file


class Shown:
    """Stands in for exec(): builds the real dialog from what the reporter passed, keeps it."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.dialogs: list[CrashDialog] = []

    def show_error(self, cls: Any, log_path: Path, details: str, parent: Any) -> None:
        dialog = cls(log_path, details, parent)
        self.qtbot.addWidget(dialog)
        self.dialogs.append(dialog)


@pytest.fixture
def shown(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Shown:
    recorder = Shown(qtbot)
    monkeypatch.setattr(CrashDialog, "show_error", classmethod(recorder.show_error))
    return recorder


@pytest.fixture
def reporter(tmp_path: Path, shown: Shown) -> Iterator[CrashReporter]:
    crash = CrashReporter(start_log_file(tmp_path / "logs"))
    crash.install()
    yield crash
    crash.uninstall()
    stop_log_file()


def boom() -> None:
    raise RuntimeError("the last straw")


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_logged_and_shown(
    qtbot: QtBot, reporter: CrashReporter, shown: Shown
) -> None:
    button = QPushButton()
    qtbot.addWidget(button)
    button.clicked.connect(boom)
    button.click()
    [dialog] = shown.dialogs
    assert str(reporter.log_path) in dialog.message.text()
    assert "RuntimeError: the last straw" in dialog.traceback.toPlainText()
    logged = reporter.log_path.read_text(encoding="utf-8")
    assert "ERROR sofa.gui [MainThread]: unexpected error" in logged
    assert "Traceback (most recent call last):" in logged
    assert 'raise RuntimeError("the last straw")' in logged
    button.click()  # the app kept running: the button still works, and reports again
    assert len(shown.dialogs) == 2


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_worker_thread_reaches_the_dialog(
    qtbot: QtBot, reporter: CrashReporter, shown: Shown
) -> None:
    worker = threading.Thread(target=boom, name="mail-worker")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(shown.dialogs) == 1, timeout=3000)
    assert "RuntimeError: the last straw" in shown.dialogs[0].traceback.toPlainText()
    assert "unexpected error in thread mail-worker" in reporter.log_path.read_text("utf-8")


def test_copy_puts_the_path_and_the_traceback_on_the_clipboard(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = CrashDialog(tmp_path / "app.log", "Traceback …\nRuntimeError: x")
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    assert clipboard_text() == f"{tmp_path / 'app.log'}\n\nTraceback …\nRuntimeError: x"


def test_uninstall_gives_the_hooks_back(tmp_path: Path, shown: Shown) -> None:
    before = (sys.excepthook, threading.excepthook)
    crash = CrashReporter(tmp_path / "app.log")
    crash.install()
    assert sys.excepthook != before[0]
    crash.uninstall()
    assert (sys.excepthook, threading.excepthook) == before
