"""One desktop app per data folder: a second start brings the running one forward and exits."""

from __future__ import annotations

import hashlib
import logging
import time
from pathlib import Path

from PySide6.QtCore import QLockFile
from PySide6.QtCore import QObject
from PySide6.QtCore import Signal
from PySide6.QtNetwork import QLocalServer
from PySide6.QtNetwork import QLocalSocket

log = logging.getLogger("sofa.gui")

RAISE = b"raise\n"
ANSWER = b"ok\n"
LOCK_NAME = "gui.lock"


def instance_name(data_dir: Path) -> str:
    """The local socket's name: two data folders are two instances, whatever the spelling."""
    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()
    return f"sofa-scim-desktop-{digest[:20]}"


class SingleInstance(QObject):
    """The lock file says who runs (Qt removes it when its process is gone: a crash leaves
    nothing that blocks); the local socket carries the "raise" message to it. Emits
    `raiseRequested` in the running app when a second start asks for the window.
    """

    raiseRequested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = instance_name(data_dir)
        self.lock_path = data_dir / LOCK_NAME
        self.lock = QLockFile(str(self.lock_path))
        self.server = QLocalServer(self)
        self.server.newConnection.connect(self._accept)

    def claim(self) -> bool:
        """True when this process is the one instance (it then listens for later starts)."""
        if not self.lock.tryLock(0):
            return False
        # NOTE: holding the lock, a socket of this name can only be a crashed instance's.
        QLocalServer.removeServer(self.name)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not self.server.listen(self.name):
            log.warning("no single-instance socket %s: %s", self.name, self.server.errorString())
        return True

    def _accept(self) -> None:
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda socket=socket: self._read(socket))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if socket.canReadLine() and socket.readLine().data() == RAISE:
            log.info("another start of the app asked for the window: brought it forward")
            socket.write(ANSWER)
            socket.flush()
            self.raiseRequested.emit()

    def ask_running_to_raise(self, timeout: float = 5.0) -> bool:
        """From a second start: asks the running one for its window; True once it answered.
        Retries for `timeout` seconds: the running one may be starting, not yet listening.
        """
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            socket = QLocalSocket()
            socket.connectToServer(self.name)
            if socket.waitForConnected(500):
                socket.write(RAISE)
                socket.waitForBytesWritten(1000)
                if socket.waitForReadyRead(2000) and socket.readLine().data() == ANSWER:
                    socket.disconnectFromServer()
                    return True
            socket.abort()
            time.sleep(0.1)
        return False

    def release(self) -> None:
        self.server.close()
        self.lock.unlock()
