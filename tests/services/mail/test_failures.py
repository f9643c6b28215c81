"""Failure notifications (SPEC §5): to Administrator and Subject manager holders, a burst of
failed calls is one message, later failures wait for the hour."""

from __future__ import annotations

import pytest

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.services.mail.worker import MailWorker
from sofa_scim_desktop.storage.tables import CallFailure
from sofa_scim_desktop.storage.tables import MailMessage
from sofa_scim_desktop.storage.tables import RoleMembership
from sofa_scim_desktop.storage.tables import SofaRole
from sofa_scim_desktop.storage.tables import SofaUser
from tests.conftest import ScimClient
from tests.conftest import make_endpoint
from tests.samples import entra_user
from tests.samples import patch
from tests.services.mail.conftest import Clock
from tests.services.mail.conftest import SmtpSink

ADMINS = ["boss@example.com", "helper@example.com"]


@pytest.fixture
def admins(services: bootstrap.Services) -> list[str]:
    """Two role holders by hand, one inactive holder and one without a role."""
    directory = services.directory
    directory.create_user("boss", ADMINS[0])
    directory.grant("boss", role="Administrator")
    directory.create_user("helper", ADMINS[1])
    directory.grant("helper", role="Subject manager")
    directory.create_user("plain", "plain@example.com")
    return ADMINS


def failing_client(services: bootstrap.Services, app: object, notify: bool = True) -> ScimClient:
    scim = ScimClient(app, make_endpoint(services, "Failing", notify_failures=notify))
    assert scim.post("/Users", json=entra_user("dup@contoso.com")).status_code == 201
    return scim


def conflict(scim: ScimClient, times: int = 1) -> None:
    for _ in range(times):
        assert scim.post("/Users", json=entra_user("dup@contoso.com")).status_code == 409


def test_a_burst_of_failures_is_one_message_per_admin(
    services: bootstrap.Services, app: object, smtp: SmtpSink, worker: MailWorker,
    clock: Clock, admins: list[str],
) -> None:  # fmt: skip
    scim = failing_client(services, app)
    conflict(scim, 5)
    assert worker.run_once() == 0  # the first failure waits a moment for the rest.
    clock.advance(seconds=31)
    assert worker.run_once() == 2
    assert sorted(m.envelope_to[0] for m in smtp.messages) == admins
    message = smtp.messages[0]
    assert message.subject == 'Sofa: synchronization "Failing" failed 5 times'
    assert "POST /scim/v2/Failing/Users → 409 (user dup@contoso.com)" in message.text
    assert "Display the logs" in message.text and "duplicate" in message.text
    assert CallFailure.select().count() == 0


def test_failures_within_the_hour_are_gathered(
    services: bootstrap.Services, app: object, smtp: SmtpSink, worker: MailWorker,
    clock: Clock, admins: list[str],
) -> None:  # fmt: skip
    scim = failing_client(services, app)
    conflict(scim)
    clock.advance(seconds=31)
    worker.run_once()
    conflict(scim, 3)
    clock.advance(minutes=30)
    worker.run_once()
    assert len(smtp.messages) == 2  # the first message only
    clock.advance(minutes=31)
    worker.run_once()
    assert len(smtp.messages) == 4
    assert "failed 3 times" in smtp.messages[-1].subject


def test_czech_failure_message(
    services: bootstrap.Services, app: object, smtp: SmtpSink, worker: MailWorker,
    clock: Clock, admins: list[str],
) -> None:  # fmt: skip
    services.settings.set("language", "cs")
    conflict(failing_client(services, app), 2)
    clock.advance(seconds=31)
    worker.run_once()
    message = smtp.messages[0]
    assert message.subject == "Sofa: synchronizace „Failing“ selhala (2×)"
    assert "uživatel dup@contoso.com" in message.text and "Zobrazit logy" in message.text


def test_derived_role_holders_are_told_too(
    services: bootstrap.Services, app: object, smtp: SmtpSink, worker: MailWorker, clock: Clock
) -> None:
    scim = failing_client(services, app)
    user = SofaUser.get(SofaUser.user_name_key == "dup@contoso.com")
    role = SofaRole.get(SofaRole.name == "Administrator")
    sync_id = user.source_id
    RoleMembership.create(user=user, role=role, sync=sync_id)  # as a mapping derives it
    conflict(scim)
    clock.advance(seconds=31)
    worker.run_once()
    assert [m.envelope_to for m in smtp.messages] == [["dup@contoso.com"]]


def test_nothing_is_recorded_when_the_option_is_off(
    services: bootstrap.Services, app: object, admins: list[str]
) -> None:
    conflict(failing_client(services, app, notify=False), 3)
    assert CallFailure.select().count() == 0


@pytest.mark.parametrize(
    ("method", "path", "counted"),
    [
        ("GET", "/Users/0000", False),
        ("DELETE", "/Users/0000", False),  # what should be gone is gone: no failure
        ("GET", "/Users?filter=x", True),
    ],
)
def test_which_answers_count(
    services: bootstrap.Services, app: object, method: str, path: str, counted: bool
) -> None:
    scim = failing_client(services, app)
    assert scim.request(method, path).status_code >= 400
    assert CallFailure.select().count() == (1 if counted else 0)


def test_unauthenticated_calls_are_not_failures_of_a_synchronization(
    services: bootstrap.Services, app: object
) -> None:
    scim = failing_client(services, app)
    result = scim.post(
        "/Users", json=entra_user("x@contoso.com"), headers={"Authorization": "Bearer no"}
    )
    assert result.status_code == 401
    assert CallFailure.select().count() == 0


def test_without_recipients_nothing_is_queued(
    services: bootstrap.Services, app: object, worker: MailWorker, clock: Clock
) -> None:
    conflict(failing_client(services, app))
    clock.advance(seconds=31)
    worker.run_once()
    assert MailMessage.select().count() == 0 and CallFailure.select().count() == 0


def test_the_user_of_a_failed_patch_is_named(
    services: bootstrap.Services, app: object, smtp: SmtpSink, worker: MailWorker,
    clock: Clock, admins: list[str],
) -> None:  # fmt: skip
    scim = failing_client(services, app)
    scim_id = scim.get("/Users").json["Resources"][0]["id"]
    assert scim.patch(f"/Users/{scim_id}", json=patch({"op": "explode"})).status_code == 400
    clock.advance(seconds=31)
    worker.run_once()
    assert (
        f"PATCH /scim/v2/Failing/Users/{scim_id} → 400 (user dup@contoso.com)"
        in smtp.messages[0].text
    )


@pytest.mark.parametrize("language", ["en", "cs"])
def test_the_failure_mail_warns_before_entra_quarantines_the_job(
    services: bootstrap.Services, app: object, smtp: SmtpSink, worker: MailWorker,
    clock: Clock, admins: list[str], language: str,
) -> None:  # fmt: skip
    services.settings.set("language", language)
    scim = failing_client(services, app)
    conflict(scim, 3)  # 3 of 4 calls failed
    clock.advance(seconds=31)
    assert worker.run_once() == 2
    warning = (
        "WARNING: 3 of 4 calls"
        if language == "en"
        else "POZOR: v posledních 24 hodinách selhalo 3 z 4"
    )
    assert warning in smtp.messages[0].text


def test_no_quarantine_warning_while_most_calls_succeed(
    services: bootstrap.Services, app: object, smtp: SmtpSink, worker: MailWorker,
    clock: Clock, admins: list[str],
) -> None:  # fmt: skip
    scim = failing_client(services, app)
    for _ in range(10):
        assert scim.get("/Users").status_code == 200
    conflict(scim, 1)
    clock.advance(seconds=31)
    assert worker.run_once() == 2
    assert "WARNING" not in smtp.messages[0].text
