"""The main window: navigation on the left, the chosen page on the right, server status below."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtCore import Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QMainWindow
from PySide6.QtWidgets import QSplitter
from PySide6.QtWidgets import QStackedWidget
from PySide6.QtWidgets import QTreeWidget
from PySide6.QtWidgets import QTreeWidgetItem

from sofa_scim_desktop.bootstrap import Services
from sofa_scim_desktop.gui import window_state
from sofa_scim_desktop.gui.about_dialog import AboutDialog
from sofa_scim_desktop.gui.background import Background
from sofa_scim_desktop.gui.close_dialog import KEEP
from sofa_scim_desktop.gui.close_dialog import QUIT
from sofa_scim_desktop.gui.colours import text_style
from sofa_scim_desktop.gui.directory.view import DirectoryView
from sofa_scim_desktop.gui.help_dialog import HelpDialog
from sofa_scim_desktop.gui.menu_bar import MenuBar
from sofa_scim_desktop.gui.outbox_page import OutboxPage
from sofa_scim_desktop.gui.pages import DIRECTORY_PAGE
from sofa_scim_desktop.gui.pages import OUTBOX_PAGE
from sofa_scim_desktop.gui.pages import SETTINGS_PAGE
from sofa_scim_desktop.gui.pages import SYNC_PAGE
from sofa_scim_desktop.gui.server_control import ServerControl
from sofa_scim_desktop.gui.settings_view import SettingsView
from sofa_scim_desktop.gui.sync_page import SyncPage
from sofa_scim_desktop.services.connection_check import local_base_url

__all__ = ["DIRECTORY_PAGE", "OUTBOX_PAGE", "SETTINGS_PAGE", "SYNC_PAGE", "MainWindow"]


class MainWindow(QMainWindow):
    """Emits `quitRequested` once it has closed for good (not into the tray): the app quits."""

    quitRequested = Signal()

    def __init__(self, services: Services, server: ServerControl | None = None) -> None:
        super().__init__()
        self.services = services
        self.server = server or ServerControl(services, self)
        self.server.dialog_parent = self
        self.setWindowTitle(self.tr("Sofa SCIM Desktop"))
        self.sync_page = SyncPage(services)
        self.sync_page.local_url = self.local_server_url
        self.directory_page = DirectoryView(services)
        self.settings_page = SettingsView(services)
        self.outbox_page = OutboxPage(services)
        self.pages = QStackedWidget()
        pages = (self.sync_page, self.directory_page, self.settings_page, self.outbox_page)
        for page in pages:
            self.pages.addWidget(page)
        self.settings_page.serverSettingsChanged.connect(self.restart_server)
        self.settings_page.saved.connect(self.sync_page.refresh)  # e.g. a new public base URL
        self.sync_page.settingsRequested.connect(self.open_public_base_url)
        self.navigation = self._navigation()
        self.splitter = splitter = QSplitter()
        splitter.addWidget(self.navigation)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        # The pages need the width more than the names, but a name must not be cut (Czech ones
        # are longer than English ones).
        names = self.navigation.sizeHintForColumn(0) + 2 * self.navigation.frameWidth() + 8
        splitter.setSizes([max(185, names), 915])
        self.setCentralWidget(splitter)
        self.server_status = QLabel()
        self.statusBar().addPermanentWidget(self.server_status)
        self.server.started.connect(self._server_started)
        self.server.stopped.connect(self._server_stopped)
        self.server.failed.connect(self._server_failed)
        if self.server.url is None:
            self._server_stopped()
        else:
            self._server_started(self.server.url)
        self.background = Background(self, self.server, services.settings)
        self.background.tray.quitRequested.connect(self.quit_app)
        # The tray shows the worst health the list's 2 s poll found (tray.worst), translated.
        self.sync_page.healthChanged.connect(self.background.tray.show_health)
        self.background.tray.show_health(*self.sync_page.health)
        self._quitting = False
        self.help_dialog: HelpDialog | None = None
        self.menus = MenuBar(self)
        self.resize(1100, 700)
        window_state.restore(self, self._splitters())

    def _splitters(self) -> dict[str, QSplitter]:
        return {"navigation": self.splitter, "users": self.directory_page.users.splitter}

    def _navigation(self) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setHeaderHidden(True)
        bridge = QTreeWidgetItem([self.tr("Sofa 365 Bridge")])
        bridge.setFlags(Qt.ItemFlag.ItemIsEnabled)
        sync = QTreeWidgetItem(bridge, [self.tr("User synchronization")])
        sync.setData(0, Qt.ItemDataRole.UserRole, SYNC_PAGE)
        directory = QTreeWidgetItem([self.tr("Directory")])
        directory.setData(0, Qt.ItemDataRole.UserRole, DIRECTORY_PAGE)
        settings = QTreeWidgetItem([self.tr("Settings")])
        settings.setData(0, Qt.ItemDataRole.UserRole, SETTINGS_PAGE)
        outbox = QTreeWidgetItem(settings, [self.tr("Mail outbox")])
        outbox.setData(0, Qt.ItemDataRole.UserRole, OUTBOX_PAGE)
        tree.addTopLevelItems([bridge, directory, settings])
        tree.expandAll()
        tree.currentItemChanged.connect(self._navigate)
        tree.setCurrentItem(sync)
        return tree

    def _navigate(self, item: QTreeWidgetItem | None) -> None:
        page = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        if page is not None:
            self.pages.setCurrentIndex(page)
        if page == DIRECTORY_PAGE:  # Entra may have changed it since it was last shown
            self.directory_page.refresh()

    def show_page(self, page: int) -> None:
        for item in self._items():
            if item.data(0, Qt.ItemDataRole.UserRole) == page:
                self.navigation.setCurrentItem(item)

    def _items(self) -> list[QTreeWidgetItem]:
        found: list[QTreeWidgetItem] = []
        for i in range(self.navigation.topLevelItemCount()):
            top = self.navigation.topLevelItem(i)
            assert top is not None
            found.append(top)
            found.extend(top.child(j) for j in range(top.childCount()))  # type: ignore[misc]
        return found

    # --- What the menus do -------------------------------------------------------------------

    @Slot()
    def new_sync(self) -> None:
        self.show_page(SYNC_PAGE)
        self.sync_page.add_action.trigger()

    @Slot()
    def new_user(self) -> None:
        self.show_page(DIRECTORY_PAGE)
        self.directory_page.tabs.setCurrentWidget(self.directory_page.users)
        self.directory_page.users.new_user()

    @Slot()
    def refresh_page(self) -> None:
        page = self.pages.currentWidget()
        if page in (self.sync_page, self.directory_page, self.outbox_page):
            page.refresh()

    @Slot()
    def find_user(self) -> None:
        """The Directory's search field, its text selected to type over."""
        self.show_page(DIRECTORY_PAGE)
        self.directory_page.tabs.setCurrentWidget(self.directory_page.users)
        search = self.directory_page.users.search
        search.setFocus()
        search.selectAll()

    @Slot()
    def open_help(self) -> None:
        if self.help_dialog is None:
            self.help_dialog = HelpDialog(self)
        self.help_dialog.show()
        self.help_dialog.raise_()

    @Slot()
    def open_about(self) -> None:
        about = AboutDialog(
            str(self.services.data_dir),
            self.services.database_url,
            self.server.url,
            self,
        )
        about.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        about.show()
        self.about_dialog = about

    @Slot()
    def open_public_base_url(self) -> None:
        """Settings, with the cursor in the public base URL (the Connect Entra warning)."""
        self.show_page(SETTINGS_PAGE)
        self.settings_page.focus_field("public_base_url")

    def local_server_url(self) -> str | None:
        """Where the embedded server answers on this computer (None while stopped)."""
        server = self.server.server
        return local_base_url(server.host, server.port) if server else None

    @Slot()
    def restart_server(self) -> None:
        """Restarts the embedded server on the current settings (the Settings page calls it)."""
        self.server.restart()

    def _server_started(self, url: str) -> None:
        self.server_status.setText(self.tr("SCIM server running on %1").replace("%1", url))
        self.server_status.setStyleSheet("")

    def _server_stopped(self) -> None:
        self.server_status.setText(self.tr("SCIM server stopped"))
        self.server_status.setStyleSheet("")

    def _server_failed(self, reason: str) -> None:
        self.server_status.setText(reason)
        self.server_status.setStyleSheet(text_style("error"))

    @Slot()
    def bring_forward(self) -> None:
        self.background.bring_forward()

    @Slot()
    def quit_app(self) -> None:
        """Quits without asking (the tray's Quit): the server stops."""
        self._quitting = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        window_state.save(self, self._splitters())  # into the tray or for good
        choice = QUIT if self._quitting else self.background.on_close()
        if choice != QUIT:  # KEEP, or None: Cancel
            event.ignore()
            if choice == KEEP:
                self.background.keep_serving()
            return
        self.background.tray.hide()
        self.server.stop()
        super().closeEvent(event)
        self.quitRequested.emit()
