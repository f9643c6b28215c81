"""The synchronization list shows each synchronization's health at a glance (SPEC §8.1): an
icon and a few words, the full reason and fix as a tooltip, the last success beside the last
call, and the last day's failures and refusals; driven by real calls through the SCIM app.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtGui import QIcon
from pytestqt.qtbot import QtBot

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.gui.health_icons import health_icon
from sofa_scim_desktop.gui.sync_model import HEALTH
from sofa_scim_desktop.gui.sync_model import LAST_CALL
from sofa_scim_desktop.gui.sync_model import LAST_DAY
from sofa_scim_desktop.gui.sync_model import LAST_SUCCESS
from sofa_scim_desktop.gui.sync_page import SyncPage
from sofa_scim_desktop.services.health import STATES
from sofa_scim_desktop.services.synchronizations import SyncSettings
from sofa_scim_desktop.storage.tables import CallCount
from sofa_scim_desktop.storage.tables import Synchronization
from sofa_scim_desktop.storage.tables import utcnow
from tests.conftest import Endpoint
from tests.conftest import ScimClient
from tests.samples import entra_user

Role = Qt.ItemDataRole


def cell(view: SyncPage, column: int, role: Any = Role.DisplayRole) -> Any:
    return view.model.data(view.model.index(0, column), role)


def lookup(scim: ScimClient, key: str | None = None) -> int:
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    return scim.get("/Users", params={"filter": 'userName eq "x"'}, headers=headers).status_code


def fail(scim: ScimClient, times: int) -> None:
    """`times` creates of a user who exists already: Sofa answers 409, a failed call."""
    assert scim.post("/Users", json=entra_user("dup@contoso.com")).status_code == 201
    for _ in range(times):
        assert scim.post("/Users", json=entra_user("dup@contoso.com")).status_code == 409


def test_never_called_says_what_to_paste(page: Callable[[], SyncPage], endpoint: Endpoint):
    view = page()
    assert cell(view, HEALTH) == "Not called yet"
    tip = cell(view, HEALTH, Role.ToolTipRole)
    assert tip.startswith("Entra has not called yet.\nFix: Paste the Endpoint URL into Entra")
    assert cell(view, LAST_CALL) == cell(view, LAST_SUCCESS) == "Never"
    assert cell(view, LAST_DAY) == ""


def test_answered_calls_are_ok_with_the_last_success_beside_the_last_call(
    page: Callable[[], SyncPage], scim: ScimClient
) -> None:
    assert lookup(scim) == 200
    view = page()
    assert cell(view, HEALTH) == "OK"
    assert cell(view, HEALTH, Role.ToolTipRole) == "Entra's calls are answered."
    assert cell(view, LAST_CALL) == cell(view, LAST_SUCCESS) == "just now"
    assert cell(view, LAST_SUCCESS, Role.ToolTipRole)  # the exact time behind "just now"
    assert cell(view, LAST_DAY) == "No failures"
    tip = cell(view, LAST_DAY, Role.ToolTipRole)
    assert tip == "Calls in the last 24 hours: 1 (failed: 0, refused: 0)."


def test_failing_calls_warn_of_quarantine(page: Callable[[], SyncPage], scim: ScimClient):
    fail(scim, 3)
    view = page()
    assert cell(view, HEALTH) == "Failing: 3 of 4 calls"
    tip = cell(view, HEALTH, Role.ToolTipRole)
    assert tip.startswith("3 of 4 calls in the last 24 hours failed. Entra will put the job in")
    assert "Last failure: " in tip and "dup@contoso.com" in tip  # as Entra was told
    assert tip.endswith("Fix: Display the logs shows each failed call with its fix.")
    assert cell(view, LAST_DAY) == "3 failed"


def test_refused_calls_name_the_key_problem_and_the_fix(
    page: Callable[[], SyncPage], scim: ScimClient
) -> None:
    assert lookup(scim) == 200
    for _ in range(2):
        assert lookup(scim, "stale-key") == 401
    view = page()
    assert cell(view, HEALTH) == "Refused: wrong key"
    tip = cell(view, HEALTH, Role.ToolTipRole)
    assert tip.startswith(
        "Entra's calls carry a wrong access key. Refused in the last 24 hours: 2."
    )
    assert "Fix: Generate a key in Access details and paste it into Secret Token" in tip
    assert cell(view, LAST_DAY) == "2 refused"
    assert cell(view, LAST_CALL) == "just now"


def test_failures_and_refusals_are_counted_together(
    page: Callable[[], SyncPage], scim: ScimClient
) -> None:
    fail(scim, 1)
    for _ in range(12):
        assert lookup(scim, "stale-key") == 401
    assert cell(page(), LAST_DAY) == "1 failed · 12 refused"


def test_a_day_without_calls_is_silent(page: Callable[[], SyncPage], scim: ScimClient) -> None:
    assert lookup(scim) == 200
    day_ago = utcnow() - timedelta(hours=30)
    Synchronization.update(last_call_at=day_ago, last_success_at=day_ago).execute()
    CallCount.update(hour=day_ago.replace(minute=0, second=0, microsecond=0)).execute()
    view = page()
    assert cell(view, HEALTH) == "No call for 30 hours"
    assert "not in quarantine" in cell(view, HEALTH, Role.ToolTipRole)
    assert cell(view, LAST_CALL) == "30 h ago"
    assert cell(view, LAST_DAY) == ""


def test_disabled_is_grey_and_says_how_to_enable(
    page: Callable[[], SyncPage], make_sync: Callable[..., str]
) -> None:
    make_sync("Adatum", enabled=False)
    view = page()
    assert cell(view, HEALTH) == "Disabled"
    assert "Enable synchronization" in cell(view, HEALTH, Role.ToolTipRole)
    assert cell(view, HEALTH, Role.ForegroundRole) is not None


def test_each_state_has_its_own_icon(page: Callable[[], SyncPage], scim: ScimClient) -> None:
    fail(scim, 3)
    icon = cell(page(), HEALTH, Role.DecorationRole)
    assert isinstance(icon, QIcon) and icon.cacheKey() == health_icon("failing").cacheKey()
    pictures = {bytes(health_icon(s).pixmap(16, 16).toImage().constBits()) for s in STATES}
    assert len(pictures) == len(STATES)  # no two states look the same


def test_the_list_follows_a_change_of_health_by_itself(
    qtbot: QtBot, page: Callable[[], SyncPage], scim: ScimClient
) -> None:
    view = page()
    assert cell(view, HEALTH) == "Not called yet"
    assert lookup(scim, "stale-key") == 401  # e.g. served by `sofa-scim serve`
    qtbot.waitUntil(lambda: cell(view, HEALTH) == "Refused: wrong key", timeout=5000)


def test_the_selection_survives_a_change_of_health(
    qtbot: QtBot,
    page: Callable[[], SyncPage],
    scim: ScimClient,
    services: bootstrap.Services,
) -> None:
    services.synchronizations.create(SyncSettings(name="Adatum", identifier="Adatum"))
    view = page()
    view.select("Contoso")
    assert lookup(scim) == 200
    view.refresh()
    assert view.selected() is not None and view.selected().identifier == "Contoso"


def luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance."""

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("background", ["#ffffff", "#000000", "#2b2b2b", "#efefef"])
def test_each_icon_stands_out_on_light_and_dark_palettes(state: str, background: str) -> None:
    image = health_icon(state).pixmap(32, 32).toImage()
    disc = image.pixelColor(4, 16)  # on the disc, left of the sign
    assert disc.alpha() == 255
    assert contrast(disc, QColor(background)) >= 3
    assert contrast(disc, QColor("white")) >= 3  # the sign on the disc
