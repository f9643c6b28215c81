"""The SMTP password in the OS keyring, and the headless alternative (PLATFORM.md)."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest
from keyring.backends import fail

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.services.secrets import ENV_SMTP_PASSWORD
from sofa_scim_desktop.services.secrets import SERVICE
from sofa_scim_desktop.services.secrets import KeyringUnavailable
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
    assert memory_keyring.passwords == {(SERVICE, "smtp.password"): "hunter2"}
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
