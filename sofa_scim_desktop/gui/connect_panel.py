"""The "Connect Entra" panel below the synchronization list: the selected synchronization's
Endpoint URL to copy (always shown, not only when a key is made), a warning while Entra cannot
reach it, the manual's Entra steps ticked off from what Sofa has seen, and Check the connection.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtCore import QTimer
from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGroupBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from sofa_scim_desktop.bootstrap import Services
from sofa_scim_desktop.domain.errors import DomainError
from sofa_scim_desktop.gui.access_dialog import endpoint_url
from sofa_scim_desktop.gui.clipboard import copy_text
from sofa_scim_desktop.gui.entra_checklist import EntraChecklist
from sofa_scim_desktop.gui.health_icons import health_icon
from sofa_scim_desktop.gui.health_texts import HealthWords
from sofa_scim_desktop.gui.public_url_warning import PublicUrlWarning
from sofa_scim_desktop.services.entra_progress import entra_progress
from sofa_scim_desktop.services.synchronizations import SyncSummary

COPIED_MS = 2000  # how long the button says "Copied"


class ConnectEntraPanel(QGroupBox):
    """`show_sync(summary)` follows the list's selection and its poll. Emits
    `settingsRequested` (change the public base URL) and `checkRequested`.
    """

    settingsRequested = Signal()
    checkRequested = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.identifier: str | None = None
        self.url = QLineEdit()
        self.url.setReadOnly(True)  # selectable, not editable
        self.url.setFont(QFont("monospace"))
        self.copy_button = QPushButton(self.tr("Copied"))
        self.copy_button.setMinimumWidth(self.copy_button.sizeHint().width())  # no jump
        self.copy_button.setText(self.tr("Copy"))
        self.copy_button.clicked.connect(self.copy_url)
        self._copied = QTimer(self)
        self._copied.setSingleShot(True)
        self._copied.timeout.connect(lambda: self.copy_button.setText(self.tr("Copy")))
        self.alias_note = QLabel()  # SPEC §8.3: renamed, and Entra still has the old URL
        self.alias_note.setWordWrap(True)
        self.alias_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.alias_note.setStyleSheet(
            "background: #fff4d6; border: 1px solid #e0b450; border-radius: 3px; padding: 6px;"
        )
        self.warning = PublicUrlWarning()
        self.warning.settingsRequested.connect(self.settingsRequested)
        self.words = HealthWords(self)
        self.health_icon = QLabel()
        self.health = QLabel()
        self.health.setWordWrap(True)
        self.health.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.check_button = QPushButton(self.tr("Check the connection"))
        self.check_button.clicked.connect(self.checkRequested)
        self.checklist = EntraChecklist()
        self.hint = QLabel(self.tr("Select a synchronization to connect it with Entra."))
        self.body = QWidget()
        self._lay_out()
        self.show_sync(None)

    def _lay_out(self) -> None:
        url_row = QHBoxLayout()
        url_row.addWidget(self.url, 1)
        url_row.addWidget(self.copy_button)
        health_row = QHBoxLayout()
        health_row.addWidget(self.health_icon, 0, Qt.AlignmentFlag.AlignTop)
        health_row.addWidget(self.health, 1)
        check_row = QHBoxLayout()
        check_row.addWidget(self.check_button)
        check_row.addStretch()
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Endpoint URL (Entra's Tenant URL):")))
        left.addLayout(url_row)
        left.addWidget(self.alias_note)
        left.addWidget(self.warning)
        left.addLayout(health_row)
        left.addLayout(check_row)
        left.addStretch()
        right = QVBoxLayout()
        steps = QLabel(self.tr("In Entra: Enterprise apps → your application → Provisioning"))
        steps.setStyleSheet("font-weight: bold;")
        right.addWidget(steps)
        right.addWidget(self.checklist)
        right.addStretch()
        body = QHBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(left, 11)
        body.addSpacing(12)
        body.addLayout(right, 10)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.body)

    def show_sync(self, summary: SyncSummary | None) -> None:
        """Shows `summary`'s synchronization, or the hint when none is selected."""
        try:
            progress = entra_progress(summary.identifier) if summary else None
        except DomainError:  # deleted meanwhile: the list catches up at its next poll
            progress = None
        if summary is None or progress is None:
            self.identifier = None
            self.setTitle(self.tr("Connect Entra"))
            self.hint.show()
            self.body.hide()
            return
        self.identifier = summary.identifier
        self.setTitle(self.tr("Connect Entra – %1").replace("%1", summary.name))
        self.hint.hide()
        self.body.show()
        url = endpoint_url(self.services, summary.identifier)
        if self.url.text() != url:  # unchanged: the admin's selection in it stays
            self.url.setText(url)
            self.url.setCursorPosition(0)
        self._show_aliases(summary)
        self.warning.show_for(self.services.settings.get("public_base_url"))
        self._show_health(summary)
        self.checklist.show_progress(progress)

    def _show_aliases(self, summary: SyncSummary) -> None:
        """What to change in Entra after a rename, until Entra calls the new URL."""
        self.alias_note.setVisible(bool(summary.aliases))
        if summary.aliases:
            old = ", ".join(endpoint_url(self.services, a) for a in summary.aliases)
            self.alias_note.setText(
                self.tr(
                    "Renamed: the old Tenant URL %1 still works as an alias, until Entra's "
                    "first call on the new one. In Entra (Provisioning → Admin Credentials), set "
                    "Tenant URL to the Endpoint URL above (Copy), keep the Secret Token, and "
                    "save."
                ).replace("%1", old)
            )

    def _show_health(self, summary: SyncSummary) -> None:
        """The list's tooltip without hovering (its last failure only as the tooltip here)."""
        self.health_icon.setPixmap(health_icon(summary.health.state).pixmap(18, 18))
        self.health.setText(self.words.tooltip(summary.health, last_failure=False))
        self.health.setToolTip(self.words.tooltip(summary.health))

    def copy_url(self) -> None:
        copy_text(self.url.text())
        self.copy_button.setText(self.tr("Copied"))
        self._copied.start(COPIED_MS)
