"""The SMTP part of the settings page: validation, the keyring password, the test e-mail."""

from __future__ import annotations

from typing import Any

import keyring
import pytest
from keyring.backends import fail

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.gui.settings_view import SettingsView
from sofa_scim_desktop.services.mail.worker import MailWorker
from sofa_scim_desktop.services.secrets import SERVICE
from tests.conftest import MemoryKeyring
from tests.services.mail.conftest import SmtpSink
from tests.services.mail.conftest import free_port


@pytest.fixture
def view(qtbot: Any, services: bootstrap.Services) -> SettingsView:
    widget = SettingsView(services)
    qtbot.addWidget(widget)
    widget.resize(1100, 800)
    widget.show()
    return widget


def retype(field: Any, text: str) -> None:
    field.selectAll()
    field.insert(text)


def test_smtp_fields_are_editable_and_saved(view: SettingsView, services: Any) -> None:
    retype(view.smtp_host, "smtp.example.com")
    retype(view.smtp_port, "465")
    view.smtp_security.setCurrentIndex(view.smtp_security.findData("tls"))
    retype(view.smtp_user, "mailer")
    retype(view.smtp_sender, "Sofa <sofa@example.com>")
    assert view.save()
    assert [services.settings.get(f"smtp.{key}") for key in ("host", "port", "security")] == [
        "smtp.example.com", "465", "tls",
    ]  # fmt: skip
    assert services.settings.get("smtp.sender") == "Sofa <sofa@example.com>"
    labels = " ".join(label.text() for label in view.findChildren(type(view.status)))
    assert "E-mail settings come in a later version" not in labels


@pytest.mark.parametrize(
    ("field", "text", "key", "message"),
    [
        ("smtp_port", "smtp", "smtp.port", "port number"),
        ("smtp_port", "70000", "smtp.port", "port number"),
        ("smtp_host", "smtp example com", "smtp.host", "without spaces"),
        ("smtp_sender", "sofa", "smtp.sender", "e-mail address"),
    ],
)
def test_invalid_smtp_value_is_explained_next_to_the_field(
    view: SettingsView, services: Any, field: str, text: str, key: str, message: str
) -> None:
    retype(getattr(view, field), text)
    assert not view.save()
    assert message in view.errors[key].text() and view.errors[key].isVisible()
    assert services.settings.get(key) != text


def test_password_goes_to_the_keyring_and_is_never_shown(
    view: SettingsView, memory_keyring: MemoryKeyring
) -> None:
    password = view.smtp_password
    assert password.edit.placeholderText() == "Not set"
    assert not password.remove_button.isEnabled()
    password.edit.setText("s3cret")
    assert view.save()
    assert memory_keyring.passwords[(SERVICE, view._settings.secrets.entry)] == "s3cret"
    assert password.edit.text() == ""
    assert "keyring" in password.edit.placeholderText()
    view.load()
    assert password.edit.text() == "" and "s3cret" not in password.edit.placeholderText()


def test_empty_password_keeps_it_and_remove_deletes_it(
    view: SettingsView, services: Any, memory_keyring: MemoryKeyring
) -> None:
    services.settings.set("smtp.password", "s3cret")
    view.load()
    retype(view.smtp_host, "smtp.example.com")
    assert view.save()
    assert memory_keyring.passwords[(SERVICE, view._settings.secrets.entry)] == "s3cret"
    view.smtp_password.remove_button.click()
    assert (SERVICE, view._settings.secrets.entry) not in memory_keyring.passwords
    assert view.status.text() == "The SMTP password was removed."
    assert view.smtp_password.edit.placeholderText() == "Not set"


def test_keyring_unavailable_is_explained_next_to_the_password(view: SettingsView) -> None:
    keyring.set_keyring(fail.Keyring())  # the autouse fixture puts the previous one back
    view.smtp_password.edit.setText("s3cret")
    assert not view.save()
    error = view.errors["smtp.password"]
    assert error.isVisible() and "SOFA_SCIM_SMTP_PASSWORD" in error.text()
    assert view.smtp_password.edit.text() == "s3cret"  # kept, to store once possible


def test_test_email_arrives_and_the_page_says_sent(
    qtbot: Any, view: SettingsView, smtp: SmtpSink, mail_worker: MailWorker
) -> None:
    view.load()  # the sink's settings, stored after the page was built
    view.test_mail.recipient.setText("admin@example.com")
    view.test_mail.send_button.click()
    qtbot.waitUntil(lambda: view.test_mail.result.text().startswith("Sent to"), timeout=10000)
    assert smtp.messages[0].envelope_to == ["admin@example.com"]
    assert "admin@example.com" in view.test_mail.result.text()
    assert not view.test_mail.timer.isActive()


def test_test_email_with_smtp_down_shows_waiting_and_the_error(
    qtbot: Any, view: SettingsView, services: Any, mail_worker: MailWorker
) -> None:
    for key, value in (("smtp.host", "127.0.0.1"), ("smtp.port", str(free_port())),
                       ("smtp.security", "none"), ("smtp.sender", "sofa@example.com")):  # fmt: skip
        services.settings.set(key, value)
    view.load()
    view.test_mail.recipient.setText("admin@example.com")
    view.test_mail.send_button.click()
    qtbot.waitUntil(lambda: "Connection refused" in view.test_mail.result.text(), timeout=10000)
    assert view.test_mail.result.text().startswith("Waiting in the mail outbox")


def test_test_email_to_a_bad_address_is_refused(view: SettingsView) -> None:
    view.test_mail.recipient.setText("nobody")
    view.test_mail.send_button.click()
    assert "is not an e-mail address" in view.test_mail.result.text()
    assert not view.test_mail.timer.isActive()


def test_test_email_asks_to_save_changed_smtp_settings_first(
    view: SettingsView, services: Any
) -> None:
    retype(view.smtp_host, "smtp.example.com")
    view.test_mail.recipient.setText("admin@example.com")
    view.test_mail.send_button.click()
    assert view.test_mail.result.text().startswith("Save the changed e-mail settings first")
    assert services.mail.outbox() == []
    assert view.save()
    view.test_mail.send_button.click()
    assert [entry.to for entry in services.mail.outbox()] == ["admin@example.com"]


def test_password_from_the_environment_is_named_as_such(
    qtbot: Any, services: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOFA_SCIM_SMTP_PASSWORD", "from-env")
    view = SettingsView(services)
    qtbot.addWidget(view)
    assert view.smtp_password.edit.placeholderText() == "Given in SOFA_SCIM_SMTP_PASSWORD"
    assert view.smtp_password.edit.text() == ""
