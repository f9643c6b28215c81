"""The Groups and Roles pages: add, rename, delete with confirmation; built-in roles kept;
deleting a mapped group names the synchronizations first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.gui.directory import DirectoryView
from sofa_scim_desktop.gui.directory.names_model import NamesModel
from tests.gui.directory.conftest import DERIVED_USER
from tests.gui.directory.conftest import Prompts

CLICK = Qt.MouseButton.LeftButton


def names(page: Any) -> list[str]:
    return [page.model.data(page.model.index(r, 0)) for r in range(page.model.rowCount())]


def test_groups_list_members_and_mappings(contoso: Any, view: DirectoryView) -> None:
    model = view.groups.model
    rows = [[model.data(model.index(r, c)) for c in range(3)] for r in range(model.rowCount())]
    assert rows == [["Board", 0, "—"], ["Finance", 1, "Contoso"]]


def test_add_group(qtbot: Any, services: Any, view: DirectoryView, answers: Prompts) -> None:
    answers.answers.append("Board")
    qtbot.mouseClick(view.groups.add_button, CLICK)
    assert names(view.groups) == ["Board"]
    assert view.groups.selected().name == "Board"


def test_add_existing_name_shows_the_reason(
    qtbot: Any, contoso: Any, view: DirectoryView, answers: Prompts
) -> None:
    answers.answers.append("Finance")
    qtbot.mouseClick(view.groups.add_button, CLICK)
    assert answers.errors == ["A group named 'Finance' already exists."]


def test_rename_role(
    qtbot: Any, contoso: bootstrap.Services, view: DirectoryView, answers: Prompts
) -> None:
    view.roles.select("Approver")
    answers.answers.append("Signer")
    qtbot.mouseClick(view.roles.rename_button, CLICK)
    assert names(view.roles) == ["Administrator (built-in)", "Signer", "Subject manager (built-in)"]
    assert contoso.directory.user_detail(DERIVED_USER).user.roles == ["Signer"]


def test_delete_asks_and_cancel_keeps(
    qtbot: Any, contoso: bootstrap.Services, view: DirectoryView, answers: Prompts
) -> None:
    view.groups.select("Board")
    answers.answers.append(False)
    qtbot.mouseClick(view.groups.delete_button, CLICK)
    assert answers.asked == [("confirm", "Delete the group Board? Its 0 members lose it.")]
    assert names(view.groups) == ["Board", "Finance"]


def test_delete_confirmed(qtbot: Any, contoso: Any, view: DirectoryView, answers: Prompts) -> None:
    view.groups.select("Board")
    answers.answers.append(True)
    qtbot.mouseClick(view.groups.delete_button, CLICK)
    assert names(view.groups) == ["Finance"]


def test_deleting_a_mapped_group_names_the_synchronizations(
    qtbot: Any, contoso: bootstrap.Services, view: DirectoryView, answers: Prompts
) -> None:
    view.groups.select("Finance")
    answers.answers.append(True)
    qtbot.mouseClick(view.groups.delete_button, CLICK)
    kind, question = answers.asked[0]
    assert "mapped by the synchronizations: Contoso" in question
    assert "derived from Entra" in question
    assert contoso.directory.user_detail(DERIVED_USER).group_memberships == []


def test_built_in_roles_cannot_be_renamed_or_deleted(contoso: Any, view: DirectoryView) -> None:
    view.roles.select("Administrator")
    for button in (view.roles.rename_button, view.roles.delete_button):
        assert not button.isEnabled()
        assert button.toolTip() == "Built-in roles of Sofa cannot be renamed or deleted."
    view.roles.select("Approver")
    assert view.roles.delete_button.isEnabled()


def test_no_selection_disables_rename_and_delete(services: Any, view: DirectoryView) -> None:
    assert not view.groups.rename_button.isEnabled()
    assert view.groups.rename_button.toolTip() == "Select a row first."


def test_new_group_is_offered_on_the_users_tab(
    qtbot: Any, contoso: Any, view: DirectoryView, answers: Prompts
) -> None:
    view.tabs.setCurrentWidget(view.groups)
    answers.answers.append("Legal")
    qtbot.mouseClick(view.groups.add_button, CLICK)
    view.tabs.setCurrentWidget(view.users)
    view.users.select_user("admin")
    answers.answers.append(None)
    view.users.detail.grant("group")
    assert "Legal" in answers.choices


def test_names_model_passes_the_model_tester(qtmodeltester: Any, contoso: Any) -> None:
    model = NamesModel()
    model.set_items(contoso.directory.roles())
    qtmodeltester.check(model)


def test_switching_tabs_shows_changes_made_elsewhere(
    services: bootstrap.Services, view: DirectoryView
) -> None:
    services.directory.create_group("Made by the CLI")
    view.tabs.setCurrentWidget(view.groups)
    assert names(view.groups) == ["Made by the CLI"]


def test_changes_here_are_announced(
    qtbot: Any, contoso: Any, view: DirectoryView, answers: Prompts
) -> None:
    answers.answers.append("Legal")
    with qtbot.waitSignal(view.directoryChanged, timeout=1000):
        qtbot.mouseClick(view.groups.add_button, CLICK)
    view.users.select_user("admin")
    answers.answers.append("Legal")
    with qtbot.waitSignal(view.directoryChanged, timeout=1000):
        view.users.detail.grant("group")


def test_refused_change_is_not_announced(
    qtbot: Any, contoso: Any, view: DirectoryView, answers: Prompts
) -> None:
    answers.answers.append("Finance")
    with qtbot.assertNotEmitted(view.directoryChanged):
        qtbot.mouseClick(view.groups.add_button, CLICK)
