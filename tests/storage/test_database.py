"""Opening the database: SQLite's pragmas and backups, built-in roles, and migrations."""

from __future__ import annotations

import shutil
import sqlite3
import stat
from pathlib import Path

import peewee
import pytest

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop import config
from sofa_scim_desktop.services.synchronizations import SyncSettings
from sofa_scim_desktop.storage import database
from sofa_scim_desktop.storage.database import migrate
from sofa_scim_desktop.storage.database import open_database
from sofa_scim_desktop.storage.tables import AccessKey
from sofa_scim_desktop.storage.tables import SofaRole

EXTRA_MIGRATION = '''"""A test migration: adds a table."""
from peewee import CharField, Model


def up(migrator, db):
    class Note(Model):
        text = CharField()

        class Meta:
            database = db
            table_name = "note"

    db.create_tables([Note])
'''


def db_file(services: bootstrap.Services) -> Path:
    return services.data_dir / "sofa-scim.db"


def pragma(services: bootstrap.Services, name: str) -> object:
    return services.db.execute_sql(f"PRAGMA {name}").fetchone()[0]


@pytest.mark.sqlite_only
def test_database_file_is_created_in_the_data_dir(services: bootstrap.Services) -> None:
    assert db_file(services).is_file()


@pytest.mark.sqlite_only
def test_fresh_database_uses_wal(services: bootstrap.Services) -> None:
    with sqlite3.connect(db_file(services)) as other:
        assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@pytest.mark.sqlite_only
@pytest.mark.parametrize(("name", "value"), [("foreign_keys", 1), ("busy_timeout", 10_000)])
def test_connection_pragmas(services: bootstrap.Services, name: str, value: int) -> None:
    assert pragma(services, name) == value


def test_foreign_keys_are_enforced(services: bootstrap.Services) -> None:
    with pytest.raises(peewee.IntegrityError):
        AccessKey.create(sync=9999, key_hash="x", expires_at="2030-01-01")


def test_builtin_roles_exist(services: bootstrap.Services) -> None:
    roles = {(r.name, r.builtin) for r in SofaRole.select()}
    assert roles == {("Administrator", True), ("Subject manager", True)}


def test_schema_migration_records_the_initial_migration(services: bootstrap.Services) -> None:
    names = [row[0] for row in services.db.execute_sql("SELECT name FROM schema_migration")]
    assert names == [
        "0001_initial",
        "0002_user_count_and_fewer_indexes",
        "0003_mail",
        "0004_call_health",
        "0005_unbounded_text",
        "0006_identifier_alias",
    ]


def test_opening_twice_applies_nothing_twice(services: bootstrap.Services) -> None:
    again = bootstrap.build(str(services.data_dir))
    try:
        assert migrate(again.db) == []
        assert SofaRole.select().count() == 2
        count = again.db.execute_sql("SELECT count(*) FROM schema_migration").fetchone()[0]
        assert count == len(list(database.MIGRATIONS.glob("0*.py")))
    finally:
        again.db.close()


@pytest.mark.sqlite_only
def test_no_backup_for_a_fresh_database(services: bootstrap.Services) -> None:
    assert [p.name for p in services.data_dir.iterdir() if ".before-" in p.name] == []


@pytest.fixture
def newer_migrations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "migrations"
    shutil.copytree(database.MIGRATIONS, folder)
    (folder / "0003_note.py").write_text(EXTRA_MIGRATION)
    monkeypatch.setattr(database, "MIGRATIONS", folder)
    return folder


def upgrade(services: bootstrap.Services) -> peewee.Database:
    """Opens an existing database with the newer migrations, as a new release would."""
    return open_database(config.database_url(None, services.data_dir))


def test_upgrade_applies_the_new_migration(
    services: bootstrap.Services, newer_migrations: Path
) -> None:
    db = upgrade(services)
    try:
        assert "note" in db.get_tables()
        names = [row[0] for row in db.execute_sql("SELECT name FROM schema_migration")]
        assert names[-1] == "0003_note"
    finally:
        db.close()


def test_upgrade_keeps_the_data(services: bootstrap.Services, newer_migrations: Path) -> None:
    services.synchronizations.create(SyncSettings(name="Contoso", identifier="Contoso"))
    db = upgrade(services)
    try:
        rows = db.execute_sql("SELECT identifier FROM synchronization").fetchall()
        assert rows == [("Contoso",)]
    finally:
        db.close()


@pytest.mark.sqlite_only
def test_upgrade_keeps_a_backup_from_before(
    services: bootstrap.Services, newer_migrations: Path
) -> None:
    services.synchronizations.create(SyncSettings(name="Contoso", identifier="Contoso"))
    upgrade(services).close()
    backup = services.data_dir / "sofa-scim.db.before-0003_note"
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600  # the people in it are private too
    with sqlite3.connect(backup) as old:
        tables = {row[0] for row in old.execute("SELECT name FROM sqlite_master")}
        assert "note" not in tables
        assert old.execute("SELECT identifier FROM synchronization").fetchall() == [("Contoso",)]


def test_unsupported_database_url_is_refused() -> None:
    with pytest.raises(ValueError, match="Unsupported database URL"):
        open_database("mysql://localhost/sofa")


@pytest.mark.sqlite_only
def test_upgrade_to_version_2_counts_the_users_already_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first_only = tmp_path / "v1"
    first_only.mkdir()
    shutil.copy(database.MIGRATIONS / "0001_initial.py", first_only)
    monkeypatch.setattr(database, "MIGRATIONS", first_only)
    url = database.default_url(tmp_path)
    old = open_database(url)
    old.execute_sql(
        "INSERT INTO synchronization (identifier, name, type, description, enabled, "
        "notify_failures, welcome_email, password_link, log_level, created_at) "
        "VALUES ('Contoso', 'Contoso', 'scim', '', 1, 0, 0, 0, 'information', '2026-01-01')"
    )
    for n in range(3):
        old.execute_sql(
            "INSERT INTO sofa_user (user_name, user_name_key, active, removed, created_at, "
            "updated_at) VALUES (?, ?, 1, 0, '2026-01-01', '2026-01-01')",
            (f"u{n}", f"u{n}"),
        )
        old.execute_sql(
            "INSERT INTO scim_user (scim_id, sync_id, sofa_user_id, user_name, user_name_key, "
            "active, resource, created, last_modified, version) "
            "VALUES (?, 1, ?, ?, ?, 1, '{}', '2026-01-01', '2026-01-01', 1)",
            (f"id{n}", n + 1, f"u{n}", f"u{n}"),
        )
    old.close()
    monkeypatch.undo()
    db = open_database(url)
    try:
        count = db.execute_sql("SELECT scim_user_count FROM synchronization").fetchone()[0]
        assert count == 3
        assert (tmp_path / "sofa-scim.db.before-0002_user_count_and_fewer_indexes").exists()
    finally:
        db.close()
