"""Fixtures of the directory pages: many users inserted in bulk, and a synchronization that
derives a group and a role from Entra membership."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.gui.directory import DirectoryView
from sofa_scim_desktop.gui.directory import prompts
from sofa_scim_desktop.storage.tables import SofaUser
from tests.conftest import Endpoint
from tests.services.test_memberships import ACCOUNTING
from tests.services.test_memberships import Entra

DERIVED_USER = "jnovak@contoso.com"


def bulk_users(services: bootstrap.Services, count: int) -> None:
    """`count` users user00000… in one transaction (far faster than the service, one by one)."""
    rows = [
        {
            "user_name": f"user{n:05d}",
            "user_name_key": f"user{n:05d}",
            "display_name": f"User {n}",
            "notification_email": f"user{n:05d}@example.com",
            "department": "Finance" if n % 10 == 0 else "Sales",
        }
        for n in range(count)
    ]
    with services.db.atomic():
        for start in range(0, count, 500):
            SofaUser.insert_many(rows[start : start + 500]).execute()


@pytest.fixture
def many_users(services: bootstrap.Services) -> bootstrap.Services:
    bulk_users(services, 10_000)
    return services


@pytest.fixture
def contoso(services: bootstrap.Services, endpoint: Endpoint) -> bootstrap.Services:
    """jnovak@contoso.com holds Finance and Approver through Contoso's mappings."""
    services.directory.create_group("Finance")
    services.directory.create_group("Board")
    services.directory.create_role("Approver")
    services.synchronizations.map_group(endpoint.identifier, "Finance", ACCOUNTING)
    services.synchronizations.map_role(endpoint.identifier, "Approver", ACCOUNTING)
    entra = Entra(services, endpoint.identifier)
    entra.group("Accounting", ACCOUNTING, entra.user(DERIVED_USER))
    services.directory.create_user("admin", "admin@example.com", "Hana", "Králová")
    return services


def type_text(widget: Any, text: str) -> None:
    """Character by character: keyClicks with non-ASCII text aborts pytest (PLATFORM.md)."""
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


class Prompts:
    """Stands in for the modal questions: answers prepared by the test, questions recorded."""

    def __init__(self) -> None:
        self.answers: list[Any] = []
        self.asked: list[tuple[str, str]] = []
        self.errors: list[str] = []

    def answer(self, kind: str) -> Callable[..., Any]:
        def ask(_parent: Any, title: str, text: str, *rest: Any) -> Any:
            self.asked.append((kind, text))
            self.choices = rest[0] if kind == "choose" and rest else None
            return self.answers.pop(0)

        return ask

    def error(self, _parent: Any, _title: str, text: str) -> None:
        self.errors.append(text)


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Prompts:
    fake = Prompts()
    monkeypatch.setattr(prompts, "confirm", fake.answer("confirm"))
    monkeypatch.setattr(prompts, "ask_text", fake.answer("ask_text"))
    monkeypatch.setattr(prompts, "choose", fake.answer("choose"))
    monkeypatch.setattr(prompts, "show_error", fake.error)
    return fake


@pytest.fixture
def view(qtbot: Any, services: bootstrap.Services) -> DirectoryView:
    widget = DirectoryView(services)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    return widget
