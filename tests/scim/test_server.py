"""The embedded Waitress server starts on a free port and stops cleanly, even with a client
still connected (it relies on pinned Waitress internals: PLATFORM.md)."""

from __future__ import annotations

import socket
import threading
import time

import pytest
import requests

from sofa_scim_desktop.scim.server import ScimServer


def test_port_zero_picks_a_free_port_that_answers(app, endpoint):
    server = ScimServer(app, "127.0.0.1", 0)
    server.start()
    try:
        answer = requests.get(
            f"{server.url}{endpoint.path}/Users", headers=endpoint.headers, timeout=5
        )
        assert server.port > 0
        assert answer.status_code == 200
    finally:
        server.stop()


def test_stop_with_a_keep_alive_client_connected_frees_the_port_and_threads(app, endpoint):
    server = ScimServer(app, "127.0.0.1", 0)
    server.start()
    session = requests.Session()
    session.get(f"{server.url}{endpoint.path}/Users", headers=endpoint.headers, timeout=5)
    threads_before = threading.active_count()

    started = time.monotonic()
    server.stop()
    elapsed = time.monotonic() - started

    assert elapsed < 2
    assert threading.active_count() < threads_before
    with pytest.raises(ConnectionRefusedError):  # nobody listens on the port any more
        socket.create_connection(("127.0.0.1", server.port), timeout=2).close()
    session.close()


def test_stop_when_the_loop_trigger_is_already_closed_still_frees_the_port(app, endpoint):
    server = ScimServer(app, "127.0.0.1", 0)
    server.start()
    requests.get(f"{server.url}{endpoint.path}/Users", headers=endpoint.headers, timeout=5)
    server._server.trigger.close()  # what was seen now and then in the test suite (EBADF)

    started = time.monotonic()
    server.stop()

    assert time.monotonic() - started < 5
    assert not server._thread.is_alive()
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", server.port), timeout=2).close()
