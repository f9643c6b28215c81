"""A typed search runs off the GUI thread: the window stays live, and a late answer to an older
search never replaces a newer list."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.gui.directory import DirectoryView


def test_typed_search_reads_on_a_worker_thread(
    qtbot: QtBot, many_users: bootstrap.Services, view: DirectoryView, monkeypatch: Any
) -> None:
    threads: list[str] = []
    count = many_users.directory.count_users

    def counting(search: str = "") -> int:
        threads.append(threading.current_thread().name)
        return count(search)

    monkeypatch.setattr(many_users.directory, "count_users", counting)
    view.users.search.setText("Finance")  # 1,000 of 10,000: a full first page and a count
    shown = f"200 of {QLocale().toString(1000)} users shown; scroll for more"
    qtbot.waitUntil(lambda: view.users.count_label.text() == shown)
    assert threads and all(name.startswith("sofa-user-search") for name in threads)


def test_a_late_answer_to_an_older_search_is_dropped(
    qtbot: QtBot, many_users: bootstrap.Services, view: DirectoryView
) -> None:
    model = view.users.model
    model.search_in_background("user0999")
    model.set_search("")  # e.g. the admin cleared the field and pressed Enter
    qtbot.wait(300)  # the worker has answered by now
    assert model.rowCount() == 200 and model.search() == ""


def test_a_refresh_while_a_search_runs_keeps_that_search(
    qtbot: QtBot, many_users: bootstrap.Services, view: DirectoryView
) -> None:
    model = view.users.model
    model.search_in_background("user0999")
    view.users.refresh()  # e.g. the 3 s poll saw Entra's change meanwhile
    qtbot.waitUntil(lambda: model.rowCount() == 10)
    assert model.search() == "user0999"
