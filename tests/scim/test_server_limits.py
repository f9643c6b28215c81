"""What a hostile client does to the server itself (issue 11 C.5, C.7, C.8): idle and half-sent
connections do not lock Entra out, and whatever Waitress refuses on its own is a SCIM error body.
"""

from __future__ import annotations

import json
import logging
import socket
import time
from collections.abc import Iterator
from typing import Any

import pytest
import requests

from sofa_scim_desktop.scim.media import MAX_BODY_BYTES
from sofa_scim_desktop.scim.server import ScimServer
from tests.conftest import Endpoint
from tests.scim.test_bad_input import SCIM_JSON
from tests.scim.test_bad_input import assert_error


@pytest.fixture
def server(app: Any) -> Iterator[ScimServer]:
    server = ScimServer(app, "127.0.0.1", 0, channel_timeout=1)
    server.start()
    yield server
    server.stop()


def idle_sockets(server: ScimServer, count: int, send: bytes = b"") -> list[socket.socket]:
    sockets = []
    for _ in range(count):
        sock = socket.create_connection(("127.0.0.1", server.port), timeout=5)
        if send:
            sock.sendall(send)
        sockets.append(sock)
    return sockets


def test_hundreds_of_idle_connections_do_not_lock_entra_out(
    server: ScimServer, endpoint: Endpoint
) -> None:
    held = idle_sockets(server, 300) + idle_sockets(server, 50, b"GET /scim/v2/Contoso/Us")
    try:
        started = time.monotonic()
        answer = requests.get(
            f"{server.url}{endpoint.path}/Users", headers=endpoint.headers, timeout=5
        )
        assert answer.status_code == 200
        assert time.monotonic() - started < 2
    finally:
        for sock in held:
            sock.close()


def test_a_request_that_stops_half_way_is_dropped_quickly(server: ScimServer) -> None:
    [sock] = idle_sockets(server, 1, b"POST /scim/v2/Contoso/Users HTTP/1.1\r\nHost: x\r\n")
    sock.settimeout(10)
    started = time.monotonic()
    assert sock.recv(100) == b""  # closed by the server, not by us
    assert time.monotonic() - started < 5
    sock.close()


def test_a_body_far_over_the_limit_is_a_scim_error_unread(
    server: ScimServer, endpoint: Endpoint, caplog: pytest.LogCaptureFixture
) -> None:
    size = 5 * MAX_BODY_BYTES
    with caplog.at_level(logging.WARNING, "sofa.scim"):
        answer = requests.post(
            f"{server.url}{endpoint.path}/Users",
            headers={**endpoint.headers, "Content-Type": SCIM_JSON, "Content-Length": str(size)},
            data=b"{" + b" " * (size - 2) + b"}",
            timeout=30,
        )
    assert answer.headers["Content-Type"] == SCIM_JSON
    assert_error(answer, 413)
    assert "refused before it reached Sofa" in caplog.text  # the operator sees it too


def test_a_malformed_request_is_a_scim_error(server: ScimServer) -> None:
    [sock] = idle_sockets(server, 1, b"GET /scim/v2/Contoso/Users HTTP/1.1\r\nHost x\r\n\r\n")
    sock.settimeout(5)
    answer = b""
    while chunk := sock.recv(65536):
        answer += chunk
    sock.close()
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.split(b" ")[1] == b"400" and b"Content-Type: application/scim+json" in head
    document = json.loads(body)
    assert document["status"] == "400" and document["detail"]


def test_a_long_id_is_not_echoed_whole(scim: Any) -> None:
    for path in ("/Users/", "/Groups/"):
        answer = scim.get(path + "x" * 65536)
        assert_error(answer, 404)
        assert len(answer.text) < 500
        assert "65536 characters" in answer.json["detail"]
