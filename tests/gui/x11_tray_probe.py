"""Run by test_tray_x11.py under Xvfb with a tray host: the app's window into the real tray
and back; prints one JSON object of what it saw (a separate process: Qt's platform is chosen
once per process, and the test process is offscreen).
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QSystemTrayIcon

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.gui.app import application
from sofa_scim_desktop.gui.close_dialog import KEEP
from sofa_scim_desktop.gui.close_dialog import CloseAnswer
from sofa_scim_desktop.gui.close_dialog import CloseDialog
from sofa_scim_desktop.gui.main_window import MainWindow


def settle(seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.02)


def main(data_dir: str) -> dict[str, Any]:
    application(sys.argv[:1])
    deadline = time.monotonic() + 5  # the tray host may still be starting
    while not QSystemTrayIcon.isSystemTrayAvailable() and time.monotonic() < deadline:
        settle(0.1)
    asked: list[bool] = []

    def ask(cls: Any, url: str, tray: bool, parent: Any) -> CloseAnswer:
        asked.append(tray)
        return CloseAnswer(KEEP, remember=False)

    CloseDialog.ask = classmethod(ask)  # type: ignore[method-assign,assignment]
    services = bootstrap.build(data_dir)
    services.settings.set("server.port", "0")
    window = MainWindow(services)
    window.show()
    window.server.start()
    settle(0.5)
    window.close()
    settle(1.0)
    seen: dict[str, Any] = {
        "tray_available": QSystemTrayIcon.isSystemTrayAvailable(),
        "asked_with_tray": asked,
        "hidden": not window.isVisible(),
        "tray_visible": window.background.tray.is_visible(),
        "serving": window.server.url is not None,
    }
    window.background.tray.icon.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
    settle(0.5)
    seen["back"] = window.isVisible() and not window.background.tray.is_visible()
    window.quit_app()
    return seen


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1])), flush=True)
