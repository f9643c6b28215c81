"""The synchronization list: columns, toolbar actions, confirmations and key expiry marks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.gui import prompts
from sofa_scim_desktop.gui.access_dialog import AccessDialog
from sofa_scim_desktop.gui.editor.dialog import SyncEditor
from sofa_scim_desktop.gui.log_viewer import LogViewer
from sofa_scim_desktop.gui.sync_model import DESCRIPTION
from sofa_scim_desktop.gui.sync_model import HEALTH
from sofa_scim_desktop.gui.sync_model import KEY_EXPIRES
from sofa_scim_desktop.gui.sync_model import LAST_CALL
from sofa_scim_desktop.gui.sync_model import LAST_DAY
from sofa_scim_desktop.gui.sync_model import LAST_SUCCESS
from sofa_scim_desktop.gui.sync_page import SyncPage
from sofa_scim_desktop.services.synchronizations import SyncSettings
from sofa_scim_desktop.storage.tables import AccessKey
from sofa_scim_desktop.storage.tables import Synchronization
from sofa_scim_desktop.storage.tables import utcnow


def cell(page: SyncPage, row: int, column: int, role: Any = Qt.ItemDataRole.DisplayRole) -> Any:
    return page.model.data(page.model.index(row, column), role)


def test_lists_each_synchronization_with_its_columns(
    page: Callable[[], SyncPage], make_sync: Callable[..., str]
) -> None:
    make_sync("Contoso", description="Main tenant\nsecond line")
    make_sync("Adatum", enabled=False)
    view = page()
    texts = [[cell(view, r, c) for c in range(10)] for r in range(2)]
    assert texts[0][:5] == ["Adatum", "Adatum", "SCIM", "Disabled", "0"]
    assert texts[1][:5] == ["Contoso", "Contoso", "SCIM", "Not called yet", "0"]
    assert texts[1][LAST_CALL] == texts[1][LAST_SUCCESS] == "Never"
    assert texts[1][LAST_DAY] == ""
    assert texts[1][KEY_EXPIRES] == "No key"
    assert texts[1][DESCRIPTION] == "Main tenant"
    assert not view.empty_hint.isVisible()


def test_an_empty_list_says_how_to_start(page: Callable[[], SyncPage]) -> None:
    view = page()
    assert view.empty_hint.isVisible()
    assert "+ Add SCIM synchronization" in view.empty_hint.text()


def test_actions_need_a_selection(page: Callable[[], SyncPage], make_sync: Callable[..., str]):
    make_sync()
    view = page()
    assert view.add_action.isEnabled()
    assert [a.isEnabled() for a in view.actions_in_order()[1:]] == [False] * 6
    view.table.selectRow(0)
    assert all(a.isEnabled() for a in view.actions_in_order())
    assert view.add_button.text() == "+ Add SCIM synchronization"
    # iconText: the texts without their mnemonics
    assert [a.iconText() for a in view.toolbar.actions()] == [
        "Edit synchronization",
        "Delete synchronization",
        "Access details",
        "Disable synchronization",
        "Display the logs",
        "Check the connection",
    ]


def test_enable_disable_text_follows_the_selected_row(
    page: Callable[[], SyncPage], make_sync: Callable[..., str], services: bootstrap.Services,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setattr(prompts, "confirm", lambda *_args: True)
    make_sync("Adatum", enabled=False)
    make_sync("Contoso")
    view = page()
    view.table.selectRow(0)
    assert view.toggle_action.iconText() == "Enable synchronization"
    view.table.selectRow(1)
    assert view.toggle_action.iconText() == "Disable synchronization"
    view.toggle_action.trigger()
    assert not services.synchronizations.get("Contoso").enabled
    assert cell(view, 1, HEALTH) == "Disabled"
    assert view.toggle_action.iconText() == "Enable synchronization"  # still selected


@pytest.mark.parametrize(("answer", "remaining"), [(False, ["Contoso"]), (True, [])])
def test_delete_asks_first_and_says_users_stay(
    page: Callable[[], SyncPage],
    make_sync: Callable[..., str],
    services: bootstrap.Services,
    monkeypatch: pytest.MonkeyPatch,
    answer: bool,
    remaining: list[str],
) -> None:
    make_sync()
    asked: list[str] = []

    def confirm(parent: Any, title: str, text: str, accept: str) -> bool:
        asked.append(text)
        return answer

    monkeypatch.setattr(prompts, "confirm", confirm)
    view = page()
    view.table.selectRow(0)
    view.delete_action.trigger()
    assert "Delete the synchronization “Contoso” with all its settings" in asked[0]
    assert "The 0 users it created stay in Sofa, deactivated" in asked[0]
    assert [s.identifier for s in services.synchronizations.all()] == remaining
    assert view.model.rowCount() == len(remaining)


def test_add_opens_the_editor_and_selects_the_new_one(
    page: Callable[[], SyncPage], services: bootstrap.Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    def edit(cls: Any, services_: Any, identifier: str | None, parent: Any) -> str:
        assert identifier is None
        services.synchronizations.create(SyncSettings(name="New one", identifier="New_one"))
        return "New_one"

    monkeypatch.setattr(SyncEditor, "edit", classmethod(edit))
    view = page()
    view.add_action.trigger()
    assert view.selected() is not None and view.selected().identifier == "New_one"


def test_double_click_edits_the_row(
    qtbot: QtBot,
    page: Callable[[], SyncPage],
    make_sync: Callable[..., str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    make_sync()
    opened: list[str | None] = []
    monkeypatch.setattr(
        SyncEditor, "edit", classmethod(lambda cls, s, ident, parent: opened.append(ident))
    )
    view = page()
    view.table.selectRow(0)
    view.table.doubleClicked.emit(view.model.index(0, 0))
    assert opened == ["Contoso"]


def test_access_details_and_logs_open_for_the_selected_row(
    page: Callable[[], SyncPage], make_sync: Callable[..., str], monkeypatch: pytest.MonkeyPatch
) -> None:
    make_sync()
    opened: list[tuple[str, str]] = []
    monkeypatch.setattr(
        AccessDialog, "show_for", classmethod(lambda c, s, i, p: opened.append(("access", i)))
    )
    monkeypatch.setattr(
        LogViewer, "open_for", classmethod(lambda c, s, i, p: opened.append(("logs", i)))
    )
    view = page()
    view.table.selectRow(0)
    view.access_action.trigger()
    view.logs_action.trigger()
    assert opened == [("access", "Contoso"), ("logs", "Contoso")]


@pytest.mark.parametrize(
    ("days", "tooltip", "icon"),
    [
        (200, "The access key is valid.", False),
        (10, "The access key expires soon", True),
        (-1, "The access key has expired", True),
    ],
)
def test_key_expiry_is_flagged(
    page: Callable[[], SyncPage],
    make_sync: Callable[..., str],
    services: bootstrap.Services,
    days: int,
    tooltip: str,
    icon: bool,
) -> None:
    make_sync()
    services.synchronizations.issue_key("Contoso", 365)
    AccessKey.update(expires_at=utcnow() + timedelta(days=days)).execute()
    view = page()
    assert cell(view, 0, KEY_EXPIRES, Qt.ItemDataRole.ToolTipRole).startswith(tooltip)
    assert (cell(view, 0, KEY_EXPIRES, Qt.ItemDataRole.DecorationRole) is not None) == icon
    assert (cell(view, 0, KEY_EXPIRES, Qt.ItemDataRole.BackgroundRole) is not None) == icon


def test_the_list_refreshes_by_itself(
    qtbot: QtBot, page: Callable[[], SyncPage], make_sync: Callable[..., str]
) -> None:
    view = page()
    make_sync("Made elsewhere")  # e.g. by `sofa-scim sync create` on the same database
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=5000)


def test_the_context_menu_offers_the_toolbar_actions(
    page: Callable[[], SyncPage], make_sync: Callable[..., str]
) -> None:
    make_sync()
    view = page()
    view.table.selectRow(0)
    assert view.table.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    view._context_menu(view.table.visualRect(view.model.index(0, 0)).center())
    from PySide6.QtWidgets import QMenu

    menu = view.findChild(QMenu)
    assert [a.iconText() for a in menu.actions()][:3] == [
        "+ Add SCIM synchronization",
        "Edit synchronization",
        "Delete synchronization",
    ]
    menu.close()


def test_add_is_refused_when_another_type_is_set_up(
    page: Callable[[], SyncPage], monkeypatch: pytest.MonkeyPatch
) -> None:
    Synchronization.create(identifier="Ldap", name="LDAP", type="ldap")
    told: list[str] = []
    monkeypatch.setattr(prompts, "inform", lambda parent, title, text: told.append(text))
    monkeypatch.setattr(
        SyncEditor, "edit", classmethod(lambda *args: pytest.fail("the editor opened"))
    )
    page().add_action.trigger()
    assert told == [
        "A synchronization of the type ldap is set up; "
        "only one type of synchronization may exist at a time."
    ]


def test_an_action_on_a_synchronization_deleted_meanwhile_says_so(
    page: Callable[[], SyncPage],
    make_sync: Callable[..., str],
    services: bootstrap.Services,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    make_sync()
    told: list[str] = []
    monkeypatch.setattr(prompts, "inform", lambda parent, title, text: told.append(text))
    view = page()
    view.table.selectRow(0)
    services.synchronizations.delete("Contoso")  # e.g. `sofa-scim sync delete` elsewhere
    view.access_action.trigger()
    assert told == ["No synchronization with the identifier 'Contoso'."]
    assert view.model.rowCount() == 0


def test_an_edited_identifier_stays_selected(
    page: Callable[[], SyncPage],
    make_sync: Callable[..., str],
    services: bootstrap.Services,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    make_sync("Adatum")
    make_sync("Contoso")

    def edit(cls: Any, services_: Any, identifier: str, parent: Any) -> str:
        services.synchronizations.update(identifier, SyncSettings(name="Zeta", identifier="Zeta"))
        return "Zeta"

    monkeypatch.setattr(SyncEditor, "edit", classmethod(edit))
    view = page()
    view.table.selectRow(0)
    view.edit_action.trigger()
    assert view.selected() is not None and view.selected().name == "Zeta"


def test_an_empty_list_offers_only_add(page: Callable[[], SyncPage]) -> None:
    view = page()
    assert view.add_action.isEnabled()
    assert not any(action.isEnabled() for action in view.actions_in_order()[1:])
