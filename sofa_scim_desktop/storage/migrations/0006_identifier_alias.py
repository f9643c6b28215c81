"""Schema version 6: safe renames (SPEC §8.3). `sync_alias` keeps a synchronization's former
identifiers, so that Entra's old Tenant URL keeps working with the same key until Entra calls
the new one (`ended_at` set then, or by `sync update NEW --drop-alias`). An ended alias is
kept, so that a call on the old URL is refused for this synchronization (`call.refused`,
with the new URL as the fix) instead of counting as an unknown identifier.

Plain SQL both SQLite and PostgreSQL know; `VARCHAR` without a length, as schema 5 made them.
"""

# ruff: noqa
# mypy: ignore-errors


def up(migrator, db):
    db.execute_sql(
        "CREATE TABLE sync_alias ("
        " identifier VARCHAR NOT NULL PRIMARY KEY,"
        " sync_id INTEGER NOT NULL REFERENCES synchronization (id) ON DELETE CASCADE,"
        " created_at TIMESTAMP NOT NULL,"
        " ended_at TIMESTAMP)"
    )
    db.execute_sql("CREATE INDEX sync_alias_sync_id ON sync_alias (sync_id)")


def down(migrator, db):
    db.execute_sql("DROP TABLE sync_alias")
