"""Secrets kept outside the database: the SMTP password in the OS keyring (SPEC §7).

On a headless host keyring has no backend (PLATFORM.md); the operator then gives the password
in the environment variable SOFA_SCIM_SMTP_PASSWORD, which is read at send time.
"""

from __future__ import annotations

import logging
import os

import keyring
from keyring.backends import fail
from keyring.backends import null
from keyring.errors import KeyringError

from sofa_scim_desktop.domain.errors import DomainError

log = logging.getLogger("sofa.services")

SERVICE = "sofa-scim-desktop"
SMTP_PASSWORD = "smtp.password"
ENV_SMTP_PASSWORD = "SOFA_SCIM_SMTP_PASSWORD"


class KeyringUnavailable(DomainError):
    """No usable OS keyring (a headless host, or the keyring refused)."""


def _unavailable(reason: str) -> KeyringUnavailable:
    return KeyringUnavailable(
        f"The OS keyring is not available here ({reason}), so the SMTP password cannot be "
        f"stored. Set the environment variable {ENV_SMTP_PASSWORD} for the process that sends "
        "e-mail (sofa-scim serve or the app) instead; it is read when mail is sent."
    )


def keyring_works() -> bool:
    return not isinstance(keyring.get_keyring(), (fail.Keyring, null.Keyring))


class Secrets:
    """The SMTP password: the environment variable wins over the keyring."""

    def set_smtp_password(self, value: str) -> None:
        if not keyring_works():
            raise _unavailable("no keyring backend")
        try:
            if value:
                keyring.set_password(SERVICE, SMTP_PASSWORD, value)
            else:
                _delete()
        except KeyringError as error:
            raise _unavailable(type(error).__name__) from None

    def smtp_password(self) -> str | None:
        from_env = os.environ.get(ENV_SMTP_PASSWORD)
        if from_env:
            return from_env
        if not keyring_works():
            return None
        try:
            return keyring.get_password(SERVICE, SMTP_PASSWORD)
        except KeyringError as error:  # never the value, only what went wrong.
            log.warning(
                "could not read the SMTP password from the keyring: %s", type(error).__name__
            )
            return None

    def smtp_password_in_environment(self) -> bool:
        """The environment variable wins: the GUI says so rather than "in the keyring"."""
        return bool(os.environ.get(ENV_SMTP_PASSWORD))

    def smtp_password_is_set(self) -> bool:
        return bool(self.smtp_password())


def _delete() -> None:
    try:
        keyring.delete_password(SERVICE, SMTP_PASSWORD)
    except keyring.errors.PasswordDeleteError:
        pass  # nothing stored: already as wanted.
