"""The password-set page over real HTTP (SPEC §5): set once, refuse reuse, expiry, weak
passwords and foreign bodies; the argon2 hash is stored, never the password."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
import requests
from argon2 import PasswordHasher

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.scim.server import ScimServer
from sofa_scim_desktop.services.passwords import PasswordLinks
from sofa_scim_desktop.services.passwords import mint
from sofa_scim_desktop.storage.database import immediate
from sofa_scim_desktop.storage.tables import PasswordToken
from sofa_scim_desktop.storage.tables import SofaUser

GOOD = "correct horse battery"


@pytest.fixture
def base(app: object) -> Iterator[str]:
    server = ScimServer(app, "127.0.0.1", 0)
    server.start()
    yield server.url
    server.stop()


def link_for(
    services: bootstrap.Services, base: str, language: str = "en", hours: float = 72,
    user_name: str = "jana",
) -> str:  # fmt: skip
    services.directory.create_user(user_name, "jana@example.com")
    user = SofaUser.get(SofaUser.user_name_key == user_name)
    with immediate(services.db):
        token = mint(user.id, language, None, timedelta(hours=hours))
    return f"{base}/password/{token}"


def post(url: str, password: str, confirmation: str | None = None) -> requests.Response:
    data = {
        "password": password,
        "confirmation": password if confirmation is None else confirmation,
    }
    return requests.post(url, data=data, timeout=10)


def stored_hash(user_name: str = "jana") -> str | None:
    value: str | None = SofaUser.get(SofaUser.user_name_key == user_name).password_hash
    return value


def test_the_form_is_served_without_a_key(services: bootstrap.Services, base: str) -> None:
    answer = requests.get(link_for(services, base), timeout=10)
    assert answer.status_code == 200
    assert answer.headers["Content-Type"].startswith("text/html")
    assert answer.headers["Referrer-Policy"] == "no-referrer"
    assert 'name="password"' in answer.text and "<strong>jana</strong>" in answer.text
    assert "http" not in answer.text.split("<body>")[1]  # no external assets.


def test_setting_the_password_stores_an_argon2_hash(
    services: bootstrap.Services, base: str
) -> None:
    url = link_for(services, base)
    answer = post(url, GOOD)
    assert answer.status_code == 200 and "Password set" in answer.text
    hashed = stored_hash()
    assert hashed and hashed.startswith("$argon2id$") and PasswordHasher().verify(hashed, GOOD)
    assert PasswordToken.get().used_at is not None
    stored = b"".join(p.read_bytes() for p in services.data_dir.glob("sofa-scim.db*"))
    assert GOOD.encode() not in stored


def test_a_used_link_is_refused(services: bootstrap.Services, base: str) -> None:
    url = link_for(services, base)
    post(url, GOOD)
    first = stored_hash()
    again = post(url, "another good password")
    assert again.status_code == 410 and "has been used" in again.text
    assert requests.get(url, timeout=10).status_code == 410
    assert stored_hash() == first


def test_an_expired_link_is_refused(services: bootstrap.Services, base: str) -> None:
    url = link_for(services, base, hours=-1)
    answer = post(url, GOOD)
    assert answer.status_code == 410 and "expired" in answer.text
    assert stored_hash() is None


def test_an_unknown_link_reveals_nothing(services: bootstrap.Services, base: str) -> None:
    answer = requests.get(f"{base}/password/not-a-token", timeout=10)
    assert answer.status_code == 404 and "not valid" in answer.text


@pytest.mark.parametrize(
    ("password", "confirmation", "says"),
    [
        ("short", None, "too short"),
        ("eleven char", None, "too short"),
        (GOOD, GOOD + "x", "differ"),
        ("Jana.Novakova", None, "must not be your user name"),
        ("jana.novakova@example.com", None, "must not be your user name"),
    ],
)
def test_weak_passwords_are_refused(
    services: bootstrap.Services, base: str, password: str, confirmation: str | None, says: str
) -> None:
    url = link_for(services, base, user_name="jana.novakova@example.com")
    answer = post(url, password, confirmation)
    assert answer.status_code == 422 and says in answer.text
    assert stored_hash("jana.novakova@example.com") is None
    assert PasswordToken.get().used_at is None


def test_the_page_speaks_czech(services: bootstrap.Services, base: str) -> None:
    url = link_for(services, base, language="cs")
    assert "Nastavení hesla do aplikace Sofa" in requests.get(url, timeout=10).text
    answer = post(url, "krátké")
    assert "Heslo je příliš krátké" in answer.text
    assert 'lang="cs"' in answer.text


@pytest.mark.parametrize(
    ("headers", "body"),
    [
        ({"Content-Type": "application/json"}, b'{"password": "x"}'),
        ({"Content-Type": "application/x-www-form-urlencoded"}, b"password=" + b"a" * 5000),
    ],
)
def test_foreign_bodies_are_refused(
    services: bootstrap.Services, base: str, headers: dict[str, str], body: bytes
) -> None:
    answer = requests.post(link_for(services, base), data=body, headers=headers, timeout=10)
    assert answer.status_code == 400
    assert PasswordToken.get().used_at is None


def test_an_unexpected_error_does_not_log_the_token(
    services: bootstrap.Services, base: str, monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:  # fmt: skip
    url = link_for(services, base)

    def broken(self: object, token: str) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(PasswordLinks, "look_up", broken)
    assert requests.get(url, timeout=10).status_code == 500
    token = url.rsplit("/", 1)[1]
    assert "/password/[redacted]" in caplog.text and token not in caplog.text
