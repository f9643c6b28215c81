"""Application settings (SPEC §7): known keys, each with its validation and default."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from email.utils import parseaddr
from urllib.parse import urlparse

from sofa_scim_desktop.domain.errors import QT_TRANSLATE_NOOP
from sofa_scim_desktop.domain.errors import DomainError
from sofa_scim_desktop.services.secrets import ENV_SMTP_PASSWORD
from sofa_scim_desktop.services.secrets import Secrets
from sofa_scim_desktop.storage.tables import Setting

_ADDRESS = re.compile(r"^[^@\s]+@[^@\s]+$")


def _url(value: str) -> str:
    parsed = urlparse(value)
    if parsed.scheme not in ("http", "https") or not parsed.netloc or parsed.query:
        raise DomainError(
            QT_TRANSLATE_NOOP("Errors", "Expected an address such as https://sofa.example.com.")
        )
    return value.rstrip("/")


def _port(value: str) -> str:
    if not value.isdigit() or not 0 <= int(value) <= 65535:
        raise DomainError(
            QT_TRANSLATE_NOOP("Errors", "Expected a port number from 0 (any free port) to 65535.")
        )
    return str(int(value))


def _choice(*choices: str) -> Callable[[str], str]:
    def check(value: str) -> str:
        if value not in choices:
            raise DomainError(
                QT_TRANSLATE_NOOP("Errors", "Expected one of: {choices}."),
                choices=", ".join(choices),
            )
        return value

    return check


def _positive(value: str) -> str:
    if not value.isdigit() or int(value) < 1:
        raise DomainError(
            QT_TRANSLATE_NOOP("Errors", "Expected a whole number of days, at least 1.")
        )
    return str(int(value))


def _text(value: str) -> str:
    return value.strip()


def _host(value: str) -> str:
    if any(ch.isspace() for ch in value.strip()):
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "Errors", "Expected a host name or address without spaces, e.g. smtp.example.com."
            )
        )
    return value.strip()


def _sender(value: str) -> str:
    """Empty (mail waits) or an address, optionally with a name: Sofa <sofa@example.com>."""
    name, address = parseaddr(value.strip())
    if value.strip() and not _ADDRESS.match(address):
        raise DomainError(
            QT_TRANSLATE_NOOP("Errors", "Expected an e-mail address such as sofa@example.com.")
        )
    return value.strip()


# key -> (validator, default)
SETTINGS: dict[str, tuple[Callable[[str], str], str]] = {
    "public_base_url": (_url, "http://127.0.0.1:8080"),
    "server.host": (_text, "127.0.0.1"),
    "server.port": (_port, "8080"),
    "server.trusted_proxy": (_text, ""),
    "smtp.host": (_host, ""),
    "smtp.port": (_port, "587"),
    "smtp.security": (_choice("none", "starttls", "tls"), "starttls"),
    "smtp.user": (_text, ""),
    "smtp.sender": (_sender, ""),
    "language": (_choice("system", "en", "cs"), "system"),
    "logs.retention_days": (_positive, "90"),
    # Closing the desktop app's window while its server runs: ask, keep serving in the
    # system tray, or quit (Entra's calls fail while the server is stopped).
    "gui.on_close": (_choice("ask", "tray", "quit"), "ask"),
}
SECRET_SETTINGS = frozenset({"smtp.password"})


def environment_name(key: str) -> str:
    """SPEC §8.4: `server.port` is `SOFA_SCIM_SERVER_PORT`, and so on."""
    return "SOFA_SCIM_" + key.upper().replace(".", "_")


def environment_errors() -> list[str]:
    """Every setting given by environment that its validator refuses, as one line each, so that
    a container with a mistyped variable stops at once instead of serving on a default.
    """
    errors = []
    for key, (validate, _default) in SETTINGS.items():
        value = os.environ.get(environment_name(key))
        if value is None:
            continue
        try:
            validate(value)
        except DomainError as error:
            errors.append(f"{environment_name(key)}={value!r}: {error}")
    return errors


class Settings:
    def __init__(self, secrets: Secrets | None = None) -> None:
        self.secrets = secrets or Secrets()

    def get(self, key: str) -> str:
        """The value; for the SMTP password only whether it is set, never the value."""
        if key in SECRET_SETTINGS:
            return "(set)" if self.secrets.smtp_password_is_set() else "(not set)"
        self._known(key)
        from_environment = os.environ.get(environment_name(key))
        if from_environment is not None:
            # Checked at start (environment_errors); a refused value falls back to the stored one.
            try:
                return SETTINGS[key][0](from_environment)
            except DomainError:
                pass
        row = Setting.get_or_none(Setting.key == key)
        return row.value if row else SETTINGS[key][1]

    @staticmethod
    def environment_override(key: str) -> str | None:
        """The environment variable that wins over the stored value of `key`, if one is set."""
        if key in SECRET_SETTINGS:
            return ENV_SMTP_PASSWORD if os.environ.get(ENV_SMTP_PASSWORD) else None
        name = environment_name(key)
        return name if name in os.environ else None

    def set(self, key: str, value: str) -> str:
        if key in SECRET_SETTINGS:  # the OS keyring, never the database (SPEC §7).
            self.secrets.set_smtp_password(value)
            return "(set)" if value else "(not set)"
        self._known(key)
        cleaned = SETTINGS[key][0](value)
        # NOTE: an upsert both SQLite and PostgreSQL know (REPLACE is SQLite's own).
        Setting.insert(key=key, value=cleaned).on_conflict(
            conflict_target=[Setting.key], update={Setting.value: cleaned}
        ).execute()
        return cleaned

    @staticmethod
    def _known(key: str) -> None:
        if key not in SETTINGS:
            known = ", ".join([*SETTINGS, *SECRET_SETTINGS])
            raise DomainError(
                QT_TRANSLATE_NOOP("Errors", "Unknown setting '{key}'. Known: {known}."),
                key=key,
                known=known,
            )
