"""Every colour the app sets reads on a light and on a dark system palette (WCAG 4.5:1)."""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.gui import colours
from sofa_scim_desktop.gui.colours import contrast_ratio
from sofa_scim_desktop.gui.labels import problem_label
from sofa_scim_desktop.gui.public_url_warning import frame_style
from sofa_scim_desktop.gui.sync_model import KEY_EXPIRES
from sofa_scim_desktop.gui.sync_page import SyncPage
from sofa_scim_desktop.storage.tables import AccessKey
from sofa_scim_desktop.storage.tables import utcnow

Role = QPalette.ColorRole
SCHEMES = {
    "light": {"window": "#efefef", "base": "#ffffff", "text": "#000000"},
    "dark": {"window": "#2b2b2b", "base": "#1e1e1e", "text": "#eeeeee"},
}


def palette_of(scheme: str) -> QPalette:
    colours_of = SCHEMES[scheme]
    palette = QPalette(QColor(colours_of["window"]))
    for role, name in (
        (Role.Window, "window"), (Role.Base, "base"), (Role.AlternateBase, "base"),
        (Role.Text, "text"), (Role.WindowText, "text"), (Role.ButtonText, "text"),
    ):  # fmt: skip
        palette.setColor(role, QColor(colours_of[name]))
    return palette


@pytest.fixture(params=["light", "dark"])
def scheme(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    before = qapp.palette()
    qapp.setPalette(palette_of(request.param))
    yield str(request.param)
    qapp.setPalette(before)


def test_the_palette_is_told_apart(scheme: str) -> None:
    assert colours.is_dark() == (scheme == "dark")


@pytest.mark.parametrize("days", [5, -1])  # expiring, expired
def test_the_key_expiry_cell_is_readable(
    qtbot: QtBot,
    scheme: str,
    services: bootstrap.Services,
    make_sync: Callable[..., str],
    days: int,
) -> None:
    make_sync()
    services.synchronizations.issue_key("Contoso", 120)
    AccessKey.update(expires_at=utcnow() + timedelta(days=days)).execute()
    page = SyncPage(services)
    qtbot.addWidget(page)
    index = page.model.index(0, KEY_EXPIRES)
    background = index.data(Qt.ItemDataRole.BackgroundRole).color()
    foreground = index.data(Qt.ItemDataRole.ForegroundRole).color()
    assert contrast_ratio(foreground, background) >= 4.5
    # Marked: it stands out of the list's own background.
    assert background != QApplication.palette().color(Role.Base)


@pytest.mark.parametrize("tone", ["error", "warning", "success", "muted"])
def test_text_tones_read_on_the_window_and_the_lists(scheme: str, tone: str) -> None:
    palette = QApplication.palette()
    for role in (Role.Window, Role.Base):
        assert contrast_ratio(colours.text_colour(tone), palette.color(role)) >= 4.5, role


def test_a_problem_beside_a_field_reads(qtbot: QtBot, scheme: str) -> None:
    label = problem_label()
    qtbot.addWidget(label)
    colour = QColor(label.styleSheet().removeprefix("color: ").rstrip(";"))
    assert contrast_ratio(colour, QApplication.palette().color(Role.Window)) >= 4.5


def test_the_public_url_warning_follows_the_palette(scheme: str) -> None:
    style = frame_style()
    background = colours.background_colour("note").name()
    assert background in style
    text = QApplication.palette().color(Role.Text)
    assert text.name() in style
    assert contrast_ratio(text, QColor(background)) >= 4.5
