"""Display the logs: newest first, filters, details, refreshing while open, CSV export."""

from __future__ import annotations

import csv
import logging
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.gui import prompts
from sofa_scim_desktop.gui.log_viewer import LogViewer
from sofa_scim_desktop.storage.tables import LogEntry
from sofa_scim_desktop.storage.tables import utcnow


@pytest.fixture
def viewer(
    qtbot: QtBot, services: bootstrap.Services, make_sync: Callable[..., str]
) -> Callable[[], LogViewer]:
    make_sync("Contoso")
    sync = services.synchronizations.get("Contoso")
    start = utcnow() - timedelta(minutes=10)
    entries = [
        (logging.DEBUG, "call", "GET /Users → 200", '{"response": {"status": 200}}'),
        (logging.INFO, "user.created", "Created user alice@contoso.com", None),
        (logging.WARNING, "call.failed", "PATCH /Users/x → 404: not found", None),
        (logging.ERROR, "call.failed", "POST /Users → 500: Nováková failed", None),
    ]
    for minute, (level, event, message, detail) in enumerate(entries):
        LogEntry.create(
            sync=sync.id,
            at=start + timedelta(minutes=minute),
            level=level,
            event=event,
            message=message,
            detail=detail,
        )

    def build() -> LogViewer:
        widget = LogViewer(services, "Contoso")
        qtbot.addWidget(widget)
        widget.show()
        return widget

    return build


def messages(widget: LogViewer) -> list[str]:
    return [r.message for r in widget.model.records]


def test_newest_first(viewer: Callable[[], LogViewer]) -> None:
    widget = viewer()
    assert messages(widget)[0] == "POST /Users → 500: Nováková failed"
    assert messages(widget)[-1] == "GET /Users → 200"
    assert widget.count.text() == "4 entries"
    assert widget.windowTitle() == "Logs – Contoso"


@pytest.mark.parametrize(
    ("choice", "expected"),
    [(0, 4), (1, 3), (2, 2), (3, 1)],
)
def test_filter_by_level(viewer: Callable[[], LogViewer], choice: int, expected: int) -> None:
    widget = viewer()
    widget.level.setCurrentIndex(choice)
    assert widget.model.rowCount() == expected


def test_filter_by_text_ignores_case_and_reads_czech(
    qtbot: QtBot, viewer: Callable[[], LogViewer]
) -> None:
    widget = viewer()
    widget.search.setText("NOVÁKOVÁ")
    assert messages(widget) == ["POST /Users → 500: Nováková failed"]
    widget.search.setText("call.failed")  # the event too
    assert len(messages(widget)) == 2
    widget.search.setText("_")  # not a wildcard
    assert messages(widget) == []


def test_details_show_the_message_and_pretty_json(viewer: Callable[[], LogViewer]) -> None:
    widget = viewer()
    widget.table.selectRow(3)
    assert widget.detail.what.toPlainText() == "GET /Users → 200"
    assert widget.detail.recorded.toPlainText() == '{\n  "response": {\n    "status": 200\n  }\n}'


def test_new_entries_appear_while_open_and_the_selection_stays(
    qtbot: QtBot, viewer: Callable[[], LogViewer], services: bootstrap.Services
) -> None:
    widget = viewer()
    widget.table.selectRow(1)
    selected = widget.selected()
    LogEntry.create(
        sync=services.synchronizations.get("Contoso").id,
        level=logging.INFO,
        event="user.updated",
        message="Updated user bob",
    )
    qtbot.waitUntil(lambda: messages(widget)[0] == "Updated user bob", timeout=6000)
    assert widget.selected() == selected


def test_export_writes_what_is_shown(
    viewer: Callable[[], LogViewer], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "log.csv"
    monkeypatch.setattr(prompts, "save_path", lambda *args: str(target))
    widget = viewer()
    widget.level.setCurrentIndex(2)
    widget.export_button.click()
    with target.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert rows[0] == ["time_utc", "level", "event", "message", "detail"]
    assert [row[1] for row in rows[1:]] == ["error", "warning"]
    assert rows[1][3] == "POST /Users → 500: Nováková failed"


def test_export_cancelled_writes_nothing(
    viewer: Callable[[], LogViewer], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    asked: list[Any] = []
    monkeypatch.setattr(prompts, "save_path", lambda *args: asked.append(args) or None)
    widget = viewer()
    widget.export_button.click()
    assert asked and list(tmp_path.glob("*.csv")) == []
