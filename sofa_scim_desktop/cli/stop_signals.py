"""SIGTERM and SIGINT as something a server's main thread waits for, without a lock.

NOTE: the handler only sets a flag. It used to call `threading.Event.set()`, while the main
thread sat in `wait()` on that same Event: a signal that arrived while `wait()` held the
Event's lock ran the handler in that thread, and `set()` waited for the lock forever (seen in
CI: a `serve` that never stopped on SIGTERM, py-spy showing `Event.set` inside
`Event.wait`). The signal also writes a byte to a socket (`signal.set_wakeup_fd`, at C level,
before any Python runs), which wakes the `select` the main thread waits in. A socket pair
rather than a pipe: on Windows `select` and the wakeup take sockets only.
"""

from __future__ import annotations

import select
import signal
import socket
from types import FrameType


class StopSignals:
    """Made in the main thread before any other starts; `wait` there until a stop."""

    def __init__(self) -> None:
        self.received = False
        self._wakeup, self._wakeup_write = socket.socketpair()
        self._wakeup.setblocking(False)
        self._wakeup_write.setblocking(False)
        signal.set_wakeup_fd(self._wakeup_write.fileno())
        signal.signal(signal.SIGINT, self._stop)
        signal.signal(signal.SIGTERM, self._stop)

    def _stop(self, signum: int, frame: FrameType | None) -> None:
        self.received = True

    def wait(self, seconds: float) -> bool:
        """True as soon as SIGTERM or SIGINT has come; otherwise False after `seconds`."""
        if not self.received:
            readable, _, _ = select.select([self._wakeup], [], [], seconds)
            if readable:
                try:
                    self._wakeup.recv(512)
                except BlockingIOError:
                    pass
        return self.received
