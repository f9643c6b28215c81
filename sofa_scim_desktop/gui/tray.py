"""The tray icon while the app serves in the background: health at a glance, open, quit."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtCore import QRectF
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtGui import QColor
from PySide6.QtGui import QIcon
from PySide6.QtGui import QPainter
from PySide6.QtGui import QPen
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QMenu
from PySide6.QtWidgets import QSystemTrayIcon

from sofa_scim_desktop.gui.server_control import ServerControl

# Worst last. The synchronizations' states are services/health.py's; `stopped` is the
# server's own: with it down every call of Entra fails, which is worse than any one job.
RANK = ("ok", "disabled", "never_called", "silent", "refused", "failing", "stopped")
# The badge is a picture, not text: fixed colours that read on light and dark panels.
BADGE = {
    "ok": "#2e7d32",
    "disabled": "#757575",
    "never_called": "#757575",
    "silent": "#f9a825",
    "refused": "#ef6c00",
    "failing": "#c62828",
    "stopped": "#c62828",
}
ICON_SIZE = 64


def worst(states: list[tuple[str, str]]) -> tuple[str, str]:
    """The (state, sentence) that needs the admin most; ("ok", "") when there is none."""
    return max(states, key=lambda pair: RANK.index(pair[0]), default=("ok", ""))


def badged_icon(base: QIcon, state: str) -> QIcon:
    """The app icon with a coloured dot in its lower right corner."""
    pixmap = base.pixmap(ICON_SIZE, ICON_SIZE)
    if pixmap.isNull():
        pixmap = QPixmap(ICON_SIZE, ICON_SIZE)
        pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("white"), 3))
    painter.setBrush(QColor(BADGE[state]))
    painter.drawEllipse(QRectF(ICON_SIZE * 0.52, ICON_SIZE * 0.52, 28, 28))
    painter.end()
    return QIcon(pixmap)


class ServerTray(QObject):
    """Emits `openRequested` (a click or the menu) and `quitRequested`. Health comes from
    two places: the server's signals, and `show_health` for the synchronizations.
    """

    openRequested = Signal()
    quitRequested = Signal()

    def __init__(self, server: ServerControl, base_icon: QIcon, parent: QObject | None = None):
        super().__init__(parent)
        self.base_icon = base_icon
        self.server_state: tuple[str, str] = ("stopped", "")
        self.sync_health: tuple[str, str] = ("ok", "")
        self.state = "stopped"
        self.icon = QSystemTrayIcon(self)
        self.menu = QMenu()
        self.open_action = QAction(self.tr("Open Sofa SCIM Desktop"), self)
        self.address_action = QAction(self)
        self.health_action = QAction(self)
        self.quit_action = QAction(self.tr("Quit and stop the server"), self)
        self._build_menu()
        server.started.connect(self._server_started)
        server.stopped.connect(self._server_stopped)
        server.failed.connect(self._server_failed)
        if server.url:
            self._server_started(server.url)
        else:
            self._server_stopped()

    def _build_menu(self) -> None:
        self.address_action.setEnabled(False)  # information, not a command
        self.health_action.setEnabled(False)
        for action in (self.open_action, self.address_action, self.health_action):
            self.menu.addAction(action)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)
        self.menu.setDefaultAction(self.open_action)
        self.open_action.triggered.connect(self.openRequested)
        self.quit_action.triggered.connect(self.quitRequested)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.openRequested.emit()

    def _server_started(self, url: str) -> None:
        self._set_server(self.tr("Serving on %1").replace("%1", url), ("ok", ""))

    def _server_stopped(self) -> None:
        why = self.tr("While the server is stopped, Entra's provisioning calls fail.")
        self._set_server(self.tr("SCIM server stopped"), ("stopped", why))

    def _server_failed(self, reason: str) -> None:
        self._set_server(self.tr("SCIM server stopped"), ("stopped", reason))

    def _set_server(self, address: str, state: tuple[str, str]) -> None:
        self.address_action.setText(address)
        self.server_state = state
        self._update()

    def show_health(self, state: str, text: str) -> None:
        """The synchronizations' health (the worst of them, see `worst`) and its sentence."""
        if state not in RANK[:-1]:
            raise ValueError(f"unknown health state {state!r}")
        self.sync_health = (state, text)
        self._update()

    def _update(self) -> None:
        self.state, text = worst([self.sync_health, self.server_state])  # a tie: the sentence
        self.health_action.setText(text)
        self.health_action.setVisible(bool(text))  # until health is known, no line at all
        self.icon.setIcon(badged_icon(self.base_icon, self.state))
        lines = [self.tr("Sofa SCIM Desktop"), self.address_action.text()]
        lines += [part for part in (self.server_state[1], self.sync_health[1]) if part]
        self.icon.setToolTip("\n".join(lines))

    def show(self) -> None:
        self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    def is_visible(self) -> bool:
        return self.icon.isVisible()
