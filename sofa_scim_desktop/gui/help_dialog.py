"""Help: the manual's chapter on SCIM synchronization in the app's language, shipped inside the
package (resources/manual), so that it reads the same in a wheel and in the bundle.
"""

from __future__ import annotations

import html
import re
from importlib.resources import files
from typing import Any

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QTextBrowser
from PySide6.QtWidgets import QVBoxLayout

IMAGE_NAME = re.compile(r"[a-z]+\d+")


def manual_language() -> str:
    """The GUI's language as the manual has it (Czech or English)."""
    return "cs" if QLocale().language() == QLocale.Language.Czech else "en"


def manual_text(language: str) -> str:
    name = f"manual.{language}.txt"
    return (files("sofa_scim_desktop.resources") / "manual" / name).read_text(encoding="utf-8")


def manual_html(text: str) -> str:
    """The manual's plain text as headings, paragraphs and bullets: its first line is the
    chapter's title; a short line without closing punctuation is a heading; "•" lines, and a
    line after a lone "-", are bullets.
    """
    parts: list[str] = []
    lines = [line.strip() for line in text.splitlines()]
    bullet_next = False
    for number, line in enumerate(lines):
        if not line or IMAGE_NAME.fullmatch(line):
            continue  # the printed manual's figures ("scim32") are not shipped
        if line == "-":
            bullet_next = True
            continue
        words = html.escape(line.lstrip("•").strip())
        if number == 0:
            parts.append(f"<h2>{words}</h2>")
        elif bullet_next or line.startswith("•"):
            parts.append(f"<ul><li>{words}</li></ul>")
        elif len(line) < 60 and not line.endswith((".", ":", ";", ",", ")")):
            parts.append(f"<h3>{words}</h3>")
        else:
            parts.append(f"<p>{words}</p>")
        bullet_next = False
    return "\n".join(parts)


class HelpDialog(QDialog):
    """Not modal: the admin reads it beside the window it explains."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sofa SCIM Desktop Help"))
        self.browser = QTextBrowser()
        self.browser.setHtml(manual_html(manual_text(manual_language())))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(760, 620)
