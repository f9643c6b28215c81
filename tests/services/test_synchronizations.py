"""The admin's synchronizations (SPEC §2, §3): create, update, delete, keys, one type only."""

from __future__ import annotations

from datetime import timedelta

import pytest

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.domain.errors import Conflict
from sofa_scim_desktop.domain.errors import DomainError
from sofa_scim_desktop.domain.errors import NotFound
from sofa_scim_desktop.domain.keys import hash_key
from sofa_scim_desktop.services.journal import Journal
from sofa_scim_desktop.services.provisioning import UserProvisioning
from sofa_scim_desktop.services.synchronizations import SyncSettings
from sofa_scim_desktop.storage.database import is_postgresql
from sofa_scim_desktop.storage.tables import AccessKey
from sofa_scim_desktop.storage.tables import GroupMapping
from sofa_scim_desktop.storage.tables import RoleMapping
from sofa_scim_desktop.storage.tables import Synchronization
from sofa_scim_desktop.storage.tables import utcnow
from tests.conftest import Endpoint
from tests.samples import entra_user

GUID = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"


def settings(name: str = "Contoso", identifier: str = "Contoso", **options: object) -> SyncSettings:
    return SyncSettings(name=name, identifier=identifier, **options)  # type: ignore[arg-type]


def test_new_synchronization_defaults(services: bootstrap.Services) -> None:
    row = services.synchronizations.create(settings())
    assert (row.type, row.enabled, row.log_level, row.last_call_at) == (
        "scim",
        True,
        "information",
        None,
    )
    assert services.synchronizations.key_expiry(row) is None


def test_create_keeps_every_setting(services: bootstrap.Services) -> None:
    services.synchronizations.create(
        settings(description="HR tenant", enabled=False, notify_failures=True,
                 welcome_email=True, password_link=True, log_level="debug")
    )  # fmt: skip
    row = services.synchronizations.get("Contoso")
    assert (row.description, row.enabled, row.notify_failures, row.welcome_email) == (
        "HR tenant", False, True, True,
    )  # fmt: skip
    assert (row.password_link, row.log_level) == (True, "debug")


def test_update_changes_settings_and_identifier(services: bootstrap.Services) -> None:
    services.synchronizations.create(settings())
    services.synchronizations.update("Contoso", settings("Contoso HR", "Contoso_HR", enabled=False))
    row = services.synchronizations.get("Contoso_HR")
    assert (row.name, row.enabled) == ("Contoso HR", False)
    with pytest.raises(NotFound):
        services.synchronizations.get("Contoso")


def test_list_is_sorted_by_name(services: bootstrap.Services) -> None:
    services.synchronizations.create(settings("Zeta", "Zeta"))
    services.synchronizations.create(settings("Alfa", "Alfa"))
    assert [r.name for r in services.synchronizations.all()] == ["Alfa", "Zeta"]


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"name": " "}, "The name is required"),
        ({"identifier": ""}, "The identifier is required"),
        ({"identifier": "9lives"}, "must start with a letter"),
        ({"identifier": "Contoso HR"}, "only contain English letters"),
        ({"log_level": "verbose"}, "logging level must be one of"),
    ],
)
def test_invalid_settings_are_refused(
    services: bootstrap.Services, values: dict[str, str], message: str
) -> None:
    with pytest.raises(DomainError, match=message):
        services.synchronizations.create(settings(**values))
    assert services.synchronizations.all() == []


@pytest.mark.parametrize("identifier", ["Contoso", "contoso", "CONTOSO", "cOnToSo"])
def test_identifier_is_unique_ignoring_case(services: bootstrap.Services, identifier: str) -> None:
    services.synchronizations.create(settings())
    with pytest.raises(Conflict, match="already used by 'Contoso'"):
        services.synchronizations.create(settings("Other", identifier))


def test_underscore_is_not_a_wildcard_in_uniqueness(services: bootstrap.Services) -> None:
    services.synchronizations.create(settings("HR", "A_b"))
    services.synchronizations.create(settings("Other", "Axb"))
    assert {r.identifier for r in services.synchronizations.all()} == {"A_b", "Axb"}


def test_update_cannot_take_another_identifier(services: bootstrap.Services) -> None:
    services.synchronizations.create(settings())
    services.synchronizations.create(settings("Fabrikam", "Fabrikam"))
    with pytest.raises(Conflict):
        services.synchronizations.update("Fabrikam", settings("Fabrikam", "CONTOSO"))


def test_update_may_change_only_the_case_of_its_own_identifier(
    services: bootstrap.Services,
) -> None:
    services.synchronizations.create(settings())
    services.synchronizations.update("Contoso", settings(identifier="CONTOSO"))
    assert services.synchronizations.get("CONTOSO").name == "Contoso"


def test_only_one_type_of_synchronization(services: bootstrap.Services) -> None:
    Synchronization.create(identifier="Ldap", name="Directory", type="ldap")
    with pytest.raises(Conflict, match="only one type of synchronization"):
        services.synchronizations.create(settings())


def test_several_scim_synchronizations_coexist(services: bootstrap.Services) -> None:
    services.synchronizations.create(settings())
    services.synchronizations.create(settings("Fabrikam", "Fabrikam"))
    assert len(services.synchronizations.all()) == 2


def test_unknown_identifier_is_not_found(services: bootstrap.Services) -> None:
    with pytest.raises(NotFound, match="No synchronization with the identifier 'Nope'"):
        services.synchronizations.get("Nope")


# --- Delete -----------------------------------------------------------------------------------


def test_delete_keeps_users_deactivated_and_detached(
    services: bootstrap.Services, endpoint: Endpoint
) -> None:
    sync = services.synchronizations.get(endpoint.identifier)
    UserProvisioning(services.db, sync, Journal(sync)).create(entra_user("alice@contoso.com"))
    assert services.synchronizations.delete(endpoint.identifier) == 1
    (alice,) = services.directory.users()
    assert (alice.user_name, alice.active, alice.removed, alice.source) == (
        "alice@contoso.com", False, True, None,
    )  # fmt: skip


def test_delete_leaves_local_users_alone(services: bootstrap.Services, endpoint: Endpoint) -> None:
    services.directory.create_user("admin", "admin@sofa.cz")
    services.synchronizations.delete(endpoint.identifier)
    (admin,) = services.directory.users()
    assert (admin.active, admin.removed) == (True, False)


def test_delete_removes_keys_and_mappings(services: bootstrap.Services, endpoint: Endpoint) -> None:
    services.directory.create_group("Účetní")
    services.synchronizations.map_group(endpoint.identifier, "Účetní", GUID)
    services.synchronizations.map_role(endpoint.identifier, "Administrator", GUID)
    services.synchronizations.delete(endpoint.identifier)
    assert (AccessKey.select().count(), GroupMapping.select().count()) == (0, 0)
    assert RoleMapping.select().count() == 0
    assert services.synchronizations.all() == []


def test_delete_of_unknown_identifier(services: bootstrap.Services) -> None:
    with pytest.raises(NotFound):
        services.synchronizations.delete("Nope")


def test_deleted_users_return_with_a_new_synchronization(
    services: bootstrap.Services, endpoint: Endpoint
) -> None:
    sync = services.synchronizations.get(endpoint.identifier)
    UserProvisioning(services.db, sync, Journal(sync)).create(entra_user("alice@contoso.com"))
    services.synchronizations.delete(endpoint.identifier)
    services.synchronizations.create(settings("Again", "Again"))
    again = services.synchronizations.get("Again")
    UserProvisioning(services.db, again, Journal(again)).create(entra_user("alice@contoso.com"))
    (alice,) = services.directory.users()
    assert (alice.active, alice.removed, alice.source) == (True, False, "Again")


# --- Keys ---------------------------------------------------------------------------------


def database_bytes(services: bootstrap.Services) -> bytes:
    """Everything the database holds: its files, or on PostgreSQL every row of every table."""
    if is_postgresql(services.db):
        tables = services.db.get_tables()
        return b"".join(
            str(row[0]).encode()
            for table in tables
            for row in services.db.execute_sql(f'SELECT t::text FROM "{table}" t').fetchall()
        )
    services.db.execute_sql("PRAGMA wal_checkpoint(FULL)")
    files = sorted(services.data_dir.glob("sofa-scim.db*"))
    return b"".join(path.read_bytes() for path in files)


def test_only_the_hash_of_the_key_is_stored(services: bootstrap.Services) -> None:
    services.synchronizations.create(settings())
    issued = services.synchronizations.issue_key("Contoso", 365)
    stored = database_bytes(services)
    assert issued.key.encode() not in stored
    assert hash_key(issued.key).encode() in stored


def test_key_expires_after_the_chosen_days(services: bootstrap.Services) -> None:
    services.synchronizations.create(settings())
    issued = services.synchronizations.issue_key("Contoso", 90)
    expiry = services.synchronizations.key_expiry(services.synchronizations.get("Contoso"))
    assert expiry == issued.expires_at
    assert abs(expiry - (utcnow() + timedelta(days=90))) < timedelta(minutes=1)


def test_new_key_replaces_the_old(services: bootstrap.Services) -> None:
    services.synchronizations.create(settings())
    old = services.synchronizations.issue_key("Contoso", 365)
    new = services.synchronizations.issue_key("Contoso", 730)
    assert old.key != new.key
    assert [k.key_hash for k in AccessKey.select()] == [hash_key(new.key)]


@pytest.mark.parametrize("days", [0, 89, 731])
def test_key_validity_outside_the_range_is_refused(services: bootstrap.Services, days: int) -> None:
    services.synchronizations.create(settings())
    with pytest.raises(DomainError, match="90 to 730 days"):
        services.synchronizations.issue_key("Contoso", days)
    assert AccessKey.select().count() == 0


def test_refused_validity_keeps_the_current_key(
    services: bootstrap.Services, endpoint: Endpoint
) -> None:
    with pytest.raises(DomainError):
        services.synchronizations.issue_key(endpoint.identifier, 1000)
    assert [k.key_hash for k in AccessKey.select()] == [hash_key(endpoint.key)]


# --- Mapping rules ------------------------------------------------------------------------


def test_mapping_refuses_a_non_guid(services: bootstrap.Services, endpoint: Endpoint) -> None:
    services.directory.create_group("Účetní")
    with pytest.raises(DomainError, match="GUID"):
        services.synchronizations.map_group(endpoint.identifier, "Účetní", "Accounting")


def test_mapping_needs_an_existing_sofa_group(
    services: bootstrap.Services, endpoint: Endpoint
) -> None:
    with pytest.raises(NotFound, match="No Sofa group named 'Nope'"):
        services.synchronizations.map_group(endpoint.identifier, "Nope", GUID)


def test_mapping_the_same_row_twice_keeps_one(
    services: bootstrap.Services, endpoint: Endpoint
) -> None:
    services.synchronizations.map_role(endpoint.identifier, "Administrator", GUID)
    services.synchronizations.map_role(endpoint.identifier, "Administrator", GUID.upper())
    assert [m.remote_id for m in RoleMapping.select()] == [GUID]
