"""The settings page: each field checked by the CLI's validator with the reason beside it,
Save writes only valid values and keeps what was typed, server changes raise a signal."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.gui.settings_view import SettingsView


@pytest.fixture
def view(qtbot: Any, services: bootstrap.Services) -> SettingsView:
    widget = SettingsView(services)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    return widget


def retype(field: Any, text: str) -> None:
    field.selectAll()
    field.insert(text)


def test_shows_stored_values_and_defaults(qtbot: Any, services: bootstrap.Services) -> None:
    services.settings.set("public_base_url", "https://sofa.example.com/")
    view = SettingsView(services)
    qtbot.addWidget(view)
    assert view.public_base_url.text() == "https://sofa.example.com"
    assert view.port.text() == "8080"
    assert view.language.currentText() == "System"
    assert "https://sofa.example.com/scim/v2/<identifier>" in view.endpoint_preview.text()


@pytest.mark.parametrize(
    ("field", "text", "key", "message"),
    [
        ("public_base_url", "sofa.example.com", "public_base_url", "https://sofa.example.com"),
        ("port", "70000", "server.port", "from 0 (any free port) to 65535"),
        ("port", "http", "server.port", "from 0 (any free port) to 65535"),
        ("retention", "0", "logs.retention_days", "at least 1"),
    ],
)
def test_invalid_value_is_explained_next_to_the_field(
    qtbot: Any, view: SettingsView, field: str, text: str, key: str, message: str
) -> None:
    retype(getattr(view, field), text)
    assert not view.save()
    assert view.errors[key].isVisible()
    assert message in view.errors[key].text()
    assert getattr(view, field).text() == text  # kept, to be corrected


def test_save_writes_valid_values_and_keeps_the_invalid_typed(
    view: SettingsView, services: bootstrap.Services
) -> None:
    retype(view.public_base_url, "https://sofa.example.com/")
    retype(view.port, "99999")
    retype(view.retention, "30")
    view.language.setCurrentIndex(view.language.findData("cs"))
    assert not view.save()
    assert services.settings.get("public_base_url") == "https://sofa.example.com"
    assert services.settings.get("logs.retention_days") == "30"
    assert services.settings.get("language") == "cs"
    assert services.settings.get("server.port") == "8080"
    assert view.port.text() == "99999"
    assert view.status.text().startswith("The other values were saved.")


def test_server_change_emits_the_signal_and_says_it_restarts(
    qtbot: Any, view: SettingsView, services: bootstrap.Services
) -> None:
    retype(view.port, "8443")
    retype(view.trusted_proxy, "10.0.0.5")
    with qtbot.waitSignal(view.serverSettingsChanged, timeout=1000):
        qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert services.settings.get("server.port") == "8443"
    assert services.settings.get("server.trusted_proxy") == "10.0.0.5"
    assert "server restarts" in view.status.text()


def test_other_changes_do_not_restart_the_server(qtbot: Any, view: SettingsView) -> None:
    retype(view.retention, "14")
    with qtbot.assertNotEmitted(view.serverSettingsChanged):
        assert view.save()
    assert view.status.text() == "Saved."


def test_checks_a_field_when_the_admin_leaves_it(qtbot: Any, view: SettingsView) -> None:
    retype(view.port, "-1")
    view.port.editingFinished.emit()
    assert view.errors["server.port"].isVisible()
    retype(view.port, "0")
    view.port.editingFinished.emit()
    assert not view.errors["server.port"].isVisible()


def test_revert_drops_what_was_typed(view: SettingsView) -> None:
    retype(view.host, "0.0.0.0")
    view.revert_button.click()
    assert view.host.text() == "127.0.0.1"


def test_plain_http_is_accepted_with_a_warning(view: SettingsView) -> None:
    retype(view.public_base_url, "http://sofa.local")
    preview = view.endpoint_preview.text()
    assert "http://sofa.local is not an HTTPS address; Entra calls only HTTPS" in preview
    assert "sofa.local is a private or local-network address" in preview
    assert view.save()


def test_a_public_https_address_has_no_warning(view: SettingsView) -> None:
    retype(view.public_base_url, "https://sofa.contoso.com")
    assert view.endpoint_preview.text() == (
        "Endpoint URL of a synchronization: https://sofa.contoso.com/scim/v2/<identifier>"
    )


def test_closing_the_window_is_a_choice_saved_like_the_others(
    view: SettingsView, services: bootstrap.Services
) -> None:
    assert view.on_close.currentText() == "Ask"
    assert [view.on_close.itemText(i) for i in range(3)] == [
        "Ask",
        "Keep serving in the system tray",
        "Quit and stop the server",
    ]
    view.on_close.setCurrentIndex(view.on_close.findData("tray"))
    assert view.save()
    assert services.settings.get("gui.on_close") == "tray"
    assert view.status.text() == "Saved."


def test_a_setting_from_the_environment_is_shown_read_only_with_its_variable(
    qtbot: Any, services: bootstrap.Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOFA_SCIM_PUBLIC_BASE_URL", "https://scim.contoso.cz")
    view = SettingsView(services)
    qtbot.addWidget(view)
    assert view.public_base_url.text() == "https://scim.contoso.cz"
    assert not view.public_base_url.isEnabled()
    assert view.port.isEnabled()
    notes = [label.text() for label in view.findChildren(type(view.status))]
    assert any("SOFA_SCIM_PUBLIC_BASE_URL" in text and "wins" in text for text in notes)
    assert view.save()
    monkeypatch.delenv("SOFA_SCIM_PUBLIC_BASE_URL")
    assert services.settings.get("public_base_url") == "http://127.0.0.1:8080"  # nothing stored
