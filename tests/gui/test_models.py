"""The table models obey Qt's model contract (pytest-qt's qtmodeltester, qutebrowser's habit)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt

from sofa_scim_desktop.gui.log_model import LogTableModel
from sofa_scim_desktop.gui.sync_model import SyncTableModel
from sofa_scim_desktop.services import synchronizations as syncs
from sofa_scim_desktop.services.journal import LogRecord


def test_sync_model_contract(qtmodeltester: Any, make_sync: Callable[..., str]) -> None:
    make_sync("Contoso", description="Main")
    make_sync("Adatum", enabled=False)
    model = SyncTableModel()
    model.set_rows(syncs.overview())
    qtmodeltester.check(model)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Name"


def test_log_model_contract(qtmodeltester: Any) -> None:
    model = LogTableModel()
    model.set_records(
        [
            LogRecord(1, datetime(2026, 1, 1), logging.ERROR, "call.failed", "Boom\nmore", None),
            LogRecord(2, datetime(2026, 1, 1), logging.DEBUG, "call", "GET", '{"a": 1}'),
        ]
    )
    qtmodeltester.check(model)
    assert model.data(model.index(0, 1)) == "Error"
    assert model.data(model.index(0, 3)) == "Boom"
