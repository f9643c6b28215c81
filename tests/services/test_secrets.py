"""The SMTP password in the OS keyring, and the headless alternative (PLATFORM.md)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.services.secrets import ENV_SMTP_PASSWORD
from sofa_scim_desktop.services.secrets import SERVICE
from sofa_scim_desktop.services.secrets import SMTP_PASSWORD
from sofa_scim_desktop.services.secrets import KeyringUnavailable
from sofa_scim_desktop.services.secrets import instance_key
from tests.conftest import MemoryKeyring


@pytest.fixture
def headless() -> Iterator[None]:
    """keyring's default where no backend works: every call raises NoKeyringError."""
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


def test_the_password_goes_to_the_keyring(
    services: bootstrap.Services, memory_keyring: MemoryKeyring
) -> None:
    assert services.settings.get("smtp.password") == "(not set)"
    services.settings.set("smtp.password", "hunter2")
    entry = services.settings.secrets.entry
    assert memory_keyring.passwords == {(SERVICE, entry): "hunter2"}
    assert services.settings.get("smtp.password") == "(set)"


def test_an_empty_value_removes_it(
    services: bootstrap.Services, memory_keyring: MemoryKeyring
) -> None:
    services.settings.set("smtp.password", "hunter2")
    assert services.settings.set("smtp.password", "") == "(not set)"
    assert memory_keyring.passwords == {}


def test_without_a_keyring_setting_it_says_what_to_do(
    services: bootstrap.Services, headless: None
) -> None:
    with pytest.raises(KeyringUnavailable, match=ENV_SMTP_PASSWORD):
        services.settings.set("smtp.password", "hunter2")
    assert services.settings.get("smtp.password") == "(not set)"


def test_the_environment_variable_is_the_headless_alternative(
    services: bootstrap.Services, headless: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_SMTP_PASSWORD, "from-env")
    assert services.settings.secrets.smtp_password() == "from-env"
    assert services.settings.get("smtp.password") == "(set)"


def test_two_instances_on_one_machine_keep_their_own_password(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    first, second = bootstrap.build(str(tmp_path / "a")), bootstrap.build(str(tmp_path / "b"))
    first.settings.set("smtp.password", "first-pass")
    second.settings.set("smtp.password", "second-pass")
    assert first.settings.secrets.smtp_password() == "first-pass"
    assert second.settings.secrets.smtp_password() == "second-pass"
    second.settings.set("smtp.password", "")
    assert first.settings.secrets.smtp_password() == "first-pass"  # not removed with the other's
    first.db.close()
    second.db.close()


def test_the_shared_password_of_an_older_version_is_kept_by_the_instance_that_logs_in(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    older = bootstrap.build(str(tmp_path / "a"))
    older.settings.set("smtp.user", "sofa@contoso.com")
    older.db.close()
    memory_keyring.passwords = {(SERVICE, SMTP_PASSWORD): "shared-pass"}  # as it was stored

    upgraded = bootstrap.build(str(tmp_path / "a"))
    assert upgraded.settings.secrets.smtp_password() == "shared-pass"
    fresh = bootstrap.build(str(tmp_path / "new"))  # logs in to no SMTP server: adopts nothing
    assert fresh.settings.get("smtp.password") == "(not set)"
    upgraded.db.close()
    fresh.db.close()


def test_the_instance_key_hides_the_database_password() -> None:
    with_password = instance_key("postgresql://sofa:hunter2@db.contoso.com:5432/sofa")
    assert with_password == instance_key("postgresql://sofa:other@db.contoso.com:5432/sofa")
    assert with_password != instance_key("postgresql://sofa:hunter2@db.contoso.com:5432/test")
