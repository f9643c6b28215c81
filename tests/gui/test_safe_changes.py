"""Safe changes in the GUI (SPEC §8.3, issue 12): a rename explained beside the identifier and
shown in Connect Entra with what to change in Entra; Disable confirmed wherever it is offered;
the editor's unsaved changes guarded; Esc in a cell and Enter in a field close nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.gui import prompts
from sofa_scim_desktop.gui.clipboard import clipboard_text
from sofa_scim_desktop.gui.editor import dialog as editor_dialog
from sofa_scim_desktop.gui.editor.dialog import SyncEditor
from sofa_scim_desktop.gui.sync_page import SyncPage
from sofa_scim_desktop.services.synchronizations import SyncSettings
from sofa_scim_desktop.services.synchronizations import aliases_of

LEFT = Qt.MouseButton.LeftButton
PUBLIC = "https://sofa.contoso.com"


def saved(qtbot: QtBot, dialog: SyncEditor) -> None:
    """Save first works out who gains and who loses what off the GUI thread, then saves."""
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=10000)


class Answers(list[Any]):
    """The questions asked (a confirmation's (title, text), or "unsaved"), in order; `give`
    holds the answers to give.
    """

    def __init__(self) -> None:
        super().__init__()
        self.give: list[Any] = []


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    asked = Answers()

    def confirm(parent: Any, title: str, text: str, accept: str) -> bool:
        asked.append((title, text))
        return bool(asked.give.pop(0))

    def unsaved(_editor: Any) -> str:
        asked.append("unsaved")
        # None left to give: pytest-qt closing the window after the test.
        return str(asked.give.pop(0)) if asked.give else editor_dialog.DISCARD

    monkeypatch.setattr(prompts, "confirm", confirm)
    monkeypatch.setattr(editor_dialog, "ask_unsaved", unsaved)
    return asked


def retype(qtbot: QtBot, field: Any, text: str) -> None:
    field.selectAll()
    qtbot.keyClicks(field, text)


# --- Renaming -----------------------------------------------------------------------------


def test_editing_the_identifier_says_the_old_url_keeps_working(
    qtbot: QtBot, editor: Callable[..., SyncEditor], make_sync: Callable[..., str]
) -> None:
    make_sync("Contoso")
    parameters = editor("Contoso").parameters
    assert not parameters.rename_note.isVisible()

    retype(qtbot, parameters.identifier, "Contoso_HR")

    assert parameters.rename_note.isVisible()
    assert parameters.rename_note.text() == (
        "Entra's old Tenant URL, ending in /scim/v2/Contoso, keeps working as an alias until "
        "Entra calls the new one."
    )
    retype(qtbot, parameters.identifier, "Contoso")
    assert not parameters.rename_note.isVisible()


def test_a_new_synchronization_has_no_rename_note(
    qtbot: QtBot, editor: Callable[..., SyncEditor]
) -> None:
    parameters = editor().parameters
    qtbot.keyClicks(parameters.name, "Fabrikam")
    retype(qtbot, parameters.identifier, "Fabrikam_HR")
    assert not parameters.rename_note.isVisible()


def test_another_synchronizations_alias_is_refused_beside_the_field(
    qtbot: QtBot, editor: Callable[..., SyncEditor], make_sync: Callable[..., str],
    services: bootstrap.Services,
) -> None:  # fmt: skip
    make_sync("Contoso")
    make_sync("Fabrikam")
    services.synchronizations.update("Contoso", SyncSettings("Contoso", "Contoso_HR"))
    dialog = editor("Fabrikam")

    retype(qtbot, dialog.parameters.identifier, "contoso")

    problem = dialog.parameters.identifier_problem
    assert problem.isVisible()
    assert "old identifier of another synchronization" in problem.text()
    assert not dialog.parameters.rename_note.isVisible()
    dialog.save()
    assert services.synchronizations.get("Fabrikam").identifier == "Fabrikam"


def test_after_a_rename_connect_entra_shows_the_alias_and_the_new_url_to_copy(
    qtbot: QtBot, services: bootstrap.Services, make_sync: Callable[..., str]
) -> None:
    services.settings.set("public_base_url", PUBLIC)
    make_sync("Contoso")
    dialog = SyncEditor(services, "Contoso")
    qtbot.addWidget(dialog)
    retype(qtbot, dialog.parameters.identifier, "Contoso_HR")
    dialog.save()
    saved(qtbot, dialog)
    assert aliases_of(services.synchronizations.get("Contoso_HR").id) == ["Contoso"]

    page = SyncPage(services)
    qtbot.addWidget(page)
    page.show()
    page.select("Contoso_HR")

    note = page.panel.alias_note
    assert note.isVisible()
    assert f"the old Tenant URL {PUBLIC}/scim/v2/Contoso still works as an alias" in note.text()
    assert "set Tenant URL to the Endpoint URL above" in note.text()
    assert page.panel.url.text() == f"{PUBLIC}/scim/v2/Contoso_HR"
    qtbot.mouseClick(page.panel.copy_button, LEFT)
    assert clipboard_text() == f"{PUBLIC}/scim/v2/Contoso_HR"
    services.synchronizations.drop_aliases("Contoso_HR")
    page.refresh()
    assert not note.isVisible()


# --- Disable, confirmed --------------------------------------------------------------------


@pytest.mark.parametrize("confirmed", [False, True])
def test_disable_in_the_list_names_the_consequence(
    qtbot: QtBot, services: bootstrap.Services, make_sync: Callable[..., str],
    answers: Answers, confirmed: bool,
) -> None:  # fmt: skip
    make_sync("Contoso")
    page = SyncPage(services)
    qtbot.addWidget(page)
    page.select("Contoso")
    answers.give.append(confirmed)

    page.toggle_action.trigger()

    [(title, text)] = answers
    assert title == "Disable synchronization"
    assert "Entra's calls will be refused until you enable it again" in text
    assert "quarantine" in text
    assert services.synchronizations.get("Contoso").enabled is not confirmed


def test_enabling_asks_nothing(
    qtbot: QtBot, services: bootstrap.Services, make_sync: Callable[..., str],
    answers: Answers,
) -> None:  # fmt: skip
    make_sync("Contoso", enabled=False)
    page = SyncPage(services)
    qtbot.addWidget(page)
    page.select("Contoso")
    page.toggle_action.trigger()
    assert answers == []
    assert services.synchronizations.get("Contoso").enabled


@pytest.mark.parametrize("confirmed", [False, True])
def test_unticking_enabled_in_the_editor_asks_on_save(
    qtbot: QtBot, editor: Callable[..., SyncEditor], make_sync: Callable[..., str],
    services: bootstrap.Services, answers: Answers, confirmed: bool,
) -> None:  # fmt: skip
    make_sync("Contoso")
    dialog = editor("Contoso")
    dialog.parameters.flags["enabled"].setChecked(False)
    answers.give.append(confirmed)

    dialog.save()
    if confirmed:
        saved(qtbot, dialog)

    assert [a[0] for a in answers] == ["Disable synchronization"]
    assert services.synchronizations.get("Contoso").enabled is not confirmed
    assert dialog.isVisible() is not confirmed  # not confirmed: still editing


# --- Unsaved changes, Esc and Enter ----------------------------------------------------------


def test_closing_without_changes_asks_nothing(
    editor: Callable[..., SyncEditor], make_sync: Callable[..., str], answers: Answers
) -> None:
    make_sync("Contoso")
    dialog = editor("Contoso")
    dialog.cancel_button.click()
    assert answers == []
    assert not dialog.isVisible()


@pytest.mark.parametrize("how", ["cancel", "escape", "close"])
def test_changes_are_not_lost_without_asking(
    qtbot: QtBot, editor: Callable[..., SyncEditor], make_sync: Callable[..., str],
    services: bootstrap.Services, answers: Answers, how: str,
) -> None:  # fmt: skip
    make_sync("Contoso")
    dialog = editor("Contoso")
    retype(qtbot, dialog.parameters.name, "Contoso People")
    answers.give.append(editor_dialog.KEEP_EDITING)

    if how == "cancel":
        dialog.cancel_button.click()
    elif how == "escape":
        QTest.keyClick(dialog.parameters.name, Qt.Key.Key_Escape)
    else:
        dialog.close()

    assert answers == ["unsaved"]
    assert dialog.isVisible()
    assert dialog.parameters.name.text() == "Contoso People"


def test_discard_closes_and_save_saves(
    qtbot: QtBot, editor: Callable[..., SyncEditor], make_sync: Callable[..., str],
    services: bootstrap.Services, answers: Answers,
) -> None:  # fmt: skip
    make_sync("Contoso")
    first = editor("Contoso")
    retype(qtbot, first.parameters.name, "Discarded")
    answers.give.append(editor_dialog.DISCARD)
    first.cancel_button.click()
    assert not first.isVisible()
    assert services.synchronizations.get("Contoso").name == "Contoso"

    second = editor("Contoso")
    retype(qtbot, second.parameters.name, "Contoso People")
    answers.give.append(editor_dialog.SAVE)
    second.cancel_button.click()
    saved(qtbot, second)
    assert not second.isVisible()
    assert services.synchronizations.get("Contoso").name == "Contoso People"


def test_escape_in_a_table_cell_closes_only_the_cell(
    qtbot: QtBot, editor: Callable[..., SyncEditor], services: bootstrap.Services,
    answers: Answers,
) -> None:  # fmt: skip
    services.directory.create_group("Accounting")
    dialog = editor()
    dialog.tabs.setCurrentIndex(editor_dialog.GROUPS)
    row = dialog.groups.add_row()
    cell = dialog.groups.remote_edit(row)
    cell.setFocus()
    qtbot.keyClicks(cell, "0b1c")

    QTest.keyClick(cell, Qt.Key.Key_Escape)

    assert dialog.isVisible()
    assert answers == []
    assert dialog.focusWidget() is dialog.groups.table
    assert dialog.groups.remote_edit(row).text() == "0b1c"


def test_enter_in_a_text_field_does_not_save(
    qtbot: QtBot, editor: Callable[..., SyncEditor], services: bootstrap.Services
) -> None:
    dialog = editor()
    qtbot.keyClicks(dialog.parameters.name, "Contoso")

    QTest.keyClick(dialog.parameters.name, Qt.Key.Key_Return)
    QTest.keyClick(dialog.parameters.identifier, Qt.Key.Key_Enter)

    assert dialog.isVisible()
    assert services.synchronizations.all() == []
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert [s.identifier for s in services.synchronizations.all()] == ["Contoso"]
