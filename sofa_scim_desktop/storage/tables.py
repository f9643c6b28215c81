"""The tables (Peewee models). Times are naive UTC; `*_key` columns hold lower-cased copies
that make case-insensitive lookups use an index (RFC 7643 §2.1: userName is caseExact false).

A change here needs a new numbered script in `migrations/`.
"""

from __future__ import annotations

from typing import Any

from peewee import BooleanField
from peewee import CharField
from peewee import DatabaseProxy
from peewee import DateTimeField
from peewee import ForeignKeyField
from peewee import IntegerField
from peewee import Model
from peewee import TextField

from sofa_scim_desktop.domain.clock import utcnow as utcnow  # re-exported for storage

# Peewee's bundled hints know neither the implicit `id` and `*_id` attributes nor rows from
# `.tuples()`; its models are dynamic, so the type checker sees them as Any.
_Model: Any = Model

database = DatabaseProxy()


class BaseModel(_Model):
    class Meta:
        database = database
        legacy_table_names = False


class Setting(BaseModel):
    key = CharField(primary_key=True)
    value = TextField()


class Synchronization(BaseModel):
    identifier = CharField(unique=True)
    name = CharField()
    type = CharField(default="scim")
    description = TextField(default="")
    enabled = BooleanField(default=True)
    notify_failures = BooleanField(default=False)
    welcome_email = BooleanField(default=False)
    password_link = BooleanField(default=False)
    log_level = CharField(default="information")
    last_call_at = DateTimeField(null=True)
    created_at = DateTimeField(default=utcnow)
    # Kept by storage.scim_store with every insert and delete: totalResults without a COUNT.
    scim_user_count = IntegerField(default=0)
    # What the calls came to (schema 4, services.call_stats): health without reading the log.
    last_success_at = DateTimeField(null=True)
    last_failed_at = DateTimeField(null=True)
    last_failure = TextField(null=True)
    last_refused_at = DateTimeField(null=True)
    last_refusal = CharField(null=True)  # missing_key, wrong_key, expired_key, revoked_key, …


class AccessKey(BaseModel):
    """Only the SHA-256 of the key is kept (SPEC §3); one current key per synchronization."""

    sync = ForeignKeyField(Synchronization, unique=True, on_delete="CASCADE", backref="keys")
    key_hash = CharField()
    created_at = DateTimeField(default=utcnow)
    expires_at = DateTimeField()
    # The key this one replaced (schema 4): a call with it is refused as revoked, not as wrong.
    previous_key_hash = CharField(null=True)
    previous_valid_until = DateTimeField(null=True)


class SyncAlias(BaseModel):
    """A former identifier of a synchronization (schema 6, SPEC §8.3): its old Tenant URL
    works until `ended_at` (Entra called the new one, or the admin dropped the alias).
    """

    identifier = CharField(primary_key=True)
    sync = ForeignKeyField(Synchronization, on_delete="CASCADE", backref="aliases")
    created_at = DateTimeField(default=utcnow)
    ended_at = DateTimeField(null=True)


class SofaGroup(BaseModel):
    name = CharField(unique=True)


class SofaRole(BaseModel):
    name = CharField(unique=True)
    builtin = BooleanField(default=False)


class SofaUser(BaseModel):
    user_name = CharField()
    user_name_key = CharField(unique=True)
    active = BooleanField(default=True)
    display_name = CharField(null=True)
    job = CharField(null=True)
    notification_email = CharField(null=True)
    first_name = CharField(null=True)
    surname = CharField(null=True)
    degree_before = CharField(null=True)
    degree_after = CharField(null=True)
    telephone = CharField(null=True)
    mobile = CharField(null=True)
    sso_identifier = CharField(null=True, index=True)
    personal_number = CharField(null=True)
    department = CharField(null=True)
    manager = ForeignKeyField("self", null=True, on_delete="SET NULL", backref="reports")
    removed = BooleanField(default=False)
    source = ForeignKeyField(
        Synchronization, null=True, on_delete="SET NULL", backref="users", index=False
    )  # no index (schema 2): only deleting a synchronization reads by it.
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)
    password_hash = CharField(null=True)  # argon2id, set on the password page (schema 3).


class GroupMembership(BaseModel):
    """`sync` is who granted it: NULL for an admin, else the synchronization that derived it."""

    user = ForeignKeyField(SofaUser, on_delete="CASCADE", backref="group_memberships")
    group = ForeignKeyField(SofaGroup, on_delete="CASCADE", backref="memberships")
    sync = ForeignKeyField(Synchronization, null=True, on_delete="CASCADE")
    granted_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("user", "group", "sync"), True),)


class RoleMembership(BaseModel):
    user = ForeignKeyField(SofaUser, on_delete="CASCADE", backref="role_memberships")
    role = ForeignKeyField(SofaRole, on_delete="CASCADE", backref="memberships")
    sync = ForeignKeyField(Synchronization, null=True, on_delete="CASCADE")
    granted_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("user", "role", "sync"), True),)


class GroupMapping(BaseModel):
    """Sofa group <- remote group identifier (the Entra group's Object Id, lower case)."""

    sync = ForeignKeyField(Synchronization, on_delete="CASCADE", backref="group_mappings")
    sofa_group = ForeignKeyField(SofaGroup, on_delete="CASCADE", backref="mappings")
    remote_id = CharField()

    class Meta:
        indexes = ((("sync", "remote_id", "sofa_group"), True),)


class RoleMapping(BaseModel):
    sync = ForeignKeyField(Synchronization, on_delete="CASCADE", backref="role_mappings")
    sofa_role = ForeignKeyField(SofaRole, on_delete="CASCADE", backref="mappings")
    remote_id = CharField()

    class Meta:
        indexes = ((("sync", "remote_id", "sofa_role"), True),)


class ScimUser(BaseModel):
    """A SCIM User of one synchronization; `resource` is its canonical JSON, the columns are
    the attributes filters and sorting use, and `sofa_user` is the directory entry it fills.
    """

    scim_id = CharField(unique=True)
    sync = ForeignKeyField(Synchronization, on_delete="CASCADE", backref="scim_users")
    sofa_user = ForeignKeyField(SofaUser, on_delete="CASCADE", unique=True)
    user_name = CharField()
    user_name_key = CharField()
    external_id = CharField(null=True)
    display_name = CharField(null=True)
    title = CharField(null=True)
    given_name = CharField(null=True)
    family_name = CharField(null=True)
    formatted_name = CharField(null=True)
    honorific_prefix = CharField(null=True)
    honorific_suffix = CharField(null=True)
    preferred_language = CharField(null=True)
    active = BooleanField(default=True)
    employee_number = CharField(null=True)
    department = CharField(null=True)
    manager_ref = CharField(null=True)
    resource = TextField()
    created = DateTimeField(default=utcnow)
    last_modified = DateTimeField(default=utcnow)
    version = IntegerField(default=1)

    class Meta:
        indexes = (
            (("sync", "user_name_key"), True),
            (("sync", "external_id"), False),
            (("sync", "manager_ref"), False),
        )


class ScimUserValue(BaseModel):
    """One element of a multi-valued attribute (emails, phoneNumbers, addresses), so that
    `emails[type eq "work"].value eq "…"` is an indexed lookup.
    """

    user = ForeignKeyField(ScimUser, on_delete="CASCADE", backref="values")
    attribute = CharField()
    type = CharField(null=True)
    primary = BooleanField(default=False)
    value = CharField(null=True)
    value_key = CharField(null=True)

    class Meta:
        indexes = ((("attribute", "value_key"), False),)


class ScimGroup(BaseModel):
    scim_id = CharField(unique=True)
    sync = ForeignKeyField(Synchronization, on_delete="CASCADE", backref="scim_groups")
    display_name = CharField()
    display_name_key = CharField()
    external_id = CharField(null=True)
    remote_key = CharField(null=True)  # externalId in lower case: what mappings name.
    resource = TextField()
    created = DateTimeField(default=utcnow)
    last_modified = DateTimeField(default=utcnow)
    version = IntegerField(default=1)

    class Meta:
        indexes = (
            (("sync", "display_name_key"), True),
            (("sync", "external_id"), False),
            (("sync", "remote_key"), False),
        )


class ScimGroupMember(BaseModel):
    """One member per row, so that adding one to a large group touches one row."""

    group = ForeignKeyField(ScimGroup, on_delete="CASCADE", backref="member_rows")
    user = ForeignKeyField(ScimUser, null=True, on_delete="CASCADE", backref="group_rows")
    subgroup = ForeignKeyField(ScimGroup, null=True, on_delete="CASCADE")

    class Meta:
        indexes = ((("group", "user"), True), (("group", "subgroup"), True))


class LogEntry(BaseModel):
    sync = ForeignKeyField(
        Synchronization, on_delete="CASCADE", backref="log_entries", index=False
    )  # (sync, at) below serves every query by synchronization.
    at = DateTimeField(default=utcnow)
    level = IntegerField()  # logging.DEBUG / INFO / WARNING / ERROR
    event = CharField()
    message = TextField()
    detail = TextField(null=True)

    class Meta:
        indexes = ((("sync", "at"), False),)


class MailMessage(BaseModel):
    """The outbox (schema 3): every message is stored before it is sent (SPEC §5)."""

    recipient = CharField()
    subject = CharField()
    body_text = TextField()
    body_html = TextField(null=True)
    kind = CharField()  # welcome, password_link, failures, key_expiry, idle, test
    language = CharField()
    user_id = IntegerField(null=True)  # the Sofa user a password link is for.
    created_at = DateTimeField(default=utcnow)
    state = CharField(default="queued")  # queued, sent, failed (for good)
    attempts = IntegerField(default=0)
    next_attempt_at = DateTimeField(default=utcnow)
    last_error = TextField(null=True)
    sent_at = DateTimeField(null=True)

    class Meta:
        indexes = ((("state", "next_attempt_at"), False),)


class PasswordToken(BaseModel):
    """A one-time password-set link: only the SHA-256 of its token is kept."""

    token_hash = CharField(unique=True)
    user_id = IntegerField()
    message_id = IntegerField(null=True, index=True)  # a resend replaces the message's token.
    language = CharField()
    created_at = DateTimeField(default=utcnow)
    expires_at = DateTimeField()
    used_at = DateTimeField(null=True)


class CallFailure(BaseModel):
    """A call Sofa could not apply, waiting for the worker to report it (then deleted)."""

    sync_id = IntegerField()
    at = DateTimeField(default=utcnow)
    method = CharField()
    path = TextField()
    status = IntegerField()
    detail = TextField()
    user_name = CharField(null=True)


class MailNotice(BaseModel):
    """When a notice was last mailed, by key (`failures:3`, `key-expiry:3`): the rate limit."""

    key = CharField(primary_key=True)
    sent_at = DateTimeField()


class CallCount(BaseModel):
    """Calls, failures and refusals of one synchronization in one hour (schema 4)."""

    sync_id = IntegerField()
    hour = DateTimeField()
    calls = IntegerField(default=0)
    failed = IntegerField(default=0)
    refused = IntegerField(default=0)

    class Meta:
        indexes = ((("sync_id", "hour"), True),)


class UnknownIdentifierCall(BaseModel):
    """Calls to an identifier no synchronization has: a mistyped Tenant URL (schema 4)."""

    identifier = CharField(primary_key=True)
    calls = IntegerField(default=0)
    last_at = DateTimeField()


ALL_TABLES = (
    Setting,
    Synchronization,
    AccessKey,
    SyncAlias,
    SofaGroup,
    SofaRole,
    SofaUser,
    GroupMembership,
    RoleMembership,
    GroupMapping,
    RoleMapping,
    ScimUser,
    ScimUserValue,
    ScimGroup,
    ScimGroupMember,
    LogEntry,
    MailMessage,
    PasswordToken,
    CallFailure,
    MailNotice,
    CallCount,
    UnknownIdentifierCall,
)
