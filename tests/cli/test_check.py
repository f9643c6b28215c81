"""`sofa-scim check ID [--json]` run as a real process (SPEC §8.2): exit status, the JSON and
the one line per step.
"""

from __future__ import annotations

import json
import socket
from typing import Any

import pytest

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.scim.server import ScimServer
from tests.cli.test_cli import run
from tests.conftest import Endpoint
from tests.tls_proxy import TestAuthority
from tests.tls_proxy import TlsProxy
from tests.tls_proxy import authority  # noqa: F401  (fixtures)
from tests.tls_proxy import local_server  # noqa: F401
from tests.tls_proxy import proxy_to  # noqa: F401

STEP_KEYS = {"step", "status", "code", "message", "fix"}


def check(services: bootstrap.Services, identifier: str, *args: str, **env: str) -> Any:
    return run("check", identifier, "--data-dir", str(services.data_dir), *args, env=env)


def test_the_default_address_fails_with_the_fix_as_json(
    services: bootstrap.Services, endpoint: Endpoint
) -> None:
    result = check(services, endpoint.identifier, "--json")
    assert result.returncode == 1, result.stderr
    document = json.loads(result.stdout)
    assert document["identifier"] == endpoint.identifier
    assert document["endpoint_url"] == f"http://127.0.0.1:8080/scim/v2/{endpoint.identifier}"
    assert document["ok"] is False
    steps = document["steps"]
    assert [s["step"] for s in steps] == ["url", "dns", "tls", "health", "scim"]
    assert all(set(s) == STEP_KEYS for s in steps)
    assert (steps[0]["status"], steps[0]["code"]) == ("error", "url.not_https")
    assert "Public base URL" in steps[0]["fix"]
    assert [(s["status"], s["fix"]) for s in steps[1:]] == [("skipped", None)] * 4


def test_the_text_is_one_line_per_step(services: bootstrap.Services, endpoint: Endpoint) -> None:
    result = check(services, endpoint.identifier)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 5
    assert lines[0].startswith("error    Public address") and " Fix: Set Settings" in lines[0]
    assert all(line.startswith("skipped ") for line in lines[1:])


def test_an_unknown_synchronization_fails(services: bootstrap.Services) -> None:
    result = check(services, "Nope")
    assert result.returncode == 1
    assert "No synchronization with the identifier 'Nope'" in result.stderr


def test_the_command_always_reports_a_loopback_address(
    services: bootstrap.Services,
    endpoint: Endpoint,
    proxy_to: Any,  # noqa: F811
    authority: TestAuthority,  # noqa: F811
) -> None:
    """Even when a working proxy listens there: Entra, in the cloud, cannot reach it."""
    proxy: TlsProxy = proxy_to(names=["127.0.0.1"])
    services.settings.set("public_base_url", f"https://127.0.0.1:{proxy.port}")
    result = check(services, endpoint.identifier, "--json", SSL_CERT_FILE=str(authority.ca_file))
    assert result.returncode == 1
    assert json.loads(result.stdout)["steps"][0]["code"] == "url.local"


def loopback_host_name() -> str:
    """This computer's own name when the system resolves it to 127.0.0.1 (/etc/hosts does
    on Debian): a name that passes step 1 and then reaches the test proxy.
    """
    name = socket.gethostname()
    try:
        addresses = [info[4][0] for info in socket.getaddrinfo(name, 443, socket.AF_INET)]
    except OSError:
        addresses = []
    if not addresses or addresses[0] != "127.0.0.1":
        pytest.skip(f"this computer's name {name!r} does not resolve to 127.0.0.1")
    return name


def test_a_working_proxy_exits_0_with_the_private_address_as_a_warning(
    services: bootstrap.Services,
    endpoint: Endpoint,
    proxy_to: Any,  # noqa: F811
    authority: TestAuthority,  # noqa: F811
    local_server: ScimServer,  # noqa: F811
) -> None:
    name = loopback_host_name()
    proxy: TlsProxy = proxy_to(names=[name])
    services.settings.set("public_base_url", f"https://{name}:{proxy.port}")
    result = check(
        services,
        endpoint.identifier,
        "--json",
        "--local-url",
        local_server.url,
        SSL_CERT_FILE=str(authority.ca_file),
    )
    assert result.returncode == 0, result.stdout
    steps = json.loads(result.stdout)["steps"]
    # A name without a domain ("vm") is a warning of its own: Entra could not resolve it.
    first = ("warning", "url.bare_host") if "." not in name else ("ok", "url.ok")
    assert (steps[0]["status"], steps[0]["code"]) == first
    assert [s["status"] for s in steps[1:]] == ["warning", "ok", "ok", "ok"]
    assert steps[1]["code"] == "dns.private"


def test_the_local_server_comes_from_the_settings(
    services: bootstrap.Services,
    endpoint: Endpoint,
    proxy_to: Any,  # noqa: F811
    authority: TestAuthority,  # noqa: F811
    local_server: ScimServer,  # noqa: F811
) -> None:
    name = loopback_host_name()
    proxy: TlsProxy = proxy_to(names=[name])
    services.settings.set("public_base_url", f"https://{name}:{proxy.port}")
    services.settings.set("server.port", str(local_server.port))
    result = check(services, endpoint.identifier, SSL_CERT_FILE=str(authority.ca_file))
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[3].startswith("ok       Reaches this server")
