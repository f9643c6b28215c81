"""Opening the database by URL, with the pragmas SQLite needs under concurrent writers, and
bringing its schema up to date (PLATFORM.md: WAL, busy timeout, IMMEDIATE transactions).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import closing
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from peewee import Database
from peewee import DatabaseProxy
from peewee import InterfaceError
from peewee import OperationalError
from peewee import PostgresqlDatabase
from peewee import SqliteDatabase
from playhouse.db_url import connect
from playhouse.db_url import parse
from playhouse.migrations import Runner

from sofa_scim_desktop.storage.tables import database

log = logging.getLogger("sofa.storage")

MIGRATIONS = Path(__file__).with_name("migrations")
SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "busy_timeout": 10_000,
    "synchronous": "normal",
    "foreign_keys": 1,
    # LIKE compares case by case, as in PostgreSQL; case-insensitive filters use *_key columns.
    "case_sensitive_like": 1,
    # 8 MB per connection (one per server thread): walking 100,000 users through the pages
    # with 32 MB each took the server from 85 to 153 MB; the OS caches the file anyway.
    "cache_size": -8_000,
    # A backstop only: the server's Checkpointer copies the WAL back in the background.
    "wal_autocheckpoint": 10_000,
}


def default_url(data_dir: Path) -> str:
    return f"sqlite:///{data_dir / 'sofa-scim.db'}"


def open_database(url: str, upgrade: bool = True) -> Database:
    """Connects the models to the database at `url` and (`upgrade`) brings its schema up to
    date; a schema newer than this code's is refused either way.
    """
    if url.startswith("sqlite"):
        db = connect(url, pragmas=SQLITE_PRAGMAS)
        private_files(Path(db.database))
        # NOTE: SQLite's own LOWER() folds only ASCII; filters on Czech names need all letters.
        db.register_function(_unicode_lower, "lower", 1, deterministic=True)
    elif url.startswith(("postgres://", "postgresql://")):
        db = _postgresql(url)
    else:
        raise ValueError(f"Unsupported database URL {url!r}: use sqlite:///… or postgresql://…")
    database.initialize(db)
    db.connect(reuse_if_open=True)
    if upgrade:
        migrate(db)
    else:
        pending(db)
    return db


def pending(db: Database) -> list[str]:
    """The migrations not applied yet; refuses a newer schema (SchemaTooNew)."""
    status = Runner(db, str(MIGRATIONS)).status()
    _refuse_newer(status)
    return [m.name for m in status if not m.applied and m.path]


CONNECT_TIMEOUT_SECONDS = 5  # a database host that does not answer: 503 soon, not a hang


def _postgresql(url: str) -> Database:
    options: dict[str, Any] = parse(url.replace("postgres://", "postgresql://", 1))
    if not options.get("database"):
        raise ValueError(f"{url!r} names no database: postgresql://user@host/DATABASE")
    options.setdefault("connect_timeout", CONNECT_TIMEOUT_SECONDS)
    return ReconnectingPostgresqlDatabase(**options)


def connection_broken(connection: Any) -> bool:
    """Whether a psycopg connection is gone: closed, or broken by a lost server."""
    return bool(getattr(connection, "closed", False) or getattr(connection, "broken", False))


class ReconnectingPostgresqlDatabase(PostgresqlDatabase):
    """PostgreSQL that opens a new connection when this thread's one was lost (the server
    restarted, a backend was ended): PLATFORM.md, nothing reconnects by itself otherwise.

    A statement outside a transaction, and a transaction's BEGIN, run again once on the new
    connection. Inside a transaction nothing is repeated here: storage.transactions.write runs
    the whole transaction again.
    """

    def execute_sql(self, sql: str, params: Any = None) -> Any:
        try:
            return super().execute_sql(sql, params)
        except (OperationalError, InterfaceError):
            if self.in_transaction() or not self._reopened():
                raise
        return super().execute_sql(sql, params)

    def begin(self, isolation_level: Any = None) -> None:
        try:
            super().begin(isolation_level)
            return
        except (OperationalError, InterfaceError):
            if not self._reopened():
                raise
        super().begin(isolation_level)

    def rollback(self) -> None:
        """On a lost connection there is nothing to roll back: the server did it; the error
        that ended the transaction is the one the caller sees.
        """
        if not self.is_closed() and connection_broken(self.connection()):
            return
        super().rollback()

    def _reopened(self) -> bool:
        if self.is_closed() or not connection_broken(self.connection()):
            return False
        log.info("the database connection was lost; opening a new one")
        try:
            self.close()
        except Exception:  # closing a dead connection may fail; it is dropped all the same.
            self.dispose()
        self.connect()
        return True


def _unicode_lower(value: object) -> object:
    return value.lower() if isinstance(value, str) else value


class SchemaTooNew(Exception):
    """The database was migrated by a newer sofa-scim: this one must not write to it."""


MIGRATION_LOCK = (0x50FA04, 0)  # storage.transactions.MIGRATIONS: one migrating process


def schema_number(name: str) -> int:
    """`0004_call_health` is schema 4."""
    return int(name.split("_", 1)[0])


def code_schema() -> int:
    """The newest schema this code knows."""
    return max((schema_number(p.stem) for p in MIGRATIONS.glob("[0-9]*_*.py")), default=0)


def migrate(db: Database) -> list[str]:
    """Applies pending migrations, one process at a time (SPEC §8.4: the others wait, then
    find nothing to do); an existing SQLite file is copied first, as a backup. A database of
    a newer schema than this code's is refused (SchemaTooNew).
    """
    with _migration_lock(db):
        runner = Runner(db, str(MIGRATIONS))
        status = runner.status()
        _refuse_newer(status)
        pending = [m for m in status if not m.applied and m.path]
        if not pending:
            return []
        if isinstance(db, SqliteDatabase) and runner.applied():
            _backup(db, Path(db.database), pending[0].name)
        applied: list[str] = runner.up()
    log.info("database schema upgraded: %s", ", ".join(applied))
    return applied


def _refuse_newer(status: list[Any]) -> None:
    newer = [m.name for m in status if m.applied and m.path is None]
    if newer:
        found = max(schema_number(n) for n in newer)
        raise SchemaTooNew(
            f"the database has schema {found}, newer than this sofa-scim's {code_schema()}: "
            "run the sofa-scim version that upgraded it, or a newer one"
        )


@contextmanager
def _migration_lock(db: Database) -> Iterator[None]:
    """PostgreSQL: a session advisory lock (the connection is in autocommit mode between
    migrations). SQLite: a lock file beside the database, where the platform has flock.
    """
    if isinstance(db, PostgresqlDatabase):
        db.execute_sql("SELECT pg_advisory_lock(%s, %s)", MIGRATION_LOCK)
        try:
            yield
        finally:
            db.execute_sql("SELECT pg_advisory_unlock(%s, %s)", MIGRATION_LOCK)
        return
    try:
        import fcntl
    except ImportError:  # Windows: one desktop app per data folder already (gui.single)
        yield
        return
    path = Path(str(db.database))
    if str(path) == ":memory:":
        yield
        return
    with open(path.with_name(f"{path.name}.migrating"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _backup(db: SqliteDatabase, path: Path, before: str) -> None:
    """A consistent copy through SQLite itself: in WAL mode, recent commits may still be in
    the -wal file (another process has the database open), so copying the file loses them.
    """
    target = path.with_name(f"{path.name}.before-{before}")
    target.unlink(missing_ok=True)
    target.touch(mode=0o600)  # VACUUM INTO fills an empty file, keeping its permissions
    target.chmod(0o600)
    db.execute_sql("VACUUM INTO ?", (str(target),))


SIDE_FILES = ("", "-wal", "-shm")


def private_files(path: Path) -> None:
    """The database readable by its owner only (0600), whatever the umask: created so before
    SQLite opens it (its -wal and -shm then get the same permissions from SQLite), and an
    existing one from an older version tightened.
    """
    if str(path) in ("", ":memory:"):
        return
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    for suffix in SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if side.exists() and side.stat().st_mode & 0o077:
            side.chmod(0o600)


def reachable(db: Database, timeout: float = 2.0) -> bool:
    """Whether the database answers a query within `timeout` seconds, on a connection of its
    own: the server's connections may hold a file descriptor of an SQLite file that is gone,
    or wait on a PostgreSQL server that does not answer.
    """
    answer: list[bool] = []
    probe = threading.Thread(target=lambda: answer.append(_probe(db, timeout)), daemon=True)
    probe.start()
    probe.join(timeout)
    return bool(answer and answer[0])


def _probe(db: Database, timeout: float) -> bool:
    try:
        if isinstance(db, SqliteDatabase):
            uri = f"{Path(db.database).resolve().as_uri()}?mode=rw"
            with closing(sqlite3.connect(uri, uri=True, timeout=timeout)) as connection:
                connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return True
        import psycopg  # only PostgreSQL URLs get here, with the postgresql extra installed

        params = {
            **db.connect_params,
            "dbname": db.database,
            "connect_timeout": max(1, int(timeout)),
        }
        params.pop("autorollback", None)
        with psycopg.connect(**params) as connection:
            connection.execute("SELECT 1").fetchone()
        return True
    except Exception:  # any failure means: not usable now.
        log.debug("database probe failed", exc_info=True)
        return False


def is_postgresql(db: Database | DatabaseProxy) -> bool:
    """Also for the models' proxy (`Model._meta.database`), which wraps the real one."""
    return isinstance(getattr(db, "obj", db), PostgresqlDatabase)


# One writer at a time per process, on SQLite. Its busy handler makes a waiting writer sleep
# in steps of up to 100 ms; threads that queue on this lock instead start the moment the writer
# before them commits. The busy handler still arbitrates between processes (GUI and `serve`).
# PostgreSQL needs no such lock: its writers lock the rows they change (storage.transactions),
# and a lock held across the network would make every write wait for the one before it.
_WRITE_LOCKS: dict[int, threading.RLock] = {}
_LOCKS_GUARD = threading.Lock()


def _write_lock(db: Database) -> threading.RLock:
    with _LOCKS_GUARD:
        return _WRITE_LOCKS.setdefault(id(db), threading.RLock())


@contextmanager
def immediate(db: Database) -> Iterator[None]:
    """A write transaction: IMMEDIATE in SQLite, since a deferred read cannot upgrade to a
    write under contention in WAL mode (PLATFORM.md). Nested calls join the outer transaction.
    """
    if db.in_transaction():  # on SQLite, this thread holds the write lock already.
        yield
    elif isinstance(db, SqliteDatabase):
        with _write_lock(db), db.atomic("IMMEDIATE"):
            yield
    else:
        with db.atomic():
            yield


class Checkpointer:
    """Copies the WAL back into the database file from a thread of its own (SQLite only).

    # PERF: by default the commit that fills the WAL to 1,000 pages copies them back and
    syncs the file, while every writer queued behind it waits: that was the 20 ms p99 of
    user writes. A PASSIVE checkpoint here does the same work without blocking anyone; the
    automatic one (at 10,000 pages) then finds little left to do.
    """

    def __init__(self, db: Database, interval: float = 0.5) -> None:
        self.db = db
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sqlite-checkpoint", daemon=True)

    def start(self) -> None:
        if isinstance(self.db, SqliteDatabase):
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def _run(self) -> None:
        try:
            while not self._stop.wait(self.interval):
                self.db.execute_sql("PRAGMA wal_checkpoint(PASSIVE)")
        except Exception:  # a checkpoint that fails is retried by SQLite itself later.
            log.warning("background checkpoint stopped", exc_info=True)
        finally:
            self.db.close()  # this thread's own connection.
