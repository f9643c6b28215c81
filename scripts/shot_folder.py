"""What the screenshot scripts share: the folder by language (Czech into cs/) and saving a
widget's picture there once Qt has laid it out.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QWidget

from sofa_scim_desktop.gui.i18n import apply_language

ROOT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
_folder = ROOT


def use_language(language: str) -> None:
    """Czech shots go to their own folder; English ones keep the folder the docs link to."""
    global _folder
    if language == "cs":
        _folder = ROOT / "cs"
        apply_language("cs")
    else:
        _folder = ROOT
        # A desktop's locale rather than a container's C locale ("24 11 2026").
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    _folder.mkdir(parents=True, exist_ok=True)


def save_png(widget: QWidget, name: str) -> None:
    widget.show()
    for _ in range(3):
        QCoreApplication.processEvents()
    path = _folder / f"{name}.png"
    widget.grab().save(str(path))
    print(path)
