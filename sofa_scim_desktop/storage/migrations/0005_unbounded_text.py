"""Schema version 5: on PostgreSQL, text columns without a length limit, as in SQLite.

Peewee declares every CharField as VARCHAR(255). SQLite ignores the length; PostgreSQL
enforces it, so a displayName or address of 300 characters that SQLite keeps failed there.
Dropping the limit changes no stored row (PostgreSQL rewrites nothing). SQLite: nothing to do.
"""

# ruff: noqa
# mypy: ignore-errors
from peewee import PostgresqlDatabase

LIMITED = """
SELECT table_name, column_name FROM information_schema.columns
WHERE table_schema = current_schema() AND data_type = 'character varying'
  AND character_maximum_length IS NOT NULL"""


def up(migrator, db):
    if not isinstance(db, PostgresqlDatabase):
        return
    for table, column in db.execute_sql(LIMITED).fetchall():
        db.execute_sql(f'ALTER TABLE "{table}" ALTER COLUMN "{column}" TYPE varchar')


def down(migrator, db):
    pass  # a length limit cannot be put back on rows that may exceed it.
