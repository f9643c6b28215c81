"""The deployment files in deploy/ stay true to the command line and the settings: the systemd
unit's and the container's commands parse, and every variable of the example environment is one
the server knows, with a value it accepts (SPEC §8.4).
"""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest

from sofa_scim_desktop.cli.parser import build_parser
from sofa_scim_desktop.services.settings import SETTINGS
from sofa_scim_desktop.services.settings import environment_errors
from sofa_scim_desktop.services.settings import environment_name

DEPLOY = Path(__file__).resolve().parent.parent / "deploy"
# Read by config, the parser, secrets and cpu_placement rather than by Settings.
OTHER_VARIABLES = {
    "SOFA_SCIM_DATA_DIR", "SOFA_SCIM_DATABASE", "SOFA_SCIM_SMTP_PASSWORD", "SOFA_SCIM_LOG_FORMAT",
    "SOFA_SCIM_LOG_LEVEL", "SOFA_SCIM_WORKERS", "SOFA_SCIM_CPU_PINNING",
}  # fmt: skip


def example_environment() -> dict[str, str]:
    pairs = {}
    for line in (DEPLOY / "sofa-scim.env").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, value = line.partition("=")
            pairs[name] = value
    return pairs


def test_the_systemd_unit_starts_serve_with_options_it_has() -> None:
    unit = (DEPLOY / "sofa-scim.service").read_text()
    exec_start = next(line for line in unit.splitlines() if line.startswith("ExecStart="))
    command = shlex.split(exec_start.removeprefix("ExecStart="))
    assert command[0].endswith("/sofa-scim")
    args = build_parser().parse_args(command[1:])
    assert (args.host, args.port, args.workers) == ("127.0.0.1", 8080, 2)


def test_the_container_starts_serve_on_every_address() -> None:
    containerfile = (DEPLOY / "Containerfile").read_text()
    entrypoint = next(line for line in containerfile.splitlines() if line.startswith("ENTRYPOINT"))
    command = json.loads(entrypoint.removeprefix("ENTRYPOINT"))  # the exec form is JSON
    args = build_parser().parse_args(command[1:])
    assert (args.host, args.port) == ("0.0.0.0", 8080)
    for line in containerfile.splitlines():
        if line.startswith("COPY "):
            for source in line.split()[1:-1]:
                assert (DEPLOY.parent / source).exists(), source


def test_every_example_variable_is_known_and_accepted(monkeypatch: pytest.MonkeyPatch) -> None:
    known = {environment_name(key) for key in SETTINGS} | OTHER_VARIABLES
    environment = example_environment()
    assert set(environment) <= known
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert environment_errors() == []
