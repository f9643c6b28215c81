"""The synchronization editor: identifier derivation, validation, tabs and saving."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.gui.editor.dialog import GROUPS
from sofa_scim_desktop.gui.editor.dialog import LOGGING
from sofa_scim_desktop.gui.editor.dialog import PARAMETERS
from sofa_scim_desktop.gui.editor.dialog import ROLES
from sofa_scim_desktop.gui.editor.dialog import SyncEditor
from sofa_scim_desktop.services import synchronizations as syncs
from sofa_scim_desktop.storage.tables import Synchronization
from tests.gui.conftest import GUID
from tests.gui.conftest import GUID_2
from tests.gui.conftest import type_text

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def directory(services: bootstrap.Services) -> None:
    for name in ("Accounting", "Účetní"):
        services.directory.create_group(name)
    services.directory.create_role("Auditor")


def test_a_new_one_is_titled_and_enabled_by_default(editor: Callable[..., SyncEditor]) -> None:
    dialog = editor()
    assert dialog.windowTitle() == "New synchronization"
    assert dialog.parameters.flags["enabled"].isChecked()
    assert not dialog.parameters.flags["password_link"].isChecked()
    assert [dialog.tabs.tabText(i) for i in range(4)] == [
        "Parameters",
        "Mapping group memberships",
        "Mapping role memberships",
        "Logging",
    ]
    assert not dialog.parameters.name_problem.isVisible()  # nothing shouted at an empty form


def test_identifier_follows_the_name(qtbot: QtBot, editor: Callable[..., SyncEditor]) -> None:
    dialog = editor()
    qtbot.keyClicks(dialog.parameters.name, "Contoso HR 2")
    assert dialog.parameters.identifier.text() == "Contoso_HR_2"


def test_czech_name_typed_by_hand_gives_an_ascii_identifier(
    editor: Callable[..., SyncEditor],
) -> None:
    dialog = editor()
    type_text(dialog.parameters.name, "Účetní oddělení Žďár")
    assert dialog.parameters.name.text() == "Účetní oddělení Žďár"
    assert dialog.parameters.identifier.text() == "Ucetni_oddeleni_Zdar"
    assert not dialog.parameters.identifier_problem.isVisible()


def test_an_identifier_edited_by_hand_stops_following_until_emptied(
    qtbot: QtBot, editor: Callable[..., SyncEditor]
) -> None:
    dialog = editor()
    params = dialog.parameters
    qtbot.keyClicks(params.name, "Contoso")
    params.identifier.selectAll()
    qtbot.keyClicks(params.identifier, "mine")
    qtbot.keyClicks(params.name, " Ltd")
    assert params.identifier.text() == "mine"
    params.identifier.selectAll()
    qtbot.keyClick(params.identifier, "\b")  # emptied: derived from the name again
    assert params.identifier.text() == "Contoso_Ltd"
    qtbot.keyClicks(params.name, "x")
    assert params.identifier.text() == "Contoso_Ltdx"


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("1abc", "The identifier must start with a letter of the English alphabet."),
        ("_abc", "The identifier must start with a letter of the English alphabet."),
        ("ab-c", "The identifier may only contain English letters, digits and underscores."),
        ("a" * 65, "The identifier may have at most 64 characters."),
        ("contoso", "Another synchronization already uses this identifier."),
    ],
)
def test_identifier_reasons_show_as_typed(
    qtbot: QtBot,
    editor: Callable[..., SyncEditor],
    make_sync: Callable[..., str],
    typed: str,
    reason: str,
) -> None:
    make_sync("Contoso")
    dialog = editor()
    qtbot.keyClicks(dialog.parameters.identifier, typed)
    assert dialog.parameters.identifier_problem.isVisible()
    assert dialog.parameters.identifier_problem.text() == reason


def test_czech_letters_in_the_identifier_are_refused(editor: Callable[..., SyncEditor]) -> None:
    dialog = editor()
    type_text(dialog.parameters.identifier, "účet")
    assert dialog.parameters.identifier_problem.text() == (
        "The identifier must start with a letter of the English alphabet."
    )


def test_save_without_a_name_says_so_and_stays_open(
    qtbot: QtBot, editor: Callable[..., SyncEditor], services: bootstrap.Services
) -> None:
    dialog = editor()
    dialog.tabs.setCurrentIndex(LOGGING)
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.isVisible()
    assert dialog.tabs.currentIndex() == PARAMETERS
    assert dialog.parameters.name_problem.text() == "The name is required."
    assert dialog.problem.text() == "Not saved: The name is required."
    assert services.synchronizations.all() == []


def test_next_and_back_walk_the_tabs(qtbot: QtBot, editor: Callable[..., SyncEditor]) -> None:
    dialog = editor()
    assert not dialog.back_button.isEnabled()
    for expected in (GROUPS, ROLES, LOGGING):
        qtbot.mouseClick(dialog.next_button, LEFT)
        assert dialog.tabs.currentIndex() == expected
    assert not dialog.next_button.isEnabled()
    qtbot.mouseClick(dialog.back_button, LEFT)
    assert dialog.tabs.currentIndex() == ROLES


@pytest.mark.usefixtures("directory")
@pytest.mark.parametrize(
    ("remote", "reason"),
    [
        ("", "Row 1: enter the remote group identifier."),
        ("not-a-guid", "Row 1: 'not-a-guid' is not a GUID such as"),
        ("0b1c2d3e4f5061728394a5b6c7d8e9f0", "is not a GUID such as"),
    ],
)
def test_a_bad_remote_identifier_is_flagged(
    qtbot: QtBot, editor: Callable[..., SyncEditor], remote: str, reason: str
) -> None:
    dialog = editor()
    row = dialog.groups.add_row()
    qtbot.keyClicks(dialog.groups.remote_edit(row), remote)
    assert reason in dialog.groups.problem.text()
    assert dialog.groups.remote_edit(row).toolTip() == dialog.groups.problem.text()
    assert "background" in dialog.groups.remote_edit(row).styleSheet()


@pytest.mark.usefixtures("directory")
def test_a_duplicate_row_is_flagged_whatever_the_case(
    qtbot: QtBot, editor: Callable[..., SyncEditor]
) -> None:
    dialog = editor()
    for remote in (GUID, GUID.upper()):
        row = dialog.groups.add_row("Accounting")
        qtbot.keyClicks(dialog.groups.remote_edit(row), remote)
    assert dialog.groups.problem.text() == "Row 2 repeats an earlier row."
    assert dialog.groups.remote_edit(0).styleSheet() == ""


@pytest.mark.usefixtures("directory")
def test_remove_row_needs_a_selection_and_clears_the_problem(
    qtbot: QtBot, editor: Callable[..., SyncEditor]
) -> None:
    dialog = editor()
    dialog.tabs.setCurrentIndex(GROUPS)
    dialog.groups.add_row("Accounting", "bad")
    dialog.groups.table.clearSelection()
    assert not dialog.groups.remove_button.isEnabled()
    dialog.groups.table.selectRow(0)
    qtbot.mouseClick(dialog.groups.remove_button, LEFT)
    assert dialog.groups.table.rowCount() == 0
    assert not dialog.groups.problem.isVisible()


@pytest.mark.usefixtures("directory")
def test_save_with_a_bad_mapping_opens_its_tab_and_keeps_the_input(
    qtbot: QtBot, editor: Callable[..., SyncEditor], services: bootstrap.Services
) -> None:
    dialog = editor()
    qtbot.keyClicks(dialog.parameters.name, "Contoso")
    dialog.roles.add_row("Auditor", "nope")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.tabs.currentIndex() == ROLES
    assert "Row 1: 'nope' is not a GUID" in dialog.problem.text()
    assert dialog.parameters.name.text() == "Contoso"
    assert dialog.roles.rows() == [("Auditor", "nope")]
    assert services.synchronizations.all() == []


@pytest.mark.usefixtures("directory")
def test_save_and_reopen_keeps_settings_and_mappings(
    qtbot: QtBot, editor: Callable[..., SyncEditor], services: bootstrap.Services
) -> None:
    dialog = editor()
    type_text(dialog.parameters.name, "Účetní")
    dialog.parameters.description.setPlainText("Entra tenant of Contoso")
    dialog.parameters.flags["enabled"].setChecked(False)
    dialog.parameters.flags["welcome_email"].setChecked(True)
    dialog.groups.add_row("Účetní", GUID.upper())
    dialog.roles.add_row("Auditor", GUID_2)
    dialog.logging.buttons["debug"].setChecked(True)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, LEFT)

    again = editor("Ucetni")
    assert again.windowTitle() == "Edit synchronization – Účetní"
    assert again.parameters.name.text() == "Účetní"
    assert again.parameters.description.toPlainText() == "Entra tenant of Contoso"
    assert not again.parameters.flags["enabled"].isChecked()
    assert again.parameters.flags["welcome_email"].isChecked()
    assert again.groups.rows() == [("Účetní", GUID)]  # stored in canonical lower case
    assert again.roles.rows() == [("Auditor", GUID_2)]
    assert again.logging.level() == "debug"


def test_renaming_an_existing_one_keeps_its_identifier(
    qtbot: QtBot, editor: Callable[..., SyncEditor], make_sync: Callable[..., str]
) -> None:
    make_sync("Contoso")
    dialog = editor("Contoso")
    qtbot.keyClicks(dialog.parameters.name, " HR")
    assert dialog.parameters.identifier.text() == "Contoso"
    assert not dialog.parameters.identifier_problem.isVisible()  # its own id is not "taken"
    with qtbot.waitSignal(dialog.accepted):
        dialog.save()
    assert [s.name for s in syncs.overview()] == ["Contoso HR"]
    assert dialog.saved_identifier == "Contoso"


def test_another_type_already_set_up_is_refused_with_the_service_message(
    qtbot: QtBot, editor: Callable[..., SyncEditor]
) -> None:
    Synchronization.create(identifier="Ldap", name="LDAP", type="ldap")
    dialog = editor()
    qtbot.keyClicks(dialog.parameters.name, "Contoso")
    dialog.save()
    assert dialog.isVisible()
    assert "only one type of synchronization may exist at a time" in dialog.problem.text()
    assert dialog.parameters.name.text() == "Contoso"


def test_the_password_link_warns_about_sso(editor: Callable[..., SyncEditor]) -> None:
    texts = [label.text() for label in editor().parameters.findChildren(QLabel)]
    assert any("SSO" in text and "leave this off" in text for text in texts)


@pytest.mark.usefixtures("directory")
def test_reopened_mappings_start_unselected(
    editor: Callable[..., SyncEditor], make_sync: Callable[..., str], services: bootstrap.Services
) -> None:
    make_sync("Contoso")
    services.synchronizations.set_mappings("Contoso", [("Accounting", GUID)], [])
    dialog = editor("Contoso")
    dialog.tabs.setCurrentIndex(GROUPS)
    assert not dialog.groups.remove_button.isEnabled()
    assert not dialog.groups.remote_edit(0).hasSelectedText()


def test_a_derived_identifier_already_taken_is_flagged_under_the_field(
    qtbot: QtBot, editor: Callable[..., SyncEditor], make_sync: Callable[..., str]
) -> None:
    make_sync("Contoso")
    dialog = editor()
    # Set, not typed: the path where a slot once raised a TypeError (setVisible("Contoso")).
    dialog.parameters.name.setText("Contoso")
    assert dialog.parameters.identifier_problem.isVisible()
    assert dialog.parameters.identifier_problem.text() == (
        "Another synchronization already uses this identifier."
    )
