"""The `sofa-scim` command line run as a real process (SPEC §7): output, JSON and exit codes."""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from sofa_scim_desktop import __version__
from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.domain.keys import hash_key
from sofa_scim_desktop.storage.tables import AccessKey
from sofa_scim_desktop.storage.tables import GroupMapping
from sofa_scim_desktop.storage.tables import RoleMapping
from sofa_scim_desktop.storage.tables import SofaGroup
from sofa_scim_desktop.storage.tables import SofaRole
from tests.conftest import Endpoint
from tests.conftest import child_environment
from tests.samples import entra_user
from tests.services.mail.conftest import SmtpSink
from tests.services.mail.conftest import free_port

GUID = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"
COMMAND = [sys.executable, "-m", "sofa_scim_desktop"]
USER_KEYS = {
    "user_name", "active", "display_name", "job", "notification_email", "first_name", "surname",
    "degree_before", "degree_after", "telephone", "mobile", "sso_identifier", "personal_number",
    "department", "manager", "groups", "roles", "removed", "source",
}  # fmt: skip


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = child_environment(env)
    return subprocess.run(
        [*COMMAND, *args], capture_output=True, text=True, timeout=60, env=environment
    )


def ok(*args: str) -> str:
    result = run(*args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def ok_json(*args: str) -> Any:
    return json.loads(ok(*args, "--json"))


def failed(*args: str, status: int = 1) -> str:
    result = run(*args)
    assert result.returncode == status, (result.stdout, result.stderr)
    assert result.stderr.strip()
    return result.stderr


@pytest.fixture
def data(services: bootstrap.Services) -> str:
    """The data folder, also open in this process to prepare and check the database."""
    return str(services.data_dir)


def test_version() -> None:
    assert ok("--version").strip() == f"sofa-scim {__version__}"


# --- sync ---------------------------------------------------------------------------------


def test_sync_create_derives_the_identifier(data: str) -> None:
    created = ok_json("sync", "create", "--name", "Účetní oddělení", "--data-dir", data)
    assert created["identifier"] == "Ucetni_oddeleni"
    assert created["enabled"] is True


def test_sync_create_with_every_option(services: bootstrap.Services, data: str) -> None:
    ok("sync", "create", "--name", "HR", "--identifier", "Contoso_HR", "--description", "d",
       "--disabled", "--notify-failures", "--welcome-email", "--password-link",
       "--log-level", "debug", "--data-dir", data)  # fmt: skip
    row = services.synchronizations.get("Contoso_HR")
    assert (row.name, row.description, row.enabled, row.log_level) == ("HR", "d", False, "debug")
    assert (row.notify_failures, row.welcome_email, row.password_link) == (True, True, True)


def test_sync_create_without_name_is_bad_usage(data: str) -> None:
    assert "--name" in failed("sync", "create", "--data-dir", data, status=2)


def test_sync_create_with_invalid_identifier_says_why(data: str) -> None:
    stderr = failed("sync", "create", "--name", "X", "--identifier", "1st", "--data-dir", data)
    assert "must start with a letter" in stderr


def test_sync_create_duplicate_identifier_fails(data: str, endpoint: Endpoint) -> None:
    assert "already used" in failed("sync", "create", "--name", "contoso", "--data-dir", data)


def test_sync_update(data: str, endpoint: Endpoint) -> None:
    updated = ok_json("sync", "update", "Contoso", "--disabled", "--name", "C2", "--data-dir", data)
    assert (updated["identifier"], updated["name"], updated["enabled"]) == ("Contoso", "C2", False)


def test_sync_update_unknown_fails(data: str) -> None:
    assert "No synchronization" in failed("sync", "update", "Nope", "--enabled", "--data-dir", data)


def test_sync_list_json(data: str, endpoint: Endpoint) -> None:
    (listed,) = ok_json("sync", "list", "--data-dir", data)
    assert {"identifier", "name", "type", "enabled", "last_call", "key_expires_at"} <= set(listed)
    assert (listed["identifier"], listed["name"], listed["type"]) == ("Contoso", "Contoso", "scim")
    assert (listed["enabled"], listed["last_call"]) == (True, None)
    assert listed["key_expires_at"].endswith("Z")


def test_sync_delete_needs_yes(services: bootstrap.Services, data: str, endpoint: Endpoint) -> None:
    assert "--yes" in failed("sync", "delete", "Contoso", "--data-dir", data, status=2)
    assert services.synchronizations.get("Contoso")


def test_sync_delete(services: bootstrap.Services, data: str, endpoint: Endpoint) -> None:
    ok("sync", "delete", "Contoso", "--yes", "--data-dir", data)
    assert services.synchronizations.all() == []


# --- key, group, role, map ----------------------------------------------------------------


def test_key_generate_json(services: bootstrap.Services, data: str, endpoint: Endpoint) -> None:
    services.settings.set("public_base_url", "https://sofa.example.com")
    issued = ok_json("key", "generate", "Contoso", "--days", "90", "--data-dir", data)
    assert set(issued) == {"key", "endpoint_url", "expires_at", "previous_key_valid_until"}
    assert issued["previous_key_valid_until"] is not None  # the fixture's key, in its grace
    assert issued["endpoint_url"] == "https://sofa.example.com/scim/v2/Contoso"
    assert [k.key_hash for k in AccessKey.select()] == [hash_key(issued["key"])]


def test_key_generate_refuses_a_short_validity(data: str, endpoint: Endpoint) -> None:
    assert "90 to 730 days" in failed("key", "generate", "Contoso", "--days", "30",
                                      "--data-dir", data)  # fmt: skip


@pytest.mark.parametrize(("kind", "table"), [("group", SofaGroup), ("role", SofaRole)])
def test_group_and_role_create(data: str, kind: str, table: Any) -> None:
    ok(kind, "create", "Účetní", "--data-dir", data)
    assert table.select().where(table.name == "Účetní").exists()


@pytest.mark.parametrize(
    ("kind", "table", "target"),
    [("group", GroupMapping, "Účetní"), ("role", RoleMapping, "Administrator")],
)
def test_map(services: bootstrap.Services, data: str, endpoint: Endpoint, kind: str,
             table: Any, target: str) -> None:  # fmt: skip
    services.directory.create_group("Účetní")
    ok("map", kind, "Contoso", f"--sofa-{kind}", target, "--remote", GUID.upper(),
       "--data-dir", data)  # fmt: skip
    assert [m.remote_id for m in table.select()] == [GUID]


def test_map_refuses_a_non_guid(data: str, endpoint: Endpoint) -> None:
    stderr = failed("map", "role", "Contoso", "--sofa-role", "Administrator", "--remote",
                    "Accounting", "--data-dir", data)  # fmt: skip
    assert "GUID" in stderr


# --- user ---------------------------------------------------------------------------------


def test_user_create_and_list_json(data: str) -> None:
    ok("user", "create", "jana", "--email", "jana@sofa.cz", "--first-name", "Jana",
       "--surname", "Nová", "--data-dir", data)  # fmt: skip
    (jana,) = ok_json("user", "list", "--data-dir", data)
    assert set(jana) == USER_KEYS
    assert (jana["user_name"], jana["first_name"], jana["surname"]) == ("jana", "Jana", "Nová")
    assert (jana["notification_email"], jana["active"], jana["removed"]) == (
        "jana@sofa.cz", True, False,
    )  # fmt: skip
    assert (jana["groups"], jana["roles"], jana["source"], jana["manager"]) == ([], [], None, None)


def test_user_create_refuses_a_bad_email(data: str) -> None:
    assert "e-mail" in failed("user", "create", "jana", "--email", "nope", "--data-dir", data)


def test_user_grant(services: bootstrap.Services, data: str) -> None:
    services.directory.create_user("jana", "jana@sofa.cz")
    ok("user", "grant", "jana", "--role", "Administrator", "--data-dir", data)
    assert services.directory.users()[0].roles == ["Administrator"]


def test_user_revoke(services: bootstrap.Services, data: str) -> None:
    services.directory.create_user("jana", "jana@sofa.cz")
    services.directory.create_group("Účetní")
    services.directory.grant("jana", group="Účetní")
    ok("user", "revoke", "jana", "--group", "Účetní", "--data-dir", data)
    assert services.directory.users()[0].groups == []


def test_user_revoke_what_was_not_granted_fails(services: bootstrap.Services, data: str) -> None:
    services.directory.create_user("jana", "jana@sofa.cz")
    stderr = failed("user", "revoke", "jana", "--role", "Administrator", "--data-dir", data)
    assert "does not have 'Administrator'" in stderr


@pytest.mark.parametrize(
    "args",
    [
        ["user", "grant", "jana"],
        ["user", "grant", "jana", "--role", "Administrator", "--group", "G"],
        ["user", "create", "jana"],
        ["map", "group", "Contoso", "--remote", GUID],
        ["key", "generate", "Contoso"],
        ["key", "generate", "Contoso", "--days", "many"],
        ["sync", "create", "--name", "X", "--log-level", "verbose"],
        ["frobnicate"],
    ],
)
def test_bad_usage_exits_2(data: str, args: list[str]) -> None:
    failed(*args, "--data-dir", data, status=2)


# --- logs, settings -----------------------------------------------------------------------


def test_logs_json(data: str, endpoint: Endpoint, scim: Any) -> None:
    scim.post("/Users", json=entra_user())
    entries = ok_json("logs", "Contoso", "--level", "information", "--data-dir", data)
    assert entries[0]["event"] == "user.created"
    assert {"at", "level", "event", "message", "detail"} <= set(entries[0])


def test_logs_of_unknown_synchronization_fail(data: str) -> None:
    assert "No synchronization" in failed("logs", "Nope", "--data-dir", data)


def test_settings_set_then_get(data: str) -> None:
    ok("settings", "set", "public_base_url", "https://sofa.example.com/", "--data-dir", data)
    assert ok("settings", "get", "public_base_url", "--data-dir", data).strip() == (
        "https://sofa.example.com"
    )


def test_closing_the_desktop_window_is_a_setting(data: str) -> None:
    assert ok("settings", "get", "gui.on_close", "--data-dir", data).strip() == "ask"
    ok("settings", "set", "gui.on_close", "tray", "--data-dir", data)
    assert ok("settings", "get", "gui.on_close", "--data-dir", data).strip() == "tray"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["set", "colour", "blue"], "Unknown setting"),
        (["set", "smtp.security", "ssl"], "Expected one of"),
        (["set", "gui.on_close", "hide"], "Expected one of: ask, tray, quit"),
        (["get", "colour"], "Unknown setting"),
    ],
)
def test_settings_refused(data: str, args: list[str], message: str) -> None:
    assert message in failed("settings", *args, "--data-dir", data)


# --- where the data lives -------------------------------------------------------------------


@pytest.mark.parametrize("before", [True, False])
def test_data_dir_before_or_after_the_command(tmp_path: Path, before: bool) -> None:
    folder = str(tmp_path / "chosen")
    args = ["group", "create", "Účetní"]
    ok(*(["--data-dir", folder, *args] if before else [*args, "--data-dir", folder]))
    assert (tmp_path / "chosen" / "sofa-scim.db").is_file()


def test_data_dir_from_the_environment(tmp_path: Path) -> None:
    result = run("group", "create", "Účetní", env={"SOFA_SCIM_DATA_DIR": str(tmp_path / "env")})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "env" / "sofa-scim.db").is_file()


# --- serve ----------------------------------------------------------------------------------


def read_line(process: subprocess.Popen[str], timeout: float = 20) -> str:
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], timeout)
    assert ready, "serve printed nothing"
    return process.stdout.readline().strip()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_serve_answers_then_stops_cleanly(data: str, endpoint: Endpoint, signum: int) -> None:
    process = subprocess.Popen(
        [*COMMAND, "serve", "--host", "127.0.0.1", "--port", "0", "--data-dir", data],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = read_line(process)
        assert line.startswith("listening on http://127.0.0.1:")
        url = line.removeprefix("listening on ") + endpoint.path
        answer = requests.get(f"{url}/Users", params={"filter": f'userName eq "{GUID}"'},
                              headers=endpoint.headers, timeout=10)  # fmt: skip
        assert (answer.status_code, answer.json()["totalResults"]) == (200, 0)
        started = time.monotonic()
        process.send_signal(signum)
        assert process.wait(timeout=15) == 0
        assert time.monotonic() - started < 5
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()
        process.stderr.close()


@pytest.mark.parametrize(("args", "signum"), [([], signal.SIGTERM), (["gui"], signal.SIGINT)])
def test_gui_serves_then_quits_cleanly(
    services: bootstrap.Services, data: str, endpoint: Endpoint, args: list[str], signum: int
) -> None:
    """`sofa-scim` (= gui) announces its embedded server like serve, and quits on a signal."""
    services.settings.set("server.port", "0")
    process = subprocess.Popen(
        [*COMMAND, *args, "--data-dir", data],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    try:
        line = read_line(process)
        assert line.startswith("listening on http://127.0.0.1:")
        url = line.removeprefix("listening on ") + endpoint.path
        answer = requests.get(f"{url}/Users", headers=endpoint.headers, timeout=10)
        assert answer.status_code == 200
        process.send_signal(signum)
        assert process.wait(timeout=15) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()
        process.stderr.close()


# --- E-mail ---------------------------------------------------------------------------------

OUTBOX_KEYS = {"id", "to", "subject", "kind", "state", "attempts", "last_error", "created_at",
               "sent_at"}  # fmt: skip


def test_mail_outbox_lists_messages_as_json(services: bootstrap.Services, data: str) -> None:
    assert ok_json("mail", "outbox", "--data-dir", data) == []
    services.mail.send_test("admin@example.com")
    [entry] = ok_json("mail", "outbox", "--data-dir", data)
    assert set(entry) == OUTBOX_KEYS
    assert (entry["to"], entry["kind"], entry["state"], entry["sent_at"]) == (
        "admin@example.com", "test", "queued", None,
    )  # fmt: skip
    assert "admin@example.com" in ok("mail", "outbox", "--data-dir", data)


def test_mail_test_without_smtp_stays_queued_and_says_why(data: str) -> None:
    stderr = failed("mail", "test", "--to", "admin@example.com", "--data-dir", data)
    assert "queued, not sent" in stderr and "smtp.host" in stderr


def test_smtp_password_set_and_get_never_print_it(data: str, tmp_path: Path) -> None:
    env = {"PYTHON_KEYRING_BACKEND": "tests.file_keyring.FileKeyring",
           "SOFA_TEST_KEYRING_FILE": str(tmp_path / "keyring.json")}  # fmt: skip
    result = run("settings", "get", "smtp.password", "--data-dir", data, env=env)
    assert result.stdout.strip() == "(not set)"
    result = run("settings", "set", "smtp.password", "hunter2", "--data-dir", data, env=env)
    assert result.returncode == 0 and "hunter2" not in result.stdout + result.stderr
    result = run("settings", "get", "smtp.password", "--data-dir", data, env=env)
    assert result.stdout.strip() == "(set)"


def test_smtp_password_without_a_keyring_names_the_alternative(data: str) -> None:
    env = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    result = run("settings", "set", "smtp.password", "hunter2", "--data-dir", data, env=env)
    assert result.returncode == 1
    assert "SOFA_SCIM_SMTP_PASSWORD" in result.stderr and "hunter2" not in result.stderr
    env["SOFA_SCIM_SMTP_PASSWORD"] = "x"
    result = run("settings", "get", "smtp.password", "--data-dir", data, env=env)
    assert result.stdout.strip() == "(set)"


@pytest.fixture
def sink(services: bootstrap.Services) -> Iterator[SmtpSink]:
    """A real SMTP server on loopback, set up in the settings."""
    server = SmtpSink(free_port())
    server.start()
    for key, value in (
        ("smtp.host", "127.0.0.1"),
        ("smtp.port", str(server.port)),
        ("smtp.security", "none"),
        ("smtp.sender", "sofa@example.com"),
    ):
        services.settings.set(key, value)  # fmt: skip
    yield server
    server.stop()


def test_mail_test_sends_at_once(data: str, sink: SmtpSink) -> None:
    out = ok("mail", "test", "--to", "admin@example.com", "--data-dir", data)
    assert "sent to admin@example.com" in out
    assert [m.envelope_to for m in sink.messages] == [["admin@example.com"]]


def test_serve_sends_the_queued_mail(
    services: bootstrap.Services, data: str, sink: SmtpSink
) -> None:
    services.mail.send_test("admin@example.com")
    process = subprocess.Popen(
        [*COMMAND, "serve", "--host", "127.0.0.1", "--port", "0", "--data-dir", data],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert read_line(process).startswith("listening on")
        sink.wait_for(1, timeout=20)
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=15) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()
        process.stderr.close()
    assert services.mail.outbox()[0].state == "sent"
