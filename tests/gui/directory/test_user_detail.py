"""The detail pane: every field, who granted each group and role, grants and withdrawals."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.gui.directory import DirectoryView
from sofa_scim_desktop.storage.tables import ScimUser
from tests.gui.directory.conftest import DERIVED_USER
from tests.gui.directory.conftest import Prompts
from tests.samples import entra_user
from tests.services.test_memberships import FINANCE
from tests.services.test_memberships import Entra


def select(view: DirectoryView, user_name: str) -> None:
    assert view.users.select_user(user_name)
    assert view.users.detail.user_name() == user_name


def test_selecting_a_user_shows_the_mapped_fields(contoso: Any, view: DirectoryView) -> None:
    select(view, DERIVED_USER)
    fields = {key: label.text() for key, label in view.users.detail.fields.items()}
    assert view.users.detail.title.text() == "Alice Nováková"
    assert fields["user_name"] == DERIVED_USER
    assert fields["job"] == "Accountant"
    assert fields["surname"] == "Nováková"
    assert fields["notification_email"] == DERIVED_USER
    assert fields["source"] == "Synchronization Contoso"
    assert fields["state"] == "Active"
    assert fields["mobile"] == "—"


def test_memberships_say_who_granted_them(contoso: Any, view: DirectoryView) -> None:
    contoso.directory.grant(DERIVED_USER, group="Board")
    select(view, DERIVED_USER)
    assert view.users.detail.groups.items() == [
        ("Board — granted by hand", True, True),
        ("Finance — from synchronization Contoso, Entra group Accounting", False, False),
    ]
    assert view.users.detail.roles.items() == [
        ("Approver — from synchronization Contoso, Entra group Accounting", False, False)
    ]


def test_derived_membership_cannot_be_withdrawn(contoso: Any, view: DirectoryView) -> None:
    select(view, DERIVED_USER)
    box = view.users.detail.groups
    item = box.list.item(0)
    assert not item.flags() & Qt.ItemFlag.ItemIsSelectable
    assert "follows Entra" in item.toolTip()
    box.list.setCurrentItem(item)
    assert not box.withdraw_button.isEnabled()


def test_grant_by_hand_then_withdraw(
    qtbot: Any, contoso: bootstrap.Services, view: DirectoryView, answers: Prompts
) -> None:
    select(view, "admin")
    answers.answers.append("Administrator")
    qtbot.mouseClick(view.users.detail.roles.grant_button, Qt.MouseButton.LeftButton)
    assert "Subject manager" in answers.choices
    assert view.users.detail.roles.items() == [("Administrator — granted by hand", True, True)]
    assert contoso.directory.user_detail("admin").user.roles == ["Administrator"]
    box = view.users.detail.roles
    box.select("Administrator — granted by hand")
    assert box.withdraw_button.isEnabled()
    qtbot.mouseClick(box.withdraw_button, Qt.MouseButton.LeftButton)
    assert contoso.directory.user_detail("admin").user.roles == []
    assert box.items() == [("None", False, False)]


def test_grant_offers_a_derived_group_by_hand_too(
    qtbot: Any, contoso: Any, view: DirectoryView, answers: Prompts
) -> None:
    """By hand, it survives the day Entra removes the user from the group (SPEC §4)."""
    select(view, DERIVED_USER)
    answers.answers.append("Finance")
    qtbot.mouseClick(view.users.detail.groups.grant_button, Qt.MouseButton.LeftButton)
    assert ("Finance — granted by hand", True, True) in view.users.detail.groups.items()


def test_cancelled_grant_changes_nothing(
    qtbot: Any, contoso: bootstrap.Services, view: DirectoryView, answers: Prompts
) -> None:
    select(view, "admin")
    answers.answers.append(None)
    qtbot.mouseClick(view.users.detail.groups.grant_button, Qt.MouseButton.LeftButton)
    assert contoso.directory.user_detail("admin").user.groups == []


def test_service_refusal_is_shown_not_raised(
    contoso: bootstrap.Services, view: DirectoryView, answers: Prompts
) -> None:
    select(view, "admin")
    contoso.directory.delete_group("Board")  # meanwhile, elsewhere
    answers.answers.append("Board")
    view.users.detail.grant("group")
    assert answers.errors == ["No group named 'Board'."]


def test_nothing_selected_disables_grants(contoso: Any, view: DirectoryView) -> None:
    assert view.users.detail.title.text() == "Select a user to see the details."
    assert not view.users.detail.groups.grant_button.isEnabled()


def test_removed_user_is_explained(
    contoso: bootstrap.Services, view: DirectoryView, endpoint: Any
) -> None:
    entra = Entra(contoso, endpoint.identifier)
    entra.users.delete(entra.user("gone@contoso.com"))
    view.users.refresh()
    select(view, "gone@contoso.com")
    state = view.users.detail.fields["state"].text()
    assert state == "Removed by its synchronization; kept in Sofa, deactivated"
    assert view.users.detail.fields["source"].text() == f"Synchronization {endpoint.identifier}"


def test_a_user_of_a_deleted_synchronization_does_not_read_as_local(
    contoso: bootstrap.Services, view: DirectoryView, endpoint: Any
) -> None:
    Entra(contoso, endpoint.identifier).user("jana@contoso.com")
    contoso.synchronizations.delete(endpoint.identifier)
    view.users.refresh()
    select(view, "jana@contoso.com")
    source = view.users.detail.fields["source"].text()
    assert source == "A synchronization that was deleted since"
    assert "Local" not in source


def test_hand_grant_survives_entra_removing_the_member(
    qtbot: Any, contoso: bootstrap.Services, view: DirectoryView, endpoint: Any, answers: Prompts
) -> None:
    entra = Entra(contoso, endpoint.identifier)
    petr = entra.user("petr@contoso.com")
    contoso.synchronizations.map_group(endpoint.identifier, "Board", FINANCE)
    board = entra.group("Board team", FINANCE, petr)
    view.users.refresh()
    select(view, "petr@contoso.com")
    answers.answers.append("Board")
    qtbot.mouseClick(view.users.detail.groups.grant_button, Qt.MouseButton.LeftButton)
    entra.remove(board, petr)
    view.users.detail.show_user("petr@contoso.com")
    assert view.users.detail.groups.items() == [("Board — granted by hand", True, True)]


def test_grant_without_any_group_says_where_to_create_one(
    qtbot: Any, services: bootstrap.Services, view: DirectoryView, answers: Prompts
) -> None:
    services.directory.create_user("admin", "admin@example.com")
    view.users.refresh()
    select(view, "admin")
    qtbot.mouseClick(view.users.detail.groups.grant_button, Qt.MouseButton.LeftButton)
    assert answers.errors == ["There are no groups yet: create one on the Groups tab."]


def test_each_membership_says_through_which_entra_group(
    contoso: bootstrap.Services, endpoint: Any, view: DirectoryView
) -> None:
    """The same reasons as `user explain`: a second Entra group granting Finance shows too."""
    entra = Entra(contoso, endpoint.identifier)
    contoso.synchronizations.map_group(endpoint.identifier, "Finance", FINANCE)
    jana = ScimUser.get(ScimUser.user_name == DERIVED_USER).scim_id
    entra.group("Finance team", FINANCE, jana)
    select(view, DERIVED_USER)
    assert [text for text, _, _ in view.users.detail.groups.items()] == [
        "Finance — from synchronization Contoso, Entra group Accounting",
        "Finance — from synchronization Contoso, Entra group Finance team",
    ]
    tip = view.users.detail.groups.list.item(1).toolTip()
    assert f"member of the Entra group Finance team (Object Id {FINANCE})" in tip
    explained = contoso.directory.explain(DERIVED_USER).groups
    assert [(m.name, m.remote_name) for m in explained] == [
        ("Finance", "Accounting"), ("Finance", "Finance team"),
    ]  # fmt: skip


def test_a_work_email_that_is_no_address_is_explained(
    services: bootstrap.Services, endpoint: Any, view: DirectoryView
) -> None:
    """Microsoft's SCIM tests send "emailName357": the user is kept, the detail says why no
    mail reaches them (issue 11 B)."""
    body = entra_user("mira@contoso.cz")
    body["emails"] = [{"type": "work", "value": "emailName357", "primary": True}]
    Entra(services, endpoint.identifier).users.create(body)
    view.users.refresh()
    select(view, "mira@contoso.cz")
    shown = view.users.detail.fields["notification_email"].text()
    assert "emailName357" in shown
    assert "not an e-mail address" in shown


def test_built_in_roles_are_shown_in_czech_and_stored_in_english(
    qtbot: Any, contoso: bootstrap.Services, answers: Prompts, czech: None
) -> None:
    view = DirectoryView(contoso)
    qtbot.addWidget(view)
    select(view, "admin")
    answers.answers.append("Správce subjektů")
    qtbot.mouseClick(view.users.detail.roles.grant_button, Qt.MouseButton.LeftButton)
    assert {"Administrátor", "Správce subjektů", "Approver"} <= set(answers.choices)
    assert contoso.directory.user_detail("admin").user.roles == ["Subject manager"]
    assert view.users.detail.roles.items() == [("Správce subjektů — přiděleno ručně", True, True)]
    view.tabs.setCurrentIndex(2)
    roles = view.roles.model
    shown = {roles.data(roles.index(row, 0)) for row in range(roles.rowCount())}
    assert {"Administrátor (vestavěná)", "Správce subjektů (vestavěná)", "Approver"} <= shown
