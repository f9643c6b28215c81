"""Access keys: generation, hashing and the validity rule (SPEC §3)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime
from datetime import timedelta

from sofa_scim_desktop.domain.errors import QT_TRANSLATE_NOOP
from sofa_scim_desktop.domain.errors import DomainError

MIN_VALIDITY_DAYS = 90
MAX_VALIDITY_DAYS = 730
EXPIRY_WARNING_DAYS = 14
_KEY_BYTES = 32  # 256 bits from a CSPRNG: a plain SHA-256 is enough to store it (SPEC §3).


def generate_key() -> str:
    return secrets.token_urlsafe(_KEY_BYTES)


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def key_matches(presented: str, stored_hash: str) -> bool:
    """Compares in constant time, so that timing tells nothing about the stored hash."""
    return hmac.compare_digest(hash_key(presented), stored_hash)


def validate_validity_days(days: int) -> int:
    if not MIN_VALIDITY_DAYS <= days <= MAX_VALIDITY_DAYS:
        raise DomainError(
            QT_TRANSLATE_NOOP("Errors", "A key is valid for {low} to {high} days, not {days}."),
            low=MIN_VALIDITY_DAYS,
            high=MAX_VALIDITY_DAYS,
            days=days,
        )
    return days


def expiry_for(now: datetime, days: int) -> datetime:
    return now + timedelta(days=validate_validity_days(days))
