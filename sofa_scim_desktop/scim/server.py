"""The embedded Waitress server in a thread, with a clean stop (PLATFORM.md: Waitress has no
public stop; these internals are why its version is pinned, and a test keeps them honest).
"""

from __future__ import annotations

import logging
import socket
import sys
import threading
from collections.abc import Sequence
from typing import Any
from typing import Protocol

import orjson
from peewee import Database
from waitress import create_server
from waitress import wasyncore
from waitress.channel import HTTPChannel
from waitress.task import ErrorTask

from sofa_scim_desktop.scim.access_log import AccessLog
from sofa_scim_desktop.scim.app import create_app
from sofa_scim_desktop.scim.media import MAX_BODY_BYTES
from sofa_scim_desktop.scim.media import SCIM_JSON
from sofa_scim_desktop.scim.media import error_document
from sofa_scim_desktop.scim.waitress_task import ScimTask
from sofa_scim_desktop.services.call_stats import CallRecorder
from sofa_scim_desktop.storage.database import Checkpointer

log = logging.getLogger("sofa.scim")
# NOTE: Waitress warns "Task queue depth is N" whenever a request waits for a free thread; with
# Entra's parallel calls that is every few requests (23,000 lines in a benchmark), not news.
logging.getLogger("waitress.queue").setLevel(logging.ERROR)
THREADS = 4  # 4 threads are as fast as 8 on two cores (PLATFORM.md).
# Waitress's defaults (100 connections, idle ones closed after 120 s, select()) let about 100
# idle half-open connections lock every client out. Connections are cheap to hold (no thread
# each); a request that stops half way is dropped after CHANNEL_TIMEOUT seconds of silence.
CONNECTION_LIMIT = 1000
CHANNEL_TIMEOUT = 20  # seconds; Entra answers within its own 60 s limit far sooner
CLEANUP_INTERVAL = 2  # seconds between looks for silent connections
SWITCH_INTERVAL = 0.0005  # seconds; 0.002 measured the same (bench, 4 runs)


def serving(
    db: Database,
    host: str,
    port: int,
    trusted_proxy: str = "",
    access_log: AccessLog | None = None,
    sock: socket.socket | None = None,
) -> ScimServer:
    """The server as `serve` and the desktop app run it: calls counted in the background (so
    that a lookup writes nothing) and one line per request on stderr. `sock`: a socket already
    bound to host:port (a worker of `serve --workers N`).
    """
    access_log = access_log or AccessLog()
    app, calls = served_app(db, access_log)
    return ScimServer(app, host, port, trusted_proxy, db, (calls, access_log), sock=sock)


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
        channel_timeout: int = CHANNEL_TIMEOUT,
        sock: socket.socket | None = None,
    ) -> None:
        options: dict[str, Any] = {
            "threads": THREADS,
            # Above our own limit, so that the app answers a large body with its SCIM error;
            # far larger bodies are cut off unread, with a SCIM error too (_ScimErrorTask).
            "max_request_body_size": 4 * MAX_BODY_BYTES,
            "ident": "Sofa SCIM",
            "clear_untrusted_proxy_headers": True,
            "connection_limit": CONNECTION_LIMIT,
            "channel_timeout": channel_timeout,
            "cleanup_interval": min(CLEANUP_INTERVAL, channel_timeout),
            "asyncore_use_poll": True,  # select() cannot watch more than 1,024 sockets
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
        if sock is not None:
            options["sockets"] = [sock]
        else:
            options.update(host=host, port=port)
        self._server = create_server(app, **options)
        self._server.channel_class = _ScimChannel
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


class _ScimErrorTask(ErrorTask):
    """What Waitress refuses before the app sees it (a body far over the limit, a malformed
    request line or header) is answered with a SCIM error body too, and said on stderr.
    """

    def execute(self) -> None:
        error = self.request.error
        detail = f"{error.reason}: {error.body}."
        log.warning("refused before it reached Sofa: %s (%s)", detail, self.channel.addr[0])
        body = orjson.dumps(error_document(error.code, detail))
        self.status = f"{error.code} {error.reason}"
        self.response_headers.append(("Content-Type", SCIM_JSON))
        self.set_close_on_finish()
        self.content_length = len(body)
        self.write(body)


class _ScimChannel(HTTPChannel):
    task_class = ScimTask  # keep-alive after a 204, one send per answer
    error_task_class = _ScimErrorTask
