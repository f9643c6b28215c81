"""Schema version 3: e-mail (SPEC §5). The outbox, one-time password-set tokens, the failed
calls waiting to be reported, the notices already sent, and the Sofa user's password hash.

A frozen copy of the new tables; `sofa_user.password_hash` is plain SQL both SQLite and
PostgreSQL know.
"""

# ruff: noqa
# mypy: ignore-errors
from peewee import *


def up(migrator, db):
    class MailMessage(Model):
        recipient = CharField()
        subject = CharField()
        body_text = TextField()
        body_html = TextField(null=True)
        kind = CharField()
        language = CharField()
        user_id = IntegerField(null=True)
        created_at = DateTimeField()
        state = CharField()
        attempts = IntegerField()
        next_attempt_at = DateTimeField()
        last_error = TextField(null=True)
        sent_at = DateTimeField(null=True)

        class Meta:
            database = db
            table_name = "mail_message"
            indexes = ((("state", "next_attempt_at"), False),)

    class PasswordToken(Model):
        token_hash = CharField(unique=True)
        user_id = IntegerField()
        message_id = IntegerField(null=True, index=True)
        language = CharField()
        created_at = DateTimeField()
        expires_at = DateTimeField()
        used_at = DateTimeField(null=True)

        class Meta:
            database = db
            table_name = "password_token"

    class CallFailure(Model):
        sync_id = IntegerField()
        at = DateTimeField()
        method = CharField()
        path = TextField()
        status = IntegerField()
        detail = TextField()
        user_name = CharField(null=True)

        class Meta:
            database = db
            table_name = "call_failure"

    class MailNotice(Model):
        key = CharField(primary_key=True)
        sent_at = DateTimeField()

        class Meta:
            database = db
            table_name = "mail_notice"

    db.create_tables([MailMessage, PasswordToken, CallFailure, MailNotice])
    db.execute_sql("ALTER TABLE sofa_user ADD COLUMN password_hash VARCHAR(255)")


def down(migrator, db):
    db.execute_sql("ALTER TABLE sofa_user DROP COLUMN password_hash")
    for table in ("mail_notice", "call_failure", "password_token", "mail_message"):
        migrator.migrate(migrator.drop_table(table))
