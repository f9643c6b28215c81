"""Secrets kept outside the database: the SMTP password in the OS keyring (SPEC §7).

On a headless host keyring has no backend (PLATFORM.md); the operator then gives the password
in the environment variable SOFA_SCIM_SMTP_PASSWORD, which is read at send time.
"""

from __future__ import annotations

import hashlib
import logging
import os
from urllib.parse import urlsplit
from urllib.parse import urlunsplit

import keyring
from keyring.backends import fail
from keyring.backends import null
from keyring.errors import KeyringError

from sofa_scim_desktop.domain.errors import DomainError

log = logging.getLogger("sofa.services")

SERVICE = "sofa-scim-desktop"
SMTP_PASSWORD = "smtp.password"  # the entry of versions that had one for every instance
ENV_SMTP_PASSWORD = "SOFA_SCIM_SMTP_PASSWORD"


def instance_key(database_url: str) -> str:
    """Names one instance's entries: a hash of its database URL without the password, so two
    data folders (or a test and a production database) on one machine keep their own.
    """
    parts = urlsplit(database_url)
    if parts.password is not None:
        host = parts.hostname or ""
        netloc = f"{parts.username or ''}@{host}" + (f":{parts.port}" if parts.port else "")
        parts = parts._replace(netloc=netloc)
    return hashlib.sha256(urlunsplit(parts).encode()).hexdigest()[:16]


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
    """The SMTP password of one instance (`instance`: `instance_key`): the environment variable
    wins over the keyring.
    """

    def __init__(self, instance: str = "") -> None:
        self.entry = f"{SMTP_PASSWORD}.{instance}" if instance else SMTP_PASSWORD

    def set_smtp_password(self, value: str) -> None:
        if not keyring_works():
            raise _unavailable("no keyring backend")
        try:
            if value:
                keyring.set_password(SERVICE, self.entry, value)
            else:
                _delete(self.entry)
        except KeyringError as error:
            raise _unavailable(type(error).__name__) from None

    def adopt_shared_password(self) -> bool:
        """Copies the entry every instance shared (older versions) to this instance's own,
        when it has none; the shared one stays for the other instances that used it.
        Call only for an instance that logs in to SMTP. Returns whether it copied.
        """
        if self.entry == SMTP_PASSWORD or not keyring_works():
            return False
        try:
            if keyring.get_password(SERVICE, self.entry) is not None:
                return False
            shared = keyring.get_password(SERVICE, SMTP_PASSWORD)
            if shared is None:
                return False
            keyring.set_password(SERVICE, self.entry, shared)
        except KeyringError as error:
            log.warning("could not move the SMTP password in the keyring: %s", type(error).__name__)
            return False
        log.info("the SMTP password is now kept for this instance (keyring entry %s)", self.entry)
        return True

    def smtp_password(self) -> str | None:
        from_env = os.environ.get(ENV_SMTP_PASSWORD)
        if from_env:
            return from_env
        if not keyring_works():
            return None
        try:
            return keyring.get_password(SERVICE, self.entry)
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


def _delete(entry: str) -> None:
    try:
        keyring.delete_password(SERVICE, entry)
    except keyring.errors.PasswordDeleteError:
        pass  # nothing stored: already as wanted.
