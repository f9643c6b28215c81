"""The Directory sorts by a click on a header (in the directory, not just the loaded page) and
follows changes by itself, keeping the admin's place."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.gui.directory import DirectoryView
from tests.gui.directory.conftest import bulk_users
from tests.gui.test_sorting import click_header
from tests.gui.test_sorting import column_texts


def test_users_sort_in_the_directory_not_just_the_loaded_page(
    qtbot: QtBot, many_users: bootstrap.Services, view: DirectoryView
) -> None:
    table = view.users.table
    assert table.model().rowCount() == 200  # one page of 10,000 loaded
    click_header(qtbot, table, 0)  # descending: the last of all 10,000 comes first
    assert column_texts(table, 0)[:2] == ["user09999", "user09998"]
    click_header(qtbot, table, 3)  # department: Finance (every tenth) before Sales
    departments = column_texts(table, 3)
    assert departments[0] == "Finance" and departments[-1] == "Finance"
    table.selectRow(3)
    assert view.users.detail.user_name() == column_texts(table, 0)[3]


def test_groups_sort_by_members(
    qtbot: QtBot, view: DirectoryView, services: bootstrap.Services
) -> None:
    for name, members in (("Board", 2), ("Audit", 0), ("Finance", 1)):
        services.directory.create_group(name)
        for n in range(members):
            services.directory.create_user(f"{name}{n}", f"{name}{n}@example.com")
            services.directory.grant(f"{name}{n}", group=name)
    page = view.groups
    view.tabs.setCurrentWidget(page)
    assert column_texts(page.table, 0) == ["Audit", "Board", "Finance"]
    click_header(qtbot, page.table, 1)
    assert column_texts(page.table, 1) == [0, 1, 2]
    page.table.selectRow(0)
    assert page.selected().name == "Audit"
    assert page.rename_button.isEnabled()


def test_the_directory_refreshes_by_itself_keeping_selection_and_scroll(
    qtbot: QtBot, many_users: bootstrap.Services, view: DirectoryView
) -> None:
    table = view.users.table
    while table.model().rowCount() < 600:
        table.model().fetchMore()
    table.selectRow(450)
    table.scrollTo(table.model().index(450, 0))
    scrolled = table.verticalScrollBar().value()
    assert scrolled > 0
    many_users.directory.create_user("aaa.new", "new@example.com")  # e.g. by Entra
    qtbot.waitUntil(lambda: column_texts(table, 0)[0] == "aaa.new", timeout=8000)
    assert view.users.detail.user_name() == "user00450"  # the same user, one row down
    assert table.model().rowCount() >= 600
    assert abs(table.verticalScrollBar().value() - scrolled) <= 1


def test_a_hidden_directory_does_not_poll(
    view: DirectoryView, services: bootstrap.Services
) -> None:
    view.hide()
    bulk_users(services, 3)
    view.poll()
    assert view.users.model.rowCount() == 0  # read when shown again (the window refreshes it)


def test_groups_follow_a_rename_made_elsewhere(
    qtbot: QtBot, view: DirectoryView, services: bootstrap.Services
) -> None:
    services.directory.create_group("Finance")
    view.tabs.setCurrentWidget(view.groups)
    view.groups.select("Finance")
    services.directory.rename_group("Finance", "Accounting")  # e.g. by sofa-scim on the same db
    qtbot.waitUntil(lambda: column_texts(view.groups.table, 0) == ["Accounting"], timeout=8000)
