"""One line per request on stderr (SPEC §8.1): time, identifier, method, path, status and
milliseconds; as text or as one JSON object per line for log shippers.

The path is logged without its query: filters carry user names and e-mail addresses. A
password link's path is its one-time token, and is never logged.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections import deque
from functools import lru_cache
from typing import Any
from typing import TextIO

import falcon
import orjson

FORMATS = ("text", "json")
WRITE_EVERY = 0.2  # seconds: an operator tailing the output sees a call at once, to the eye
LEVELS = {"debug": logging.DEBUG, "info": logging.INFO, "warning": logging.WARNING,
          "error": logging.ERROR}  # fmt: skip


class AccessLog:
    """Falcon middleware, first in the chain so that its time covers the whole answer.

    At `info` every request is written, at `warning` those answered 4xx, at `error` 5xx.
    # PERF: a request only appends what its line will say; a thread of its own formats and
    writes what gathered every WRITE_EVERY seconds. A write per request cost a fifth of a
    lookup's CPU on the real server (each system call gives up the GIL to the other workers).
    """

    def __init__(self, fmt: str = "text", level: str = "info", stream: TextIO | None = None):
        if fmt not in FORMATS:
            raise ValueError(f"The log format must be one of {', '.join(FORMATS)}.")
        if level not in LEVELS:
            raise ValueError(f"The log level must be one of {', '.join(LEVELS)}.")
        self.json = fmt == "json"
        self.threshold = {logging.DEBUG: 0, logging.INFO: 0, logging.WARNING: 400}.get(
            LEVELS[level], 500
        )
        self.stream = stream
        # NOTE: a deque, not a list behind a lock: its append and popleft are atomic, and
        # a lock that four workers contend for costs more than the line itself.
        self._pending: deque[tuple[float, str | None, str, str, int, float]] = deque()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def process_request(self, req: falcon.Request, resp: falcon.Response) -> None:
        req.context.started = time.perf_counter()

    def process_response(
        self, req: falcon.Request, resp: falcon.Response, resource: Any, req_succeeded: bool
    ) -> None:
        status = int(resp.status_code)
        if status < self.threshold:
            return
        started = getattr(req.context, "started", None)
        ms = (time.perf_counter() - started) * 1000 if started is not None else 0.0
        identifier = getattr(req.context, "identifier", None)
        self._pending.append((time.time(), identifier, req.method, req.path, status, ms))
        if self._thread is None:
            self.flush()  # not started (tests, or in process): written at once

    def start(self) -> None:
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="access-log", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        self.flush()

    def flush(self) -> None:
        pending = self._pending
        calls = [pending.popleft() for _ in range(len(pending))]
        if not calls:
            return
        stream = self.stream or sys.stderr
        try:
            stream.write("".join(self._line(*call) for call in calls))
            stream.flush()
        except (OSError, ValueError):  # a closed stderr must not stop the server
            pass

    def _run(self) -> None:
        while not self._stop.wait(WRITE_EVERY):
            self.flush()

    def _line(
        self, at: float, identifier: str | None, method: str, path: str, status: int, ms: float
    ) -> str:
        when = _utc_text(at)
        path = "/password/[redacted]" if path.startswith("/password/") else _printable(path)
        if self.json:
            record = {
                "at": when, "identifier": identifier, "method": method, "path": path,
                "status": status, "ms": round(ms, 2),
            }  # fmt: skip
            return orjson.dumps(record).decode() + "\n"
        named = _printable(identifier) if identifier else "-"
        return f"{when} {named} {method} {path} {status} {ms:.1f}ms\n"


@lru_cache(maxsize=4)
def _utc_second(second: int) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(second))


def _utc_text(at: float) -> str:
    """ISO 8601 in UTC to the millisecond; a burst of lines shares its second's text."""
    second = int(at)
    return f"{_utc_second(second)}.{int((at - second) * 1000):03d}Z"


def _printable(text: str) -> str:
    """A decoded path may hold a line break or a space: escaped, so one request is one line."""
    if text.isprintable() and " " not in text:
        return text
    return "".join(c if c.isprintable() and c != " " else f"%{ord(c):02X}" for c in text)
