"""GET /healthz (SPEC §8.1): what a load balancer and a monitor see, over real HTTP."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import requests

from sofa_scim_desktop import __version__
from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.scim.server import ScimServer
from sofa_scim_desktop.services.instance import instance_id


def _healthz(app: Any) -> requests.Response:
    server = ScimServer(app, "127.0.0.1", 0)
    server.start()
    try:
        return requests.get(f"{server.url}/healthz", timeout=5)
    finally:
        server.stop()


def test_healthz_answers_without_a_key_with_version_and_instance(app: Any) -> None:
    answer = _healthz(app)
    assert answer.status_code == 200
    assert answer.json() == {
        "status": "ok",
        "database": "ok",
        "version": __version__,
        "instance": instance_id(),
    }
    assert answer.headers["Cache-Control"] == "no-store"


def test_healthz_is_503_when_the_database_is_gone(app: Any, outage: Any) -> None:
    with outage():
        answer = _healthz(app)
    assert answer.status_code == 503
    assert answer.json()["database"] == "unreachable"
    assert answer.json()["instance"] == instance_id()


@pytest.mark.sqlite_only
def test_healthz_is_503_when_the_database_file_is_not_a_database(
    app: Any, services: bootstrap.Services
) -> None:
    database_file = Path(services.db.database)
    services.db.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{database_file}{suffix}").unlink(missing_ok=True)
    database_file.write_bytes(b"not a database, overwritten by a broken backup" * 100)
    assert _healthz(app).status_code == 503
