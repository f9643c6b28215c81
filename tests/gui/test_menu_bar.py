"""The menu bar: mnemonics, the standard shortcuts, Find, Help in the app's language, About."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from sofa_scim_desktop import __version__
from sofa_scim_desktop.gui.about_dialog import without_password
from sofa_scim_desktop.gui.main_window import DIRECTORY_PAGE
from sofa_scim_desktop.gui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
TITLES = {
    "en": ["&File", "&Synchronization", "&View", "&Help"],
    "cs": ["&Soubor", "S&ynchronizace", "&Zobrazení", "&Nápověda"],
}


def shortcut_of(action) -> list[str]:
    return [key.toString(QKeySequence.SequenceFormat.PortableText) for key in action.shortcuts()]


def test_every_menu_has_a_mnemonic(language: str, window: MainWindow) -> None:
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == TITLES[language]
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            assert action.isSeparator() or "&" in action.text(), action.text()


def test_standard_shortcuts(window: MainWindow) -> None:
    menus = window.menus
    assert "Ctrl+N" in shortcut_of(menus.new_sync)
    assert "F5" in shortcut_of(menus.refresh)
    assert "Ctrl+F" in shortcut_of(menus.find)
    assert "F1" in shortcut_of(menus.manual)
    assert shortcut_of(menus.quit)  # the platform's, or Ctrl+Q where it has none


def test_ctrl_f_goes_to_the_directory_search(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentIndex() == DIRECTORY_PAGE
    qtbot.waitUntil(window.directory_page.users.search.hasFocus)


def test_the_sync_menu_follows_the_selection(window: MainWindow) -> None:
    sync_menu = window.menuBar().actions()[1].menu()
    assert sync_menu.actions() and not any(a.isEnabled() for a in sync_menu.actions())


@pytest.mark.parametrize(
    ("language", "first_line"),
    [("en", "User synchronization using SCIM"), ("cs", "Synchronizace uživatelů přes SCIM")],
    indirect=["language"],
)
def test_help_shows_the_manual_in_the_apps_language(
    window: MainWindow, language: str, first_line: str
) -> None:
    window.menus.manual.trigger()
    text = window.help_dialog.browser.toPlainText()
    assert text.splitlines()[0] == first_line
    assert len(text) > 10_000  # the whole chapter


def test_about_tells_version_data_folder_database_and_server(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.menus.about.trigger()
    about = window.about_dialog
    assert about.isVisible()
    assert about.values["version"] == __version__
    assert about.values["data_dir"] == str(window.services.data_dir)
    assert about.values["database"] == window.services.database_url  # SQLite: no password
    assert about.values["server"] == "Stopped"
    with qtbot.waitSignal(window.server.started):
        window.server.start()
    window.menus.about.trigger()
    assert window.about_dialog.values["server"].startswith("http://127.0.0.1:")


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        (
            "postgresql://sofa:s3cret@db.example.com:5432/sofa",
            "postgresql://sofa@db.example.com:5432/sofa",
        ),
        ("postgresql://sofa@db/sofa", "postgresql://sofa@db/sofa"),
        ("sqlite:////home/a/sofa.db", "sqlite:////home/a/sofa.db"),
    ],
)
def test_the_database_is_shown_without_its_password(url: str, shown: str) -> None:
    assert without_password(url) == shown


def test_the_manual_ships_in_the_wheel_and_the_bundle() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert (
        "manual/*.txt"
        in pyproject["tool"]["setuptools"]["package-data"]["sofa_scim_desktop.resources"]
    )
    assert '"manual"' in (ROOT / "build.spec").read_text()


def test_help_reads_as_headings_paragraphs_and_bullets(window: MainWindow) -> None:
    window.menus.manual.trigger()
    html = window.help_dialog.browser.toHtml()
    text = window.help_dialog.browser.toPlainText()
    assert "Setting up SCIM synchronization on Sofa end" in text
    assert "<li" in html
    assert "scim32" not in text  # a figure of the printed manual, not shipped
