"""The "Support" box of the Settings page: writes a support bundle (SPEC §8.2) off the GUI
thread, since a large directory takes seconds, and says where it went.
"""

from __future__ import annotations

import html
import logging
import threading
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtCore import QUrl
from PySide6.QtCore import Signal
from PySide6.QtCore import Slot
from PySide6.QtWidgets import QGroupBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QVBoxLayout

from sofa_scim_desktop.domain.errors import DomainError
from sofa_scim_desktop.gui import prompts
from sofa_scim_desktop.gui.colours import text_style
from sofa_scim_desktop.gui.error_texts import error_text
from sofa_scim_desktop.gui.labels import problem_style
from sofa_scim_desktop.services.support import bundle

log = logging.getLogger("sofa.gui")


class SupportBox(QGroupBox):
    # (path written, why not): emitted by the writing thread, delivered in the GUI thread.
    finished = Signal(str, str)

    def __init__(self, services: Any, parent: Any = None) -> None:
        super().__init__(self.tr("Support"), parent)
        self._services = services
        self.writer: threading.Thread | None = None
        note = QLabel(
            self.tr(
                "When you ask for help, attach a support bundle to your request: a zip file "
                "with the versions, the settings, each synchronization's health and mappings, "
                "the last 7 days of its log and the mail outbox. E-mail addresses and names in "
                "it are masked; keys and passwords are never in it."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(placeholder-text);")
        self.create_button = QPushButton(self.tr("Create a support bundle…"))
        self.create_button.clicked.connect(self.create_bundle)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.RichText)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.result.setOpenExternalLinks(True)  # "Open the folder": the file manager
        self.result.hide()
        self.finished.connect(self._show_result)
        button_row = QHBoxLayout()
        button_row.addWidget(self.create_button)
        button_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(button_row)
        layout.addWidget(self.result)

    @staticmethod
    def suggested_path() -> str:
        stamp = datetime.now().strftime("%Y-%m-%d-%H%M")
        return str(Path.home() / f"sofa-scim-support-{stamp}.zip")

    @Slot()
    def create_bundle(self) -> None:
        path = prompts.save_path(
            self,
            self.tr("Create a support bundle"),
            self.suggested_path(),
            self.tr("Zip files (*.zip)"),
        )
        if not path:
            return
        if not Path(path).suffix:  # not every file dialog adds the filter's extension
            path += ".zip"
        self.create_button.setEnabled(False)
        self._show(self.tr("Creating the support bundle…"), "")
        self.writer = threading.Thread(
            target=self._write, args=(path,), name="support-bundle", daemon=True
        )
        self.writer.start()

    def _write(self, path: str) -> None:
        """On the writing thread: never touches a widget, only emits."""
        written, problem = "", ""
        try:
            written = str(bundle.write(self._services, path))
        except DomainError as error:
            problem = error_text(error)
        except Exception as error:  # told to the admin: no bundle must look like a bundle
            log.exception("could not write the support bundle")
            problem = f"{type(error).__name__}: {error}"
        finally:
            self._services.db.close()  # this thread's own connection
        try:
            self.finished.emit(written, problem)
        except RuntimeError:  # the window was closed meanwhile: nobody left to tell
            log.info("support bundle finished after its window closed: %s", written or problem)

    @Slot(str, str)
    def _show_result(self, written: str, problem: str) -> None:
        self.create_button.setEnabled(True)
        if not written:
            self._show(
                html.escape(self.tr("No support bundle was written: %1").replace("%1", problem)),
                problem_style(),
            )
            return
        folder = QUrl.fromLocalFile(str(Path(written).parent)).toString()
        text = html.escape(self.tr("The support bundle was written to %1.")).replace(
            "%1", f"<b>{html.escape(written)}</b>"
        )
        link = html.escape(self.tr("Open the folder"))
        self._show(f'{text}<br><a href="{html.escape(folder)}">{link}</a>', text_style("success"))

    def _show(self, rich_text: str, style: str) -> None:
        self.result.setText(rich_text)
        self.result.setStyleSheet(style)
        self.result.show()
