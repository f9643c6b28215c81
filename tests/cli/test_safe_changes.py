"""`sync update --identifier` with an alias, `--drop-alias`, and `key generate` with a grace
period or `--revoke-old` (SPEC §8.3), as the admin types them.
"""

from __future__ import annotations

from datetime import datetime
from datetime import timedelta

import pytest

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.domain.keys import hash_key
from sofa_scim_desktop.storage.tables import AccessKey
from sofa_scim_desktop.storage.tables import utcnow
from tests.cli.test_cli import failed
from tests.cli.test_cli import ok
from tests.cli.test_cli import ok_json
from tests.conftest import Endpoint


@pytest.fixture
def data(services: bootstrap.Services) -> str:
    services.settings.set("public_base_url", "https://sofa.example.com")
    return str(services.data_dir)


def listed(data: str, identifier: str) -> dict[str, object]:
    [row] = [
        r for r in ok_json("sync", "list", "--data-dir", data) if r["identifier"] == identifier
    ]
    return row


def test_renaming_keeps_the_old_identifier_as_an_alias(data: str, endpoint: Endpoint) -> None:
    text = ok("sync", "update", "Contoso", "--identifier", "Contoso_HR", "--data-dir", data)

    assert "https://sofa.example.com/scim/v2/Contoso) keeps working" in text
    assert "set Tenant URL to https://sofa.example.com/scim/v2/Contoso_HR" in text
    row = listed(data, "Contoso_HR")
    assert row["aliases"] == ["Contoso"]
    assert row["endpoint_url"] == "https://sofa.example.com/scim/v2/Contoso_HR"


def test_drop_alias_ends_the_old_identifier(data: str, endpoint: Endpoint) -> None:
    ok("sync", "update", "Contoso", "--identifier", "Contoso_HR", "--data-dir", data)

    text = ok("sync", "update", "Contoso_HR", "--drop-alias", "--data-dir", data)

    assert "The old identifier Contoso no longer works." in text
    assert listed(data, "Contoso_HR")["aliases"] == []


def test_a_new_synchronization_has_no_aliases(data: str, endpoint: Endpoint) -> None:
    assert listed(data, "Contoso")["aliases"] == []


def test_an_identifier_in_use_is_refused(data: str, endpoint: Endpoint) -> None:
    ok("sync", "create", "--name", "Fabrikam", "--data-dir", data)

    error = failed("sync", "update", "Fabrikam", "--identifier", "contoso", "--data-dir", data)

    assert "already used by 'Contoso'" in error
    assert listed(data, "Fabrikam")["aliases"] == []


def test_an_alias_of_another_synchronization_is_refused(data: str, endpoint: Endpoint) -> None:
    ok("sync", "update", "Contoso", "--identifier", "Contoso_HR", "--data-dir", data)

    error = failed("sync", "create", "--name", "X", "--identifier", "Contoso", "--data-dir", data)
    renamed = failed("sync", "create", "--name", "Contoso", "--data-dir", data)

    assert "still the old identifier of 'Contoso'" in error
    assert "sofa-scim sync update Contoso_HR --drop-alias" in error
    assert "old identifier" in renamed
    assert [r["identifier"] for r in ok_json("sync", "list", "--data-dir", data)] == ["Contoso_HR"]


def test_renaming_back_ends_nothing_and_keeps_the_other_name(data: str, endpoint: Endpoint) -> None:
    ok("sync", "update", "Contoso", "--identifier", "Contoso_HR", "--data-dir", data)
    ok("sync", "update", "Contoso_HR", "--identifier", "Contoso", "--data-dir", data)

    assert listed(data, "Contoso")["aliases"] == ["Contoso_HR"]


def valid_until(data: str) -> datetime | None:
    value = listed(data, "Contoso")["previous_key_valid_until"]
    return datetime.fromisoformat(str(value).removesuffix("Z")) if value else None


def test_a_new_key_keeps_the_old_one_for_24_hours(data: str, endpoint: Endpoint) -> None:
    assert valid_until(data) is None

    text = ok("key", "generate", "Contoso", "--days", "90", "--data-dir", data)

    assert "The previous key keeps working until Entra's first call with the new one" in text
    until = valid_until(data)
    assert until is not None
    assert timedelta(hours=23, minutes=58) < until - utcnow() <= timedelta(hours=24)
    [key] = AccessKey.select()
    assert key.previous_key_hash == hash_key(endpoint.key)


def test_revoke_old_ends_the_old_key_at_once(data: str, endpoint: Endpoint) -> None:
    issued = ok_json(
        "key", "generate", "Contoso", "--days", "90", "--revoke-old", "--data-dir", data
    )

    assert issued["previous_key_valid_until"] is None
    assert valid_until(data) is None
