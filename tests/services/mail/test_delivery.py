"""The outbox and the worker against a real SMTP server: retries, waiting without SMTP,
giving up, login with the keyring's password, and the background thread."""

from __future__ import annotations

from datetime import timedelta

import pytest

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.domain.errors import DomainError
from sofa_scim_desktop.services.mail import outbox
from sofa_scim_desktop.services.mail.worker import MailWorker
from sofa_scim_desktop.storage.database import immediate
from tests.services.mail.conftest import Clock
from tests.services.mail.conftest import SmtpSink
from tests.services.mail.conftest import wait_until


def test_test_email_is_sent(
    services: bootstrap.Services, smtp: SmtpSink, worker: MailWorker
) -> None:
    message_id = services.mail.send_test("admin@example.com")
    assert worker.run_once() == 1
    [received] = smtp.messages
    assert received.envelope_to == ["admin@example.com"]
    assert received.subject == "Sofa: test e-mail"
    entry = services.mail.entry(message_id)
    assert entry is not None and entry.state == "sent" and entry.attempts == 1


def test_test_email_needs_an_address(services: bootstrap.Services) -> None:
    with pytest.raises(DomainError, match="not an e-mail address"):
        services.mail.send_test("nobody")


def test_without_smtp_mail_waits_and_says_why(
    services: bootstrap.Services, worker: MailWorker
) -> None:
    services.mail.send_test("admin@example.com")
    assert worker.run_once() == 0
    [entry] = services.mail.outbox()
    assert (entry.state, entry.attempts) == ("queued", 0)
    assert entry.last_error is not None and "smtp.host" in entry.last_error


def test_mail_is_retried_when_the_server_comes_back(
    services: bootstrap.Services, smtp: SmtpSink, worker: MailWorker, clock: Clock
) -> None:
    smtp.stop()
    services.mail.send_test("admin@example.com")
    assert worker.run_once() == 0
    [entry] = services.mail.outbox()
    assert (entry.state, entry.attempts) == ("queued", 1)
    assert entry.last_error and "ConnectionRefusedError" in entry.last_error
    assert worker.run_once() == 0  # backing off: not due yet.
    assert services.mail.outbox()[0].attempts == 1
    smtp.start()
    clock.advance(seconds=1.5)
    assert worker.run_once() == 1
    [entry] = services.mail.outbox()
    assert (entry.state, entry.attempts, entry.last_error) == ("sent", 2, None)
    assert len(smtp.messages) == 1


def test_back_off_doubles_then_gives_up(
    services: bootstrap.Services, smtp: SmtpSink, worker: MailWorker, clock: Clock
) -> None:
    smtp.stop()
    services.mail.send_test("admin@example.com")
    delays = []
    for _ in range(3):
        worker.run_once()
        entry = services.mail.outbox()[0]
        delays.append(round((entry.next_attempt_at - clock()).total_seconds()))
        clock.advance(seconds=delays[-1] + 0.1)
    assert delays == [1, 2, 4]
    clock.advance(hours=1)
    worker.run_once()
    entry = services.mail.outbox()[0]
    assert (entry.state, entry.attempts) == ("failed", 4)


def test_login_uses_the_password_from_the_keyring(
    services: bootstrap.Services, smtp: SmtpSink, worker: MailWorker
) -> None:
    services.settings.set("smtp.user", "mailer")
    services.settings.set("smtp.password", "s3cret")
    services.mail.send_test("admin@example.com")
    assert worker.run_once() == 1
    assert smtp.logins == [("mailer", "s3cret")]


def test_a_refused_login_is_the_last_error_without_the_password(
    services: bootstrap.Services, smtp: SmtpSink, worker: MailWorker
) -> None:
    services.settings.set("smtp.user", "mailer")
    services.settings.set("smtp.password", "wrong-password")
    services.mail.send_test("admin@example.com")
    assert worker.run_once() == 0
    error = services.mail.outbox()[0].last_error
    assert error and "SMTPAuthenticationError" in error and "wrong-password" not in error


def test_the_background_worker_sends_and_stops(
    services: bootstrap.Services, smtp: SmtpSink
) -> None:
    worker = services.mail.start_worker(interval=30)
    try:
        services.mail.send_test("admin@example.com")  # wakes the worker: no 30 s wait.
        smtp.wait_for(1, timeout=5)
    finally:
        services.mail.stop_worker()
    assert not worker._thread.is_alive()


def test_queued_mail_survives_a_restart(
    services: bootstrap.Services, smtp: SmtpSink, tmp_path: object
) -> None:
    smtp.stop()
    services.mail.send_test("admin@example.com")
    services.db.close()
    again = bootstrap.build(str(services.data_dir))
    smtp.start()
    again.mail.start_worker(interval=0.05)
    try:
        wait_until(lambda: len(smtp.messages) == 1)
    finally:
        again.mail.stop_worker()


def test_a_message_another_worker_took_is_not_sent_twice(
    services: bootstrap.Services, smtp: SmtpSink, worker: MailWorker, clock: Clock
) -> None:
    services.mail.send_test("admin@example.com")
    [message] = outbox.due(clock())
    with immediate(services.db):
        assert outbox.claim(message, message.next_attempt_at, clock() + timedelta(minutes=5))
    assert worker.run_once() == 0 and smtp.messages == []
    clock.advance(minutes=6)  # the other worker died mid-send: this one retries.
    assert worker.run_once() == 1


def test_old_sent_messages_are_pruned_queued_ones_kept(
    services: bootstrap.Services, smtp: SmtpSink, worker: MailWorker, clock: Clock
) -> None:
    services.mail.send_test("sent@example.com")
    worker.run_once()
    smtp.stop()
    clock.advance(days=91)
    services.mail.send_test("waiting@example.com")
    worker.run_once()
    assert [e.to for e in services.mail.outbox()] == ["waiting@example.com"]
