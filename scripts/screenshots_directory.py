"""Saves PNGs of the directory pages, the new-user dialog and the settings page, built on a
populated throw-away database, into docs/screenshots/ (runs offscreen).

Usage: .venv/bin/python scripts/screenshots_directory.py [--language cs]  (Czech: into cs/)
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402
from sample_directory import populate  # noqa: E402
from shot_folder import save_png  # noqa: E402
from shot_folder import use_language  # noqa: E402

from sofa_scim_desktop import bootstrap  # noqa: E402
from sofa_scim_desktop.gui.directory import DirectoryView  # noqa: E402
from sofa_scim_desktop.gui.directory.new_user_dialog import NewUserDialog  # noqa: E402

SIZE = (1100, 700)


def save(widget: QWidget, name: str, size: tuple[int, int] = SIZE) -> None:
    widget.resize(*size)
    save_png(widget, name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--language", choices=("en", "cs"), default="en")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    use_language(args.language)
    with tempfile.TemporaryDirectory() as folder:
        services = bootstrap.build(folder)
        populate(services)
        view = DirectoryView(services)
        view.resize(*SIZE)
        view.show()
        app.processEvents()
        view.users.table.selectRow(5)
        save(view, "directory-users")
        services.directory.grant(view.users.detail.user_name() or "", group="Board")
        view.users.detail.show_user(view.users.detail.user_name())
        save(view, "directory-users-hand-grant")
        removed = next(r for r in services.directory.user_page(limit=1000) if r.removed)
        view.users.search.setText("2@contoso.com")
        view.users.model.set_search("2@contoso.com")
        view.users.select_user(removed.user_name)
        save(view, "directory-users-search-removed")
        view.tabs.setCurrentWidget(view.groups)
        view.groups.select("Finance")
        save(view, "directory-groups")
        view.tabs.setCurrentWidget(view.roles)
        view.roles.select("Administrator")
        save(view, "directory-roles")
        dialog = NewUserDialog(services.directory, view)
        dialog.user_name.setText("admin")
        dialog.email.setText("not-an-address")
        dialog.submit()
        save(dialog, "new-user-dialog", (dialog.sizeHint().width(), dialog.sizeHint().height()))
        settings = _settings(services)
        services.db.close()
        # NOTE: Qt deletes the windows while the QApplication lives; left to Python's exit, they
        # outlived it in a random order and the script crashed now and then after saving.
        for widget in (dialog, view, settings):
            if widget is not None:
                widget.close()
                widget.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _settings(services: bootstrap.Services) -> QWidget | None:
    try:
        from sofa_scim_desktop.gui.settings_view import SettingsView
    except ImportError:
        return None
    view = SettingsView(services)
    view.public_base_url.setText("sofa.example.com")
    view.save()
    save(view, "settings")
    return view


if __name__ == "__main__":
    main()
