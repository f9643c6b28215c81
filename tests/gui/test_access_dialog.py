"""Access details: the key shown once with its URL, copied to the clipboard, stored as a hash."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.domain.keys import hash_key
from sofa_scim_desktop.gui import key_question
from sofa_scim_desktop.gui.access_dialog import AccessDialog
from sofa_scim_desktop.gui.clipboard import clipboard_text
from sofa_scim_desktop.storage.tables import AccessKey
from sofa_scim_desktop.storage.tables import utcnow

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def dialog(
    qtbot: QtBot, services: bootstrap.Services, make_sync: Callable[..., str]
) -> Callable[[], AccessDialog]:
    make_sync("Contoso")
    services.settings.set("public_base_url", "https://sofa.example.com/")

    def build() -> AccessDialog:
        widget = AccessDialog(services, "Contoso")
        qtbot.addWidget(widget)
        widget.show()
        return widget

    return build


def generate(qtbot: QtBot, widget: AccessDialog, days: int = 120) -> None:
    qtbot.mouseClick(widget.show_generate, LEFT)
    widget.days.setValue(days)
    qtbot.mouseClick(widget.generate_button, LEFT)


def test_without_a_key_it_says_so(dialog: Callable[[], AccessDialog]) -> None:
    widget = dialog()
    assert widget.expiry.text().startswith("No key yet")
    assert not widget.result_box.isVisible()
    assert not widget.generate_box.isVisible()


@pytest.mark.parametrize("typed", ["30", "1000"])
def test_validity_outside_90_to_730_days_is_said_not_changed(
    qtbot: QtBot, dialog: Callable[[], AccessDialog], typed: str
) -> None:
    widget = dialog()
    qtbot.mouseClick(widget.show_generate, LEFT)
    assert widget.generate_box.isVisible()
    assert "(90 to 730 days)" in [
        label.text() for label in widget.generate_box.findChildren(QLabel)
    ]
    widget.days.lineEdit().selectAll()
    qtbot.keyClicks(widget.days.lineEdit(), typed)
    assert widget.days.value() == int(typed)  # what the admin typed stays
    assert widget.days_error.isVisible()
    assert widget.days_error.text() == f"A key is valid for 90 to 730 days, not {typed}."
    assert not widget.generate_button.isEnabled()
    widget.days.setValue(730)
    assert not widget.days_error.isVisible() and widget.generate_button.isEnabled()


def test_copy_buttons_say_copied_for_two_seconds(
    qtbot: QtBot, dialog: Callable[[], AccessDialog]
) -> None:
    widget = dialog()
    generate(qtbot, widget)
    qtbot.mouseClick(widget.copy_key, LEFT)
    assert widget.copy_key.text() == "Copied"
    assert clipboard_text() == widget.key.text()
    qtbot.mouseClick(widget.copy_key, LEFT)  # twice: the label still comes back
    qtbot.waitUntil(lambda: widget.copy_key.text() == "Copy key to clipboard", timeout=3000)


def test_generated_key_and_url_are_shown_and_copied_and_only_a_hash_is_kept(
    qtbot: QtBot, dialog: Callable[[], AccessDialog]
) -> None:
    widget = dialog()
    generate(qtbot, widget)
    key = widget.key.text()
    assert widget.url.text() == "https://sofa.example.com/scim/v2/Contoso"
    assert len(key) >= 43
    assert "cannot show it again" in widget.warning.text()
    qtbot.mouseClick(widget.copy_url, LEFT)
    assert clipboard_text() == "https://sofa.example.com/scim/v2/Contoso"
    qtbot.mouseClick(widget.copy_key, LEFT)
    assert clipboard_text() == key
    stored = AccessKey.get()
    assert stored.key_hash == hash_key(key)
    assert key not in {str(v) for v in stored.__data__.values()}
    assert widget.expiry.text().startswith("The current key expires on")


def test_reopening_shows_the_expiry_but_never_the_key(
    qtbot: QtBot, dialog: Callable[[], AccessDialog]
) -> None:
    generate(qtbot, dialog())
    again = dialog()
    assert again.expiry.text().startswith("The current key expires on")
    assert again.key.text() == ""
    assert not again.result_box.isVisible()


@pytest.mark.parametrize(
    ("choice", "old_key_works"),
    [(None, None), (key_question.KEEP_OLD, True), (key_question.REVOKE_OLD, False)],
)
def test_regenerating_asks_what_becomes_of_the_old_key(
    qtbot: QtBot, dialog: Callable[[], AccessDialog], monkeypatch: pytest.MonkeyPatch,
    choice: str | None, old_key_works: bool | None,
) -> None:  # fmt: skip
    widget = dialog()
    generate(qtbot, widget)
    first_hash = AccessKey.get().key_hash
    asked: list[object] = []
    monkeypatch.setattr(
        key_question, "ask_key_replacement", lambda parent: asked.append(parent) or choice
    )
    generate(qtbot, widget)
    assert asked == [widget]
    replaced = AccessKey.get()
    assert (replaced.key_hash != first_hash) == (choice is not None)
    assert AccessKey.select().count() == 1
    if old_key_works is None:
        return
    assert widget.previous_key.isVisible() == old_key_works
    if old_key_works:
        assert widget.previous_key.text().startswith("The previous key still works until ")
        assert "or until Entra's first call with the new key" in widget.previous_key.text()
        assert dialog().previous_key.isVisible()  # shown again while it lasts


def test_the_question_explains_both_choices_and_keeps_the_old_key_by_default(
    qtbot: QtBot,
) -> None:
    question = key_question.KeyReplaceQuestion()
    qtbot.addWidget(question)
    texts = " ".join(label.text() for label in question.findChildren(QLabel))
    assert question.keep_old.isChecked()
    assert question.choice() == key_question.KEEP_OLD
    assert "at most 24 hours" in texts
    assert "may have leaked" in texts
    question.revoke_old.setChecked(True)
    assert question.choice() == key_question.REVOKE_OLD


def test_the_previous_key_note_ends_with_the_grace(
    dialog: Callable[[], AccessDialog], services: bootstrap.Services
) -> None:
    services.synchronizations.issue_key("Contoso", 365)
    services.synchronizations.issue_key("Contoso", 365)
    assert dialog().previous_key.isVisible()
    AccessKey.update(previous_valid_until=utcnow() - timedelta(seconds=1)).execute()
    assert not dialog().previous_key.isVisible()


def test_a_key_expiring_soon_is_announced(
    dialog: Callable[[], AccessDialog], services: bootstrap.Services
) -> None:
    services.synchronizations.issue_key("Contoso", 365)
    AccessKey.update(expires_at=utcnow() + timedelta(days=5)).execute()
    assert "generate a new one and enter it in Entra in time" in dialog().expiry.text()


def test_an_expired_key_is_announced(
    dialog: Callable[[], AccessDialog], services: bootstrap.Services
) -> None:
    services.synchronizations.issue_key("Contoso", 365)
    AccessKey.update(expires_at=utcnow() - timedelta(days=1)).execute()
    assert "Entra's calls are refused" in dialog().expiry.text()


def test_the_new_key_rows_keep_their_labels(
    qtbot: QtBot, dialog: Callable[[], AccessDialog]
) -> None:
    widget = dialog()
    generate(qtbot, widget)
    labels = {label.text(): label for label in widget.result_box.findChildren(QLabel)}
    assert labels["Endpoint URL:"].width() > 0  # once squeezed to nothing by the line edits
    assert labels["Access key:"].width() > 0
