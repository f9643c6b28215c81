"""The main window's menus (File, Synchronization, View, Help), with mnemonics and the
platform's standard shortcuts where Qt knows one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtGui import QKeySequence

from sofa_scim_desktop.gui.pages import DIRECTORY_PAGE
from sofa_scim_desktop.gui.pages import OUTBOX_PAGE
from sofa_scim_desktop.gui.pages import SETTINGS_PAGE
from sofa_scim_desktop.gui.pages import SYNC_PAGE

if TYPE_CHECKING:
    from sofa_scim_desktop.gui.main_window import MainWindow

StandardKey = QKeySequence.StandardKey


def shortcut(action: QAction, key: StandardKey, fallback: str = "") -> None:
    """The platform's keys for `key`; `fallback` where the platform has none (Quit: Qt gives
    Ctrl+Q on Linux desktops but nothing on the offscreen platform and on Windows).
    """
    keys = QKeySequence.keyBindings(key) or ([QKeySequence(fallback)] if fallback else [])
    action.setShortcuts(keys)


class MenuBar(QObject):
    """Builds the menus on `window`; the actions stay reachable for tests and the tray."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._file()
        self._synchronization()
        self._view()
        self._help()

    def _action(self, text: str, slot: object) -> QAction:
        action = QAction(text, self.window)
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        return action

    def _file(self) -> None:
        window = self.window
        menu = window.menuBar().addMenu(self.tr("&File"))
        self.new_sync = self._action(self.tr("&New SCIM synchronization…"), window.new_sync)
        shortcut(self.new_sync, StandardKey.New)
        self.new_user = self._action(self.tr("New &local user…"), window.new_user)
        self.quit = self._action(self.tr("&Quit"), window.quit_app)
        shortcut(self.quit, StandardKey.Quit, "Ctrl+Q")
        menu.addActions([self.new_sync, self.new_user])
        menu.addSeparator()
        menu.addAction(self.quit)

    def _synchronization(self) -> None:
        menu = self.window.menuBar().addMenu(self.tr("&Synchronization"))
        # The list's own actions: enabled with a selected row, as in its toolbar.
        menu.addActions(self.window.sync_page.actions_in_order()[1:])

    def _view(self) -> None:
        window = self.window
        menu = window.menuBar().addMenu(self.tr("&View"))
        pages = (
            (self.tr("&User synchronization"), "Ctrl+1", SYNC_PAGE),
            (self.tr("&Directory"), "Ctrl+2", DIRECTORY_PAGE),
            (self.tr("S&ettings"), "Ctrl+3", SETTINGS_PAGE),
            (self.tr("&Mail outbox"), "Ctrl+4", OUTBOX_PAGE),
        )
        self.pages: list[QAction] = []
        for text, keys, page in pages:
            action = self._action(text, lambda page=page: window.show_page(page))
            action.setShortcut(QKeySequence(keys))
            self.pages.append(action)
        menu.addActions(self.pages)
        menu.addSeparator()
        self.refresh = self._action(self.tr("&Refresh"), window.refresh_page)
        shortcut(self.refresh, StandardKey.Refresh, "F5")
        self.find = self._action(self.tr("&Find user…"), window.find_user)
        shortcut(self.find, StandardKey.Find, "Ctrl+F")
        menu.addActions([self.refresh, self.find])

    def _help(self) -> None:
        window = self.window
        menu = window.menuBar().addMenu(self.tr("&Help"))
        self.manual = self._action(self.tr("Sofa SCIM Desktop &Help"), window.open_help)
        shortcut(self.manual, StandardKey.HelpContents, "F1")
        self.about = self._action(self.tr("&About Sofa SCIM Desktop"), window.open_about)
        menu.addActions([self.manual, self.about])
