"""Keep-alive after a `204 No Content` (and 304): a Waitress task that does not close.

WORKAROUND(waitress 3.0.2, task.py `build_response_header`): Waitress drops any Content-Length
of a bodiless answer (RFC 9110 §8.6 forbids it on 204), then, finding no Content-Length, marks
the connection close-on-finish as if the body's end could not be told. A 204 or 304 answer
has no body by definition (RFC 9112 §6.3, rule 1): the connection can carry the next request.
Entra answers every group PATCH with 204 (RFC 7644 §3.5.2), in batches of 100 members: without
this each batch costs a new TCP (and, behind a proxy, TLS) connection. The version is pinned;
scim/server.py's channel uses it; tests/scim/test_server.py sends two PATCHes on one
connection to keep this honest.
"""

from __future__ import annotations

from waitress.task import WSGITask


class KeepAliveTask(WSGITask):
    """A WSGI task that keeps an HTTP/1.1 connection open after a bodiless answer."""

    _framing_complete = False

    def build_response_header(self) -> bytes:
        asked_close = self.request.headers.get("CONNECTION", "").lower() == "close"
        if self.has_body or self.version != "1.1" or asked_close:
            return bytes(super().build_response_header())
        # Only the "no Content-Length, so close" decision is skipped while building the header.
        self._framing_complete = True
        try:
            return bytes(super().build_response_header())
        finally:
            self._framing_complete = False

    def set_close_on_finish(self) -> None:
        if not self._framing_complete:
            super().set_close_on_finish()
