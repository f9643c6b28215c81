"""The embedded Waitress server in a thread, with a clean stop (PLATFORM.md: Waitress has no
public stop; these internals are why its version is pinned, and a test keeps them honest).
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Sequence
from typing import Any
from typing import Protocol

from peewee import Database
from waitress import create_server
from waitress import wasyncore

from sofa_scim_desktop.scim.access_log import AccessLog
from sofa_scim_desktop.scim.app import create_app
from sofa_scim_desktop.scim.keep_alive import keep_alive_after_no_content
from sofa_scim_desktop.scim.media import MAX_BODY_BYTES
from sofa_scim_desktop.services.call_stats import CallRecorder
from sofa_scim_desktop.storage.database import Checkpointer

log = logging.getLogger("sofa.scim")
# NOTE: Waitress warns "Task queue depth is N" whenever a request waits for a free thread; with
# Entra's parallel calls that is every few requests (23,000 lines in a benchmark), not news.
logging.getLogger("waitress.queue").setLevel(logging.ERROR)
THREADS = 4  # 4 threads are as fast as 8 on two cores (PLATFORM.md).
SWITCH_INTERVAL = 0.0005  # seconds; 0.002 measured the same (bench, 4 runs)


def serving(
    db: Database, host: str, port: int, trusted_proxy: str = "", access_log: AccessLog | None = None
) -> ScimServer:
    """The server as `serve` and the desktop app run it: calls counted in the background (so
    that a lookup writes nothing) and one line per request on stderr.
    """
    access_log = access_log or AccessLog()
    app, calls = served_app(db, access_log)
    return ScimServer(app, host, port, trusted_proxy, db, (calls, access_log))


def served_app(db: Database, access_log: AccessLog) -> tuple[Any, CallRecorder]:
    """The app as it is served (bench/app_profile.py measures this one), and its counter."""
    calls = CallRecorder()
    return create_app(db, calls, access_log), calls


class Background(Protocol):
    """What runs beside the server and writes what it gathered when stopped."""

    def start(self) -> None: ...

    def stop(self) -> None: ...


class ScimServer:
    """Waitress serving `app` in a thread; with `db`, the WAL is checkpointed in the background
    while it serves (storage.database.Checkpointer).
    """

    def __init__(
        self,
        app: Any,
        host: str,
        port: int,
        trusted_proxy: str = "",
        db: Database | None = None,
        background: Sequence[Background] = (),
    ) -> None:
        options: dict[str, Any] = {
            "threads": THREADS,
            # Above our own limit: Waitress answers 413 in text/plain, the app with a SCIM
            # error body that Entra shows verbatim. Far larger bodies are still cut off unread.
            "max_request_body_size": 4 * MAX_BODY_BYTES,
            "ident": "Sofa SCIM",
            "clear_untrusted_proxy_headers": True,
        }
        if trusted_proxy:
            # Honour X-Forwarded-* only from the configured proxy (SPEC §3).
            options.update(
                trusted_proxy=trusted_proxy,
                trusted_proxy_count=1,
                trusted_proxy_headers={
                    "x-forwarded-proto",
                    "x-forwarded-host",
                    "x-forwarded-for",
                    "x-forwarded-port",
                },
            )
        self._server = create_server(app, host=host, port=port, **options)
        keep_alive_after_no_content(self._server)  # Entra's group PATCHes answer 204
        self._thread = threading.Thread(target=self._run, name="scim-server", daemon=True)
        self._checkpointer = Checkpointer(db) if db is not None else None
        self._background = tuple(background)

    @property
    def host(self) -> str:
        return str(self._server.effective_host)

    @property
    def port(self) -> int:
        return int(self._server.effective_port)

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    def start(self) -> None:
        # PERF: a worker holding the write lock gives up the GIL at every SQLite call; with the
        # default 5 ms switch interval, a busy thread may keep it that long each time, and every
        # writer queued behind waits too (create p99 23 ms). 0.5 ms keeps the queue moving.
        sys.setswitchinterval(SWITCH_INTERVAL)
        if self._checkpointer is not None:
            self._checkpointer.start()
        for helper in self._background:
            helper.start()
        self._thread.start()

    def _in_loop(self, thunk: Any) -> bool:
        """Runs `thunk` in the server's loop thread; False when its trigger is gone.

        # WORKAROUND: now and then (3 in ~20 full test runs, cause unknown) the trigger pipe
        is already closed when the server stops, and writing to it raises EBADF.
        """
        try:
            self._server.trigger.pull_trigger(thunk)
        except OSError as error:
            log.warning("the server loop's trigger is closed (%s); stopping without it", error)
            return False
        return True

    def _run(self) -> None:
        try:
            self._server.run()
        except Exception:  # after close_all the loop may see closed sockets
            log.debug("server loop ended", exc_info=True)

    def stop(self, timeout: float = 5.0) -> None:
        """Stops accepting, lets the workers finish their requests, then closes every socket.

        The order matters: a worker that finishes a request wakes the loop by writing to the
        trigger pipe; once the loop has closed that pipe, its descriptor number may already
        belong to something else.
        """
        server = self._server
        # No new connections: only the listening socket (Waitress's close() takes the trigger).
        self._in_loop(lambda: wasyncore.dispatcher.close(server))
        server.task_dispatcher.shutdown(timeout=timeout)
        if not self._in_loop(lambda: wasyncore.close_all(server._map)):
            wasyncore.close_all(server._map)  # the loop cannot be woken: close from here.
        self._thread.join(timeout)
        for helper in self._background:
            helper.stop()  # writes what it gathered: the last calls' counts and lines
        if self._checkpointer is not None:
            self._checkpointer.stop()
