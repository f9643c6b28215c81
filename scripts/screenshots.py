"""Populates a throw-away database and saves a PNG of each window (run by scripts/screenshots).

Usage: scripts/screenshots [--language cs]  (Czech PNGs go to docs/screenshots/cs/)
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import traceback
from datetime import timedelta
from pathlib import Path
from typing import Any

from falcon import testing
from platformdirs import user_log_dir
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.gui import prompts
from sofa_scim_desktop.gui.access_dialog import AccessDialog
from sofa_scim_desktop.gui.app import application
from sofa_scim_desktop.gui.close_dialog import CloseDialog
from sofa_scim_desktop.gui.connection_check_view import ConnectionCheckDialog
from sofa_scim_desktop.gui.crash import CrashDialog
from sofa_scim_desktop.gui.editor.dialog import SyncEditor
from sofa_scim_desktop.gui.log_file import FILE_NAME
from sofa_scim_desktop.gui.log_viewer import LogViewer
from sofa_scim_desktop.gui.main_window import DIRECTORY_PAGE
from sofa_scim_desktop.gui.main_window import SETTINGS_PAGE
from sofa_scim_desktop.gui.main_window import SYNC_PAGE
from sofa_scim_desktop.gui.main_window import MainWindow
from sofa_scim_desktop.gui.port_dialog import BusyPortDialog
from sofa_scim_desktop.gui.tray import RANK
from sofa_scim_desktop.gui.tray import ServerTray
from sofa_scim_desktop.gui.tray import badged_icon
from sofa_scim_desktop.scim.app import create_app
from sofa_scim_desktop.services.connection_check import check_connection
from sofa_scim_desktop.services.connection_report import Report
from sofa_scim_desktop.services.connection_report import Step
from sofa_scim_desktop.services.synchronizations import SyncSettings
from sofa_scim_desktop.storage.tables import AccessKey
from sofa_scim_desktop.storage.tables import Synchronization
from sofa_scim_desktop.storage.tables import utcnow

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from shot_folder import save_png  # noqa: E402
from shot_folder import use_language  # noqa: E402

from tests.samples import entra_group  # noqa: E402
from tests.samples import entra_user  # noqa: E402
from tests.samples import patch  # noqa: E402

GUIDS = ("5e0f9a61-3c1d-4b7e-9a55-0d3c2b1a0f11", "a7c3e2d4-8b9f-4e10-b2c3-d4e5f6a7b8c9")


def populate(services: bootstrap.Services) -> dict[str, str]:
    """The synchronizations, with their first users; returns their keys by identifier."""
    s = services.synchronizations
    services.settings.set("public_base_url", "https://sofa.contoso.com")
    for group in ("Accounting", "Účetní oddělení", "Sales"):
        services.directory.create_group(group)
    services.directory.create_role("Auditor")
    s.create(SyncSettings("Contoso – Entra ID", "Contoso_Entra_ID", "Production tenant, HR users"))
    s.create(SyncSettings("Fabrikam test", "Fabrikam_test", "Test tenant", enabled=False))
    s.create(SyncSettings("Účetní oddělení", "Ucetni_oddeleni", "Pilot", log_level="debug"))
    s.set_mappings(
        "Contoso_Entra_ID",
        [("Accounting", GUIDS[0]), ("Účetní oddělení", GUIDS[1])],
        [("Auditor", GUIDS[0])],
    )
    keys = {i: s.issue_key(i, 365).key for i in ("Contoso_Entra_ID", "Ucetni_oddeleni")}
    soon = s.get("Ucetni_oddeleni").id
    AccessKey.update(expires_at=utcnow() + timedelta(days=9)).where(
        AccessKey.sync == soon
    ).execute()
    client = testing.TestClient(create_app(services.db))
    for (identifier, key), names in zip(
        keys.items(),
        (("alice", "bob", "jana.novakova"), ("petr.dvorak", "eva.svobodova")),
        strict=True,
    ):
        for name in names:
            client.simulate_post(
                f"/scim/v2/{identifier}/Users",
                json=entra_user(f"{name}@contoso.com"),
                headers={"Authorization": f"Bearer {key}"},
            )
        client.simulate_get(
            f"/scim/v2/{identifier}/Users/missing", headers={"Authorization": f"Bearer {key}"}
        )
    sync = s.get("Contoso_Entra_ID")
    Synchronization.update(last_call_at=utcnow() - timedelta(minutes=7)).where(
        Synchronization.id == sync.id
    ).execute()
    return keys


class Caller:
    """Entra's provisioning service calling one synchronization, through the real SCIM app."""

    def __init__(self, services: bootstrap.Services, identifier: str, key: str) -> None:
        self.client = testing.TestClient(create_app(services.db))
        self.base = f"/scim/v2/{identifier}"
        self.key = key

    def __call__(self, method: str, path: str, body: object = None, key: str = "") -> Any:
        headers = {"Authorization": f"Bearer {key or self.key}"}
        answer = self.client.simulate_request(method, self.base + path, json=body, headers=headers)
        return answer.json

    def user_id(self, user_name: str) -> str:
        found = self("GET", f'/Users?filter=userName eq "{user_name}"')
        return str(found["Resources"][0]["id"])


def contoso_day(call: Caller) -> None:
    """A cycle of Entra's calls: a group whose members get Sofa groups and a role, a changed and
    a disabled user, a user Sofa already has (failed), and a job still holding a wrong key.
    """
    jana, bob = call.user_id("jana.novakova@contoso.com"), call.user_id("bob@contoso.com")
    group = call("POST", "/Groups", entra_group("Accounting team", GUIDS[0]))
    members = [{"value": jana}, {"value": bob}]
    add = patch({"op": "Add", "path": "members", "value": members})
    call("PATCH", f"/Groups/{group['id']}", add)
    change = {"displayName": "Jana Nováková", "title": "Head of accounting"}
    call("PATCH", f"/Users/{jana}", patch({"op": "Replace", "value": change}))
    call("PATCH", f"/Users/{bob}", patch({"op": "Replace", "path": "active", "value": "False"}))
    call("POST", "/Users", entra_user("alice@contoso.com"))
    for _ in range(12):
        call("GET", '/Users?filter=userName eq "carol@contoso.com"', key="old-secret-token")


def shoot_logs(services: bootstrap.Services, keys: dict[str, str]) -> tuple[LogViewer, LogViewer]:
    """A day's log, the same with Errors only, and a call at Debug with its three panes."""
    contoso_day(Caller(services, "Contoso_Entra_ID", keys["Contoso_Entra_ID"]))
    viewer = LogViewer(services, "Contoso_Entra_ID")
    events = [record.event for record in viewer.model.records]
    viewer.table.selectRow(events.index("group.members"))
    save(viewer, "log_viewer")
    viewer.level.setCurrentIndex(viewer.level.count() - 1)  # Errors only
    viewer.table.selectRow(0)
    save(viewer, "log_viewer_errors_only")
    ucetni = Caller(services, "Ucetni_oddeleni", keys["Ucetni_oddeleni"])
    petr = ucetni.user_id("petr.dvorak@contoso.com")
    entras_forms = {"title": "Hlavní účetní", "active": "False"}  # no path, a string boolean
    ucetni("PATCH", f"/Users/{petr}", patch({"op": "Replace", "value": entras_forms}))
    debug = LogViewer(services, "Ucetni_oddeleni")
    debug.table.selectRow([r.event for r in debug.model.records].index("call"))
    save(debug, "log_viewer_debug_detail")
    return viewer, debug


def save(widget: QWidget, name: str, size: tuple[int, int] | None = None) -> None:
    if size:
        widget.resize(*size)
    save_png(widget, name)


def shoot_editor(services: bootstrap.Services) -> None:
    editor = SyncEditor(services, "Contoso_Entra_ID")
    for index, name in enumerate(("parameters", "groups", "roles", "logging")):
        editor.tabs.setCurrentIndex(index)
        save(editor, f"editor_{index + 1}_{name}")
    editor.close()
    editor.deleteLater()
    new = SyncEditor(services, None)
    new.parameters.name.setText("Účetní oddělení")  # taken: the reason shows under the field
    new.groups.add_row("Sales", "not-a-guid")
    new.save()
    save(new, "editor_5_new_with_problems")
    new.tabs.setCurrentIndex(1)
    save(new, "editor_6_mapping_problem")
    new.close()
    new.deleteLater()


def shoot_access(services: bootstrap.Services) -> None:
    dialog = AccessDialog(services, "Fabrikam_test")
    save(dialog, "access_1_no_key")
    dialog.show_generate.click()
    save(dialog, "access_2_generate")
    dialog.generate()
    save(dialog, "access_3_key_shown")
    dialog.close()
    dialog.deleteLater()
    expiring = AccessDialog(services, "Ucetni_oddeleni")
    save(expiring, "access_4_existing_key")
    expiring.close()
    expiring.deleteLater()


def shoot_support(window: MainWindow, folder: str) -> None:
    """Settings → Support after "Create a support bundle…", the file dialog answered."""
    target = Path(folder) / Path(window.settings_page.support.suggested_path()).name
    prompts.save_path = lambda *args: str(target)  # type: ignore[assignment]
    window.show_page(SETTINGS_PAGE)
    box = window.settings_page.support
    box.create_button.click()
    deadline = time.monotonic() + 60
    while not box.create_button.isEnabled():  # the bundle is written on a thread of its own
        assert time.monotonic() < deadline, "the support bundle took too long"
        QApplication.processEvents()
        time.sleep(0.05)
    save(window, "support_bundle_written")


def mixed_report() -> Report:
    """A check through a proxy with a certificate about to expire, routed to another server:
    what a check in production could show (no network here, so the steps are written out).
    """
    base = "https://sofa.contoso.com"
    health = {"url": f"{base}/healthz", "remote": "9f3c2a1b7d4e6f80", "local": "5b1e0c9a2f7d3e44"}
    steps = (
        Step("url", "ok", "url.ok", {"url": base, "host": "sofa.contoso.com"}),
        Step("dns", "ok", "dns.ok", {"host": "sofa.contoso.com", "addresses": "203.0.113.10"}),
        Step(
            "tls",
            "warning",
            "tls.expiring",
            {"host": "sofa.contoso.com", "port": "443", "expires": "2026-12-04", "days": "9"},
        ),
        Step(
            "health",
            "error",
            "health.other_instance",
            {**health, "local_url": "http://127.0.0.1:8080"},
        ),
        Step("scim", "ok", "scim.ok", {"url": f"{base}/scim/v2/Contoso_Entra_ID/Users"}),
    )
    return Report("Contoso_Entra_ID", f"{base}/scim/v2/Contoso_Entra_ID", steps)


def shoot_connection_check(services: bootstrap.Services) -> None:
    dialog = ConnectionCheckDialog(services, "Contoso_Entra_ID")
    dialog.show()
    dialog.view.show_report(mixed_report())
    save(dialog, "connection_check_1_mixed")
    dialog.close()
    dialog.deleteLater()
    # The default address, checked for real: its first step fails, so no network is needed.
    default = check_connection("Contoso_Entra_ID", "http://127.0.0.1:8080", None)
    dialog = ConnectionCheckDialog(services, "Contoso_Entra_ID")
    dialog.show()
    dialog.view.show_report(default)
    save(dialog, "connection_check_2_default_address")
    dialog.close()
    dialog.deleteLater()


# What services/health.py will say of a synchronization (the lead's work), in each language.
HEALTH_EXAMPLE = {
    "en": "Contoso – Entra ID: calls are refused (expired key).",
    "cs": "Contoso – Entra ID: volání jsou odmítána (platnost klíče skončila).",
}


def shoot_background(window: MainWindow, language: str) -> None:
    """The close question (with and without a system tray), the tray's menu and its icons."""
    url = window.server.url or "http://127.0.0.1:8080"
    for name, tray in (("close_1_ask", True), ("close_2_no_tray", False)):
        dialog = CloseDialog(url, tray, window)
        save(dialog, name)
        dialog.close()
        dialog.deleteLater()
    tray = window.background.tray
    tray.show_health("refused", HEALTH_EXAMPLE[language])
    save(tray.menu, "tray_menu")
    tray.menu.close()
    save(icon_states(tray), "tray_icons")


def icon_states(tray: ServerTray) -> QWidget:
    """Every badge the tray icon can show, named, on one strip."""
    strip = QWidget()
    row = QHBoxLayout(strip)
    for state in RANK:
        cell = QVBoxLayout()
        picture = QLabel()
        picture.setPixmap(badged_icon(tray.base_icon, state).pixmap(QSize(48, 48)))
        cell.addWidget(picture)
        cell.addWidget(QLabel(state))
        row.addLayout(cell)
    return strip


def shoot_crash(window: MainWindow) -> None:
    try:
        raise KeyError("Contoso_Entra_ID")  # an example traceback, as the dialog shows it
    except KeyError as error:
        details = "".join(traceback.format_exception(error))
    dialog = CrashDialog(Path(user_log_dir("sofa-scim-desktop", "Sofa")) / FILE_NAME, details)
    save(dialog, "crash_dialog")
    dialog.close()
    dialog.deleteLater()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--language", choices=("en", "cs"), default="en")
    args = parser.parse_args()
    app: QApplication = application(sys.argv[:1])
    use_language(args.language)
    folder = tempfile.mkdtemp(prefix="sofa-shots-")
    services = bootstrap.build(folder)
    keys = populate(services)
    services.settings.set("server.port", "0")
    window = MainWindow(services)
    window.server.start()
    window.sync_page.select("Contoso_Entra_ID")
    save(window, "main_window", (1100, 700))
    for index, name in ((DIRECTORY_PAGE, "directory"), (SETTINGS_PAGE, "settings")):
        window.show_page(index)
        save(window, f"main_window_{name}")
    shoot_support(window, folder)
    window.show_page(SYNC_PAGE)
    page = window.sync_page
    current = page.selected()
    assert current is not None
    box = prompts.confirmation_box(window, *page.delete_question(current))
    save(box, "delete_confirmation")
    box.close()
    shoot_editor(services)
    shoot_access(services)
    shoot_connection_check(services)
    viewer, debug = shoot_logs(services, keys)
    busy = BusyPortDialog("127.0.0.1", 8080, "Address already in use")
    save(busy, "busy_port")
    shoot_background(window, args.language)
    shoot_crash(window)
    window.server.stop()  # first: closing the window while it serves would ask
    # NOTE: deleted by Qt, not by Python's garbage collector (see SyncEditor.edit).
    for widget in (busy, debug, viewer, window):
        widget.close()
        widget.deleteLater()
    app.processEvents()


if __name__ == "__main__":
    main()
