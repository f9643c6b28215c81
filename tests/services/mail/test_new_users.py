"""Welcome e-mail and password-set link for users a synchronization creates (SPEC §2, §5),
sent through a real SMTP server on loopback."""

from __future__ import annotations

import re

import pytest

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.services.mail.worker import MailWorker
from sofa_scim_desktop.services.passwords import token_hash
from sofa_scim_desktop.storage.tables import LogEntry
from sofa_scim_desktop.storage.tables import MailMessage
from sofa_scim_desktop.storage.tables import PasswordToken
from tests.conftest import ScimClient
from tests.conftest import make_endpoint
from tests.samples import entra_user
from tests.services.mail.conftest import SENDER
from tests.services.mail.conftest import SmtpSink

LINK = re.compile(r"(http://[^\s]+/password/([A-Za-z0-9_-]+))")


def client(services: bootstrap.Services, app: object, **options: bool) -> ScimClient:
    return ScimClient(app, make_endpoint(services, "Mailing", **options))


@pytest.mark.parametrize(
    ("preferred", "subject", "greeting"),
    [
        ("cs-CZ", "Vítejte v aplikaci Sofa", "v aplikaci Sofa vám byl založen uživatelský účet"),
        ("en-US", "Welcome to Sofa", "an account has been created for you in Sofa"),
    ],
)
def test_welcome_email_in_the_users_language(
    services: bootstrap.Services, app: object, smtp: SmtpSink, worker: MailWorker,
    preferred: str, subject: str, greeting: str,
) -> None:  # fmt: skip
    scim = client(services, app, welcome_email=True)
    body = entra_user("alice@contoso.com", preferredLanguage=preferred)
    assert scim.post("/Users", json=body).status_code == 201
    assert worker.run_once() == 1
    [message] = smtp.messages
    assert message.envelope_to == ["alice@contoso.com"]
    assert message.message["From"] == SENDER
    assert message.subject == subject
    assert greeting in message.text
    assert "alice@contoso.com" in message.text and "Alice Nováková" in message.text


def test_without_preferred_language_the_language_setting_decides(
    services: bootstrap.Services, app: object, smtp: SmtpSink, worker: MailWorker
) -> None:
    services.settings.set("language", "cs")
    scim = client(services, app, welcome_email=True)
    scim.post("/Users", json=entra_user("bob@contoso.com"))
    worker.run_once()
    assert smtp.messages[0].subject == "Vítejte v aplikaci Sofa"


def test_nothing_is_sent_when_the_options_are_off(
    services: bootstrap.Services, app: object, smtp: SmtpSink, worker: MailWorker
) -> None:
    scim = client(services, app)
    assert scim.post("/Users", json=entra_user("carol@contoso.com")).status_code == 201
    assert worker.run_once() == 0
    assert MailMessage.select().count() == 0 and smtp.messages == []


def test_a_rejected_creation_queues_nothing(
    services: bootstrap.Services, app: object, smtp: SmtpSink
) -> None:
    scim = client(services, app, welcome_email=True)
    scim.post("/Users", json=entra_user("dave@contoso.com"))
    assert scim.post("/Users", json=entra_user("dave@contoso.com")).status_code == 409
    assert MailMessage.select().count() == 1


def test_user_without_work_email_is_noted_in_the_log(
    services: bootstrap.Services, app: object
) -> None:
    scim = client(services, app, welcome_email=True)
    scim.post("/Users", json=entra_user("erin@contoso.com", emails=[]))
    assert MailMessage.select().count() == 0
    [entry] = LogEntry.select().where(LogEntry.event == "mail.skipped")
    assert "erin@contoso.com has no work e-mail" in entry.message


@pytest.mark.parametrize(
    ("preferred", "subject"),
    [("cs", "Nastavení hesla do aplikace Sofa"), ("en", "Set your Sofa password")],
)
def test_password_link_is_sent_and_its_token_stored_only_hashed(
    services: bootstrap.Services, app: object, smtp: SmtpSink, worker: MailWorker,
    preferred: str, subject: str,
) -> None:  # fmt: skip
    services.settings.set("public_base_url", "http://sofa.example.com")
    scim = client(services, app, password_link=True)
    scim.post("/Users", json=entra_user("fred@contoso.com", preferredLanguage=preferred))
    worker.run_once()
    [message] = smtp.messages
    assert message.subject == subject
    match = LINK.search(message.text)
    assert match and match.group(1).startswith("http://sofa.example.com/password/")
    token = match.group(2)
    row = PasswordToken.get()
    assert row.token_hash == token_hash(token) and row.language == preferred
    assert (row.expires_at - row.created_at).total_seconds() == 72 * 3600
    stored = b"".join(p.read_bytes() for p in services.data_dir.glob("sofa-scim.db*"))
    assert token.encode() not in stored


def test_both_options_send_two_messages(
    services: bootstrap.Services, app: object, smtp: SmtpSink, worker: MailWorker
) -> None:
    scim = client(services, app, welcome_email=True, password_link=True)
    scim.post("/Users", json=entra_user("gina@contoso.com"))
    assert worker.run_once() == 2
    kinds = {m.kind for m in MailMessage.select()}
    assert kinds == {"welcome", "password_link"}
