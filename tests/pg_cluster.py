"""A throw-away PostgreSQL cluster for the tests (PLATFORM.md): initdb into a temporary folder,
started on a free loopback port with trust authentication, removed when the tests end.

As root (CI), the server runs as the `postgres` user: PostgreSQL refuses to run as root.
Each test gets a database of its own, copied from a template that already has the schema.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import psycopg

USER = "app"
TEMPLATE = "sofa_template"


def _binaries() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        raise RuntimeError(
            "PostgreSQL is not installed (Debian: apt-get install postgresql); "
            "scripts/test installs it"
        )
    return Path(found[-1]).parent


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


class Cluster:
    """One private PostgreSQL server; `url(name)` is a database on it."""

    def __init__(self) -> None:
        self.bin = _binaries()
        self.folder = Path(tempfile.mkdtemp(prefix="sofa-pg-"))
        self.data = self.folder / "data"
        self.port = _free_port()
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")
        self._run("initdb", "-D", str(self.data), "-U", USER, "--auth=trust", "-E", "UTF8",
                  "--locale=C.UTF-8")  # fmt: skip
        self.start()

    def _run(self, tool: str, *args: str) -> None:
        subprocess.run(
            _as_server_user([str(self.bin / tool), *args]),
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            timeout=60,
        )

    def start(self) -> None:
        # NOTE: durability off (fsync, synchronous_commit): a test database lives for seconds.
        options = (
            f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.folder} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
        )
        log = str(self.folder / "server.log")
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", log, "-w", "start")

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{USER}@127.0.0.1:{self.port}/{database}"

    def remove(self) -> None:
        try:
            self.stop("immediate")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


class Databases:
    """Fresh databases on a server (`server_url` names its maintenance database): each a copy
    of a template migrated once, so that a test starts in ~50 ms on the current schema.
    """

    def __init__(self, server_url: str, cluster: Cluster | None = None) -> None:
        self.server_url = server_url
        self.cluster = cluster  # None on a server the tests do not own (no restarts then)
        self._template_ready = False

    def _admin(self) -> psycopg.Connection[tuple[object, ...]]:
        return psycopg.connect(self.server_url, autocommit=True)

    def url(self, name: str) -> str:
        base, _, _ = self.server_url.rpartition("/")
        return f"{base}/{name}"

    def _template(self) -> None:
        if self._template_ready:
            return
        from sofa_scim_desktop.storage.database import open_database

        with self._admin() as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {TEMPLATE} WITH (FORCE)")
            admin.execute(f"CREATE DATABASE {TEMPLATE}")
        open_database(self.url(TEMPLATE)).close()
        self._template_ready = True

    def create(self, empty: bool = False) -> str:
        """A new database's URL; `empty`: without the schema (first starts, migrations)."""
        if not empty:
            self._template()
        name = f"t_{uuid.uuid4().hex[:12]}"
        template = "template0" if empty else TEMPLATE
        with self._admin() as admin:
            admin.execute(f"CREATE DATABASE {name} TEMPLATE {template} STRATEGY FILE_COPY")
        return self.url(name)

    def drop(self, url: str) -> None:
        name = url.rpartition("/")[2]
        with self._admin() as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def refuse_connections(self, url: str) -> None:
        """The database as if its server were gone: new connections refused, open ones ended."""
        name = url.rpartition("/")[2]
        with self._admin() as admin:
            admin.execute(f"ALTER DATABASE {name} WITH ALLOW_CONNECTIONS false")
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
                (name,),
            )

    def allow_connections(self, url: str) -> None:
        name = url.rpartition("/")[2]
        with self._admin() as admin:
            admin.execute(f"ALTER DATABASE {name} WITH ALLOW_CONNECTIONS true")

    def terminate_connections(self, url: str) -> int:
        """Ends every open connection to the database (as a server restart would)."""
        name = url.rpartition("/")[2]
        with self._admin() as admin:
            row = admin.execute(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = %s",
                (name,),
            ).fetchone()
        return int(row[0]) if row else 0
