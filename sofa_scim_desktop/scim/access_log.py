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
from datetime import UTC
from datetime import datetime
from typing import Any
from typing import TextIO

import falcon
import orjson

FORMATS = ("text", "json")
LEVELS = {"debug": logging.DEBUG, "info": logging.INFO, "warning": logging.WARNING,
          "error": logging.ERROR}  # fmt: skip


class AccessLog:
    """Falcon middleware, first in the chain so that its time covers the whole answer.

    At `info` every request is written, at `warning` those answered 4xx, at `error` 5xx.
    # PERF: a formatted string and one write per request, not the logging module (whose
    records, handlers and locks cost several times more on the hot path).
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
        self._lock = threading.Lock()

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
        line = self._line(req, status, ms)
        stream = self.stream or sys.stderr
        try:
            with self._lock:
                stream.write(line)
                stream.flush()
        except (OSError, ValueError):  # a closed stderr must not fail the call
            pass

    def _line(self, req: falcon.Request, status: int, ms: float) -> str:
        at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
        identifier = _printable(getattr(req.context, "identifier", None) or "-")
        path = "/password/[redacted]" if req.path.startswith("/password/") else req.path
        path = _printable(path)
        if self.json:
            record = {
                "at": at, "identifier": identifier, "method": req.method, "path": path,
                "status": status, "ms": round(ms, 2),
            }  # fmt: skip
            return orjson.dumps(record).decode() + "\n"
        return f"{at} {identifier} {req.method} {path} {status} {ms:.1f}ms\n"


def _printable(text: str) -> str:
    """A decoded path may hold a line break or a space: escaped, so one request is one line."""
    if text.isprintable() and " " not in text:
        return text
    return "".join(c if c.isprintable() and c != " " else f"%{ord(c):02X}" for c in text)
