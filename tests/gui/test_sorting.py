"""Every list sorts by a click on a column header, and the selection still names the right row."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import QPoint
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.gui.outbox_model import CREATED
from sofa_scim_desktop.gui.outbox_model import TO
from sofa_scim_desktop.gui.outbox_page import OutboxPage
from sofa_scim_desktop.gui.sync_model import NAME
from sofa_scim_desktop.gui.sync_model import USERS
from sofa_scim_desktop.gui.sync_page import SyncPage
from sofa_scim_desktop.storage.tables import MailMessage
from sofa_scim_desktop.storage.tables import Synchronization
from sofa_scim_desktop.storage.tables import utcnow


def column_texts(table, column: int) -> list[str]:
    model = table.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def click_header(qtbot: QtBot, table, column: int) -> None:
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def test_synchronizations_sort_by_any_column_and_keep_the_selection(
    qtbot: QtBot, services: bootstrap.Services, make_sync: Callable[..., str]
) -> None:
    for name, users in (("Bravo", 5), ("alpha", 20), ("Charlie", 3)):
        make_sync(name)
        # The count the SCIM store keeps (what the list shows without counting rows).
        Synchronization.update(scim_user_count=users).where(Synchronization.name == name).execute()
    page = SyncPage(services)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    assert column_texts(page.table, NAME) == ["alpha", "Bravo", "Charlie"]  # ignoring case
    page.select("Charlie")
    click_header(qtbot, page.table, USERS)
    assert column_texts(page.table, USERS) == ["3", "5", "20"]  # as numbers, not texts
    click_header(qtbot, page.table, USERS)
    assert column_texts(page.table, USERS) == ["20", "5", "3"]
    assert page.selected().name == "Charlie"  # the row the admin picked, wherever it moved
    page.select("Bravo")
    assert page.selected().name == "Bravo"


def test_the_outbox_is_newest_first_and_sorts_by_date_not_text(
    qtbot: QtBot, services: bootstrap.Services
) -> None:
    now = utcnow()
    for days, to in (
        (400, "oldest@example.com"),
        (3, "recent@example.com"),
        (40, "older@example.com"),
    ):
        services.mail.send_test(to)
        MailMessage.update(created_at=now - timedelta(days=days)).where(
            MailMessage.recipient == to
        ).execute()
    page = OutboxPage(services)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    assert column_texts(page.table, TO) == [
        f"{w}@example.com" for w in ("recent", "older", "oldest")
    ]
    click_header(qtbot, page.table, CREATED)
    assert column_texts(page.table, TO) == [
        f"{w}@example.com" for w in ("oldest", "older", "recent")
    ]
