"""The new local user dialog: each refusal next to its field, and the user it creates."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.gui.directory import DirectoryView
from sofa_scim_desktop.gui.directory.new_user_dialog import NewUserDialog
from tests.gui.directory.conftest import type_text


@pytest.fixture
def dialog(qtbot: Any, services: bootstrap.Services) -> NewUserDialog:
    widget = NewUserDialog(services.directory)
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.mark.parametrize(
    ("user_name", "email", "field", "message"),
    [
        ("", "a@example.com", "user_name_error", "The user name is required."),
        ("  ", "a@example.com", "user_name_error", "The user name is required."),
        ("anna", "", "email_error", "The e-mail address is required."),
        (
            "anna",
            "anna.example.com",
            "email_error",
            "This is not an e-mail address (such as jan.novak@example.com).",
        ),
    ],
)
def test_refusal_is_shown_next_to_its_field(
    qtbot: Any, dialog: NewUserDialog, user_name: str, email: str, field: str, message: str
) -> None:
    qtbot.keyClicks(dialog.user_name, user_name)
    qtbot.keyClicks(dialog.email, email)
    dialog.submit()
    label = getattr(dialog, field)
    assert label.isVisible() and label.text() == message
    assert dialog.isVisible() and dialog.created is None
    assert dialog.email.text() == email  # nothing typed is lost


def test_existing_user_name_is_refused(
    qtbot: Any, services: bootstrap.Services, dialog: NewUserDialog
) -> None:
    services.directory.create_user("Anna", "anna@example.com")
    qtbot.keyClicks(dialog.user_name, "anna")
    qtbot.keyClicks(dialog.email, "other@example.com")
    dialog.submit()
    assert dialog.user_name_error.text() == "A user named anna already exists."
    assert not dialog.email_error.isVisible()


def test_creates_the_user_with_czech_names(
    services: bootstrap.Services, dialog: NewUserDialog
) -> None:
    type_text(dialog.user_name, "hkralova")
    type_text(dialog.email, "hana@example.com")
    type_text(dialog.first_name, "Hana")
    type_text(dialog.surname, "Králová")
    dialog.submit()
    assert dialog.created == "hkralova" and not dialog.isVisible()
    user = services.directory.user_detail("hkralova").user
    assert (user.surname, user.notification_email, user.source) == (
        "Králová",
        "hana@example.com",
        None,
    )


def test_new_user_button_shows_and_selects_the_created_user(
    qtbot: Any, services: bootstrap.Services, view: DirectoryView, monkeypatch: Any
) -> None:
    def fake(directory: Any, parent: Any = None) -> str:
        directory.create_user("zuzana", "zuzana@example.com", "Zuzana", "Malá")
        return "zuzana"

    monkeypatch.setattr(NewUserDialog, "create_user", staticmethod(fake))
    qtbot.mouseClick(view.users.new_user_button, Qt.MouseButton.LeftButton)
    assert view.users.detail.user_name() == "zuzana"
    assert view.users.detail.fields["source"].text() == "Local (created in Sofa)"


def test_cancel_creates_nobody(
    qtbot: Any, services: bootstrap.Services, view: DirectoryView, monkeypatch: Any
) -> None:
    monkeypatch.setattr(NewUserDialog, "create_user", staticmethod(lambda *a, **k: None))
    qtbot.mouseClick(view.users.new_user_button, Qt.MouseButton.LeftButton)
    assert services.directory.count_users() == 0
    assert view.users.model.rowCount() == 0
