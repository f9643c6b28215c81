"""Dates read one way only, with a four-digit year, in every locale; relative where the admin
scans a list, with the exact time as its tooltip."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from datetime import timedelta

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.domain.clock import utcnow
from sofa_scim_desktop.gui.dates import local_date
from sofa_scim_desktop.gui.dates import local_seconds
from sofa_scim_desktop.gui.dates import local_text
from sofa_scim_desktop.gui.directory import DirectoryView
from sofa_scim_desktop.gui.outbox_model import CREATED
from sofa_scim_desktop.gui.outbox_page import OutboxPage
from sofa_scim_desktop.gui.sync_model import LAST_CALL
from sofa_scim_desktop.gui.sync_page import SyncPage
from sofa_scim_desktop.storage.tables import Synchronization

Language = QLocale.Language
Country = QLocale.Country
MOMENT = datetime(2027, 12, 1, 9, 5, 7)  # 1 December: "1 12" reads two ways


@pytest.fixture
def locale() -> Iterator[None]:
    yield
    QLocale.setDefault(QLocale.system())


@pytest.mark.parametrize(
    ("language", "country", "date"),
    [
        (Language.English, Country.UnitedKingdom, "1 Dec 2027"),
        (Language.English, Country.UnitedStates, "Dec 1, 2027"),
        (Language.C, Country.AnyCountry, "1 Dec 2027"),  # a container's locale: was "1 12 2027"
        (Language.Czech, Country.CzechRepublic, "1. 12. 2027"),  # was "01.12.27"
        (Language.German, Country.Germany, "1. Dez. 2027"),
    ],
)
def test_dates_are_unambiguous_with_four_digit_years(
    locale: None, language: Language, country: Country, date: str
) -> None:
    QLocale.setDefault(QLocale(language, country))
    assert local_date(MOMENT) == date  # 09:05 UTC: 1 December in every time zone within 9 h
    assert local_text(MOMENT).startswith(date)
    assert local_seconds(MOMENT).count(":") == 2


def test_the_outbox_created_column_has_a_date(
    qtbot: QtBot, locale: None, services: bootstrap.Services
) -> None:
    QLocale.setDefault(QLocale(Language.English, Country.UnitedKingdom))
    services.mail.send_test("a@example.com")  # today: the date shows all the same
    page = OutboxPage(services)
    qtbot.addWidget(page)
    page.refresh()
    created = page.model.index(0, CREATED).data()
    assert str(QLocale().toString(datetime.now().date(), "yyyy")) in created
    assert created == local_text(page.model.entry_at(0).created_at)


def test_last_call_is_relative_with_the_exact_time_as_tooltip(
    qtbot: QtBot, services: bootstrap.Services, make_sync
) -> None:
    make_sync("Contoso")
    moment = utcnow() - timedelta(minutes=5)
    Synchronization.update(last_call_at=moment).execute()
    page = SyncPage(services)
    qtbot.addWidget(page)
    index = page.model.index(0, LAST_CALL)
    assert index.data() == "5 min ago"
    assert index.data(Qt.ItemDataRole.ToolTipRole) == local_text(moment)


def test_a_users_last_change_shows_date_and_how_long_ago(
    qtbot: QtBot, services: bootstrap.Services
) -> None:
    services.directory.create_user("admin", "admin@example.com")
    view = DirectoryView(services)
    qtbot.addWidget(view)
    view.users.select_user("admin")
    text = view.users.detail.fields["updated_at"].text()
    assert text.endswith("(just now)") and str(datetime.now().year) in text
