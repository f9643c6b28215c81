"""The user list: lazy pages over 10,000 users, the debounced search, the model contract."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QLocale
from PySide6.QtCore import Qt

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.gui.directory import DirectoryView
from sofa_scim_desktop.gui.directory.users_model import UsersModel
from tests.gui.directory.conftest import bulk_users
from tests.gui.directory.conftest import type_text


def test_first_page_of_ten_thousand_appears_at_once(qtbot: Any, many_users: Any) -> None:
    started = time.perf_counter()
    view = DirectoryView(many_users)
    qtbot.addWidget(view)
    elapsed = time.perf_counter() - started
    model = view.users.model
    assert model.rowCount() == UsersModel.PAGE
    assert model.data(model.index(0, 0)) == "user00000"
    assert elapsed < 2.0
    total = QLocale().toString(10_000)  # 10,000 or 10 000: the admin's locale
    assert view.users.count_label.text() == f"200 of {total} users shown; scroll for more"


def test_scrolling_to_the_bottom_fetches_the_next_page(qtbot: Any, many_users: Any) -> None:
    view = DirectoryView(many_users)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    table = view.users.table
    table.scrollToBottom()
    qtbot.waitUntil(lambda: view.users.model.rowCount() >= 2 * UsersModel.PAGE)
    assert view.users.model.rowCount() % UsersModel.PAGE == 0
    assert view.users.model.data(view.users.model.index(200, 0)) == "user00200"


def test_rows_grow_in_pages_until_the_end(qtbot: Any, services: bootstrap.Services) -> None:
    bulk_users(services, 450)
    model = UsersModel(services.directory)
    model.set_search("")
    counts = [model.rowCount()]
    while model.canFetchMore():
        model.fetchMore()
        counts.append(model.rowCount())
    assert counts == [200, 400, 450]
    assert model.data(model.index(449, 0)) == "user00449"


def test_search_narrows_the_rows(qtbot: Any, many_users: Any) -> None:
    view = DirectoryView(many_users)
    qtbot.addWidget(view)
    view.users.search.setText("user0999")  # user09990 … user09999
    qtbot.waitUntil(lambda: view.users.model.rowCount() == 10)
    assert view.users.count_label.text() == "10 users"


def test_search_finds_department_and_email(qtbot: Any, services: bootstrap.Services) -> None:
    bulk_users(services, 30)
    view = DirectoryView(services)
    qtbot.addWidget(view)
    view.users.search.setText("FINANCE")
    qtbot.waitUntil(lambda: view.users.model.rowCount() == 3)
    view.users.search.setText("user00007@example")
    qtbot.waitUntil(lambda: view.users.model.rowCount() == 1)


def test_columns_show_source_and_state(qtbot: Any, contoso: bootstrap.Services) -> None:
    contoso.directory.create_user("zoe", "zoe@example.com")
    model = UsersModel(contoso.directory)
    model.set_search("")
    rows = {
        model.data(model.index(r, 0)): [model.data(model.index(r, c)) for c in range(6)]
        for r in range(model.rowCount())
    }
    assert rows["jnovak@contoso.com"][4:] == ["Contoso", "Active"]
    assert rows["zoe"][4:] == ["Local", "Active"]
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)]
    assert headers == ["User name", "Display name", "E-mail", "Department", "Source", "State"]


def test_users_model_passes_the_model_tester(qtmodeltester: Any, services: Any) -> None:
    bulk_users(services, 250)
    model = UsersModel(services.directory)
    model.set_search("")
    qtmodeltester.check(model)


def test_enter_searches_without_waiting(qtbot: Any, services: bootstrap.Services) -> None:
    bulk_users(services, 30)
    view = DirectoryView(services)
    qtbot.addWidget(view)
    qtbot.keyClicks(view.users.search, "user00029")
    qtbot.keyClick(view.users.search, Qt.Key.Key_Return)
    assert view.users.model.rowCount() == 1  # at once: no timer to wait for
    assert view.users.count_label.text() == "1 user"


def test_refresh_shows_users_a_synchronization_added(
    qtbot: Any, services: bootstrap.Services
) -> None:
    view = DirectoryView(services)
    qtbot.addWidget(view)
    services.directory.create_user("late", "late@example.com")
    assert view.users.model.rowCount() == 0
    qtbot.mouseClick(view.users.refresh_button, Qt.MouseButton.LeftButton)
    assert view.users.model.data(view.users.model.index(0, 0)) == "late"


def test_search_typed_in_czech_ignores_case(qtbot: Any, contoso: bootstrap.Services) -> None:
    view = DirectoryView(contoso)
    qtbot.addWidget(view)
    type_text(view.users.search, "NOVÁKOVÁ")
    qtbot.waitUntil(lambda: view.users.model.rowCount() == 1)
    assert view.users.model.data(view.users.model.index(0, 0)) == "jnovak@contoso.com"
