"""Help: the manual's chapter on SCIM synchronization in the app's language, shipped inside the
package (resources/manual), so that it reads the same in a wheel and in the bundle.
"""

from __future__ import annotations

from importlib.resources import files
from typing import Any

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QTextBrowser
from PySide6.QtWidgets import QVBoxLayout


def manual_language() -> str:
    """The GUI's language as the manual has it (Czech or English)."""
    return "cs" if QLocale().language() == QLocale.Language.Czech else "en"


def manual_text(language: str) -> str:
    name = f"manual.{language}.txt"
    return (files("sofa_scim_desktop.resources") / "manual" / name).read_text(encoding="utf-8")


class HelpDialog(QDialog):
    """Not modal: the admin reads it beside the window it explains."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sofa SCIM Desktop Help"))
        self.browser = QTextBrowser()
        self.browser.setPlainText(manual_text(manual_language()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(760, 620)
