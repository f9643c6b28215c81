"""Saves PNGs of the safe changes (SPEC §8.3, issue 12) into docs/screenshots/ (Czech: cs/):
the editor with the identifier edited, Connect Entra with an alias, Access details' question
before a key is replaced, and the Disable confirmation.

Usage: .venv/bin/python scripts/screenshots_safe.py [--language cs]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QWidget  # noqa: E402
from shot_folder import save_png  # noqa: E402
from shot_folder import use_language  # noqa: E402

from sofa_scim_desktop import bootstrap  # noqa: E402
from sofa_scim_desktop.gui import prompts  # noqa: E402
from sofa_scim_desktop.gui.access_dialog import AccessDialog  # noqa: E402
from sofa_scim_desktop.gui.app import application  # noqa: E402
from sofa_scim_desktop.gui.disable_question import DisableQuestion  # noqa: E402
from sofa_scim_desktop.gui.editor.dialog import SyncEditor  # noqa: E402
from sofa_scim_desktop.gui.key_question import KeyReplaceQuestion  # noqa: E402
from sofa_scim_desktop.gui.main_window import MainWindow  # noqa: E402
from sofa_scim_desktop.services.synchronizations import SyncSettings  # noqa: E402

SIZE = (1100, 700)


def save(widget: QWidget, name: str, size: tuple[int, int] | None = None) -> None:
    if size:
        widget.resize(*size)
    save_png(widget, name)
    widget.hide()  # not close(): the editor would ask about its changes, the window about quitting
    widget.deleteLater()


def populate(services: bootstrap.Services) -> None:
    s = services.synchronizations
    services.settings.set("public_base_url", "https://sofa.contoso.com")
    s.create(SyncSettings("Contoso – Entra ID", "Contoso_Entra_ID", "Production tenant, HR users"))
    s.create(SyncSettings("Northwind", "Northwind", "Subsidiary"))
    s.issue_key("Contoso_Entra_ID", 365)
    s.issue_key("Northwind", 365)
    s.issue_key("Northwind", 365)  # the previous key in its grace period
    settings = SyncSettings("Contoso – Entra ID", "Contoso_HR", "Production tenant, HR users")
    s.update("Contoso_Entra_ID", settings)  # renamed: Contoso_Entra_ID is its alias


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--language", choices=("en", "cs"), default="en")
    args = parser.parse_args()
    app = application(sys.argv[:1])
    use_language(args.language)
    services = bootstrap.build(tempfile.mkdtemp(prefix="sofa-shots-"))
    populate(services)

    editor = SyncEditor(services, "Northwind")
    editor.parameters.identifier.setText("Northwind_Traders")
    save(editor, "safe_1_editor_identifier_edited")

    window = MainWindow(services)  # the embedded server is not started: no port needed
    window.sync_page.select("Contoso_HR")
    save(window, "safe_2_connect_entra_alias", SIZE)

    access = AccessDialog(services, "Northwind")
    save(access, "safe_3_access_previous_key")
    save(KeyReplaceQuestion(), "safe_4_replace_key_question")

    words = DisableQuestion()
    save(prompts.confirmation_box(None, *words.texts("Contoso – Entra ID")), "safe_5_disable")
    app.processEvents()


if __name__ == "__main__":
    main()
