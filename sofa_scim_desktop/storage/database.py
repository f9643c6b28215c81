"""Opening the database by URL, with the pragmas SQLite needs under concurrent writers, and
bringing its schema up to date (PLATFORM.md: WAL, busy timeout, IMMEDIATE transactions).
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from peewee import Database
from peewee import PostgresqlDatabase
from peewee import SqliteDatabase
from playhouse.db_url import connect
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
    "cache_size": -32_000,
}


def default_url(data_dir: Path) -> str:
    return f"sqlite:///{data_dir / 'sofa-scim.db'}"


def open_database(url: str) -> Database:
    """Connects the models to the database at `url` and upgrades its schema."""
    if url.startswith("sqlite"):
        db = connect(url, pragmas=SQLITE_PRAGMAS)
    elif url.startswith(("postgres://", "postgresql://")):
        db = connect(url.replace("postgres://", "postgresql://", 1), autorollback=True)
    else:
        raise ValueError(f"Unsupported database URL {url!r}: use sqlite:///… or postgresql://…")
    database.initialize(db)
    db.connect(reuse_if_open=True)
    migrate(db)
    return db


def migrate(db: Database) -> list[str]:
    """Applies pending migrations; an existing SQLite file is copied first, as a backup."""
    runner = Runner(db, str(MIGRATIONS))
    pending = [m for m in runner.status() if not m.applied and m.path]
    if not pending:
        return []
    if isinstance(db, SqliteDatabase) and runner.applied():
        _backup(Path(db.database), pending[0].name)
    applied: list[str] = runner.up()
    log.info("database schema upgraded: %s", ", ".join(applied))
    return applied


def _backup(path: Path, before: str) -> None:
    if path.exists():
        shutil.copy2(path, path.with_name(f"{path.name}.before-{before}"))


def is_postgresql(db: Database) -> bool:
    return isinstance(db, PostgresqlDatabase)


def immediate(db: Database):  # type: ignore[no-untyped-def]
    """A write transaction: IMMEDIATE in SQLite, since a deferred read cannot upgrade to a
    write under contention in WAL mode (PLATFORM.md).
    """
    if isinstance(db, SqliteDatabase):
        return db.atomic("IMMEDIATE")
    return db.atomic()
