"""The Mail outbox page: messages newest first with their states, live refresh, empty state."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.gui.colours import text_colour
from sofa_scim_desktop.gui.outbox_model import KIND
from sofa_scim_desktop.gui.outbox_model import LAST_ERROR
from sofa_scim_desktop.gui.outbox_model import STATE
from sofa_scim_desktop.gui.outbox_model import TO
from sofa_scim_desktop.gui.outbox_page import OutboxPage
from sofa_scim_desktop.services.mail.worker import MailWorker
from tests.services.mail.conftest import SmtpSink


@pytest.fixture
def page(qtbot: Any, services: bootstrap.Services) -> Iterator[OutboxPage]:
    widget = OutboxPage(services)
    qtbot.addWidget(widget)
    widget.resize(1000, 500)
    widget.show()
    yield widget
    widget.timer.stop()


def cell(page: OutboxPage, row: int, column: int, role: Any = Qt.ItemDataRole.DisplayRole) -> Any:
    model = page.model
    return model.data(model.index(row, column), role)


def test_empty_outbox_explains_that_nothing_is_lost(page: OutboxPage) -> None:
    assert page.empty.isVisible() and not page.table.isVisible()
    assert "nothing is lost" in page.empty.text()
    assert not page.send_button.isEnabled()


def test_waiting_message_shows_why_it_waits(
    qtbot: Any, page: OutboxPage, services: bootstrap.Services
) -> None:
    services.mail.send_test("first@example.com")
    services.mail.send_test("second@example.com")
    MailWorker(services.db, services.settings).run_once()  # no SMTP: notes why they wait
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=5000)  # the timer refreshed
    assert page.table.isVisible() and not page.empty.isVisible()
    assert cell(page, 0, TO) == "second@example.com"  # newest first
    assert cell(page, 0, STATE) == "Waiting"
    qtbot.waitUntil(lambda: "SMTP host" in (cell(page, 0, LAST_ERROR) or ""), timeout=5000)
    assert "Nothing is lost" in cell(page, 0, LAST_ERROR, Qt.ItemDataRole.ToolTipRole)
    assert "next attempt at" in cell(page, 0, STATE, Qt.ItemDataRole.ToolTipRole)
    assert page.summary.text() == "Waiting: 2" and page.send_button.isEnabled()


def test_send_now_wakes_the_worker_and_shows_sent(
    qtbot: Any, page: OutboxPage, services: bootstrap.Services, smtp: SmtpSink
) -> None:
    services.mail.start_worker(interval=60)  # only a wake sends within the test
    try:
        services.mail.send_test("admin@example.com")
        page.refresh()
        page.send_button.click()
        qtbot.waitUntil(lambda: cell(page, 0, STATE) == "Sent", timeout=10000)
    finally:
        services.mail.stop_worker()
    assert smtp.messages[0].envelope_to == ["admin@example.com"]
    colour = cell(page, 0, STATE, Qt.ItemDataRole.ForegroundRole).color()
    assert colour == text_colour("success")  # green, of the palette in use
    assert page.summary.text() == "Waiting: 0"


def test_refreshes_only_while_shown(page: OutboxPage) -> None:
    assert page.timer.isActive()
    page.hide()
    assert not page.timer.isActive()


def test_selected_message_shows_its_whole_last_error(
    qtbot: Any, page: OutboxPage, services: bootstrap.Services
) -> None:
    services.mail.send_test("admin@example.com")
    MailWorker(services.db, services.settings).run_once()
    page.refresh()
    assert page.detail.isHidden()
    page.table.selectRow(0)
    assert page.detail.isVisible()
    assert page.detail.text().startswith("Last error: Waiting: no SMTP server is set up")
    assert cell(page, 0, KIND) == "Test"


def test_a_refused_login_says_what_to_check_in_czech_with_the_servers_words(
    qtbot: Any, services: bootstrap.Services, smtp: SmtpSink, czech: None
) -> None:
    services.settings.set("smtp.user", "mailer")
    services.settings.set("smtp.password", "wrong")
    services.mail.send_test("admin@example.com")
    MailWorker(services.db, services.settings).run_once()  # the real server refuses the login
    widget = OutboxPage(services)
    qtbot.addWidget(widget)
    widget.refresh()
    shown = cell(widget, 0, LAST_ERROR, Qt.ItemDataRole.ToolTipRole)
    assert shown.startswith("Server SMTP odmítl přihlášení: zkontrolujte Uživatele a Heslo")
    assert "535" in shown  # what the server said, as it said it
    widget.timer.stop()
