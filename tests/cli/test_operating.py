"""Operating the server (SPEC §8.1) through the real command line: one line per request on
stderr, `status`, and the health fields of `sync list --json`."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import requests

from sofa_scim_desktop import bootstrap
from tests.cli.test_cli import COMMAND
from tests.cli.test_cli import ok_json
from tests.cli.test_cli import read_line
from tests.cli.test_cli import run
from tests.conftest import Endpoint
from tests.conftest import child_environment
from tests.samples import entra_user


@pytest.fixture
def data(services: bootstrap.Services) -> str:
    return str(services.data_dir)


@contextmanager
def serving(data: str, *options: str, env: dict[str, str] | None = None) -> Iterator[list[str]]:
    """`serve` on a free port; yields its base URL, then (after SIGTERM) its stderr lines."""

    environment = child_environment(env)
    command = [*COMMAND, "serve", "--port", "0", "--data-dir", data, *options]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment
    )
    output: list[str] = []
    try:
        output.append(read_line(process).removeprefix("listening on "))
        yield output
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=15)
        output[:] = stderr.splitlines()


def calls(base: str, endpoint: Endpoint) -> None:
    url = f"{base}{endpoint.path}"
    lookup = {"filter": 'userName eq "jana.novakova@contoso.cz"'}
    assert requests.get(f"{url}/Users", params=lookup, headers=endpoint.headers).status_code == 200
    created = requests.post(f"{url}/Users", json=entra_user(), headers=endpoint.headers)
    assert created.status_code == 201
    refused = requests.get(f"{url}/Users", headers={"Authorization": "Bearer nope"})
    assert refused.status_code == 401
    assert requests.get(f"{base}/scim/v2/Contosso/Users").status_code == 401
    assert requests.get(f"{base}/healthz").status_code == 200


def test_serve_writes_one_json_line_per_request_without_query_values(
    data: str, endpoint: Endpoint
) -> None:
    with serving(data, "--log-format", "json") as output:
        calls(output[0], endpoint)
    records = [json.loads(line) for line in output if line.startswith("{")]

    assert [(r["method"], r["status"], r["identifier"]) for r in records] == [
        ("GET", 200, "Contoso"), ("POST", 201, "Contoso"), ("GET", 401, "Contoso"),
        ("GET", 401, "Contosso"), ("GET", 200, None),
    ]  # fmt: skip
    assert records[0]["path"] == "/scim/v2/Contoso/Users"
    assert all(isinstance(r["ms"], float) and r["at"].endswith("Z") for r in records)
    assert "jana.novakova" not in "\n".join(output)


def test_serve_text_lines_and_the_level_from_the_environment(data: str, endpoint: Endpoint) -> None:
    with serving(data, env={"SOFA_SCIM_LOG_LEVEL": "warning"}) as output:
        calls(output[0], endpoint)
    lines = [line for line in output if " /scim/" in line or "/healthz" in line]
    assert len(lines) == 2, output  # only the two refused calls at warning
    assert lines[0].split()[1:5] == ["Contoso", "GET", "/scim/v2/Contoso/Users", "401"]
    assert lines[0].endswith("ms")


def test_a_bad_log_format_in_the_environment_is_refused(data: str) -> None:
    result = run("serve", "--port", "0", "--data-dir", data, env={"SOFA_SCIM_LOG_FORMAT": "xml"})
    assert result.returncode == 1
    assert "log format must be one of text, json" in result.stderr


def test_status_after_serve_shows_health_and_unknown_identifiers(
    data: str, endpoint: Endpoint
) -> None:
    with serving(data) as output:
        calls(output[0], endpoint)
    state = ok_json("status", "--data-dir", data)

    assert state["schema_version"] == 6
    [sync] = state["synchronizations"]
    assert (sync["identifier"], sync["health"]) == ("Contoso", "refused")
    assert (sync["calls_24h"], sync["refused_24h"], sync["failed_24h"]) == (3, 1, 0)
    assert state["unknown_identifier_calls"] == 1
    assert state["unknown_identifiers"][0]["identifier"] == "Contosso"
    text = run("status", "--data-dir", data).stdout
    assert "calls to unknown identifiers: 1 (last tried: Contosso)" in text


def test_sync_list_json_has_the_health_fields(data: str, endpoint: Endpoint) -> None:
    with serving(data) as output:
        base = output[0]
        url = f"{base}{endpoint.path}/Users"
        assert requests.get(url, headers=endpoint.headers).status_code == 200
    [listed] = ok_json("sync", "list", "--data-dir", data)

    assert listed["endpoint_url"] == "http://127.0.0.1:8080/scim/v2/Contoso"
    assert listed["health"] == "ok"
    assert listed["health_reason"] == "Entra's calls are answered."
    assert listed["last_success"] is not None and listed["last_success"].endswith("Z")
    assert (listed["calls_24h"], listed["failed_24h"], listed["refused_24h"]) == (1, 0, 0)


def test_settings_from_the_environment_win_and_are_checked(data: str) -> None:
    """SPEC §8.4: a container sets `SOFA_SCIM_<KEY>` instead of running `settings set`."""
    env = {"SOFA_SCIM_PUBLIC_BASE_URL": "https://scim.contoso.cz"}
    got = run("settings", "get", "public_base_url", "--data-dir", data, env=env)
    assert got.stdout.strip() == "https://scim.contoso.cz"
    stored = run(
        "settings",
        "set",
        "public_base_url",
        "https://other.contoso.cz",
        "--data-dir",
        data,
        env=env,
    )
    assert stored.returncode == 0
    assert "SOFA_SCIM_PUBLIC_BASE_URL is set and wins over this value" in stored.stderr
    bad = run("sync", "list", "--data-dir", data, env={"SOFA_SCIM_LOGS_RETENTION_DAYS": "0"})
    assert bad.returncode == 1
    assert bad.stderr.strip().splitlines() == [
        "sofa-scim: SOFA_SCIM_LOGS_RETENTION_DAYS='0': Expected a whole number of days, at least 1."
    ]
