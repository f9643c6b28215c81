"""One-time password-set links (SPEC §5): tokens kept only as SHA-256, passwords as argon2id."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta
from enum import Enum

from argon2 import PasswordHasher
from peewee import Database

from sofa_scim_desktop.storage.database import immediate
from sofa_scim_desktop.storage.tables import PasswordToken
from sofa_scim_desktop.storage.tables import SofaUser
from sofa_scim_desktop.storage.tables import utcnow

TOKEN_VALIDITY = timedelta(hours=72)
MIN_LENGTH = 12
_HASHER = PasswordHasher()


class LinkState(Enum):
    VALID = "valid"
    UNKNOWN = "unknown"  # also a removed user: the page never tells which users exist.
    USED = "used"
    EXPIRED = "expired"


@dataclass(frozen=True)
class Link:
    state: LinkState
    language: str = "en"
    user_name: str = ""
    token_id: int = 0
    user_id: int = 0


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def mint(user_id: int, language: str, message_id: int | None, validity: timedelta) -> str:
    """A new token for the user; earlier unused tokens minted for the same message go."""
    if message_id is not None:
        PasswordToken.delete().where(
            (PasswordToken.message_id == message_id) & PasswordToken.used_at.is_null()
        ).execute()
    token = secrets.token_urlsafe(32)
    now = utcnow()
    PasswordToken.create(
        token_hash=token_hash(token), user_id=user_id, message_id=message_id,
        language=language, created_at=now, expires_at=now + validity,
    )  # fmt: skip
    return token


def weakness(password: str, confirmation: str, user_name: str) -> str | None:
    """Why the password is refused (a message key), or None."""
    if password != confirmation:
        return "mismatch"
    if len(password) < MIN_LENGTH:
        return "short"
    lowered = password.strip().lower()
    if lowered in {user_name.lower(), user_name.lower().partition("@")[0]}:
        return "user_name"
    return None


def verify(stored_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(stored_hash, password)
    except Exception:  # argon2's VerifyMismatchError and friends: simply not this password.
        return False


class PasswordLinks:
    """What the password page asks of the database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def look_up(self, token: str) -> Link:
        row = PasswordToken.get_or_none(PasswordToken.token_hash == token_hash(token))
        user = SofaUser.get_or_none(SofaUser.id == row.user_id) if row else None
        if row is None or user is None or user.removed:
            return Link(LinkState.UNKNOWN)
        if row.used_at is not None:
            state = LinkState.USED
        elif row.expires_at <= utcnow():
            state = LinkState.EXPIRED
        else:
            state = LinkState.VALID
        return Link(state, row.language, user.user_name, row.id, user.id)

    def set_password(self, token: str, password: str) -> LinkState:
        """Stores the hash and uses the token up; VALID when it was set."""
        hashed = _HASHER.hash(password)  # PERF: slow on purpose; outside the transaction.
        with immediate(self.db):
            link = self.look_up(token)  # again: another request may have used it meanwhile.
            if link.state is not LinkState.VALID:
                return link.state
            now = utcnow()
            SofaUser.update(password_hash=hashed, updated_at=now).where(
                SofaUser.id == link.user_id
            ).execute()
            PasswordToken.update(used_at=now).where(PasswordToken.id == link.token_id).execute()
        return LinkState.VALID
