"""Application settings (SPEC §7): known keys with defaults, validated values, unknown refused."""

from __future__ import annotations

import pytest

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.domain.errors import DomainError
from sofa_scim_desktop.services.settings import SETTINGS

SPEC_KEYS = {
    "public_base_url", "server.host", "server.port", "server.trusted_proxy", "smtp.host",
    "smtp.port", "smtp.security", "smtp.user", "smtp.sender", "language", "logs.retention_days",
}  # fmt: skip


def test_every_key_of_the_spec_is_known() -> None:
    assert SPEC_KEYS <= set(SETTINGS)


@pytest.mark.parametrize(
    ("key", "default"),
    [
        ("server.port", "8080"),
        ("smtp.security", "starttls"),
        ("language", "system"),
        ("logs.retention_days", "90"),
        ("server.trusted_proxy", ""),
        ("gui.on_close", "ask"),
    ],
)
def test_defaults(services: bootstrap.Services, key: str, default: str) -> None:
    assert services.settings.get(key) == default


@pytest.mark.parametrize(
    ("key", "value", "stored"),
    [
        ("public_base_url", "https://sofa.example.com/", "https://sofa.example.com"),
        ("public_base_url", "https://sofa.example.com/bridge", "https://sofa.example.com/bridge"),
        ("server.port", "0", "0"),
        ("server.port", "08443", "8443"),
        ("smtp.port", "465", "465"),
        ("smtp.security", "tls", "tls"),
        ("language", "cs", "cs"),
        ("logs.retention_days", "30", "30"),
        ("smtp.host", "  smtp.example.com ", "smtp.example.com"),
        ("server.trusted_proxy", "10.0.0.1", "10.0.0.1"),
        ("smtp.sender", " sofa@example.com ", "sofa@example.com"),
        ("smtp.sender", "Sofa <sofa@example.com>", "Sofa <sofa@example.com>"),
        ("smtp.sender", "", ""),
        ("gui.on_close", "tray", "tray"),
        ("gui.on_close", "quit", "quit"),
    ],
)
def test_set_then_get(services: bootstrap.Services, key: str, value: str, stored: str) -> None:
    assert services.settings.set(key, value) == stored
    assert services.settings.get(key) == stored


def test_set_replaces_the_previous_value(services: bootstrap.Services) -> None:
    services.settings.set("language", "cs")
    services.settings.set("language", "en")
    assert services.settings.get("language") == "en"


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("public_base_url", "sofa.example.com", "an address such as https://"),
        ("public_base_url", "ftp://sofa.example.com", "an address such as https://"),
        ("public_base_url", "https://sofa.example.com/?a=1", "an address such as https://"),
        ("server.port", "65536", "port number from 0"),
        ("server.port", "-1", "port number from 0"),
        ("server.port", "http", "port number from 0"),
        ("smtp.port", "", "port number from 0"),
        ("smtp.security", "ssl", "Expected one of: none, starttls, tls"),
        ("smtp.host", "smtp example.com", "without spaces"),
        ("smtp.sender", "sofa", "an e-mail address"),
        ("smtp.sender", "Sofa <sofa>", "an e-mail address"),
        ("language", "de", "Expected one of: system, en, cs"),
        ("logs.retention_days", "0", "at least 1"),
        ("logs.retention_days", "7.5", "at least 1"),
        ("gui.on_close", "minimise", "Expected one of: ask, tray, quit"),
    ],
)
def test_invalid_values_are_refused_with_a_message(
    services: bootstrap.Services, key: str, value: str, message: str
) -> None:
    before = services.settings.get(key)
    with pytest.raises(DomainError, match=message):
        services.settings.set(key, value)
    assert services.settings.get(key) == before


@pytest.mark.parametrize("key", ["colour", "smtp", "SMTP.HOST", ""])
def test_unknown_key_is_refused(services: bootstrap.Services, key: str) -> None:
    with pytest.raises(DomainError, match="Unknown setting"):
        services.settings.set(key, "x")
    with pytest.raises(DomainError, match="Unknown setting"):
        services.settings.get(key)


def test_smtp_password_is_never_stored_in_the_database(services: bootstrap.Services) -> None:
    assert services.settings.set("smtp.password", "hunter2") == "(set)"
    data = b"".join(p.read_bytes() for p in services.data_dir.glob("sofa-scim.db*"))
    assert b"hunter2" not in data


def test_the_environment_wins_over_the_stored_value(
    services: bootstrap.Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    services.settings.set("public_base_url", "https://stored.example.com")
    monkeypatch.setenv("SOFA_SCIM_PUBLIC_BASE_URL", "https://from-env.example.com/")
    monkeypatch.setenv("SOFA_SCIM_SMTP_HOST", "smtp.example.com")
    assert services.settings.get("public_base_url") == "https://from-env.example.com"
    assert services.settings.get("smtp.host") == "smtp.example.com"
    assert services.settings.environment_override("public_base_url") == "SOFA_SCIM_PUBLIC_BASE_URL"
    assert services.settings.environment_override("server.port") is None
    monkeypatch.delenv("SOFA_SCIM_PUBLIC_BASE_URL")
    assert services.settings.get("public_base_url") == "https://stored.example.com"


def test_a_refused_value_in_the_environment_stops_the_start(
    services: bootstrap.Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOFA_SCIM_SERVER_PORT", "80a")
    monkeypatch.setenv("SOFA_SCIM_SMTP_SECURITY", "ssl")
    with pytest.raises(DomainError) as refused:
        bootstrap.build(str(services.data_dir))
    assert "SOFA_SCIM_SERVER_PORT='80a': Expected a port number" in str(refused.value)
    assert "SOFA_SCIM_SMTP_SECURITY='ssl': Expected one of: none, starttls, tls" in str(
        refused.value
    )
