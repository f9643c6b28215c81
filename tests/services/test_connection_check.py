"""The connection check (SPEC §8.2) through a real TLS-terminating proxy on loopback to a real
Waitress: what Entra's "Test connection" would meet, step by step.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
from collections.abc import Callable
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.scim.server import ScimServer
from sofa_scim_desktop.services.connection_check import check_connection
from sofa_scim_desktop.services.connection_check import local_base_url
from sofa_scim_desktop.services.connection_report import Options
from sofa_scim_desktop.services.connection_report import Report
from sofa_scim_desktop.services.instance import instance_id
from sofa_scim_desktop.services.synchronizations import overview
from sofa_scim_desktop.storage.tables import LogEntry
from tests.conftest import Endpoint
from tests.tls_proxy import TEST_HOST
from tests.tls_proxy import NotSofa
from tests.tls_proxy import TestAuthority
from tests.tls_proxy import TlsProxy
from tests.tls_proxy import authority  # noqa: F401  (fixtures)
from tests.tls_proxy import local_server  # noqa: F401
from tests.tls_proxy import proxy_to  # noqa: F401
from tests.tls_proxy import resolve_test_host

Check = Callable[..., Report]


@pytest.fixture
def check(
    authority: TestAuthority,  # noqa: F811
    local_server: ScimServer,  # noqa: F811
    endpoint: Endpoint,
) -> Check:
    """check(public base URL, local_url=the local server, **Options) for the endpoint's
    synchronization, trusting the test CA and resolving the test host to loopback.
    """

    def run(base: str, local_url: str | None = local_server.url, **options: Any) -> Report:
        settings = {"ca_file": str(authority.ca_file), "resolver": resolve_test_host}
        settings.update({"allow_private": True, **options})
        return check_connection(endpoint.identifier, base, local_url, Options(**settings))

    return run


def outcome(report: Report) -> list[tuple[str, str]]:
    return [(step.status, step.code) for step in report.steps]


def url_of(proxy: TlsProxy, host: str = TEST_HOST) -> str:
    return f"https://{host}:{proxy.port}"


def test_through_a_good_proxy_every_step_is_ok(check: Check, proxy_to: Any) -> None:  # noqa: F811
    report = check(url_of(proxy_to()))
    assert outcome(report) == [
        ("ok", "url.ok"), ("ok", "dns.ok"), ("ok", "tls.ok"), ("ok", "health.ok"),
        ("ok", "scim.ok"),
    ]  # fmt: skip
    assert report.ok
    assert instance_id() in report.steps[3].message
    assert all(step.fix is None for step in report.steps)


def test_the_json_names_the_endpoint_and_each_step(
    check: Check,
    proxy_to: Any,  # noqa: F811
    endpoint: Endpoint,
) -> None:
    proxy = proxy_to()
    document = check(url_of(proxy) + "/").as_json()
    assert document["identifier"] == endpoint.identifier
    assert document["endpoint_url"] == f"{url_of(proxy)}/scim/v2/{endpoint.identifier}"
    assert document["ok"] is True
    assert [s["step"] for s in document["steps"]] == ["url", "dns", "tls", "health", "scim"]
    assert set(document["steps"][0]) == {"step", "status", "code", "message", "fix"}


def test_a_plain_http_address_is_an_error_and_the_rest_is_skipped(check: Check) -> None:
    report = check("http://sofa.example.com")
    assert outcome(report)[0] == ("error", "url.not_https")
    assert [s.status for s in report.steps[1:]] == ["skipped"] * 4
    assert "must be fixed first" in report.steps[1].message
    assert "Public base URL" in (report.steps[0].fix or "")
    assert not report.ok


@pytest.mark.parametrize(
    ("host", "code"),
    [
        ("127.0.0.1", "url.local"),
        ("[::1]", "url.local"),
        ("localhost", "url.local"),
        ("sofa.localhost", "url.local"),
        ("0.0.0.0", "url.local"),
        ("10.1.2.3", "url.private"),
        ("172.16.0.1", "url.private"),
        ("192.168.1.10", "url.private"),
        ("169.254.10.1", "url.private"),
        ("100.64.0.1", "url.private"),
        ("[fe80::1]", "url.private"),
        ("[fd00::1]", "url.private"),
        ("sofa.local", "url.private"),
    ],
)
def test_an_address_entra_cannot_reach_is_an_error(check: Check, host: str, code: str) -> None:
    report = check(f"https://{host}:8443", allow_private=False)  # no connection is made
    assert outcome(report)[0] == ("error", code)
    assert [s.status for s in report.steps[1:]] == ["skipped"] * 4


def test_a_name_without_a_domain_is_a_warning_and_the_check_goes_on(check: Check) -> None:
    def inside(host: str, port: int) -> list[str]:
        return ["10.0.0.7"]  # what an inside DNS gives; Entra has no answer at all

    report = check("https://sofa:8443", allow_private=False, resolver=inside, timeout=0.5)
    assert outcome(report)[:2] == [("warning", "url.bare_host"), ("warning", "dns.private")]
    assert "a name without a domain" in report.steps[0].message
    assert "Public base URL" in (report.steps[0].fix or "")


def test_an_ip_address_needs_no_name_look_up(check: Check, proxy_to: Any) -> None:  # noqa: F811
    def no_look_up(host: str, port: int) -> list[str]:
        raise AssertionError("no look-up for an IP address")

    proxy = proxy_to(names=["127.0.0.1"])  # a certificate for the address itself
    report = check(url_of(proxy, "127.0.0.1"), resolver=no_look_up)
    assert outcome(report)[:3] == [("ok", "url.ok"), ("ok", "dns.literal"), ("ok", "tls.ok")]
    assert report.ok


def test_a_name_that_resolves_to_a_private_address_is_a_warning(
    check: Check,
    proxy_to: Any,  # noqa: F811
) -> None:
    report = check(url_of(proxy_to()), allow_private=False)
    assert outcome(report)[1] == ("warning", "dns.private")
    assert "127.0.0.1" in report.steps[1].message
    assert "public DNS record" in (report.steps[1].fix or "")
    assert [s.status for s in report.steps[2:]] == ["ok"] * 3
    assert report.ok  # a warning alone does not fail the check


def test_a_name_that_does_not_resolve_is_an_error(check: Check) -> None:
    report = check("https://nowhere.invalid")
    assert outcome(report)[1] == ("error", "dns.failed")
    assert "Name or service not known" in report.steps[1].message
    assert [s.status for s in report.steps[2:]] == ["skipped"] * 3
    assert "nowhere.invalid does not resolve" in report.steps[2].message


def test_a_name_look_up_that_hangs_times_out(check: Check) -> None:
    release = threading.Event()

    def hanging(host: str, port: int) -> list[str]:
        release.wait(10)
        return []

    try:
        report = check(f"https://{TEST_HOST}", resolver=hanging, timeout=0.3)
    finally:
        release.set()
    assert outcome(report)[1] == ("error", "dns.failed")
    assert "timed out" in report.steps[1].message


def test_an_expired_certificate_is_an_error(check: Check, proxy_to: Any) -> None:  # noqa: F811
    report = check(url_of(proxy_to(valid_days=-3)))
    assert outcome(report)[2] == ("error", "tls.expired")
    assert "expired on 20" in report.steps[2].message  # the date it expired
    assert "Renew the certificate" in (report.steps[2].fix or "")
    assert [s.status for s in report.steps[3:]] == ["skipped"] * 2
    assert not report.ok


def test_a_certificate_for_another_host_is_an_error(check: Check, proxy_to: Any) -> None:  # noqa: F811
    report = check(url_of(proxy_to(names=["other.test", "www.other.test"])))
    assert outcome(report)[2] == ("error", "tls.wrong_host")
    assert "it is for other.test, www.other.test" in report.steps[2].message
    assert not report.ok


def test_a_certificate_expiring_within_14_days_is_a_warning(
    check: Check,
    proxy_to: Any,  # noqa: F811
) -> None:
    report = check(url_of(proxy_to(valid_days=7)))
    assert outcome(report)[2] == ("warning", "tls.expiring")
    assert "days left: 6" in report.steps[2].message or "days left: 7" in report.steps[2].message
    assert [s.status for s in report.steps[3:]] == ["ok", "ok"]
    assert report.ok


def test_a_certificate_from_an_unknown_authority_is_an_error(
    check: Check,
    proxy_to: Any,  # noqa: F811
) -> None:
    report = check(url_of(proxy_to()), ca_file=None)  # the system's store: no test CA
    assert outcome(report)[2] == ("error", "tls.untrusted")
    assert "public certificate authority" in (report.steps[2].fix or "")


def test_the_system_store_honours_ssl_cert_file(
    check: Check,
    proxy_to: Any,  # noqa: F811
    authority: TestAuthority,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(authority.ca_file))
    assert check(url_of(proxy_to()), ca_file=None).ok


def test_no_proxy_listening_is_an_error(check: Check) -> None:
    with socket.socket() as closed:  # a port nobody listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    report = check(f"https://{TEST_HOST}:{port}")
    assert outcome(report)[2] == ("error", "tls.unreachable")
    assert "refused" in report.steps[2].message


def test_https_to_the_servers_own_plain_http_port_is_an_error(
    check: Check,
    local_server: ScimServer,  # noqa: F811
) -> None:
    report = check(f"https://{TEST_HOST}:{local_server.port}", timeout=1)
    assert outcome(report)[2] == ("error", "tls.handshake")
    assert "timed out" in report.steps[2].message  # Waitress waits for a request line
    assert "the proxy's HTTPS port" in (report.steps[2].fix or "")


@pytest.fixture
def other_sofa(tmp_path: Path) -> Iterator[tuple[str, int]]:
    """Another Sofa server, in a process of its own: another instance."""
    data = tmp_path / "other"
    process = subprocess.Popen(
        [sys.executable, "-m", "sofa_scim_desktop", "serve", "--host", "127.0.0.1"]
        + ["--port", "0", "--data-dir", str(data)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline().strip()
    assert line.startswith("listening on http://127.0.0.1:"), line
    yield ("127.0.0.1", int(line.rsplit(":", 1)[1]))
    process.terminate()
    process.wait(10)


def test_a_proxy_that_reaches_another_sofa_server_is_an_error(
    check: Check,
    proxy_to: Any,  # noqa: F811
    other_sofa: tuple[str, int],
    local_server: ScimServer,  # noqa: F811
) -> None:
    report = check(url_of(proxy_to(upstream=other_sofa)))
    assert outcome(report)[3] == ("error", "health.other_instance")
    assert instance_id() in report.steps[3].message  # this one's, beside the other's
    assert local_server.url in (report.steps[3].fix or "")
    assert not report.ok


def test_a_port_that_speaks_no_tls_is_an_error(check: Check) -> None:
    """What nginx or Caddy do on their plain HTTP port: answer 400 to the TLS hello."""
    with socket.create_server(("127.0.0.1", 0)) as listener:
        port = listener.getsockname()[1]

        def answer_400() -> None:
            conn, _ = listener.accept()
            with conn:
                conn.recv(4096)
                conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")

        thread = threading.Thread(target=answer_400, daemon=True)
        thread.start()
        report = check(f"https://{TEST_HOST}:{port}")
        thread.join(5)
    assert outcome(report)[2] == ("error", "tls.handshake")


def test_a_proxy_that_reaches_another_web_server_is_an_error(
    check: Check,
    proxy_to: Any,  # noqa: F811
) -> None:
    site = NotSofa()
    try:
        report = check(url_of(proxy_to(upstream=site.address)))
    finally:
        site.close()
    assert outcome(report)[3:] == [("warning", "health.not_sofa"), ("error", "scim.not_sofa")]
    assert "HTTP 404 (text/html)" in report.steps[4].message
    assert "/scim/v2/" in (report.steps[4].fix or "")
    assert not report.ok


def test_without_the_local_server_it_cannot_tell_which_instance(
    check: Check,
    proxy_to: Any,  # noqa: F811
) -> None:
    report = check(url_of(proxy_to()), local_url=None)
    assert outcome(report)[3] == ("warning", "health.local_unknown")
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        nobody = f"http://127.0.0.1:{closed.getsockname()[1]}"
    report = check(url_of(proxy_to()), local_url=nobody)
    assert outcome(report)[3] == ("warning", "health.local_down")
    assert report.ok  # Entra may well reach a server that works


def test_a_server_without_its_database_is_an_error(
    check: Check,
    proxy_to: Any,  # noqa: F811
    outage: Any,
) -> None:
    # NOTE: back before the teardown: pytest-qt then runs the Qt event loop, and a list
    # page left from a GUI test may poll the database once more.
    with outage():
        report = check(url_of(proxy_to()))
    assert outcome(report)[3] == ("error", "health.database")


@pytest.mark.parametrize(
    ("host", "port", "url"),
    [
        ("127.0.0.1", 8080, "http://127.0.0.1:8080"),
        ("0.0.0.0", 8080, "http://127.0.0.1:8080"),
        ("::", 9000, "http://[::1]:9000"),
        ("127.0.0.1", 0, None),
    ],
)
def test_the_local_server_is_asked_where_it_listens(host: str, port: int, url: str) -> None:
    assert local_base_url(host, port) == url


def test_the_wrong_key_call_is_logged_as_the_checks_own(
    check: Check,
    proxy_to: Any,  # noqa: F811
    services: bootstrap.Services,
    endpoint: Endpoint,
) -> None:
    """The admin reading the transaction log can tell the check's refused call from Entra's,
    and the check does not make the synchronization look refused."""
    assert check(url_of(proxy_to())).ok
    sync = services.synchronizations.get(endpoint.identifier)
    refused = LogEntry.select().where(LogEntry.sync == sync.id, LogEntry.event == "call.refused")
    details = [json.loads(entry.detail) for entry in refused]
    assert [(d["reason"], d["count"]) for d in details] == [("wrong_key", 1)]
    assert details[0]["user_agent"].startswith("sofa-scim-check/")
    [summary] = overview()
    assert (summary.health.state, summary.last_call_at) == ("never_called", None)
