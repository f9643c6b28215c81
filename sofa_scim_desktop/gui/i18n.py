"""The GUI's language: Qt translators and the default locale chosen by the `language` setting."""

from __future__ import annotations

import logging
from importlib.resources import as_file
from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QLibraryInfo
from PySide6.QtCore import QLocale
from PySide6.QtCore import QTranslator

log = logging.getLogger("sofa.gui")

LANGUAGES = ("en", "cs")
CATALOG = "sofa_scim_desktop"
# NOTE: the .qm files are committed beside their .ts (scripts/build_translations compiles them;
# a test fails when one is stale), so that `pip install .` ships them without Qt's tools at
# build time. importlib.resources finds them in a checkout, an installed wheel and a
# PyInstaller bundle (which collects sofa_scim_desktop/resources/translations/*.qm as data).
TRANSLATIONS = files("sofa_scim_desktop.resources") / "translations"

_installed: list[QTranslator] = []


def language_code(setting: str, system: QLocale | None = None) -> str:
    """'cs' or 'en' for the setting's value; 'system' follows the system locale's language."""
    if setting in LANGUAGES:
        return setting
    system = system or QLocale.system()
    return "cs" if system.language() == QLocale.Language.Czech else "en"


def locale_for(code: str, system: QLocale | None = None) -> QLocale:
    """The locale dates and numbers follow: the system's when it speaks the chosen language
    (an English admin in Britain keeps day-first dates), else the language's main country.
    """
    system = system or QLocale.system()
    if language_code("system", system) == code:
        return system
    if code == "cs":
        return QLocale(QLocale.Language.Czech, QLocale.Country.CzechRepublic)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def qm_path(code: str) -> Path:
    with as_file(TRANSLATIONS / f"{CATALOG}_{code}.qm") as path:
        return Path(path)


def _load(translator: QTranslator, path: str) -> bool:
    return Path(path).is_file() and translator.load(path)


def _translators(code: str) -> list[QTranslator]:
    ours = QTranslator()
    if not _load(ours, str(qm_path(code))):
        # NOTE: not fatal: the admin still gets a working app, in English.
        log.warning(
            "No compiled %s translation at %s: the app runs in English "
            "(run scripts/build_translations)",
            code,
            qm_path(code),
        )
        return []
    if code == "en":  # only the plural forms ("1 hour", "2 hours"); Qt's texts are English
        return [ours]
    qt = QTranslator()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not _load(qt, str(Path(qt_dir) / f"qtbase_{code}.qm")):
        log.warning("Qt's own %s translation is missing in %s", code, qt_dir)
        return [ours]
    return [ours, qt]


def apply_language(setting: str) -> str:
    """Installs the translators and the default locale for the setting; returns the code.
    Called once at start: widgets take their texts when built, so a change shows after a restart.
    """
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    code = language_code(setting)
    QLocale.setDefault(locale_for(code))
    for translator in _translators(code):
        QCoreApplication.installTranslator(translator)
        _installed.append(translator)
    return code
