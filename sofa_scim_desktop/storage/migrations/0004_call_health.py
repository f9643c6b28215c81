"""Schema version 4: what each synchronization's calls came to (SPEC §8.1), kept as it happens
so that health costs no scan of the log.

- `synchronization.last_success_at`, `last_failed_at` + `last_failure` (the sentence shown),
  `last_refused_at` + `last_refusal` (the reason code).
- `call_count`: calls, failures and refusals per synchronization and hour; a day is 24 rows.
- `unknown_identifier_call`: calls to an identifier that does not exist (a mistyped Tenant URL).
- `access_key.previous_key_hash` / `previous_valid_until`: the key a new one replaced, so that a
  call with it is refused as `revoked_key`, not as a wrong key (SPEC §8.3 adds a grace period).
"""

# ruff: noqa
# mypy: ignore-errors
from peewee import *

COLUMNS = (
    ("synchronization", "last_success_at", "TIMESTAMP"),
    ("synchronization", "last_failed_at", "TIMESTAMP"),
    ("synchronization", "last_failure", "TEXT"),
    ("synchronization", "last_refused_at", "TIMESTAMP"),
    ("synchronization", "last_refusal", "VARCHAR(32)"),
    ("access_key", "previous_key_hash", "VARCHAR(255)"),
    ("access_key", "previous_valid_until", "TIMESTAMP"),
)


def up(migrator, db):
    for table, column, kind in COLUMNS:
        db.execute_sql(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")

    class CallCount(Model):
        sync_id = IntegerField()
        hour = DateTimeField()
        calls = IntegerField(default=0)
        failed = IntegerField(default=0)
        refused = IntegerField(default=0)

        class Meta:
            database = db
            table_name = "call_count"
            indexes = ((("sync_id", "hour"), True),)

    class UnknownIdentifierCall(Model):
        identifier = CharField(primary_key=True)
        calls = IntegerField(default=0)
        last_at = DateTimeField()

        class Meta:
            database = db
            table_name = "unknown_identifier_call"

    db.create_tables([CallCount, UnknownIdentifierCall])


def down(migrator, db):
    db.execute_sql("DROP TABLE unknown_identifier_call")
    db.execute_sql("DROP TABLE call_count")
    for table, column, _kind in COLUMNS:
        db.execute_sql(f"ALTER TABLE {table} DROP COLUMN {column}")
