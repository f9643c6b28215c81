"""The background checkpointer copies committed pages from the WAL into the database file, so
that no request's commit has to; and the server starts and stops it with itself.
"""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.scim.server import ScimServer
from sofa_scim_desktop.storage.database import Checkpointer

pytestmark = pytest.mark.sqlite_only  # the WAL is SQLite's


def write_pages(services: bootstrap.Services) -> None:
    with services.db.atomic():
        services.db.execute_sql("CREATE TABLE filler (text TEXT)")
        for n in range(300):
            services.db.execute_sql("INSERT INTO filler VALUES (?)", ("x" * 4000 + str(n),))


def wait_for(condition: Any, seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_committed_pages_reach_the_database_file(services: bootstrap.Services) -> None:
    database_file = services.data_dir / "sofa-scim.db"
    write_pages(services)
    before = database_file.stat().st_size  # the 300 pages are still only in the WAL.
    checkpointer = Checkpointer(services.db, interval=0.05)
    checkpointer.start()
    try:
        assert wait_for(lambda: database_file.stat().st_size > before + 300 * 4000)
    finally:
        checkpointer.stop()


def checkpoint_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "sqlite-checkpoint"]


def test_the_server_checkpoints_while_it_serves_and_stops_it_after(
    services: bootstrap.Services, app: Any
) -> None:
    server = ScimServer(app, "127.0.0.1", 0, db=services.db)
    server.start()
    try:
        assert len(checkpoint_threads()) == 1
    finally:
        server.stop()
    assert checkpoint_threads() == []
