"""The Waitress task that answers every request: keep-alive after a `204 No Content`, and the
head and body of an answer in one send.

WORKAROUND(waitress 3.0.2, task.py `build_response_header`): Waitress drops any Content-Length
of a bodiless answer (RFC 9110 §8.6 forbids it on 204), then, finding no Content-Length, marks
the connection close-on-finish as if the body's end could not be told. A 204 or 304 answer
has no body by definition (RFC 9112 §6.3, rule 1): the connection can carry the next request.
Entra answers every group PATCH with 204 (RFC 7644 §3.5.2), in batches of 100 members: without
this each batch costs a new TCP (and, behind a proxy, TLS) connection. The version is pinned;
scim/server.py's channel uses it; tests/scim/test_server.py sends two PATCHes on one
connection to keep this honest.

PERF: Waitress hands the head and the body to the channel one after the other, and, flushing
from the worker as soon as anything is buffered, sends them as two system calls and two TCP
segments, which the client reads with two wake-ups. Falcon gives the whole body at once with
its Content-Length, so the two go out together, up to ONE_SEND_BYTES: joining them copies the
body, and a group of 50,000 members is megabytes (the full-size bench's peak RSS is a few MB
under its limit of 120).
"""

from __future__ import annotations

from waitress.task import WSGITask

ONE_SEND_BYTES = 256 * 1024  # a page of 100 users is ~80 kB


class ScimTask(WSGITask):
    """A WSGI task that keeps an HTTP/1.1 connection open after a bodiless answer and sends
    a whole answer at once.
    """

    _framing_complete = False
    wrote_header: bool  # Waitress's own attribute, set in Task.__init__

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

    def write(self, data: bytes) -> None:
        if self.wrote_header or not data or not self.complete:
            super().write(data)  # Waitress's own checks and errors, and every later chunk
            return
        head = self.build_response_header()
        self.wrote_header = True
        whole = self.content_length == len(data) and not self.chunked_response
        if whole and self.has_body and len(data) <= ONE_SEND_BYTES:
            self.content_bytes_written += len(data)
            self.channel.write_soon(head + data)
            return
        self.channel.write_soon(head)
        super().write(data)  # the head is written: the body as Waitress frames it
