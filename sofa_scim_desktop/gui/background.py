"""Serving with the window closed: what closing means, the tray, and bringing the window back."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QMainWindow
from PySide6.QtWidgets import QSystemTrayIcon

from sofa_scim_desktop.gui.close_dialog import KEEP
from sofa_scim_desktop.gui.close_dialog import QUIT
from sofa_scim_desktop.gui.close_dialog import CloseDialog
from sofa_scim_desktop.gui.server_control import ServerControl
from sofa_scim_desktop.gui.tray import ServerTray
from sofa_scim_desktop.services.settings import Settings

log = logging.getLogger("sofa.gui")


def tray_available() -> bool:
    """Whether the desktop shows tray icons (offscreen and some desktops do not)."""
    return QSystemTrayIcon.isSystemTrayAvailable()


class Background(QObject):
    """Decides what closing the window does, and keeps the app reachable while it serves."""

    def __init__(self, window: QMainWindow, server: ServerControl, settings: Settings) -> None:
        super().__init__(window)
        self.window = window
        self.server = server
        self.settings = settings
        self.kept_this_session = False  # asked once: a later close does not ask again
        self.tray = ServerTray(server, QApplication.windowIcon(), self)
        self.tray.openRequested.connect(self.bring_forward)

    def on_close(self) -> str | None:
        """KEEP, QUIT, or None (Cancel: the window stays). Asks only while the server runs
        and neither the setting nor an earlier answer in this session decides.
        """
        if self.server.url is None:
            return QUIT  # nothing to keep running
        setting = self.settings.get("gui.on_close")
        if setting != "ask":
            return setting
        if self.kept_this_session:
            return KEEP
        answer = CloseDialog.ask(self.server.url, tray_available(), self.window)
        if answer is None:
            return None
        if answer.remember:
            self.settings.set("gui.on_close", answer.choice)
        self.kept_this_session = answer.choice == KEEP
        return answer.choice

    def keep_serving(self) -> None:
        """Into the tray, or minimised to the taskbar when the desktop has no tray."""
        if tray_available():
            self.tray.show()
            self.window.hide()
            log.info("serving in the background; the window is in the system tray")
        else:
            self.window.showMinimized()
            log.info("serving in the background; no system tray, the window is minimised")

    def bring_forward(self) -> None:
        """Shows the window in front (the tray, or a second start of the app asked for it)."""
        self.tray.hide()
        if self.window.isMinimized():
            self.window.showNormal()
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()
