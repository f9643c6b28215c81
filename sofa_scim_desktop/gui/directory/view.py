"""DirectoryView: the Sofa directory as the main window embeds it (Users, Groups, Roles tabs)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtCore import Signal
from PySide6.QtCore import Slot
from PySide6.QtWidgets import QTabWidget
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from sofa_scim_desktop.gui.directory.groups_roles import GroupsPage
from sofa_scim_desktop.gui.directory.groups_roles import RolesPage
from sofa_scim_desktop.gui.directory.users_page import UsersPage

# As the synchronization list polls: Entra's changes show without a click on Refresh.
POLL_MS = 3000


class DirectoryView(QWidget):
    """Takes the app's Services (only `services.directory` is used). Emits `directoryChanged`
    after the admin changed users, groups, roles or grants here (e.g. for the synchronization
    editor's lists of Sofa groups and roles).
    """

    directoryChanged = Signal()

    def __init__(self, services: Any, parent: Any = None) -> None:
        super().__init__(parent)
        directory = services.directory
        self.users = UsersPage(directory)
        self.groups = GroupsPage(directory)
        self.roles = RolesPage(directory)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.users, self.tr("Users"))
        self.tabs.addTab(self.groups, self.tr("Groups"))
        self.tabs.addTab(self.roles, self.tr("Roles"))
        # Names and counts change on one tab and show on another: refresh what is shown.
        self.tabs.currentChanged.connect(self._tab_shown)
        for page in (self.users, self.groups, self.roles):
            page.changed.connect(self.directoryChanged)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self._directory = directory
        self._stamp = directory.stamp()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.poll)
        self.timer.start(POLL_MS)

    @Slot()
    def poll(self) -> None:
        """Reloads what is shown when the directory changed since the last look."""
        if not self.isVisible():
            return
        stamp = self._directory.stamp()
        if stamp != self._stamp:
            self._stamp = stamp
            self.users.refresh()
        page = self.tabs.currentWidget()
        if page in (self.groups, self.roles):
            page.refresh()  # renames too; a short list, redrawn only when it changed

    @Slot()
    def refresh(self) -> None:
        """Reloads every page, e.g. after a synchronization changed the directory."""
        self._stamp = self._directory.stamp()
        self.users.refresh()
        self.groups.refresh()
        self.roles.refresh()

    def _tab_shown(self, index: int) -> None:
        page = self.tabs.widget(index)
        if page is self.users:
            self.users.detail.show_user(self.users.detail.user_name())
        elif page in (self.groups, self.roles):
            page.refresh()
