"""Access keys (SPEC §3): validity of 90 to 730 days, 256 random bits, hash comparison."""

from __future__ import annotations

import base64
from datetime import datetime
from datetime import timedelta

import pytest

from sofa_scim_desktop.domain.errors import DomainError
from sofa_scim_desktop.domain.keys import expiry_for
from sofa_scim_desktop.domain.keys import generate_key
from sofa_scim_desktop.domain.keys import hash_key
from sofa_scim_desktop.domain.keys import key_matches
from sofa_scim_desktop.domain.keys import validate_validity_days

NOW = datetime(2026, 1, 31, 12, 0)


@pytest.mark.parametrize("days", [90, 91, 365, 729, 730])
def test_validity_within_bounds_is_accepted(days: int) -> None:
    assert validate_validity_days(days) == days
    assert expiry_for(NOW, days) == NOW + timedelta(days=days)


@pytest.mark.parametrize("days", [-1, 0, 1, 89, 731, 10_000])
def test_validity_outside_bounds_is_refused_with_the_range(days: int) -> None:
    with pytest.raises(DomainError, match=f"90 to 730 days, not {days}"):
        expiry_for(NOW, days)


def test_key_carries_at_least_256_bits() -> None:
    key = generate_key()
    raw = base64.urlsafe_b64decode(key + "=" * (-len(key) % 4))
    assert len(raw) >= 32
    assert len(key) >= 43


def test_keys_are_url_safe_text() -> None:
    key = generate_key()
    assert key.isascii()
    assert all(c.isalnum() or c in "-_" for c in key)


def test_keys_differ_every_time() -> None:
    assert len({generate_key() for _ in range(200)}) == 200


def test_key_matches_its_hash() -> None:
    key = generate_key()
    assert key_matches(key, hash_key(key))


@pytest.mark.parametrize("presented", ["", "x", "KEY", " key", "key "])
def test_other_text_does_not_match(presented: str) -> None:
    assert not key_matches(presented, hash_key("key"))


def test_hash_does_not_contain_the_key() -> None:
    key = generate_key()
    assert key not in hash_key(key)
    assert len(hash_key(key)) == 64
