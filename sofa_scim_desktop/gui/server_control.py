"""The embedded SCIM server's life in the app (with the mail worker): start, busy port, restart."""

from __future__ import annotations

import logging
import socket

from PySide6.QtCore import QObject
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from sofa_scim_desktop.bootstrap import Services
from sofa_scim_desktop.gui.port_dialog import BusyPortDialog
from sofa_scim_desktop.scim.server import ScimServer
from sofa_scim_desktop.scim.server import serving

log = logging.getLogger("sofa.gui")


def port_problem(host: str, port: int) -> str | None:
    """Why `port` cannot be listened on, or None. Probed with a plain socket first because a
    Waitress server that fails to bind has already started its worker threads and a trigger
    pipe, and nothing can stop them (there is no object left to stop).
    """
    if port == 0:
        return None
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        with socket.socket(infos[0][0], socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as Waitress does
            probe.bind(infos[0][4])
    except OSError as error:
        return error.strerror or str(error)
    return None


class ServerControl(QObject):
    """Owns the ScimServer; tells the window what happens through signals."""

    started = Signal(str)  # the URL it listens on
    stopped = Signal()
    failed = Signal(str)  # why it is not running

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.server: ScimServer | None = None
        self.dialog_parent: QWidget | None = None

    @property
    def url(self) -> str | None:
        return self.server.url if self.server else None

    def start(self) -> bool:
        """Starts on server.host/server.port; a busy port asks for another one. The mail
        worker starts too (once), so mail goes out while the app runs, even without a server.
        """
        if self.services.mail.worker is None:
            self.services.mail.start_worker()
        settings = self.services.settings
        host = settings.get("server.host")
        port = int(settings.get("server.port"))
        while True:
            problem = port_problem(host, port)
            if problem is None:
                try:
                    server = serving(
                        self.services.db, host, port, settings.get("server.trusted_proxy")
                    )
                    break
                except OSError as error:  # taken between the probe and the bind
                    problem = error.strerror or str(error)
            log.warning("cannot listen on %s:%s: %s", host, port, problem)
            answer = BusyPortDialog.ask(host, port, problem, self.dialog_parent)
            if answer is None:
                self.failed.emit(
                    self.tr("Port %1 is in use; the SCIM server is not running.").replace(
                        "%1", str(port)
                    )
                )
                return False
            port, save = answer
            if save:
                settings.set("server.port", str(port))
        server.start()
        self.server = server
        self.started.emit(server.url)
        return True

    def stop(self) -> None:
        """Stops the server and the mail worker (quitting)."""
        self._stop_server()
        self.services.mail.stop_worker()

    def _stop_server(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None
            self.stopped.emit()

    def restart(self) -> bool:
        """After the server settings changed (the Settings page calls this)."""
        self._stop_server()  # the mail worker keeps running: it reads the settings per pass.
        return self.start()
