"""The "Check the connection" view (SPEC §8.2): runs what Entra's "Test connection" will meet
off the GUI thread and shows each step; a widget to embed, and a dialog around it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtCore import Slot
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QGridLayout
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from sofa_scim_desktop.bootstrap import Services
from sofa_scim_desktop.domain.errors import DomainError
from sofa_scim_desktop.gui.connection_step_row import StepRow
from sofa_scim_desktop.gui.labels import problem_style
from sofa_scim_desktop.gui.pool import PoolSignals
from sofa_scim_desktop.gui.pool import start_in_pool
from sofa_scim_desktop.services.connection_check import check_connection
from sofa_scim_desktop.services.connection_check import settings_local_url
from sofa_scim_desktop.services.connection_report import ERROR
from sofa_scim_desktop.services.connection_report import STEPS
from sofa_scim_desktop.services.connection_report import WARNING
from sofa_scim_desktop.services.connection_report import Options
from sofa_scim_desktop.services.connection_report import Report

log = logging.getLogger("sofa.gui")
LocalUrl = Callable[[], str | None]


class ConnectionCheckView(QWidget):
    """`run()` checks synchronization `identifier` through the saved public base URL.
    `local_url` gives this computer's server (its /healthz names the instance to find behind
    the proxy); by default the Server host and port of Settings. `options` are for tests.
    """

    finished = Signal(object)  # the Report, once shown

    def __init__(
        self,
        services: Services,
        identifier: str,
        local_url: LocalUrl | None = None,
        options: Options | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.identifier = identifier
        self.local_url = local_url or (lambda: settings_local_url(services.settings))
        self.options = options or Options()
        self.report: Report | None = None
        self._signals = PoolSignals(self)
        self._signals.finished.connect(lambda _run, report: self.show_report(report))
        self._signals.failed.connect(lambda _run, reason: self._show_failure(reason))
        self.run_button = QPushButton(self.tr("Check the connection"))
        self.run_button.clicked.connect(self.run)
        self.summary = QLabel(
            self.tr("Checks what Entra's “Test connection” will meet at the Endpoint URL.")
        )
        self.summary.setWordWrap(True)
        grid = QGridLayout()
        grid.setColumnStretch(2, 1)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(8)
        self.rows = [StepRow(grid, index) for index, _ in enumerate(STEPS)]
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.run_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid)
        layout.addStretch()

    @property
    def running(self) -> bool:
        return not self.run_button.isEnabled()

    @Slot()
    def run(self) -> None:
        """Starts the check in the background; the steps show when it is done."""
        if self.running:
            return
        try:
            self.services.synchronizations.get(self.identifier)
        except DomainError as error:  # deleted meanwhile (e.g. by `sofa-scim` on this database)
            self._show_failure(str(error))
            return
        # NOTE: the database is read here, on the GUI thread; the task only calls the network.
        public = self.services.settings.get("public_base_url")
        local, options, identifier = self.local_url(), self.options, self.identifier
        self.run_button.setEnabled(False)
        self._set_summary(self.tr("Checking… (at most half a minute)"), "")
        for row in self.rows:
            row.clear()
        # NOTE: network calls only on the pool (the database was read above).
        check = lambda: check_connection(identifier, public, local, options)  # noqa: E731
        start_in_pool(check, self._signals, what="the connection check")

    def show_report(self, report: Report) -> None:
        """Shows `report`'s steps (run() calls it when the check is done)."""
        self.report = report
        self.run_button.setEnabled(True)
        fix_label = self.tr("Fix:")
        for row, step in zip(self.rows, report.steps, strict=True):
            row.show(step, fix_label)
        statuses = {step.status for step in report.steps}
        if ERROR in statuses:
            text = self.tr("Entra's “Test connection” will fail: fix the errors, then check again.")
            self._set_summary(text, problem_style())
        elif WARNING in statuses:
            self._set_summary(self.tr("It should work, but look at the warnings."), "")
        else:
            self._set_summary(self.tr("Entra's “Test connection” should succeed."), "")
        self.finished.emit(report)

    def _show_failure(self, reason: str) -> None:
        self.run_button.setEnabled(True)
        self._set_summary(
            self.tr("The check could not run: %1").replace("%1", reason), problem_style()
        )

    def _set_summary(self, text: str, style: str) -> None:
        self.summary.setText(text)
        self.summary.setStyleSheet(style)


class ConnectionCheckDialog(QDialog):
    """The view in a window of its own, checking as soon as it opens."""

    def __init__(
        self,
        services: Services,
        identifier: str,
        local_url: LocalUrl | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        name = services.synchronizations.get(identifier).name
        self.setWindowTitle(self.tr("Check the connection – %1").replace("%1", name))
        self.view = ConnectionCheckView(services, identifier, local_url, parent=self)
        self.view.finished.connect(self._fit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.setMinimumWidth(760)

    def _fit(self) -> None:
        """As tall as the steps' wrapped texts at the dialog's width (adjustSize alone leaves
        room for them wrapped narrower).
        """
        layout = self.layout()
        height = layout.totalHeightForWidth(self.width()) if layout else -1
        if height > 0:
            self.resize(self.width(), height)

    @classmethod
    def show_for(
        cls, services: Services, identifier: str, local_url: LocalUrl | None, parent: QWidget | None
    ) -> None:
        """Opens it modally and starts the check. Tests replace this."""
        dialog = cls(services, identifier, local_url, parent)
        dialog.view.run()
        dialog.exec()
        dialog.deleteLater()  # NOTE: by Qt, not Python's GC (see SyncEditor.edit)
