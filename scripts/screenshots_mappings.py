"""Saves PNGs of the mapping tabs (an Entra group seen and one never sent, the built-in role
warning, creating from a row on an empty Sofa, the preview before Save) and of the Directory
explaining why a user holds each group and role, into docs/screenshots/ (runs offscreen).

Usage: .venv/bin/python scripts/screenshots_mappings.py [--language cs]  (Czech: into cs/)
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QCoreApplication  # noqa: E402
from PySide6.QtCore import QEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402
from shot_folder import save_png  # noqa: E402
from shot_folder import use_language  # noqa: E402

from sofa_scim_desktop import bootstrap  # noqa: E402
from sofa_scim_desktop.gui.directory import DirectoryView  # noqa: E402
from sofa_scim_desktop.gui.editor.dialog import GROUPS  # noqa: E402
from sofa_scim_desktop.gui.editor.dialog import ROLES  # noqa: E402
from sofa_scim_desktop.gui.editor.dialog import SyncEditor  # noqa: E402
from sofa_scim_desktop.services.journal import Journal  # noqa: E402
from sofa_scim_desktop.services.provisioning import GroupProvisioning  # noqa: E402
from sofa_scim_desktop.services.provisioning import UserProvisioning  # noqa: E402
from sofa_scim_desktop.services.synchronizations import SyncSettings  # noqa: E402
from tests.samples import entra_group  # noqa: E402
from tests.samples import entra_user  # noqa: E402
from tests.samples import patch  # noqa: E402

SIZE = (1100, 700)
ACCOUNTING = "5e0f9a61-3c1d-4b7e-9a55-0d3c2b1a0f11"
IT_ADMINS = "a7c3e2d4-8b9f-4e10-b2c3-d4e5f6a7b8c9"
TYPO = "5e0f9a61-3c1d-4b7e-9a55-0d3c2b1a0f12"  # one digit off: Entra never sent it


def save(widget: QWidget, name: str) -> None:
    widget.resize(*SIZE)
    save_png(widget, name)


def populate(services: bootstrap.Services) -> None:
    """Contoso has sent Accounting (3 users) and IT admins (1); Sofa maps Accounting."""
    services.directory.create_group("Účetní")
    services.directory.create_group("Finance")
    syncs = services.synchronizations
    sync = syncs.create(SyncSettings("Contoso – Entra ID", "Contoso_Entra_ID"))
    users = UserProvisioning(services.db, sync, Journal(sync))
    groups = GroupProvisioning(services.db, sync, Journal(sync))
    ids = {
        name: users.create(entra_user(f"{name}@contoso.com")).row.scim_id
        for name in ("jana.novakova", "petr.dvorak", "eva.svobodova", "tomas.cerny")
    }
    for name, object_id, members in (
        ("Accounting", ACCOUNTING, ("jana.novakova", "petr.dvorak", "eva.svobodova")),
        ("IT admins", IT_ADMINS, ("tomas.cerny",)),
    ):
        group = groups.create(entra_group(name, object_id)).row.scim_id
        value = [{"value": ids[m]} for m in members]
        groups.patch(group, patch({"op": "Add", "path": "members", "value": value}))
    syncs.map_group("Contoso_Entra_ID", "Účetní", ACCOUNTING)
    services.directory.grant("jana.novakova@contoso.com", group="Finance")


def wait_for_preview(editor: SyncEditor) -> None:
    deadline = time.monotonic() + 30
    while editor.preview.effects is None and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)


def shoot_editor(services: bootstrap.Services) -> list[QWidget]:
    editor = SyncEditor(services, "Contoso_Entra_ID")
    editor.groups.add_row("Finance", TYPO, focus=False)
    editor.tabs.setCurrentIndex(GROUPS)
    save(editor, "mapping_1_seen_and_unseen")
    editor.roles.add_row("Administrator", IT_ADMINS, focus=False)
    editor.tabs.setCurrentIndex(ROLES)
    save(editor, "mapping_2_builtin_role_warning")
    editor.save()
    wait_for_preview(editor)
    save(editor, "mapping_3_preview")
    return [editor]


def shoot_empty_sofa(services: bootstrap.Services) -> QWidget:
    """Before `populate`: Sofa has no groups yet, and the row still leads somewhere."""
    services.synchronizations.create(SyncSettings("Fabrikam", "Fabrikam"))
    editor = SyncEditor(services, "Fabrikam")
    editor.groups.add_row("", ACCOUNTING, focus=False)
    editor.tabs.setCurrentIndex(GROUPS)
    save(editor, "mapping_4_empty_sofa")
    return editor


def shoot_directory(services: bootstrap.Services) -> QWidget:
    view = DirectoryView(services)
    view.resize(*SIZE)
    view.show()
    QCoreApplication.processEvents()
    view.users.select_user("jana.novakova@contoso.com")
    save(view, "directory-user-explained")
    return view


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--language", choices=("en", "cs"), default="en")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    use_language(args.language)
    with tempfile.TemporaryDirectory() as folder:
        services = bootstrap.build(folder)
        empty = shoot_empty_sofa(services)
        populate(services)
        widgets = [empty, *shoot_editor(services), shoot_directory(services)]
        # NOTE: Qt deletes the windows while the QApplication lives (see screenshots_directory).
        for widget in widgets:
            widget.close()
            widget.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        services.db.close()
    app.processEvents()


if __name__ == "__main__":
    main()
