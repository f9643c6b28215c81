"""The mapping tabs (SPEC §8.3): Entra group names and never-sent marks, creating a Sofa group
or role from a row, the built-in role warning, and the preview before Save, off the GUI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.gui.directory import prompts
from sofa_scim_desktop.gui.editor.dialog import GROUPS
from sofa_scim_desktop.gui.editor.dialog import ROLES
from sofa_scim_desktop.gui.editor.dialog import SyncEditor
from sofa_scim_desktop.services import synchronizations as syncs
from tests.conftest import Endpoint
from tests.services.test_memberships import ACCOUNTING
from tests.services.test_memberships import FINANCE
from tests.services.test_memberships import Entra

UNSEEN = "99999999-8888-7777-6666-555555555555"
IT_ADMINS_UNSEEN = "77777777-8888-7777-6666-555555555555"
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def entra(services: bootstrap.Services, endpoint: Endpoint) -> Entra:
    """Contoso has sent Accounting (alice, bob) and Finance (carol); nothing in Sofa yet."""
    sent = Entra(services, endpoint.identifier)
    alice, bob, carol = (sent.user(f"{n}@contoso.com") for n in ("alice", "bob", "carol"))
    sent.group("Accounting", ACCOUNTING, alice, bob)
    sent.group("Finance", FINANCE, carol)
    return sent


@pytest.fixture
def editor(editor: Callable[..., SyncEditor]) -> Callable[..., SyncEditor]:
    """The shared editor fixture, opening Contoso unless told otherwise."""
    return lambda identifier="Contoso": editor(identifier)


def groups_of(services: bootstrap.Services, user_name: str) -> list[str]:
    return next(u.groups for u in services.directory.users() if u.user_name == user_name)


def test_a_seen_id_shows_the_entra_group_and_its_members(
    services: bootstrap.Services, entra: Entra, editor: Callable[..., SyncEditor]
) -> None:
    services.directory.create_group("Účetní")
    services.synchronizations.map_group("Contoso", "Účetní", ACCOUNTING)
    tab = editor().groups
    cell = tab.remote_cell(0)
    assert cell.text.text() == "Accounting · 2 members"
    assert not cell.unseen


def test_an_id_entra_never_sent_is_marked_and_explained(
    services: bootstrap.Services, entra: Entra, editor: Callable[..., SyncEditor]
) -> None:
    services.directory.create_group("Účetní")
    tab = editor().groups
    tab.add_row("Účetní", UNSEEN)
    cell = tab.remote_cell(0)
    assert cell.unseen
    assert cell.text.text() == "Never sent by Entra"
    assert "a typo, or the group is not assigned" in cell.toolTip()
    tab.remote_edit(0).setText(FINANCE.upper())  # typed again, in capitals: now it is known
    assert not cell.unseen
    assert cell.text.text() == "Finance · 1 member"


def test_an_empty_sofa_is_no_dead_end_a_row_creates_its_group(
    services: bootstrap.Services,
    entra: Entra,
    editor: Callable[..., SyncEditor],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []

    def ask(_parent: Any, _title: str, _label: str, text: str = "") -> str:
        asked.append(text)
        return "Účetní"

    monkeypatch.setattr(prompts, "ask_text", ask)
    tab = editor().groups
    assert not tab.missing.isHidden() and "+ button" in tab.missing.text()
    tab.add_button.click()
    tab.remote_edit(0).setText(ACCOUNTING)
    tab.target_cell(0).create_button.click()
    assert asked == ["Accounting"]  # the Entra group's name is offered
    assert [g.name for g in services.directory.groups()] == ["Účetní"]
    assert (tab.combo(0).currentText(), tab.remote_edit(0).text()) == ("Účetní", ACCOUNTING)
    assert tab.missing.isHidden()
    assert tab.validate() is None


def test_creating_a_name_that_exists_says_so_and_keeps_the_row(
    services: bootstrap.Services,
    entra: Entra,
    editor: Callable[..., SyncEditor],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    services.directory.create_role("Approver")
    monkeypatch.setattr(prompts, "ask_text", lambda *_args: "Approver")
    tab = editor().roles
    tab.add_row("Approver", UNSEEN)
    tab.target_cell(0).create_button.click()
    assert "already exists" in tab.problem.text() and not tab.problem.isHidden()
    assert tab.rows() == [("Approver", UNSEEN)]


def test_a_built_in_role_is_warned_of_beside_its_row(
    services: bootstrap.Services, entra: Entra, editor: Callable[..., SyncEditor]
) -> None:
    services.directory.create_role("Approver")
    tab = editor().roles
    tab.add_row("Administrator", ACCOUNTING)
    assert not tab.target_cell(0).warning.isHidden()
    assert not tab.warnings.isHidden()
    assert "built-in role Administrator" in tab.warnings.text()
    assert "Accounting (2 members)" in tab.warnings.text()
    tab.combo(0).setCurrentText("Approver")
    assert tab.target_cell(0).warning.isHidden()
    assert tab.warnings.isHidden()


def test_save_previews_who_gains_and_loses_and_saving_does_exactly_that(
    qtbot: QtBot, services: bootstrap.Services, entra: Entra, editor: Callable[..., SyncEditor]
) -> None:
    services.directory.create_group("Účetní")
    services.synchronizations.map_group("Contoso", "Účetní", ACCOUNTING)
    dialog = editor()
    dialog.tabs.setCurrentIndex(GROUPS)
    dialog.groups.remote_edit(0).setText(FINANCE)
    with qtbot.waitSignal(dialog.preview.ready) as shown:
        qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.preview.isVisible() and not dialog.tabs.isVisible()
    table = dialog.preview.table
    listed = [tuple(table.item(r, c).text() for c in range(3)) for r in range(table.rowCount())]
    assert listed == [
        ("carol@contoso.com", "gains", "group Účetní"),
        ("alice@contoso.com", "loses", "group Účetní"),
        ("bob@contoso.com", "loses", "group Účetní"),
    ]
    assert dialog.preview.status.text() == (
        "Gaining a group or role: 1 user. Losing a group or role: 2 users."
    )
    assert groups_of(services, "alice@contoso.com") == ["Účetní"]  # not saved yet
    qtbot.mouseClick(dialog.preview.confirm_button, LEFT)
    assert dialog.result() == QDialog.DialogCode.Accepted
    effects: syncs.MappingEffects = shown.args[0]
    for change in effects.gains:
        assert groups_of(services, change.user_name) == [change.name]
    for change in effects.losses:
        assert groups_of(services, change.user_name) == []


def test_the_preview_runs_off_the_gui_thread_with_a_progress_bar(
    qtbot: QtBot,
    services: bootstrap.Services,
    entra: Entra,
    editor: Callable[..., SyncEditor],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    services.directory.create_role("Approver")
    release, threads = threading.Event(), []
    original = services.synchronizations.preview_mappings

    def slow_preview(*args: Any) -> syncs.MappingEffects:
        threads.append(threading.get_ident())
        assert release.wait(10)
        return original(*args)

    monkeypatch.setattr(services.synchronizations, "preview_mappings", slow_preview)
    dialog = editor()
    dialog.roles.add_row("Approver", ACCOUNTING)
    dialog.save()
    qtbot.waitUntil(lambda: bool(threads))
    assert dialog.preview.computing and dialog.preview.progress.isVisible()
    assert not dialog.preview.confirm_button.isEnabled()
    qtbot.wait(50)  # the window keeps handling events meanwhile
    with qtbot.waitSignal(dialog.preview.ready):
        release.set()
    assert threads[0] != threading.get_ident()
    assert not dialog.preview.progress.isVisible()
    assert dialog.preview.table.rowCount() == 2


def test_back_to_editing_keeps_every_row(
    qtbot: QtBot, services: bootstrap.Services, entra: Entra, editor: Callable[..., SyncEditor]
) -> None:
    services.directory.create_role("Approver")
    dialog = editor()
    dialog.roles.add_row("Approver", FINANCE)
    with qtbot.waitSignal(dialog.preview.ready):
        dialog.save()
    qtbot.mouseClick(dialog.preview.back_button, LEFT)
    assert dialog.tabs.isVisible() and not dialog.preview.isVisible()
    assert dialog.save_button.isVisible()
    dialog.tabs.setCurrentIndex(ROLES)
    assert dialog.roles.rows() == [("Approver", FINANCE)]
    assert services.synchronizations.mapping_list("Contoso") == []


def test_saving_what_changes_nobody_asks_nothing(
    qtbot: QtBot, services: bootstrap.Services, entra: Entra, editor: Callable[..., SyncEditor]
) -> None:
    dialog = editor()
    dialog.parameters.description.setPlainText("Staff")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    assert services.synchronizations.get("Contoso").description == "Staff"


@pytest.mark.parametrize(("members", "text"), [(1, "1 člen"), (3, "3 členové"), (5, "5 členů")])
def test_member_counts_in_czech_take_czech_plurals(
    czech: None,
    services: bootstrap.Services,
    endpoint: Endpoint,
    editor: Callable[..., SyncEditor],
    members: int,
    text: str,
) -> None:
    sent = Entra(services, endpoint.identifier)
    users = [sent.user(f"user{n}@contoso.com") for n in range(members)]
    sent.group("Accounting", ACCOUNTING, *users)
    tab = editor().groups
    tab.add_row("", ACCOUNTING)
    assert tab.remote_cell(0).text.text() == f"Accounting · {text}"


def test_built_in_roles_are_chosen_in_czech_and_saved_in_english(
    czech: None, services: bootstrap.Services, entra: Entra, editor: Callable[..., SyncEditor]
) -> None:
    tab = editor().roles
    tab.add_row("Administrator", IT_ADMINS_UNSEEN)
    assert tab.combo(0).currentText() == "Administrátor"
    assert "Správce subjektů" in [tab.combo(0).itemText(i) for i in range(tab.combo(0).count())]
    assert tab.rows() == [("Administrator", IT_ADMINS_UNSEEN)]
    assert "vestavěnou roli Administrátor" in tab.warnings.text()
