"""The embedded Waitress server starts on a free port and stops cleanly, even with a client
still connected (it relies on pinned Waitress internals: PLATFORM.md)."""

from __future__ import annotations

import http.client
import json
import socket
import threading
import time

import pytest
import requests

from sofa_scim_desktop.scim.server import ScimServer
from tests.samples import entra_group
from tests.samples import entra_user
from tests.samples import patch


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


def _patch_group(connection: http.client.HTTPConnection, endpoint, group_id: str, user_id: str):
    body = json.dumps(patch({"op": "add", "path": "members", "value": [{"value": user_id}]}))
    connection.request(
        "PATCH", f"{endpoint.path}/Groups/{group_id}", body=body, headers=endpoint.headers
    )
    answer = connection.getresponse()
    answer.read()
    return answer


def test_a_keep_alive_connection_survives_204_answers(app, endpoint):
    """Entra's group PATCHes answer 204 (RFC 7644 §3.5.2): the connection carries the next
    request (scim/waitress_task.py: Waitress 3.0.2 alone closes it after every 204).
    """
    server = ScimServer(app, "127.0.0.1", 0)
    server.start()
    try:
        base = f"{server.url}{endpoint.path}"
        user = requests.post(f"{base}/Users", json=entra_user(), headers=endpoint.headers).json()
        group = requests.post(f"{base}/Groups", json=entra_group(), headers=endpoint.headers)
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
        first = _patch_group(connection, endpoint, group.json()["id"], user["id"])
        socket_after_first = connection.sock
        second = _patch_group(connection, endpoint, group.json()["id"], user["id"])

        assert (first.status, second.status) == (204, 204)
        assert first.getheader("Connection") is None and not first.will_close
        assert socket_after_first is not None and connection.sock is socket_after_first
        connection.close()
    finally:
        server.stop()


def test_a_client_asking_to_close_after_a_204_is_closed(app, endpoint):
    server = ScimServer(app, "127.0.0.1", 0)
    server.start()
    try:
        base = f"{server.url}{endpoint.path}"
        user = requests.post(f"{base}/Users", json=entra_user(), headers=endpoint.headers).json()
        answer = requests.delete(
            f"{base}/Users/{user['id']}", headers={**endpoint.headers, "Connection": "close"}
        )

        assert answer.status_code == 204
        assert answer.headers["Connection"] == "close"
    finally:
        server.stop()


def test_answers_of_every_size_keep_their_framing_on_one_connection(app, endpoint):
    """The head and body go out in one send up to 256 kB (scim/waitress_task.py), larger
    ones in two: a small answer, a page larger than that and than the socket's buffer, a
    HEAD (not served: 405), a 404 and a 204 follow each other on one keep-alive connection,
    each body exactly as long as its Content-Length.
    """
    server = ScimServer(app, "127.0.0.1", 0)
    server.start()
    try:
        base = f"{server.url}{endpoint.path}"
        long_title = "x" * 2000  # 600 users of ~2.7 kB: a page of ~1.6 MB
        ids = [
            requests.post(
                f"{base}/Users",
                json=entra_user(f"user{n}@contoso.com", title=long_title),
                headers=endpoint.headers,
            ).json()["id"]
            for n in range(600)
        ]
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
        socket_first = None
        answers = []
        for method, path in [
            ("GET", f"/Users/{ids[0]}"),
            ("GET", "/Users?count=1000"),
            ("HEAD", f"/Users/{ids[1]}"),
            ("GET", "/Users/no-such-id"),
            ("DELETE", f"/Users/{ids[2]}"),
            ("GET", "/Users?count=1"),
        ]:
            connection.request(method, endpoint.path + path, headers=endpoint.headers)
            answer = connection.getresponse()
            body = answer.read()
            socket_first = socket_first or connection.sock
            answers.append((answer.status, answer.getheader("Content-Length"), body))

        assert [status for status, _, _ in answers] == [200, 200, 405, 404, 204, 200]
        single, page, head, missing, deleted, last = answers
        assert json.loads(single[2])["id"] == ids[0]
        assert int(page[1]) == len(page[2]) > 1_000_000
        assert len(json.loads(page[2])["Resources"]) == 600
        assert head[2] == b""  # a HEAD answer has no body, whatever its Content-Length
        assert json.loads(missing[2])["status"] == "404"
        assert deleted[2] == b""
        assert json.loads(last[2])["totalResults"] == 599
        assert connection.sock is socket_first  # never reconnected
        connection.close()
    finally:
        server.stop()
