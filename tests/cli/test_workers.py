"""`serve --workers N` and the server's own CPU placement (SPEC §8.4), through the real command
line: one `listening on` line, connections spread over the workers, one database, a dead worker
started again, SIGTERM stops them all.
"""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager

import psutil
import pytest
import requests

from sofa_scim_desktop import bootstrap
from tests.cli.test_cli import COMMAND
from tests.cli.test_cli import read_line
from tests.cli.test_cli import run
from tests.conftest import Endpoint
from tests.conftest import child_environment
from tests.samples import entra_user

pytestmark = pytest.mark.skipif(
    not hasattr(os, "sched_setaffinity"), reason="SO_REUSEPORT workers and pinning are Linux's"
)
TWO_CPUS = len(os.sched_getaffinity(0)) >= 2 if hasattr(os, "sched_getaffinity") else False


@pytest.fixture
def data(services: bootstrap.Services) -> str:
    return str(services.data_dir)


@contextmanager
def server(
    data: str, *options: str, env: dict[str, str] | None = None
) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    command = [*COMMAND, "serve", "--port", "0", "--data-dir", data, *options]
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_environment(env),
    )
    try:
        yield read_line(process, timeout=60).removeprefix("listening on "), process
    finally:
        if process.poll() is None:
            process.terminate()
        try:
            process.communicate(timeout=20)
        except subprocess.TimeoutExpired:  # serve printed its threads' stacks after 10 s
            process.kill()
            _, err = process.communicate()
            stacks = err[-6000:]
            raise AssertionError(f"serve did not stop within 20 s of SIGTERM:\n{stacks}") from None


def workers_answering(base: str, tries: int = 40) -> set[int]:
    """Which workers answer /healthz, each try on a new connection (the kernel spreads them)."""
    seen = set()
    for _ in range(tries):
        answer = requests.get(f"{base}/healthz", headers={"Connection": "close"}, timeout=5)
        assert answer.status_code == 200
        seen.add(answer.json()["worker"])
    return seen


def test_two_workers_share_the_port_the_instance_and_the_database(
    data: str, endpoint: Endpoint
) -> None:
    with server(data, "--workers", "2") as (base, process):
        assert workers_answering(base) == {0, 1}
        instances = {requests.get(f"{base}/healthz").json()["instance"] for _ in range(10)}
        assert len(instances) == 1  # one server to a proxy's check, whichever worker answers
        url = f"{base}{endpoint.path}/Users"
        created = requests.post(url, json=entra_user(), headers=endpoint.headers)
        assert created.status_code == 201
        again = requests.post(url, json=entra_user(), headers=endpoint.headers)
        assert again.status_code == 409  # through the other worker or not: one database
        for _ in range(10):
            headers = {**endpoint.headers, "Connection": "close"}
            found = requests.get(f"{url}/{created.json()['id']}", headers=headers)
            assert found.status_code == 200
        children = psutil.Process(process.pid).children()
        assert len(children) == 2
        if TWO_CPUS:  # each on its own core
            assert len({frozenset(child.cpu_affinity()) for child in children}) == 2
        process.terminate()
        assert process.wait(timeout=20) == 0
        assert not any(child.is_running() for child in children)


def test_a_worker_that_dies_is_started_again(data: str) -> None:
    with server(data, "--workers", "2") as (base, process):
        first = psutil.Process(process.pid).children()[0]
        first.kill()
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if len(psutil.Process(process.pid).children()) == 2 and first.pid not in [
                child.pid for child in psutil.Process(process.pid).children()
            ]:
                break
            time.sleep(0.2)
        time.sleep(1)
        assert workers_answering(base) == {0, 1}
        process.terminate()
        _, stderr = process.communicate(timeout=20)
    assert "exited (killed by SIGKILL); starting it again" in stderr


def test_workers_below_one_are_refused(data: str) -> None:
    result = run("serve", "--port", "0", "--workers", "0", "--data-dir", data)
    assert result.returncode == 1
    assert result.stderr.strip() == "sofa-scim: --workers must be 1 or more."
    from_env = run("serve", "--port", "0", "--data-dir", data, env={"SOFA_SCIM_WORKERS": "many"})
    assert from_env.returncode == 2
    assert "--workers" in from_env.stderr


@pytest.mark.skipif(not TWO_CPUS, reason="pinning needs two CPUs to choose from")
def test_the_default_serve_places_itself_on_one_core(data: str) -> None:
    with server(data) as (_base, process):
        assert len(psutil.Process(process.pid).cpu_affinity()) == 1
        assert "worker" not in requests.get(f"{_base}/healthz").json()
    with server(data, env={"SOFA_SCIM_CPU_PINNING": "off"}) as (_base, process):
        assert set(psutil.Process(process.pid).cpu_affinity()) == os.sched_getaffinity(0)
