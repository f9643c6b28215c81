"""The pages' strings reach Qt's translator under the contexts lupdate files them in, so
the Czech .ts, when it comes, translates them."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import Qt
from PySide6.QtCore import QTranslator

from sofa_scim_desktop.gui.directory import DirectoryView

MESSAGES = {
    ("UsersPage", "New local user…"): "Nový místní uživatel…",
    ("NamesPage", "Add…"): "Přidat…",
    ("DirectoryView", "Groups"): "Skupiny",
    ("UsersModel", "State"): "Stav",
}


def ts_file(path: Path) -> None:
    contexts: dict[str, list[str]] = {}
    for (context, source), translation in MESSAGES.items():
        contexts.setdefault(context, []).append(
            f"<message><source>{escape(source)}</source>"
            f"<translation>{escape(translation)}</translation></message>"
        )
    body = "".join(
        f"<context><name>{name}</name>{''.join(messages)}</context>"
        for name, messages in contexts.items()
    )
    path.write_text(
        f'<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="cs">'
        f"{body}</TS>",
        encoding="utf-8",
    )


@pytest.fixture
def czech(qtbot: Any, tmp_path: Path) -> Iterator[None]:
    ts, qm = tmp_path / "test_cs.ts", tmp_path / "test_cs.qm"
    ts_file(ts)
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), str(ts), "-qm", str(qm)], check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_pages_are_translated(qtbot: Any, services: Any, czech: None) -> None:
    view = DirectoryView(services)
    qtbot.addWidget(view)
    assert view.users.new_user_button.text() == "Nový místní uživatel…"
    assert view.groups.add_button.text() == "Přidat…"
    assert view.roles.add_button.text() == "Přidat…"
    assert view.tabs.tabText(1) == "Skupiny"
    assert view.users.model.headerData(5, Qt.Orientation.Horizontal) == "Stav"
