"""Warnings beyond the manual: a key about to expire, and a synchronization Entra stopped
calling; at most once a day, only for synchronizations that ask for failure e-mails."""

from __future__ import annotations

from datetime import timedelta

import pytest

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.services.mail.worker import MailWorker
from sofa_scim_desktop.services.synchronizations import SyncSettings
from sofa_scim_desktop.storage.tables import Synchronization
from sofa_scim_desktop.storage.tables import utcnow
from tests.services.mail.conftest import Clock
from tests.services.mail.conftest import SmtpSink


@pytest.fixture
def admin(services: bootstrap.Services) -> str:
    services.directory.create_user("boss", "boss@example.com")
    services.directory.grant("boss", role="Administrator")
    return "boss@example.com"


def sync(services: bootstrap.Services, notify: bool = True, days: int = 90) -> None:
    services.synchronizations.create(
        SyncSettings(name="Contoso HR", identifier="Contoso_HR", notify_failures=notify)
    )
    services.synchronizations.issue_key("Contoso_HR", days)


def test_a_key_expiring_within_14_days_is_warned_once_a_day(
    services: bootstrap.Services, smtp: SmtpSink, worker: MailWorker, clock: Clock, admin: str
) -> None:
    sync(services, days=90)
    clock.advance(days=80)
    worker.run_once()
    [message] = smtp.messages
    assert message.envelope_to == [admin]
    assert message.subject.startswith('Sofa: the access key of "Contoso HR" expires on')
    text = " ".join(message.text.split())
    assert "click Access details" in text and "in 10 days" in text
    clock.advance(hours=12)
    worker.run_once()
    assert len(smtp.messages) == 1
    clock.advance(hours=13)
    worker.run_once()
    assert len(smtp.messages) == 2


@pytest.mark.parametrize(
    ("days_left", "czech"), [(1, "za 1 den"), (2, "za 2 dny"), (4, "za 4 dny"), (5, "za 5 dní")]
)
def test_the_czech_key_warning_says_days_in_czech_plural(
    services: bootstrap.Services,
    smtp: SmtpSink,
    worker: MailWorker,
    clock: Clock,
    admin: str,
    days_left: int,
    czech: str,
) -> None:
    services.settings.set("language", "cs")
    sync(services, days=90)
    clock.advance(days=90 - days_left)
    worker.run_once()
    [message] = smtp.messages
    assert czech + "." in " ".join(message.text.split())


def test_a_silent_synchronization_is_warned(
    services: bootstrap.Services, smtp: SmtpSink, worker: MailWorker, clock: Clock, admin: str
) -> None:
    services.settings.set("language", "cs")
    sync(services, days=365)
    Synchronization.update(last_call_at=utcnow() - timedelta(hours=25)).execute()
    worker.run_once()
    [message] = smtp.messages
    assert message.subject.startswith("Sofa: Entra ID nevolalo synchronizaci „Contoso HR“ od")


def test_no_warnings_without_the_failure_option_or_before_any_call(
    services: bootstrap.Services, smtp: SmtpSink, worker: MailWorker, clock: Clock, admin: str
) -> None:
    sync(services, notify=False, days=90)
    clock.advance(days=80)
    worker.run_once()
    Synchronization.update(notify_failures=True).execute()
    clock.advance(minutes=11)
    worker.run_once()  # now the key warning, but no silence warning: never called.
    assert [m.subject.split(" ")[1:4] for m in smtp.messages] == [["the", "access", "key"]]
